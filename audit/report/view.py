"""One view of a finding for every page that shows it (the HTML report, the web page):
words from :mod:`audit.labels`, the basis cited, the reviewer's comment, and the evidence
as each page draws it (a crop inlined in the report, a link to a crop on the web page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from audit import labels
from audit.model import Field, Finding
from audit.report.text import cite

EvidenceView = Callable[[Field, Finding], dict[str, Any]]
MAX_EVIDENCE = 4


def finding_view(f: Finding, evidence: EvidenceView, status_words: dict[str, str] | None = None,
                 comments: dict[str, str] | None = None) -> dict[str, Any]:
    """The finding as a plain dict for a template. ``status_words`` replaces the status labels
    (the officer's self-check speaks plainer); ``comments`` are the reviewer's, by rule."""
    status_label = (status_words or {}).get(f.status.value) or labels.status(f.status)
    return {
        "rule": f.rule,
        "title": f.title,
        "dimension": f.dimension,
        "severity": f.severity.value,
        "severity_code": f.severity.value,
        "severity_label": labels.severity(f.severity),
        "status": f.status.value,
        "status_code": f.status.value,
        "status_label": status_label,
        "points": f.points,
        "expected": f.expected,
        "observed": f.observed,
        "fix": f.fix,
        "waiver": f.waiver,
        "veto_basis": f.veto_basis,
        "comment": (comments or {}).get(f.rule, ""),
        "basis": [{"cite": cite(b.instrument, b.article), "text": b.text} for b in f.basis],
        "evidence": [evidence(e, f) for e in f.evidence[:MAX_EVIDENCE]],
    }
