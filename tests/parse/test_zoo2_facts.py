"""Facts read for the format zoo's rule-scope gaps (issue 14): the party's receipt signature on an
on-the-spot decision, a publicity record's rows, an approval opinion holding only the printed
signing place, a sign-off without a seal mark in a .docx; and a missing duty document on an
input that is not a whole file."""

from audit.checks.engine import run_rule
from audit.checks.examples import case_from_example
from audit.checks.rules import load_rules
from audit.model import Status

RULES = {r.code: r for r in load_rules()}

ONSITE = ("当场行政处罚决定书\n当事人：杭州西湖某某诊所\n本机关当场作出如下行政处罚：警告。\n"
          "当事人签收：本决定书已当场收到。签名：{sig}2023年5月9日\n杭州市西湖区卫生健康局（印章）\n2023年5月9日")


def _case(docs):
    return case_from_example({"documents": [{"type": t, "text": x} for t, x in docs]})


def test_onsite_receipt_signature_signed_blank_refused():
    signed = _case([("onsite_decision", ONSITE.format(sig="沈国强 "))]).documents[0].fields
    assert signed["party_signature"].value == "沈国强" and "party_signature_blank" not in signed
    blank = _case([("onsite_decision", ONSITE.format(sig="　"))]).documents[0].fields
    assert "party_signature" not in blank and "签名" in blank["party_signature_blank"].value
    refused = _case([("onsite_decision", ONSITE.format(sig="当事人拒绝签收，执法人员注明。"))]).documents[0].fields
    assert refused["party_signature"].detail == {"state": "refused"}


def test_onsite_decision_unsigned_fails_and_unread_block_asks():
    assert run_rule(_case([("onsite_decision", ONSITE.format(sig="　"))]), RULES["PRO049"]).status is Status.FAIL
    assert run_rule(_case([("onsite_decision", ONSITE.format(sig="沈国强 "))]), RULES["PRO049"]).status is Status.PASS
    no_block = "当场行政处罚决定书\n当事人：杭州西湖某某诊所\n本机关当场作出如下行政处罚：警告。"
    assert run_rule(_case([("onsite_decision", no_block)]), RULES["PRO049"]).status is Status.NEEDS_REVIEW


PUBLICITY = ("行政处罚信息公示\n行政处罚决定书文号 昆五卫医罚[2024]12号\n处罚决定日期 2024/09/12\n"
             "处罚内容 警告，并处罚款人民币陆仟元整（¥6,000.00）\n行政相对人名称 昆明五华益康诊所\n"
             "处罚依据 违反了《医疗废物管理条例》第十四条第二款的规定，依据《医疗废物管理条例》第四十七条第（一）项的规定\n"
             "处罚机关 昆明市五华区卫生健康局\n数据来源单位 昆明市五华区卫生健康局")


def test_publicity_record_rows_are_read():
    case = _case([("publication", PUBLICITY)])
    assert case.party.name.value == "昆明五华益康诊所"
    assert case.agency.value == "昆明市五华区卫生健康局"
    assert case.dates["decided"].value == "2024-09-12"
    assert case.fine_total.value == 6000
    assert [(c.article, c.item) for c in case.penalty_basis] == [(47, 1)]
    assert [(c.article, c.paragraph) for c in case.violated_provisions] == [(14, 2)]
    assert run_rule(case, RULES["DOC003"]).status is Status.FAIL  # [2024] instead of 〔2024〕


def test_missing_duty_document_on_a_single_document_is_not_applicable():
    decision = ("decision", "当事人：杭州西湖某某诊所\n本机关决定对你单位作出如下行政处罚：罚款人民币陆万元整（¥60,000.00）。\n2020年6月20日")
    assert run_rule(_case([decision]), RULES["PRO030"]).status is Status.NOT_APPLICABLE
    whole = [("filing_report", "立案日期：2020年3月2日"), ("inspection_record", "现场笔录"), decision]
    assert run_rule(_case(whole), RULES["PRO030"]).status is Status.FAIL


def test_approval_opinion_with_only_the_signing_place_is_blank():
    form = ("行政处罚决定审批表\n承办人意见 建议罚款人民币贰万元整。\n承办机构审核意见 同意承办人意见。\n签名：吕建明 2024年6月27日\n"
            "负责人审批意见\n签名： 2024年6月27日")
    assert run_rule(_case([("decision_approval", form)]), RULES["DOC017"]).status is Status.FAIL
    signed = form.replace("签名： 2024年6月27日", "同意。签名：朱卫东 2024年6月27日")
    assert run_rule(_case([("decision_approval", signed)]), RULES["DOC017"]).status is Status.PASS


def test_docx_sign_off_without_the_seal_mark_fails_where_others_bear_it():
    notice = ("advance_notice", "杭州西湖某某诊所：\n本机关拟对你单位作出如下行政处罚：警告。\n杭州市西湖区卫生健康局（印章）\n2023年5月20日")
    decision = ("decision", "当事人：杭州西湖某某诊所\n本机关决定作出如下行政处罚：警告。\n杭州市西湖区卫生健康局\n2023年6月5日")
    assert run_rule(_case([notice, decision]), RULES["DOC009"]).status is Status.FAIL
    sealed = (decision[0], decision[1].replace("卫生健康局\n", "卫生健康局（印章）\n"))
    assert run_rule(_case([notice, sealed]), RULES["DOC009"]).status is Status.PASS


def test_approval_signature_on_the_line_below_is_not_blank():
    form = ("行政处罚决定审批表\n承办人意见：建议罚款人民币贰万元整。\n审批意见：\n同意。\n负责人：\n王海涛　2024年5月30日\n"
            "负责人审批意见：\n签名：\n王海涛　2024年5月30日")
    assert run_rule(_case([("decision_approval", form)]), RULES["DOC017"]).status is Status.PASS
