"""Every rule knows its dates: a window (effective from/to, judged on a named act) or a written
reason why its legal content never changed; each window is probed from both sides, and a case
that straddles a cut-over never escapes both the old rule and the new one."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.checks import load_rules, run_rule
from audit.checks.engine import window_outcome
from audit.checks.examples import case_from_example
from audit.checks.timeline import procedure
from audit.model import Case, Field, Status

RULES = {r.code: r for r in load_rules()}
WINDOWED = [r for r in RULES.values() if r.effective_from or r.effective_to]
DAY = dt.timedelta(days=1)

# old-law rule -> its successor (the same duty with the values of the new text)
TWINS = {
    "PRO024": "PRO004",  # 七日 → 七个工作日 送达 (行政处罚法 第四十条 → 第六十一条、第八十五条)
    "PRO025": "PRO006",  # 三日 → 五个工作日 听证申请
    "PRO031": "PRO013",  # 五十元/一千元 → 二百元/三千元 当场处罚
    "PRO026": "PRO009",  # 听证范围 1996 第四十二条 → 2021 第六十三条
    "PRO030": "PRO010",  # 审核 2017 第三十八条第三款 → 法制审核 2021 第五十八条
    "PRO033": "PRO032",  # 听证通知 七日 → 七个工作日
    "PRO037": "PRO036",  # 先行登记保存 七日 → 七个工作日
    "DOC024": "DOC011",  # 听证告知书 三日 → 五日
    "DOC026": "DOC020",  # 当场处罚决定书事项
    "PRO002": "PRO003",  # 卫生行政处罚程序 三个月 → 卫生健康行政处罚程序规定 (2025-06-01)
    "PRO007": None,      # 受理后七日立案 (1997 rule only)
}


def test_every_rule_has_a_window_or_a_reason():
    bare = [r.code for r in RULES.values() if not (r.effective_from or r.effective_to or r.unchanged)]
    assert not bare, f"rules with neither an effective window nor an 'unchanged' reason: {bare}"


def test_windows_are_judged_on_known_acts():
    acts = set(procedure()["acts"]) | {"violation"}
    assert all(r.judged_on in acts for r in RULES.values())


def _case_on(rule, day: dt.date, stated: bool = True) -> Case:
    case = Case(case_id="probe", source="<probe>")
    if rule.judged_on == "violation":
        key = "act_ended" if stated else "inspected"
        case.dates[key] = Field(day.isoformat(), "", None)
        return case
    ref = procedure()["acts"][rule.judged_on]["from"]
    assert ref.startswith("case."), (rule.code, ref)
    case.dates[ref.removeprefix("case.")] = Field(day.isoformat(), "", None)
    return case


@pytest.mark.parametrize("rule", WINDOWED, ids=lambda r: r.code)
def test_each_window_from_both_sides(rule):
    if rule.effective_from:
        assert window_outcome(rule, _case_on(rule, rule.effective_from)) is None
        outside = window_outcome(rule, _case_on(rule, rule.effective_from - DAY))
        assert outside is not None and outside.status is Status.NOT_APPLICABLE
    if rule.effective_to:
        assert window_outcome(rule, _case_on(rule, rule.effective_to)) is None
        outside = window_outcome(rule, _case_on(rule, rule.effective_to + DAY))
        assert outside is not None and outside.status is Status.NOT_APPLICABLE


@pytest.mark.parametrize("old, new", [(o, n) for o, n in TWINS.items() if n], ids=lambda c: c)
def test_twins_meet_at_the_cut_over(old, new):
    """The old rule ends the day before the new one starts, on the same act: no gap, no overlap."""
    a, b = RULES[old], RULES[new]
    assert a.effective_to and b.effective_from and a.effective_to + DAY == b.effective_from
    assert a.judged_on == b.judged_on and set(a.detects) == set(b.detects)
    for day in (a.effective_to - DAY, a.effective_to, b.effective_from, b.effective_from + DAY):
        applies = [r.code for r in (a, b) if window_outcome(r, _case_on(r, day)) is None]
        assert len(applies) == 1, (day, applies)


def test_unstated_act_date_near_a_cut_over_asks_for_review():
    """judged on the violation: only the discovery date known, and the act may precede the cut-over."""
    rule = RULES["DIS006"]  # 第二十八条第二款, from 2021-07-15
    found = dt.date(2022, 3, 1)  # within two years of the cut-over
    outcome = window_outcome(rule, _case_on(rule, found, stated=False))
    assert outcome is not None and outcome.status is Status.NEEDS_REVIEW
    assert window_outcome(rule, _case_on(rule, dt.date(2024, 3, 1), stated=False)) is None
    assert window_outcome(rule, _case_on(rule, dt.date(2021, 7, 1), stated=False)).status is Status.NOT_APPLICABLE
    assert window_outcome(rule, _case_on(rule, found, stated=True)) is None  # a stated date decides


def _run(code: str, docs: list[tuple[str, str]]):
    return run_rule(case_from_example({"documents": [{"type": t, "text": x} for t, x in docs]}), RULES[code])


def test_case_filed_before_and_decided_after_the_2025_cut_over_keeps_a_limit():
    docs = [("filing_report", "立案日期：2025年2月10日"), ("decision", "当事人：杭州西湖某某诊所\n2025年6月20日")]
    assert _run("PRO002", docs).status is Status.FAIL  # three months ran out on 2025-05-10
    assert _run("PRO003", docs).status is Status.NOT_APPLICABLE
    docs = [("filing_report", "立案日期：2025年6月2日"), ("decision", "当事人：杭州西湖某某诊所\n2025年11月20日")]
    assert _run("PRO002", docs).status is Status.NOT_APPLICABLE
    assert _run("PRO003", docs).status is Status.NEEDS_REVIEW  # 90 days; the 2025 rule's own period unverified


SERVE = "送达文书：行政处罚决定书（杭西卫医罚〔{y}〕12号）\n送达时间：{d}"


@pytest.mark.parametrize("decided, served, old, new", [
    # before 2021-07-15: seven calendar days (2021-07-09 → 07-16)
    ("2021年7月9日", "2021年7月16日", "pass", "not_applicable"),
    ("2021年7月9日", "2021年7月19日", "fail", "not_applicable"),
    # from 2021-07-15: seven working days (2021-07-15 Thu → 07-26 Mon)
    ("2021年7月15日", "2021年7月26日", "not_applicable", "pass"),
    ("2021年7月15日", "2021年7月27日", "not_applicable", "fail"),
])
def test_service_period_on_both_sides_of_2021_07_15(decided, served, old, new):
    docs = [("decision", f"当事人：杭州西湖某某诊所\n{decided}"), ("service_receipt", SERVE.format(y=2021, d=served))]
    assert _run("PRO024", docs).status.value == old
    assert _run("PRO004", docs).status.value == new


HEARING = "送达文书：行政处罚听证告知书（杭西卫医罚听告〔2021〕12号）\n送达时间：{d}"


@pytest.mark.parametrize("served, decided, old, new", [
    ("2021年7月12日", "2021年7月16日", "pass", "not_applicable"),   # 3 days ran out on 07-15
    ("2021年7月12日", "2021年7月15日", "fail", "not_applicable"),
    ("2021年7月15日", "2021年7月21日", "not_applicable", "fail"),   # 5 working days: to 07-22
    ("2021年7月15日", "2021年7月23日", "not_applicable", "pass"),
])
def test_hearing_request_period_on_both_sides(served, decided, old, new):
    docs = [("service_receipt", HEARING.format(d=served)), ("decision", f"当事人：杭州西湖某某诊所\n{decided}")]
    assert _run("PRO025", docs).status.value == old
    assert _run("PRO006", docs).status.value == new


@pytest.mark.parametrize("text, old, new", [
    ("罚款人民币伍佰元整（¥500.00）。\n2021年7月14日", "pass", "not_applicable"),
    ("罚款人民币贰仟元整（¥2,000.00）。\n2021年7月14日", "fail", "not_applicable"),
    ("罚款人民币贰仟元整（¥2,000.00）。\n2021年7月15日", "not_applicable", "pass"),
    ("罚款人民币伍仟元整（¥5,000.00）。\n2021年7月15日", "not_applicable", "fail"),
    ("通报批评。\n2021年7月15日", "not_applicable", "fail"),  # 第五十一条: 罚款或者警告 only
])
def test_on_the_spot_limits_on_both_sides(text, old, new):
    docs = [("onsite_decision", f"当事人：杭州西湖某某诊所\n本机关当场作出如下行政处罚：{text}")]
    assert _run("PRO031", docs).status.value == old
    assert _run("PRO013", docs).status.value == new


def test_hearing_right_for_closure_and_proposed_penalty():
    notice = "杭州西湖某某诊所：\n本机关拟对你单位作出如下行政处罚：{p}。你单位可在三日内提出陈述、申辩。\n{d}"
    receipt = "送达文书：行政处罚事先告知书（杭西卫医罚告〔2021〕12号）\n送达时间：{d}"
    for day, old, new in (("2021年7月14日", "not_applicable", "not_applicable"), ("2021年7月15日", "not_applicable", "fail")):
        docs = [("advance_notice", notice.format(p="责令关闭", d=day)), ("service_receipt", receipt.format(d=day)),
                ("decision", "当事人：杭州西湖某某诊所\n本机关决定对你单位作出如下行政处罚：警告。\n2021年8月20日")]
        # 责令关闭 is not in the 1996 hearing list; it is in 第六十三条 (2021), judged on the proposed penalty
        assert _run("PRO026", docs).status.value == old, day
        assert _run("PRO009", docs).status.value == new, day


def test_legal_review_duty_follows_the_law_of_the_decision_date():
    hearing = ("hearing_record", "听证笔录\n听证时间：{d}9时00分至10时30分")
    for decided, pro030, pro010 in (("2017年12月20日", "not_applicable", "not_applicable"),
                                    ("2020年6月20日", "fail", "not_applicable"),
                                    ("2021年8月20日", "not_applicable", "fail")):
        docs = [("inspection_record", "现场笔录"),  # a whole file, not a single decision (threshold_duty)
                (hearing[0], hearing[1].format(d=decided)),
                ("decision", f"当事人：杭州西湖某某诊所\n本机关决定对你单位作出如下行政处罚：警告。\n{decided}")]
        assert _run("PRO030", docs).status.value == pro030, decided
        assert _run("PRO010", docs).status.value == pro010, decided
    # a hearing right alone (no hearing held) is not 第五十八条第一款第（二）项
    docs = [("advance_notice", "杭州西湖某某诊所：\n本机关拟对你单位作出如下行政处罚：吊销《医疗机构执业许可证》。你单位有权要求听证。"),
            ("decision", "当事人：杭州西湖某某诊所\n本机关决定对你单位作出如下行政处罚：吊销《医疗机构执业许可证》。\n2023年8月20日")]
    assert _run("PRO010", docs).status is Status.NOT_APPLICABLE
