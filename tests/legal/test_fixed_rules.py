"""Probes for the rules the legal review found wrong or doubtful (issue 15, item 3): each probe
is a fragment a reviewer would judge, kept as a test; dated items are probed from both sides."""

from __future__ import annotations

from audit.checks import load_rules, run_rule
from audit.checks.examples import case_from_example
from audit.model import Severity, Status

RULES = {r.code: r for r in load_rules()}
PARTY = "当事人：杭州西湖某某诊所\n"


def _run(code: str, docs: list[tuple[str, str]]) -> Status:
    return run_rule(case_from_example({"documents": [{"type": t, "text": x} for t, x in docs]}), RULES[code]).status


def test_pro001_review_and_discussion_only_before_the_decision():
    base = [("filing_report", "受理时间：2023年5月8日\n立案日期：2023年5月10日"),
            ("advance_notice", "杭州西湖某某诊所：\n本机关拟对你单位作出如下行政处罚：警告。\n2023年5月26日")]
    # 法制审核 and 集体讨论 after the notice (and after a hearing) and before the decision: lawful
    after_notice = [("legal_review", "法制审核意见：同意。\n2023年6月1日"),
                    ("collective_discussion", "讨论结论：同意。\n2023年6月2日"),
                    ("decision", PARTY + "2023年6月5日")]
    assert _run("PRO001", base + after_notice) is Status.PASS
    late = [("legal_review", "法制审核意见：同意。\n2023年6月9日"), ("decision", PARTY + "2023年6月5日")]
    assert _run("PRO001", base + late) is Status.FAIL


def test_pro001_the_discovering_inspection_may_precede_acceptance():
    docs = [("inspection_record", "现场笔录\n检查时间：2023年5月6日9时00分至10时00分"),
            ("filing_report", "受理时间：2023年5月8日\n立案日期：2023年5月10日"),
            ("decision", PARTY + "2023年6月5日")]
    assert _run("PRO001", docs) is Status.PASS


def test_pro010_not_a_veto_before_the_duty_existed_and_not_on_a_hearing_right():
    assert RULES["PRO010"].effective_from.isoformat() == "2021-07-15"
    assert RULES["PRO030"].severity is Severity.MAJOR and RULES["PRO029"].severity is Severity.MAJOR
    assert RULES["PRO011"].severity is Severity.MAJOR


def test_hearing_notice_period_text_both_sides():
    three = "杭州西湖某某诊所：\n本机关拟对你单位作出罚款的行政处罚，你单位有权要求听证。如要求听证，应在收到本告知书之日起三日内提出。"
    before = [("hearing_notice", three), ("service_receipt", "送达文书：行政处罚听证告知书（杭西卫医罚听告〔2021〕3号）\n送达时间：2021年7月12日")]
    after = [("hearing_notice", three), ("service_receipt", "送达文书：行政处罚听证告知书（杭西卫医罚听告〔2021〕3号）\n送达时间：2021年7月16日")]
    assert _run("DOC024", before) is Status.PASS and _run("DOC011", before) is Status.NOT_APPLICABLE
    assert _run("DOC024", after) is Status.NOT_APPLICABLE and _run("DOC011", after) is Status.FAIL


def test_pro019_electronic_service_only_from_2021():
    receipt = "送达文书：行政处罚决定书（杭西卫医罚〔2021〕12号）\n送达方式：□直接送达 ■电子送达\n送达时间：{d}"
    assert _run("PRO019", [("service_receipt", receipt.format(d="2021年7月1日"))]) is Status.NOT_APPLICABLE
    assert _run("PRO019", [("service_receipt", receipt.format(d="2021年8月2日"))]) is Status.FAIL


def test_dis002_first_violation_only_from_2021():
    text = "当事人：宁波鄞州某某门诊部\n当事人系首次被发现，检查时当场改正。本机关决定作出如下行政处罚：警告。\n{d}"
    assert _run("DIS002", [("decision", text.format(d="2021年7月1日"))]) is Status.NOT_APPLICABLE
    assert _run("DIS002", [("decision", text.format(d="2021年8月2日"))]) is Status.NEEDS_REVIEW


def test_law011_judges_the_stated_act_date_not_the_discovery_date():
    decision = ("行政处罚决定书\n经查，你于{a}期间超出注册的执业范围执业。你的上述行为违反了《中华人民共和国执业医师法》第十四条第二款的规定。"
                "依据《中华人民共和国执业医师法》第三十九条的规定，本机关决定对你作出如下行政处罚：罚款人民币伍仟元整（¥5,000.00）。\n二〇二二年六月二十日")
    inspected = ("inspection_record", "现场笔录\n检查时间：2022年5月10日9时00分至10时00分")
    # discovered after 执业医师法 was repealed (2022-03-01), but the act the file states was before: correct citation
    assert _run("LAW011", [inspected, ("decision", decision.format(a="2021年10月1日至2022年1月20日"))]) is Status.PASS
    assert _run("LAW011", [inspected, ("decision", decision.format(a="2022年3月10日至2022年5月10日"))]) is Status.FAIL


