import json

import pytest

from audit.model import (
    SCHEMA_VERSION,
    Case,
    Citation,
    Document,
    Field,
    Finding,
    Line,
    LineSource,
    Officer,
    Page,
    Party,
    Penalty,
    Severity,
    Status,
    case_from_json_dict,
    case_to_json_dict,
    from_dict,
    to_dict,
)


def sample_case() -> Case:
    line = Line("当事人：某某诊所", (72.0, 100.0, 200.0, 112.0), 0.97, LineSource.OCR, [(72.0, 84.0)] * 8)
    page = Page(number=1, source_file="case.pdf", width=595.0, height=842.0, lines=[line], text_engine="pdfplumber")
    name = Field("某某诊所", "某某诊所", "d01-decision", 1, (120.0, 100.0, 200.0, 112.0), 0.97)
    doc = Document("d01-decision", "decision", "行政处罚决定书", [1],
                   fields={"party_name": name, "amounts": [Field(20000.0, "贰万元", "d01-decision", 1, None, 1.0,
                                                                  {"digits": 20000.0, "capitals": 20000.0})]})
    case = Case(case_id="c1", source="case.pdf", pages=[page], documents=[doc])
    case.party = Party(name=name)
    case.officers = [Officer(Field("张三", "张三"), Field("33010021001", "33010021001"))]
    case.penalty_basis = [Citation("医疗机构管理条例", 47, 1, None, raw="第四十七条第一款", document="d01-decision", page=1)]
    case.penalties = [Penalty(Field("罚款", "罚款"), Field(20000.0, "贰万元整"))]
    case.dates["decided"] = Field("2023-06-05", "2023年6月5日", "d01-decision", 1)
    return case


def test_case_round_trips_through_json():
    case = sample_case()
    text = json.dumps(case_to_json_dict(case), ensure_ascii=False)
    again = case_from_json_dict(json.loads(text))
    assert again == case
    assert again.pages[0].lines[0].source is LineSource.OCR
    assert isinstance(again.documents[0].fields["amounts"], list)
    assert isinstance(again.documents[0].fields["party_name"], Field)
    assert again.pages[0].lines[0].box == (72.0, 100.0, 200.0, 112.0)


def test_schema_version_is_checked():
    data = case_to_json_dict(sample_case())
    data["schema_version"] = "0.1"
    with pytest.raises(ValueError, match="schema_version"):
        case_from_json_dict(data)
    assert case_to_json_dict(sample_case())["schema_version"] == SCHEMA_VERSION


def test_finding_round_trip():
    finding = Finding("DOC002", "金额大写与小写应一致", "文书规范", Severity.MAJOR, Status.FAIL, "应一致", "不一致",
                      [Field(3000.0, "叁万元整（¥3,000.00）", "d01-decision", 3, (1, 2, 3, 4))])
    again = from_dict(Finding, json.loads(json.dumps(to_dict(finding))))
    assert again == finding
    assert again.status is Status.FAIL


def test_span_box_narrows_to_characters():
    line = Line("罚款20000元", (10.0, 5.0, 110.0, 15.0), char_x=[(10.0 + 10 * i, 20.0 + 10 * i) for i in range(8)])
    assert line.span_box(2, 8) == (30.0, 5.0, 90.0, 15.0)
    assert Line("x", None).span_box(0, 1) is None
    assert Line("abc", (0, 0, 30, 10)).span_box(0, 2) == (0, 0, 30, 10)  # no char positions: whole line
