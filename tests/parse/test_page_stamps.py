"""Archive page stamps in their usual forms, from the text layer and from OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Line, LineSource, Page
from audit.parse.page_stamps import page_stamp, stamp_of_line

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "number"), [
    ("002", 2), ("014", 14), ("第2页", 2), ("第 12 页", 12), ("2/18", 2), ("- 7 -", 7), ("—3—", 3),
    ("5", 5), ("O02", 2), ("0l4", 14),
])
def test_stamp_forms(text: str, number: int):
    assert stamp_of_line(text) == number


@pytest.mark.parametrize("text", ["第 1 页 共 3 页", "2022", "0", "案由：某某", "14 罚没款缴款书 2022年10月8日 17", "Old"])
def test_not_stamps(text: str):
    assert stamp_of_line(text) is None


def _page(lines: list[tuple[str, tuple[float, float, float, float] | None]], source=LineSource.TEXT_LAYER) -> Page:
    return Page(1, "x.pdf", width=595, height=842,
                lines=[Line(text=t, source=source, box=b) for t, b in lines])


def test_stamp_in_the_top_right_corner_from_ocr():
    page = _page([("O03", (531, 25, 551, 36)), ("询问笔录", (250, 74, 350, 92)), ("被询问人签名：贺国强", (76, 700, 300, 712))],
                 LineSource.OCR)
    number, line = page_stamp(page)
    assert number == 3 and line.text == "O03"


def test_bottom_corner_stamp_and_numbers_outside_the_bands_ignored():
    page = _page([("卷内目录", (250, 74, 350, 92)), ("17", (480, 400, 495, 410)), ("- 4 -", (280, 800, 310, 812))])
    assert page_stamp(page)[0] == 4
    middle_only = _page([("卷内目录", (250, 74, 350, 92)), ("17", (480, 400, 495, 410))])
    assert page_stamp(middle_only) is None


def test_text_without_geometry_uses_the_edge_lines():
    page = Page(1, "x.txt", lines=[Line(text=t, source=LineSource.TEXT_LAYER) for t in ("第5页", "正文", "正文")])
    assert page_stamp(page)[0] == 5


def test_sichuan_archive_stamps_are_read_as_page_numbers():
    from audit.checks import load_rules, run_rule
    from audit.pipeline import read_case

    case = read_case(ROOT / "samples" / "corpus" / "sc-ord-2022-disinfection" / "text.pdf")
    stamps = [page_stamp(p) for p in case.pages]
    assert sum(s is not None for s in stamps) >= len(case.pages) - 1
    rule = next(r for r in load_rules() if r.kind == "pages_numbered")
    finding = run_rule(case, rule)
    assert finding.status.value == "pass", finding.observed
