"""OCR stage: read pages that have no usable text layer; find seals and signature ink.

    from audit.ocr import OcrOptions, ocr_pages
    stats = ocr_pages(pages, case_root, OcrOptions(engine="rapidocr", dpi=200))

Engines are chosen by name (``audit.ocr.engines``); the command is ``audit.ocr.cli.ocr_command``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["OcrOptions", "OcrStats", "ocr_pages", "close_pool", "EngineUnavailable"]


def __getattr__(name: str) -> Any:  # imported on first use: numpy, OpenCV, ONNX Runtime are heavy
    if name in ("OcrStats", "ocr_pages", "close_pool"):
        from audit.ocr import pages

        return getattr(pages, name)
    if name == "OcrOptions":
        from audit.ocr.options import OcrOptions

        return OcrOptions
    if name == "EngineUnavailable":
        from audit.ocr.engines.base import EngineUnavailable

        return EngineUnavailable
    raise AttributeError(name)
