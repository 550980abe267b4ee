"""Engines by name: a small registry. ``create("rapidocr", settings)`` builds one."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from audit.ocr.engines.base import Engine, EngineSettings, EngineUnavailable, RawLine, Reading

__all__ = ["Engine", "EngineSettings", "EngineUnavailable", "RawLine", "Reading",
           "register", "create", "names", "DEFAULT_ENGINE"]

DEFAULT_ENGINE = "rapidocr"

Factory = Callable[[EngineSettings], Engine]
_FACTORIES: dict[str, Factory] = {}
# built-in engines, imported on first use so that an optional one costs nothing
_BUILTIN = {
    "rapidocr": "audit.ocr.engines.rapid",
    "paddleocr": "audit.ocr.engines.paddle",
    "tesseract": "audit.ocr.engines.tesseract",
}


def register(name: str) -> Callable[[Factory], Factory]:
    """Decorator: make ``factory(settings) -> Engine`` available under ``name``."""

    def wrap(factory: Factory) -> Factory:
        _FACTORIES[name] = factory
        return factory

    return wrap


def names() -> list[str]:
    """Every engine name known (built in or registered), available here or not."""
    return sorted(set(_BUILTIN) | set(_FACTORIES))


def create(name: str, settings: EngineSettings | None = None) -> Engine:
    """Build the engine ``name``; raise :class:`EngineUnavailable` with a bilingual reason."""
    if name not in _FACTORIES and name in _BUILTIN:
        importlib.import_module(_BUILTIN[name])
    factory = _FACTORIES.get(name)
    if factory is None:
        known = "、".join(names())
        raise EngineUnavailable(f"未知的 OCR 引擎：{name}（可用：{known}）",
                                f"unknown OCR engine: {name} (known: {', '.join(names())})")
    return factory(settings or EngineSettings())
