"""Batch benchmark: the whole batch path over the committed scanned corpus (not part of ``make bench``: long).

    python -m audit.bench.batch [--cases scanned|all] [--jobs N] [--keep DIR] [--no-ocr-run]

A temporary folder gets one case per ``samples/corpus/*/scanned.pdf`` (``--cases all``: also
every corpus ``text.pdf`` and every ``samples/cases`` folder). Three runs, each in a fresh
process with its own empty cache folder where it should be empty:

- **cold**: ``run_batch`` with empty caches — every scanned page OCRed, every case read,
  checked and its reports written;
- **cache**: the same batch again after a rule change (``--ignore`` of one rule: the resume
  key changes, every case is audited again) — each case comes from the extracted-case
  cache, so only the checks run and the outputs are written;
- **ocr**: the OCR stage alone (``ocr_pages``, cache off, its default process plan) over the
  same pages, for comparison: the target is a cold batch within 10 % of
  pages ÷ OCR pages per second.

The runs import a snapshot of ``audit/`` and ``checklists/`` taken at the start (others may
be editing the working tree meanwhile) and use the default settings.

Reported per run: cases, pages, wall seconds of ``run_batch`` (interpreter start not
included), cases per minute and per second, pages per second, peak resident memory of the
worker processes (the largest a worker reported, or ``getrusage(RUSAGE_CHILDREN)``) and of
the main process, CPU seconds (the cases' in the workers plus the main process's; worker
start-up and model loading not included, as in the OCR-alone run) with the rate the CPU time
allows when the cores are not shared with other work, and the median seconds per case by
stage (read, check, write) as the workers measured them. A table is printed; the JSON goes to ``reports/bench/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"
SAMPLES = ROOT / "samples" / "cases"
REPORTS = ROOT / "reports" / "bench"
TARGET_SHARE = 0.10  # cold batch within 10 % of the OCR stage alone


def build_folder(folder: Path, which: str = "scanned") -> list[str]:
    """One case per committed scanned rendering (``all``: text renderings and hand-made cases too)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for case in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        kinds = ("scanned", "text") if which == "all" else ("scanned",)
        for kind in kinds:
            pdf = case / f"{kind}.pdf"
            if pdf.is_file():
                name = f"{case.name}-{kind}" if which == "all" else case.name
                shutil.copyfile(pdf, folder / f"{name}.pdf")
                names.append(name)
    if which == "all":
        for case in sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
            shutil.copytree(case, folder / case.name)
            names.append(case.name)
    return names


def count_pages(folder: Path) -> int:
    from audit.ingest import load_pages

    total = 0
    for entry in sorted(folder.iterdir()):
        total += len(load_pages(entry)[0])
    return total


# --- one run, in its own process ----------------------------------------------------------

def run_phase(phase: str, folder: Path, out: Path, jobs: int, ignore: list[str], scheduler: str | None) -> dict:
    """``cold``/``cache``: one batch; ``ocr``: the OCR stage alone over the same pages."""
    if phase == "ocr":
        return _ocr_only(folder)
    from audit.batch.run import BatchOptions, run_batch

    options = BatchOptions(jobs=jobs, ignore=ignore or None, scheduler=scheduler)
    load = _load()
    start = time.perf_counter()
    summary = run_batch(folder, out, options, history=out.parent / f"history-{phase}.sqlite")
    seconds = time.perf_counter() - start
    stats = [r.stats for r in summary.results if r.stats]
    errors = [f"{r.case_id}: {r.error}" for r in summary.results if r.error]
    return {
        "phase": phase,
        "cases": len(summary.results),
        "errors": errors,
        "pages": sum(s.get("pages", 0) for s in stats),
        "seconds": round(seconds, 3),
        # the workers fork from a fork server (not our children): they report their CPU per case
        "cpu_s": round(_cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
                       + sum(s.get("cpu_s", 0.0) for s in stats), 2),
        "load": [load, _load()],
        "from_cache": sum(1 for s in stats if s.get("from_cache")),
        "threads_per_worker": sorted({s["ocr"]["threads"] for s in stats if "ocr" in s}),
        "median_s": {k: _median([s[k] for s in stats if k in s]) for k in ("read_s", "check_s", "write_s")},
        "max_s": {k: _max([s[k] for s in stats if k in s]) for k in ("read_s", "check_s", "write_s")},
        "peak_mb_workers": _children_peak_mb(stats),
        "peak_mb_main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "code": str(Path(__file__).resolve().parents[1]),
        "per_case": [{"case": r.case_id, **{k: v for k, v in r.stats.items() if k != "ocr"}}
                     for r in summary.results if r.stats],
    }


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _load() -> float:
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else float("nan")


