"""Archive page stamps: the number the archivist put on every page of a case file.

Read in their usual forms — ``002``, ``第2页``, ``2/18``, ``- 2 -`` or a bare number — from
a short line in a corner band of the page (top or bottom), from the text layer or OCR
(where ``O`` is often read for ``0`` and ``l`` for ``1``). A document's own running
numbering "第1页 共3页" is not an archive stamp and is left alone; so is a line that is not
in a corner band when the page has geometry (a number in a table of contents is no stamp).
"""

from __future__ import annotations

import regex

from audit.model import Line, Page

CORNER_BAND = 0.14  # top and bottom share of the page height where stamps sit
EDGE_LINES = 3  # lines looked at from each end of a page without geometry
STAMP = regex.compile(
    r"^\s*(?:"
    r"[-—–－]\s*(?P<dash>\d{1,4})\s*[-—–－]"  # - 2 -
    r"|第\s*(?P<ordinal>\d{1,4})\s*页(?!\s*[，,]?\s*共)"  # 第2页 (not 第2页共3页)
    r"|(?P<part>\d{1,4})\s*/\s*\d{1,4}"  # 2/18
    r"|(?P<bare>0\d{1,3}|[1-9]\d{0,2})"  # 002, 2 (no year-like 4-digit numbers)
    r")\s*$"
)
OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1"})


def _normal(text: str) -> str:
    compact = text.strip()
    if 0 < len(compact) <= 6 and regex.fullmatch(r"[0-9OoDlI|]+", compact) and regex.search(r"\d", compact):
        return compact.translate(OCR_DIGITS)  # "O02" → "002"; never touches words
    return compact


def stamp_of_line(text: str) -> int | None:
    """The page number a stamp line gives, or None when the line is no stamp."""
    m = STAMP.match(_normal(text))
    if not m:
        return None
    value = int(next(v for v in m.groupdict().values() if v is not None))
    return value or None


def _in_corner(page: Page, line: Line) -> bool:
    if line.box is None or not page.height:
        return True  # no geometry: the edge lines are all we have
    top, bottom = line.box[1], line.box[3]
    band = page.height * CORNER_BAND
    return bottom <= band or top >= page.height - band


def page_stamp(page: Page) -> tuple[int, Line] | None:
    """The archive stamp of ``page`` (number and the line it was read from), or None."""
    lines = page.lines
    head = lines[:EDGE_LINES]
    edges = head + [line for line in reversed(lines[-EDGE_LINES:]) if all(line is not h for h in head)]
    for line in edges:
        if not _in_corner(page, line):
            continue
        number = stamp_of_line(line.text)
        if number is not None:
            return number, line
    return None
