"""Small helpers the check kinds share: evidence fields for documents, dates, names."""

from __future__ import annotations

import datetime as dt

import regex

from audit.model import Case, Document, Field, LineSource
from audit.parse.segment import type_names


def doc_name(code: str) -> str:
    return type_names().get(code, code)


def doc_field(case: Case, doc: Document, note: str = "") -> Field:
    """Evidence pointing at a whole document: its title line on its first page."""
    page = case.page(doc.pages[0])
    box, conf = None, 1.0
    if page and page.lines:
        head = next((ln for ln in page.lines[:6] if doc.title and doc.title[:2] in ln.text), page.lines[0])
        box = head.box
        conf = min((ln.confidence for p in doc.pages if (pg := case.page(p)) for ln in pg.lines), default=1.0)
    return Field(note or doc.title, doc.title, doc.id, doc.pages[0], box, conf)


def first_line_field(case: Case, doc: Document) -> Field:
    """Evidence pointing at a document by its first line, with that line's confidence (how
    sure the reading of the rest is, is the finding's own matter)."""
    page = case.page(doc.pages[0])
    first = next((ln for ln in page.lines if ln.text.strip()), None) if page else None
    if first is None:
        return Field(doc.title or doc.type, "", doc.id, doc.pages[0], None, 1.0)
    return Field(doc.title or doc.type, first.text, doc.id, doc.pages[0], first.box, first.confidence)


def is_ocr(case: Case, doc: Document) -> bool:
    return any(ln.source is LineSource.OCR for p in doc.pages if (pg := case.page(p)) for ln in pg.lines)


# OCR lines read at least this sure are trusted to say that printed wording is absent; below
# it (a smudge, text under a seal: capped at 0.8) a missing phrase may be a misread one.
SURE_OCR_LINE = 0.9


def ocr_doubt(case: Case, doc: Document, pattern: str | None = None) -> bool:
    """Whether the OCR reading of ``doc`` is too unsure to call wording (``pattern``) absent.

    Never for a text-layer document. For an OCR document: a page not read raises the doubt;
    so does any OCR line read below :data:`SURE_OCR_LINE` — when ``pattern`` is given, only
    an unsure line that holds the wording with one character misread (OCR misreads
    characters and marks such lines unsure; it does not drop phrases from sure lines).
    """
    unsure: list[str] = []
    for number in doc.pages:
        page = case.page(number)
        if page is None:
            continue
        if page.needs_ocr:
            return True
        unsure += [ln.text for ln in page.lines if ln.source is LineSource.OCR and ln.confidence < SURE_OCR_LINE]
    if not unsure or pattern is None:
        return bool(unsure)
    try:
        return any(regex.search(f"(?:{pattern}){{e<=1}}", line, timeout=1.0) for line in unsure)
    except (regex.error, TimeoutError):
        return True


def date_of(f: Field | None) -> dt.date | None:
    if f is None or not f.value:
        return None
    try:
        return dt.date.fromisoformat(f.value)
    except (TypeError, ValueError):
        return None


def where(case: Case, f: Field) -> str:
    doc = case.document(f.document) if f.document else None
    return f"{doc_name(doc.type) if doc else '—'}第{f.page}页" if f.page else (doc_name(doc.type) if doc else "—")
