"""Apply a scoring standard (``checklists/standards/*.yaml``) to a case's findings.

Only ``fail`` findings deduct points; ``needs_review`` findings never do — their points are
reported as "at stake" for the reviewer. Waived findings deduct nothing. Deductions stop at
each section's cap (扣完为止，不计负分).
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
    vetoed = any(f.severity is Severity.VETO for f in _counted(findings))
    return Score(total, by_dimension, deductions, vetoed, _grade(total, vetoed, standard))


def _legality_form(findings: list[Finding], standard: dict[str, Any]) -> Score:
    counted = _counted(findings)
    vetoed = any(f.severity is Severity.VETO for f in counted)
    legality = 0.0 if vetoed else float(standard["legality"])
    deductions = {f.rule: f.points for f in counted if f.severity is not Severity.VETO}
    form = max(0.0, float(standard["form"]) - sum(deductions.values()))
    total = round(legality + form, 2)
    return Score(total, {"合法性": legality, "规范性": round(form, 2)}, deductions, vetoed,
                 _grade(total, vetoed, standard))


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
