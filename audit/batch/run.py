"""Batch execution: every case in a folder, each isolated, outputs written atomically."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.atomic import write_atomic
from audit.contract import to_contract
from audit.errors import AuditError
from audit.ingest import SIDE_FILES, supported
from audit.model import to_dict
from audit.privacy import mask

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

    def text(self) -> str:
        lines = [f"共 {len(self.results)} 个案卷，报告已写入 {self.output}"]
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
    """Every entry directly under ``folder`` is one case: sub-folders and files (unsupported
    files too, so that each is accounted for with a reason); hidden entries, side files
    (.json/.yaml/.md) and the output folder are left out."""
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    out = out.resolve() if out else None
    return [
        p for p in entries
        if (p.is_dir() and p.resolve() != out) or (p.is_file() and p.suffix.lower() not in SIDE_FILES
                                                  and not p.name.endswith(".waivers.yaml"))
    ]


def case_ids(sources: list[Path]) -> list[str]:
    """Folder name or file stem; a stem shared by two files gets its suffix appended."""
    stems = [p.name if p.is_dir() else p.stem for p in sources]
    return [
        stem if stems.count(stem) == 1 else f"{stem}-{p.suffix.lstrip('.').lower() or 'file'}"
        for stem, p in zip(stems, sources, strict=True)
    ]


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def content_hash(source: Path) -> str:
    """SHA-256 over the bytes of a case's input files (names included for folders)."""
    digest = hashlib.sha256()
    files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
    for path in files:
        if source.is_dir():
            digest.update(str(path.relative_to(source)).encode("utf-8"))
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def write_case_outputs(target: Path, result_, masked: bool, rule_set: str, profile: str, record: dict) -> None:
    """Everything a reader gets for one case: JSON, text, HTML report, DOCX notice."""
    from audit.report.html import render_html
    from audit.report.notice import write_notice
    from audit.report.text import findings_text

    protect = mask if masked else (lambda x: x)
    case, findings = result_.case, result_.findings
    write_atomic(target / "extraction.json", _dump(protect(to_contract(case))))
    write_atomic(target / "findings.json", _dump(protect([to_dict(f) for f in findings])))
    write_atomic(target / "score.json", _dump(to_dict(result_.score)))
    write_atomic(target / "record.json", _dump(protect(record)))
    write_atomic(target / "report.txt", protect(findings_text(case, findings, result_.score)) + "\n")
    write_atomic(target / "report.html", render_html(case, findings, result_.score, masked, rule_set, profile))
    tmp = target / ".notice.docx.tmp"
    write_notice(case, findings, tmp, masked=masked)
    os.replace(tmp, target / "notice.docx")  # its PDF: audit.batch.notices, once per batch


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


def audit_source(source: Path, o: BatchOptions, ocr: OcrOptions, stats: dict[str, Any] | None = None):
    """Read (from the extracted-case cache where it can), check and score one case."""
    from audit.batch.casecache import load_case
    from audit.checks.profile import load_profile
    from audit.pipeline import CaseAudit, check_case
    from audit.score import load_standard, score

    stats = {} if stats is None else stats
    t0 = time.perf_counter()
    loaded = load_case(source, ocr, use_cache=o.cache)
    t1 = time.perf_counter()
    findings = check_case(loaded.case, o.select, o.ignore, o.profile)
    chosen = o.standard or load_profile(o.profile).get("scoring_standard")
    result = CaseAudit(loaded.case, findings, score(findings, load_standard(chosen) if chosen else None))
    stats.update(pages=len(loaded.case.pages), from_cache=loaded.from_cache,
                 read_s=round(t1 - t0, 4), check_s=round(time.perf_counter() - t1, 4))
    return result


def _audit_task(task: dict[str, Any]) -> dict[str, Any]:
    """Audit one case and write its outputs (runs in a worker process)."""
    from audit.report.records import case_record

    source, target, o, ocr = Path(task["source"]), Path(task["target"]), task["options"], task["ocr"]
    cpu0 = time.process_time()
    stats: dict[str, Any] = {"ocr": {"engine": ocr.engine, "dpi": ocr.dpi, "threads": ocr.threads,
                                     "page_cache": not ocr.no_cache, "case_cache": o.cache}}
    try:
        if not supported_case(source):
            from audit import errors

            raise errors.unsupported(source.name)
        result = audit_source(source, o, ocr, stats)
        t0 = time.perf_counter()
        record = case_record(result.case, result.findings, result.score, task["hash"])
        write_case_outputs(target, result, o.masked, task["rule_set"], o.profile, record)
        write_atomic(target / "done.json", _dump({"key": task["key"], "case_id": task["case_id"]}))
        stats.update(write_s=round(time.perf_counter() - t0, 4), peak_rss_mb=_peak_rss_mb(),
                     cpu_s=round(time.process_time() - cpu0, 4))  # this process, all its threads
        return {"record": mask(record) if o.masked else record, "stats": stats}
    except AuditError as exc:
        return {"error": f"{exc.zh} / {exc.en}", "stats": stats}
    except Exception as exc:  # one bad file must never stop the batch
        return {"error": f"处理时发生意外错误 / unexpected error: {type(exc).__name__}: {exc}", "stats": stats}


def _peak_rss_mb() -> float:
    try:
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB
    except ImportError:  # pragma: no cover - Windows
        return 0.0


def supported_case(source: Path) -> bool:
    return source.is_dir() or supported(source)


