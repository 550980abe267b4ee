"""Signature checks on scanned pages use the ink found beside the signature label."""

from __future__ import annotations

import pytest

from audit.checks.kinds.wording import signature_each_page
from audit.model import Case, Document, Line, LineSource, Page, Status

LABEL = "被检查人签名|被询问人签名|当事人签名"


def record(ink: dict[str, bool], source: LineSource = LineSource.OCR) -> Case:
    page = Page(number=1, source_file="x.pdf", source_page=1, width=595, height=842, ink_regions=ink,
                lines=[Line(text="问：你单位有几名员工？", box=(70, 300, 400, 312), source=source),
                       Line(text="被询问人签名：", box=(70, 770, 160, 782), source=source)])
    doc = Document(id="d1", type="interview_record", title="询问笔录", pages=[1])
    return Case(case_id="c", source="x.pdf", pages=[page], documents=[doc])


@pytest.mark.parametrize("ink, source, expected", [
    ({"被询问人签名": True}, LineSource.OCR, Status.PASS),            # handwriting OCR could not spell
    ({"被询问人签名": False}, LineSource.OCR, Status.FAIL),           # the area is blank on the image
    ({}, LineSource.OCR, Status.NEEDS_REVIEW),                        # no image evidence either way
    ({"被询问人签名": True}, LineSource.TEXT_LAYER, Status.PASS),     # a signature image on a digital page
    ({}, LineSource.TEXT_LAYER, Status.FAIL),
])
def test_ink_beside_the_label_decides(ink, source, expected):
    outcome = signature_each_page(record(ink, source), {"documents": ["interview_record"], "label": LABEL})
    assert outcome.status is expected
