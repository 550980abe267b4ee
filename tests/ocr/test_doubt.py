"""When OCR text may say that wording is absent, and when absence must go to a person."""

from __future__ import annotations

from audit.checks.evidence import ocr_doubt
from audit.model import Case, Document, Line, LineSource, Page

PATTERN = "出示.{0,8}(执法)?证件"


def case_of(*lines: tuple[str, float], source: LineSource = LineSource.OCR, needs_ocr: bool = False) -> tuple[Case, Document]:
    page = Page(number=1, source_file="x.pdf", source_page=1, width=595, height=842, needs_ocr=needs_ocr,
                lines=[Line(text=t, box=(0, 20.0 * i, 500, 20.0 * i + 12), confidence=c, source=source)
                       for i, (t, c) in enumerate(lines)])
    doc = Document(id="d1", type="interview_record", title="询问笔录", pages=[1])
    case = Case(case_id="c", source="x.pdf", pages=[page], documents=[doc])
    return case, doc


def test_text_layer_absence_is_never_in_doubt():
    case, doc = case_of(("问：你单位有几名员工？", 0.5), source=LineSource.TEXT_LAYER)
    assert not ocr_doubt(case, doc, PATTERN)


def test_sure_ocr_lines_say_the_wording_is_absent():
    case, doc = case_of(("问：你单位有几名员工？", 0.99), ("第1页 共1页", 0.62))
    assert not ocr_doubt(case, doc, PATTERN)  # the unsure line cannot hold the wording


def test_an_unsure_line_that_nearly_holds_the_wording_raises_doubt():
    case, doc = case_of(("执法人员向被询问人出示了执法证仵", 0.81))  # 件 misread as 仵
    assert ocr_doubt(case, doc, PATTERN)


def test_an_unread_page_always_raises_doubt():
    case, doc = case_of(needs_ocr=True)
    assert ocr_doubt(case, doc, PATTERN)
    assert ocr_doubt(case, doc)
