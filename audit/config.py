"""Run settings from ``audit.toml`` or ``[tool.audit]`` in ``pyproject.toml`` (current folder).

Keys: ``profile``, ``standard``, ``select``, ``ignore``. Command-line options override them.
"""

from __future__ import annotations

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
    )
