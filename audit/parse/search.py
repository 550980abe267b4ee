"""Wording search for the generic check kinds whose patterns come from YAML (required wording,
evidence elements, narrative statements): the check gives the pattern, this module reads the
document and answers with fields that carry their provenance. No check touches text itself."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from audit.model import Case, Document, Field
from audit.parse.doctext import DocText
from audit.parse.text import surely_absent


def text_of(case: Case, doc: Document) -> str:
    """The document's text, lines joined (prose wrapped over lines reads whole)."""
    return DocText.of(case, doc).flat


def has(case: Case, doc: Document, pattern: str) -> bool:
    """Whether the document's text matches ``pattern``."""
    text = text_of(case, doc)
    return not surely_absent(pattern, text) and regex.search(pattern, text) is not None


def find(case: Case, doc: Document, pattern: str) -> Field | None:
    """The first match of ``pattern`` as a field (value and raw: the matched text)."""
    dt = DocText.of(case, doc)
    if surely_absent(pattern, dt.flat):
        return None
    m = regex.search(pattern, dt.flat)
    return dt.flat_field(m.group(0), m.start(), m.end()) if m else None


def find_all(case: Case, doc: Document, pattern: str) -> list[Field]:
    """Every match of ``pattern`` as a field."""
    dt = DocText.of(case, doc)
    if surely_absent(pattern, dt.flat):
        return []
    return [dt.flat_field(m.group(0), m.start(), m.end()) for m in regex.finditer(pattern, dt.flat)]


def lines(case: Case, doc: Document) -> list[tuple[int, str]]:
    """(offset, text) of every line of the document."""
    return DocText.of(case, doc).lines()


def line_field(case: Case, doc: Document, text: str, start: int, end: int) -> Field:
    """A field for ``text`` at ``[start, end)`` of the document's line-joined text."""
    return DocText.of(case, doc).field(text, start, end)


def clauses(case: Case, doc: Document, number: str, ends: str = "，。；：,;:\n") -> Iterator[tuple[Field, list[str]]]:
    """The clauses holding a number matched by ``number`` (group ``n``), each once, as a field
    with the numbers it holds; a list number (2．) before a clause is left out."""
    dt = DocText.of(case, doc)
    text = dt.flat
    pattern = regex.compile(number)
    done: set[int] = set()
    for m in pattern.finditer(text):
        start = max(text.rfind(ch, 0, m.start()) for ch in ends) + 1
        if start in done:
            continue
        done.add(start)
        stops = [i for i in (text.find(ch, m.end()) for ch in ends) if i >= 0]
        end = min(stops) if stops else len(text)
        index = regex.match(r"[（(]?\d{1,2}[）)．.、]\s*", text[start:end])
        if index:
            start += index.end()
        clause = text[start:end]
        yield dt.flat_field(clause, start, end), [n.group("n") for n in pattern.finditer(clause)]
