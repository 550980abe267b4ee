"""The work of one case in a batch worker process: read (from the case cache where it can),
check, score and write its outputs, then ``done.json`` last. Never raises: a bad file is an
error line, so one case never stops the batch."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.atomic import write_atomic
from audit.batch.guards import case_failure, manifest, printable, printable_tree
from audit.errors import AuditError
from audit.privacy import mask

if TYPE_CHECKING:
    from audit.batch.run import BatchOptions
    from audit.ocr.options import OcrOptions


def dump_json(data: Any) -> str:
    from audit.report.jsontext import dumps

    return dumps(data) + "\n"  # json.dumps(data, ensure_ascii=False, indent=2), faster


def write_case_outputs(target: Path, result_, masked: bool, rule_set: str, profile: str, record: dict) -> None:
    """Everything a reader gets for one case (the writer table of audit.report.outputs)."""
    from audit.report.outputs import write_case_outputs as write_all

    write_all(target, result_, masked, rule_set, profile, record)


def audit_source(source: Path, o: BatchOptions, ocr: OcrOptions, stats: dict[str, Any] | None = None):
    """Read (from the extracted-case cache where it can), check and score one case."""
    from audit.batch.casecache import load_case
    from audit.checks.profile import load_profile
    from audit.parse.recognise import require_case_file
    from audit.pipeline import CaseAudit, check_case
    from audit.score import load_standard, score

    stats = {} if stats is None else stats
    t0 = time.perf_counter()
    loaded = load_case(source, ocr, use_cache=o.cache)
    require_case_file(loaded.case)  # not a case file: an error row with the message, no grade
    t1 = time.perf_counter()
    findings = check_case(loaded.case, o.select, o.ignore, o.profile)
    chosen = o.standard or load_profile(o.profile).get("scoring_standard")
    result = CaseAudit(loaded.case, findings, score(findings, load_standard(chosen) if chosen else None))
    stats.update(pages=len(loaded.case.pages), from_cache=loaded.from_cache,
                 read_s=round(t1 - t0, 4), check_s=round(time.perf_counter() - t1, 4))
    return result


def audit_task(task: dict[str, Any]) -> dict[str, Any]:
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
        # the batch's id, unique in the run (two files with one stem are two cases); printable
        record = printable_tree({**record, "case_id": task["case_id"], "document_case_id": record.get("case_id")})
        _drop_partial_writes(target)
        write_case_outputs(target, result, o.masked, task["rule_set"], o.profile, record)
        write_atomic(target / "done.json", dump_json({"key": task["key"], "case_id": task["case_id"],
                                                  "outputs": manifest(target)}))
        stats.update(write_s=round(time.perf_counter() - t0, 4), peak_rss_mb=_peak_rss_mb(),
                     cpu_s=round(time.process_time() - cpu0, 4))  # this process, all its threads
        return {"record": mask(record) if o.masked else record, "stats": stats}
    except AuditError as exc:
        return {"error": printable(f"{exc.zh} / {exc.en}"), "stats": stats}
    except Exception as exc:  # one bad file must never stop the batch (MemoryError: the worker's ceiling)
        return {"error": case_failure(exc, source.name), "stats": stats}


def _peak_rss_mb() -> float:
    try:
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB
    except ImportError:  # pragma: no cover - Windows
        return 0.0


def supported_case(source: Path) -> bool:
    from audit.ingest import supported  # here: audit check of a cached case imports no reader

    return source.is_dir() or supported(source)


def worker_init(threads: int = 1) -> None:
    """A case worker's thread budget: ``threads`` for ONNX Runtime / BLAS, OpenCV single-threaded
    beside them (workers × threads ≤ cores: no oversubscription)."""
    from audit import lifeline
    from audit.limits import LIMITS

    lifeline.set_memory_ceiling(LIMITS.max_worker_mb)  # a runaway case fails alone (MemoryError)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)
    try:
        from audit.ocr.worker import init_worker
    except ImportError:  # pragma: no cover - OCR dependencies missing: text files still audit
        return
    init_worker(threads)


def _drop_partial_writes(target: Path) -> None:
    """Delete the temporary files of a write an interrupted run left in this case's folder.

    Every output is written to ``.<name>.<random>.tmp`` and renamed (``audit.atomic``); a run
    killed in between leaves the temporary file, which no later write reuses.
    """
    for stale in target.glob(".*.tmp"):
        try:
            stale.unlink()
        except OSError:
            pass
