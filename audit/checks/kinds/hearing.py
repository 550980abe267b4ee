"""Hearing (听证) checks beyond its periods: who presides, and the decision after the hearing.

The hearing dates and the presider are facts read by ``audit.parse.procedure_facts``.
"""

from __future__ import annotations

from typing import Any

from audit.checks.evidence import doc_field
from audit.checks.registry import Outcome, check_kind
from audit.checks.timeline import act_dates
from audit.model import Case, Field, Status
from audit.parse.officers import person_names


@check_kind("hearing_presider_independent")
def hearing_presider_independent(case: Case, params: dict[str, Any]) -> Outcome:
    """The hearing is presided over by someone who did not investigate the case (非本案调查人员)."""
    docs = case.documents_of("hearing_record") + case.documents_of("hearing_report")
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无听证笔录或听证报告")
    presider = next((d.fields["presider"] for d in docs if isinstance(d.fields.get("presider"), Field)), None)
    if presider is None or not person_names(str(presider.value)):
        return Outcome(Status.NEEDS_REVIEW, note="听证笔录中未识别到听证主持人")
    investigators: dict[str, Field] = {}
    for d in docs:
        f = d.fields.get("investigators")
        if isinstance(f, Field):
            investigators.update(dict.fromkeys(person_names(str(f.value)), f))
    for officer in case.officers:  # officers who signed the inspection and interview records
        if officer.name is not None and officer.name.value:
            investigators.setdefault(str(officer.name.value), officer.name)
    name = next(iter(person_names(str(presider.value))))
    values = {"presider": name}
    if name in investigators:
        return Outcome(Status.FAIL, values, [presider, investigators[name]])
    if not investigators:
        return Outcome(Status.NEEDS_REVIEW, values, [presider], note="未识别到本案调查人员，无法核对听证主持人是否为调查人员")
    return Outcome(Status.PASS, values, [presider])


@check_kind("decision_after_hearing")
def decision_after_hearing(case: Case, params: dict[str, Any]) -> Outcome:
    """A hearing held is recorded (听证笔录) and the decision is made after it (第六十五条)."""
    acts = act_dates(case)
    held, decided = acts.get("hearing_held"), acts.get("decided")
    records = case.documents_of("hearing_record")
    reports = case.documents_of("hearing_report")
    if held is None and not records and not reports:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中未见举行听证的记载")
    if not records:
        return Outcome(Status.FAIL, {"problem": "案卷中有听证报告或听证日期，但未见听证笔录"},
                       [doc_field(case, reports[0])] if reports else [held.field])
    if held is None or decided is None:
        return Outcome(Status.NOT_APPLICABLE, note="未同时识别到听证日期和处罚决定日期")
    values = {"held": f"{held.date:%Y年%-m月%-d日}", "decided": f"{decided.date:%Y年%-m月%-d日}"}
    if decided.date < held.date:
        return Outcome(Status.FAIL, values | {"problem": f"处罚决定（{values['decided']}）早于听证（{values['held']}）"},
                       [held.field, decided.field])
    return Outcome(Status.PASS, values, [held.field, decided.field])
