"""The correction notice (案卷评查整改通知书) as an editable DOCX that can be sent as is: in
the register of an official notice (GB/T 9704 practice: title in 小标宋, first-level headings
in 黑体, second-level in 楷体, body in 仿宋, page numbers "— N —" at the foot), addressed to
the handling unit, one numbered item per defect with the document and page, the article by
number with a short quotation, the correction required, the reviewer's comment, a deadline,
and a signature block that never stands alone on the last page."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from audit import labels
from audit.atomic import write_via
from audit.model import Case, Finding, Severity, Status
from audit.parse.segment import type_names
from audit.privacy import mask
from audit.report.docxsave import new_document, save_document
from audit.report.office_fonts import (
    BODY_FONT,
    FOOTER_FONT,
    HEADING_FONT,
    SUBHEADING_FONT,
    TITLE_FONT,
)
from audit.report.text import cite
from audit.report.wording import keep_whole, official, sentence, short_quote

CN_NUMBERS = "一二三四五六七八九十"


def _ordinal(n: int) -> str:
    if n <= 10:
        return CN_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMBERS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMBERS[ones - 1] if ones else "")


# The run and paragraph properties (w:rPr, w:pPr) of each kind of run and paragraph, made once
# through python-docx and copied after: setting them property by property cost 12 ms a notice.
_RUN_PROPERTIES: dict[tuple, Any] = {}
_PARAGRAPH_PROPERTIES: dict[tuple, Any] = {}


def _run(paragraph, text: str, size: float = 16, bold: bool = False, font: str = BODY_FONT):
    run = paragraph.add_run(text)
    key = (size, bold, font)
    made = _RUN_PROPERTIES.get(key)
    if made is not None:
        run._element.insert(0, copy.deepcopy(made))
        return run
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    _RUN_PROPERTIES[key] = copy.deepcopy(run._element.rPr)
    return run


def _para(document, text: str = "", size: float = 16, align=None, indent: bool = True, font: str = BODY_FONT,
          keep: bool = False):
    p = document.add_paragraph()
    key = (size, align, indent, keep)
    made = _PARAGRAPH_PROPERTIES.get(key)
    if made is not None:
        p._p.insert(0, copy.deepcopy(made))
    else:
        p.paragraph_format.line_spacing = Pt(28)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.keep_with_next = keep
        p.paragraph_format.widow_control = True
        if indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        if align is not None:
            p.alignment = align
        _PARAGRAPH_PROPERTIES[key] = copy.deepcopy(p._p.pPr)
    if text:
        _run(p, text, size, font=font)
    return p


def _page_numbers(section) -> None:
    """"— N —" centred at the foot of every page (a PAGE field: Word/WPS/LibreOffice fill it)."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "— ", 14, font=FOOTER_FONT)
    run = _run(p, "", 14, font=FOOTER_FONT)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._element.append(element)
    _run(p, " —", 14, font=FOOTER_FONT)


def _where(case: Case, f: Finding) -> str:
    places = []
    for e in f.evidence[:3]:
        doc = case.document(e.document) if e.document else None
        if doc:
            places.append(f"{type_names().get(doc.type, doc.type)}第{e.page}页")
    return "、".join(dict.fromkeys(places))


def _person_names(case: Case) -> list[str]:
    """The people named in the case: officers, the legal representative, an individual party."""
    names = [o.name.value for o in case.officers if o.name and o.name.value]
    party = case.party
    if party.legal_representative and party.legal_representative.value:
        names.append(str(party.legal_representative.value))
    if party.type and party.type.value == "individual" and party.name and party.name.value:
        names.append(str(party.name.value))
    return [str(n) for n in names]


def _basis(f: Finding) -> str:
    """Each article by number, with a short quotation of its words."""
    from audit.checks.engine import article_text

    parts = []
    for b in f.basis:
        text = b.text or article_text(b.instrument, b.article, b.version) or ""
        quote = short_quote(text) if text else ""
        parts.append(cite(b.instrument, b.article) + (f"（“{quote}”）" if quote else ""))
    return "；".join(parts)