def _resume_key(source_hash: str, rule_set: str, o: BatchOptions, ocr: OcrOptions) -> str:
    from audit import __version__
    from audit.batch.casecache import reader_version, reading_options

    parts = [source_hash, rule_set, o.profile, o.standard or "", str(o.masked), __version__,
             ",".join(o.select or []), ",".join(o.ignore or []), reader_version(),
             json.dumps(reading_options(ocr), sort_keys=True, default=str)]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:24]


def _finished(target: Path, key: str) -> dict | None:
    """The stored record of a case already audited with the same inputs and settings."""
    try:
        done = json.loads((target / "done.json").read_text(encoding="utf-8"))
        if done.get("key") == key:
            return json.loads((target / "record.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return None


def _result_of(case_id: str, source: Path, record: dict | None, error: str | None,
               stats: dict[str, Any] | None = None) -> CaseResult:
    result = CaseResult(case_id=case_id, source=str(source), error=error, stats=stats or {})
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
    same command finishes the rest and duplicates nothing.
    """
    from audit.checks import load_rules, select_rules
    from audit.limits import LIMITS
    from audit.ocr.options import available_cores
    from audit.pool import run_tasks
    from audit.report.records import rule_set_version
    from audit.report.workbook import write_workbook

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
    skipped = 0
    for case_id, source in zip(ids, sources, strict=True):
        try:
            digest = content_hash(source)
        except OSError as exc:
            errors[case_id] = f"无法读取：{exc} / cannot read: {exc}"
            continue
        if digest in seen_hashes:
            errors[case_id] = (f"与案卷 {seen_hashes[digest]} 内容完全相同，未重复审查 / "
                               f"identical to case {seen_hashes[digest]}; not audited twice")
            continue
        seen_hashes[digest] = case_id
        key = _resume_key(digest, rule_set, o, ocr)
        finished = _finished(out / case_id, key) if o.resume else None
        if finished is not None:
            records[case_id] = finished
            skipped += 1
            continue
        sizes[case_id] = _input_size(source)
        tasks.append({"source": str(source), "target": str(out / case_id), "options": o, "hash": digest,
                      "key": key, "rule_set": rule_set, "case_id": case_id, "ocr": ocr})
    # largest first: the long cases start early and the short ones fill the gaps at the end
    tasks.sort(key=lambda t: -sizes[t["case_id"]])

    total, finished_count, t0 = len(tasks), 0, dt.datetime.now()

    def on_result(r) -> None:
        nonlocal finished_count
        finished_count += 1
        task = tasks[r.index]
        if r.ok and r.value.get("stats"):
            stats[task["case_id"]] = r.value["stats"]
        if r.ok and "record" in r.value:
            records[task["case_id"]] = r.value["record"]
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
    if o.scheduler:
        from audit.batch.distributed import run_on_dask

        # each Dask worker plans its own OCR threads from the cores of its machine (plan_task)
        run_on_dask(tasks, _audit_task, o.scheduler, on_result, local_workers=o.jobs or 2, plan=plan_task)
    else:
        slots = max(1, min(jobs, len(tasks)))
        planned = [plan_task(t, slots) for t in tasks]
        threads = planned[0]["ocr"].threads if planned else 1
        run_tasks(planned, _audit_task, jobs=jobs, timeout_s=timeout,
                  initializer=functools.partial(_worker_init, threads), on_result=on_result)

    summary = BatchSummary(out)
    for case_id, source in zip(ids, sources, strict=True):
        summary.results.append(_result_of(case_id, source, records.get(case_id), errors.get(case_id),
                                          stats.get(case_id)))
    if o.pdf:
        from audit.batch.notices import make_pdfs

        make_pdfs([out / c for c in ids if c in records])
    ordered = [records[c] for c in ids if c in records]
    write_workbook(ordered, [{"case_id": c, "error": e} for c, e in errors.items()], out / ".workbook.xlsx.tmp")
    os.replace(out / ".workbook.xlsx.tmp", out / "workbook.xlsx")
    run = {
        "run_id": f"{out.name}-{started}",
        "started": started,
        "finished": dt.datetime.now().isoformat(timespec="seconds"),
        "rule_set_version": rule_set,
        "profile": o.profile,
        "standard": o.standard or "",
        "source": str(folder),
        "cases": ids,
        "reused": skipped,
        "read_from_cache": sum(1 for s in stats.values() if s.get("from_cache")),
        "ocr": {"engine": ocr.engine, "dpi": ocr.dpi, "page_cache": not ocr.no_cache, "case_cache": o.cache},
    }
    write_atomic(out / "run.json", _dump(run))
    write_atomic(out / "summary.json", _dump([to_dict(r) for r in summary.results]))
    write_atomic(out / "summary.txt", summary.text() + "\n")
    _record_history(history, run, ordered)
    return summary


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


def _worker_init(threads: int = 1) -> None:
    """A case worker's thread budget: ``threads`` for ONNX Runtime / BLAS, OpenCV single-threaded
    beside them (workers × threads ≤ cores: no oversubscription)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)
    try:
        from audit.ocr.worker import init_worker
    except ImportError:  # pragma: no cover - OCR dependencies missing: text files still audit
        return
    init_worker(threads)


def _record_history(history: Path | None, run: dict, records: list[dict]) -> None:
    """Add the run to the SQLite history (trends across batches); optional until it exists."""
    try:
        from audit.stats import store
    except ImportError:
        return
    store.record_run(history or store.default_db_path(), run, records)
