"""Masking of personal data (ID and phone numbers) in anything shown or written."""

from __future__ import annotations

from typing import Any

from audit.parse.identifiers import mask_text


def mask(obj: Any) -> Any:
    """A copy of ``obj`` (str / list / dict) with ID and phone numbers masked in every string."""
    if isinstance(obj, str):
        return mask_text(obj)
    if isinstance(obj, list):
        return [mask(v) for v in obj]
    if isinstance(obj, dict):
        return {k: mask(v) for k, v in obj.items()}
    return obj
