"""The ``amounts_agree`` check kind: an amount compared with another statement of it.

- ``compare: capitals_digits`` — an amount written both in Chinese capitals and in digits
  (叁万元整（¥30,000.00）) states the same number twice;
- ``compare: fine`` — the payment receipts record the fine decided (罚没款票据金额与决定书一致),
  allowing what the law allows: the confiscation paid with it, instalments that add up to it
  (行政处罚法 第六十六条第二款), and a surcharge that may ask for a manual check (第七十二条).
"""

from __future__ import annotations

from typing import Any

from audit.checks.evidence import doc_name
from audit.checks.registry import Outcome, check_kind
from audit.model import Case, Status


@check_kind(
    "amounts_agree",
    compare="capitals_digits: capitals and digits of one amount agree | fine: receipts record the fine decided",
    documents_="document types to check (capitals_digits: default all; fine: the payment documents)",
)
def amounts_agree(case: Case, params: dict[str, Any]) -> Outcome:
    """An amount agrees with its other statement: capitals with digits, or a receipt with the fine."""
    compare = params["compare"]
    if compare not in COMPARES:
        raise ValueError(f"amounts_agree: unknown compare {compare!r}; known: {', '.join(COMPARES)}")
    return COMPARES[compare](case, params)


def _capitals_digits(case: Case, params: dict[str, Any]) -> Outcome:
    """Where an amount is written both in Chinese capitals and in digits, the two agree."""
    scope = params.get("documents")
    pairs, bad = 0, []
    for doc in case.documents:
        if scope and doc.type not in scope:
            continue
        for f in doc.fields.get("amounts", []):
            d = f.detail or {}
            if d.get("digits") is None or d.get("capitals") is None:
                continue
            pairs += 1
            if abs(d["digits"] - d["capitals"]) > 0.005:
                bad.append(f)
    if pairs == 0:
        return Outcome(Status.NOT_APPLICABLE, note="未发现同时以大写和小写书写的金额")
    observed = "；".join(
        f"{doc_name(case.document(f.document).type)}（第{f.page}页）“{f.raw}”：大写为{_yuan(f.detail['capitals'])}，"
        f"小写为{_yuan(f.detail['digits'])}"
        for f in bad
    )
    return Outcome(Status.FAIL if bad else Status.PASS, {"pairs": pairs, "mismatches": observed}, bad)


def _yuan(value: float) -> str:
    return f"{value:,.2f}元"


def _receipts_match_fine(case: Case, params: dict[str, Any]) -> Outcome:
    """The payment receipt records the fine decided (罚没款票据金额与决定书一致)."""
    docs = [d for d in case.documents if d.type in params.get("documents", ["payment_receipt"])]
    fine = case.fine_total.value if case.fine_total else None
    if not docs or fine is None:
        return Outcome(Status.NOT_APPLICABLE, note="无缴款票据或未识别到罚款数额")
    confiscated = sum(p.amount.value for p in case.penalties
                      if p.kind and p.kind.value.startswith("没收") and p.amount and p.amount.value)
    accepted = {round(fine, 2), round(fine + confiscated, 2)}  # a receipt may also carry the confiscation
    firsts, odd = [], None
    for doc in docs:
        amounts = [a for a in doc.fields.get("amounts", []) if a.value is not None]
        if any(round(a.value, 2) in accepted for a in amounts):
            continue
        if not amounts:
            return Outcome(Status.NEEDS_REVIEW, note=f"{doc_name(doc.type)}中未识别到金额")
        firsts.append(max(amounts, key=lambda a: a.value))
        odd = odd or amounts
    if odd is None:
        return Outcome(Status.PASS, {"fine": _yuan(fine)})
    # 分期缴纳 (行政处罚法 第六十六条第二款): the instalment receipts add up to the fine
    if len(firsts) == len(docs) > 1 and round(sum(a.value for a in firsts), 2) in accepted:
        return Outcome(Status.PASS, {"fine": _yuan(fine)})
    shown = "、".join(_yuan(a.value) for a in odd)
    # 加处罚款 (第七十二条) is paid with the fine and never exceeds it: a receipt above the fine and
    # at most twice it may carry the surcharge; a reviewer compares it with the late days
    if any(fine < a.value <= 2 * fine + confiscated + 0.005 for a in firsts):
        return Outcome(Status.NEEDS_REVIEW, {"receipt": shown, "fine": _yuan(fine)}, odd[:2],
                       note=f"票据金额{shown}高于罚款{_yuan(fine)}，可能含加处罚款，请核对逾期天数和加处罚款数额")
    return Outcome(Status.FAIL, {"receipt": shown, "fine": _yuan(fine)}, [case.fine_total, *odd[:2]])


COMPARES = {"capitals_digits": _capitals_digits, "fine": _receipts_match_fine}
