"""The working folder of the self-check page: one sub-folder per uploaded case, read in a
background thread, kept as JSON so corrections re-run the checks without reading again.

Layout of ``WORKDIR/<case id>/``::

    meta.json        name, files, state, message, when
    input/           the uploaded file (``x.pdf``) or folder of pages (``<name>/001-….jpg``);
                     the override file lives beside it, as ``audit check`` expects
    case.json        the case as read (before corrections)
    out/             the notice written for download
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import inspect
import json
import logging
import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from audit.atomic import write_atomic
from audit.errors import AuditError
from audit.model import Case, Finding, Score, case_from_json_dict, case_to_json_dict
from audit.parse.recognise import require_case_file

log = logging.getLogger("audit.web")

JOB_ID = regex.compile(r"^c-[0-9a-f]{10}$")
VIEWS = ("self", "full")
STAGE_TEXT = {
    "queued": "排队等候",
    "saving": "正在保存上传的文件",
    "read": "正在读取文件",
    "ocr": "正在识别扫描页面的文字",
    "extracted": "正在提取文书内容",
    "checking": "正在逐项检查",
    "done": "检查完成",
    "error": "未能完成",
}
UNEXPECTED = ("读取时发生意外错误，请确认文件能正常打开后重试；如仍出错，请将文件交技术人员查看。",
              "an unexpected error occurred while reading the file")


def case_title(case: Case) -> str:
    """What officers call a case: the party and the case number, as far as they were read."""
    parts = [f.value for f in (case.party.name, case.case_number) if f is not None and f.value]
    return "　".join(str(p) for p in parts)


def default_workdir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "casefile-audit" / "serve"


@dataclass(slots=True)
class Status:
    state: str = "queued"  # queued | reading | done | error
    stage: str = "queued"
    done: int = 0
    total: int = 0
    message: str = ""
    started: float = field(default_factory=time.time)
    ocr_started: float | None = None  # when the first scanned page began to be read

    def to_json(self) -> dict[str, Any]:
        text = STAGE_TEXT.get(self.stage, self.stage)
        if self.stage == "ocr":
            from audit.web.warmup import ocr_stage_text

            text = ocr_stage_text(self.done, self.total, time.time() - (self.ocr_started or self.started))
        return {
            "state": self.state, "stage": self.stage, "stage_text": text, "done": self.done,
            "total": self.total, "message": self.message, "elapsed": round(time.time() - self.started, 1),
        }


class Job:
    """One uploaded case: its folder, its reading status, the case read and its findings."""

    def __init__(self, root: Path, meta: dict[str, Any]) -> None:
        self.root = root
        self.meta = meta
        self.status = Status(state=meta.get("state", "queued"), stage=meta.get("state", "queued"),
                             message=meta.get("message", ""))
        self.lock = threading.RLock()
        self._read: Case | None = None  # as read, before corrections
        self._case: Case | None = None  # with corrections applied
        self._results: dict[str, tuple[list[Finding], Score]] = {}

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def name(self) -> str:
        return self.meta.get("name", self.id)

    @property
    def label(self) -> str:
        """A file-name-safe label for downloads: the party and number when read, else the name."""
        from audit.web.uploads import safe_name

        return safe_name((self.meta.get("title") or self.name).replace("　", "-"), "案卷")

    @property
    def source(self) -> Path:
        return self.root / "input" / self.meta["source"]

    def save_meta(self) -> None:
        _write_json(self.root / "meta.json", self.meta)

    # --- reading ------------------------------------------------------------------------

    def read(self, reader: Callable[..., Case]) -> None:
        """Read the case (background thread): progress into ``status``, the case to disk."""
        self._set(state="reading", stage="read")
        try:
            kwargs: dict[str, Any] = {}
            if "progress" in inspect.signature(reader).parameters:
                kwargs["progress"] = self._progress
            if "ocr" in inspect.signature(reader).parameters:  # page readings cached inside the case's folder:
                from audit.config import ocr_options  # deleting the case deletes them

                kwargs["ocr"] = dataclasses.replace(ocr_options(), cache_dir=self.root / "cache")
            case = reader(self.source, **kwargs)
            require_case_file(case)  # not a case file: the message, no findings and no grade
            self._set(stage="checking")
            _write_json(self.root / "case.json", case_to_json_dict(case))
            with self.lock:
                self._read, self._case, self._results = case, None, {}
            self.case()  # apply the corrections now, so the page opens at once
            self._set(state="done", stage="done")
        except AuditError as exc:
            self._set(state="error", stage="error", message=exc.message())
        except Exception:  # noqa: BLE001 - never a traceback on the page
            log.exception("reading %s failed", self.source)
            self._set(state="error", stage="error", message=f"错误：{UNEXPECTED[0]}\nError: {UNEXPECTED[1]}")
        self.meta["state"], self.meta["message"] = self.status.state, self.status.message
        self.meta["pages"] = len(self._read.pages) if self._read else 0
        if self._read is not None:
            self.meta["title"] = case_title(self._read)
        self.save_meta()

    def _progress(self, done: int, total: int, stage: str) -> None:
        if stage == "ocr" and done == 0:
            self._set(ocr_started=time.time())  # estimates count from the first page, not the upload
        self._set(done=done, total=total, stage=stage)

    def _set(self, **changes: Any) -> None:
        with self.lock:
            for key, value in changes.items():
                setattr(self.status, key, value)

    # --- the case and its findings ------------------------------------------------------

    def case(self) -> Case:
        """The case with the override file applied (read from case.json after a restart)."""
        from audit.overrides import apply_overrides

        with self.lock:
            if self._read is None:
                self._read = case_from_json_dict(json.loads((self.root / "case.json").read_text("utf-8")))
                # the folder may have moved with the working folder: point at it again
                self._read.source = str(self.source)
            if self._case is None:
                case = copy.deepcopy(self._read)
                apply_overrides(case, self.source)
                self._case = case
            return self._case

    def corrections_changed(self) -> None:
        with self.lock:
            self._case, self._results = None, {}

    def results(self, view: str) -> tuple[list[Finding], Score]:
        """Findings and score under the view's rules (``self``: the self-check; ``full``)."""
        from audit.checks.profile import DEFAULT_PROFILE, load_profile
        from audit.pipeline import check_case
        from audit.score import load_standard, score
        from audit.selfcheck import self_check_selection

        with self.lock:
            if view not in self._results:
                if view == "self":
                    profile, select, ignore = self_check_selection(None, None, None)
                else:
                    profile, select, ignore = DEFAULT_PROFILE, None, None
                findings = check_case(self.case(), select, ignore, profile)
                standard = load_profile(profile).get("scoring_standard")
                self._results[view] = (findings, score(findings, load_standard(standard) if standard else None))
            return self._results[view]

    def profile_name(self, view: str) -> str:
        from audit.checks.profile import DEFAULT_PROFILE
        from audit.selfcheck import SELF_CHECK_PROFILE

        return SELF_CHECK_PROFILE if view == "self" else DEFAULT_PROFILE


