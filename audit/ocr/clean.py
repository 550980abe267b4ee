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


def recognition_grey(rgb: np.ndarray) -> np.ndarray:
    """The grey image the engine reads: flattened red channel with levels applied."""
    red = np.ascontiguousarray(rgb[:, :, 0]) if rgb.ndim == 3 else rgb
    return levels(flatten(red))


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
