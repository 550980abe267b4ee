"""Who received the fine (罚缴分离, 行政处罚法（2021）第六十七条; （2017）第四十六条).

Reads the payment receipts and the closing report for the payee: a bank, a 代收机构 or the
非税收入/treasury system (``separate``), or the deciding agency or its officers themselves
(``agency``). The wordings are data (``checklists/payment.yaml``). Each document that states it
gets a ``fine_collector`` field; a receipt that states neither gets none, and the check then asks
for a reviewer. The decision's own payment instructions (到指定银行缴纳…) say how to pay, not
how it was paid, so the decision is not read.
"""

from __future__ import annotations

import functools

import regex

from audit.checklists import load_yaml
from audit.model import Case, Field
from audit.parse.doctext import DocText

PAID_IN = ("payment_receipt", "closing_report")


@functools.cache
def _patterns() -> dict[str, tuple[regex.Pattern, ...]]:
    data = load_yaml("payment.yaml")
    return {key: tuple(regex.compile(e["pattern"]) for e in data[key]) for key in ("separate", "agency")}


def _first(patterns: tuple[regex.Pattern, ...], text: str) -> regex.Match | None:
    found = [m for m in (p.search(text) for p in patterns) if m]
    return min(found, key=lambda m: m.start()) if found else None


def collector(text: str) -> tuple[str, regex.Match] | None:
    """``("agency" | "separate", match)`` for one document's text; the agency's own receipt wins
    (a receipt naming the agency as payee is self-collection even where a bank is also named)."""
    pats = _patterns()
    for key in ("agency", "separate"):
        m = _first(pats[key], text)
        if m:
            return key, m
    return None


def payment_facts(case: Case) -> dict[str, Field | None]:
    """Set ``fine_collector`` on each receipt or closing report that names the payee."""
    for doc in case.documents_of(*PAID_IN):
        if "fine_collector" in doc.fields:
            continue
        dt = DocText.of(case, doc)
        found = collector(dt.text)
        if found:
            key, m = found
            doc.fields["fine_collector"] = dt.field(key, *m.span(), detail={"wording": m.group(0)})
    return {}
