"""Fixtures of the hostile-input suite."""

from __future__ import annotations

import re

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{3,}")


def bilingual(text: str) -> bool:
    """A line with a Chinese half and an English half."""
    return bool(CJK.search(text)) and len(WORD.findall(text)) >= 3
