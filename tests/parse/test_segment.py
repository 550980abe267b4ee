import pytest

from audit.model import Line, Page
from audit.parse.segment import match_title, segment, split_text_pages


@pytest.mark.parametrize(
    "line, expected",
    [
        ("行政处罚决定书", "decision"),
        ("行 政 处 罚 决 定 书", "decision"),
        ("当场行政处罚决定书", "onsite_decision"),
        ("行政处罚事先告知书", "advance_notice"),
        ("行政处罚决定审批表", "decision_approval"),
        ("立案报告", "filing_report"),
        ("立案审批表", "filing_report"),
        ("现场检查笔录", "inspection_record"),
        ("检查笔录", "inspection_record"),
        ("询问（调查）笔录", "interview_record"),
        ("调查笔录", "interview_record"),
        ("送达回证", "service_receipt"),
        ("送达回执", "service_receipt"),
        ("案件调查终结报告", "investigation_report"),
        ("终结报告", "investigation_report"),
        ("案件合议记录", "panel_discussion"),
        ("重大案件集体讨论笔录", "collective_discussion"),
        ("法制审核意见书", "legal_review"),
        ("陈述和申辩笔录", "defence_record"),
        ("行政处罚听证告知书", "hearing_notice"),
        ("结案报告", "closing_report"),
        ("卷内目录", "file_index"),
        ("备考表", "file_remarks"),
        ("罚没款票据", "payment_receipt"),
        ("杭州市西湖区卫生健康局行政处罚决定书", "decision"),
        ("行政处罚决定书（副本）", "decision"),
    ],
)
def test_titles_are_recognised(line, expected):
    found = match_title(line)
    assert found is not None and found.type == expected


@pytest.mark.parametrize(
    "line",
    [
        "根据行政处罚决定书的要求，当事人已缴纳罚款。",
        "12 行政处罚决定书 杭西卫医罚〔2023〕12号 2023年6月5日 20-21",
        "本机关于2023年5月20日向你单位送达了行政处罚事先告知书",
        "当事人：杭州西湖某某诊所",
        "",
        "送达回执已由当事人签收，签收人为其法定代表人",
    ],
)
def test_prose_and_table_rows_are_not_titles(line):
    assert match_title(line) is None


def _page(number: int, *texts: str, geometry: bool = True) -> Page:
    return Page(number=number, source_file="x", width=595 if geometry else None,
                lines=[Line(t, (0, i * 10, 100, i * 10 + 9) if geometry else None) for i, t in enumerate(texts)])


def test_continuation_pages_join_previous_document_and_leading_pages_are_other():
    pages = [
        _page(1, "某某说明"),
        _page(2, "杭州市西湖区卫生健康局", "询问笔录", "时间：2023年5月8日"),
        _page(3, "问：你是否了解……", "答：了解。"),
        _page(4, "行政处罚决定书", "杭西卫医罚〔2023〕12号"),
    ]
    docs = segment(pages)
    assert [(d.type, d.pages) for d in docs] == [
        ("other", [1]),
        ("interview_record", [2, 3]),
        ("decision", [4]),
    ]


def test_generic_approval_form_resolved_by_tick():
    docs = segment([_page(1, "卫生行政执法事项审批表", "□立案 ☑行政处罚 □听证告知")])
    assert docs[0].type == "decision_approval"


@pytest.mark.parametrize("row, expected", [
    ("立案 □先行登记保存 □查封扣押 □听证告知 □行政处罚 □结案", "filing_report"),  # OCR dropped ■
    ("□立案 □先行登记保存 □查封扣押 □听证告知 □行政处罚 结案", "closing_report"),
    ("口立案 口先行登记保存 □查封扣押 □听证告知 行政处罚 □结案", "decision_approval"),  # □ read as 口
])
def test_ticked_item_found_when_ocr_drops_the_filled_box(row, expected):
    docs = segment([_page(1, "卫生行政执法事项审批表", row)])
    assert docs[0].type == expected


def test_form_type_from_its_labels_when_no_tick_is_readable():
    row = "立案先行登记保存 查封扣押听证告知 二行政处罚结案"  # OCR dropped every box
    closing = segment([_page(1, "卫生行政执法事项审批表", row, "执行方式 自觉履行", "执行情况 已缴纳罚没款")])
    filing = segment([_page(1, "卫生行政执法事项审批表", row, "案件来源 专项监督检查")])
    assert closing[0].type == "closing_report" and filing[0].type == "filing_report"


def test_no_guess_when_two_items_lack_a_box():
    docs = segment([_page(1, "卫生行政执法事项审批表", "立案 □先行登记保存 □查封扣押 行政处罚 □结案")])
    assert docs[0].type == "decision_approval"  # the form's default, not a guess between two


def test_text_pages_split_at_title_lines():
    page = _page(1, "行政处罚事先告知书", "当事人：甲", "行政处罚决定书", "当事人：甲", geometry=False)
    pages = split_text_pages([page])
    assert [p.number for p in pages] == [1, 2]
    assert [d.type for d in segment(pages)] == ["advance_notice", "decision"]


def test_unread_scanned_page_is_its_own_document():
    scanned = Page(number=2, source_file="x", width=595, needs_ocr=True)
    docs = segment([_page(1, "行政处罚决定书"), scanned])
    assert [d.type for d in docs] == ["decision", "other"]
    assert docs[1].confidence == 0.0


def test_agency_line_above_a_title_stays_with_its_document():
    page = _page(1, "杭州市西湖区卫生健康局", "行政处罚决定书", "当事人：甲", "杭州市西湖区卫生健康局",
                 "送达回执", "受送达人：甲", geometry=False)
    docs = segment(split_text_pages([page]))
    assert [(d.type, d.pages) for d in docs] == [("decision", [1]), ("service_receipt", [2])]


def test_a_form_row_at_the_top_of_a_page_continues_the_form():
    pages = [_page(1, "行政处罚决定审批表", "承办人意见：建议罚款人民币贰万元整。", "签名：王建平 2023年6月5日"),
             _page(2, "法制审核意见", "签名：周敏 2023年6月5日", "负责人审批意见：同意。")]
    assert [(d.type, d.pages) for d in segment(pages)] == [("decision_approval", [1, 2])]
    alone = [_page(1, "行政处罚事先告知书", "当事人：某诊所"), _page(2, "法制审核意见", "经审核，同意。")]
    assert [d.type for d in segment(alone)] == ["advance_notice", "legal_review"]