def test_pro002_an_approved_extension_is_lawful():
    docs = [("filing_report", "立案日期：2023年1月10日"), ("decision", PARTY + "2023年5月10日")]
    assert _run("PRO002", docs) is Status.FAIL
    ext = ("extension_approval", "延长办案期限审批表\n上级机关意见：同意延长三个月。\n2023年4月3日")
    assert _run("PRO002", docs[:1] + [ext] + docs[1:]) is Status.PASS


def test_doc008_instalments_and_surcharge_are_not_defects():
    decision = ("decision", PARTY + "本机关决定作出如下行政处罚：罚款人民币贰万元整（¥20,000.00）。")
    parts = [("payment_receipt", "金额合计（大写）人民币壹万元整（小写）¥10,000.00")] * 2
    assert _run("DOC008", [decision, *parts]) is Status.PASS
    assert _run("DOC008", [decision, ("payment_receipt", "金额合计（大写）人民币贰万陆仟元整（小写）¥26,000.00")]) is Status.NEEDS_REVIEW
    assert _run("DOC008", [decision, ("payment_receipt", "金额合计（大写）人民币贰仟元整（小写）¥2,000.00")]) is Status.FAIL


def test_pro014_compares_with_the_latest_notice():
    first = ("advance_notice", "杭州西湖某某诊所：\n本机关拟对你单位作出如下行政处罚：罚款人民币贰万元整（¥20,000.00）。\n2023年5月10日")
    second = ("advance_notice", "杭州西湖某某诊所：\n本机关重新告知，拟对你单位作出如下行政处罚：罚款人民币叁万元整（¥30,000.00）。\n2023年6月1日")
    decision = ("decision", PARTY + "本机关决定对你单位作出如下行政处罚：罚款人民币叁万元整（¥30,000.00）。")
    assert _run("PRO014", [first, second, decision]) is Status.PASS
    assert _run("PRO014", [first, decision]) is Status.FAIL


def test_hearing_trigger_uses_the_penalty_proposed():
    notice = "杭州西湖某某诊所：\n本机关拟对你单位作出如下行政处罚：罚款人民币壹拾伍万元整（¥150,000.00）。你单位可在三日内提出陈述、申辩。"
    decision = PARTY + "本机关决定对你单位作出如下行政处罚：罚款人民币伍仟元整（¥5,000.00）。"
    # the decision fell below the amount after the defence, but the notice proposed a large fine
    whole_file = ("inspection_record", "现场笔录")  # fewer than 3 documents: not a whole file (not_applicable)
    assert _run("PRO027", [whole_file, ("advance_notice", notice), ("decision", decision)]) is Status.FAIL


def test_dis001_and_doc003_cite_their_true_sources():
    assert all(b.article != "第三十四条" for b in RULES["DIS001"].basis)
    assert "可以" in RULES["DIS001"].why and "国办发〔2022〕27号" in RULES["DIS001"].why
    assert any("9704" in b.instrument for b in RULES["DOC003"].basis)


def test_health_department_under_the_2025_infectious_disease_law_asks_for_review():
    text = ("杭州市西湖区卫生健康局\n行政处罚决定书\n当事人：杭州西湖某某疾病预防控制中心\n"
            "你单位的上述行为违反了《中华人民共和国传染病防治法》第三十条的规定。依据《中华人民共和国传染病防治法》"
            "第一百零三条第（一）项的规定，本机关决定对你单位作出如下行政处罚：警告。\n杭州市西湖区卫生健康局\n2025年10月20日")
    assert _run("AUT004", [("decision", text)]) is Status.NEEDS_REVIEW


def test_authority_adapter_reads_every_registry_shape():
    from types import SimpleNamespace

    from audit.checks.kinds.jurisdiction import _judge, provision_authority
    from audit.model import Status as S

    class Reg:
        def __init__(self, found):
            self.found = found

        def authority_for(self, version_id, article, paragraph=None):
            return self.found

        def excluded(self, *args):
            return None

    for found in ("设区的市级人民政府卫生主管部门", {"body": "卫生主管部门", "level": "设区的市级"},
                  SimpleNamespace(text="设区的市级人民政府卫生主管部门")):
        text = provision_authority(Reg(found), "x", 72, None, [])
        assert _judge("杭州市西湖区卫生健康局", text)[0] is S.FAIL, found
    facts = [SimpleNamespace(authority="县级以上人民政府卫生行政部门")]
    assert provision_authority(Reg(None), "x", 44, None, facts) == "县级以上人民政府卫生行政部门"


def _decision(agency: str, law: str, basis: str, day: str = "2023年6月5日") -> list[tuple[str, str]]:
    return [("decision", f"{agency}\n行政处罚决定书\n当事人：某某医院\n你单位的上述行为违反了《{law}》第三十条的规定。"
                         f"依据《{law}》{basis}的规定，本机关决定对你单位作出如下行政处罚：警告。\n{agency}\n{day}")]


def test_jurisdiction_examples_of_the_issue():
    health = "杭州市西湖区卫生健康局"
    # most 医疗器械监督管理条例 penalties belong to 药品监督管理 departments; 第八十二条 (大型医用设备) to health
    assert _run("AUT004", _decision(health, "医疗器械监督管理条例", "第八十一条第一款第（一）项")) is Status.FAIL
    assert _run("AUT004", _decision(health, "医疗器械监督管理条例", "第八十二条")) is Status.PASS
