"""Page geometry: quarter turns of points and boxes, pixels to PDF points.

Conventions: image pixels and page points both have their origin at the top-left, y down.
A rotation is a clockwise turn in degrees (0/90/180/270) of an image ``w`` wide, ``h`` high.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from audit.model import Box

Point = tuple[float, float]


def rotate_point(x: float, y: float, rotation: int, w: float, h: float) -> Point:
    """Where ``(x, y)`` lands when a ``w`` × ``h`` image is turned clockwise by ``rotation``."""
    rotation %= 360
    if rotation == 0:
        return x, y
    if rotation == 90:
        return h - y, x
    if rotation == 180:
        return w - x, h - y
    if rotation == 270:
        return y, w - x
    raise ValueError(f"rotation must be a multiple of 90, not {rotation}")


def rotated_size(w: float, h: float, rotation: int) -> tuple[float, float]:
    return (h, w) if rotation % 180 == 90 else (w, h)


def rotate_quads(quads: Sequence[Sequence[Point]], rotation: int, w: float, h: float) -> list[list[Point]]:
    """Turn quadrilaterals with the image; corners stay ordered from the new top-left."""
    shift = {0: 0, 90: 3, 180: 2, 270: 1}[rotation % 360]
    out = []
    for quad in quads:
        pts = [rotate_point(x, y, rotation, w, h) for x, y in quad]
        out.append(pts[shift:] + pts[:shift] if shift else pts)
    return out


def rotate_box(box: Box, rotation: int, w: float, h: float) -> Box:
    """Turn an axis-aligned box with the image."""
    (ax, ay), (bx, by) = rotate_point(box[0], box[1], rotation, w, h), rotate_point(box[2], box[3], rotation, w, h)
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def quad_box(quad: Sequence[Point]) -> Box:
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    return (min(xs), min(ys), max(xs), max(ys))


def quad_angle(quad: Sequence[Point]) -> float:
    """Angle of the quad's top edge in degrees, counter-clockwise positive (y points down)."""
    (x0, y0), (x1, y1) = quad[0], quad[1]
    return math.degrees(math.atan2(y0 - y1, x1 - x0))


def scale_box(box: Box, factor: float, digits: int = 2) -> Box:
    return tuple(round(v * factor, digits) for v in box)  # type: ignore[return-value]


def overlap_share(inner: Box, outer: Box) -> float:
    """Share of ``inner``'s area that lies inside ``outer``."""
    w = min(inner[2], outer[2]) - max(inner[0], outer[0])
    h = min(inner[3], outer[3]) - max(inner[1], outer[1])
    area = (inner[2] - inner[0]) * (inner[3] - inner[1])
    if w <= 0 or h <= 0 or area <= 0:
        return 0.0
    return w * h / area
