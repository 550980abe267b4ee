"""What a case file says about its own order: the page number printed on each page and the
rows of its file index (卷内目录)."""

from __future__ import annotations

import regex

from audit.model import Field, Page
from audit.parse.doctext import DocText
from audit.parse.segment import match_title

_PAGE_NO = regex.compile(r"^\s*(?:-\s*(?P<a>\d{1,4})\s*-|第\s*(?P<b>\d{1,4})\s*页(?!\s*共)|(?P<c>\d{1,4}))\s*$")
_INDEX_ROW = regex.compile(r"(?P<title>[\p{Han}（）()]{3,30}?)\s+.*?(?P<first>\d{1,4})(?:\s*[-—~－]\s*(?P<last>\d{1,4}))?\s*$")


def printed_page_number(page: Page) -> int | None:
    """The page number printed on a page: an archive stamp in a corner (002, 第2页, 2/18; see
    :mod:`audit.parse.page_stamps`), else a footer (- 3 -, 第3页, 3)."""
    from audit.parse.page_stamps import page_stamp

    stamp = page_stamp(page)
    if stamp is not None:
        return stamp[0]
    for line in reversed(page.lines[-3:]):
        m = _PAGE_NO.match(line.text)
        if m:
            return int(m.group("a") or m.group("b") or m.group("c"))
    return None


def index_rows(dt: DocText) -> list[Field]:
    """The rows of a file index naming a known document: value {type, title, first}."""
    out = []
    for offset, text in dt.lines():
        m = _INDEX_ROW.search(text)
        if not m:
            continue
        title = regex.sub(r"^\d+\s*", "", m.group("title"))
        found = match_title(title.split("（")[0]) or match_title(title)
        if not found:
            continue
        out.append(dt.field({"type": found.type, "title": title, "first": int(m.group("first"))},
                            offset, offset + len(text)))
    return out
