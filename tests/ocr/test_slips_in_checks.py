"""Checks that compare values across documents treat an OCR slip as uncertain, and codes
read with O for 0 are read back."""

from __future__ import annotations

import pytest

from audit.checks.kinds.documents import consistent_across_documents
from audit.model import Case, Document, Field, Line, LineSource, Page, Status
from audit.parse.identifiers import find_credit_codes

PARAMS = {"field": "legal_representative", "compare": "name", "reference": ["decision"], "ocr_near_miss": "review",
          "documents": ["filing_report", "decision"]}


def case_with(decision_name: str, filing_name: str, source: LineSource) -> Case:
    pages = [Page(number=n, source_file="x.pdf", source_page=n, width=595, height=842,
                  lines=[Line(text="法定代表人：…", box=(70, 100, 300, 112), source=source)]) for n in (1, 2)]
    filing = Document(id="d1", type="filing_report", title="立案报告", pages=[1],
                      fields={"legal_representative": Field(filing_name, filing_name, "d1", 1, (70, 100, 300, 112))})
    decision = Document(id="d2", type="decision", title="行政处罚决定书", pages=[2],
                        fields={"legal_representative": Field(decision_name, decision_name, "d2", 2, (70, 100, 300, 112))})
    return Case(case_id="c", source="x.pdf", pages=pages, documents=[filing, decision])


@pytest.mark.parametrize("filing, source, expected", [
    ("徐静争", LineSource.OCR, Status.NEEDS_REVIEW),       # one stray character on a scan
    ("徐静争", LineSource.TEXT_LAYER, Status.FAIL),        # typed text: a real difference
    ("王建国", LineSource.OCR, Status.FAIL),               # two characters apart: a real difference
    ("徐静", LineSource.OCR, Status.PASS),
])
def test_one_character_apart_on_a_scan_needs_review(filing, source, expected):
    outcome = consistent_across_documents(case_with("徐静", filing, source), PARAMS)
    assert outcome.status is expected


def test_credit_code_with_letter_o_for_zero_is_read_back():
    (code,) = find_credit_codes("统一社会信用代码：52320213MAJOR7N71A")
    assert code.value == "52320213MAJ0R7N71A" and code.raw == "52320213MAJOR7N71A" and code.valid is False
    assert find_credit_codes("设备型号：ABCDEFGHOOOOOOOOOO") == []  # no credit-code label: left alone