def _ocr_only(folder: Path) -> dict:
    from audit.ingest import load_pages
    from audit.ocr.options import OcrOptions
    from audit.ocr.pages import close_pool, ocr_pages

    options = OcrOptions(no_cache=True)
    pages_read = failed = 0
    seconds = 0.0
    worker_cpu = 0.0
    load = _load()
    main_cpu = _cpu(resource.RUSAGE_SELF)
    workers = threads = 0
    peak = 0.0
    for entry in sorted(folder.iterdir()):
        pages, _ = load_pages(entry)
        start = time.perf_counter()
        stats = ocr_pages(pages, entry if entry.is_dir() else entry.parent, options)
        seconds += time.perf_counter() - start
        pages_read += stats.ocr
        failed += stats.failed
        peak = max(peak, stats.peak_worker_mb)
        worker_cpu += sum(stats.page_cpu_seconds) if stats.workers > 1 else 0.0  # pool workers: not our children
        if stats.ocr:
            workers, threads = stats.workers, stats.threads
    close_pool()
    return {"phase": "ocr", "pages": pages_read, "failed": failed, "seconds": round(seconds, 3),
            "cpu_s": round(_cpu(resource.RUSAGE_SELF) - main_cpu + worker_cpu, 2), "load": [load, _load()],
            "workers": workers, "threads": threads, "peak_mb_workers": round(peak),
            "peak_mb_main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _children_peak_mb(stats: list[dict]) -> int:
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # every waited-for worker
    reported = max((s.get("peak_rss_mb", 0.0) for s in stats), default=0.0)  # e.g. Dask workers
    return round(max(children, reported))


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def _max(values: list[float]) -> float | None:
    return round(max(values), 3) if values else None


def snapshot(src: Path) -> Path:
    """A copy of the code and checklists the runs import, so that edits made to the working tree
    while the benchmark runs do not change what is measured (nor the case cache's reader key)."""
    shutil.copytree(ROOT / "audit", src / "audit", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "checklists", src / "checklists")
    return src


def _child(phase: str, spec: dict, cache: Path, src: Path) -> dict:
    env = {**os.environ, "AUDIT_CACHE_DIR": str(cache), "PYTHONUNBUFFERED": "1"}
    env.pop("AUDIT_CHECKLISTS", None)
    cmd = [sys.executable, "-m", "audit.bench.batch", "--phase", phase, "--spec", json.dumps(spec)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=src, env=env)  # imports the snapshot
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"phase": phase, "error": (proc.stderr.strip().splitlines() or ["?"])[-1]}


# --- the report ---------------------------------------------------------------------------

def rates(row: dict) -> dict:
    s = row.get("seconds") or 0.0
    if s and "cases" in row:
        row["cases_per_min"] = round(60.0 * row["cases"] / s, 2)
        row["cases_per_s"] = round(row["cases"] / s, 3)
    if s and row.get("pages"):
        row["pages_per_s"] = round(row["pages"] / s, 3)
    if row.get("cpu_s"):  # what the CPU time allows when the cores are not shared with other work
        from audit.ocr.options import available_cores

        row["pages_per_s_idle"] = round(available_cores() * row.get("pages", 0) / row["cpu_s"], 3)
        if "cases" in row:
            row["cases_per_s_idle"] = round(available_cores() * row["cases"] / row["cpu_s"], 3)
    return row


def table(rows: list[dict]) -> str:
    head = ("run", "cases", "pages", "seconds", "cases/min", "cases/s", "pages/s", "CPU s",
            "cases/s if cores idle", "pages/s if cores idle", "threads/worker", "from cache",
            "median s/case read / check / write", "peak MB workers", "peak MB main", "load before/after")
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if "error" in r:
            out.append(f"| {r['phase']} | error: {r['error']} |")
            continue
        med = r.get("median_s") or {}
        stages = " / ".join(str(med.get(k)) for k in ("read_s", "check_s", "write_s")) if med else "—"
        threads = (",".join(str(t) for t in r["threads_per_worker"]) if r.get("threads_per_worker")
                   else f"{r.get('workers', '?')} proc × {r.get('threads', '?')}" if r["phase"] == "ocr" else "—")
        out.append("| " + " | ".join(str(x) for x in (
            r["phase"], r.get("cases", "—"), r["pages"], r["seconds"], r.get("cases_per_min", "—"),
            r.get("cases_per_s", "—"), r.get("pages_per_s", "—"), r.get("cpu_s", "—"), r.get("cases_per_s_idle", "—"),
            r.get("pages_per_s_idle", "—"), threads, r.get("from_cache", "—"), stages,
            r.get("peak_mb_workers", "—"), r.get("peak_mb_main", "—"),
            " / ".join(str(x) for x in r.get("load", [])) or "—")) + " |")
    return "\n".join(out)