class Workspace:
    """The working folder and the cases in it; one case is read at a time."""

    def __init__(self, root: Path, reader: Callable[..., Case] | None = None) -> None:
        self.root = Path(root).expanduser().resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            self.root.chmod(0o700)
        except OSError:
            pass
        self._reader = reader
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="audit-read")
        self._load()

    def reader(self) -> Callable[..., Case]:
        if self._reader is None:
            from audit.pipeline import read_case

            return read_case
        return self._reader

    def _load(self) -> None:
        for meta_path in sorted(self.root.glob("c-*/meta.json")):
            try:
                meta = json.loads(meta_path.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            if not JOB_ID.match(str(meta.get("id", ""))):
                continue
            if meta.get("state") not in ("done", "error"):  # interrupted by a restart
                meta["state"] = "error"
                meta["message"] = "错误：读取被中断（程序已重新启动），请重新上传。\nError: reading was interrupted; upload again."
            self._jobs[meta["id"]] = Job(meta_path.parent, meta)

    def new_job(self, name: str) -> Job:
        job_id = "c-" + secrets.token_hex(5)
        root = self.root / job_id
        (root / "input").mkdir(parents=True)
        meta = {"id": job_id, "name": name, "created": dt.datetime.now().isoformat(timespec="seconds"),
                "state": "queued", "source": "", "files": []}
        job = Job(root, meta)
        with self._lock:
            self._jobs[job_id] = job
        return job

    def start(self, job: Job) -> None:
        job.save_meta()
        self._pool.submit(job.read, self.reader())

    def get(self, job_id: str) -> Job | None:
        if not JOB_ID.match(job_id):
            return None
        with self._lock:
            return self._jobs.get(job_id)

    def jobs(self) -> list[Job]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.meta.get("created", ""), reverse=True)

    def remove(self, job: Job) -> bool:
        """Delete a case's folder; a case being read is kept (returns False)."""
        if job.status.state in ("queued", "reading"):
            return False
        with self._lock:
            self._jobs.pop(job.id, None)
        shutil.rmtree(job.root, ignore_errors=True)
        return True

    def clear(self) -> int:
        """Delete every case not being read; the number kept."""
        kept = 0
        for job in self.jobs():
            kept += not self.remove(job)
        return kept

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _write_json(path: Path, data: Any) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False))
