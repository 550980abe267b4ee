"""Page images (JPEG/PNG/TIFF, multi-page TIFF, HEIC phone photos): pages that the OCR
stage must read. HEIC/HEIF is read through pillow-heif, registered with Pillow on import so
that every later ``Image.open`` (OCR, crops) reads it too."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from audit import errors
from audit.budgets import check_pixels
from audit.model import Page

HEIF_SUFFIXES = {".heic", ".heif"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"}


def _register_heif() -> bool:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # optional: without it a .heic file gets a message saying how to convert it
        return False
    register_heif_opener()
    return True


HEIF_AVAILABLE = _register_heif()
if HEIF_AVAILABLE:
    IMAGE_SUFFIXES |= HEIF_SUFFIXES


def read_image(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    """One page per image frame, sized in points at the image's dpi (72 if unknown)."""
    from audit.limits import LIMITS

    Image.MAX_IMAGE_PIXELS = LIMITS.max_pixels  # beyond: DecompressionBombError, reported below
    try:
        with Image.open(path) as image:
            check_pixels(image.size[0], image.size[1], display_name)
            pages = []
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                dpi = image.info.get("dpi", (72, 72))[0] or 72
                width, height = image.size
                pages.append(
                    Page(
                        number=first_number + frame,
                        source_file=display_name,
                        source_page=frame + 1,
                        width=width * 72 / float(dpi),
                        height=height * 72 / float(dpi),
                        needs_ocr=True,
                        note="image page",
                    )
                )
            return pages
    except Image.DecompressionBombError as exc:  # a frame past the limit: too large, not corrupt
        raise errors.too_large(display_name, "图像像素过多", f"{LIMITS.max_pixels:,} 像素",
                               "too many pixels", f"{LIMITS.max_pixels:,} pixels") from exc
    except (UnidentifiedImageError, OSError, ValueError, EOFError) as exc:
        raise errors.corrupt(display_name, type(exc).__name__) from exc
