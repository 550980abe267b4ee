"""The periods and limits the rules use (checklists/procedure.yaml, profiles, rule parameters)
agree with the law registry's dated legal facts (checklists/law/legal_facts.yaml, each quoted
from its article) on both sides of the 2021-07-15 cut-over: one legal fact, one value."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.checks import load_rules
from audit.checks.profile import load_profile
from audit.checks.timeline import procedure
from audit.law.registry import Registry

OLD, NEW = dt.date(2021, 7, 14), dt.date(2021, 7, 15)
RULES = {r.code: r for r in load_rules()}

# period of checklists/procedure.yaml, its length key (min/max), legal fact, date the period is judged on
PERIODS = [
    ("hearing_request_period_1996", "min", "hearing_request_days", OLD),
    ("hearing_request_period", "min", "hearing_request_days", NEW),
    ("hearing_summons_notice_1996", "min", "hearing_notice_days", OLD),
    ("hearing_summons_notice", "min", "hearing_notice_days", NEW),
    ("preservation_handling_1996", "max", "evidence_preservation_days", OLD),
    ("preservation_handling", "max", "evidence_preservation_days", NEW),
    ("payment_period", "max", "payment_days", NEW),
    ("demand_before_application", "min", "enforcement_reminder_days", NEW),
]


@pytest.fixture(scope="module")
def reg():
    return Registry.load()


@pytest.mark.parametrize("name, bound, key, on", PERIODS, ids=[p[0] for p in PERIODS])
def test_periods_match_the_legal_facts(reg, name, bound, key, on):
    spec = procedure()["periods"][name]
    fact = reg.legal_fact(key, on)
    assert fact is not None and spec[bound] == fact.value, (name, spec[bound], fact.value, fact.citation)
    # 行政处罚法 第八十五条 (from 2021-07-15) makes its short periods working days; none before
    if key != "enforcement_reminder_days" and key != "payment_days":
        working = reg.legal_fact("working_days_rule", on)
        assert (spec["unit"] == "working_days") == bool(working and spec[bound] in working.value["working_days_for"]), name


def test_on_the_spot_limits_match(reg):
    profile = load_profile("national-default")
    for section, on in (("simple_procedure_1996", OLD), ("simple_procedure", NEW)):
        fact = reg.legal_fact("on_the_spot_limits", on).value
        assert profile[section]["max_fine"] == {"individual": fact["citizen"], "organisation": fact["organisation"]}
        assert set(profile[section]["kinds"]) == set(fact["kinds"])


def test_decision_deadlines_and_enforcement_months_match(reg):
    assert procedure()["periods"]["decision_within_limit_1997"]["max"] == reg.legal_fact(
        "decision_deadline_health_rule", dt.date(2025, 5, 31)).value["months"]
    assert procedure()["periods"]["decision_within_limit_2021"]["max"] == reg.legal_fact(
        "decision_deadline_general", dt.date(2025, 6, 1)).value["days"]
    assert RULES["PRO041"].params["apply_months"] == reg.legal_fact("enforcement_application_months", NEW).value
