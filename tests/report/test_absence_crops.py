"""A finding about something missing shows the line where it belongs, or no picture —
never the document's title or a page stamp."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Status
from audit.pipeline import audit_case
from audit.report.places import crop_field, rule_place_labels, whole_document

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


@pytest.fixture(scope="module")
def audits():
    return {name: audit_case(CORPUS / name / "text.pdf")
            for name in ("sc-ord-2022-disinfection", "zj-ord-2024-publicplace-licence", "gd-ord-2024-medinst-scope")}


def _absences(audit):
    for finding in audit.findings:
        if finding.status in (Status.FAIL, Status.NEEDS_REVIEW):
            for e in finding.evidence:
                if whole_document(audit.case, e):
                    yield finding, e, crop_field(audit.case, finding, e)


@pytest.mark.parametrize(("case", "rule", "expected"), [
    ("sc-ord-2022-disinfection", "AUT001", "执法人员：谢晓东"),  # the record's officers line, not its title
    ("sc-ord-2022-disinfection", "LAW001", "依据《中华人民共和国传染病防治法》第六十九条"),  # the basis sentence, not "014"
    ("zj-ord-2024-publicplace-licence", "AUT002", "执法人员：肖洁、夏丽娟"),
])
def test_absence_crop_shows_the_place(audits, case, rule, expected):
    found = [(e, target) for f, e, target in _absences(audits[case]) if f.rule == rule]
    assert found, f"{rule} reported nothing missing in {case}"
    for e, target in found:
        assert target is not None and target.box is not None
        assert expected in target.raw
        assert target.raw != e.raw and target.raw.strip() not in ("014", "")


def test_every_absence_crop_is_its_place_or_none(audits):
    seen = 0
    for audit in audits.values():
        for finding, _, target in _absences(audit):
            seen += 1
            if target is None:
                continue
            labels = rule_place_labels(finding.rule)
            assert any(label in target.raw for label in labels), (finding.rule, target.raw)
    assert seen >= 8  # text-pattern, evidence and document absences included: they get no picture


def test_report_caption_for_an_absence_is_the_place(audits):
    from audit.report.html import render_html

    audit = audits["sc-ord-2022-disinfection"]
    page = render_html(audit.case, audit.findings, audit.score)
    block = page.split('id="f-LAW001"', 1)[1].split('<div class="finding', 1)[0]
    assert "依据《中华人民共和国传染病防治法》第六十九条" in block and "“014”" not in block
    assert "<img" in block
