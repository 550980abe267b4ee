"""The self-check profile and ``audit check --self``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from audit.checks import load_rules
from audit.checks.profile import load_profile
from audit.cli import main
from audit.model import Field, Finding, Severity, Status
from audit.selfcheck import SELF_CHECK_PROFILE, fix_order, self_check_selection

from .helpers import SAMPLE


def test_self_check_profile_keeps_the_national_thresholds():
    ours, national = load_profile(SELF_CHECK_PROFILE), load_profile("national-default")
    skip = {"name", "title", "ignore", "select", "self_check"}
    assert {k: v for k, v in ours.items() if k not in skip} == {k: v for k, v in national.items() if k not in skip}


def test_self_check_selection():
    profile, select, ignore = self_check_selection(None, None, None)
    listed = load_profile(SELF_CHECK_PROFILE)["ignore"]
    assert profile == SELF_CHECK_PROFILE and select is None and (ignore or []) == listed
    assert set(listed) <= {r.code for r in load_rules()}
    # a province's thresholds with the self-check's rules; the user's own --ignore adds up
    profile, _, ignore = self_check_selection("national-default", None, ["DOC"])
    assert profile == "national-default" and {"DOC", *listed} <= set(ignore)


@pytest.mark.slow
def test_no_self_check_rule_raises_a_false_alarm_on_the_corpus(corpus_text_eval):
    """The measurement behind the self-check profile: a rule that raises a false alarm on the
    corpus must be fixed or listed under ``ignore`` in self-check.yaml (with the reason)."""
    report = corpus_text_eval
    assert report["cases"] >= 12 and not report["errors"]
    ignored = set(load_profile(SELF_CHECK_PROFILE)["ignore"])
    noisy = {code: entry["fp"] for code, entry in report["rules"].items() if entry["fp"] and code not in ignored}
    assert not noisy, f"rules with false alarms, not left out of the self-check: {noisy}; {report['false_alarms']}"
    assert report["clean_cases_with_fail"] == 0


def _finding(rule: str, status: Status, severity: Severity, page: int) -> Finding:
    return Finding(rule, rule, "程序合法", severity, status, evidence=[Field("x", "x", None, page)])


def test_fix_order_defects_first_then_weight_then_page():
    findings = [
        _finding("A", Status.NEEDS_REVIEW, Severity.VETO, 1),
        _finding("B", Status.FAIL, Severity.MINOR, 1),
        _finding("C", Status.FAIL, Severity.VETO, 9),
        _finding("D", Status.PASS, Severity.VETO, 1),
        _finding("E", Status.FAIL, Severity.MAJOR, 5),
        _finding("F", Status.FAIL, Severity.MAJOR, 2),
    ]
    waived = _finding("G", Status.FAIL, Severity.VETO, 1)
    waived.waiver = {"reason": "ok"}
    assert [f.rule for f in fix_order([*findings, waived])] == ["C", "F", "E", "B", "A"]


def test_check_self_in_the_terminal():
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--self", str(SAMPLE)])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "需要修改的问题" in out and "怎么改：" in out and "评分：" not in out
    first = out.split("【需要修改的问题", 1)[1].splitlines()[1]
    assert first.startswith("1. 【否决项】")  # the veto item comes first
    scored = runner.invoke(main, ["check", "--self", "--score", str(SAMPLE)])
    assert "评分：" in scored.output


def test_check_self_json_is_ordered_and_unscored():
    result = CliRunner().invoke(main, ["check", "--self", "--format", "json", str(SAMPLE)])
    data = json.loads(result.output)
    assert "score" not in data
    statuses = [f["status"] for f in data["findings"]]
    assert statuses == sorted(statuses, key=["fail", "needs_review", "error"].index)
    assert data["findings"][0]["severity"] == "veto"
    assert not {f["rule"] for f in data["findings"]} & set(load_profile(SELF_CHECK_PROFILE)["ignore"])
