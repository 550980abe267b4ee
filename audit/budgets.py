"""Budgets checked before work: what a small file could cost once unpacked or rendered.

Each check raises the bilingual :func:`audit.errors.too_large` before any decoding, so a
zip bomb or a page the size of a wall never reaches the reader.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from audit import errors
from audit.limits import LIMITS

MB = 1024 * 1024
POINTS_PER_CM = 72 / 2.54


def check_zip_parts(path: Path, display_name: str) -> None:
    """Refuse an OOXML package whose parts add up past ``max_unpacked_mb`` uncompressed.

    The sizes come from the central directory; :mod:`zipfile` never yields more than the
    declared size of a part (it stops there and checks the CRC), so the sum is a real bound.
    A file that is not a zip is left to the reader, which reports it as corrupt.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
            parts = len(archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    limit = LIMITS.max_unpacked_mb * MB
    if total > limit or parts > 10_000:
        what = f"解压后 {total / MB:,.0f} MB，{parts} 个部件"
        what_en = f"{total / MB:,.0f} MB unpacked in {parts} parts"
        raise errors.too_large(display_name, what, f"{LIMITS.max_unpacked_mb:g} MB", what_en,
                               f"{LIMITS.max_unpacked_mb:g} MB")


def check_page_size(width_pt: float, height_pt: float, display_name: str, page: int) -> None:
    """Refuse a PDF page whose longer side is past ``max_page_pt`` points."""
    side = max(width_pt, height_pt)
    if side > LIMITS.max_page_pt or side != side:  # NaN too
        w_cm, h_cm = width_pt / POINTS_PER_CM, height_pt / POINTS_PER_CM
        limit_cm = LIMITS.max_page_pt / POINTS_PER_CM
        raise errors.too_large(
            display_name,
            f"第 {page} 页幅面 {w_cm:,.0f}×{h_cm:,.0f} 厘米",
            f"边长 {limit_cm:,.0f} 厘米",
            f"page {page} measures {w_cm:,.0f}×{h_cm:,.0f} cm",
            f"{limit_cm:,.0f} cm a side",
        )


def check_pixels(width: int, height: int, display_name: str) -> None:
    """Refuse an image with more pixels than ``max_pixels`` (decompression bombs)."""
    if width * height > LIMITS.max_pixels:
        raise errors.too_large(display_name, f"{width}×{height} 像素", f"{LIMITS.max_pixels:,} 像素",
                               f"{width}×{height} pixels", f"{LIMITS.max_pixels:,} pixels")
