"""The OCR stage on real scanned renderings: skip text layers, cache, orientation, seals."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.ingest import load_pages
from audit.ingest.pdf import read_pdf
from audit.model import LineSource
from audit.ocr import worker
from audit.ocr.options import OcrOptions
from audit.ocr.pages import ocr_pages
from tests.ocr.conftest import SIMPLE


def _pages(pdf: Path):
    pages, _ = load_pages(pdf)
    return pages


def _line(page, needle: str, exact: bool = False):
    return next(line for line in page.lines
                if (line.text.replace(" ", "") == needle if exact else needle in line.text.replace(" ", "")))


def test_text_layer_pages_are_never_ocred_but_seals_are_found(tmp_path):
    pages = _pages(SIMPLE)
    assert not any(p.needs_ocr for p in pages)
    before = worker.ENGINE_CALLS["read"]
    stats = ocr_pages(pages, SIMPLE.parent, OcrOptions(workers=1, cache_dir=tmp_path))
    assert worker.ENGINE_CALLS["read"] == before
    assert (stats.ocr, stats.cached, stats.skipped) == (0, 0, 3)
    assert all(line.source is LineSource.TEXT_LAYER for p in pages for line in p.lines)
    assert all(p.seal_checked for p in pages)
    assert pages[0].seals, "the decision's seal is found on the digital page"
    seal = pages[0].seals[0].box
    date = _line(pages[0], "2024年4月16日", exact=True)
    assert seal[0] < date.box[0] and date.box[2] < seal[2]  # the seal sits over the date


def test_cache_makes_the_second_run_read_nothing(scans, tmp_path):
    options = OcrOptions(workers=1, cache_dir=tmp_path)
    first = _pages(scans / "p1.pdf")
    assert first[0].needs_ocr
    stats = ocr_pages(first, scans, options)
    assert (stats.ocr, stats.cached, stats.failed) == (1, 0, 0)
    assert not first[0].needs_ocr and first[0].text_engine == "rapidocr"
    assert first[0].image_sha256 and "当场行政处罚决定书" in first[0].text

    before = worker.ENGINE_CALLS["read"]
    second = _pages(scans / "p1.pdf")
    stats = ocr_pages(second, scans, options)
    assert worker.ENGINE_CALLS["read"] == before
    assert (stats.ocr, stats.cached) == (0, 1)
    assert second[0].text == first[0].text and second[0].seals == first[0].seals

    third = _pages(scans / "p1.pdf")
    stats = ocr_pages(third, scans, OcrOptions(workers=1, cache_dir=tmp_path, no_cache=True))
    assert (stats.ocr, stats.cached) == (1, 0)


@pytest.mark.parametrize(("name", "turn"), [("p2-90.pdf", 270), ("p2-180.pdf", 180)])
def test_turned_page_is_read_upright_with_boxes_on_the_page(scans, name, turn):
    text_layer = read_pdf(SIMPLE, "case.pdf")[1]
    pages = _pages(scans / name)
    ocr_pages(pages, scans, OcrOptions(workers=1))
    page = pages[0]
    assert page.rotation == turn  # scanned turned 90° clockwise: 270° more makes it upright
    assert (page.width, page.height) == pytest.approx((text_layer.width, text_layer.height), abs=2)
    for needle in ("现场笔录", "被检查人：", "检查地点："):
        ocr, truth = _line(page, needle), _line(text_layer, needle)
        assert ocr.source is LineSource.OCR
        # same place as the text layer's line: left, top and bottom within a few points
        assert ocr.box[0] == pytest.approx(truth.box[0], abs=8), needle
        assert ocr.box[1] == pytest.approx(truth.box[1], abs=8), needle
        assert ocr.box[3] == pytest.approx(truth.box[3], abs=8), needle
    lines = [line.text for line in page.lines]
    assert lines.index(_line(page, "现场笔录").text) < lines.index(_line(page, "检查地点").text)  # reading order


def test_seal_over_a_date_lowers_that_line_only(scans):
    pages = _pages(scans / "p1.pdf")
    ocr_pages(pages, scans, OcrOptions(workers=1))
    page = pages[0]
    assert page.seal_checked and len(page.seals) == 1
    date, agency = _line(page, "2024年4月16日", exact=True), _line(page, "处罚地点")
    assert date.confidence <= 0.8  # under the seal: rules must ask for a human check
    assert agency.confidence > 0.9
    assert page.ink_regions.get("执法人员签名") is True


def test_two_pages_in_the_worker_pool(scans, tmp_path):
    pages = _pages(scans / "p1.pdf") + _pages(scans / "p3.pdf")
    pages[1].source_file, pages[1].number = "p3.pdf", 2
    stats = ocr_pages(pages, scans, OcrOptions(workers=2, cache_dir=tmp_path))
    assert stats.workers == 2 and stats.threads == 1
    assert (stats.ocr, stats.failed) == (2, 0)
    assert "证据材料" in pages[1].text and "当场行政处罚决定书" in pages[0].text
