"""Procedure check kinds: order of acts, statutory periods, duties triggered by thresholds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from audit.checks.calendar import deadline, working_days_between
from audit.checks.evidence import doc_field, doc_name, where
from audit.checks.kinds.documents import MIN_DOCUMENTS_FOR_FILE
from audit.checks.registry import Outcome, check_kind
from audit.checks.timeline import act_dates, order_violations, procedure
from audit.model import Case, Field, Status

UNIT_NAMES = {"days": "日", "working_days": "个工作日", "months": "个月"}


@check_kind("timeline_order")
def timeline_order(case: Case, params: dict[str, Any]) -> Outcome:
    """Dated acts follow the required procedural order (立案 → 调查 → 告知 → 决定 → 送达 → 结案)."""
    violations, acts = order_violations(case)
    if len(acts) < 2:
        return Outcome(Status.NOT_APPLICABLE, note="可识别日期的程序环节不足两个，无法判断先后顺序")
    if not violations:
        return Outcome(Status.PASS, {"count": len(acts)})
    observed = "；".join(
        f"{v.after.name}（{v.after.date:%Y年%-m月%-d日}，{where(case, v.after.field)}）早于"
        f"{v.before.name}（{v.before.date:%Y年%-m月%-d日}，{where(case, v.before.field)}）"
        for v in violations
    )
    evidence = [f for v in violations for f in (v.before.field, v.after.field)]
    return Outcome(Status.FAIL, {"count": len(acts), "violations": observed}, evidence)


def _period_length(case: Case, spec: dict[str, Any], params: dict[str, Any]) -> tuple[int, str]:
    """Length of a period: the one a document of the case states (``stated_in``), else the
    rule's ``length``, else the data's."""
    stated = _stated_length(case, spec.get("stated_in"))
    if stated:
        return stated
    return int(params.get("length", spec.get("min", spec.get("max")))), spec["unit"]


def _stated_length(case: Case, where: dict[str, Any] | None) -> tuple[int, str] | None:
    """The period a document states (``{document, field, unit}``: unit when it names none)."""
    if not where:
        return None
    for doc in case.documents_of(where["document"]):
        f = doc.fields.get(where["field"])
        if isinstance(f, Field) and f.value:
            return int(f.value), (f.detail or {}).get("unit") or where["unit"]
    return None


def _ended(case: Case, where: dict[str, Any] | None) -> Field | None:
    """Evidence that the period was ended early (``ended_by: {document, field, evidence}``)."""
    if not where:
        return None
    for doc in case.documents_of(where["document"]):
        if isinstance(doc.fields.get(where["field"]), Field):
            return doc_field(case, doc, where["evidence"])
    return None


@check_kind("period", generic=True, period="period name in checklists/procedure.yaml (its from/to acts, min or max, "
            "unit, stated_in, ended_by, excused_by, inclusive, unsure, effective)",
            length_="override the period's length")
def period(case: Case, params: dict[str, Any]) -> Outcome:
    """The time between two acts respects a statutory period (calendar or working days)."""
    name = params["period"]
    spec = procedure()["periods"][name]
    acts = act_dates(case)
    start, end = acts.get(spec["from"]), acts.get(spec["to"])
    effective = spec.get("effective", {})
    anchor = (end or start).date if (end or start) else None
    if anchor and effective.get("from") and anchor < effective["from"]:
        return Outcome(Status.NOT_APPLICABLE, note=f"该期限自{effective['from']:%Y年%-m月%-d日}起适用")
    if anchor and effective.get("to") and anchor > effective["to"]:
        return Outcome(Status.NOT_APPLICABLE, note=f"该期限适用至{effective['to']:%Y年%-m月%-d日}")
    if start is None or end is None:
        missing = "、".join(procedure()["acts"][k]["name"] for k in (spec["from"], spec["to"]) if k not in acts)
        return Outcome(Status.NOT_APPLICABLE, note=f"未识别到{missing}日期，无法计算期限")
    amount, unit = _period_length(case, spec, params)
    limit, certain = deadline(start.date, amount, unit)
    values = {
        "from_name": start.name, "from_date": f"{start.date:%Y年%-m月%-d日}",
        "to_name": end.name, "to_date": f"{end.date:%Y年%-m月%-d日}",
        "period": f"{amount}{UNIT_NAMES[unit]}", "limit": f"{limit:%Y年%-m月%-d日}",
        "elapsed": _elapsed(start.date, end.date, unit),
    }
    evidence = [start.field, end.field]
    if "max" in spec:
        ok = end.date <= limit
        excuse = acts.get(spec.get("excused_by", ""))
        if not ok and excuse is not None:  # an approved extension (延长办案期限) makes the delay lawful
            return Outcome(Status.PASS, values | {"elapsed": values["elapsed"] + f"，{excuse.name}于"
                                                  f"{excuse.date:%Y年%-m月%-d日}"}, [excuse.field])
    else:  # a waiting period: the later act only after it has run (``inclusive``: on its last day too)
        ok = end.date >= limit if spec.get("inclusive") else end.date > limit
        ended = _ended(case, spec.get("ended_by")) if not ok else None
        if ended:  # e.g. the party waived the defence period
            return Outcome(Status.PASS, values | {"note": spec["ended_by"]["note"]}, [ended])
    if ok:
        return Outcome(Status.PASS, values, evidence)
    if not certain:
        return Outcome(Status.NEEDS_REVIEW, values, evidence,
                       note="所涉年份不在法定节假日数据范围内，工作日按周末推算，请人工核对期限")
    if spec.get("unsure"):
        return Outcome(Status.NEEDS_REVIEW, values, evidence, note=spec["unsure"])
    return Outcome(Status.FAIL, values, evidence)


def _elapsed(start: dt.date, end: dt.date, unit: str) -> str:
    if unit == "working_days":
        return f"{working_days_between(start, end).days}个工作日"
    return f"{(end - start).days}日"


def _party_kind(case: Case) -> str:
    kind = case.party.type.value if case.party.type else None
    return kind or "organisation"


def _fine_threshold(value: Any, case: Case) -> float | None:
    if isinstance(value, dict):
        return value.get(_party_kind(case))
    return value


def _proposed(case: Case) -> list[tuple[str, float | None]]:
    """(kind, amount) of the penalty the latest advance notice proposes (拟作出); [] when unread."""
    notices = [d for d in case.documents_of("advance_notice") if d.fields.get("penalties")]
    if not notices:
        return []
    latest = max(notices, key=lambda d: (d.fields["date"].value or "" if isinstance(d.fields.get("date"), Field) else "",
                                         d.pages[0]))
    return [(f.value["kind"], f.value.get("amount")) for f in latest.fields["penalties"]]


def condition_met(case: Case, condition: dict[str, Any]) -> tuple[bool | None, str]:
    """Whether a duty's trigger holds for the case: (met, why). None: cannot tell.

    ``penalties: proposed`` judges the penalty the advance notice proposes (a hearing right
    attaches to the penalty 拟作出, 行政处罚法 第六十三条), the decided one when no notice states it;
    ``documents_present``: any of these documents is in the file (经过听证程序 …); ``always``:
    the duty holds for every case the rule applies to.
    """
    reasons: list[str] = []
    if condition.get("always"):
        reasons.append(str(condition["always"]))
    present = [t for t in condition.get("documents_present", []) if case.documents_of(t)]
    if present:
        reasons.append("案卷中有" + "、".join(doc_name(t) for t in present))
    proposed = _proposed(case) if condition.get("penalties") == "proposed" else []
    if proposed:
        return _met_on(condition, {k for k, _ in proposed},
                       sum(a or 0 for k, a in proposed if k == "罚款") if any(k == "罚款" and a for k, a in proposed) else None,
                       sum(a or 0 for k, a in proposed if k.startswith("没收")), case, reasons, "拟")
    kinds = {p.kind.value for p in case.penalties if p.kind}
    for kind in condition.get("kinds", []):
        if kind in kinds:
            reasons.append(f"处罚种类含{kind}")
    seized = _fine_threshold(condition.get("confiscation_at_least"), case)
    confiscated = sum(p.amount.value for p in case.penalties
                      if p.kind and p.kind.value.startswith("没收") and p.amount and p.amount.value)
    if seized is not None and confiscated and confiscated >= seized:
        reasons.append(f"没收违法所得或非法财物{confiscated:,.0f}元，达到{seized:,.0f}元")
    threshold = _fine_threshold(condition.get("fine_at_least"), case)
    fine = case.fine_total.value if case.fine_total else None
    if threshold is not None and fine is not None and fine >= threshold:
        reasons.append(f"罚款{fine:,.0f}元，达到{threshold:,.0f}元")
    hearing = condition.get("hearing")  # the profile's hearing section: large fine, kinds
    if hearing and condition_met(case, {"fine_at_least": hearing["large_fine"], "kinds": hearing["kinds"],
                                        "confiscation_at_least": hearing.get("large_confiscation")})[0]:
        reasons.append("属于应告知听证权利的情形")
    if reasons:
        return True, "；".join(reasons)
    if threshold is not None and fine is None and not kinds:
        return None, "未识别到处罚种类和罚款数额"
    return False, ""


def _met_on(condition: dict[str, Any], kinds: set[str], fine: float | None, confiscated: float, case: Case,
            reasons: list[str], prefix: str) -> tuple[bool | None, str]:
    """The trigger judged on the proposed penalty (kinds, fine, confiscation)."""
    for kind in condition.get("kinds", []):
        if kind in kinds:
            reasons.append(f"{prefix}作出的处罚种类含{kind}")
    seized = _fine_threshold(condition.get("confiscation_at_least"), case)
    if seized is not None and confiscated and confiscated >= seized:
        reasons.append(f"{prefix}没收违法所得或非法财物{confiscated:,.0f}元，达到{seized:,.0f}元")
    threshold = _fine_threshold(condition.get("fine_at_least"), case)
    if threshold is not None and fine is not None and fine >= threshold:
        reasons.append(f"{prefix}罚款{fine:,.0f}元，达到{threshold:,.0f}元")
    if reasons:
        return True, "；".join(reasons)
    return False, ""


@check_kind(
    "threshold_duty", generic=True,
    condition="when the duty applies: {fine_at_least: N | {individual, organisation}, kinds: [...], "
              "confiscation_at_least, penalties: proposed, documents_present: [...], always: why}",
    documents_any_="document types any of which discharges the duty",
    field_any_="[doc_type, field] pairs any of which discharges the duty",
)
def threshold_duty(case: Case, params: dict[str, Any]) -> Outcome:
    """A threshold (fine amount, penalty kind) triggers a duty: hearing notice, legal review…"""
    met, why = condition_met(case, params["condition"])
    if met is None:
        return Outcome(Status.NEEDS_REVIEW, note=f"{why}，无法判断是否触发该义务")
    if not met:
        return Outcome(Status.NOT_APPLICABLE, note="本案未达到触发该义务的条件")
    for doc_type in params.get("documents_any", []):
        docs = case.documents_of(doc_type)
        if docs:
            return Outcome(Status.PASS, {"why": why}, [doc_field(case, docs[0])])
    for doc_type, key in params.get("field_any", []):
        for doc in case.documents_of(doc_type):
            if doc.fields.get(key):
                value = doc.fields[key]
                return Outcome(Status.PASS, {"why": why}, [value if isinstance(value, Field) else value[0]])
    required = "、".join(doc_name(t) for t in params.get("documents_any", []))
    if required and len(case.documents) < MIN_DOCUMENTS_FOR_FILE:
        # a single decision (or its publication) is not the whole file: the absence of another
        # document in it is no evidence that the file lacks it (issue 14, part 5)
        return Outcome(Status.NOT_APPLICABLE, note=f"输入仅含 {len(case.documents)} 份文书，不是完整案卷，无法判断是否有{required}")
    evidence = [case.fine_total] if case.fine_total else []
    return Outcome(Status.FAIL, {"why": why, "required": required or "相应记载"}, evidence)
