"""Wording and label variants of other regions' forms (issue 14, "What went wrong"): each
fragment below was a false `fail` before the variants became data in checklists/."""

import pytest

from audit.checks import load_rules, run_rule
from audit.checks.examples import case_from_example
from audit.model import Status

RULES = {r.code: r for r in load_rules()}


def _run(code: str, *docs: tuple[str, str]):
    case = case_from_example({"documents": [{"type": t, "text": text} for t, text in docs]})
    return run_rule(case, RULES[code])


INTERVIEW = """询问调查笔录
询问时间：2024年3月12日10时30分至11时20分
询问地点：南京某某口腔门诊部
询问人：陈刚、刘洋  记录人：刘洋
被询问人：赵明（男，41岁）
我们是南京市卫生健康委员会的执法人员，执法证件编号分别是：32010021001、32010021002，现依法向你出示，请确认。
你有申请回避的权利，如认为我们与本案有利害关系，可以申请回避。你应当如实回答询问，并协助调查。
问：你是否申请回避？答：不申请。
被询问人签名：赵明"""


def test_certificates_shown_written_as_numbers_then_shown_to_you():
    assert _run("EVI003", ("interview_record", INTERVIEW)).status is Status.PASS


INSPECTION = """现场检查笔录
检查时间：2024年3月12日9时00分至10时10分
被检查单位（人）：南京某某口腔门诊部
执法人员：陈刚、刘洋，执法证件编号分别为：32010021001、32010021002，已依法向被检查人出示。
现场检查情况：诊疗室内一名未取得执业资格的人员正在为患者洁牙。
被检查人签名：赵明"""


def test_inspection_certificates_shown_variant():
    assert _run("EVI008", ("inspection_record", INSPECTION)).status is Status.PASS


FILING = """立案审批表
案由：南京某某口腔门诊部使用非卫生技术人员案
当事人：南京某某口腔门诊部
案件来源：投诉举报
简要案情：2024年3月10日接到投诉，反映该门诊部使用无资质人员从事诊疗活动。
经初步审查，当事人涉嫌违反《医疗机构管理条例》第二十七条的规定，符合立案条件，申请予以立案。
经办人1：陈刚  2024年3月11日
经办人2：刘洋  2024年3月11日
负责人审批意见：同意立案。王军 2024年3月11日"""


def test_filing_proposal_signed_by_two_case_handlers():
    assert _run("DOC012", ("filing_report", FILING)).status is Status.PASS


APPROVAL = """行政处罚决定审批表
当事人：南京某某口腔门诊部
当事人违法的主要事实和建议作出行政处罚决定的理由、依据及内容：当事人使用非卫生技术人员从事医疗卫生技术工作，违反《医疗机构管理条例》第二十七条，依据第四十七条，建议给予警告并处罚款人民币伍仟元整。
审核意见：同意。李华 2024年4月10日
负责人审批意见：同意。王军 2024年4月12日"""


def test_proposal_row_of_another_regions_approval_form():
    finding = _run("DOC017", ("decision_approval", APPROVAL))
    assert "承办人意见" not in (finding.observed or ""), finding.observed


ORDER = """行政处罚决定书
苏宁卫医罚〔2024〕36号
当事人：南京某某口腔门诊部
你单位使用非卫生技术人员从事医疗卫生技术工作，违反了《医疗机构管理条例》第二十七条的规定。
依据《医疗机构管理条例》第四十七条的规定，本机关决定给予警告，并处罚款人民币伍仟元整。
同时责令你单位立即停用非卫生技术人员，限期于2024年5月1日前补办相关人员的执业注册手续。
如不服本决定，可在收到本决定书之日起六十日内向南京市人民政府申请行政复议，或者六个月内向南京市玄武区人民法院提起行政诉讼。
南京市卫生健康委员会
2024年4月20日"""


def test_order_sentence_without_the_word_correct():
    no_stop = ORDER.replace("立即停用非卫生技术人员，", "")
    assert "改正" not in no_stop and "停止" not in no_stop and "整改" not in no_stop
    assert _run("DOC005", ("decision", no_stop)).status is Status.PASS


@pytest.mark.parametrize("label", ["被处罚人", "当事人", "被检查单位（人）"])
def test_party_label_variants_read_the_same_party(label):
    case = case_from_example({"documents": [{"type": "decision", "text": ORDER.replace("当事人：", f"{label}：")}]})
    assert case.party.name is not None and case.party.name.value == "南京某某口腔门诊部"


def test_decision_in_headed_sections_states_its_basis_and_penalties():
    from pathlib import Path

    from audit.pipeline import read_case

    case = read_case(Path(__file__).resolve().parent / "data" / "headed-decision.txt")
    assert [(c.instrument, c.article) for c in case.violated_provisions] == [("医疗机构管理条例", 27)]
    assert [(c.instrument, c.article) for c in case.penalty_basis] == [("医疗机构管理条例", 47)]
    assert [(p.kind.value, p.amount.value if p.amount else None) for p in case.penalties] == [
        ("警告", None), ("罚款", 5000.0)]
    rule = next(r for r in RULES.values() if r.kind == "law_citations_present")
    assert run_rule(case, rule).status is Status.PASS


@pytest.mark.parametrize("text, type_", [
    (INTERVIEW, "interview_record"),
    (INSPECTION, "inspection_record"),
    (INTERVIEW.replace("询问人：陈刚、刘洋  记录人：刘洋\n", "").replace("的执法人员，", "的执法人员陈刚、刘洋，"), "interview_record"),
])
def test_certificate_numbers_given_respectively_belong_to_the_named_officers(text, type_):
    case = case_from_example({"documents": [{"type": type_, "text": text}]})
    assert [(f.value["name"], f.value["certificate"]) for f in case.documents[0].fields["officers"]] == [
        ("陈刚", "32010021001"), ("刘洋", "32010021002")]
    assert _run("AUT002", (type_, text)).status is Status.PASS


def test_the_proposal_row_is_read_as_the_case_handlers_proposal():
    case = case_from_example({"documents": [{"type": "decision_approval", "text": APPROVAL}]})
    proposal = case.documents[0].fields["proposal"]
    assert proposal.value.startswith("当事人使用非卫生技术人员") and "伍仟元" in proposal.value


def test_a_violation_stated_without_its_provision_is_missing():
    text = ORDER.replace("违反了《医疗机构管理条例》第二十七条的规定。\n依据", "违反了有关规定，依据")
    finding = _run("LAW001", ("decision", text))
    assert finding.status is Status.FAIL and "违反条款" in finding.observed
