"""Batch execution: every case in a folder, each isolated, outputs written atomically."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.atomic import write_atomic
from audit.batch.guards import (
    combined_failures,
    outputs_intact,
    printable,
    run_id,
    unique_ids,
)
from audit.batch.worker import audit_task, dump_json, worker_init
from audit.model import to_dict

if TYPE_CHECKING:
    from audit.ocr.options import OcrOptions


@dataclass(slots=True)
class CaseResult:
    case_id: str
    source: str
    counts: dict[str, int] = field(default_factory=dict)
    score: float | None = None
    grade: str | None = None
    error: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)  # pages, cache use, seconds by stage, worker memory


@dataclass(slots=True)
class BatchSummary:
    output: Path
    results: list[CaseResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # end-of-run writes that failed (bilingual lines)
    duplicates: dict[str, str] = field(default_factory=dict)  # case id → the line naming its original
    office_cpu_s: float = 0.0  # CPU of the LibreOffice kept running for the notice PDFs (not a waited-for child)

    def exit_code(self) -> int:
        """0 the batch ran; 2 every case was unusable; 3 an end-of-run write failed."""
        if self.problems:
            return 3
        return 2 if self.results and all(r.error for r in self.results) else 0

    def text(self) -> str:
        lines = [f"共 {len(self.results)} 个案卷，报告已写入 {self.output}"]
        if self.duplicates:
            lines.append(f"重复提交 {len(self.duplicates)} 份（未重复计数）/ {len(self.duplicates)} duplicates (counted once):")
            lines += [f"  ＝ {line}" for line in self.duplicates.values()]
        for r in self.results:
            if r.error:
                lines.append(f"  ✗ {r.case_id}：无法审查 — {r.error}")
            else:
                lines.append(
                    f"  {r.case_id}：{r.score:g} 分（{r.grade}），不符合 {r.counts.get('fail', 0)} 条，"
                    f"待人工核查 {r.counts.get('needs_review', 0)} 条，符合 {r.counts.get('pass', 0)} 条"
                )
        return "\n".join(lines)


def find_cases(folder: Path, out: Path | None = None) -> list[Path]:
    """The cases under ``folder`` (see :func:`audit.batch.inputs.find_cases`)."""
    from audit.batch.inputs import find_cases as cases_in

    return cases_in(folder, out)


def case_ids(sources: list[Path]) -> list[str]:
    """Folder name or file stem; a stem shared by two files gets its suffix appended."""
    stems = [p.name if p.is_dir() else p.stem for p in sources]
    return unique_ids([
        stem if stems.count(stem) == 1 else f"{stem}-{p.suffix.lstrip('.').lower() or 'file'}"
        for stem, p in zip(stems, sources, strict=True)
    ])


def content_hash(source: Path) -> str:
    """SHA-256 over the bytes of a case's input files (names included for folders)."""
    digest = hashlib.sha256()
    files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
    for path in files:
        if source.is_dir():
            digest.update(os.fsencode(path.relative_to(source)))
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


@dataclass(slots=True)
class BatchOptions:
    select: list[str] | None = None
    ignore: list[str] | None = None
    profile: str = "national-default"
    standard: str | None = None
    masked: bool = True
    jobs: int = 0  # 0: one worker per core
    timeout_s: float | None = None  # None: the configured per-case limit
    resume: bool = True
    scheduler: str | None = None  # Dask scheduler address, or "local"; None: local process pool
    ocr: OcrOptions | None = None  # None: the settings' (audit.toml); threads None: planned per worker
    cache: bool = True  # False: neither the OCR page cache nor the extracted-case cache is used
    name: str = ""  # the run's name ("2024年第一季度评查"), shown in the index, stats and trends
    pdf: bool = True  # notice.pdf beside notice.docx (LibreOffice, one call per batch, changed notices only)


def ocr_threads(slots: int, cores: int | None = None) -> int:
    """ONNX Runtime threads for one case worker when ``slots`` cases share ``cores`` cores:
    workers × threads never exceeds the cores (no oversubscription), and never below one."""
    from audit.ocr.options import available_cores

    cores = cores or available_cores()
    return max(1, cores // max(1, slots))


def batch_ocr_options(o: BatchOptions) -> OcrOptions:
    """The OCR options every case of the batch is read with (threads left to the plan)."""
    from audit.config import ocr_options

    base = o.ocr if o.ocr is not None else ocr_options()
    return dataclasses.replace(base, no_cache=True) if not o.cache else base


def plan_task(task: dict[str, Any], slots: int, cores: int | None = None) -> dict[str, Any]:
    """``task`` with its OCR threads set for a worker that shares its machine's cores with
    ``slots`` case workers in all (threads given explicitly are kept)."""
    ocr: OcrOptions = task["ocr"]
    if ocr.threads:
        return task
    return {**task, "ocr": dataclasses.replace(ocr, threads=ocr_threads(slots, cores), workers=1)}


def _resume_key(source_hash: str, rule_set: str, o: BatchOptions, ocr: OcrOptions) -> str:
    from audit import __version__
    from audit.batch.casecache import reader_version, reading_options

    parts = [source_hash, rule_set, o.profile, o.standard or "", str(o.masked), __version__,
             ",".join(o.select or []), ",".join(o.ignore or []), reader_version(),
             json.dumps(reading_options(ocr), sort_keys=True, default=str)]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:24]


