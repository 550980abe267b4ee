"""The per-case review report (评查报告) as one self-contained HTML file (inline CSS and
images, works offline, prints to A4)."""

from __future__ import annotations

import datetime as dt
import functools

import jinja2

from audit import __version__, labels
from audit.ingest.folder import INCOMPLETE as INCOMPLETE_PREFIX
from audit.model import DATE_KEYS, Case, Field, Finding, Score, Severity, Status
from audit.parse.segment import type_names
from audit.privacy import mask
from audit.report.crops import PageImages
from audit.report.places import crop_field
from audit.report.text import DATE_NAMES
from audit.report.view import finding_view

SEVERITY_ORDER = {s: labels.rank(labels.SEVERITY, s) for s in Severity}


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("audit.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )




def standard_label(standard: str) -> str:
    """The scoring standard's Chinese title."""
    try:
        from audit.score import load_standard

        return str(load_standard(standard).get("title") or standard) if standard else ""
    except Exception:  # noqa: BLE001 - a label must never fail a report
        return standard


def profile_label(profile: str) -> str:
    """The profile's Chinese name where its file gives one, else its file name."""
    try:
        from audit.checks.profile import load_profile

        data = load_profile(profile) if profile else {}
    except Exception:  # noqa: BLE001 - a label must never fail a report
        return profile
    return str(data.get("title") or data.get("name_zh") or data.get("label") or profile)


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


def _evidence(case: Case, images: _Crops, finding: Finding, f: Field) -> dict:
    doc = case.document(f.document) if f.document else None
    target = crop_field(case, finding, f)  # a missing thing: the line where it belongs, or no picture
    return {
        "document": type_names().get(doc.type, doc.type) if doc else "—",
        "page": target.page if target else f.page,
        "raw": target.raw if target else "",
        "confidence": target.confidence if target else 1.0,
        "crop": images.token(target.page, target.box) if target else None,
    }


def render_html(case: Case, findings: list[Finding], score: Score, masked: bool = True,
                rule_set: str = "", profile: str = "", crop_cache: bool = True,
                pages: PageImages | None = None) -> str:
    """The HTML report of one audited case, with the reviewer's comments and sign-off
    (评查人, 复核人, 日期) from the case's side file (:mod:`audit.review`). ``crop_cache=False``:
    crops are kept nowhere on disk. ``pages``: the case's page images shared with other writers
    (made with the same ``masked`` and ``crop_cache``)."""
    from audit.review import load_review

    images = _Crops(pages or PageImages(case, masked=masked, use_cache=crop_cache))
    review = load_review(case.source)

    def _finding(case: Case, images: _Crops, f: Finding) -> dict:
        return finding_view(f, lambda e, owner: _evidence(case, images, owner, e), comments=review.comments)

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
            "procedure": labels.procedure(case.procedure.value if case.procedure else None),
            "officers": "、".join(_value(o.name) for o in case.officers) or "—",
            "pages": len(case.pages),
            "ocr_pages": sum(1 for p in case.pages if p.lines and p.lines[0].source.value == "ocr"),
            "documents": len(case.documents),
            "fine": f"{case.fine_total.value:,.2f} 元" if case.fine_total else "—",
            "warnings": [w.split(" / ", 1)[0] for w in case.warnings],  # the document is Chinese
        },
        "timeline": timeline,
        "score": score,
        "dimensions": list(score.by_dimension.items()),
        "vetoes": [_finding(case, images, f) | {"veto_basis": score.vetoes.get(f.rule) or f.veto_basis}
                   for f in defects if f.severity is Severity.VETO or f.rule in score.vetoes],
        "defects": [_finding(case, images, f) for f in defects
                    if f.severity is not Severity.VETO and f.rule not in score.vetoes],
        "reviews": [_finding(case, images, f) for f in reviews],
        "passed": [{"rule": f.rule, "title": f.title, "observed": f.observed} for f in passed],
        "not_applicable": sum(1 for f in findings if f.status is Status.NOT_APPLICABLE),
        "generated": dt.datetime.now().strftime("%Y年%-m月%-d日 %H:%M"),
        "version": __version__,
        "rule_set": rule_set,
        "profile": profile,
        "profile_label": profile_label(profile),
        "standard_label": standard_label(score.standard),
        "masked": masked,
        "signoff": review.signoff,
        "incomplete": [w.split(" / ", 1)[0] for w in case.warnings if w.startswith(INCOMPLETE_PREFIX)],
    }
    html = _environment().get_template("report.html.j2").render(**context)
    return images.fill(mask(html) if masked else html)
