"""Masking of personal data (ID and phone numbers) in anything shown or written."""

from __future__ import annotations

from typing import Any

from audit.parse.identifiers import mask_text

_LEAVES = (int, float, bool, type(None))


def mask(obj: Any) -> Any:
    """A copy of ``obj`` (str / list / dict) with ID and phone numbers masked in every string."""
    kind = type(obj)  # the exact types first: a case's JSON is ~75,000 of them
    if kind is str:
        return mask_text(obj)
    if kind is dict:
        return {k: mask(v) for k, v in obj.items()}
    if kind is list:
        return [mask(v) for v in obj]
    if kind in _LEAVES:
        return obj
    if isinstance(obj, str):
        return mask_text(obj)
    if isinstance(obj, list):
        return [mask(v) for v in obj]
    if isinstance(obj, dict):
        return {k: mask(v) for k, v in obj.items()}
    return obj