def _finished(target: Path, key: str) -> dict | None:
    """The stored record of a case already audited with the same inputs and settings, when
    every output it lists is still there with its size and hash (else the case is redone)."""
    try:
        done = json.loads((target / "done.json").read_text(encoding="utf-8"))
        if done.get("key") == key and outputs_intact(target, done.get("outputs")):
            return json.loads((target / "record.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return None


def _result_of(case_id: str, source: Path, record: dict | None, error: str | None,
               stats: dict[str, Any] | None = None) -> CaseResult:
    result = CaseResult(case_id=case_id, source=printable(str(source)), error=error, stats=stats or {})
    if record is not None:
        result.counts = record["counts"]
        result.score, result.grade = record["score"], record["grade"]
    return result


def run_batch(folder: Path, out: Path, options: BatchOptions | None = None, history: Path | None = None,
              progress: Callable[[str], None] | None = None) -> BatchSummary:
    """Audit every case under ``folder`` in parallel; write per-case outputs, the workbook and
    the run manifest under ``out``, and record the run in the history database.

    Resumable: a case whose inputs and settings are unchanged since its outputs were written
    (``done.json``, written last) is not audited again; after an interruption, re-running the
    same command finishes the rest and duplicates nothing. A second batch into the same
    ``out`` waits for this one (advisory lock); the end-of-run writes never raise: a failure
    is a bilingual line in ``summary.problems``.
    """
    from audit.batch.guards import output_lock

    with output_lock(out, progress):
        return _run_batch(folder, out, options, history, progress)


def _run_batch(folder: Path, out: Path, options: BatchOptions | None, history: Path | None,
               progress: Callable[[str], None] | None) -> BatchSummary:
    from audit.batch.index import write_index
    from audit.batch.inputs import duplicate_line, duplicate_numbers
    from audit.checks import load_rules, select_rules
    from audit.limits import LIMITS
    from audit.ocr.options import available_cores
    from audit.pool import run_tasks
    from audit.report.records import rule_set_version
    o = options or BatchOptions()
    started = dt.datetime.now().isoformat(timespec="seconds")
    select_rules(load_rules(), o.select, o.ignore)  # an unknown rule code stops here, not in every case
    rule_set = rule_set_version()
    ocr = batch_ocr_options(o)
    if ocr.engine != "none":
        from audit.ocr import engines

        engines.spec(ocr.engine)  # an unknown engine name stops here (EngineUnavailable), not in every case
    jobs = o.jobs or available_cores()
    sources = find_cases(folder, out)
    ids = case_ids(sources)
    records: dict[str, dict] = {}
    errors: dict[str, str] = {}
    stats: dict[str, dict[str, Any]] = {}
    sizes: dict[str, int] = {}
    tasks: list[dict[str, Any]] = []
    seen_hashes: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    skipped = 0
    for case_id, source in zip(ids, sources, strict=True):
        try:
            digest = content_hash(source)
        except OSError as exc:
            errors[case_id] = printable(f"无法读取：{exc} / cannot read: {exc}")
            continue
        if digest in seen_hashes and _input_size(source) > 0:  # two empty files are not one case
            duplicates[case_id] = duplicate_line(case_id, seen_hashes[digest], "hash")
            continue
        seen_hashes[digest] = case_id
        key = _resume_key(digest, rule_set, o, ocr)
        finished = _finished(out / case_id, key) if o.resume else None
        if finished is not None:
            records[case_id] = {**finished, "case_id": case_id}
            skipped += 1
            continue
        sizes[case_id] = _input_size(source)
        tasks.append({"source": str(source), "target": str(out / case_id), "options": o, "hash": digest,
                      "key": key, "rule_set": rule_set, "case_id": case_id, "ocr": ocr})
    # largest first: the long cases start early and the short ones fill the gaps at the end
    tasks.sort(key=lambda t: -sizes[t["case_id"]])

    total, finished_count, t0 = len(tasks), 0, dt.datetime.now()
    pdfs = None
    if o.pdf:
        from audit.batch.notices import BatchPdfs

        pdfs = BatchPdfs()  # LibreOffice starts with the first changed notice, beside the audits
        if any(not (Path(t["target"]) / "notice.pdf").is_file() for t in tasks):
            pdfs.start()  # a case without its PDF yet will need one: start now, not at its end

    def on_result(r) -> None:
        nonlocal finished_count
        finished_count += 1
        task = tasks[r.index]
        if r.ok and r.value.get("stats"):
            stats[task["case_id"]] = r.value["stats"]
        if r.ok and "record" in r.value:
            records[task["case_id"]] = r.value["record"]
            if pdfs is not None:
                pdfs.add([out / task["case_id"]])
            note = f"{r.value['record']['score']:g} 分（{r.value['record']['grade']}）"
        else:
            reason = r.value["error"] if r.ok else {"timeout": str(errors_timeout(task, timeout)), "crash": "处理进程异常退出 / worker crashed"}.get(r.error, r.error)
            errors[task["case_id"]] = reason
            note = "无法审查"
        if progress:
            elapsed = (dt.datetime.now() - t0).total_seconds()
            eta = elapsed / finished_count * (total - finished_count)
            progress(f"[{finished_count}/{total}] {task['case_id']}：{note}（已用 {elapsed:.0f} 秒，预计还需 {eta:.0f} 秒）")

    timeout = o.timeout_s if o.timeout_s is not None else LIMITS.case_timeout_s
    if progress and skipped:
        progress(f"{skipped} 个案卷此前已审查且未变化，直接沿用结果 / {skipped} unchanged cases reused")
    try:
        if o.scheduler:
            from audit.batch.distributed import run_on_dask

            # each Dask worker plans its own OCR threads from the cores of its machine (plan_task)
            run_on_dask(tasks, audit_task, o.scheduler, on_result, local_workers=o.jobs or 2, plan=plan_task)
        else:
            slots = max(1, min(jobs, len(tasks)))
            planned = [plan_task(t, slots) for t in tasks]
            threads = planned[0]["ocr"].threads if planned else 1
            run_tasks(planned, audit_task, jobs=jobs, timeout_s=timeout,
                      initializer=functools.partial(worker_init, threads), on_result=on_result)
    except BaseException:
        if pdfs is not None:
            pdfs.close()
        raise

    for case_id, original in duplicate_numbers(records, ids).items():  # same 文号: counted once
        records.pop(case_id)
        duplicates[case_id] = duplicate_line(case_id, original, "number")
    summary = BatchSummary(out, duplicates=duplicates)
    for case_id, source in zip(ids, sources, strict=True):
        if case_id in duplicates:
            continue
        summary.results.append(_result_of(case_id, source, records.get(case_id), errors.get(case_id),
                                          stats.get(case_id)))
    if pdfs is not None:
        pdfs.finish([out / c for c in ids if c in records])  # the rest, and LibreOffice stopped
        summary.office_cpu_s = pdfs.cpu_s
    ordered = [records[c] for c in ids if c in records]
    failed = [{"case_id": c, "error": e} for c, e in errors.items()]
    run = {
        "run_id": run_id(out, started),
        "name": o.name,
        "output": printable(str(out.resolve())),
        "started": started,
        "finished": dt.datetime.now().isoformat(timespec="seconds"),
        "rule_set_version": rule_set,
        "profile": o.profile,
        "standard": o.standard or "",
        "source": printable(str(folder)),
        "cases": [c for c in ids if c not in duplicates],
        "duplicates": duplicates,
        "reused": skipped,
        "read_from_cache": sum(1 for s in stats.values() if s.get("from_cache")),
        "ocr": {"engine": ocr.engine, "dpi": ocr.dpi, "page_cache": not ocr.no_cache, "case_cache": o.cache},
    }
    end_writes = [
        ("汇总工作簿", "the workbook",
         lambda: write_atomic(out / "workbook.xlsx", _workbook_bytes(ordered, failed, duplicates))),
        ("运行记录", "the run record", lambda: write_atomic(out / "run.json", dump_json(run))),
        ("索引页", "the index page", lambda: write_index(out, run, ids, records, errors, duplicates)),
        ("汇总", "the summary", lambda: write_atomic(out / "summary.json", dump_json([to_dict(r) for r in summary.results]))),
        ("汇总文本", "the summary text", lambda: write_atomic(out / "summary.txt", summary.text() + "\n")),
        ("历史记录", "the history", lambda: _record_history(history, run, ordered)),
    ]
    failures: list[tuple[str, str, Exception]] = []
    for zh, en, write in end_writes:
        try:
            write()
        except Exception as exc:  # noqa: BLE001 - the end of a batch must not lose the run
            failures.append((zh, en, exc))
    summary.problems += combined_failures(failures)
    return summary


def _workbook_bytes(records: list[dict], failed: list[dict], duplicates: dict[str, str]) -> bytes:
    """The workbook, built in the system's temporary folder (a full output disk then fails
    only the one write of its bytes, atomically)."""
    import tempfile

    from audit.report.workbook import write_workbook

    with tempfile.TemporaryDirectory(prefix="audit-workbook-") as folder:
        return write_workbook(records, failed, Path(folder) / "workbook.xlsx", duplicates).read_bytes()


def errors_timeout(task: dict[str, Any], timeout: float):
    from audit import errors

    exc = errors.timed_out(Path(task["source"]).name, timeout)
    return f"{exc.zh} / {exc.en}"


def _input_size(source: Path) -> int:
    try:
        if source.is_dir():
            return sum(p.stat().st_size for p in source.iterdir() if p.is_file())
        return source.stat().st_size
    except OSError:
        return 0


def _record_history(history: Path | None, run: dict, records: list[dict]) -> None:
    """Add the run to the SQLite history (trends across batches); optional until it exists."""
    try:
        from audit.stats import store
    except ImportError:
        return
    store.record_run(history or store.default_db_path(), run, records)
