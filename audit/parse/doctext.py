"""A document's text as one string, with every offset traceable to a page and a box."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from audit.model import Case, Document, Field, Line


@dataclass(slots=True)
class _Segment:
    start: int  # offset of the line's first character in the joined text
    page: int
    line: Line


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

    @classmethod
    def of(cls, case: Case, document: Document) -> DocText:
        pages = [case.page(n) for n in document.pages]
        return cls(document, [(p.number, p.lines) for p in pages if p is not None])

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

    def lines(self) -> list[tuple[int, str]]:
        """(offset, text) of every line."""
        return [(s.start, s.line.text) for s in self._segments]
