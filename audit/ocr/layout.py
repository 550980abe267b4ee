"""Pieces of text read by an engine → lines in reading order, in page points.

Pieces whose centres sit on one visual row (measured across the text direction, so a
skewed page still groups correctly) become one :class:`Line`, left to right, joined by a
space where there is a gap — the same shape text-layer lines have (see
``audit.ingest.lines.group_lines``), so the parsers see one kind of page.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from audit.model import Line, LineSource
from audit.ocr.engines.base import RawLine
from audit.ocr.geometry import quad_box

ROW_TOLERANCE = 0.35
SPACE_GAP = 0.3  # a gap wider than this share of the height becomes a space
# The detector's boxes are padded around the glyphs (unclip); text-layer boxes span the
# font's em box. Line boxes keep this share of a piece's height, about its centre line, so
# both kinds of page have boxes of the same size (measured on the scanned samples).
BOX_HEIGHT_SHARE = 0.57


@dataclass(slots=True)
class _Piece:
    raw: RawLine
    row: float  # coordinate across the text direction
    col: float  # coordinate along it
    height: float
    box: tuple[float, float, float, float]


def assemble(raw_lines: list[RawLine], skew: float | None, points_per_pixel: float) -> list[Line]:
    """Group ``raw_lines`` (upright pixel frame) into reading-order lines in points."""
    if not raw_lines:
        return []
    a = math.radians(skew or 0.0)
    sin_a, cos_a = math.sin(a), math.cos(a)
    pieces = []
    for raw in raw_lines:
        box = quad_box(_narrow(raw.quad, BOX_HEIGHT_SHARE))
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        (x0, y0), (x3, y3) = raw.quad[0], raw.quad[3]
        height = max(1.0, math.hypot(x3 - x0, y3 - y0))
        pieces.append(_Piece(raw, cx * sin_a + cy * cos_a, cx * cos_a - cy * sin_a, height, box))
    pieces.sort(key=lambda p: p.row)

    rows: list[list[_Piece]] = []
    centres: list[float] = []
    for piece in pieces:
        if rows:
            row_height = statistics.median(p.height for p in rows[-1])
            if abs(piece.row - centres[-1]) <= ROW_TOLERANCE * min(piece.height, row_height):
                rows[-1].append(piece)
                centres[-1] += (piece.row - centres[-1]) / len(rows[-1])
                continue
        rows.append([piece])
        centres.append(piece.row)
    return [_row_line(sorted(row, key=lambda p: p.col), points_per_pixel) for row in rows]


def _narrow(quad: list[tuple[float, float]], share: float) -> list[tuple[float, float]]:
    """The quad with its top and bottom edges moved towards its centre line."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad
    t = (1.0 - share) / 2.0
    return [(x0 + (x3 - x0) * t, y0 + (y3 - y0) * t), (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t),
            (x2 + (x1 - x2) * t, y2 + (y1 - y2) * t), (x3 + (x0 - x3) * t, y3 + (y0 - y3) * t)]


def _overlap_chars(prev: _Piece, piece: _Piece, prev_text: str) -> int:
    """Characters at the end of ``prev`` read again at the start of ``piece``.

    Padded detector boxes of neighbours can overlap; then both crops hold the characters in
    the overlap ("检查时间：2" + "2023年…"). Only a repeat that fits inside the overlap counts.
    """
    overlap = prev.box[2] - piece.box[0]
    if overlap <= 0 or not prev_text:
        return 0
    char_w = (prev.box[2] - prev.box[0]) / max(1, len(prev_text))
    most = min(len(prev_text) - 1, len(piece.raw.text), int(overlap / char_w + 0.5))
    for n in range(most, 0, -1):
        if prev_text[-n:] == piece.raw.text[:n]:
            return n
    return 0


def _row_line(row: list[_Piece], k: float) -> Line:
    text: list[str] = []
    char_x: list[tuple[float, float]] = []
    prev: _Piece | None = None
    kept = ""  # text of the previous piece as kept
    for piece in row:
        x0, x1 = piece.box[0] * k, piece.box[2] * k
        if prev is not None:
            repeat = _overlap_chars(prev, piece, kept)
            if repeat:
                del text[-repeat:], char_x[-repeat:]
        if prev is not None:
            gap = piece.col - (prev.col + (prev.box[2] - prev.box[0]) / 2) - (piece.box[2] - piece.box[0]) / 2
            if gap > SPACE_GAP * min(piece.height, prev.height):
                text.append(" ")
                char_x.append((round(prev.box[2] * k, 2), round(x0, 2)))
        step = (x1 - x0) / max(1, len(piece.raw.text))
        for i, ch in enumerate(piece.raw.text):
            text.append(ch)
            char_x.append((round(x0 + i * step, 2), round(x0 + (i + 1) * step, 2)))
        prev, kept = piece, piece.raw.text
    box = (
        round(min(p.box[0] for p in row) * k, 2),
        round(min(p.box[1] for p in row) * k, 2),
        round(max(p.box[2] for p in row) * k, 2),
        round(max(p.box[3] for p in row) * k, 2),
    )
    confidence = round(min(p.raw.confidence for p in row), 4)
    return Line(text="".join(text), box=box, confidence=confidence, source=LineSource.OCR, char_x=char_x)
