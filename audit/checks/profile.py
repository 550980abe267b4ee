"""Profiles: the thresholds and choices that the law leaves to provinces, as data."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from audit.checklists import checklists_dir
from audit.errors import AuditError

DEFAULT_PROFILE = "national-default"


@functools.cache
def load_profile(name_or_path: str = DEFAULT_PROFILE) -> dict[str, Any]:
    """A profile by name (``checklists/profiles/NAME.yaml``) or by file path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = checklists_dir() / "profiles" / f"{name_or_path}.yaml"
    if not path.exists():
        known = sorted(p.stem for p in (checklists_dir() / "profiles").glob("*.yaml"))
        raise AuditError(
            "unknown_profile",
            f"找不到评查配置（profile）：{name_or_path}；可用：{'、'.join(known)}",
            f"unknown profile {name_or_path}; available: {', '.join(known)}",
        )
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def lookup(profile: dict[str, Any], dotted: str) -> Any:
    """``profile.hearing.large_fine`` → the value at that path."""
    value: Any = profile
    for part in dotted.split(".")[1:]:
        value = value[part]
    return value


def resolve_params(params: Any, profile: dict[str, Any]) -> Any:
    """Replace every ``"profile.x.y"`` string in rule parameters by the profile's value."""
    if isinstance(params, str) and params.startswith("profile."):
        return lookup(profile, params)
    if isinstance(params, dict):
        return {k: resolve_params(v, profile) for k, v in params.items()}
    if isinstance(params, list):
        return [resolve_params(v, profile) for v in params]
    return params


def profile_selection(profile: str, select: list[str] | None, ignore: list[str] | None,
                      ) -> tuple[list[str] | None, list[str] | None]:
    """The rule selection of ``profile`` (its ``select``/``ignore`` keys) joined to the user's:
    the user's ``select`` replaces the profile's, the ``ignore`` lists add up."""
    data = load_profile(profile)
    chosen = list(select or []) or list(data.get("select") or [])
    ignored = list(dict.fromkeys([*(ignore or []), *(data.get("ignore") or [])]))
    return chosen or None, ignored or None
