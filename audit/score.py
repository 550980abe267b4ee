"""Apply a scoring standard (``checklists/standards/*.yaml``) to a case's findings.

Only ``fail`` findings deduct points; ``needs_review`` findings never do — their points are
reported as "at stake" for the reviewer. Waived findings deduct nothing. Deductions stop at
each section's cap (扣完为止，不计负分).

The veto layer: a failed rule whose severity is veto (the law makes it one: its ``veto_basis``
names the article) makes the file 不合格. A standard may list more veto rules under
``veto_rules`` — items resting on a local threshold (集体讨论、法制审核 or hearing amounts) that
a province's own standard treats as vetoes — each with its ``source``; nothing else is a veto.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from audit.checklists import checklists_dir
from audit.errors import AuditError
from audit.model import Finding, Score, Severity, Status

DEFAULT_STANDARD = "health-default"


@functools.cache
def load_standard(name_or_path: str = DEFAULT_STANDARD) -> dict[str, Any]:
    path = Path(name_or_path)
    if not path.suffix:
        path = checklists_dir() / "standards" / f"{name_or_path}.yaml"
    if not path.exists():
        known = sorted(p.stem for p in (checklists_dir() / "standards").glob("*.yaml"))
        raise AuditError("unknown_standard", f"找不到评分标准：{name_or_path}；可用：{'、'.join(known)}",
                         f"unknown scoring standard {name_or_path}; available: {', '.join(known)}")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _counted(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.status is Status.FAIL and not f.waiver]


def vetoes(findings: list[Finding], standard: dict[str, Any]) -> dict[str, str]:
    """Failed veto items: rule code -> why it is a veto (the law's article, or the standard's source)."""
    listed = {v["rule"]: v for v in standard.get("veto_rules", [])}
    out: dict[str, str] = {}
    for f in _counted(findings):
        if f.severity is Severity.VETO:
            out[f.rule] = f.veto_basis or "该项为法定否决项"
        elif f.rule in listed:
            out[f.rule] = f"{standard.get('title', standard['name'])}将该项列为否决项（{listed[f.rule]['source']}）"
    return out


def _grade(total: float, vetoed: bool, standard: dict[str, Any]) -> str:
    bands = sorted(standard["grades"], key=lambda g: -g["min"])
    if vetoed:
        return bands[-1]["name"]
    return next(g["name"] for g in bands if total >= g["min"])


def _sections(findings: list[Finding], standard: dict[str, Any]) -> Score:
    caps: dict[str, float] = standard["sections"]
    lost = dict.fromkeys(caps, 0.0)
    deductions: dict[str, float] = {}
    for f in _counted(findings):
        section = f.dimension if f.dimension in caps else max(caps, key=caps.get)
        take = min(f.points, caps[section] - lost[section])
        lost[section] += take
        deductions[f.rule] = take
    by_dimension = {k: round(caps[k] - lost[k], 2) for k in caps}
    total = round(sum(by_dimension.values()), 2)
    found = vetoes(findings, standard)
    vetoed = bool(found)
    return Score(total, by_dimension, deductions, vetoed, _grade(total, vetoed, standard), vetoes=found)


def _legality_form(findings: list[Finding], standard: dict[str, Any]) -> Score:
    counted = _counted(findings)
    found = vetoes(findings, standard)
    vetoed = bool(found)
    legality = 0.0 if vetoed else float(standard["legality"])
    deductions = {f.rule: f.points for f in counted if f.rule not in found}
    form = max(0.0, float(standard["form"]) - sum(deductions.values()))
    total = round(legality + form, 2)
    return Score(total, {"合法性": legality, "规范性": round(form, 2)}, deductions, vetoed,
                 _grade(total, vetoed, standard), vetoes=found)


SHAPES: dict[str, Callable[[list[Finding], dict[str, Any]], Score]] = {
    "sections": _sections,
    "legality_form": _legality_form,
}


def score(findings: list[Finding], standard: dict[str, Any] | None = None) -> Score:
    """The score of a case under ``standard`` (default: the health default standard)."""
    standard = standard or load_standard()
    result = SHAPES[standard["shape"]](findings, standard)
    result.needs_review_points = sum(f.points for f in findings if f.status is Status.NEEDS_REVIEW and not f.waiver)
    result.standard = standard["name"]
    return result
