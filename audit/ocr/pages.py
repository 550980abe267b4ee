"""The OCR stage over a case's pages: ``ocr_pages(pages, case_root, options)``.

- Pages with ``needs_ocr`` are rendered (PDF page with pypdfium2, or the image file),
  looked up in the cache by pixel hash, and only the misses are read by the engine — in a
  process pool with the model loaded once per worker, or in this process for one page.
- Pages with a usable text layer are never OCRed; they are rendered at ``seal_dpi`` to
  find seals and signature ink (cheap, cached too).
- One bad page gets a bilingual note and keeps ``needs_ocr``; it never stops the others.
"""

from __future__ import annotations

import atexit
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.model import Line, Page, Seal, from_dict
from audit.ocr import engines
from audit.ocr.cache import DiskCache
from audit.ocr.options import OcrOptions, available_cores
from audit.ocr.raster import BadImage, PageImage, has_raster, load_page_image
from audit.ocr.worker import init_worker, marks_image, ocr_image, ocr_key

MAX_IN_FLIGHT_PER_WORKER = 2  # pages queued per worker (bounds memory, keeps workers busy)


@dataclass(slots=True)
class OcrStats:
    """What the OCR stage did."""

    engine: str = ""
    ocr: int = 0  # pages read by the engine
    cached: int = 0  # pages whose reading came from the cache
    skipped: int = 0  # pages with a usable text layer: not OCRed
    failed: int = 0  # pages that could not be read (see their note)
    seals_checked: int = 0  # text-layer pages checked for seals
    seconds: float = 0.0
    workers: int = 0
    threads: int = 0
    page_seconds: list[float] = field(default_factory=list)  # engine pages, in page order
    page_cpu_seconds: list[float] = field(default_factory=list)  # CPU time of those pages (all threads)
    peak_worker_mb: float = 0.0  # largest peak resident memory reported by a process that OCRed

    @property
    def pages_per_second(self) -> float:
        return self.ocr / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"OCR（{self.engine}）：识别 {self.ocr} 页，缓存 {self.cached} 页，跳过（有文字层）{self.skipped} 页，"
                f"失败 {self.failed} 页，用时 {self.seconds:.1f} 秒 / OCR ({self.engine}): {self.ocr} read, "
                f"{self.cached} from cache, {self.skipped} skipped (text layer), {self.failed} failed, "
                f"{self.seconds:.1f} s")


def ocr_pages(pages: list[Page], case_root: Path, options: OcrOptions | None = None,
              progress: Callable[[int, int, str], None] | None = None) -> OcrStats:
    """Fill the pages that need OCR (in place); find seals on the others. Returns statistics.

    ``progress(done, total, "ocr")`` is called as each page that needs OCR is settled.

    Raises :class:`~audit.ocr.engines.EngineUnavailable` (an ``AuditError``) only when pages
    need OCR and the chosen engine cannot run here; a bad page never raises.
    """
    options = options or OcrOptions()
    start = time.perf_counter()
    case_root = Path(case_root)
    cache = DiskCache(options.cache_root(), enabled=not options.no_cache)
    stats = OcrStats(engine=options.engine)
    todo = [p for p in pages if p.needs_ocr]
    stats.skipped = len(pages) - len(todo)
    if todo:
        engines.probe(options.engine, options.engine_settings(1))


    def settled() -> None:
        if progress:
            progress(stats.ocr + stats.cached + stats.failed, len(todo), "ocr")

    if progress and todo:
        progress(0, len(todo), "ocr")
    workers, threads = _plan(len(todo), options)
    stats.workers, stats.threads = workers, threads
    futures: list[tuple[Page, Future]] = []
    for page in todo:
        path = case_root / page.source_file
        try:
            image = load_page_image(path, page.source_page, options.dpi, options.max_pixels)
        except BadImage as exc:
            _fail(page, exc.note, stats)
            settled()
            continue
        hit = cache.get(ocr_key(image, options))
        if hit is not None:
            _apply(page, {**hit, "from_cache": True}, stats)
            settled()
        elif workers == 1:
            _apply(page, _safe_ocr(image, options, threads, cache), stats)
            settled()
        else:  # the pool starts with the first page the cache does not have
            _throttle(futures, workers)
            job = _pool(workers, threads).submit(_ocr_task, str(path), page.source_page, options, threads)
            futures.append((page, job))
        del image

    if options.seals:
        read = {id(p) for p in todo}
        for page in pages:
            if id(page) not in read and has_raster(page.source_file):
                _marks(page, case_root, options, cache, stats)

    delivered = False
    for page, future in futures:
        try:
            result = future.result()
            delivered = True
        except BrokenProcessPool:
            _close_pool()
            if not delivered:  # the pool never worked (could not start): read here instead
                result = _read_here(page, case_root, options, cache)
            else:
                result = {"ok": False,
                          "note": "OCR 工作进程异常退出（可能内存不足）/ an OCR worker process died (out of memory?)"}
        except Exception as exc:  # noqa: BLE001 - one page's failure must not stop the others
            result = {"ok": False, "note": f"OCR 失败 / OCR failed: {type(exc).__name__}: {exc}"}
        _apply(page, result, stats)
        settled()
    stats.seconds = round(time.perf_counter() - start, 3)
    return stats


