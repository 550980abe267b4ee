"""执行 and 证据保全 checks on facts read by ``audit.parse.procedure_facts``.

- ``enforcement_application_window``: the court application comes after the remedy periods ran
  out and within the months after (行政强制法 第五十三条);
- ``surcharge_within_fine``: 加处罚款 does not exceed the fine (行政处罚法 第七十二条第一款第（一）项);
- ``instalment_approved``: 暂缓或者分期缴纳 only on the party's application and the agency's
  approval (第六十六条第二款);
- ``preservation_approved``: 先行登记保存 approved by the agency head (第五十六条);
- ``on_spot_collection_limit``: fines collected on the spot only within the law's amount, or on a
  stated ground (事后难以执行; 边远、水上、交通不便地区) (第六十八条、第六十九条).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from audit.checks.calendar import deadline
from audit.checks.evidence import doc_field, doc_name
from audit.checks.registry import Outcome, check_kind
from audit.checks.timeline import act_dates
from audit.model import Case, Field, Status
from audit.parse.numerals import int_to_chinese


def _cn(day: dt.date) -> str:
    return f"{day:%Y年%-m月%-d日}"


def _months(n: int) -> str:
    """三个月, 两个月: a count of months in words."""
    return f"{'两' if n == 2 else int_to_chinese(n)}个月"


@check_kind("enforcement_application_window", remedy_months="months to sue after service (行政诉讼法 第四十六条)",
            apply_months="months after the remedy periods to apply (行政强制法 第五十三条)")
def enforcement_application_window(case: Case, params: dict[str, Any]) -> Outcome:
    """The application to the court falls after the remedy periods and within the months after them."""
    acts = act_dates(case)
    served, applied = acts.get("decision_served"), acts.get("enforcement_applied")
    if applied is None:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中未见申请法院强制执行的记载")
    if served is None:
        return Outcome(Status.NEEDS_REVIEW, note="未识别到处罚决定书送达日期，无法计算申请强制执行的期限")
    opens, _ = deadline(served.date, int(params["remedy_months"]), "months")
    closes, _ = deadline(opens, int(params["apply_months"]), "months")
    values = {"served": _cn(served.date), "applied": _cn(applied.date), "opens": _cn(opens), "closes": _cn(closes)}
    evidence = [served.field, applied.field]
    if applied.date <= opens:
        return Outcome(Status.FAIL, values | {"problem": f"申请日期{_cn(applied.date)}早于复议、诉讼期限届满（{_cn(opens)}）"}, evidence)
    if applied.date > closes:
        return Outcome(Status.FAIL, values | {"problem": f"申请日期{_cn(applied.date)}晚于期限届满后{_months(int(params['apply_months']))}（{_cn(closes)}）"}, evidence)
    return Outcome(Status.PASS, values, evidence)


@check_kind("surcharge_within_fine", documents="document types that may state the surcharge")
def surcharge_within_fine(case: Case, params: dict[str, Any]) -> Outcome:
    """The late-payment surcharge (加处罚款) is not above the fine."""
    fine = case.fine_total.value if case.fine_total else None
    found = [(d, d.fields["surcharge"]) for t in params["documents"] for d in case.documents_of(t)
             if isinstance(d.fields.get("surcharge"), Field) and d.fields["surcharge"].value is not None]
    if not found:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中未见加处罚款数额")
    if fine is None:
        return Outcome(Status.NEEDS_REVIEW, note="未识别到罚款数额，无法核对加处罚款是否超过罚款数额")
    doc, top = max(found, key=lambda x: x[1].value)
    values = {"surcharge": f"{top.value:,.2f}元", "fine": f"{fine:,.2f}元", "where": doc_name(doc.type)}
    if top.value > fine + 0.005:
        return Outcome(Status.FAIL, values, [top, case.fine_total])
    return Outcome(Status.PASS, values, [top])


@check_kind("instalment_approved")
def instalment_approved(case: Case, params: dict[str, Any]) -> Outcome:
    """Deferral or instalments of a fine rest on the party's application and the agency's approval."""
    docs = [d for d in case.documents if isinstance(d.fields.get("instalment"), Field)]
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中未见暂缓或分期缴纳罚款的记载")
    applied = next((d.fields["instalment_applied"] for d in docs if isinstance(d.fields.get("instalment_applied"), Field)), None)
    granted = next((d.fields["instalment_granted"] for d in docs if isinstance(d.fields.get("instalment_granted"), Field)), None)
    missing = [name for name, f in (("当事人的申请", applied), ("行政机关的批准", granted)) if f is None]
    values = {"missing": "、".join(missing), "where": f"{doc_name(docs[0].type)}（第{docs[0].pages[0]}页）"}
    if missing:
        return Outcome(Status.FAIL, values, [docs[0].fields["instalment"]])
    return Outcome(Status.PASS, values, [applied, granted])


@check_kind("preservation_approved")
def preservation_approved(case: Case, params: dict[str, Any]) -> Outcome:
    """先行登记保存 was approved by the agency head (经行政机关负责人批准)."""
    docs = case.documents_of("preservation_decision")
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无先行登记保存文书")
    approved = next((d.fields["approved"] for d in docs if isinstance(d.fields.get("approved"), Field)), None)
    if approved is not None:
        return Outcome(Status.PASS, {}, [approved])
    return Outcome(Status.FAIL, {"where": f"{doc_name(docs[0].type)}（第{docs[0].pages[0]}页）"}, [doc_field(case, docs[0])])


@check_kind("on_spot_collection_limit", max_fine="largest fine the officers may collect on the spot for its amount alone")
def on_spot_collection_limit(case: Case, params: dict[str, Any]) -> Outcome:
    """A fine collected on the spot is small enough, or the file states the other lawful ground."""
    docs = [d for d in case.documents if isinstance(d.fields.get("collected_on_spot"), Field)]
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中未见当场收缴罚款的记载")
    fine = case.fine_total.value if case.fine_total else None
    if fine is None:
        return Outcome(Status.NEEDS_REVIEW, note="未识别到罚款数额，无法核对当场收缴的限额")
    limit = float(params["max_fine"])
    ground = next((d.fields["on_spot_ground"] for d in docs if isinstance(d.fields.get("on_spot_ground"), Field)), None)
    values = {"fine": f"{fine:,.2f}元", "limit": f"{limit:,.0f}元"}
    if fine <= limit + 0.005:
        return Outcome(Status.PASS, values, [docs[0].fields["collected_on_spot"]])
    if ground is not None:
        return Outcome(Status.PASS, values | {"ground": ground.value}, [ground])
    return Outcome(Status.FAIL, values, [docs[0].fields["collected_on_spot"], case.fine_total])
