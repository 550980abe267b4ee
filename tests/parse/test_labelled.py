"""Labelled values (``label：value``) as OCR writes them: gaps between fields may vanish."""

import pytest

from audit.model import Document, Line
from audit.parse.doctext import DocText
from audit.parse.fields import labelled
from audit.parse.vocabulary import labels

LEGAL_REP_LABELS = labels("legal_representative")  # every variant, 负责人 included


def doc_text(*lines: str) -> DocText:
    document = Document(id="d1", type="decision", title="行政处罚决定书", pages=[1])
    return DocText(document, [(1, [Line(text=t, box=(0, 20.0 * i, 500, 20.0 * i + 12)) for i, t in enumerate(lines)])])


@pytest.mark.parametrize("line, expected", [
    ("负责人：贺建国联系电话：0816-30747922", "贺建国"),          # OCR dropped the gap
    ("负责人：贺建国  联系电话：0816-30747922", "贺建国"),
    ("法定代表人：王小明，职务：院长", "王小明"),
    ("法定代表人：王小明性别：男", "王小明"),
    ("法定代表人（负责人）：李电话", "李电话"),                    # a label word inside a name, no colon
])
def test_value_stops_at_the_next_label(line, expected):
    found = labelled(doc_text(line), LEGAL_REP_LABELS)
    assert found is not None and found.value == expected


def test_bracketed_note_after_the_value_is_left_out():
    found = labelled(doc_text("当事人 杭州西湖康宁诊所（统一社会信用代码：52330106MJ9K2D5R3A）"), ("当事人",))
    assert found is not None and found.value == "杭州西湖康宁诊所"
