"""The OCR stage inside ``read_case``: scanned PDFs, image folders and multi-page TIFFs give the
same extraction contract as the text-layer PDF of the same case, with boxes on the original
pages; pages with a text layer are never OCRed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from audit.contract import to_contract
from audit.ocr.options import OcrOptions
from audit.pipeline import read_case

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "samples" / "corpus" / "zj-simple-2024-waste"
PROVENANCE = {"raw", "document", "document_id", "page", "box", "confidence", "detail"}


def facts(node):
    """The contract without provenance: what was read, not where."""
    if isinstance(node, dict):
        if "value" in node and set(node) - {"value"} <= PROVENANCE:
            return facts(node["value"])
        return {k: facts(v) for k, v in node.items() if k not in PROVENANCE}
    if isinstance(node, list):
        return [facts(v) for v in node]
    return node


def key_facts(case) -> dict:
    c = to_contract(case)
    return {k: facts(c[k]) for k in ("case_number", "agency", "party", "officers", "procedure", "dates",
                                     "violated_provisions", "penalty_basis", "penalties", "fine_total")}


@pytest.fixture(scope="module")
def text_case():
    return read_case(CASE / "text.pdf")


@pytest.fixture(scope="module")
def scanned_case():
    return read_case(CASE / "scanned.pdf")


def test_scanned_pdf_gives_the_text_layer_facts(text_case, scanned_case):
    assert all(p.text_engine == "rapidocr" for p in scanned_case.pages)
    assert key_facts(scanned_case) == key_facts(text_case)


def test_scanned_boxes_lie_on_the_original_page(text_case, scanned_case):
    ocr_box = scanned_case.case_number.box
    text_box = text_case.case_number.box
    page = scanned_case.page(scanned_case.case_number.page)
    assert 0 <= ocr_box[0] < ocr_box[2] <= page.width and 0 <= ocr_box[1] < ocr_box[3] <= page.height
    # the scan is skewed and shifted a little; the box is still over the same words
    assert abs(ocr_box[0] - text_box[0]) < 25 and abs(ocr_box[1] - text_box[1]) < 25


def test_image_folder_and_multipage_tiff_read_like_the_pdf(tmp_path, text_case):
    folder = CASE / "pages"
    images = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".jpg", ".png", ".jpeg"})
    assert images
    from_folder = read_case(folder)
    assert key_facts(from_folder) == key_facts(text_case)

    frames = [Image.open(p).convert("RGB") for p in images]
    tiff = tmp_path / "case.tiff"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], dpi=(200, 200), compression="tiff_lzw")
    from_tiff = read_case(tiff)
    assert [p.text_engine for p in from_tiff.pages] == ["rapidocr"] * len(frames)
    assert key_facts(from_tiff) == key_facts(text_case)


def test_text_layer_pages_are_never_ocred(tmp_path):
    seen: list[tuple[int, int, str]] = []
    case = read_case(CASE / "text.pdf", OcrOptions(cache_dir=tmp_path), progress=lambda *a: seen.append(a))
    assert {p.text_engine for p in case.pages} <= {"pdfplumber", "pypdfium2"}
    assert all(p.seal_checked for p in case.pages)  # but every page was looked at for seals
    assert not any(stage == "ocr" for _, _, stage in seen)


def test_progress_counts_the_ocr_pages(tmp_path):
    seen: list[tuple[int, int, str]] = []
    read_case(CASE / "scanned.pdf", OcrOptions(cache_dir=tmp_path), progress=lambda *a: seen.append(a))
    ocr = [(done, total) for done, total, stage in seen if stage == "ocr"]
    assert ocr[0][0] == 0 and ocr[-1][0] == ocr[-1][1] == 4


def test_engine_none_leaves_scanned_pages_unread_with_a_warning():
    case = read_case(CASE / "scanned.pdf", OcrOptions(engine="none"))
    assert all(p.needs_ocr for p in case.pages)
    assert any("人工核查" in w for w in case.warnings)


def test_crops_of_a_turned_page_show_the_words_their_box_names(scanned_case):
    """The report's page crops turn a page upright as OCR did, so the box frames its words
    (and the black-out of phone numbers lands on the numbers)."""
    import base64
    import io

    import numpy as np

    from audit.report.crops import PageImages

    turned = next(p for p in scanned_case.pages if p.rotation == 180)
    title = next(ln for ln in turned.lines if ln.text == "现场笔录")
    uri = PageImages(scanned_case, masked=True).crop(turned.number, title.box)
    crop = np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))).convert("L"))
    h, w = crop.shape
    inside = crop[h // 2 - 5:h // 2 + 5, w // 2 - 40:w // 2 + 40]
    assert (inside < 100).mean() > 0.05  # dark strokes of the title, not blank paper
