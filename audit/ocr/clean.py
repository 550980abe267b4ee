"""Page clean-up before recognition: red channel, flat background, levels.

The recogniser sees the red channel as its grey image: red seals and stamps turn nearly
white there while black print and blue-black pen stay dark (measured: seal text no longer
read into the page, dates under seals read). The background is then flattened (uneven
paper tone, shadows of photographed pages) and faint remains pushed to white.
The colour image is kept for seal and ink detection.
"""

from __future__ import annotations

import cv2
import numpy as np

BACKGROUND_SCALE = 8  # background is estimated on an image this many times smaller
WHITE_POINT = 0.86  # after flattening, anything lighter than this share of paper is paper
BLACK_POINT = 0.15
SEAL_BLACK_POINT = 0.60  # inside seals: print under red ink is dark red, the seal light red
SEAL_WHITE_POINT = 0.76  # (chosen on the scanned samples' seal pages, see bench)
SEAL_PAD = 12  # pixels around a seal box where its ink may still be

Boxes = list[tuple[int, int, int, int]] | tuple[()]


def recognition_grey(rgb: np.ndarray, seal_boxes: Boxes = (), red_text: Boxes = ()) -> np.ndarray:
    """The grey image the engine reads: flattened red channel with levels applied.

    Inside ``seal_boxes`` (pixels), where seal ink is, a steeper stretch applies: there
    black print under the seal is dark red (about 0.7 of paper in the red channel) and the
    seal itself about 0.8. The stretch follows the ink with soft edges — a hard box edge
    cutting through a line of text made the detector lose the line.
    ``red_text`` boxes (red print that is not a seal) are taken from the darkest channel.
    """
    if rgb.ndim == 2:
        return levels(flatten(rgb))
    red = flatten(np.ascontiguousarray(rgb[:, :, 0]))
    out = levels(red)
    h, w = red.shape
    for x0, y0, x1, y1 in seal_boxes:
        x0, y0, x1, y1 = max(0, x0 - SEAL_PAD), max(0, y0 - SEAL_PAD), min(w, x1 + SEAL_PAD), min(h, y1 + SEAL_PAD)
        if x1 <= x0 or y1 <= y0:
            continue
        from audit.ocr.seals import red_mask

        ink = cv2.dilate(red_mask(np.ascontiguousarray(rgb[y0:y1, x0:x1, :3])), np.ones((5, 5), np.uint8))
        weight = cv2.GaussianBlur(ink.astype(np.float32) / 255.0, (0, 0), 3)
        steep = levels(red[y0:y1, x0:x1], SEAL_BLACK_POINT, SEAL_WHITE_POINT).astype(np.float32)
        plain = out[y0:y1, x0:x1].astype(np.float32)
        out[y0:y1, x0:x1] = (weight * steep + (1 - weight) * plain).round().astype(np.uint8)
    for x0, y0, x1, y1 in red_text:
        darkest = np.ascontiguousarray(rgb[y0:y1, x0:x1, :3].min(axis=2))
        out[y0:y1, x0:x1] = np.minimum(out[y0:y1, x0:x1], levels(darkest, BLACK_POINT, 0.8))
    return out


def flatten(grey: np.ndarray) -> np.ndarray:
    """Divide by an estimate of the paper so that the background is uniformly 255."""
    h, w = grey.shape
    small = cv2.resize(grey, (max(1, w // BACKGROUND_SCALE), max(1, h // BACKGROUND_SCALE)),
                       interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7))
    bg = cv2.dilate(small, kernel)  # lightest nearby pixel: paper, not print
    bg = cv2.GaussianBlur(bg, (0, 0), 3)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(grey, np.maximum(bg, 1), scale=255)


_LUT_CACHE: dict[tuple[float, float], np.ndarray] = {}


def levels(grey: np.ndarray, black: float = BLACK_POINT, white: float = WHITE_POINT) -> np.ndarray:
    lut = _LUT_CACHE.get((black, white))
    if lut is None:
        x = np.arange(256, dtype=np.float32) / 255.0
        lut = (np.clip((x - black) / (white - black), 0, 1) * 255).round().astype(np.uint8)
        _LUT_CACHE[(black, white)] = lut
    return cv2.LUT(grey, lut)

