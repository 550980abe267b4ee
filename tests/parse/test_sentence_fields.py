"""Fields read from sentence-style party blocks, officer lists after a label, signing dates."""

import pytest

from audit.model import Document, Line
from audit.parse.doctext import DocText
from audit.parse.fields import ADDRESS_LABELS, labelled, last_date, officers
from audit.parse.vocabulary import labels

LEGAL_REP_LABELS = labels("legal_representative")  # every variant, 负责人 included


def doc_text(*lines: str) -> DocText:
    document = Document(id="d1", type="decision", title="行政处罚决定书", pages=[1])
    return DocText(document, [(1, [Line(text=t, box=(0, 20.0 * i, 500, 20.0 * i + 12)) for i, t in enumerate(lines)])])


SENTENCE_BLOCK = (
    "当事人：绵阳涪城锦程诊所，统一社会信用代码：52510703MATLMGC84G，负责人：贺",
    "国强，住所：绵阳市涪城区长虹大道154号。",
    "本机关于2022年8月29日对你单位进行监督检查。",
)


def test_value_after_a_comma_wrapped_onto_the_next_line():
    found = labelled(doc_text(*SENTENCE_BLOCK), LEGAL_REP_LABELS)
    assert found is not None and found.value == "贺国强" and found.page == 1
    address = labelled(doc_text(*SENTENCE_BLOCK), ADDRESS_LABELS)
    assert address is not None and address.value == "绵阳市涪城区长虹大道154号"


def test_the_earlier_of_two_layouts_wins():
    text = doc_text("当事人：某诊所，负责人：张三。", "负责人：李四")
    assert labelled(text, LEGAL_REP_LABELS).value == "张三"
    text = doc_text("负责人：李四", "当事人：某诊所，负责人：张三。")
    assert labelled(text, LEGAL_REP_LABELS).value == "李四"


def test_label_inside_a_bracket_is_not_a_sentence_value():
    assert labelled(doc_text("当事人 某诊所（负责人：贺国强）"), LEGAL_REP_LABELS) is None


@pytest.mark.parametrize("line", [
    "采样人 秦欣怡 黎晓东（执法证号：320106220361、320106190239）",
    "执法人员：秦欣怡、黎晓东（执法证号：320106220361、320106190239）",
])
def test_officer_list_after_a_label(line):
    found = officers(doc_text(line))
    assert [(f.value["name"], f.value["certificate"]) for f in found] == [
        ("秦欣怡", "320106220361"), ("黎晓东", "320106190239")]


def test_signing_date_without_its_day_is_unknown_not_an_earlier_date():
    found = last_date(doc_text("法制审核意见 已于2022年8月25日审核通过。", "负责人审批意见 签名：邵立群 2022年9月"))
    assert found is not None and found.value is None and found.detail["error"] == "incomplete"
    found = last_date(doc_text("已于2022年8月25日审核通过。", "签名：邵立群 2022年9月1日"))
    assert found.value == "2022-09-01"
    found = last_date(doc_text("签名：邵立群 2022年9月1日", "年  月  日"))
    assert found.value == "2022-09-01"  # a blank template date after the signature is not a date


def test_case_source_is_the_ticked_item_of_a_source_row():
    from audit.parse.fields import case_source

    found = case_source(doc_text("案件来源登记表", "□监督检查 ■投诉举报 □上级交办 □下级报请 □有关部门移送 □", "案件来源 其他"))
    assert found is not None and found.value == "投诉举报"
    assert case_source(doc_text("案件来源 “双随机、一公开”抽查")).value == "“双随机、一公开”抽查"
    assert case_source(doc_text("案件来源：□监督检查 □投诉举报")) is None  # boxes, none ticked


def test_penalties_concluded_by_a_panel():
    from audit.parse.extract import conclusion_penalties

    text = doc_text("合议意见：", "张三：拟处罚意见在法定幅度内，裁量适当。",
                    "合议结论：经合议，参加人员一致同意承办人意见，拟依据《医疗废物管理条例》第四",
                    "十七条第（一）项的规定，对当事人作出警告，并处罚款人民币叁仟伍佰元整",
                    "（¥3,500.00）的行政处罚。报法制审核。")
    found = conclusion_penalties(text)
    assert [(f.value["kind"], f.value["amount"]) for f in found] == [("警告", None), ("罚款", 3500.0)]


def test_basis_right_after_the_violated_sentence_is_read():
    from audit.parse.fields import penalty_basis

    text = doc_text("执法人员当场责令改正，当事人未按照类别分置医疗废物。你（单位）的上述行为违反了《医疗废物管理条例》"
                    "第十六条第一款的规定。依据《医疗废物管理条例》第四十六条第（二）项的规定，本机关当场作出如下行政处罚：")
    found = penalty_basis(text)
    assert [(f.value["article"], f.value["item"]) for f in found] == [(46, 2)]
