"""Citations by role: the violated provisions and the penalty basis, in sentences and in form cells."""

from __future__ import annotations

from audit.model import Document, Line
from audit.parse.citation_cells import cell_citations, clean_text
from audit.parse.doctext import DocText
from audit.parse.fields import penalty_basis, violated_provisions


def doc_text(*lines: str, kind: str = "decision") -> DocText:
    document = Document(id="d1", type=kind, title="", pages=[1])
    return DocText(document, [(1, [Line(text=t, box=(0, 20.0 * i, 500, 20.0 * i + 12)) for i, t in enumerate(lines)])])


def cited(fields) -> list[tuple]:
    return [(f.value["instrument"], f.value["article"], f.value["paragraph"], f.value["item"]) for f in fields]


# ----------------------------------------------------------------------------- (a) basis after the violated sentence

AFTER_VIOLATION = [
    # 按照 … 的规定, right after the sentence with 违反 (an earlier 按照 in the facts must not hide it)
    ("你单位未按照类别分置医疗废物，违反了《医疗废物管理条例》第十六条第一款的规定，按照《医疗废物管理条例》第四十六条第（二）项的规定，"
     "本机关决定给予警告。", ("医疗废物管理条例", 16, 1, None), ("医疗废物管理条例", 46, None, 2)),
    ("上述行为违反了《医疗废物管理条例》第十六条第一款的规定，按照《医疗废物管理条例》第四十六条第（二）项规定，拟对你单位作出警告的行政处罚。",
     ("医疗废物管理条例", 16, 1, None), ("医疗废物管理条例", 46, None, 2)),
    ("当事人未按照规定消毒，违反了《传染病防治法》第五十一条第二款的规定。按照《传染病防治法》第六十九条第（五）项规定，给予警告。",
     ("传染病防治法", 51, 2, None), ("传染病防治法", 69, None, 5)),
    # 依据 … 之规定 / 现按照 …
    ("违反了《医疗机构管理条例》第二十七条的规定，依据《医疗机构管理条例》第四十七条之规定，对你单位处以罚款。",
     ("医疗机构管理条例", 27, None, None), ("医疗机构管理条例", 47, None, None)),
    ("违反了《医疗机构管理条例》第二十七条的规定，现按照《医疗机构管理条例》第四十七条的规定，责令改正并处罚款。",
     ("医疗机构管理条例", 27, None, None), ("医疗机构管理条例", 47, None, None)),
    # a basis without 规定: the citation run closes the clause and the decision follows
    ("违反了《医疗机构管理条例》第二十七条的规定，按照《医疗机构管理条例》第四十七条，决定给予罚款。",
     ("医疗机构管理条例", 27, None, None), ("医疗机构管理条例", 47, None, None)),
    ("违反《中华人民共和国职业病防治法》第十六条第二款的规定，依据《中华人民共和国职业病防治法》第七十一条第（一）项予以处罚。",
     ("职业病防治法", 16, 2, None), ("职业病防治法", 71, None, 1)),
]


def test_basis_after_the_violated_sentence():
    for text, violated, basis in AFTER_VIOLATION:
        dt = doc_text(text)
        assert cited(violated_provisions(dt)) == [violated], text
        assert cited(penalty_basis(dt)) == [basis], text


def test_basis_without_rule_word_keeps_the_whole_run():
    dt = doc_text("违反了《医疗机构管理条例》第二十七条的规定，按照《医疗机构管理条例》第四十七条第一款、"
                  "《中华人民共和国行政处罚法》第三十二条第（一）项，决定给予罚款。")
    assert cited(penalty_basis(dt)) == [("医疗机构管理条例", 47, 1, None), ("行政处罚法", 32, None, 1)]


def test_a_citation_not_followed_by_a_decision_is_no_basis():
    assert penalty_basis(doc_text("根据《行政处罚法》第五十一条，当事人可以当场缴纳罚款。")) == []
    assert penalty_basis(doc_text("依据《医疗机构管理条例》第四十条对当事人进行了监督检查。")) == []
    assert penalty_basis(doc_text("按照《医疗机构管理条例》第二十七条，当事人应当按照核准登记的诊疗科目开展诊疗活动。")) == []


# ----------------------------------------------------------------------------- (b) form cells

