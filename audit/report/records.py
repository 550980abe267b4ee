"""One flat record per audited case: what the workbook, the history store and the
statistics read. Built from a case audit, masked like every other output."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from audit.checks import load_rules
from audit.ingest.folder import INCOMPLETE
from audit.model import Case, Field, Finding, Score, Status, to_dict


def rule_set_version() -> str:
    """A short hash of every loaded rule: changes whenever a rule file changes."""
    data = json.dumps([to_dict(r.basis) + [r.code, r.kind, r.params, r.points, r.severity.value]
                       for r in load_rules()], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]


def _v(f: Field | None) -> Any:
    return None if f is None else f.value


def finding_record(case: Case, f: Finding) -> dict[str, Any]:
    first = f.evidence[0] if f.evidence else None
    doc = case.document(first.document) if first and first.document else None
    return {
        "rule": f.rule,
        "title": f.title,
        "dimension": f.dimension,
        "severity": f.severity.value,
        "status": f.status.value,
        "points": f.points,
        "document": doc.type if doc else None,
        "page": first.page if first else None,
        "observed": f.observed,
        "fix": f.fix,
        "basis": "；".join(f"{b.instrument}{b.article}" for b in f.basis),
        "waived": bool(f.waiver),
    }


def case_record(case: Case, findings: list[Finding], score: Score, content_hash: str = "") -> dict[str, Any]:
    """The flat record of one case audit (contract values, score, counts, findings)."""
    counts = {s.value: sum(1 for f in findings if f.status is s) for s in Status}
    return {
        "case_id": case.case_id,
        "source": case.source,
        "content_hash": content_hash,
        "case_number": _v(case.case_number),
        "party": _v(case.party.name),
        "party_type": _v(case.party.type),
        "agency": _v(case.agency),  # the handling unit (办案单位)
        "officers": [o.name.value for o in case.officers if o.name],
        "procedure": _v(case.procedure),
        "cause": _v(case.cause),
        "filed": _v(case.dates.get("filed")),
        "decided": _v(case.dates.get("decided")),
        "closed": _v(case.dates.get("closed")),
        "fine_total": _v(case.fine_total),
        "score": score.total,
        "grade": score.grade,
        "vetoed": score.vetoed,
        "by_dimension": dict(score.by_dimension),
        "needs_review_points": score.needs_review_points,
        "standard": score.standard,
        "counts": counts,
        "pages": len(case.pages),
        "incomplete": any(w.startswith(INCOMPLETE) for w in case.warnings),
        "documents": len(case.documents),
        "findings": [finding_record(case, f) for f in findings if f.status in (Status.FAIL, Status.NEEDS_REVIEW, Status.ERROR)],
    }
