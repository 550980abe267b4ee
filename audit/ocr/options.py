"""Options of the OCR stage and where its cache lives."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from audit.limits import LIMITS
from audit.ocr.engines.base import EngineSettings

CACHE_ENV = "AUDIT_CACHE_DIR"
MODEL_DIRS_ENV = "AUDIT_OCR_MODEL_DIRS"  # e.g. det=/models/det,rec=/models/rec (for paddleocr)


def env_model_dirs() -> dict[str, str]:
    """Local model folders from ``$AUDIT_OCR_MODEL_DIRS`` (``role=folder`` pairs, comma-separated)."""
    pairs = [item.split("=", 1) for item in os.environ.get(MODEL_DIRS_ENV, "").split(",") if "=" in item]
    return {role.strip(): folder.strip() for role, folder in pairs}


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """How pages are read. Defaults were chosen by measurement (see ``audit/ocr/bench.py``)."""

    engine: str = "rapidocr"
    dpi: int = 200  # rasterisation of PDF pages that need OCR
    no_cache: bool = False
    cache_dir: Path | None = None  # default: $AUDIT_CACHE_DIR, else ~/.cache/casefile-audit
    workers: int | None = None  # processes; default: one per core, at most one per page
    threads: int | None = None  # ONNX Runtime threads per worker; default: cores // workers
    det_side: int | None = None  # long side of the image the text detector sees; None: the engine's measured default
    max_side: int = 2000  # long side of the image text lines are cut from
    text_score: float = 0.5
    rec_batch: int = 2  # text lines per recogniser call
    orient: bool = True  # find and undo 90/180/270° turns
    seals: bool = True  # find red seals (also on text-layer pages, at seal_dpi)
    seal_dpi: int = 72
    max_pixels: int = field(default_factory=lambda: LIMITS.max_pixels)  # larger page images are refused
    model_dirs: dict[str, str] = field(default_factory=env_model_dirs)  # e.g. paddleocr: det/rec/cls folders

    def engine_settings(self, threads: int) -> EngineSettings:
        return EngineSettings(
            threads=threads,
            det_side=self.det_side,
            max_side=self.max_side,
            text_score=self.text_score,
            rec_batch=self.rec_batch,
            model_dirs=tuple(sorted(self.model_dirs.items())),
        )

    def cache_root(self) -> Path:
        if self.cache_dir is not None:
            return Path(self.cache_dir)
        env = os.environ.get(CACHE_ENV)
        if env:
            return Path(env)
        return Path.home() / ".cache" / "casefile-audit"


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
