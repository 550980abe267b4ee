"""Run settings from ``audit.toml`` or ``[tool.audit]`` in ``pyproject.toml`` (current folder).

Keys: ``profile``, ``standard``, ``select``, ``ignore``, and for the OCR stage ``ocr_engine``
(``rapidocr``, ``paddleocr``, ``tesseract``, or ``none`` to leave scanned pages unread),
``ocr_dpi``, ``ocr_cache`` (true/false). Command-line options and the environment variables
``AUDIT_OCR_ENGINE`` / ``AUDIT_OCR_DPI`` override them.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from audit.checks.profile import DEFAULT_PROFILE


@dataclass(slots=True)
class Settings:
    profile: str = DEFAULT_PROFILE
    standard: str | None = None  # None: the profile's scoring_standard
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    ocr_engine: str = "rapidocr"
    ocr_dpi: int = 200
    ocr_cache: bool = True


def load_settings(folder: Path | None = None) -> Settings:
    folder = Path(folder or Path.cwd())
    data: dict = {}
    if (folder / "audit.toml").exists():
        data = tomllib.loads((folder / "audit.toml").read_text(encoding="utf-8"))
    elif (folder / "pyproject.toml").exists():
        data = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8")).get("tool", {}).get("audit", {})
    return Settings(
        profile=data.get("profile", DEFAULT_PROFILE),
        standard=data.get("standard"),
        select=list(data.get("select", [])),
        ignore=list(data.get("ignore", [])),
        ocr_engine=os.environ.get("AUDIT_OCR_ENGINE") or data.get("ocr_engine", "rapidocr"),
        ocr_dpi=int(os.environ.get("AUDIT_OCR_DPI") or data.get("ocr_dpi", 200)),
        ocr_cache=bool(data.get("ocr_cache", True)),
    )


def ocr_options(folder: Path | None = None, **overrides):
    """The OCR stage's options from the settings; keyword arguments override them."""
    from audit.ocr.options import OcrOptions

    s = load_settings(folder)
    values = {"engine": s.ocr_engine, "dpi": s.ocr_dpi, "no_cache": not s.ocr_cache}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return OcrOptions(**values)