def write_notice(case: Case, findings: list[Finding], path: Path, *, reviewer: str = "",
                 deadline: dt.date | None = None, masked: bool = True) -> Path:
    """Write the correction notice for ``case`` to ``path`` (a .docx file)."""
    from audit.review import load_review

    review = load_review(case.source)
    reviewer = reviewer or review.signoff.get("reviewer", "")

    names = _person_names(case)

    def say(text: str) -> str:
        return keep_whole(official(mask(text) if masked else text), names)

    defects = sorted((f for f in findings if f.status is Status.FAIL and not f.waiver),
                     key=lambda f: (labels.rank(labels.SEVERITY, f.severity), f.rule))
    reviews = [f for f in findings if f.status is Status.NEEDS_REVIEW and not f.waiver]

    document = new_document()  # python-docx's default template, parsed once per process
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
        _page_numbers(section)

    _para(document, "案卷评查整改通知书", size=22, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, font=TITLE_FONT)
    _para(document, "评查整改〔\u3000\u3000〕\u3000\u3000号", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _para(document)
    agency = official(case.agency.value) if case.agency else "办案单位"
    _para(document, f"{agency}：", indent=False)
    number = case.case_number.value if case.case_number else "（文号未识别）"
    party = case.party.name.value if case.party.name else "（当事人未识别）"
    cause = f"（案由：{case.cause.value}）" if case.cause else ""
    due = f"{deadline.year}年{deadline.month}月{deadline.day}日" if deadline else "\u3000\u3000年\u3000\u3000月\u3000\u3000日"
    _para(document, say(
        f"经评查，你单位办理的{party}行政处罚案（{number}）{cause}案卷存在以下问题，请对照有关规定"
        f"于{due}前完成整改（补正），并将整改情况书面报送评查组。"))

    if defects:
        _para(document, "一、需要整改的问题", font=HEADING_FONT, keep=True)
        for i, f in enumerate(defects, start=1):
            label = "（否决项）" if f.severity is Severity.VETO else ""
            p = _para(document)
            _run(p, f"（{_ordinal(i)}）{official(f.title)}{label}。", font=SUBHEADING_FONT)
            _run(p, sentence(say(f.observed)))
            where = _where(case, f)
            if where:
                _para(document, say(f"问题位置：{where}。"))
            if f.basis:
                _para(document, f"依据：{_basis(f)}。")
            if f.fix:
                _para(document, sentence(say(f"整改要求：{f.fix}")))
            if review.comments.get(f.rule):
                _para(document, say(f"评查意见：{review.comments[f.rule]}"))
    else:
        _para(document, "一、经评查，未发现需要整改的问题。", font=HEADING_FONT)

    if reviews:
        _para(document, "二、需要核实的事项", font=HEADING_FONT, keep=True)
        _para(document, "以下事项请办案单位核实后一并书面说明：")
        for i, f in enumerate(reviews, start=1):
            p = _para(document)
            _run(p, f"（{_ordinal(i)}）{official(f.title)}。", font=SUBHEADING_FONT)
            _run(p, sentence(say(f.observed)))
            if review.comments.get(f.rule):
                _para(document, say(f"评查意见：{review.comments[f.rule]}"))

    # the closing block travels with the last paragraph of the body: never alone on a page
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    _para(document, keep=True)
    _para(document, f"整改期限：{due}", indent=False, keep=True)
    _para(document, f"评查人员：{reviewer or '                '}", indent=False, keep=True)
    _para(document, keep=True)
    _para(document, "评查单位（盖章）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, keep=True)
    signed = review.signoff.get("date") or ""
    today = dt.date.today()
    _para(document, _chinese_date(signed) or f"{today.year}年{today.month}月{today.day}日",
          align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    return write_via(path, lambda tmp: _save(document, tmp))


def _save(document, tmp: Path) -> None:
    with open(tmp, "wb") as fh:
        save_document(document, fh)


def _chinese_date(iso: str) -> str:
    try:
        d = dt.date.fromisoformat(str(iso))
    except ValueError:
        return ""
    return f"{d.year}年{d.month}月{d.day}日"


def notice_pdf(docx_path: Path) -> Path | None:
    """A PDF rendering of the notice when LibreOffice is installed (optional); None otherwise."""
    import shutil
    import subprocess
    import tempfile

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    from audit.report.office_fonts import office_env

    with tempfile.TemporaryDirectory() as scratch:
        done = subprocess.run(
            [office, "--headless", f"-env:UserInstallation=file://{scratch}/profile", "--convert-to", "pdf",
             "--outdir", scratch, str(docx_path)],
            capture_output=True, timeout=120, env=office_env(),
        )
        made = Path(scratch) / (docx_path.stem + ".pdf")
        if done.returncode != 0 or not made.exists():
            return None
        from audit.atomic import write_atomic

        return write_atomic(docx_path.with_suffix(".pdf"), made.read_bytes())
