"""What the case page shows, as plain dicts for the templates: findings grouped by document,
each with where it was read, the article, the fix, and the fields that can be corrected."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from audit import labels as words_for
from audit.model import Box, Case, Field, Finding, Score, Severity, Status
from audit.overrides import BOOL_FIELDS, DATE_FIELDS, FIELD_NAMES
from audit.report.html import standard_label
from audit.report.places import crop_field, whole_document
from audit.report.text import DATE_NAMES
from audit.report.view import finding_view
from audit.selfcheck import fix_order, wording

LOW_CONFIDENCE = 0.85  # as the rules' default min_confidence (audit/checks/rules.py)
INFO_PREFIXES = ("OCR", "已按人工更正")  # notes, not warnings
WHOLE_FILE = "_case"


def box_param(box: Box | None) -> str:
    return ",".join(f"{v:.1f}" for v in box) if box else ""


def _doc_names() -> dict[str, str]:
    from audit.parse.segment import type_names

    return type_names()


def _span(pages: list[int]) -> str:
    return f"第{pages[0]}页" if len(pages) == 1 else f"第{pages[0]}–{pages[-1]}页"


def editable_key(case: Case, f: Field) -> str | None:
    """The document field key a piece of evidence was read into, when it can be corrected."""
    doc = case.document(f.document) if f.document else None
    if doc is None:
        return None
    for key, value in doc.fields.items():
        if isinstance(value, Field) and value is f:
            return key
    for key, value in doc.fields.items():
        if (isinstance(value, Field) and value.page == f.page and value.box == f.box and value.raw == f.raw
                and key in FIELD_NAMES):
            return key
    return None


def _display(key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if key in BOOL_FIELDS:
        return "是" if value else "否"
    if key in DATE_FIELDS and isinstance(value, str) and len(value) == 10:
        y, m, d = value.split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日"
    return str(value)


def document_fields(case: Case, doc_id: str) -> list[dict[str, Any]]:
    """The scalar fields of a document that an officer may correct, known names first."""
    doc = case.document(doc_id)
    if doc is None:
        return []
    order = {k: i for i, k in enumerate(FIELD_NAMES)}
    out = []
    for key, value in doc.fields.items():
        if not isinstance(value, Field) or key not in FIELD_NAMES or key == "served_type":
            continue
        override = (value.detail or {}).get("override")
        out.append({
            "key": key,
            "label": FIELD_NAMES[key],
            "value": _display(key, value.value),
            "raw": value.raw,
            "page": value.page,
            "confidence": value.confidence,
            "low": value.confidence < LOW_CONFIDENCE,
            "override": override,
            "original": _display(key, override.get("original")) if override else "",
        })
    out.sort(key=lambda f: order.get(f["key"], 99))
    return out


def _evidence(case: Case, job_id: str, f: Field, finding: Finding | None = None) -> dict[str, Any]:
    names = _doc_names()
    doc = case.document(f.document) if f.document else None
    if finding is not None and whole_document(case, f):  # a missing thing: where it belongs, or no picture
        place = crop_field(case, finding, f)
        f = place if place is not None else Field(None, "", f.document, f.page, None, 1.0)
    page = case.page(f.page) if f.page else None
    has_image = page is not None and page.width is not None and f.box is not None
    query = urlencode({"box": box_param(f.box)}) if f.box else ""
    field_key = editable_key(case, f)
    return {
        "document": names.get(doc.type, doc.type) if doc else "",
        "doc_id": doc.id if doc else "",
        "page": f.page,
        "raw": f.raw,
        "confidence": f.confidence,
        "low": field_key is not None and f.confidence < LOW_CONFIDENCE,
        "crop_url": f"/cases/{job_id}/crop/{f.page}.png?{query}" if has_image else "",
        "page_url": f"/cases/{job_id}/pages/{f.page}.png?{query}" if page is not None and page.width else "",
        "field": field_key,
        "corrected": bool((f.detail or {}).get("override")),
    }


def _finding(case: Case, job_id: str, f: Finding, labels: dict[str, str], number: int,
             comments: dict[str, str] | None = None) -> dict[str, Any]:
    view = finding_view(f, lambda e, owner: _evidence(case, job_id, e, owner), labels, comments)
    return {"n": number, "anchor": f"f-{f.rule}-{number}", **view}


def _home(case: Case, f: Finding) -> str:
    """The document a finding belongs to: that of its first evidence with a document."""
    for e in f.evidence:
        if e.document and case.document(e.document):
            return e.document
    return WHOLE_FILE


def case_context(case: Case, job_id: str, findings: list[Finding], score: Score, view: str,
                 show_score: bool) -> dict[str, Any]:
    """Everything the case page shows for one view of the rules."""
    words = wording()
    labels = words["labels"] if view == "self" else {s.value: words_for.status(s) for s in Status}
    from audit.review import load_review

    todo = fix_order(findings)
    comments = load_review(case.source).comments
    items = [_finding(case, job_id, f, labels, i, comments) for i, f in enumerate(todo, start=1)]
    homes = [_home(case, f) for f in todo]
    names = _doc_names()
    groups = []
    for doc in sorted(case.documents, key=lambda d: d.pages[0]):
        mine = [item for item, home in zip(items, homes, strict=True) if home == doc.id]
        groups.append({
            "id": doc.id, "name": names.get(doc.type, doc.type), "title": doc.title, "pages": _span(doc.pages),
            "findings": mine, "fields": document_fields(case, doc.id),
            "worst": min((0 if i["status"] == "fail" else 1 for i in mine), default=2),
        })
    whole = [item for item, home in zip(items, homes, strict=True) if home == WHOLE_FILE]
    if whole:
        groups.insert(0, {"id": WHOLE_FILE, "name": "全卷", "title": "涉及整个案卷的问题", "pages": "",
                          "findings": whole, "fields": [], "worst": 0})
    counts = {s: sum(1 for f in todo if f.status is s) for s in (Status.FAIL, Status.NEEDS_REVIEW, Status.ERROR)}
    dates = [{"name": DATE_NAMES[k], "value": _display("date", v.value), "page": v.page}
             for k, v in case.dates.items() if v is not None and v.value]
    return {
        "view": view,
        "show_score": show_score or view == "full",
        "words": words,
        "labels": labels,
        "summary": {
            "number": _v(case.case_number), "party": _v(case.party.name), "agency": _v(case.agency),
            "cause": _v(case.cause),
            "procedure": words_for.procedure(case.procedure.value if case.procedure else None),
            "pages": len(case.pages), "documents": len(case.documents),
            "warnings": [_chinese(w) for w in case.warnings if not w.startswith(INFO_PREFIXES)],
            "notes": [_chinese(w) for w in case.warnings if w.startswith(INFO_PREFIXES)],
            "dates": dates,
        },
        "todo": items,
        "groups": groups,
        "counts": {"fail": counts[Status.FAIL], "needs_review": counts[Status.NEEDS_REVIEW],
                   "error": counts[Status.ERROR]},
        "passed": sum(1 for f in findings if f.status is Status.PASS),
        "waived": sum(1 for f in findings if f.waiver),
        "vetoes": sum(1 for f in todo if f.status is Status.FAIL and f.severity is Severity.VETO),
        "score": score,
        "standard_label": standard_label(score.standard),
    }


def _chinese(message: str) -> str:
    """The Chinese half of a bilingual "中文 / English" note."""
    return message.split(" / ", 1)[0]


def _v(f: Field | None) -> str:
    return "—" if f is None or f.value in (None, "") else str(f.value)
