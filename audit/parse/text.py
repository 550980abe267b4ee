"""Tiny text normalisers shared by the parsers.

``normalize_width`` and ``normalize_brackets`` map one character to one character, so
offsets found in their output are offsets in the input: the parsers run their patterns
on the normalised text and take ``raw`` from the original. ``collapse_spaces`` and
``compact`` change the length and are meant for display and comparison only.
"""

from __future__ import annotations

import regex

# Whitespace allowed inside a token on one line (OCR spacing "2023 年 5 月 8 日").
GAP = r"[^\S\r\n]*"

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0xFFE5: 0xA5})  # ideographic space -> space, ￥ -> ¥

_OPEN = "［[(（【〔﹝〖"
_CLOSE = "］])）】〕﹞〗"
_BRACKETS = str.maketrans(_OPEN + _CLOSE, "〔" * len(_OPEN) + "〕" * len(_CLOSE))

_CJK = r"[\p{Han}\u3001-\u303F\uFF00-\uFFEF]"
_SPACE_NEXT_TO_CJK = regex.compile(rf"(?<={_CJK})\s+|\s+(?={_CJK})")
_SPACES = regex.compile(r"\s+")


def normalize_width(s: str) -> str:
    """Full-width ASCII (U+FF01–FF5E, incl. ０-９ Ａ-Ｚ （）：，．) to half-width; U+3000 to a space; ￥ to ¥.

    All full-width punctuation is folded, so （ becomes ( and ： becomes :. Length-preserving.
    """
    return s.translate(_WIDTH)


def normalize_brackets(s: str) -> str:
    """Map ［[(（【〔﹝〖 to 〔 and ］])）】〕﹞〗 to 〕 (for case numbers only). Length-preserving."""
    return s.translate(_BRACKETS)


def collapse_spaces(s: str) -> str:
    """Drop whitespace next to CJK characters ("2023 年 5 月" -> "2023年5月"); squeeze the rest to one space."""
    return _SPACES.sub(" ", _SPACE_NEXT_TO_CJK.sub("", s)).strip()


def compact(s: str) -> str:
    """Remove all whitespace, including U+3000 and no-break spaces."""
    return "".join(s.split())


_METACHARACTERS = frozenset(".^$*+?{}[]\\|()")


def surely_absent(pattern: str, text: str) -> bool:
    """True when ``pattern`` is plain text (no regular-expression syntax) that ``text`` does
    not contain: the pattern then cannot match, and need not be compiled (compiling a
    ``regex`` pattern takes a fraction of a millisecond; most wording looked for is absent)."""
    return not _METACHARACTERS.intersection(pattern) and pattern not in text
