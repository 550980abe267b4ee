"""Penalties on pre-printed tick-box forms as OCR reads them: the boxes may be gone."""

import pytest

from audit.model import Document, Line
from audit.parse.doctext import DocText
from audit.parse.extract import penalties


def doc_text(*lines: str) -> DocText:
    document = Document(id="d1", type="onsite_decision", title="当场行政处罚决定书", pages=[1])
    return DocText(document, [(1, [Line(text=t, box=(0, 20.0 * i, 500, 20.0 * i + 12)) for i, t in enumerate(lines)])])


@pytest.mark.parametrize("row, expected", [
    ("■警告 □罚款人民币 \\ 元（大写：\\ ）", [("警告", None)]),          # text layer
    ("■警告 罚款人民币 \\ 元（大写：\\ ）", [("警告", None)]),           # OCR dropped □: the amount is struck
    ("■警告 罚款人民币______元", [("警告", None)]),                       # left blank
    ("■警告 罚款人民币 1000 元（大写：壹仟元整）", [("罚款", 1000), ("警告", None)]),  # OCR dropped ■
])
def test_struck_or_blank_amount_means_not_imposed(row, expected):
    found = penalties(doc_text("当场作出如下行政处罚：", row, "罚款缴纳方式：□当场缴纳"))
    assert sorted((f.value["kind"], f.value["amount"]) for f in found) == sorted(expected)
