"""Engines by name: a small registry of :class:`EngineSpec` entries.

Each engine module registers one spec: how to build the engine, how to name its models
and settings for the cache without loading them, and how to check — cheaply, without
loading models — that it can run here. Optional engines are imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from audit.ocr.engines.base import Engine, EngineSettings, EngineUnavailable, RawLine, Reading

__all__ = ["Engine", "EngineSettings", "EngineSpec", "EngineUnavailable", "RawLine", "Reading",
           "DEFAULT_ENGINE", "register", "spec", "create", "identity", "probe", "names", "available"]

DEFAULT_ENGINE = "rapidocr"


@dataclass(frozen=True, slots=True)
class EngineSpec:
    name: str
    factory: Callable[[EngineSettings], Engine]
    identity: Callable[[EngineSettings], str]  # engine + models + settings, for the cache key
    probe: Callable[[EngineSettings], None]  # raise EngineUnavailable if it cannot run here
    description: str = ""


_SPECS: dict[str, EngineSpec] = {}
_BUILTIN = {
    "rapidocr": "audit.ocr.engines.rapid",
    "faster-paddle": "audit.ocr.engines.fast",
    "paddleocr": "audit.ocr.engines.paddle",
    "tesseract": "audit.ocr.engines.tesseract",
}


def register(entry: EngineSpec) -> EngineSpec:
    _SPECS[entry.name] = entry
    return entry


def names() -> list[str]:
    """Every engine name known (built in or registered), whether it can run here or not."""
    return sorted(set(_BUILTIN) | set(_SPECS))


def spec(name: str) -> EngineSpec:
    if name not in _SPECS and name in _BUILTIN:
        importlib.import_module(_BUILTIN[name])
    entry = _SPECS.get(name)
    if entry is None:
        raise EngineUnavailable(f"未知的 OCR 引擎：{name}（可选：{'、'.join(names())}）",
                                f"unknown OCR engine: {name} (choose from: {', '.join(names())})")
    return entry


def create(name: str, settings: EngineSettings | None = None) -> Engine:
    """Build engine ``name`` (loads its models); raise :class:`EngineUnavailable` if it cannot."""
    settings = settings or EngineSettings()
    entry = spec(name)
    entry.probe(settings)
    return entry.factory(settings)


def identity(name: str, settings: EngineSettings) -> str:
    return spec(name).identity(settings)


def probe(name: str, settings: EngineSettings | None = None) -> None:
    spec(name).probe(settings or EngineSettings())


def available(settings: EngineSettings | None = None) -> list[str]:
    """Names of the engines that can run here."""
    out = []
    for name in names():
        try:
            probe(name, settings)
        except EngineUnavailable:
            continue
        out.append(name)
    return out
