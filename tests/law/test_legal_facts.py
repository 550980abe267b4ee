"""Dated legal facts: every quote is in its article, every figure in its quote, windows do not clash."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from audit.law.legal_facts import legal_fact, legal_facts
from audit.parse.numerals import chinese_to_int
from tests.law.law_testutil import amounts_in

D = dt.date


def _facts():
    from audit.law.registry import Registry
    from tests.law.law_testutil import LAW_DATA

    return legal_facts(Registry.load(LAW_DATA))


@pytest.mark.parametrize("fact", _facts(), ids=lambda f: f"{f.key}:{f.instrument}")
def test_quote_is_in_the_cited_provision(registry, fact):
    art = registry.article(fact.instrument, fact.article)
    assert art is not None, "the article must be indexed"
    text = art.paragraph(fact.paragraph).full_text if fact.paragraph else art.text
    if fact.item:
        text = art.item(fact.paragraph or 1, fact.item)
    assert fact.quote in text
    version = registry.versions[fact.instrument]
    if fact.applies_from and version.effective_from and fact.applies_from >= version.effective_from:
        assert fact.applies_to is None or version.effective_to is None or fact.applies_to <= version.effective_to


@pytest.mark.parametrize("fact", _facts(), ids=lambda f: f"{f.key}:{f.instrument}")
def test_figures_are_in_the_quote(fact):
    numbers = {chinese_to_int(n) for n in re.findall(r"([一二三四五六七八九十百]+)(?:日|年|个月|倍)", fact.quote)}
    numbers |= {int(n) for n in re.findall(r"“([二三五七])日”", fact.quote) if n.isdigit()}
    if fact.unit in ("days", "months"):
        assert fact.value in numbers
    if fact.unit == "years":
        assert {fact.value["years"], fact.value.get("extended_years", fact.value["years"])} <= numbers
    if fact.unit == "yuan":
        assert {fact.value["citizen"], fact.value["organisation"]} <= amounts_in(fact.quote)


def test_windows_of_one_key_do_not_overlap_except_caps():
    by_key: dict[str, list] = {}
    for f in _facts():
        by_key.setdefault(f.key, []).append(f)
    for key, values in by_key.items():
        if key == "late_payment_surcharge":
            continue  # 行政强制法 第四十五条 caps the surcharge beside 行政处罚法 (2012 on)
        values.sort(key=lambda f: f.applies_from or D.min)
        for a, b in zip(values, values[1:], strict=False):
            assert a.applies_to is not None and a.applies_to < b.applies_from, key


@pytest.mark.parametrize("on,years,extended", [
    (D(2021, 7, 14), 2, None), (D(2021, 7, 15), 2, 5), (D(2019, 1, 1), 2, None), (D(2024, 1, 1), 2, 5)])
def test_limitation_period_by_date(registry, on, years, extended):
    fact = registry.legal_fact("limitation_period", on)
    assert fact.value["years"] == years and fact.value.get("extended_years") == extended
    assert fact.citation in ("《中华人民共和国行政处罚法》第二十九条第一款", "《中华人民共和国行政处罚法》第三十六条第一款")
    start = registry.legal_fact("limitation_start", on)
    assert start.value["continuing_from"] == "行为终了之日"


def test_other_dated_values(registry):
    assert registry.legal_fact("hearing_request_days", D(2021, 7, 14)).value == 3
    assert registry.legal_fact("hearing_request_days", D(2021, 7, 15)).value == 5
    assert registry.legal_fact("on_the_spot_limits", D(2020, 1, 1)).value["citizen"] == 50
    assert registry.legal_fact("on_the_spot_limits", D(2022, 1, 1)).value["organisation"] == 3000
    assert registry.legal_fact("working_days_rule", D(2021, 7, 14)) is None
    assert registry.legal_fact("late_payment_surcharge", D(2011, 12, 31)).value["capped_at_fine"] is False
    assert registry.legal_fact("late_payment_surcharge", D(2015, 1, 1)).value["capped_at_fine"] is True
    assert registry.legal_fact("decision_deadline_health_rule", D(2020, 1, 1)).value == {"months": 3}
    assert registry.legal_fact("decision_deadline_health_rule", D(2025, 6, 1)) is None
    assert registry.legal_fact("decision_deadline_general", D(2021, 7, 14)) is None
    assert registry.legal_fact("decision_deadline_general", D(2025, 7, 1)).value == {"days": 90}
    assert registry.legal_fact("enforcement_application_months", D(2011, 1, 1)) is None
    assert legal_fact(registry, "no_such_fact", D(2022, 1, 1)) is None
