"""Warm the OCR model when ``audit serve`` starts, so that the first scanned upload does not
wait for it, and say truthfully what the reading of scanned pages is waiting on."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class WarmState:
    state: str = "cold"  # cold | warming | ready | unavailable
    started: float = field(default_factory=time.time)
    seconds: float | None = None  # how long the warm-up took
    lock: threading.Lock = field(default_factory=threading.Lock)


WARM = WarmState()


def _load_engine(options: Any, threads: int) -> int:
    """Build the engine in this process (a pool worker or the server)."""
    from audit.ocr.worker import get_engine

    get_engine(options, threads)
    return threads


def warm_up(options: Any = None, pool: bool = True) -> WarmState:
    """Load the OCR model in this process and, with ``pool``, in the worker processes that a
    scanned case of several pages is read by. Blocking; call it from a thread."""
    from audit.config import ocr_options
    from audit.ocr.options import available_cores

    with WARM.lock:
        if WARM.state in ("warming", "ready"):
            return WARM
        WARM.state, WARM.started = "warming", time.time()
    options = options or ocr_options()
    try:
        if options.engine == "none":
            WARM.state = "unavailable"
            return WARM
        from audit.ocr import engines

        engines.probe(options.engine, options.engine_settings(1))
        cores = available_cores()
        _load_engine(options, cores)  # a one-page case is read here, with every core
        if pool and cores > 1:
            from audit.ocr.pages import _pool

            executor = _pool(cores, 1)  # the pool a case of several pages gets (workers × 1 thread)
            for job in [executor.submit(_load_engine, options, 1) for _ in range(cores)]:
                job.result(timeout=600)
        WARM.state = "ready"
    except Exception:  # noqa: BLE001 - no model here: pages are read (or reported) when a case needs them
        WARM.state = "unavailable"
    finally:
        WARM.seconds = round(time.time() - WARM.started, 1)
    return WARM


def start_warm_up(options: Any = None) -> threading.Thread:
    thread = threading.Thread(target=warm_up, args=(options,), name="ocr-warm-up", daemon=True)
    thread.start()
    return thread


def ocr_stage_text(done: int, total: int, elapsed: float) -> str:
    """What the page says while scanned pages are read: the model's state before the first
    page, then pages done and an estimate from the pages read so far — no promise made up."""
    if done == 0:
        if WARM.state == "warming":
            waited = round(time.time() - WARM.started)
            return f"正在加载文字识别模型（启动时已开始加载，已用 {waited} 秒），随后识别 {total} 页扫描页面"
        return f"正在识别第 1 页扫描页面（共 {total} 页）"
    per_page = elapsed / done
    left = round(per_page * (total - done))
    return f"正在识别扫描页面的文字：已完成 {done}/{total} 页，按目前速度预计还需约 {left} 秒"
