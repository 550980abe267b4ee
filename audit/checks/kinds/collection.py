"""罚缴分离 (行政处罚法（2021）第六十七条; （2017）第四十六条) on facts read by ``audit.parse.payment``.

- ``fine_collection_separated``: where the file records who received the fine, the deciding agency
  did not collect it itself, unless the officers lawfully collected it on the spot (the amount
  within ``max_fine``, or a stated ground: 第六十八条、第六十九条). The on-spot limits are judged by
  ``on_spot_collection_limit`` (PRO044/PRO045); an on-spot collection outside them is left to that
  rule, so one act is not counted twice.
"""

from __future__ import annotations

from typing import Any

from audit.checks.evidence import doc_name
from audit.checks.registry import Outcome, check_kind
from audit.model import Case, Field, Status


def _where(case: Case, field: Field) -> str:
    doc = case.document(field.document) if field.document else None
    name = doc_name(doc.type) if doc else "案卷"
    return f"{name}（第{field.page}页）" if field.page else name


@check_kind("fine_collection_separated", max_fine="largest fine the officers may collect on the spot for its amount alone")
def fine_collection_separated(case: Case, params: dict[str, Any]) -> Outcome:
    """The fine went to a bank, a 代收机构 or the 非税收入 system, or was lawfully collected on the spot."""
    facts = [d.fields["fine_collector"] for d in case.documents if isinstance(d.fields.get("fine_collector"), Field)]
    receipts = case.documents_of("payment_receipt")
    on_spot = next((d.fields["collected_on_spot"] for d in case.documents
                    if isinstance(d.fields.get("collected_on_spot"), Field)), None)
    if on_spot is not None:
        fine = case.fine_total.value if case.fine_total else None
        ground = next((d.fields["on_spot_ground"] for d in case.documents
                       if isinstance(d.fields.get("on_spot_ground"), Field)), None)
        if ground is not None or (fine is not None and fine <= float(params["max_fine"]) + 0.005):
            return Outcome(Status.PASS, {"how": "执法人员依法当场收缴", "where": _where(case, on_spot)}, [on_spot])
        return Outcome(Status.NOT_APPLICABLE, note="罚款由执法人员当场收缴；是否符合当场收缴的法定情形由当场收缴规则核对")
    agency = [f for f in facts if f.value == "agency"]
    if agency:
        f = agency[0]
        wording = (f.detail or {}).get("wording", f.raw)
        return Outcome(Status.FAIL, {"where": _where(case, f),
                                     "problem": f"记载“{wording}”，罚款由作出处罚决定的行政机关或其执法人员自行收取"}, [f])
    separate = [f for f in facts if f.value == "separate"]
    if separate:
        f = separate[0]
        return Outcome(Status.PASS, {"how": f"经{(f.detail or {}).get('wording', f.raw)}缴纳", "where": _where(case, f)}, [f])
    if receipts:
        return Outcome(Status.NEEDS_REVIEW, {"where": f"{doc_name(receipts[0].type)}（第{receipts[0].pages[0]}页）",
                                             "problem": "未能识别收款机构（指定银行、代收机构、非税收入系统或行政机关自身）"},
                       note="未能识别缴款凭证的收款机构（银行、代收机构、非税收入系统或行政机关自身），请人工核对")
    return Outcome(Status.NOT_APPLICABLE, note="案卷中未见罚款缴纳凭证或收款记载")
