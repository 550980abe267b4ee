"""From per-document fields to the case-level facts (the extraction contract).

Each fact is taken from the document that is authoritative for it (the decision for the
penalty, the filing report for the filing date …), falling back along a fixed order.
The per-document values stay on the documents, where cross-document rules compare them.
"""

from __future__ import annotations

from audit.model import Case, Citation, Document, Field, Officer, Party, Penalty, Remedy
from audit.parse.procedure_facts import procedure_facts

# Where to look first for facts stated in several documents.
AUTHORITY = (
    "decision", "onsite_decision", "advance_notice", "hearing_notice", "decision_approval",
    "investigation_report", "filing_report", "closing_report", "legal_review", "panel_discussion",
    "collective_discussion", "inspection_record", "service_receipt", "payment_receipt",
)


def _ordered(case: Case) -> list[Document]:
    rank = {t: i for i, t in enumerate(AUTHORITY)}
    return sorted(case.documents, key=lambda d: (rank.get(d.type, len(rank)), d.pages[0]))


def _first(case: Case, key: str, types: tuple[str, ...] | None = None) -> Field | None:
    for doc in _ordered(case):
        if types and doc.type not in types:
            continue
        value = doc.fields.get(key)
        if isinstance(value, Field) and value.value not in (None, ""):
            return value
    return None


def _first_list(case: Case, key: str, types: tuple[str, ...] | None = None) -> list[Field]:
    for doc in _ordered(case):
        if types and doc.type not in types:
            continue
        value = doc.fields.get(key)
        if isinstance(value, list) and value:
            return value
    return []


def consolidate(case: Case) -> None:
    """Fill the case-level fields of ``case`` from its documents' fields."""
    types = {d.type for d in case.documents}
    if "onsite_decision" in types:
        case.procedure = Field("simple", "当场行政处罚决定书")
    elif types & {"decision", "advance_notice", "filing_report", "investigation_report"}:
        case.procedure = Field("ordinary", "普通程序文书")

    decisions = ("decision", "onsite_decision")
    case.case_number = _first(case, "case_number", decisions) or _decision_number_from_others(case)
    case.agency = _first(case, "agency")
    case.cause = _first(case, "cause")
    case.party = _party(case)
    case.officers = _officers(case)
    _dates(case)
    case.violated_provisions = [_citation(f) for f in _first_list(case, "violated")]
    case.penalty_basis = [_citation(f) for f in _first_list(case, "basis")]
    penalties = _first_list(case, "penalties", decisions) or _first_list(case, "penalties")
    case.penalties = [_penalty(f) for f in penalties]
    fines = [f for f in penalties if f.value.get("kind") == "罚款" and f.value.get("amount") is not None]
    if fines:
        total = sum(f.value["amount"] for f in fines)
        case.fine_total = Field(total, fines[0].raw, fines[0].document, fines[0].page, fines[0].box, fines[0].confidence)
    case.remedy = Remedy(
        review_body=_first(case, "review_body", decisions),
        review_days=_first(case, "review_days", decisions),
        court=_first(case, "court", decisions),
        litigation_months=_first(case, "litigation_months", decisions),
        litigation_after_review_days=_first(case, "litigation_after_review_days", decisions),
        review_bodies=_first_list(case, "review_bodies", decisions),
        periods=_first_list(case, "remedy_periods", decisions),
        review_first=_first(case, "review_first", decisions),
        direct_litigation=_first_list(case, "direct_litigation", decisions),
        notice=_first(case, "remedy_notice", decisions),
    )


def _decision_number_from_others(case: Case) -> Field | None:
    """Without a decision, the case is known by the number of its other documents."""
    return _first(case, "case_number")


def _party(case: Case) -> Party:
    from audit.parse.fields import party_type

    name = _first(case, "party_name")
    code = _first_list(case, "credit_codes")
    ids = _first_list(case, "id_numbers", ("decision", "onsite_decision", "advance_notice", "filing_report"))
    kind = party_type(name.value if name else None, bool(code), bool(ids), code[0].value[:2] if code else "")
    kind_field = Field(kind, name.raw if name else "", name.document if name else None,
                       name.page if name else None, name.box if name else None) if kind else None
    return Party(
        name=name,
        type=kind_field,
        credit_code=code[0] if code else None,
        id_number=ids[0] if ids and kind == "individual" else None,
        legal_representative=_first(case, "legal_representative"),
        address=_first(case, "party_address"),
    )


def _officers(case: Case) -> list[Officer]:
    seen: dict[str, Officer] = {}
    for doc in sorted(case.documents, key=lambda d: d.pages[0]):
        for f in doc.fields.get("officers", []):
            name = f.value["name"]
            if name not in seen:
                seen[name] = Officer(
                    name=Field(name, f.raw, f.document, f.page, f.box, f.confidence),
                    certificate=Field(f.value["certificate"], f.raw, f.document, f.page, f.box, f.confidence),
                )
    return list(seen.values())


def _served(case: Case, served_type: str) -> Field | None:
    for doc in sorted(case.documents, key=lambda d: d.pages[0]):
        if doc.type != "service_receipt":
            continue
        st = doc.fields.get("served_type")
        if isinstance(st, Field) and st.value == served_type and isinstance(doc.fields.get("served"), Field):
            return doc.fields["served"]
    return None


def _dates(case: Case) -> None:
    d = case.dates
    d["accepted"] = _first(case, "accepted", ("acceptance_record", "filing_report"))
    d["filed"] = _first(case, "filed", ("filing_report",))
    d["inspected"] = _first(case, "inspected", ("inspection_record",))
    d["notice_issued"] = _first(case, "date", ("advance_notice",))
    d["notice_served"] = _served(case, "advance_notice")
    d["hearing_notice_served"] = _served(case, "hearing_notice")
    if d["hearing_notice_served"] is None and not case.documents_of("hearing_notice") and any(
        isinstance(doc.fields.get("hearing_right"), Field) for doc in case.documents_of("advance_notice")
    ):
        d["hearing_notice_served"] = d["notice_served"]  # the hearing right was notified in the advance notice
    d["decided"] = _first(case, "decided", ("decision", "onsite_decision")) or _first(
        case, "date", ("decision", "onsite_decision")
    ) or _first(case, "decided", ("publication",))  # the decision date a publicity record states in its own row
    d["decision_served"] = (
        _served(case, "decision") or _served(case, "onsite_decision") or _first(case, "served", ("onsite_decision",))
    )
    d["paid"] = _first(case, "paid", ("payment_receipt",))
    d["closed"] = _first(case, "closed", ("closing_report",))
    d.update(procedure_facts(case))  # violation, hearing, preservation, enforcement … dates


def _citation(f: Field) -> Citation:
    v = f.value
    return Citation(
        instrument=v.get("instrument"),
        article=v["article"],
        paragraph=v.get("paragraph"),
        item=v.get("item"),
        sub_item=v.get("sub_item"),
        raw=f.raw,
        document=f.document,
        page=f.page,
        box=f.box,
        confidence=f.confidence,
    )


def _penalty(f: Field) -> Penalty:
    kind = Field(f.value["kind"], f.raw, f.document, f.page, f.box, f.confidence)
    amount = None
    if f.value.get("amount") is not None:
        a = (f.detail or {}).get("amount", {})
        amount = Field(f.value["amount"], a.get("raw", f.raw), f.document, a.get("page", f.page),
                       tuple(a["box"]) if a.get("box") else f.box, f.confidence,
                       detail={k: a.get(k) for k in ("digits", "capitals", "digits_raw", "capitals_raw") if k in a})
    return Penalty(kind=kind, amount=amount)
