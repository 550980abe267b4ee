"""Plain-text files: one line per line, pages split at form feeds.

The encoding is chosen by plausibility: UTF-8 (with or without BOM) and UTF-16 (BOM) are
taken as they are; otherwise GB18030, GBK and Big5 are each tried and the decoding whose
characters are most often common Chinese characters, ASCII or Chinese punctuation wins
(mojibake is made of rare characters, kana and symbols). Text that stays mostly
unrecognisable under every decoding is refused with a bilingual line rather than audited
as gibberish.
"""

from __future__ import annotations

import functools
from pathlib import Path

from audit import errors
from audit.model import Line, LineSource, Page

LEGACY = ("gb18030", "gbk", "big5")  # in order of preference at equal plausibility
MIN_PLAUSIBLE = 0.6  # share of recognisable characters below which a text is refused
BIG5_MARGIN = 0.05  # Big5 must beat the GB decodings by this much (GB text often decodes as Big5)
PUNCTUATION = set("。，、；：？！“”‘’（）《》〈〉【】〔〕—…·．－／％～　「」『』")


def read_txt(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    """Read a .txt file (UTF-8, UTF-16, GB18030/GBK or Big5) into pages."""
    data = path.read_bytes()
    text = decode(data, display_name)
    pages = []
    for i, chunk in enumerate(c for c in text.split("\f") if c.strip()):
        lines = [Line(text=s.rstrip(), source=LineSource.TEXT_LAYER) for s in chunk.splitlines() if s.strip()]
        pages.append(
            Page(number=first_number + i, source_file=display_name, source_page=i + 1, lines=lines, text_engine="txt")
        )
    return pages


def decode(data: bytes, name: str) -> str:
    """The text of ``data`` in its most plausible encoding; raise when none is plausible."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16", errors="replace"), name)
    try:
        return _checked(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    best, best_score = None, -1.0
    for encoding in LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        margin = BIG5_MARGIN if encoding == "big5" and best is not None else 0.0
        if score > best_score + margin:
            best, best_score = text, score
    if best is None:
        raise errors.unreadable_text(name, 0.0)
    return _checked(best, name)


def _checked(text: str, name: str) -> str:
    if "\x00" in text:
        raise errors.unreadable_text(name, 0.0)
    score = plausibility(text)
    if score < MIN_PLAUSIBLE:
        raise errors.unreadable_text(name, score)
    return text


def plausibility(text: str) -> float:
    """Share of the non-space characters of ``text`` that are ASCII, Chinese punctuation or
    common Chinese characters (GB2312 or Big5 level one); 1.0 for an empty text."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 1.0
    sample = chars[:200_000]
    return sum(1 for c in sample if _recognised(c)) / len(sample)


@functools.lru_cache(maxsize=65536)
def _recognised(char: str) -> bool:
    if char.isascii():
        return char.isprintable()
    if char in PUNCTUATION or "０" <= char <= "ｚ":
        return True
    if not "\u4e00" <= char <= "\u9fff":
        return False
    return _in_range(char, "gb2312", 0xB0, 0xF7) or _in_range(char, "big5", 0xA4, 0xF9)


def _in_range(char: str, encoding: str, low: int, high: int) -> bool:
    """Whether ``char`` is a Hanzi of ``encoding``'s common planes (lead byte low..high)."""
    try:
        encoded = char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and low <= encoded[0] <= high
