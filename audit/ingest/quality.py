"""Is a text layer usable? Detect empty layers and garbage font mappings."""

from __future__ import annotations

import regex

_CID = regex.compile(r"\(cid:\d+\)")
_MEANINGFUL = regex.compile(r"[\p{Han}\p{L}\p{N}，。：；、（）《》〔〕“”？！,.:;()%¥￥\-/]")
_GARBAGE = regex.compile(r"[\uFFFD\uE000-\uF8FF\p{Cc}\p{Co}\p{Cn}]")

MIN_MEANINGFUL_CHARS = 8
MAX_GARBAGE_RATIO = 0.10


def meaningful_count(text: str) -> int:
    """Number of characters a reader would recognise (Han, letters, digits, punctuation)."""
    return len(_MEANINGFUL.findall(_CID.sub("", text)))


def garbage_ratio(text: str) -> float:
    """Share of characters that signal a broken font mapping."""
    compact = regex.sub(r"\s", "", text)
    if not compact:
        return 0.0
    cid_chars = sum(len(m) for m in _CID.findall(compact))
    bad = cid_chars + len(_GARBAGE.findall(_CID.sub("", compact)))
    return bad / len(compact)


def is_usable(text: str) -> bool:
    """True when the text layer can be trusted without OCR."""
    return meaningful_count(text) >= MIN_MEANINGFUL_CHARS and garbage_ratio(text) <= MAX_GARBAGE_RATIO
