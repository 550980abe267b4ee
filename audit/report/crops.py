"""Crops of page images around a field's box, with the box drawn: the "where was this
read" picture beside every finding. Personal numbers on the crop are blacked out when
masking is on, so an image never leaks what the text masks."""

from __future__ import annotations

import base64
import hashlib
import io
import math
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from audit.model import Box, Case, Page
from audit.parse.identifiers import find_id_numbers, find_phones

SCALE = 1.6  # pixels per PDF point (≈115 dpi): legible, small
MARGIN_X, MARGIN_Y = 36.0, 24.0
MIN_WIDTH = 320.0
MAX_RENDER_PIXELS = 16_000_000  # one rendered page at most (≈ 48 MB RGB): huge pages render smaller


CROPS_VERSION = "crops-1"  # bump when the drawing of crops changes


def render_scale(width: float | None, height: float | None) -> float:
    """Pixels per point for a page: :data:`SCALE`, lowered so the page stays under
    :data:`MAX_RENDER_PIXELS`."""
    if not width or not height or width <= 0 or height <= 0:
        return SCALE
    area = width * height * SCALE * SCALE
    return SCALE if area <= MAX_RENDER_PIXELS else SCALE * math.sqrt(MAX_RENDER_PIXELS / area)


def valid_box(box, width: float | None, height: float | None) -> tuple[float, float, float, float] | None:
    """``box`` as four finite numbers in order, clipped to the page; None if it is not one."""
    try:
        x0, top, x1, bottom = (float(v) for v in box)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (x0, top, x1, bottom)):
        return None
    x0, x1 = sorted((x0, x1))
    top, bottom = sorted((top, bottom))
    if width:
        x0, x1 = max(0.0, min(x0, width)), max(0.0, min(x1, width))
    if height:
        top, bottom = max(0.0, min(top, height)), max(0.0, min(bottom, height))
    if (width and x0 >= width) or (height and top >= height) or x1 < 0 or bottom < 0:
        return None
    return x0, top, x1, bottom


