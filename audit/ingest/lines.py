"""Group positioned characters into lines in reading order."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from audit.model import Line, LineSource


@dataclass(slots=True, frozen=True)
class Char:
    """One character with its box (top-left origin, PDF points)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def group_lines(chars: Iterable[Char], source: LineSource = LineSource.TEXT_LAYER) -> list[Line]:
    """Cluster characters into visual lines (top to bottom, left to right).

    Characters whose vertical centres fall inside a line's band join it; a horizontal gap
    wider than the typical character width becomes one space, so form labels and the
    values filled in beside them stay on one line, separated as a reader would see them.
    """
    items = [c for c in chars if c.text and c.bottom > c.top and c.x1 >= c.x0]
    if not any(not c.text.isspace() for c in items):
        return []
    items.sort(key=lambda c: ((c.top + c.bottom) / 2, c.x0))
    heights = [c.bottom - c.top for c in items if not c.text.isspace()]
    tolerance = max(statistics.median(heights) * 0.45, 1.0)

    rows: list[list[Char]] = []
    centres: list[float] = []
    for c in items:
        centre = (c.top + c.bottom) / 2
        if rows and abs(centre - centres[-1]) <= tolerance:
            rows[-1].append(c)
            # running mean keeps long lines from drifting
            centres[-1] += (centre - centres[-1]) / len(rows[-1])
        else:
            rows.append([c])
            centres.append(centre)
    lines = [_row_to_line(sorted(row, key=lambda c: c.x0), source) for row in rows]
    return [line for line in lines if line.text]


def _row_to_line(row: list[Char], source: LineSource) -> Line:
    widths = [c.x1 - c.x0 for c in row if c.x1 > c.x0 and not c.text.isspace()]
    typical = statistics.median(widths) if widths else 5.0
    text: list[str] = []
    char_x: list[tuple[float, float]] = []
    prev: Char | None = None
    for c in row:
        if c.text.isspace():
            if text and text[-1] != " ":
                text.append(" ")
                char_x.append((c.x0, c.x1))
            continue
        if prev is not None:
            gap = c.x0 - prev.x1
            if gap > typical * 0.6 and text[-1] != " ":
                text.append(" ")
                char_x.append((prev.x1, c.x0))
            elif abs(c.x0 - prev.x0) < 0.01 and c.text == prev.text:
                continue  # duplicated glyph (fake bold by double printing)
        text.append(c.text)
        char_x.extend([(c.x0, c.x1)] * len(c.text))
        prev = c
    while text and text[-1] == " ":
        text.pop()
        char_x.pop()
    row = [c for c in row if not c.text.isspace()]
    box = (
        round(min(c.x0 for c in row), 2),
        round(min(c.top for c in row), 2),
        round(max(c.x1 for c in row), 2),
        round(max(c.bottom for c in row), 2),
    )
    return Line(text="".join(text), box=box, confidence=1.0, source=source, char_x=char_x)