APPROVAL = (
    "行政处罚决定审批表",
    "案由 罗娜未取得《医疗机构执业许可证》擅自执业案",
    "违法事实 当事人未取得《医疗机构执业许可证》擅自开展诊疗活动，违法所得7100元。",
    "违反条款 《医疗机构管理条例》第五十八条",
    "《医疗机构管理条例》第四十三条第一款、《中华人民共和国基本医疗卫生",
    "处罚依据",
    "与健康促进法》第九十九条第一款",
    "建议责令当事人停止执业活动，并给予没收违法所得7100元的行政处罚。",
    "承办人意见",
    "承办人：范芳 曾磊 2024年7月24日",
)


def test_cells_of_an_approval_form():
    dt = doc_text(*APPROVAL, kind="decision_approval")
    assert cited(violated_provisions(dt)) == [("医疗机构管理条例", 58, None, None)]
    basis = penalty_basis(dt)
    assert cited(basis) == [("医疗机构管理条例", 43, 1, None), ("基本医疗卫生与健康促进法", 99, 1, None)]
    # provenance: the wrapped title is located where it starts, raw as written (label line included)
    assert basis[1].page == 1 and basis[1].raw.startswith("《中华人民共和国基本医疗卫生")
    assert "处罚依据" in basis[1].raw


def test_one_line_cells_and_a_rule_word_in_the_next_cell():
    """违反条款 … 处罚依据 … 按照规定: the 违反 of the label must not read the basis cell as violated."""
    dt = doc_text("违反条款 《中华人民共和国传染病防治法》第五十一条第二款",
                  "处罚依据 《中华人民共和国传染病防治法》第六十九条第（五）项",
                  "建议责令当事人立即改正，按照规定对医疗器械进行消毒灭菌，并",
                  "承办人意见",
                  "给予通报批评，警告，并处罚款人民币贰仟元整（¥2,000.00）的行政处罚。", kind="decision_approval")
    assert cited(violated_provisions(dt)) == [("传染病防治法", 51, 2, None)]
    assert cited(penalty_basis(dt)) == [("传染病防治法", 69, None, 5)]


def test_labels_with_colons_and_a_value_wrapped_below():
    dt = doc_text("违反的法律条款：《公共场所卫生管理条例》第七条、",
                  "《公共场所卫生管理条例》第八条",
                  "处罚的法律依据：《公共场所卫生管理条例》第十四条第一款第（四）项", kind="decision_approval")
    assert cited(violated_provisions(dt)) == [("公共场所卫生管理条例", 7, None, None), ("公共场所卫生管理条例", 8, None, None)]
    assert cited(penalty_basis(dt)) == [("公共场所卫生管理条例", 14, 1, 4)]


def test_value_above_and_below_a_centred_label():
    dt = doc_text("违反条款 《医疗废物管理条例》第十四条第二款",
                  "《医疗废物管理条例》第四十七条第（一）项、",
                  "处罚依据",
                  "《中华人民共和国行政处罚法》第三十二条第（一）项",
                  "承办人意见 建议给予警告。", kind="decision_approval")
    assert cited(penalty_basis(dt)) == [("医疗废物管理条例", 47, None, 1), ("行政处罚法", 32, None, 1)]
    assert cited(violated_provisions(dt)) == [("医疗废物管理条例", 14, 2, None)]


def test_a_label_alone_inside_a_sentence_is_taken_out():
    """法制审核意见书: 依据…的规定，给 | 拟处理意见 | 予警告 reads as one sentence."""
    dt = doc_text("依据《中华人民共和国职业病防治法》第七十一条第（一）项的规定，给",
                  "拟处理意见",
                  "予警告，并处罚款人民币伍万陆仟元整（¥56,000.00）的行政处罚。", kind="legal_review")
    assert cited(penalty_basis(dt)) == [("职业病防治法", 71, None, 1)]
    assert clean_text(dt).text.startswith("依据《中华人民共和国职业病防治法》第七十一条第（一）项的规定，给予警告")


def test_prose_is_not_a_cell():
    dt = doc_text("法律依据充分，适用《医疗机构管理条例》第四十七条正确。", "违反规定的行为已改正。")
    assert cell_citations(dt) == {}
    assert clean_text(dt).text == dt.flat
