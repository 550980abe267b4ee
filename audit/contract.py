"""The extraction contract: the JSON that ``audit extract --format json`` prints.

Evaluation tools read these key names; keep them stable. Each scalar is an object
``{value, raw, document, page, box, confidence}`` or null; ``document`` is the document
type code (``document_id`` names the exact document). The JSON Schema lives in
``audit/schemas/extraction.schema.json`` and a test validates every output against it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from audit.model import DATE_KEYS, SCHEMA_VERSION, Case, Citation, Field

SCHEMA_RESOURCE = "extraction.schema.json"


def _doc_type(case: Case, doc_id: str | None) -> str | None:
    doc = case.document(doc_id) if doc_id else None
    return doc.type if doc else None


def scalar(case: Case, f: Field | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {
        "value": f.value,
        "raw": f.raw,
        "document": _doc_type(case, f.document),
        "document_id": f.document,
        "page": f.page,
        "box": list(f.box) if f.box else None,
        "confidence": round(f.confidence, 3),
    }


def citation(case: Case, c: Citation) -> dict[str, Any]:
    return {
        "instrument": c.instrument,
        "article": c.article,
        "paragraph": c.paragraph,
        "item": c.item,
        "sub_item": c.sub_item,
        "raw": c.raw,
        "document": _doc_type(case, c.document),
        "page": c.page,
        "box": list(c.box) if c.box else None,
    }


def to_contract(case: Case) -> dict[str, Any]:
    """The contract view of a case."""
    s = lambda f: scalar(case, f)  # noqa: E731
    return {
        "schema_version": SCHEMA_VERSION,
        "case_id": case.case_id,
        "source": case.source,
        "case_number": s(case.case_number),
        "agency": s(case.agency),
        "cause": s(case.cause),
        "party": {
            "name": s(case.party.name),
            "type": s(case.party.type),
            "credit_code": s(case.party.credit_code),
            "id_number": s(case.party.id_number),
            "legal_representative": s(case.party.legal_representative),
            "address": s(case.party.address),
        },
        "officers": [{"name": s(o.name), "certificate": s(o.certificate)} for o in case.officers],
        "procedure": s(case.procedure),
        "documents": [
            {"type": d.type, "title": d.title, "pages": [d.pages[0], d.pages[-1]], "id": d.id}
            for d in case.documents
        ],
        "dates": {k: s(case.dates.get(k)) for k in DATE_KEYS},
        "violated_provisions": [citation(case, c) for c in case.violated_provisions],
        "penalty_basis": [citation(case, c) for c in case.penalty_basis],
        "penalties": [{"kind": s(p.kind), "amount": s(p.amount)} for p in case.penalties],
        "fine_total": s(case.fine_total),
        "remedy": {
            "review_body": s(case.remedy.review_body),
            "review_days": s(case.remedy.review_days),
            "court": s(case.remedy.court),
            "litigation_months": s(case.remedy.litigation_months),
            "litigation_after_review_days": s(case.remedy.litigation_after_review_days),
        },
        "pages": [
            {"number": p.number, "source_file": p.source_file, "source_page": p.source_page,
             "text_engine": p.text_engine, "needs_ocr": p.needs_ocr, "note": p.note}
            for p in case.pages
        ],
        "warnings": list(case.warnings),
    }


def schema() -> dict[str, Any]:
    """The JSON Schema of the contract (shipped inside the package)."""
    text = resources.files("audit.schemas").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)
