"""Red seals (印章) by colour: where they are, and which lines of text they cover.

Seal ink is saturated red. A red mask at about 72 dpi is dilated so that a seal's ring,
star and characters join into one blob; blobs of seal size and shape are seals. Red
header rules and red titles are too flat to pass the shape test.
"""

from __future__ import annotations

import cv2
import numpy as np

from audit.model import SEAL_LINE_CONFIDENCE, Seal
from audit.ocr.geometry import overlap_share

WORK_LONG_SIDE = 900  # the mask is computed on an image about this long (≈ 72-100 dpi for A4)
MIN_SIDE_PT = 28.0  # ≈ 10 mm: smaller red marks are ticks, not seals
MAX_SIDE_PT = 260.0  # ≈ 92 mm
MAX_ASPECT = 2.6  # rectangular bank stamps are about 2.2 : 1
MIN_RED_SHARE = 0.04  # share of red pixels inside the box
JOIN_PT = 6.0  # dilation that joins ring, star and characters
UNDER_SEAL_SHARE = 0.25  # a line is under a seal when this share of its box is inside one
SEAL_CONFIDENCE_CAP = SEAL_LINE_CONFIDENCE  # OCR lines under a seal: confidence at most this


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """Pixels of seal red: red hue, saturated, not dark (uint8 0/255)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    h, s, v = hsv[:, :, 0], hsv[:, :, 1], hsv[:, :, 2]
    mask = ((h <= 10) | (h >= 160)) & (s >= 70) & (v >= 90)
    return mask.astype(np.uint8) * 255


def find_seals(rgb: np.ndarray, points_per_pixel: float) -> list[Seal]:
    """Seals on a colour page image; boxes in points (pixel × ``points_per_pixel``)."""
    if rgb.ndim != 3 or rgb.shape[2] < 3:
        return []
    factor = min(1.0, WORK_LONG_SIDE / max(rgb.shape[:2]))
    small = rgb if factor == 1.0 else cv2.resize(rgb[:, :, :3], None, fx=factor, fy=factor,
                                                 interpolation=cv2.INTER_AREA)
    k = points_per_pixel / factor  # points per pixel of the small image
    mask = red_mask(np.ascontiguousarray(small[:, :, :3]))
    if not mask.any():
        return []
    join = max(1, round(JOIN_PT / k))
    grown = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * join + 1, 2 * join + 1)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    seals = []
    for i in range(1, count):
        ys, xs = np.nonzero((labels == i) & (mask > 0))
        if xs.size == 0:
            continue
        x0, x1, y0, y1 = xs.min(), xs.max() + 1, ys.min(), ys.max() + 1
        w, h = (x1 - x0) * k, (y1 - y0) * k
        if not (MIN_SIDE_PT <= min(w, h) and max(w, h) <= MAX_SIDE_PT and max(w, h) / min(w, h) <= MAX_ASPECT):
            continue
        share = xs.size / float((x1 - x0) * (y1 - y0))
        if share < MIN_RED_SHARE:
            continue
        box = (round(float(x0) * k, 2), round(float(y0) * k, 2), round(float(x1) * k, 2), round(float(y1) * k, 2))
        seals.append(Seal(box=box, score=round(float(share), 3)))
    # a star or a ring of characters that did not join its seal is part of it
    seals = [s for s in seals if not any(o is not s and overlap_share(s.box, o.box) > 0.8
                                         and _area(o.box) > _area(s.box) for o in seals)]
    seals.sort(key=lambda s: (s.box[1], s.box[0]))
    return seals


def red_text_boxes(rgb: np.ndarray, seals_px: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of red print that is not a seal: serial numbers (No 0012345), red titles.

    The red channel the recogniser reads erases red print; these boxes are read from the
    darkest channel instead.
    """
    mask = red_mask(rgb)
    for x0, y0, x1, y1 in seals_px:
        mask[y0:y1, x0:x1] = 0
    if not mask.any():
        return []
    h = max(3, rgb.shape[0] // 400)  # about one character gap at A4 scale
    grown = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (4 * h + 1, h + 1)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    boxes = []
    for x, y, w, hh, area in stats[1:count]:
        if area >= 40 and hh >= 6 and w >= hh * 0.6:
            pad = max(2, hh // 4)
            boxes.append((max(0, x - pad), max(0, y - pad), x + w + pad, y + hh + pad))
    return boxes


def _area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def under_seal(box: tuple[float, float, float, float] | None, seals: list[Seal],
               share: float = UNDER_SEAL_SHARE) -> bool:
    """Whether a box (points) lies under one of the seals."""
    return box is not None and any(overlap_share(box, s.box) >= share for s in seals)