def _plan(pages: int, options: OcrOptions) -> tuple[int, int]:
    """Workers and ONNX threads per worker: workers × threads ≤ cores."""
    cores = available_cores()
    workers = options.workers or min(cores, max(1, pages))
    if pages <= 1 or multiprocessing.current_process().daemon:
        workers = 1  # one page, or inside a daemon worker (no children allowed): read here
    workers = max(1, min(workers, cores))
    threads = options.threads or max(1, cores // workers)
    return workers, max(1, min(threads, max(1, cores // workers)))


def _safe_ocr(image: PageImage, options: OcrOptions, threads: int, cache: DiskCache) -> dict[str, Any]:
    try:
        return ocr_image(image, options, threads, cache)
    except engines.EngineUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - a page that breaks the engine gets a note
        return {"ok": False, "note": f"OCR 失败 / OCR failed: {type(exc).__name__}: {exc}"}


def _read_here(page: Page, root: Path, options: OcrOptions, cache: DiskCache) -> dict[str, Any]:
    try:
        image = load_page_image(root / page.source_file, page.source_page, options.dpi, options.max_pixels)
    except BadImage as exc:
        return {"ok": False, "note": exc.note}
    return _safe_ocr(image, options, available_cores(), cache)


def _ocr_task(path: str, source_page: int, options: OcrOptions, threads: int) -> dict[str, Any]:
    """Worker side: render again (cheaper than shipping pixels) and read the page."""
    try:
        image = load_page_image(Path(path), source_page, options.dpi, options.max_pixels)
    except BadImage as exc:
        return {"ok": False, "note": exc.note}
    cache = DiskCache(options.cache_root(), enabled=not options.no_cache)
    return _safe_ocr(image, options, threads, cache)


def _marks(page: Page, root: Path, options: OcrOptions, cache: DiskCache, stats: OcrStats) -> None:
    try:
        image = load_page_image(root / page.source_file, page.source_page, options.seal_dpi, options.max_pixels)
        result = marks_image(image, page.lines, cache)
    except Exception:  # noqa: BLE001 - the text layer was read; no seal check is not worth a failure
        return
    page.seals = [from_dict(Seal, s) for s in result["seals"]]
    page.ink_regions = result["ink_regions"]
    page.seal_checked = True
    stats.seals_checked += 1


def _apply(page: Page, result: dict[str, Any], stats: OcrStats) -> None:
    if not result.get("ok"):
        _fail(page, result.get("note", ""), stats)
        return
    page.lines = [from_dict(Line, d) for d in result["lines"]]
    page.text_engine = result["engine"]
    page.rotation = int(result["rotation"])
    page.skew = float(result["skew"])
    page.image_sha256 = result["image_sha256"]
    page.seals = [from_dict(Seal, s) for s in result["seals"]]
    page.ink_regions = dict(result.get("ink_regions", {}))
    page.seal_checked = bool(result.get("seal_checked", True))
    page.width, page.height = result["width"], result["height"]
    page.needs_ocr = False
    page.note = "; ".join(n for n in (page.note, result.get("note", "")) if n)
    if result.get("from_cache"):
        stats.cached += 1
    else:
        stats.ocr += 1
        stats.page_seconds.append(float(result.get("seconds", 0.0)))
        stats.page_cpu_seconds.append(float(result.get("cpu_seconds", 0.0)))
        stats.peak_worker_mb = max(stats.peak_worker_mb, float(result.get("peak_rss_mb", 0.0)))


def _fail(page: Page, note: str, stats: OcrStats) -> None:
    page.needs_ocr = True
    page.note = note or "OCR 失败 / OCR failed"
    stats.failed += 1


def _throttle(futures: list[tuple[Page, Future]], workers: int) -> None:
    """Wait while too many pages are queued (each holds a rendered page in a worker)."""
    while sum(not f.done() for _, f in futures) >= workers * MAX_IN_FLIGHT_PER_WORKER:
        time.sleep(0.01)


# --- a pool that outlives one call: models stay loaded across the cases of a batch ----------

_POOL: dict[str, Any] = {}


def _pool(workers: int, threads: int) -> ProcessPoolExecutor:
    key = (workers, threads)
    if _POOL.get("key") != key or _POOL.get("executor") is None:
        _close_pool()
        # Not "fork": a process that has run ONNX Runtime or OpenCV threads can hand a held
        # lock to a forked child (seen here as a hung worker). The fork server is a clean,
        # single-threaded process with the heavy modules imported once; workers fork from it.
        from audit.pool import process_context

        ctx = process_context()
        _POOL["executor"] = ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                                initializer=init_worker, initargs=(threads,))
        _POOL["key"] = key
    return _POOL["executor"]


def _close_pool() -> None:
    executor = _POOL.pop("executor", None)
    _POOL.pop("key", None)
    if executor is not None:
        executor.shutdown(wait=False, cancel_futures=True)


def close_pool() -> None:
    """Stop the OCR worker processes (they otherwise stay up for the next case)."""
    _close_pool()


atexit.register(_close_pool)
