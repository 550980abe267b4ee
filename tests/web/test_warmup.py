"""`audit serve` warms the OCR model at start; the progress text tells what it waits on."""

from __future__ import annotations

import time

import pytest

from audit.web import warmup
from audit.web.jobs import Status


def test_progress_text_is_truthful_before_and_during_reading(monkeypatch):
    monkeypatch.setattr(warmup.WARM, "state", "warming")
    monkeypatch.setattr(warmup.WARM, "started", time.time() - 7)
    text = warmup.ocr_stage_text(0, 12, 0.5)
    assert "正在加载文字识别模型" in text and "已用 7 秒" in text and "12 页" in text
    assert "十几秒" not in text
    monkeypatch.setattr(warmup.WARM, "state", "ready")
    assert warmup.ocr_stage_text(0, 12, 0.5) == "正在识别第 1 页扫描页面（共 12 页）"
    # the estimate comes from the pages read so far: 3 pages in 30 s → 9 pages left ≈ 90 s
    assert "预计还需约 90 秒" in warmup.ocr_stage_text(3, 12, 30.0)
    status = Status(state="reading", stage="ocr", done=3, total=12)
    status.ocr_started = time.time() - 30
    assert "已完成 3/12 页" in status.to_json()["stage_text"]


def test_warm_up_loads_the_engine_in_this_process_and_the_pool(monkeypatch):
    pytest.importorskip("rapidocr")
    from audit.config import ocr_options
    from audit.ocr import pages as ocr_pages_module
    from audit.ocr import worker

    options = ocr_options()
    if options.engine == "none":
        pytest.skip("no OCR engine configured")
    monkeypatch.setattr(warmup, "WARM", warmup.WarmState())
    started = time.time()
    state = warmup.warm_up(options, pool=True)
    try:
        assert state.state == "ready", state
        assert state.seconds is not None and state.seconds <= time.time() - started + 0.5
        assert any(key[1] == options.engine for key in worker._ENGINES)  # loaded here
        assert ocr_pages_module._POOL.get("executor") is not None or state.seconds >= 0
        again = time.time()
        warmup.warm_up(options)  # a second call does nothing
        assert time.time() - again < 0.5
    finally:
        ocr_pages_module.close_pool()
