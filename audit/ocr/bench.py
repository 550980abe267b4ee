"""OCR benchmark over the committed scanned corpus (``make bench``): engines side by side.

    python -m audit.ocr.bench [--engines rapidocr,faster-paddle] [--per-case 2] [--configs auto,1x2]

Pages: ``--per-case`` pages of every ``samples/corpus/*/scanned.pdf`` (every template family,
ordinary and simple procedure; degraded scans with skew, blur, noise, seals, turned and
photographed pages), picked by a fixed rule so every run reads the same pages. Each engine
and process × thread layout runs in a fresh process with the cache off, one after the other
in one command, so that every row sees the same machine.

Reported per run: pages per second for the whole stage (rasterise, clean-up, OCR, seals,
ink, layout, pool start and model load included), seconds per page in a worker (min /
median / max), CPU seconds per page (all threads; the wall figure on a busy machine
understates the speed, ``cores / CPU s per page`` is what idle cores allow), peak resident
memory of one worker, and character error rates (NFKC, whitespace ignored):
- **order-free** against the ground truth ``pages_text``: recognition only;
- **strict** against the ground truth: reading order counts;
- **form, strict vs text layer**: on form pages (tables: index, receipts, approval forms),
  against the text-layer reading of the same page (``text.pdf``), which is what the parsers
  read on a digital file — label and value of a row on one line, label first. (The ground
  truth ``pages_text`` lists a form's strings in the order they were drawn, a value before
  its label; the "strict" column counts that as a reading-order error.)
- **template families**: the clean case of every format-zoo family (``samples/zoo``, other
  regions' and systems' templates) is built into a temporary folder; ``--zoo-pages`` pages of
  each ``text.pdf`` are rendered at the OCR resolution, read by the engine, and scored against
  the text layer of the same page (order-free and strict). Needs the CJK fonts the zoo's PDFs
  are drawn with; without them the columns say so.
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
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"
FORM_TYPES = frozenset({"file_index", "service_receipt", "decision_approval", "filing_report", "closing_report",
                        "file_remarks", "payment_receipt", "case_source"})
DEFAULT_PER_CASE = 2
DEFAULT_ZOO_PAGES = 2


def bench_pages(per_case: int = DEFAULT_PER_CASE) -> list[tuple[Path, list[int]]]:
    """(case folder, page numbers) for every corpus case with a scanned rendering.

    Pages are spread by a fixed stride so that the set covers title pages, forms and prose
    across cases without choosing by result.
    """
    out = []
    for i, case in enumerate(sorted(p for p in CORPUS.iterdir() if (p / "scanned.pdf").is_file())):
        truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
        n = len(truth["pages_text"])
        pages = sorted({(i * 7 + j * (n // max(1, per_case) + 3)) % n + 1 for j in range(per_case)})
        out.append((case, pages))
    return out


def zoo_pages(folder: Path) -> tuple[list[tuple[str, Path]], str]:
    """(family, text.pdf) for the clean case of every zoo family, built into ``folder``.

    Returns the list and a note ("" when built).
    """
    from samples.zoo import render
    from samples.zoo.build import build

    missing = render.fonts_missing()
    if missing:
        return [], f"zoo pages skipped: {missing}"
    out = []
    for case in build(folder, clean_only=True):
        if (case / "text.pdf").is_file():
            family = json.loads((case / "truth.json").read_text(encoding="utf-8"))["generator"]["family"]
            out.append((family, case / "text.pdf"))
    return out, ""


@dataclass(slots=True)
class _Measured:
    """What the OCR stage reported over the calls of one configuration."""

    wall: float = 0.0
    main_cpu: float = 0.0  # this process's share when workers read (rendering for the cache look-up, dispatch)
    pages_read: int = 0
    failed: int = 0
    peak: float = 0.0
    plan: tuple[int, int] = (0, 0)
    page_seconds: list[float] = field(default_factory=list)
    page_cpu: list[float] = field(default_factory=list)

    def read(self, pages: list, root: Path, options: Any) -> None:
        from audit.ocr.pages import ocr_pages

        start, cpu = time.perf_counter(), time.process_time()
        stats = ocr_pages(pages, root, options)
        self.wall += time.perf_counter() - start
        if stats.workers > 1:
            self.main_cpu += time.process_time() - cpu
        self.plan = (stats.workers, stats.threads) if stats.ocr else self.plan
        self.page_seconds += stats.page_seconds
        self.page_cpu += stats.page_cpu_seconds
        self.pages_read += stats.ocr
        self.failed += stats.failed
        self.peak = max(self.peak, stats.peak_worker_mb)


def form_pages(truth: dict[str, Any]) -> set[int]:
    forms = set()
    for doc in truth.get("documents", []):
        if doc.get("type") in FORM_TYPES:
            first, last = doc["pages"]
            forms.update(range(first, last + 1))
    return forms


def run_one(engine: str, workers: int, threads: int, per_case: int, extra: dict[str, Any],
            zoo: int = DEFAULT_ZOO_PAGES) -> dict[str, Any]:
    """One configuration, in this process: OCR the page sets, score them, measure them."""
    from audit.ingest import load_pages
    from audit.ingest.pdf import read_pdf
    from audit.ocr.metrics import cer, cer_unordered
    from audit.ocr.options import OcrOptions, available_cores
    from audit.ocr.pages import close_pool

    options = OcrOptions(engine=engine, workers=workers or None, threads=threads or None, no_cache=True, **extra)
    cores = available_cores()
    totals = {"strict": [0, 0], "unordered": [0, 0], "form_layer": [0, 0], "form_strict": [0, 0]}
    m = _Measured()
    load = [_load()]
    for case, numbers in bench_pages(per_case):
        truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
        forms = form_pages(truth)
        layer = read_pdf(case / "text.pdf", "text.pdf") if (case / "text.pdf").is_file() else None
        pages = [p for p in load_pages(case / "scanned.pdf")[0] if p.source_page in numbers]
        m.read(pages, case, options)
        for page in pages:
            ref = truth["pages_text"].get(str(page.source_page), "")
            scores = {"strict": cer(ref, page.text), "unordered": cer_unordered(ref, page.text)}
            if page.source_page in forms:
                scores["form_strict"] = scores["strict"]
                if layer is not None:
                    scores["form_layer"] = cer(layer[page.source_page - 1].text, page.text)
            for name, (e, n) in scores.items():
                totals[name][0] += e
                totals[name][1] += n
    families: dict[str, list[int]] = {}
    zoo_note = ""
    if zoo:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="casefile-audit-zoo-") as tmp:
            sets, zoo_note = zoo_pages(Path(tmp))
            for family, pdf in sets:
                pages = [p for p in load_pages(pdf)[0] if p.source_page <= zoo]  # the first pages, as a digital file
                refs = {p.source_page: p.text for p in pages}  # their text layer is the reference
                for p in pages:  # read the rendering, not the text layer
                    p.lines, p.needs_ocr = [], True
                m.read(pages, pdf.parent, options)
                tally = families.setdefault(family, [0, 0, 0])
                for page in pages:
                    e, n = cer_unordered(refs[page.source_page], page.text)
                    e2, _ = cer(refs[page.source_page], page.text)
                    tally[0] += e
                    tally[1] += e2
                    tally[2] += n
    close_pool()
    load.append(_load())
    zoo_total = [sum(t[0] for t in families.values()), sum(t[2] for t in families.values())]
    zoo_strict = [sum(t[1] for t in families.values()), zoo_total[1]]
    return {
        "engine": engine, "workers": m.plan[0], "threads": m.plan[1], "pages": m.pages_read, "failed": m.failed,
        "seconds": round(m.wall, 2), "pages_per_s": round(m.pages_read / m.wall, 3) if m.wall else 0.0,
        "cpu_s_per_page": round((sum(m.page_cpu) + m.main_cpu) / m.pages_read, 3) if m.pages_read else None,
        "capacity_pages_per_s": round(cores * m.pages_read / (sum(m.page_cpu) + m.main_cpu), 3) if m.page_cpu else None,
        "s_min": round(min(m.page_seconds), 2) if m.page_seconds else None,
        "s_median": round(statistics.median(m.page_seconds), 2) if m.page_seconds else None,
        "s_max": round(max(m.page_seconds), 2) if m.page_seconds else None,
        "peak_mb_worker": round(m.peak),
        "peak_mb_main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "cer_unordered": _rate(totals["unordered"]), "cer_strict": _rate(totals["strict"]),
        "cer_form_strict": _rate(totals["form_strict"]), "cer_form_vs_layer": _rate(totals["form_layer"]),
        "form_chars": totals["form_strict"][1], "chars": totals["strict"][1],
        "cer_zoo_unordered": _rate(zoo_total), "cer_zoo_strict": _rate(zoo_strict), "zoo_chars": zoo_total[1],
        "zoo_note": zoo_note,
        "families": {f: {"cer_unordered": _rate([t[0], t[2]]), "cer_strict": _rate([t[1], t[2]]), "chars": t[2]}
                     for f, t in sorted(families.items())},
        "load": load, "settings": dict(extra),
    }


def _rate(pair: list[int]) -> float:
    return round(100.0 * pair[0] / pair[1], 3) if pair[1] else 0.0


def _load() -> float:
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else float("nan")


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
    return f"{available_cores()} cores ({cpu}), Python {platform.python_version()}, load {_load():.2f} now"


HEAD = ("engine", "proc×thr", "pages", "pages/s", "s/page min/med/max", "CPU s/page", "pages/s if cores idle",
        "peak MB/worker", "CER order-free %", "CER strict %", "form pages: strict %", "form pages: vs text layer %",
        "template families: order-free %", "template families: strict %", "load before/after")


def table(rows: list[dict[str, Any]]) -> str:
    out = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
    for r in rows:
        out.append(row_line(r))
    return "\n".join(out)


def row_line(r: dict[str, Any]) -> str:
    name = r["engine"] + (" " + ",".join(f"{k}={v}" for k, v in r.get("settings", {}).items()) if r.get("settings") else "")
    if "error" in r:
        return f"| {name} | {r['workers']}×{r['threads']} | error: {r['error']} |"
    return "| " + " | ".join(str(x) for x in (
        name, f"{r['workers']}×{r['threads']}", r["pages"], r["pages_per_s"],
        f"{r['s_min']} / {r['s_median']} / {r['s_max']}", r["cpu_s_per_page"], r["capacity_pages_per_s"],
        r["peak_mb_worker"], r["cer_unordered"], r["cer_strict"], r["cer_form_strict"], r["cer_form_vs_layer"],
        r.get("cer_zoo_unordered", "—") if r.get("zoo_chars") else "—",
        r.get("cer_zoo_strict", "—") if r.get("zoo_chars") else "—",
        " / ".join(str(x) for x in r.get("load", [])))) + " |"


def family_table(rows: list[dict[str, Any]]) -> str:
    """CER by format-zoo template family (order-free / strict, %), one column per engine run."""
    runs = [r for r in rows if r.get("families")]
    if not runs:
        notes = {r.get("zoo_note") for r in rows if r.get("zoo_note")}
        return "; ".join(sorted(notes))
    names = sorted({f for r in runs for f in r["families"]})
    head = ["template family"] + [f"{r['engine']} {r['workers']}×{r['threads']}" for r in runs]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        cells = []
        for r in runs:
            f = r["families"].get(name)
            cells.append(f"{f['cer_unordered']} / {f['cer_strict']}" if f else "—")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "CER by template family (order-free / strict %, against the text layer of the same page):\n" + "\n".join(out)


def run_all(names: list[str], configs: list[str], per_case: int, sets: list[str],
            zoo: int = DEFAULT_ZOO_PAGES) -> list[dict[str, Any]]:
    """Every engine × layout × settings variant, each in a fresh process, one after the other."""
    rows = []
    for name in names:
        for config in configs:
            workers, threads = (0, 0) if config == "auto" else (int(x) for x in config.lower().split("x"))
            cmd = [sys.executable, "-m", "audit.ocr.bench", "--one", f"{name}:{workers}:{threads}",
                   "--per-case", str(per_case), "--zoo-pages", str(zoo), *sum((["--set", s] for s in sets), [])]
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            try:
                rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            except (IndexError, ValueError):
                rows.append({"engine": name, "workers": workers, "threads": threads,
                             "error": (proc.stderr.strip().splitlines() or ["?"])[-1]})
            print(row_line(rows[-1]), flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="OCR benchmark on the committed scanned corpus")
    ap.add_argument("--engines", default="", help="comma-separated; default: every engine that can run here")
    ap.add_argument("--configs", default="auto", help="processes×threads layouts, e.g. auto,1x2,2x1")
    ap.add_argument("--per-case", type=int, default=DEFAULT_PER_CASE, help="pages read from each corpus case")
    ap.add_argument("--zoo-pages", type=int, default=DEFAULT_ZOO_PAGES,
                    help="pages read from the clean case of each format-zoo template family (0: none)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="OcrOptions field for every run, e.g. --set det_side=960 --set dpi=150")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON as well")
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)  # engine:workers:threads (child run)
    args = ap.parse_args(argv)
    extra = {k: _value(v) for k, v in (item.split("=", 1) for item in args.set)}

    if args.one:
        engine, workers, threads = args.one.split(":")
        print(json.dumps(run_one(engine, int(workers), int(threads), args.per_case, extra, args.zoo_pages), ensure_ascii=False))
        return 0

    from audit.ocr import engines

    names = [n for n in args.engines.split(",") if n] or engines.available()
    pages = sum(len(p) for _, p in bench_pages(args.per_case))
    print(f"machine: {machine()}; {pages} scanned corpus pages, cache off", flush=True)
    print(table([]), flush=True)
    rows = run_all(names, args.configs.split(","), args.per_case, args.set, args.zoo_pages)
    print()
    print(f"machine: {machine()}")
    print(table(rows))
    families = family_table(rows)
    if families:
        print()
        print(families)
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
