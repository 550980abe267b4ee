"""OCR benchmark over scanned renderings of the committed samples (``make bench``).

    python -m audit.ocr.bench [--engines rapidocr,tesseract] [--configs 1x2,2x1] [--dpi 200]

Each committed sample ``samples/cases/*/case.pdf`` is rendered as a scan (``samples/generator/scan.py``,
fixed seed: skew, blur, noise, JPEG, a page turned 90°, one 180°, one 270°, one
photographed) and read by every installed engine with each processes × threads layout,
each run in a fresh process with the cache off. Reported per run: pages per second for
the whole stage (rasterise, clean-up, OCR, seals, pool start and model load included),
seconds per page in a worker (min / median / max), CPU seconds per page (all threads, the
main process's share included) and the pages per second that CPU time allows when the cores
are not shared with other work (cores / CPU s per page — the wall figure on a busy machine
understates it), peak resident memory of one worker,
and character error rate against the ground truth ``pages_text`` — strict (reading order
counts), unordered (recognition only, see ``metrics.cer_unordered``) and against the
text-layer reading of the same page (what the parsers see for a digital file).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"
SEED = 2024
TURNS = {2: 90, 4: 180, 6: 270}  # source page -> clockwise turn in the scan
PHOTOGRAPHED = {8}


def render_scans(out: Path) -> list[tuple[str, Path, Path]]:
    """(case id, scanned PDF, truth.json) for every committed sample; reuses existing scans."""
    from audit.samples_cli import load_generator

    scan = load_generator("scan")
    cases = []
    for case in sorted(p for p in SAMPLES.iterdir() if (p / "case.pdf").is_file() and (p / "truth.json").is_file()):
        target = out / f"{case.name}.pdf"
        if not target.exists():
            scan.render_scanned_pdf(case / "case.pdf", target, seed=SEED, rotations=TURNS, photographed=PHOTOGRAPHED)
        cases.append((case.name, target, case / "truth.json"))
    return cases


def run_one(engine: str, workers: int, threads: int, scans: Path, extra: dict[str, Any]) -> dict[str, Any]:
    """One configuration, in this process: OCR every scanned case, score it, measure it."""
    from audit.ingest import load_pages
    from audit.ingest.pdf import read_pdf
    from audit.ocr.metrics import cer, cer_unordered
    from audit.ocr.options import OcrOptions, available_cores
    from audit.ocr.pages import close_pool, ocr_pages

    options = OcrOptions(engine=engine, workers=workers, threads=threads, no_cache=True, **extra)
    cores = available_cores()
    totals = {"strict": [0, 0], "unordered": [0, 0], "layer": [0, 0]}
    page_seconds: list[float] = []
    page_cpu: list[float] = []
    main_cpu = 0.0
    pages_read = failed = 0
    peak = 0.0
    wall = 0.0
    rotations_ok = rotations_all = 0
    for case_id, pdf, truth_path in render_scans(scans):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))["pages_text"]
        layer = read_pdf(SAMPLES / case_id / "case.pdf", "case.pdf")
        pages, _ = load_pages(pdf)
        start, cpu = time.perf_counter(), time.process_time()
        stats = ocr_pages(pages, pdf.parent, options)
        wall += time.perf_counter() - start
        if workers > 1:
            main_cpu += time.process_time() - cpu  # rendering for the cache look-up, dispatch
        page_seconds += stats.page_seconds
        page_cpu += stats.page_cpu_seconds
        pages_read += stats.ocr
        failed += stats.failed
        peak = max(peak, stats.peak_worker_mb)
        for page in pages:
            ref = truth.get(str(page.source_page), "")
            for name, (e, n) in (("strict", cer(ref, page.text)), ("unordered", cer_unordered(ref, page.text)),
                                 ("layer", cer(layer[page.source_page - 1].text, page.text))):
                totals[name][0] += e
                totals[name][1] += n
            if page.source_page in TURNS:
                rotations_all += 1
                rotations_ok += page.rotation == (360 - TURNS[page.source_page]) % 360
    close_pool()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "engine": engine, "workers": workers, "threads": threads, "pages": pages_read, "failed": failed,
        "seconds": round(wall, 2), "pages_per_s": round(pages_read / wall, 3) if wall else 0.0,
        "cpu_s_per_page": round((sum(page_cpu) + main_cpu) / pages_read, 3) if pages_read else None,
        "capacity_pages_per_s": round(cores * pages_read / (sum(page_cpu) + main_cpu), 3) if page_cpu else None,
        "s_min": round(min(page_seconds), 2) if page_seconds else None,
        "s_median": round(statistics.median(page_seconds), 2) if page_seconds else None,
        "s_max": round(max(page_seconds), 2) if page_seconds else None,
        "peak_mb_worker": round(peak),
        "peak_mb_main": round(own),
        "cer_strict": _rate(totals["strict"]), "cer_unordered": _rate(totals["unordered"]),
        "cer_vs_text_layer": _rate(totals["layer"]),
        "turns_found": f"{rotations_ok}/{rotations_all}",
        "settings": {k: v for k, v in extra.items()},
    }


def _rate(pair: list[int]) -> float:
    return round(100.0 * pair[0] / pair[1], 3) if pair[1] else 0.0


def machine() -> str:
    from audit.ocr.options import available_cores

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{available_cores()} cores ({cpu}), Python {platform.python_version()}, load {load:.2f} at start"


def table(rows: list[dict[str, Any]]) -> str:
    head = ("engine", "proc×thr", "pages", "pages/s", "CPU s/page", "pages/s if cores idle", "s/page min/med/max",
            "peak MB/worker",
            "CER strict %", "CER unordered %", "CER vs text layer %", "turns")
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if "error" in r:
            out.append(f"| {r['engine']} | {r['workers']}×{r['threads']} | error: {r['error']} |")
            continue
        out.append("| " + " | ".join(str(x) for x in (
            r["engine"] + (f" {r['settings']}" if r["settings"] else ""), f"{r['workers']}×{r['threads']}",
            r["pages"], r["pages_per_s"], r["cpu_s_per_page"], r["capacity_pages_per_s"], f"{r['s_min']} / {r['s_median']} / {r['s_max']}", r["peak_mb_worker"],
            r["cer_strict"], r["cer_unordered"], r["cer_vs_text_layer"], r["turns_found"])) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="OCR benchmark on scanned samples")
    ap.add_argument("--engines", default="", help="comma-separated; default: every engine that can run here")
    ap.add_argument("--configs", default="1x2,2x1", help="processes×threads layouts, e.g. 1x2,2x1")
    ap.add_argument("--scans", type=Path, default=None, help="folder to keep the scanned renderings in")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="OcrOptions field for every run, e.g. --set det_side=960 --set dpi=150")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON as well")
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)  # engine:workers:threads (child run)
    args = ap.parse_args(argv)
    extra = {k: _value(v) for k, v in (item.split("=", 1) for item in args.set)}
    scans = args.scans or Path(tempfile.gettempdir()) / "casefile-audit-bench-scans"
    scans.mkdir(parents=True, exist_ok=True)

    if args.one:
        engine, workers, threads = args.one.split(":")
        print(json.dumps(run_one(engine, int(workers), int(threads), scans, extra)))
        return 0

    from audit.ocr import engines

    render_scans(scans)
    names = [n for n in args.engines.split(",") if n] or engines.available()
    rows = []
    print(f"machine: {machine()}", flush=True)
    for name in names:
        for config in args.configs.split(","):
            workers, threads = (int(x) for x in config.lower().split("x"))
            cmd = [sys.executable, "-m", "audit.ocr.bench", "--one", f"{name}:{workers}:{threads}",
                   "--scans", str(scans), *sum((["--set", s] for s in args.set), [])]
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            try:
                rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            except (IndexError, ValueError):
                rows.append({"engine": name, "workers": workers, "threads": threads,
                             "error": (proc.stderr.strip().splitlines() or ["?"])[-1]})
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print()
    print(f"machine: {machine()}")
    print(table(rows))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    return 0


def _value(text: str) -> Any:
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)


if __name__ == "__main__":
    sys.exit(main())
