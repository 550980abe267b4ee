"""The legal-application rules: on the committed samples, and on fragments that must not raise false alarms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from audit.checks import load_rules, run_rule
from audit.checks.examples import case_from_example
from audit.model import Status
from audit.pipeline import read_case

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "cases"
LAW_RULES = [r for r in load_rules() if r.source == "legal-application.yaml"]
CODES = {r.code: r for r in LAW_RULES}
DETECTS = {
    "missing_violated_or_basis", "citation_imprecise", "article_not_found", "violation_basis_mismatch",
    "penalty_kind_not_allowed", "fine_out_of_range", "companion_penalty_missing", "old_penalty_law_numbering",
    "notice_decision_citation_mismatch", "repealed_instrument_cited", "superseded_numbering_cited",
    "review_body_wrong", "remedy_period_wrong", "review_first_notice_missing",
}


def test_codes_and_detects():
    assert all(r.code.startswith(("LAW", "PRO9")) for r in LAW_RULES)
    assert {d for r in LAW_RULES for d in r.detects} == DETECTS
    assert all(r.detects and r.dimension in ("法律适用", "程序合法") for r in LAW_RULES)
    catalogue = REPO / "checklists" / "defects.yaml"
    if catalogue.exists():
        known = {t["type"] for t in yaml.safe_load(catalogue.read_text(encoding="utf-8"))["types"]}
        assert DETECTS <= known, DETECTS - known


@pytest.fixture(scope="module", params=sorted(p.name for p in SAMPLES.iterdir() if (p / "truth.json").exists()))
def sample(request):
    folder = SAMPLES / request.param
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return request.param, truth, read_case(folder / "case.pdf")


def test_no_false_alarm_on_samples(sample):
    """Clean samples: no fail; ord-2024-waste: only its own defects (party name, amount), none legal."""
    name, truth, case = sample
    findings = [run_rule(case, r) for r in LAW_RULES]
    assert not [f for f in findings if f.status is Status.ERROR], [(f.rule, f.observed) for f in findings]
    expected = {d["type"] for d in truth["defects"]} & DETECTS
    failed = {d for f in findings if f.status is Status.FAIL for d in CODES[f.rule].detects}
    assert failed == expected, [(f.rule, f.observed) for f in findings if f.status is Status.FAIL]


def test_samples_pass_the_core_checks(sample):
    name, _, case = sample
    status = {r.code: run_rule(case, r).status for r in LAW_RULES}
    for code in ("LAW001", "LAW003", "LAW004", "LAW005", "LAW006", "LAW011", "LAW013", "LAW015"):
        assert status[code] is Status.PASS, (name, code)
    if name.startswith("simple"):
        assert status["LAW014"] is Status.PASS and status["LAW012"] is Status.PASS
    else:
        assert status["LAW002"] is Status.PASS and status["LAW010"] is Status.PASS


# ----------------------------------------------------------------------------- false-alarm guards

AGENCY = "宁波市鄞州区卫生健康局"
REMEDY = ("如不服本处罚决定，可以在收到本决定书之日起六十日内向宁波市鄞州区人民政府申请行政复议，"
          "也可以在收到本决定书之日起六个月内直接向宁波市鄞州区人民法院提起行政诉讼。")


def inspection(day: str) -> dict:
    return {"type": "inspection_record", "text": f"现场笔录\n检查时间：{day}9时00分至10时00分"}


def decision(body: str, day: str = "二〇二四年四月九日") -> dict:
    return {"type": "decision", "text": f"{AGENCY}\n行政处罚决定书\n{body}\n{REMEDY}\n{AGENCY}\n{day}"}


def judge(code: str, *docs: dict):
    return run_rule(case_from_example({"documents": list(docs)}), CODES[code])


GUARDS = [
    # rule text without article data: needs_review, never fail
    ("饮用水办法无条文", "2024年3月11日",
     "违反了《生活饮用水卫生监督管理办法》第六条的规定。依据《生活饮用水卫生监督管理办法》第二十六条第一款的规定，"
     "本机关决定对你单位作出如下行政处罚：警告，并处罚款人民币贰仟元整（¥2,000.00）。", "二〇二四年四月九日",
     {"LAW003": "needs_review", "LAW004": "needs_review", "LAW005": "needs_review", "LAW006": "needs_review",
      "LAW007": "needs_review", "LAW008": "needs_review", "LAW011": "pass"}),
    # several instruments in the violated provisions, 行政处罚法 discretion article in the basis
    ("多部法规", "2024年3月11日",
     "违反了《医疗机构管理条例实施细则》第八十一条和《医疗机构管理条例》第二十七条的规定。依据《医疗机构管理条例》第四十七条"
     "和《中华人民共和国行政处罚法》第三十二条第（一）项的规定，本机关决定对你单位作出如下行政处罚：罚款人民币贰万元整（¥20,000.00）。",
     "二〇二四年四月九日",
     {"LAW005": "pass", "LAW006": "pass", "LAW007": "pass", "LAW008": "pass", "LAW011": "pass", "LAW015": "pass"}),
    # 从旧: act before the repeal of 执业医师法
    ("从旧适用执业医师法", "2022年1月11日",
     "违反了《中华人民共和国执业医师法》第十四条第二款的规定。依据《中华人民共和国执业医师法》第三十九条的规定，"
     "本机关决定对你作出如下行政处罚：罚款人民币伍仟元整（¥5,000.00）。", "二〇二二年四月九日",
     {"LAW011": "pass", "LAW004": "needs_review", "LAW007": "needs_review"}),
    # a penalty by reference to another law, linked through the referring provision
    ("依照基本医疗卫生与健康促进法", "2024年3月11日",
     "违反了《医疗机构管理条例》第二十三条的规定。依据《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款的规定，"
     "本机关决定对你作出如下行政处罚：没收药品、器械，并处罚款人民币伍万元整（¥50,000.00）。", "二〇二四年四月九日",
     {"LAW005": "pass", "LAW006": "pass", "LAW007": "needs_review", "LAW008": "pass"}),
    # 违法所得 stated: multiple with the 1万元 floor
    ("违法所得不足一万元", "2024年3月11日",
     "经查，你的违法所得为人民币3000元。违反了《中华人民共和国医师法》第十三条第四款的规定。依据《中华人民共和国医师法》第五十九条"
     "的规定，本机关决定对你作出如下行政处罚：没收违法所得人民币叁仟元整（¥3,000.00），没收药品、医疗器械，"
     "并处罚款人民币叁万元整（¥30,000.00）。", "二〇二四年四月九日",
     {"LAW006": "pass", "LAW007": "pass", "LAW008": "pass"}),
    # a fine only the heavier tier allows: fail when the decision never mentions the circumstance,
    # review when it may describe it in other words, pass when it states it
    ("逾期不改正档未提及情节", "2024年3月11日",
     "违反了《医疗废物管理条例》第十四条第二款的规定。依据《医疗废物管理条例》第四十七条第（一）项的规定，"
     "本机关决定对你单位作出如下行政处罚：罚款人民币贰万元整（¥20,000.00）。", "二〇二四年四月九日",
     {"LAW007": "fail", "LAW008": "pass"}),
    ("逾期不改正档表述不明", "2024年3月11日",
     "经复查，你单位仍未改正。违反了《医疗废物管理条例》第十四条第二款的规定。依据《医疗废物管理条例》第四十七条第（一）项的规定，"
     "本机关决定对你单位作出如下行政处罚：罚款人民币贰万元整（¥20,000.00）。", "二〇二四年四月九日",
     {"LAW007": "needs_review", "LAW008": "pass"}),
    ("逾期不改正档写明情节", "2024年3月11日",
     "你单位经责令限期改正，逾期不改正。违反了《医疗废物管理条例》第十四条第二款的规定。依据《医疗废物管理条例》第四十七条第（一）项"
     "的规定，本机关决定对你单位作出如下行政处罚：罚款人民币贰万元整（¥20,000.00）。", "二〇二四年四月九日",
     {"LAW007": "pass", "LAW008": "pass"}),
    # act before the 2022 revision, decision after: both numberings are candidates (从旧兼从轻)
    ("修订前后", "2022年3月11日",
     "违反了《医疗机构管理条例》第二十八条的规定。依据《医疗机构管理条例》第四十八条的规定，本机关决定对你单位作出如下行政处罚："
     "罚款人民币伍仟元整（¥5,000.00）。", "二〇二二年六月九日",
     {"LAW004": "pass", "LAW005": "pass", "LAW006": "pass", "LAW007": "pass", "LAW011": "pass", "LAW015": "pass"}),
]


@pytest.mark.parametrize("label,day,body,decided,expected", GUARDS, ids=[g[0] for g in GUARDS])
def test_false_alarm_guards(label, day, body, decided, expected):
    docs = (inspection(day), decision(body, decided))
    for code, status in expected.items():
        finding = judge(code, *docs)
        assert finding.status.value == status, (label, code, finding.observed)


def test_unknown_act_date_considers_earlier_versions():
    """A lone decision (no inspection or filing date): the act may predate the 2022 revision."""
    body = ("违反了《医疗机构管理条例》第二十七条的规定。依据《医疗机构管理条例》第四十七条的规定，"
            "本机关决定对你单位作出如下行政处罚：警告，并处罚款人民币贰万元整（¥20,000.00）。")
    doc = decision(body, "二〇二三年六月五日")
    assert judge("LAW006", doc).status is Status.PASS  # 警告 allowed by the 2016 text of 第四十七条
    assert judge("LAW006", inspection("2023年5月8日"), doc).status is Status.FAIL  # act known: 2022 text only


def test_repealed_with_unknown_act_date_is_review():
    body = ("违反了《中华人民共和国执业医师法》第十四条第二款的规定。依据《中华人民共和国执业医师法》第三十九条的规定，"
            "本机关决定对你作出如下行政处罚：罚款人民币伍仟元整（¥5,000.00）。")
    assert judge("LAW011", decision(body, "二〇二二年五月九日")).status is Status.NEEDS_REVIEW
    assert judge("LAW011", decision(body, "二〇二八年五月九日")).status is Status.FAIL  # beyond the look-back


def test_findings_cite_evidence_and_law_text():
    body = ("违反了《医疗机构管理条例》第二十七条的规定。依据《医疗机构管理条例》第四十七条的规定，"
            "本机关决定对你单位作出如下行政处罚：罚款人民币伍仟元整（¥5,000.00）。")
    f = judge("LAW007", inspection("2023年5月9日"), decision(body, "二〇二三年六月六日"))
    assert f.status is Status.FAIL and f.basis
    assert any(e.document and e.page for e in f.evidence)
    assert "1万元以上10万元以下" in f.observed and "使用非卫生技术人员" in f.observed  # range and article text
    assert "—" not in f.observed


def test_procedure_numbering_needs_topic_words():
    notice = {"type": "advance_notice", "text": "行政处罚事先告知书\n依据《中华人民共和国行政处罚法》第三十二条第（一）项的规定，"
              "对你单位从轻处罚。\n二〇二二年八月二十三日"}
    assert judge("LAW009", notice).status is Status.PASS  # 第三十二条 cited for 从轻: the 2021 meaning
    old = {"type": "decision", "text": "行政处罚决定书\n到期不缴纳罚款的，依据《中华人民共和国行政处罚法》第五十一条第（一）项的规定，"
           "每日按罚款数额的百分之三加处罚款。\n二〇二三年四月九日"}
    f = judge("LAW009", old)
    assert f.status is Status.FAIL and "第七十二条" in f.observed
    before = {"type": "decision", "text": old["text"].replace("二〇二三年四月九日", "二〇二〇年四月九日")}
    assert judge("LAW009", before).status is Status.NOT_APPLICABLE


def test_remedy_rules_read_the_right_clause():
    text = (f"{AGENCY}\n行政处罚决定书\n请你单位自收到本决定书之日起十五日内缴纳罚款。如不服本决定，可以在六十日内向"
            f"宁波市鄞州区人民政府或者宁波市卫生健康委员会申请行政复议。\n{AGENCY}\n二〇二四年四月九日")
    doc = {"type": "decision", "text": text}
    assert judge("LAW013", doc).status is Status.PASS  # the payment period is not a review period
    f = judge("LAW012", doc)
    assert f.status is Status.FAIL and "宁波市卫生健康委员会" in f.observed
    upper = {"type": "decision", "text": text.replace("宁波市鄞州区人民政府或者宁波市卫生健康委员会", "宁波市人民政府")}
    assert judge("LAW012", upper).status is Status.FAIL
    same = {"type": "decision", "text": text.replace("宁波市鄞州区人民政府或者宁波市卫生健康委员会", "鄞州区人民政府")}
    assert judge("LAW012", same).status is Status.PASS  # short name: not this rule's business
    before = {"type": "decision", "text": text.replace("二〇二四年", "二〇二三年")}
    assert judge("LAW012", before).status is Status.NOT_APPLICABLE


@pytest.mark.parametrize("label,day,body,decided,expected", GUARDS, ids=[g[0] for g in GUARDS])
def test_every_fail_or_review_points_at_evidence(label, day, body, decided, expected):
    docs = (inspection(day), decision(body, decided))
    for code in expected:
        finding = judge(code, *docs)
        if finding.status in (Status.FAIL, Status.NEEDS_REVIEW):
            assert finding.evidence and all(e.document and e.page for e in finding.evidence), (label, code)
            assert finding.basis and finding.observed


def test_basis_the_extractor_misses_is_read():
    """按照…违反…规定 before the basis sentence must not hide it (overlapping sentences)."""
    body = ("本机关认为，你单位未将医疗废物按照类别分置于专用包装物或者容器的行为，违反了《医疗废物管理条例》第十六条第一款的规定。"
            "依据《医疗废物管理条例》第五十条的规定，本机关责令你单位改正，并决定对你单位作出如下行政处罚：警告。")
    docs = (inspection("2022年3月1日"), decision(body, "二〇二二年三月二十四日"))
    assert judge("LAW001", *docs).status is Status.PASS
    f = judge("LAW005", *docs)
    assert f.status is Status.FAIL and "第四十六条第（二）项" in f.observed
    assert judge("LAW006", *docs).status is Status.NEEDS_REVIEW  # the wrong basis is LAW005's finding


def test_page_break_inside_a_title_or_an_amount():
    docs = [
        inspection("2024年3月11日"),
        {"type": "advance_notice", "text": "行政处罚事先告知书\n违反了《医疗机构管理条例》第二十三条的规定。依据《医疗机构管理条例》"
         "第四十三条第一款、《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款的规定，本机关拟对你作出如下行政处罚：罚款。"
         "\n二〇二四年三月二十九日"},
        {"type": "decision", "text": "行政处罚决定书\n违反了《医疗机构管理条例》第二十三条的规定。依据《医疗机构管理条例》"
         "第四十三条第一款、《中华人民共和国基本医疗卫生与\n第 2 页\n健康促进法》第九十九条第一款的规定，本机关决定对你作出如下行政处罚："
         "没收药品、器械，并处罚款人民币伍万\n第 2 页\n元整（¥5,000.00）。\n二〇二四年四月九日"},
    ]
    assert judge("LAW010", *docs).status is Status.PASS  # 《基本医疗卫生与第2页健康促进法》 is cleaned
    assert judge("LAW007", *docs).status is Status.NEEDS_REVIEW  # 伍万 vs 5,000 across the break


def test_mitigated_penalty_below_the_minimum_is_reviewed():
    body = ("违反了《医疗机构管理条例》第二十七条的规定。当事人主动消除违法行为危害后果，依据《医疗机构管理条例》第四十七条和"
            "《中华人民共和国行政处罚法》第三十二条第（一）项的规定，减轻处罚，本机关决定对你单位作出如下行政处罚："
            "罚款人民币伍仟元整（¥5,000.00）。")
    docs = (inspection("2023年5月9日"), decision(body, "二〇二三年六月六日"))
    assert judge("LAW007", *docs).status is Status.NEEDS_REVIEW
    assert judge("LAW009", *docs).status is Status.PASS  # 第三十二条 for 减轻: the 2021 meaning


def test_sanctions_of_other_bodies_or_persons_are_not_owed_by_the_party():
    """LAW008: a tier imposed by another body (原登记部门 …) or a sanction on other persons (有关医务人员 …)
    is not a companion penalty the party's decision must contain."""
    organ = ("依据《人体器官捐献和移植条例》第三十九条的规定，本机关决定对你单位作出如下行政处罚：没收违法所得人民币壹万元整"
             "（¥10,000.00），并处罚款人民币贰拾万元整（¥200,000.00）。")
    docs = (inspection("2024年6月11日"), decision(organ, "二〇二四年七月九日"))
    assert judge("LAW008", *docs).status is Status.PASS
    assert judge("LAW006", *docs).status is Status.PASS
    dispute = ("依据《医疗纠纷预防和处理条例》第四十六条的规定，本机关决定对你单位作出如下行政处罚：没收违法所得人民币壹万元整"
               "（¥10,000.00），并处罚款人民币陆万元整（¥60,000.00）。")
    docs = (inspection("2024年3月11日"), decision(dispute))
    assert judge("LAW008", *docs).status is Status.PASS


