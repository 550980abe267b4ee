"""One page through the OCR stage: clean-up, engine, seals, layout, ink — and the cache.

These functions run in worker processes (or in the calling process for small jobs).
An engine is built once per process and settings, then reused for every page.
Results are plain dicts (JSON-able): what the cache stores and what crosses processes.
"""

from __future__ import annotations

import os
import time
from typing import Any

import cv2

from audit.model import Line, Seal, to_dict
from audit.ocr import engines
from audit.ocr.cache import DiskCache, make_key
from audit.ocr.clean import recognition_grey
from audit.ocr.engines.base import Engine, RawLine
from audit.ocr.fixes import fix_text
from audit.ocr.geometry import overlap_share, quad_box, rotate_box, rotated_size
from audit.ocr.ink import signature_ink, upright_small
from audit.ocr.layout import assemble
from audit.ocr.options import OcrOptions
from audit.ocr.raster import PageImage
from audit.ocr.seals import SEAL_CONFIDENCE_CAP, UNDER_SEAL_SHARE, find_seals, red_text_boxes

MARKS_VERSION = "marks-1"  # seal detection on text-layer pages
INK_DPI = 100  # resolution of the colour copy used for ink checks

_ENGINES: dict[tuple[int, str, Any], Engine] = {}
ENGINE_CALLS = {"read": 0}  # per process; tests use it to prove a page was not OCRed


def get_engine(options: OcrOptions, threads: int) -> Engine:
    """The engine for these options in this process, built on first use."""
    settings = options.engine_settings(threads)
    key = (os.getpid(), options.engine, settings)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = engines.create(options.engine, settings)
        _ENGINES[key] = engine
    return engine


def ocr_key(image: PageImage, options: OcrOptions) -> str:
    settings = options.engine_settings(1)
    return make_key("ocr", image.sha256, engines.identity(options.engine, settings),
                    options.orient, options.seals, round(image.points_per_pixel, 6))


def ocr_image(image: PageImage, options: OcrOptions, threads: int, cache: DiskCache) -> dict[str, Any]:
    """OCR one page image, or take its result from the cache. Returns a result dict."""
    key = ocr_key(image, options)
    hit = cache.get(key)
    if hit is not None:
        return {**hit, "from_cache": True, "seconds": 0.0}
    start, cpu = time.perf_counter(), _cpu()
    rgb, k = image.rgb, image.points_per_pixel
    h_px, w_px = rgb.shape[:2]
    seals = find_seals(rgb, k) if options.seals else []
    seal_px = [tuple(int(round(v / k)) for v in s.box) for s in seals]
    grey = recognition_grey(rgb, seal_px, red_text_boxes(rgb, seal_px) if options.seals else [])  # type: ignore[arg-type]
    engine = get_engine(options, threads)
    ENGINE_CALLS["read"] += 1
    reading = engine.read(grey, orient=options.orient, doubt=seal_px)  # type: ignore[arg-type]
    rotation = reading.rotation % 360

    width_pt, height_pt = rotated_size(w_px * k, h_px * k, rotation)
    seals = [Seal(box=_round_box(rotate_box(s.box, rotation, w_px * k, h_px * k)), score=s.score) for s in seals]
    raw = [RawLine(fix_text(r.text), r.quad, r.confidence) for r in reading.lines]
    _cap_under_seals(raw, seals, k)
    lines = assemble(raw, reading.skew, k)
    factor = min(1.0, INK_DPI * k / 72.0)
    ink = signature_ink(lines, upright_small(rgb, rotation, factor), k / factor, width_pt)
    result = {
        "ok": True,
        "engine": options.engine,
        "lines": [to_dict(line) for line in lines],
        "rotation": rotation,
        "skew": round(reading.skew or 0.0, 2),
        "image_sha256": image.sha256,
        "seals": [to_dict(s) for s in seals],
        "seal_checked": options.seals,
        "ink_regions": ink,
        "width": round(width_pt, 2),
        "height": round(height_pt, 2),
        "note": image.note,
        "timings": {name: round(v, 3) for name, v in reading.timings.items()},
    }
    result["seconds"] = round(time.perf_counter() - start, 3)
    result["cpu_seconds"] = round(_cpu() - cpu, 3)
    result["peak_rss_mb"] = peak_rss_mb()
    _trim()
    cache.put(key, {k2: v for k2, v in result.items() if k2 not in ("seconds", "cpu_seconds", "peak_rss_mb")})
    return {**result, "from_cache": False}


def marks_image(image: PageImage, lines: list[Line], cache: DiskCache) -> dict[str, Any]:
    """Seals (cached) and signature ink on a text-layer page rendered at low dpi."""
    key = make_key(MARKS_VERSION, image.sha256, round(image.points_per_pixel, 6))
    hit = cache.get(key)
    if hit is not None:
        seals = hit["seals"]
    else:
        seals = [to_dict(s) for s in find_seals(image.rgb, image.points_per_pixel)]
        cache.put(key, {"seals": seals})
    ink = signature_ink(lines, image.rgb, image.points_per_pixel)
    return {"ok": True, "seals": seals, "ink_regions": ink, "from_cache": hit is not None}


def _cpu() -> float:
    """CPU seconds of this process (all threads) and of its finished children (tesseract)."""
    try:
        import resource

        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + child.ru_utime + child.ru_stime
    except ImportError:  # pragma: no cover - Windows
        return time.process_time()


def _trim() -> None:
    """Give freed memory back to the system after a page (glibc keeps it otherwise).

    Measured: a worker's resident memory between pages stays ~180 MB instead of growing
    to ~550 MB over 23 pages (ONNX Runtime allocates per input shape).
    """
    global _LIBC
    if _LIBC is None:
        try:
            import ctypes

            _LIBC = ctypes.CDLL("libc.so.6")
        except OSError:
            _LIBC = False
    if _LIBC:
        _LIBC.malloc_trim(0)


_LIBC: Any = None


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB)."""
    try:
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB
    except ImportError:  # pragma: no cover - Windows
        return 0.0


def _cap_under_seals(raw: list[RawLine], seals: list[Seal], k: float) -> None:
    """Text under a seal is uncertain: cap its confidence so rules ask for a human check."""
    for piece in raw:
        box = tuple(v * k for v in quad_box(piece.quad))
        if any(overlap_share(box, s.box) >= UNDER_SEAL_SHARE for s in seals):  # type: ignore[arg-type]
            piece.confidence = min(piece.confidence, SEAL_CONFIDENCE_CAP)


def _round_box(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return tuple(round(v, 2) for v in box)  # type: ignore[return-value]


def init_worker(threads: int) -> None:
    """Process-pool initializer: keep OpenCV single-threaded beside ONNX Runtime's threads."""
    from audit import lifeline
    from audit.ocr import raster

    lifeline.bind()  # dies with the program that started the pool (serve, check)
    cv2.setNumThreads(1)
    os.environ["OMP_NUM_THREADS"] = str(threads)
    raster._PDF_CACHE.clear()  # documents opened by the parent share its file offsets: reopen


