"""Run rules over a case and turn each outcome into a :class:`Finding`."""

from __future__ import annotations

import datetime as dt
import functools
import string
from dataclasses import replace
from typing import Any

from audit.checks.kinds import documents as _documents  # importing the package registers every kind
from audit.checks.profile import DEFAULT_PROFILE, load_profile, resolve_params
from audit.checks.registry import KINDS, Outcome
from audit.checks.rules import Rule, load_rules
from audit.model import Case, Finding, Status


def run_checks(
    case: Case, rules: list[Rule] | tuple[Rule, ...] | None = None, profile: dict[str, Any] | None = None
) -> list[Finding]:
    """Every rule's finding for ``case``, in rule-code order, under ``profile``."""
    profile = profile or load_profile(DEFAULT_PROFILE)
    return [run_rule(case, rule, profile) for rule in (load_rules() if rules is None else rules)]


def run_rule(case: Case, rule: Rule, profile: dict[str, Any] | None = None) -> Finding:
    procedure = case.procedure.value if case.procedure else None
    if procedure and procedure not in rule.applies_to:
        return _finding(rule, Outcome(Status.NOT_APPLICABLE, note=f"不适用于{_PROCEDURE_NAMES[procedure]}案卷"))
    if rule.whole_file and len(case.documents) < _documents.MIN_DOCUMENTS_FOR_FILE:
        return _finding(rule, Outcome(Status.NOT_APPLICABLE, note=f"输入仅含 {len(case.documents)} 份文书，不是完整案卷，本规则不适用"))
    if not _in_force(rule, case):
        return _finding(rule, Outcome(Status.NOT_APPLICABLE, note="案件日期不在本规则的适用期间内"))
    try:
        params = resolve_params(rule.params, profile or load_profile(DEFAULT_PROFILE))
        outcome = KINDS[rule.kind].fn(case, params)
    except Exception as exc:  # a rule bug must not stop the audit of the case
        return _finding(rule, Outcome(Status.ERROR, note=f"规则执行出错（{type(exc).__name__}: {exc}），请人工核查"))
    if outcome.status is Status.FAIL and rule.review_only:
        outcome.status = Status.NEEDS_REVIEW
        outcome.note = render(rule.observed, outcome.values) + "（本规则为提示性规则，请人工判断）"
    if outcome.status is Status.FAIL:
        weak = [f for f in outcome.evidence if f.confidence < rule.min_confidence]
        if weak:
            outcome.status = Status.NEEDS_REVIEW
            outcome.note = "相关内容识别置信度较低（" + "、".join(f"第{f.page}页“{f.raw}”" for f in weak) + "），请人工核对原件"
    return _finding(rule, outcome)


_PROCEDURE_NAMES = {"ordinary": "普通程序", "simple": "简易程序"}


def _in_force(rule: Rule, case: Case) -> bool:
    """Judge the rule's effective window on the case's own decision (or filing) date."""
    if rule.effective_from is None and rule.effective_to is None:
        return True
    anchor = case.dates.get("decided") or case.dates.get("filed")
    if anchor is None or not anchor.value:
        return True
    day = dt.date.fromisoformat(anchor.value)
    if rule.effective_from and day < rule.effective_from:
        return False
    return not (rule.effective_to and day > rule.effective_to)


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def render(template: str, values: dict[str, Any]) -> str:
    """Fill ``{name}`` placeholders; unknown names render as a dash, never an error."""
    return string.Formatter().vformat(template, (), _Defaults(values))


@functools.cache
def article_text(instrument: str, article: str, version: str | None) -> str | None:
    """The article text of a rule's basis from the law registry; a 项 is shown with its lead-in."""
    from audit.law.basis import basis_text

    text = basis_text(instrument, article, version, None)
    if text and "项" in article and len(text) < 40:
        whole = basis_text(instrument, article.split("第（")[0].split("款")[0].rsplit("第", 1)[0]
                           if "款" in article else article.split("第（")[0], version, None)
        lead = whole.split("：")[0] + "：" if whole and "：" in whole else ""
        text = f"{lead}……{text}" if lead else text
    return text


def _finding(rule: Rule, outcome: Outcome) -> Finding:
    if outcome.status is Status.FAIL:
        observed = render(rule.observed, outcome.values)
    elif outcome.status is Status.PASS:
        observed = render(rule.passed, outcome.values)
    else:
        observed = outcome.note
    return Finding(
        rule=rule.code,
        title=rule.title,
        dimension=rule.dimension,
        severity=rule.severity,
        status=outcome.status,
        expected=render(rule.expect, outcome.values),
        observed=observed,
        evidence=outcome.evidence,
        basis=[replace(b, text=b.text or article_text(b.instrument, b.article, b.version)) for b in rule.basis],
        points=rule.points if outcome.status in (Status.FAIL, Status.NEEDS_REVIEW) else 0.0,
        fix=render(rule.fix, outcome.values) if outcome.status in (Status.FAIL, Status.NEEDS_REVIEW) else "",
    )
