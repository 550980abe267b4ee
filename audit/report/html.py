"""The per-case review report (评查报告) as one self-contained HTML file (inline CSS and
images, works offline, prints to A4)."""

from __future__ import annotations

import datetime as dt
import functools

import jinja2

from audit import __version__
from audit.model import DATE_KEYS, Case, Field, Finding, Score, Severity, Status
from audit.parse.segment import type_names
from audit.privacy import mask
from audit.report.crops import PageImages
from audit.report.text import DATE_NAMES, PROCEDURE_NAMES, SEVERITY_NAMES, STATUS_NAMES, cite

SEVERITY_ORDER = {Severity.VETO: 0, Severity.MAJOR: 1, Severity.MINOR: 2, Severity.ADVICE: 3}


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("audit.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _chinese_date(iso: str) -> str:
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.year}年{d.month}月{d.day}日"


def _value(f: Field | None) -> str:
    return "—" if f is None or f.value in (None, "") else str(f.value)


class _Crops:
    """Page crops held apart from the HTML until it has been masked: masking runs over text,
    and base64 image data must neither cost it time nor be altered by it."""

    def __init__(self, images: PageImages) -> None:
        self.images = images
        self.uris: dict[str, str] = {}

    def token(self, page: int | None, box) -> str | None:
        uri = self.images.crop(page, box)
        if uri is None:
            return None
        token = f"crop-image-{chr(0x4E00 + len(self.uris))}"  # no digits: masking leaves it alone
        self.uris[token] = uri
        return token

    def fill(self, html: str) -> str:
        for token, uri in self.uris.items():
            html = html.replace(token, uri)
        return html


def _evidence(case: Case, images: _Crops, f: Field) -> dict:
    doc = case.document(f.document) if f.document else None
    return {
        "document": type_names().get(doc.type, doc.type) if doc else "—",
        "page": f.page,
        "raw": f.raw,
        "confidence": f.confidence,
        "crop": images.token(f.page, f.box),
    }


def _finding(case: Case, images: _Crops, f: Finding) -> dict:
    return {
        "rule": f.rule,
        "title": f.title,
        "dimension": f.dimension,
        "severity": SEVERITY_NAMES[f.severity.value],
        "severity_code": f.severity.value,
        "status": STATUS_NAMES[f.status],
        "status_code": f.status.value,
        "expected": f.expected,
        "observed": f.observed,
        "points": f.points,
        "fix": f.fix,
        "waiver": f.waiver,
        "basis": [{"cite": cite(b.instrument, b.article), "text": b.text} for b in f.basis],
        "evidence": [_evidence(case, images, e) for e in f.evidence[:4]],
    }


def render_html(case: Case, findings: list[Finding], score: Score, masked: bool = True,
                rule_set: str = "", profile: str = "", crop_cache: bool = True) -> str:
    """The HTML report of one audited case (``crop_cache=False``: crops are kept nowhere on disk)."""
    images = _Crops(PageImages(case, masked=masked, use_cache=crop_cache))
    defects = sorted(
        (f for f in findings if f.status is Status.FAIL),
        key=lambda f: (SEVERITY_ORDER[f.severity], f.rule),
    )
    reviews = [f for f in findings if f.status in (Status.NEEDS_REVIEW, Status.ERROR)]
    passed = [f for f in findings if f.status is Status.PASS]
    timeline = [
        {"name": DATE_NAMES[k], "date": case.dates[k].value, "page": case.dates[k].page,
         "display": _chinese_date(case.dates[k].value)}
        for k in DATE_KEYS if case.dates.get(k) is not None and case.dates[k].value
    ]
    timeline.sort(key=lambda t: t["date"])
    context = {
        "case": {
            "id": case.case_id,
            "number": _value(case.case_number),
            "party": _value(case.party.name),
            "agency": _value(case.agency),
            "cause": _value(case.cause),
            "procedure": PROCEDURE_NAMES.get(case.procedure.value, "—") if case.procedure else "未能判断",
            "officers": "、".join(_value(o.name) for o in case.officers) or "—",
            "pages": len(case.pages),
            "ocr_pages": sum(1 for p in case.pages if p.lines and p.lines[0].source.value == "ocr"),
            "documents": len(case.documents),
            "fine": f"{case.fine_total.value:,.2f} 元" if case.fine_total else "—",
            "warnings": case.warnings,
        },
        "timeline": timeline,
        "score": score,
        "dimensions": list(score.by_dimension.items()),
        "vetoes": [_finding(case, images, f) for f in defects if f.severity is Severity.VETO],
        "defects": [_finding(case, images, f) for f in defects if f.severity is not Severity.VETO],
        "reviews": [_finding(case, images, f) for f in reviews],
        "passed": [{"rule": f.rule, "title": f.title, "observed": f.observed} for f in passed],
        "not_applicable": sum(1 for f in findings if f.status is Status.NOT_APPLICABLE),
        "generated": dt.datetime.now().strftime("%Y年%-m月%-d日 %H:%M"),
        "version": __version__,
        "rule_set": rule_set,
        "profile": profile,
        "masked": masked,
    }
    html = _environment().get_template("report.html.j2").render(**context)
    return images.fill(mask(html) if masked else html)