def test_multiple_of_goods_value_is_not_read_from_illegal_income():
    """LAW007: 违法所得 in the decision is not the 货值金额 base of 疫苗管理法 第九十一条第二款."""
    body = ("经查，你单位违法所得人民币贰万元。依据《中华人民共和国疫苗管理法》第九十一条第二款的规定，本机关决定对你单位作出如下"
            "行政处罚：没收违法所得人民币贰万元整（¥20,000.00），没收违法持有的疫苗，并处罚款人民币陆拾万元整（¥600,000.00）。")
    docs = (inspection("2024年3月11日"), decision(body))
    assert judge("LAW007", *docs).status is Status.NEEDS_REVIEW  # 货值金额 unknown: no upper bound
    low = body.replace("陆拾万元整（¥600,000.00）", "叁拾万元整（¥300,000.00）")
    f = judge("LAW007", inspection("2024年3月11日"), decision(low))
    assert f.status is Status.FAIL  # below 10 × the 5万元 floor of 货值金额 whatever the base


def test_obligations_named_by_some_items_only_do_not_prove_a_mismatch():
    """LAW005: 人体器官捐献和移植条例 第四十条 names 第十五条、第二十九条 in two of its seven 项; a violation of
    another article punished under it (第（四）项, 分配系统) is not a mismatch (enforces_complete: false)."""
    body = ("违反了《人体器官捐献和移植条例》第二十一条第一款的规定。依据《人体器官捐献和移植条例》第四十条第（四）项的规定，"
            "本机关决定对你单位作出如下行政处罚：没收违法所得人民币壹万元整（¥10,000.00），并处罚款人民币贰拾万元整（¥200,000.00）。")
    f = judge("LAW005", inspection("2024年6月11日"), decision(body, "二〇二四年七月九日"))
    assert f.status is not Status.FAIL, f.observed


def test_a_basis_excluded_from_the_registry_says_why():
    """献血法 第十九条 (血站违规采集血液: 责令改正, 处分, 赔偿) imposes no penalty: review with the reason."""
    body = ("违反了《中华人民共和国献血法》第十二条的规定。依据《中华人民共和国献血法》第十九条的规定，本机关决定对你单位作出如下"
            "行政处罚：警告，并处罚款人民币伍仟元整（¥5,000.00）。")
    f = judge("LAW007", inspection("2024年3月11日"), decision(body))
    assert f.status is Status.NEEDS_REVIEW and "未规定行政处罚种类" in f.observed, f.observed
