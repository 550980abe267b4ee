"""Assemble a scenario's documents in filing order and draw the text-layer PDF (two passes).

The first pass lays the file out to learn each document's pages; the second draws it again
with those page ranges known, until they settle (卷内目录, "第 x 页 共 y 页" headers). The two passes must agree.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab import rl_config

from . import docs as D
from .layout import Writer, register_fonts
from .scenario import Scenario


@dataclass
class Step:
    key: str  # omit key: the document type, or receipt:<which>
    draw: Callable[[Writer, Scenario], None]
    date: str | None = None  # dates key for the file index
    number: str | None = None


def plan(sc: Scenario) -> list[Step]:
    """The documents of the file in filing order (without those the scenario omits)."""
    dd, t = sc.dates, sc.times
    steps: list[Step] = []
    if sc.procedure == "simple":
        steps = [Step("onsite_decision", D.doc_onsite_decision, "decided", sc.case_number),
                 Step("inspection_record", lambda w, s: D.doc_inspection(w, s, simple=True), "inspected")]
        steps += [Step("evidence", _evidence(k, data), "inspected") for k, data in sc.story.evidence_pages]
        if sc.fine:
            steps.append(Step("payment_receipt", D.doc_payment, "paid"))
        return [s for s in steps if s.key not in sc.omit]

    def receipt(which: str, name: str, number: str, date_key: str, time: str) -> Step:
        return Step(f"receipt:{which}",
                    lambda w, s: D.doc_receipt(w, s, which, name, number, s.dates[date_key], time), date_key, number)

    body: list[Step] = []
    if sc.complaint:
        body.append(Step("acceptance_record", D.doc_acceptance, "accepted"))
    body.append(Step("filing_report", D.doc_filing, "filed"))
    body.append(Step("inspection_record", D.doc_inspection, "inspected"))
    if sc.story.opinion:
        body.append(Step("supervision_opinion", D.doc_opinion, "inspected"))
    if sc.story.sampling:
        body.append(Step("sampling_record", D.doc_sampling, "sampled"))
    body.append(Step("interview_record", D.doc_interview, "interview"))
    for kind, data in sc.story.evidence_pages:
        if kind == "sampling":
            continue
        body.append(Step("evidence", _evidence(kind, data), "test_report" if kind == "test_report" else "inspected"))
    if sc.story.sampling:
        body.append(Step("test_result_notice", D.doc_test_notice, "test_notified"))
    body.append(Step("investigation_report", D.doc_investigation_report, "report"))
    body.append(Step("panel_discussion", D.doc_panel, "panel"))
    body.append(Step("legal_review", D.doc_legal_review, "legal_review"))
    if sc.collective:
        body.append(Step("collective_discussion", D.doc_collective, "collective"))
    body.append(Step("advance_notice", D.doc_advance_notice, "notice_issued", sc.notice_number))
    body.append(receipt("notice", D.sc_title(sc, "advance_notice"), sc.notice_number, "notice_served",
                        t["notice_served"]))
    if sc.hearing_right and sc.template.hearing_separate:
        body.append(Step("hearing_notice", D.doc_hearing_notice, "notice_issued", sc.hearing_number))
        body.append(receipt("hearing_notice", D.sc_title(sc, "hearing_notice"), sc.hearing_number,
                            "hearing_notice_served", t["notice_served"]))
    if sc.hearing_held:
        summons_no = (sc.hearing_number or sc.notice_number).replace("听告", "听通").replace("罚告", "听通")
        body.append(Step("hearing_summons", D.doc_hearing_summons, "hearing_summons_served", summons_no))
        body.append(receipt("hearing_summons", D.sc_title(sc, "hearing_summons"), summons_no,
                            "hearing_summons_served", t["notice_served"]))
        body.append(Step("hearing_record", D.doc_hearing_record, "hearing"))
        body.append(Step("hearing_report", D.doc_hearing_report, "hearing"))
    elif sc.defence_mode in ("raised", "waived"):
        body.append(Step("defence_record", D.doc_defence, "defence"))
    body.append(Step("decision_approval", D.doc_decision_approval, "approval"))
    body.append(Step("decision", D.doc_decision, "decided", sc.case_number))
    body.append(receipt("decision", D.sc_title(sc, "decision"), sc.case_number, "decision_served",
                        t["decision_served"]))
    if dd.get("paid"):
        body.append(Step("payment_receipt", D.doc_payment, "paid"))
    closing = Step("closing_report", D.doc_closing, "closed")
    steps = [Step("file_index", D.doc_index)]
    steps += [closing] + body if sc.template.order == "closing_first" else body + [closing]
    steps.append(Step("file_remarks", D.doc_remarks, "archived"))
    return [s for s in steps if s.key not in sc.omit]


def _evidence(kind: str, data: dict):
    return lambda w, s: D.doc_evidence(w, s, kind, data)


@contextmanager
def _binary_streams():
    """reportlab wraps images and page contents in ASCII85 by default (a quarter larger): not here."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _draw(sc: Scenario, steps: list[Step], layout: list[dict] | None) -> tuple[bytes, Writer]:
    with _binary_streams():
        return _draw_pdf(sc, steps, layout)


def _draw_pdf(sc: Scenario, steps: list[Step], layout: list[dict] | None) -> tuple[bytes, Writer]:
    buf = io.BytesIO()
    w = Writer(buf, title=f"{sc.agency} {sc.case_number} 案卷（样例，虚构）", author=sc.agency,
               style=sc.template.with_agency(sc.agency), plan=layout)
    for page, offset in sc.mod("page_number_offset", {}).items():
        w.page_number_offset[int(page)] = offset
    for step in steps:
        step.draw(w, sc)
        w.docs[-1]["key"] = step.key
        w.docs[-1]["date"] = sc.dates.get(step.date) if step.date else None
        w.docs[-1]["number"] = step.number
    w.c.save()
    return buf.getvalue(), w


def render(sc: Scenario) -> tuple[bytes, Writer]:
    """Draw the case: (PDF bytes, the writer holding page texts, documents and seals)."""
    register_fonts()
    steps = plan(sc)
    _, w = _draw(sc, steps, None)
    for _ in range(4):  # the file index grows with the plan: repeat until the page ranges settle
        layout = [dict(d) for d in w.docs]
        pdf, w = _draw(sc, steps, layout)
        if [x["pages"] for x in w.docs] == [x["pages"] for x in layout]:
            return pdf, w
    raise AssertionError(f"{sc.case_id}: layout does not settle")
