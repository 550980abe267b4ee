"""Clean scenarios obey the statutory periods and the law of their dates (checked independently).

Periods (shared/domain/case-file-review.md §0, §2): filing within 7 days of acceptance (1997
health rule, before 2025-06-01); decision within 3 months (before 2025-06-01) or 90 days of
filing; no decision before the defence period (and the 5-working-day hearing request window)
has run; decision served within 7 working days; fine paid within 15 days of service; every
act on a Chinese working day. Fines: inside the range of the penalty provision of the version
in force on the act date, read here directly from checklists/law/penalties.yaml.
"""

import datetime as dt
import random

import chinese_calendar
import pytest

from audit.law.registry import Registry
from audit.parse.identifiers import is_valid_credit_code, is_valid_id_number

SEEDS = [f"clean-test:{i}" for i in range(120)]


def _workdays_after(start: dt.date, n: int) -> dt.date:
    day = start
    while n:
        day += dt.timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day


def _three_months(day: dt.date) -> dt.date:
    month = day.month + 3
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    for dd in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, dd)
        except ValueError:
            continue
    raise AssertionError


@pytest.fixture(scope="module")
def scenarios(gen):
    out = []
    for seed in SEEDS:
        rng = random.Random(seed)
        sc = gen.scenario.make_scenario(seed, rng)
        out.append(sc)
    return out


def test_generator_self_check_is_clean(gen, scenarios):
    for sc in scenarios:
        assert gen.scenario.check_clean(sc) == [], sc.case_id


def test_mix_of_procedures_templates_and_violations(scenarios):
    assert {sc.procedure for sc in scenarios} == {"ordinary", "simple"}
    assert len({sc.template.key for sc in scenarios}) >= 3
    assert len({sc.violation.key for sc in scenarios}) >= 10
    assert {sc.party["type"] for sc in scenarios} >= {"organisation", "individual"}


def test_statutory_periods_on_the_working_day_calendar(scenarios):
    for sc in scenarios:
        dd = {k: v for k, v in sc.dates.items() if v}
        for key, day in dd.items():
            assert chinese_calendar.is_workday(day), (sc.case_id, key, day)
        if sc.procedure == "simple":
            assert dd["decided"] == dd["decision_served"] == dd["inspected"]
            continue
        if dd["filed"] < dt.date(2025, 6, 1):
            assert (dd["filed"] - dd["accepted"]).days <= 7, sc.case_id
            assert dd["decided"] <= _three_months(dd["filed"]), sc.case_id
        else:
            assert (dd["decided"] - dd["filed"]).days <= 90, sc.case_id
        period = sc.template.profile.defence_days
        if sc.hearing_right:
            period = max(period, 5 if dd["notice_issued"] >= dt.date(2021, 7, 15) else 3)
        assert dd["decided"] > _workdays_after(dd["notice_served"], period), sc.case_id
        assert dd["decision_served"] <= _workdays_after(dd["decided"], 7), sc.case_id
        if "paid" in dd:
            assert dd["decision_served"] <= dd["paid"] <= dd["decision_served"] + dt.timedelta(days=15), sc.case_id
            assert dd["closed"] >= dd["paid"]
        if sc.hearing_held:
            assert dd["hearing"] > _workdays_after(dd["hearing_summons_served"], 6), sc.case_id
        chain = [dd[k] for k in ("filed", "interview", "report", "panel", "legal_review", "notice_issued",
                                 "notice_served", "approval", "decided", "decision_served", "closed") if k in dd]
        assert chain == sorted(chain), sc.case_id


def test_fines_within_the_curated_range_for_the_act_date(scenarios):
    reg = Registry.load()
    for sc in scenarios:
        ref = sc.setting.penalty
        version = reg.instrument(ref.work, on=sc.dates["inspected"])
        facts = reg.penalty(version.id, ref.article, ref.paragraph)
        if sc.fine is None:
            continue
        if facts is None:  # 传染病防治法 2013 第七十三条: declared in the generator, checked in test_law
            assert sc.fine <= 50000
            continue
        tier = next(t for t in facts.tiers if t.condition in (None, "根据情节轻重"))
        fine = next(s.fine for s in tier.sanctions if s.kind == "罚款")
        low, high = fine.bounds(float(sc.income or 0))
        assert low <= sc.fine <= (high if high is not None else sc.fine), (sc.case_id, sc.fine, low, high)
        if sc.procedure == "simple":
            assert sc.fine <= (3000 if sc.party["type"] == "organisation" else 200)


def test_mandatory_kinds_present_and_nothing_the_provision_lacks(scenarios):
    for sc in scenarios:
        allowed = {s["kind"]: s["mode"] for s in sc.setting.base_sanctions(sc.decided)}
        kinds = [p["kind"] for p in sc.penalties]
        assert set(kinds) <= set(allowed), sc.case_id
        for kind, mode in allowed.items():
            if mode == "mandatory" and kind in ("警告", "通报批评", "罚款"):
                assert kind in kinds, (sc.case_id, kind)


def test_identifiers_have_valid_check_characters(scenarios):
    for sc in scenarios:
        if sc.party.get("credit_code"):
            assert is_valid_credit_code(sc.party["credit_code"])
        for number in (sc.party.get("id_number"), sc.interviewee.id_number):
            if number:
                assert is_valid_id_number(number)
        assert all(len(o.certificate) >= 8 for o in sc.officers) and len(sc.officers) >= 2
