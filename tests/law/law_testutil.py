"""Paths and helpers shared by the law registry tests (imported by name: tests/law is on sys.path)."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from audit.law.registry import normalize_text
from audit.parse.numerals import amount_to_yuan, multiple_to_number

REPO = Path(__file__).resolve().parents[2]
# ../shared/laws beside the checkout; AUDIT_LAWS_DIR overrides it (a worktree elsewhere).
LAWS_DIR = Path(os.environ.get("AUDIT_LAWS_DIR") or REPO.parent / "shared" / "laws")
LAW_DATA = REPO / "checklists" / "law"

_CN = "零一二两三四五六七八九十百千"
# 一万五千元: a 万 inside the number is allowed when more digits follow it.
_AMOUNT_RE = re.compile(rf"([0-9]+(?:\.[0-9]+)?|[{_CN}]+(?:万[{_CN}]+)?)(万元|千元|元)")
_MULTIPLE_RE = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十]+)倍|百分之[一二三四五六七八九十]+|[0-9]+%")


_RANGE_LOW_RE = re.compile(r"([0-9]+|[一二两三四五六七八九十]+)到(?=(?:[0-9]+|[一二两三四五六七八九十]+)倍)")


def similarity(a: str, b: str) -> float:
    """difflib ratio of two statute texts after removing whitespace and punctuation."""
    return difflib.SequenceMatcher(None, normalize_text(a), normalize_text(b), autojunk=False).ratio()


def amounts_in(text: str) -> set[int]:
    """Every yuan amount written in a statute sentence (1万元, 五千元, 5000元 …)."""
    out = set()
    for m in _AMOUNT_RE.finditer(text):
        value = amount_to_yuan(m[0])
        if value is not None:
            out.add(value)
    return out


def multiples_in(text: str) -> set[float]:
    """Every multiple written in a statute sentence (二倍, 10倍, 百分之五十 -> 0.5, 30% -> 0.3 …)."""
    from audit.law.draft_penalties import multiple_value

    out: set[float] = set()
    for m in _RANGE_LOW_RE.finditer(text):  # 三到五倍: the lower bound has no 倍 of its own
        value = multiple_to_number(m[1] + "倍")
        if value is not None:
            out.add(value)
    for m in _MULTIPLE_RE.finditer(text):
        value = multiple_to_number(m[0]) if m[0].endswith("倍") else multiple_value(m[0])
        if value is not None:
            out.add(value)
    return out
