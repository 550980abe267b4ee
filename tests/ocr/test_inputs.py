"""Bad page images get a note, never an exception; image folders and TIFF pages are read."""

from __future__ import annotations

import numpy as np
from PIL import Image

from audit.ingest import load_pages
from audit.model import Page
from audit.ocr.options import OcrOptions
from audit.ocr.pages import ocr_pages
from tests.ocr.conftest import SIMPLE


def _page(name: str, number: int = 1, source_page: int = 1) -> Page:
    return Page(number=number, source_file=name, source_page=source_page, needs_ocr=True, note="image page")


def test_bad_images_get_a_note_and_the_good_page_is_still_read(tmp_path, scan):
    good = scan.render_page_images(SIMPLE, tmp_path / "good", seed=3, pages=[3])[0]
    (tmp_path / "empty.jpg").write_bytes(b"")
    data = good.read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 3])  # truncated JPEG
    Image.new("L", (4000, 3000), 255).save(tmp_path / "bomb.png")  # 12 Mpx > the limit below
    (tmp_path / "text.jpg").write_text("not an image")
    pages = [_page("empty.jpg", 1), _page("cut.jpg", 2), _page("bomb.png", 3), _page("text.jpg", 4),
             _page("missing.jpg", 5), _page(f"good/{good.name}", 6), _page("cut.jpg", 7, source_page=3)]
    stats = ocr_pages(pages, tmp_path, OcrOptions(workers=1, max_pixels=10_000_000, cache_dir=tmp_path / "c"))
    assert (stats.ocr, stats.failed) == (1, 6)
    notes = [p.note for p in pages]
    assert "0 字节" in notes[0] and "0 bytes" in notes[0]
    assert "损坏" in notes[1] and "corrupt" in notes[1]
    assert "解压炸弹" in notes[2] and "decompression bomb" in notes[2]
    assert "corrupt" in notes[3] and "not found" in notes[4]
    assert all(p.needs_ocr for p in pages[:5]) and not pages[5].needs_ocr
    assert "证据材料" in pages[5].text


def test_image_folder_and_multipage_tiff(tmp_path, scan):
    folder = tmp_path / "case"
    paths = scan.render_page_images(SIMPLE, folder, seed=5, pages=[3], fmt="png")
    frames = [Image.open(paths[0]).convert("RGB"), Image.new("RGB", (800, 1100), "white")]
    frames[0].save(folder / "scan.tif", save_all=True, append_images=frames[1:], dpi=(200, 200),
                   compression="tiff_lzw")
    paths[0].unlink()
    pages, _ = load_pages(folder)
    assert [(p.source_file, p.source_page) for p in pages] == [("scan.tif", 1), ("scan.tif", 2)]
    stats = ocr_pages(pages, folder, OcrOptions(workers=1))
    assert stats.failed == 0
    assert "证据材料" in pages[0].text
    assert pages[0].width == np.float64(pages[0].width) and 590 < pages[0].width < 600  # 200 dpi → points
    assert pages[1].lines == []  # a blank frame reads as empty, not as an error
