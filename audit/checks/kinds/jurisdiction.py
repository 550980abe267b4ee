"""职权与管辖: the deciding agency may impose the cited penalty provision's sanctions.

The provision's ``authority`` comes from the law registry through :func:`provision_authority`,
a small adapter: ``Registry.authority_for`` where the registry offers it, else the curated
entry's ``authority`` (or that of an other_authority exclusion). Department kinds, the
acts-for table and levels are data (``checklists/jurisdiction.yaml``). Missing data answers
needs_review.
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from audit.checklists import load_yaml
from audit.checks.kinds.penalties import setup
from audit.checks.legal import basis_provisions
from audit.checks.registry import Outcome, check_kind
from audit.model import Case, Status


@functools.cache
def table() -> dict[str, Any]:
    return load_yaml("jurisdiction.yaml")


_KEYS = ("wording", "text", "body", "name", "authority", "departments", "level")


def _as_text(value: Any) -> str | None:
    """The body named, whichever shape the registry gives: text, a mapping or an object such as
    ``audit.law.authority.Authority`` (its verbatim ``wording`` with its ``level``)."""
    if not value:
        return None
    if isinstance(value, str):
        return value
    get = value.get if isinstance(value, dict) else (lambda k: getattr(value, k, None))
    parts = []
    for key in _KEYS:
        part = get(key)
        if part:
            parts.append("、".join(part) if isinstance(part, (list, tuple)) else str(part))
    return "".join(dict.fromkeys(parts)) or None


def provision_authority(reg: Any, version_id: str, article: int, paragraph: int | None, facts: list[Any]) -> str | None:
    """The body a penalty provision names, from whichever form the registry offers: an
    ``authority_for`` lookup, the curated entry's ``authority``, or an other_authority exclusion's."""
    lookup = getattr(reg, "authority_for", None)
    if callable(lookup):
        for args in ((version_id, article, paragraph), (version_id, article)):
            try:
                found = _as_text(lookup(*args))
            except (TypeError, KeyError, ValueError):
                continue
            if found:
                return found
    for f in facts:
        found = _as_text(getattr(f, "authority", None))
        if found:
            return found
    excluded = reg.excluded(version_id, article, paragraph)
    if excluded is not None and getattr(excluded, "reason", "") == "other_authority":
        return _as_text(getattr(excluded, "authority", None))
    return None


def department_of(text: str, side: str) -> list[str]:
    """Department kinds a provision's authority (side ``authority``) or an agency name names."""
    return [k for k, d in table()["departments"].items() if regex.search(d[side], text)]


def agency_level(name: str) -> str | None:
    return next((lv["level"] for lv in table()["levels"]["agency"] if regex.search(lv["pattern"], name)), None)


def required_level(text: str) -> dict[str, str] | None:
    return next((lv for lv in table()["levels"]["required"] if regex.search(lv["pattern"], text)), None)


def _judge(agency: str, authority: str) -> tuple[Status, str]:
    mine = department_of(agency, "agency")
    theirs = department_of(authority, "authority")
    if not mine or not theirs:
        return Status.NEEDS_REVIEW, f"无法判断“{agency}”与“{authority}”的对应关系"
    acts_for = {k for m in mine for k in table()["acts_for"].get(m, [m])}
    if not acts_for & set(theirs):
        review = next((r for r in table()["review_when"] if r["agency"] in mine and r["authority"] in theirs), None)
        if review:
            return Status.NEEDS_REVIEW, review["note"]
        names = "或".join(table()["departments"][t]["name"] for t in theirs)
        return Status.FAIL, f"该处罚依据规定由{names}（“{authority}”）实施处罚，作出决定的是“{agency}”"
    need = required_level(authority)
    if need:
        order = table()["levels"]["order"]
        have = agency_level(agency)
        if have is None:
            return Status.NEEDS_REVIEW, f"该处罚依据规定由{need['name']}部门实施，请核实“{agency}”的层级"
        if order.index(have) < order.index(need["level"]):
            return Status.FAIL, f"该处罚依据规定由{need['name']}部门实施（“{authority}”），“{agency}”不是该层级的部门"
    return Status.PASS, ""


@check_kind("agency_has_power", unknown_act_lookback_years_="as for the other legal-application kinds")
def agency_has_power(case: Case, params: dict[str, Any]) -> Outcome:
    """The agency that decided is the kind (and level) of department the penalty basis names."""
    if case.agency is None or not case.agency.value:
        return Outcome(Status.NOT_APPLICABLE, note="未识别到作出决定的行政机关名称")
    st = setup(case, params)
    if isinstance(st, Outcome):
        return st
    agency = str(case.agency.value)
    problems, unsure, ok, evidence = [], [], [], [case.agency]
    for p in basis_provisions(st.reg, st.basis, st.reads):
        if p.version is None or p.resolution.article is None:
            continue
        cit = p.cited.citation
        authority = provision_authority(st.reg, p.version.id, cit.article, cit.paragraph, p.raw or p.facts)
        if not authority:
            unsure.append(f"法规库未载明{p.display}的处罚机关")
            continue
        status, why = _judge(agency, authority)
        if status is Status.FAIL:
            problems.append(f"{p.display}：{why}")
            evidence.append(p.cited.field)
        elif status is Status.NEEDS_REVIEW:
            unsure.append(f"{p.display}：{why}")
        else:
            ok.append(p.display)
    values = {"agency": agency, "problems": "；".join(problems), "provisions": "、".join(ok)}
    if problems:
        return Outcome(Status.FAIL, values, evidence)
    if unsure:
        return Outcome(Status.NEEDS_REVIEW, values, evidence, note="；".join(unsure) + "，请人工核查职权与管辖")
    if not ok:
        return Outcome(Status.NOT_APPLICABLE, note="未识别到可核对处罚机关的处罚依据")
    return Outcome(Status.PASS, values)
