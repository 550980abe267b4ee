"""Page images: a PDF page rendered with pypdfium2, or a frame of an image file.

Every image comes back as RGB with its scale in points per pixel and the SHA-256 of its
pixels (the content address the OCR cache uses). Oversized input is refused before it is
decoded (decompression bombs); broken input raises :class:`BadImage` with a bilingual note.
"""

from __future__ import annotations

import atexit
import hashlib
import math
import warnings
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from audit.ingest.images import IMAGE_SUFFIXES  # one list, HEIC included (opener registered there)

PDF_SUFFIXES = {".pdf"}
MAX_LONG_SIDE = 3600  # larger photos are shrunk before OCR (the engine reads ≤ 2000 px anyway)
MAX_RENDER_PIXELS = 40_000_000  # a PDF page renders to at most this (A3 at 300 dpi is 17 M): ≈ 280 MB peak


class BadImage(Exception):
    """A page image that cannot be read; ``zh`` / ``en`` say why."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en

    @property
    def note(self) -> str:
        return f"{self.zh} / {self.en}"


@dataclass(slots=True)
class PageImage:
    rgb: np.ndarray  # H × W × 3, uint8
    points_per_pixel: float
    sha256: str
    note: str = ""


def has_raster(source_file: str) -> bool:
    return Path(source_file).suffix.lower() in PDF_SUFFIXES | IMAGE_SUFFIXES


def load_page_image(path: Path, source_page: int, dpi: int, max_pixels: int) -> PageImage:
    """Render or decode one page; raise :class:`BadImage` for unreadable or oversized input."""
    path = Path(path)
    if not path.is_file():
        raise BadImage(f"找不到页面来源文件：{path.name}", f"page source file not found: {path.name}")
    if path.stat().st_size == 0:
        raise BadImage(f"页面来源文件为空（0 字节）：{path.name}", f"page source file is empty (0 bytes): {path.name}")
    if path.suffix.lower() in PDF_SUFFIXES:
        return _pdf_page(path, source_page, dpi, max_pixels)
    return _image_frame(path, source_page, max_pixels)


def pixel_hash(rgb: np.ndarray) -> str:
    h = hashlib.sha256(f"{rgb.shape}".encode())
    h.update(np.ascontiguousarray(rgb).data)
    return h.hexdigest()


_PDF_CACHE: dict[str, object] = {}  # the last opened document per process (pages come in order)


def close_cached() -> None:
    """Close the document kept open between pages (at exit, so pdfium does not warn about it)."""
    for doc in _PDF_CACHE.values():
        doc.close()  # type: ignore[attr-defined]
    _PDF_CACHE.clear()


_EXIT_HOOK: list[bool] = []  # registered once, after pdfium's own exit hook (last in, first out)


def _pdf_page(path: Path, source_page: int, dpi: int, max_pixels: int) -> PageImage:
    import pypdfium2 as pdfium

    key = str(path.resolve())
    doc = _PDF_CACHE.get(key)
    if doc is None:
        close_cached()
        if not _EXIT_HOOK:
            atexit.register(close_cached)
            _EXIT_HOOK.append(True)
        try:
            doc = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            raise BadImage(f"PDF 无法打开：{path.name}（{exc}）", f"the PDF cannot be opened: {path.name} ({exc})") from exc
        _PDF_CACHE[key] = doc
    if not 1 <= source_page <= len(doc):  # type: ignore[arg-type]
        raise BadImage(f"PDF 中没有第 {source_page} 页：{path.name}", f"the PDF has no page {source_page}: {path.name}")
    page = doc[source_page - 1]  # type: ignore[index]
    try:
        width, height = page.get_size()
        note = ""
        pixels = width * height * (dpi / 72) ** 2
        cap = min(max_pixels, MAX_RENDER_PIXELS)
        if pixels > cap:
            dpi = max(1, int(dpi * math.sqrt(cap / pixels)))
            note = f"页面过大，按 {dpi} dpi 渲染 / page too large, rendered at {dpi} dpi"
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
        rgb = np.ascontiguousarray(bitmap.to_numpy()[:, :, :3])
    except pdfium.PdfiumError as exc:
        raise BadImage(f"PDF 页面无法渲染：{path.name} 第 {source_page} 页（{exc}）",
                       f"PDF page cannot be rendered: {path.name} page {source_page} ({exc})") from exc
    finally:
        page.close()
    return PageImage(rgb, 72.0 / dpi, pixel_hash(rgb), note)


def _image_frame(path: Path, source_page: int, max_pixels: int) -> PageImage:
    Image.MAX_IMAGE_PIXELS = max_pixels  # PIL refuses at twice this; we refuse at once, below
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
        with image:
            w, h = image.size
            if w * h > max_pixels:
                raise _too_large(path.name, w, h, max_pixels)
            frames = getattr(image, "n_frames", 1)
            if not 1 <= source_page <= frames:
                raise BadImage(f"图像中没有第 {source_page} 帧：{path.name}", f"the image has no frame {source_page}: {path.name}")
            image.seek(source_page - 1)
            dpi = float((image.info.get("dpi") or (72, 72))[0] or 72)
            frame = ImageOps.exif_transpose(image) if source_page == 1 else image
            rgb = np.asarray(frame.convert("RGB"))
    except BadImage:
        raise
    except Image.DecompressionBombError as exc:
        raise _too_large(path.name, 0, 0, max_pixels) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise BadImage(f"图像已损坏或格式不正确，无法读取：{path.name}（{exc}）",
                       f"the image is corrupt or not in the expected format: {path.name} ({exc})") from exc
    sha = pixel_hash(rgb)
    points_per_pixel = 72.0 / dpi
    long_side = max(rgb.shape[:2])
    if long_side > MAX_LONG_SIDE:
        factor = MAX_LONG_SIDE / long_side
        rgb = cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        points_per_pixel /= factor
    return PageImage(np.ascontiguousarray(rgb), points_per_pixel, sha)


def _too_large(name: str, w: int, h: int, limit: int) -> BadImage:
    size = f"{w}×{h} " if w else ""
    return BadImage(
        f"图像像素过多（{size}超过上限 {limit:,} 像素），疑为解压炸弹，已跳过：{name}",
        f"the image has too many pixels ({size}over the limit of {limit:,}); possible decompression bomb, skipped: {name}",
    )