def verdict(rows: dict[str, dict]) -> list[str]:
    lines = []
    cold, cache, ocr = rows.get("cold", {}), rows.get("cache", {}), rows.get("ocr", {})
    if cold.get("pages_per_s") and ocr.get("pages_per_s"):
        budget = cold["pages"] / ocr["pages_per_s"] * (1 + TARGET_SHARE)
        share = cold["seconds"] / (cold["pages"] / ocr["pages_per_s"]) - 1
        lines.append(f"cold batch: {cold['seconds']:.1f} s for {cold['pages']} pages; OCR alone would take "
                     f"{cold['pages'] / ocr['pages_per_s']:.1f} s ({ocr['pages_per_s']} pages/s): "
                     f"{share:+.0%} (target ≤ +{TARGET_SHARE:.0%}, ≤ {budget:.1f} s) — "
                     f"{'met' if cold['seconds'] <= budget else 'not met'}")
    if cold.get("cpu_s") and ocr.get("cpu_s"):
        lines.append(f"in CPU time (robust to other work on the machine): cold batch {cold['cpu_s']:.1f} s, "
                     f"OCR alone {ocr['cpu_s']:.1f} s: {cold['cpu_s'] / ocr['cpu_s'] - 1:+.0%}")
    if cache.get("cases_per_s"):
        lines.append(f"re-audit from cache: {cache['cases_per_s']} cases/s (target ≥ 50) — "
                     f"{'met' if cache['cases_per_s'] >= 50 else 'not met'}; "
                     f"{cache.get('from_cache', 0)}/{cache['cases']} cases read from the case cache"
                     + (f"; {cache['cases_per_s_idle']} cases/s if the cores were idle" if cache.get("cases_per_s_idle")
                        else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Batch benchmark over the committed scanned corpus")
    ap.add_argument("--cases", choices=("scanned", "all"), default="scanned",
                    help="scanned: one case per corpus scanned.pdf; all: also text.pdf and samples/cases")
    ap.add_argument("--jobs", type=int, default=0, help="case workers (default: one per core)")
    ap.add_argument("--scheduler", default=None, help="run the batches on Dask (local or tcp://HOST:PORT)")
    ap.add_argument("--keep", type=Path, default=None, help="work folder to keep (default: a temporary one)")
    ap.add_argument("--no-ocr-run", action="store_true", help="skip the OCR-alone comparison run")
    ap.add_argument("--phase", default=None, help=argparse.SUPPRESS)  # child run
    ap.add_argument("--spec", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.phase:
        spec = json.loads(args.spec)
        row = run_phase(args.phase, Path(spec["folder"]), Path(spec["out"]), spec["jobs"], spec["ignore"],
                        spec.get("scheduler"))
        print(json.dumps(row, ensure_ascii=False))
        return 0

    from audit.checks import load_rules
    from audit.ocr.bench import machine
    from audit.ocr.options import available_cores

    work = args.keep or Path(tempfile.mkdtemp(prefix="casefile-audit-batch-bench-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    folder = work / "in"
    names = build_folder(folder, args.cases)
    if not names:
        print("no scanned.pdf under samples/corpus: nothing to measure", file=sys.stderr)
        return 1
    pages = count_pages(folder)
    src = snapshot(work / "src")
    rule = load_rules()[0].code  # the "changed rule" of the re-audit: the first rule left out
    print(f"machine: {machine()}", flush=True)
    print(f"{len(names)} cases, {pages} pages ({args.cases}); work folder {work}", flush=True)
    spec = {"folder": str(folder), "out": str(work / "out"), "jobs": args.jobs, "ignore": [],
            "scheduler": args.scheduler}
    rows: dict[str, dict] = {}
    plan = [("cold", spec, work / "cache"), ("cache", {**spec, "ignore": [rule]}, work / "cache")]
    if not args.no_ocr_run:
        plan.append(("ocr", spec, work / "cache-ocr"))
    for phase, phase_spec, cache in plan:
        rows[phase] = rates(_child(phase, phase_spec, cache, src))
        print(table([rows[phase]]).splitlines()[-1], flush=True)

    print()
    print(f"machine: {machine()}")
    print(f"{len(names)} cases, {pages} pages; jobs {args.jobs or available_cores()}; re-audit ignores {rule}")
    print(table(list(rows.values())))
    for line in verdict(rows):
        print(line)
    for row in rows.values():
        for error in row.get("errors", []):
            print(f"  {row['phase']}: {error}")
    REPORTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    result = {"machine": machine(), "cores": available_cores(), "cases": names, "pages": pages,
              "jobs": args.jobs or available_cores(), "set": args.cases, "ignored_rule": rule,
              "runs": rows, "verdict": verdict(rows)}
    target = REPORTS / f"batch-{args.cases}-{stamp}.json"
    target.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"JSON: {target.relative_to(ROOT)}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
