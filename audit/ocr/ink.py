"""Ink in signature areas: does the space after 当事人签名： / 执法人员签名： hold writing?

Where a line carries a signature label, the area right of the label (up to the next label
on the line or the date, at most ``AREA_WIDTH_PT``) is looked at in the colour page image: dark pixels
(pen or print) or blue-black pen strokes count as ink. This works wherever the layout puts
the signature beside its label, on OCR pages and on text-layer pages alike.
"""

from __future__ import annotations

import cv2
import numpy as np
import regex

from audit.model import Line

LABEL = regex.compile(
    r"(?:当事人|被检查人|被询问人|询问人|执法人员|记录人|检查人|承办人|负责人|提供人|受送达人|送达人|"
    r"收件人|见证人|拍摄人|复核人|陈述人|申辩人|审核人|审批人|被监督单位|被处罚人|经办人)?"
    r"(?:签名或盖章|签名|签字|签收|签章)\s*[：:]"
)
NEXT_LABEL = regex.compile(r"[\p{Han}]{1,8}\s*[：:]|[0-9０-９〇一二]{2,4}\s*年")  # next label or a date
AREA_WIDTH_PT = 160.0
MIN_INK_SHARE = 0.004  # share of the area's pixels that must be ink
DARK = 110  # darkest channel below this: pen or print
BLUE = 40  # blue above red by this much: blue-black pen


def ink_mask(rgb: np.ndarray) -> np.ndarray:
    """Dark or blue-pen pixels (bool)."""
    r, g, b = (rgb[:, :, i].astype(np.int16) for i in range(3))
    return (np.minimum(np.minimum(r, g), b) < DARK) | ((b - r > BLUE) & (b > 70))


def signature_ink(lines: list[Line], rgb: np.ndarray, points_per_pixel: float,
                  page_width: float | None = None) -> dict[str, bool]:
    """``{label: holds ink}`` for every signature label on the page (upright frame).

    ``rgb`` is the upright page image; line boxes are in points. A label seen twice gets
    ``#2`` appended to its name.
    """
    if rgb.ndim != 3 or not lines:
        return {}
    mask: np.ndarray | None = None
    out: dict[str, bool] = {}
    k = 1.0 / points_per_pixel
    width = page_width if page_width is not None else rgb.shape[1] * points_per_pixel
    for line in lines:
        if line.box is None:
            continue
        for match in LABEL.finditer(line.text):
            if mask is None:
                mask = ink_mask(rgb)
            label_box = line.span_box(match.start(), match.end())
            if label_box is None:
                continue
            x0 = label_box[2] + 1.0
            x1 = min(width, x0 + AREA_WIDTH_PT)
            nxt = NEXT_LABEL.search(line.text, match.end())
            if nxt is not None:
                next_box = line.span_box(nxt.start(), nxt.start() + 1)
                if next_box is not None and next_box[0] > x0:
                    x1 = min(x1, next_box[0] - 1.0)
            height = line.box[3] - line.box[1]
            y0, y1 = line.box[1] - 0.3 * height, line.box[3] + 0.3 * height
            px = [int(round(v * k)) for v in (x0, y0, x1, y1)]
            px = [max(0, px[0]), max(0, px[1]), min(rgb.shape[1], px[2]), min(rgb.shape[0], px[3])]
            area = mask[px[1]:px[3], px[0]:px[2]]
            name = match.group(0).rstrip("：: ")
            key, n = name, 2
            while key in out:
                key, n = f"{name}#{n}", n + 1
            out[key] = bool(area.size and area.mean() >= MIN_INK_SHARE)
    return out


def upright_small(rgb: np.ndarray, rotation: int, factor: float) -> np.ndarray:
    """A smaller copy of the colour image turned upright (for seal and ink checks)."""
    small = rgb if factor >= 1.0 else cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    turn = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}.get(rotation % 360)
    return cv2.rotate(small, turn) if turn is not None else small
