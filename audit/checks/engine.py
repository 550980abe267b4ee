"""Run rules over a case and turn each outcome into a :class:`Finding`."""

from __future__ import annotations

import datetime as dt
import functools
import string
from dataclasses import replace
from typing import Any

from audit import labels
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
    outside = window_outcome(rule, case)
    if outside is not None and outside.status is Status.NOT_APPLICABLE:
        return _finding(rule, outside)
    try:
        params = resolve_params(rule.params, profile or load_profile(DEFAULT_PROFILE))
        outcome = KINDS[rule.kind].fn(case, params)
    except Exception as exc:  # a rule bug must not stop the audit of the case
        return _finding(rule, Outcome(Status.ERROR, note=f"规则执行出错（{type(exc).__name__}: {exc}），请人工核查"))
    if outside is not None and outcome.status in (Status.FAIL, Status.NEEDS_REVIEW):
        # the act may lie outside the window: a defect under this version only asks for a check
        return _finding(rule, Outcome(Status.NEEDS_REVIEW, outcome.values, outcome.evidence, note=outside.note))
    if outcome.status is Status.FAIL and rule.review_only:
        outcome.status = Status.NEEDS_REVIEW
        outcome.note = render(rule.observed, outcome.values) + "（本规则为提示性规则，请人工判断）"
    if outcome.status is Status.FAIL:
        weak = [f for f in outcome.evidence if f.confidence < rule.min_confidence]
        if weak:
            outcome.status = Status.NEEDS_REVIEW
            outcome.note = "相关内容识别置信度较低（" + "、".join(f"第{f.page}页“{f.raw}”" for f in weak) + "），请人工核对原件"
    return _finding(rule, outcome)


_PROCEDURE_NAMES = labels.names(labels.PROCEDURE)  # audit.labels: one table of words


def window_outcome(rule: Rule, case: Case) -> Outcome | None:
    """None when the rule's effective window covers the case; else why it does not apply.

    The window is judged on the date of the act the rule names (``effective.judged_on``): a
    procedural act of checklists/procedure.yaml, or ``violation``, the date the violation was
    done. When the file does not state that date, a procedural rule falls back to the decision
    (then filing) date; a violation-dated rule falls back to the discovery date, and answers
    needs_review when the act may lie on either side of a cut-over (the violation can precede
    its discovery by up to ``lookback_years``, 行政处罚法 第三十六条).
    """
    if rule.effective_from is None and rule.effective_to is None:
        return None
    from audit.checks.windows import judged_date

    day, how, stated = judged_date(case, rule.judged_on)
    if day is None:
        return None
    start, end = rule.effective_from, rule.effective_to
    if stated:
        if start and day < start or end and day > end:
            return Outcome(Status.NOT_APPLICABLE, note=_outside_note(rule, how, day))
        return None
    earliest = _years_before(day, rule.lookback_years)
    if start and day < start or end and earliest > end:
        return Outcome(Status.NOT_APPLICABLE, note=_outside_note(rule, how, day))
    if start and earliest < start or end and day > end:
        window = _window_text(rule)
        return Outcome(Status.NEEDS_REVIEW, note=(
            f"案卷未载明违法行为发生的时间，{how}为{day:%Y年%-m月%-d日}；违法行为可能发生在本规则适用期间"
            f"（{window}）之前或之后，请核实违法行为发生时间后确定适用的法律版本"))
    return None


def _years_before(day: dt.date, years: float) -> dt.date:
    return day - dt.timedelta(days=round(365.25 * years))


def _window_text(rule: Rule) -> str:
    start = f"{rule.effective_from:%Y年%-m月%-d日}起" if rule.effective_from else ""
    end = f"至{rule.effective_to:%Y年%-m月%-d日}" if rule.effective_to else ""
    return start + end


def _outside_note(rule: Rule, how: str, day: dt.date) -> str:
    return f"{how}为{day:%Y年%-m月%-d日}，不在本规则的适用期间（{_window_text(rule)}）内"


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def render(template: str, values: dict[str, Any]) -> str:
    """Fill ``{name}`` placeholders; unknown names render as a dash, never an error."""
    if "{" not in template and "}" not in template:  # nothing to fill: the text as it is
        return template
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
        veto_basis=veto_text(rule),
    )


def veto_text(rule: Rule) -> str:
    """Why a failure of a veto rule makes the file 不合格: the article and its reason, in Chinese."""
    if rule.severity.value != "veto" or not rule.veto_basis:
        return ""
    from audit.report.text import cite

    vb = rule.veto_basis
    v = str(vb.get("version") or "")
    version = "" if v in ("", "2021") else f"（{v}年文本）" if v.isdigit() else f"（{v}）"
    return f"{cite(vb['instrument'], vb['article'])}{version}：{vb['why']}"
