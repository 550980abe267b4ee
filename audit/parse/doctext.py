"""A document's text as one string, with every offset traceable to a page and a box."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import regex

from audit.model import Case, Document, Field, Line


@dataclass(slots=True)
class _Segment:
    start: int  # offset of the line's first character in the joined text
    page: int
    line: Line


_PAGE_NUMBER = regex.compile(r"^\s*(?:[-—－]\s*\d{1,4}\s*[-—－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,4}|共\s*\d+\s*页\s*第\s*\d+\s*页)\s*$")


_MEMO: dict[int, tuple[Document, tuple, list, DocText]] = {}
_MEMO_SIZE = 256


class DocText:
    """The lines of a document joined by newlines; spans map back to page and box."""

    def __init__(self, document: Document, lines_by_page: list[tuple[int, list[Line]]]) -> None:
        self.document = document
        parts: list[str] = []
        self._segments: list[_Segment] = []
        offset = 0
        for page_number, lines in lines_by_page:
            for line in lines:
                self._segments.append(_Segment(offset, page_number, line))
                parts.append(line.text)
                offset += len(line.text) + 1
        self.text = "\n".join(parts)
        self._starts = [s.start for s in self._segments]
        # prose wraps across lines (even inside 《…》): the flat text drops the line breaks and
        # the page-number lines that interrupt text running over a page break
        dropped = bytearray(len(self.text))  # 1 where the flat text leaves a character out
        for a, b in self._page_number_spans():
            dropped[a:b] = b"\x01" * (b - a)
        text = self.text
        self._flat_index = [i for i, ch in enumerate(text) if ch != "\n" and not dropped[i]]
        self.flat = "".join(text[i] for i in self._flat_index)

    @classmethod
    def of(cls, case: Case, document: Document) -> DocText:
        """The document's text (memoised: rules ask for the same document's text many times)."""
        pages = [case.page(n) for n in document.pages]
        lines_by_page = [(p.number, p.lines) for p in pages if p is not None]
        shape = tuple((n, id(lines), len(lines)) for n, lines in lines_by_page)
        hit = _MEMO.get(id(document))
        # the entry holds the document and its line lists, so their ids cannot be reused
        if hit is not None and hit[0] is document and hit[1] == shape:
            return hit[3]
        made = cls(document, lines_by_page)
        _MEMO[id(document)] = (document, shape, [lines for _, lines in lines_by_page], made)
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)))
        return made

    def _segment_at(self, offset: int) -> _Segment | None:
        if not self._segments:
            return None
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._segments[max(index, 0)]

    def locate(self, start: int, end: int) -> tuple[int | None, tuple | None, float]:
        """Page, box and confidence of the text ``[start, end)`` (first line it touches)."""
        seg = self._segment_at(start)
        if seg is None:
            return None, None, 0.0
        local_start = start - seg.start
        local_end = min(end - seg.start, len(seg.line.text))
        return seg.page, seg.line.span_box(local_start, local_end), seg.line.confidence

    def field(self, value: Any, start: int, end: int, detail: dict | None = None,
              confidence: float | None = None) -> Field:
        """A :class:`Field` for ``value`` read from ``text[start:end]``."""
        page, box, line_conf = self.locate(start, end)
        return Field(
            value=value,
            raw=self.text[start:end],
            document=self.document.id,
            page=page,
            box=box,
            confidence=line_conf if confidence is None else min(confidence, line_conf),
            detail=detail,
        )

    def _page_number_spans(self) -> list[tuple[int, int]]:
        spans = []
        by_page: dict[int, list[_Segment]] = {}
        for seg in self._segments:
            by_page.setdefault(seg.page, []).append(seg)
        for segs in by_page.values():
            for seg in segs[:2] + segs[-2:]:
                if _PAGE_NUMBER.match(seg.line.text):
                    spans.append((seg.start, seg.start + len(seg.line.text)))
        return spans

    @property
    def flat_index(self) -> list[int]:
        """For every character of :attr:`flat`, its offset in :attr:`text` (ascending)."""
        return self._flat_index

    def unflatten(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in :attr:`text` of the flat-text span ``[start, end)``."""
        if end <= start:
            return self._flat_index[start] if start < len(self._flat_index) else len(self.text), start
        return self._flat_index[start], self._flat_index[end - 1] + 1

    def flat_field(self, value: Any, start: int, end: int, detail: dict | None = None) -> Field:
        """A :class:`Field` for ``value`` read from ``flat[start:end]``."""
        return self.field(value, *self.unflatten(start, end), detail=detail)

    def cell(self, labels: tuple[str, ...] | list[str]) -> Field | None:
        """The value beside a form label in a ruled table (label cell left, value right).

        Label text is often centred vertically in its cell while the value starts at the
        top of the neighbouring cell, so the value is every line to the right of the label
        between the midpoints to the labels above and below it.
        """
        wanted = {regex.sub(r"\s+", "", label) for label in labels}
        for seg in self._segments:
            box = seg.line.box
            if box is None or regex.sub(r"\s+", "", seg.line.text) not in wanted:
                continue
            same_page = [s for s in self._segments if s.page == seg.page and s.line.box]
            column = [s for s in same_page if s is not seg and s.line.box[2] <= box[2] + 5 and s.line.box[0] < box[2]]
            centre = (box[1] + box[3]) / 2
            above = [(s.line.box[1] + s.line.box[3]) / 2 for s in column if (s.line.box[1] + s.line.box[3]) / 2 < centre]
            below = [(s.line.box[1] + s.line.box[3]) / 2 for s in column if (s.line.box[1] + s.line.box[3]) / 2 > centre]
            top = (max(above) + centre) / 2 if above else centre - 3 * (box[3] - box[1])
            bottom = (min(below) + centre) / 2 if below else centre + 3 * (box[3] - box[1])
            values = [
                s for s in same_page
                if s.line.box[0] >= box[2] - 2 and top <= (s.line.box[1] + s.line.box[3]) / 2 <= bottom
            ]
            values = [s for s in values if s.line.text.strip(" \\/") ]
            if not values:
                continue
            values.sort(key=lambda s: (s.line.box[1], s.line.box[0]))
            raw = "\n".join(s.line.text for s in values)
            union = (
                min(s.line.box[0] for s in values), min(s.line.box[1] for s in values),
                max(s.line.box[2] for s in values), max(s.line.box[3] for s in values),
            )
            return Field(raw, raw, self.document.id, seg.page, union, min(s.line.confidence for s in values))
        return None

    def sub(self, start: int, end: int) -> DocText:
        """The document's lines ``[start, end)`` (by index) as a text of their own, same provenance."""
        by_page: list[tuple[int, list[Line]]] = []
        for seg in self._segments[start:end]:
            if not by_page or by_page[-1][0] != seg.page:
                by_page.append((seg.page, []))
            by_page[-1][1].append(seg.line)
        return DocText(self.document, by_page)

    def lines(self) -> list[tuple[int, str]]:
        """(offset, text) of every line."""
        return [(s.start, s.line.text) for s in self._segments]

    def segment_lines(self) -> list[Line]:
        """The :class:`Line` objects, in order."""
        return [s.line for s in self._segments]