class PageImages:
    """Renders the pages of a case one at a time and hands out crops.

    At most one rendered page is kept in memory, at a scale capped by
    :data:`MAX_RENDER_PIXELS` (``scale_of``).

    Crops are also kept on disk (``<cache root>/crops``), keyed by the page file's bytes, the
    page, its turn, the box, the masking and the boxes blacked out, so a re-audit of an
    unchanged case renders no page again.
    """

    def __init__(self, case: Case, masked: bool = True, use_cache: bool = True, cache_root: Path | None = None
                 ) -> None:
        self.case = case
        self.masked = masked
        self._cache: dict[int, Image.Image | None] = {}
        root = Path(case.source)
        self.root = root if root.is_dir() else root.parent
        self._file_hashes: dict[str, str | None] = {}
        self._boxes: dict[int, list[list[float]]] = {}  # page number -> its personal numbers' boxes
        self._disk = None
        if use_cache:
            from audit.ocr.cache import DiskCache
            from audit.ocr.options import OcrOptions

            self._disk = DiskCache(cache_root or OcrOptions().cache_root(), folder="crops")

    def _file_hash(self, source_file: str) -> str | None:
        if source_file not in self._file_hashes:
            try:
                self._file_hashes[source_file] = hashlib.sha256((self.root / source_file).read_bytes()).hexdigest()
            except OSError:
                self._file_hashes[source_file] = None
        return self._file_hashes[source_file]

    def _crop_key(self, page: Page, box: Box) -> str | None:
        if self._disk is None:
            return None
        file_hash = self._file_hash(page.source_file)
        if file_hash is None:
            return None
        from audit.ocr.cache import make_key

        blackouts = self._page_boxes(page) if self.masked else []
        return make_key(CROPS_VERSION, file_hash, page.source_page, page.rotation, page.width, page.height,
                        [round(v, 2) for v in box], self.masked, blackouts, SCALE)

    def page_image(self, page: Page) -> Image.Image | None:
        if page.number not in self._cache:
            self._cache.clear()  # one page in memory: crops come page by page
            self._cache[page.number] = self._render(page)
        return self._cache[page.number]

    @staticmethod
    def scale_of(page: Page) -> float:
        return render_scale(page.width, page.height)

    def _render(self, page: Page) -> Image.Image | None:
        path = self.root / page.source_file
        if not path.exists() or page.width is None:
            return None
        scale = self.scale_of(page)
        try:
            if path.suffix.lower() == ".pdf":
                pdf = pdfium.PdfDocument(path)
                try:
                    image = pdf[page.source_page - 1].render(scale=scale).to_pil().convert("RGB")
                finally:
                    pdf.close()
            else:
                with Image.open(path) as img:
                    img.seek(page.source_page - 1)
                    size = (max(1, int(page.width * scale)), max(1, int(page.height * scale or 1)))
                    img.draft("RGB", size)  # JPEG: decode at a reduced size directly
                    image = img.convert("RGB").resize(size)
            if page.rotation:  # OCR turned the page upright: its boxes are in the upright frame
                image = image.rotate(-page.rotation, expand=True)
        except Exception:  # a crop is a convenience: never fail a report for it
            return None
        if self.masked:
            self._black_out_personal_numbers(page, image)
        return image

    def _page_boxes(self, page: Page) -> list[list[float]]:
        """:meth:`_personal_boxes` once per page (each crop's key names them: 200 crops a batch
        searched their pages' every line again)."""
        boxes = self._boxes.get(page.number)
        if boxes is None:
            boxes = self._boxes[page.number] = self._personal_boxes(page)
        return boxes

    @staticmethod
    def _personal_boxes(page: Page) -> list[list[float]]:
        out = []
        for line in page.lines:
            for match in [*find_id_numbers(line.text), *find_phones(line.text)]:
                box = line.span_box(*match.span)
                if box:
                    out.append([round(c, 2) for c in box])
        return out

    def _black_out_personal_numbers(self, page: Page, image: Image.Image) -> None:
        draw = ImageDraw.Draw(image)
        scale = self.scale_of(page)
        for box in self._page_boxes(page):
            draw.rectangle([c * scale for c in box], fill=(40, 40, 40))

    def crop(self, page_number: int | None, box: Box | None) -> str | None:
        """A data: URI (JPEG) of the region around ``box`` on ``page_number`` with the box drawn."""
        page = self.case.page(page_number) if page_number else None
        box = valid_box(box, page.width, page.height) if page is not None and box is not None else None
        if page is None or box is None:
            return None
        key = self._crop_key(page, box)
        hit = self._disk.get(key) if key else None
        if hit and isinstance(hit.get("uri"), str):
            return hit["uri"]
        uri = self._draw_crop(page, box)
        if key and uri:
            self._disk.put(key, {"uri": uri})
        return uri

    def _draw_crop(self, page: Page, box: Box) -> str | None:
        image = self.page_image(page)
        if image is None:
            return None
        x0, top, x1, bottom = box
        cx = (x0 + x1) / 2
        half = max((x1 - x0) / 2 + MARGIN_X, MIN_WIDTH / 2)
        left, right = max(0.0, cx - half), min(page.width, cx + half)
        upper, lower = max(0.0, top - MARGIN_Y), min(page.height or bottom + MARGIN_Y, bottom + MARGIN_Y)
        k = self.scale_of(page)
        region = image.crop(tuple(int(v * k) for v in (left, upper, right, lower))).copy()
        draw = ImageDraw.Draw(region)
        draw.rectangle(
            [(x0 - left) * k - 3, (top - upper) * k - 3, (x1 - left) * k + 3, (bottom - upper) * k + 3],
            outline=(214, 40, 40), width=3,
        )
        buffer = io.BytesIO()
        region.save(buffer, format="JPEG", quality=82)  # a fraction of PNG's time and size
        return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
