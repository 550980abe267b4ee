"""Re-audit benchmark (``make bench``): a batch audited again after a rule change, from cache.

    python -m audit.bench.reaudit [--profile]

The cases are the committed text renderings (``samples/corpus/*/text.pdf``) and hand-made
cases (``samples/cases``), read once (cold, no PDF) into a fresh cache folder. Then:
- **re-audit, no PDF**: one rule left out, every case audited again from the case cache;
- **re-audit, PDF (all new)**: another rule left out, and every notice converted to PDF
  (one LibreOffice call for the batch, none of them made before);
- **re-audit, PDF (changed only)**: a third change; only notices whose text changed are
  converted again;
- **audit check, cached case**: wall time of ``audit check`` on one of the cases, interpreter
  start included, the case cache warm.

``--profile`` prints the top entries of a cProfile of the per-case work (read from cache,
check, write) run in this process, then of a whole re-audit as the parent sees it (the
batch's fixed costs: hashing, the pool, the workbook, history, index).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"
SAMPLES = ROOT / "samples" / "cases"
TARGETS = {"no_pdf": 50.0, "pdf": 10.0, "check_s": 0.5}


def build_folder(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for case in sorted(p for p in CORPUS.iterdir() if (p / "text.pdf").is_file()):
        os.symlink(case / "text.pdf", folder / f"{case.name}.pdf")
        names.append(case.name)
    for case in sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
        os.symlink(case, folder / case.name)
        names.append(case.name)
    return names


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _cpu() -> float:
    """CPU seconds of this process and its waited-for children (LibreOffice)."""
    import resource

    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))


def measure(work: Path) -> list[dict[str, Any]]:
    """The runs above, in this process (the case workers are its children)."""
    os.environ["AUDIT_CACHE_DIR"] = str(work / "cache")
    from audit.batch.notices import office
    from audit.batch.run import BatchOptions, run_batch
    from audit.checks import load_rules
    from audit.ocr.options import available_cores

    folder, out = work / "in", work / "out"
    names = build_folder(folder)
    rules = [r.code for r in load_rules()[:3]]
    rows = []

    def run(label: str, **options: Any) -> dict[str, Any]:
        load = _load()
        start, cpu = time.perf_counter(), _cpu()
        summary = run_batch(folder, out, BatchOptions(**options), history=work / "history.sqlite")
        seconds = time.perf_counter() - start
        errors = [r.error for r in summary.results if r.error]
        cached = sum(1 for r in summary.results if r.stats.get("from_cache"))
        # the workers fork from the fork server (not our children): they report their CPU per case;
        # the short LibreOffice calls are our children; the instance kept running for the batch is
        # not (it is ended, not waited for): the batch reports its CPU
        cpu_s = (_cpu() - cpu + sum(r.stats.get("cpu_s", 0.0) for r in summary.results)
                 + getattr(summary, "office_cpu_s", 0.0))
        row = {"run": label, "cases": len(summary.results), "from_cache": cached, "seconds": round(seconds, 2),
               "cases_per_s": round(len(summary.results) / seconds, 2), "cpu_s": round(cpu_s, 2),
               "idle_cases_per_s": round(available_cores() * len(summary.results) / cpu_s, 1) if cpu_s else None,
               "errors": errors, "load": [load, _load()]}
        rows.append(row)
        return row

    run("cold (read every case, no PDF)", pdf=False)
    run("re-audit from cache, no PDF", ignore=[rules[0]], pdf=False)
    if office():
        run("re-audit from cache, PDF (all new)", ignore=[rules[1]], pdf=True)
        run("re-audit from cache, PDF (changed only)", ignore=[rules[2]], pdf=True)
    case = folder / f"{names[0]}.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    audit = [sys.executable, "-c", "import sys; from audit.cli import main; sys.exit(main())", "check", str(case)]
    subprocess.run(audit, capture_output=True, env=env, timeout=600)  # fills the case cache
    times = []
    check_cpu = _cpu()
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(audit, capture_output=True, env=env, timeout=600)
        times.append(time.perf_counter() - start)
    rows.append({"run": "audit check, cached case (wall, start-up included)", "cases": 1,
                 "seconds": round(min(times), 3), "cases_per_s": round(1 / min(times), 2), "load": [_load()],
                 "cpu_s": round(_cpu() - check_cpu, 2) / len(times)})
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    out = ["| re-audit | cases | from cache | seconds | cases/s | CPU s | cases/s if cores idle | load before/after |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['run']} | {r['cases']} | {r.get('from_cache', '—')} | {r['seconds']} | {r['cases_per_s']} | "
                   f"{r.get('cpu_s', '—')} | {r.get('idle_cases_per_s', '—')} | {' / '.join(str(x) for x in r['load'])} |")
    return "\n".join(out)


def verdict(rows: list[dict[str, Any]]) -> list[str]:
    by = {r["run"]: r for r in rows}
    lines = []
    no_pdf = by.get("re-audit from cache, no PDF")
    if no_pdf:
        lines.append(f"re-audit without PDF: {no_pdf['cases_per_s']} cases/s (target ≥ {TARGETS['no_pdf']:g})"
                     f" — {'met' if no_pdf['cases_per_s'] >= TARGETS['no_pdf'] else 'not met'}")
    for label in ("re-audit from cache, PDF (all new)", "re-audit from cache, PDF (changed only)"):
        if label in by:
            lines.append(f"{label}: {by[label]['cases_per_s']} cases/s (target ≥ {TARGETS['pdf']:g}) — "
                         f"{'met' if by[label]['cases_per_s'] >= TARGETS['pdf'] else 'not met'}")
    check = rows[-1]
    lines.append(f"audit check of a cached case: {check['seconds']} s wall, {check['cpu_s']:.2f} s CPU "
                 f"(target ≤ {TARGETS['check_s']:g} s) — {'met' if check['seconds'] <= TARGETS['check_s'] else 'not met'}")
    return lines


def profile(work: Path, top: int = 20) -> str:
    """cProfile of the per-case work of a cached re-audit, in this process."""
    import cProfile
    import io
    import pstats

    from audit.batch import run as batch_run
    from audit.batch import worker as batch_worker
    from audit.checks import load_rules

    captured: list[dict] = []

    def capture(tasks, fn, jobs, timeout_s=None, initializer=None, on_result=None):
        captured.extend(tasks)
        return []

    import audit.pool

    real = audit.pool.run_tasks
    audit.pool.run_tasks = capture
    try:
        batch_run.run_batch(work / "in", work / "out", batch_run.BatchOptions(ignore=[load_rules()[3].code], pdf=False),
                            history=work / "history.sqlite")
    except TypeError:
        pass  # no results were collected: the summary cannot be written
    finally:
        audit.pool.run_tasks = real
    batch_worker.audit_task(captured[0])  # imports and first-use loading outside the profile
    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    for task in captured:
        batch_worker.audit_task(task)
    prof.disable()
    per_case = (time.perf_counter() - start) / max(1, len(captured))
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
    return f"per case in one process: {per_case * 1000:.0f} ms ({len(captured)} cases)\n{buf.getvalue()}"


def parent_profile(work: Path, top: int = 15) -> str:
    """cProfile of a whole cached re-audit in this process (the parent): what the batch costs
    besides its cases (hashing, resume checks, the pool, the workbook, history, index)."""
    import cProfile
    import io
    import pstats

    from audit.batch.run import BatchOptions, run_batch
    from audit.checks import load_rules

    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    run_batch(work / "in", work / "out", BatchOptions(ignore=[load_rules()[4].code], pdf=False),
              history=work / "history.sqlite")
    prof.disable()
    seconds = time.perf_counter() - start
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).sort_stats("cumulative")
    waited = sum(v[3] for k, v in stats.stats.items() if k[2] == "<method 'poll' of 'select.poll' objects>")
    stats.print_stats(top)
    return (f"whole batch in the parent: {seconds:.2f} s, of which waiting for the case workers "
            f"{waited:.2f} s\n{buf.getvalue()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Re-audit benchmark from the case cache")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of the per-case work")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="casefile-audit-reaudit-"))
    try:
        rows = measure(work)
        print(table(rows))
        for line in verdict(rows):
            print(line)
        if args.profile:
            print(profile(work))
            print(parent_profile(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
