"""A signing date lost under a seal on a scan is unknown, not the last date of the body."""

from audit.model import SEAL_LINE_CONFIDENCE, Document, Line, LineSource
from audit.parse.doctext import DocText
from audit.parse.fields import last_date


def notice(agency_confidence: float, source: LineSource = LineSource.OCR, signed: str = "") -> DocText:
    texts = [("以上事实有2023年8月4日现场笔录、对赵浩然的询问笔录等证据为证。", 0.99),
             ("杭州市拱墅区卫生健康局", agency_confidence)]
    if signed:
        texts.append((signed, agency_confidence))
    lines = [Line(text=t, box=(60, 20.0 * i, 500, 20.0 * i + 12), confidence=c, source=source)
             for i, (t, c) in enumerate(texts)]
    return DocText(Document(id="d1", type="advance_notice", title="行政处罚事先告知书", pages=[1]), [(1, lines)])


def test_date_under_a_seal_is_unknown():
    found = last_date(notice(SEAL_LINE_CONFIDENCE))
    assert found is not None and found.value is None and found.detail["error"] == "unreadable"


def test_body_date_stands_when_nothing_was_under_a_seal():
    assert last_date(notice(0.99)).value == "2023-08-04"  # no seal over the signing block
    assert last_date(notice(SEAL_LINE_CONFIDENCE, LineSource.TEXT_LAYER)).value == "2023-08-04"


def test_a_read_signing_date_is_used():
    assert last_date(notice(SEAL_LINE_CONFIDENCE, signed="2023年8月30日")).value == "2023-08-30"
