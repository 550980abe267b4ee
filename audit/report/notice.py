"""The correction notice (案卷评查整改通知书) as an editable DOCX, in the register of an
official notice: addressed to the handling unit, one numbered item per defect with the
document and page, the basis and the correction required, and a deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from audit.atomic import write_via
from audit.model import Case, Finding, Severity, Status
from audit.parse.segment import type_names
from audit.privacy import mask
from audit.report.text import cite

CN_NUMBERS = "一二三四五六七八九十"
BODY_FONT, TITLE_FONT = "仿宋_GB2312", "方正小标宋简体"  # GB/T 9704 practice; Word/WPS substitute if absent


def _ordinal(n: int) -> str:
    if n <= 10:
        return CN_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMBERS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMBERS[ones - 1] if ones else "")


def _run(paragraph, text: str, size: float = 16, bold: bool = False, font: str = BODY_FONT):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def _para(document, text: str = "", size: float = 16, bold: bool = False, align=None, indent: bool = True,
          font: str = BODY_FONT):
    p = document.add_paragraph()
    p.paragraph_format.line_spacing = Pt(28)
    p.paragraph_format.space_after = Pt(0)
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    if text:
        _run(p, text, size, bold, font)
    return p


def _where(case: Case, f: Finding) -> str:
    places = []
    for e in f.evidence[:3]:
        doc = case.document(e.document) if e.document else None
        if doc:
            places.append(f"{type_names().get(doc.type, doc.type)}第{e.page}页")
    return "、".join(dict.fromkeys(places))


def write_notice(case: Case, findings: list[Finding], path: Path, *, reviewer: str = "",
                 deadline: dt.date | None = None, masked: bool = True) -> Path:
    """Write the correction notice for ``case`` to ``path`` (a .docx file)."""
    protect = mask if masked else (lambda s: s)
    defects = sorted((f for f in findings if f.status is Status.FAIL and not f.waiver),
                     key=lambda f: ({Severity.VETO: 0, Severity.MAJOR: 1}.get(f.severity, 2), f.rule))
    reviews = [f for f in findings if f.status is Status.NEEDS_REVIEW and not f.waiver]

    document = DocxDocument()
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)

    _para(document, "案卷评查整改通知书", size=22, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, font=TITLE_FONT)
    _para(document, "评查整改〔    〕    号", size=16, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _para(document)
    agency = case.agency.value if case.agency else "办案单位"
    _para(document, f"{agency}：", indent=False)
    number = case.case_number.value if case.case_number else "（文号未识别）"
    party = case.party.name.value if case.party.name else "（当事人未识别）"
    cause = f"（案由：{case.cause.value}）" if case.cause else ""
    due = f"{deadline.year}年{deadline.month}月{deadline.day}日" if deadline else "    年  月  日"
    _para(document, protect(
        f"经评查，你单位办理的{party}行政处罚案（{number}）{cause}案卷存在以下问题，请对照有关规定"
        f"于{due}前完成整改（补正），并将整改情况书面报送评查组。"))

    if defects:
        _para(document, "一、需要整改的问题", bold=True, indent=True)
        for i, f in enumerate(defects, start=1):
            label = "【否决项】" if f.severity is Severity.VETO else ""
            _para(document, protect(f"（{_ordinal(i)}）{label}{f.observed}"))
            where = _where(case, f)
            if where:
                _para(document, protect(f"问题位置：{where}。"))
            basis = "；".join(cite(b.instrument, b.article) for b in f.basis)
            _para(document, f"依据：{basis}。")
            if f.fix:
                _para(document, protect(f"整改要求：{f.fix}"))
    else:
        _para(document, "一、经评查，未发现需要整改的问题。", bold=True)

    if reviews:
        _para(document, "二、需要核实的事项", bold=True)
        _para(document, "以下事项软件未作结论，请办案单位核实后一并书面说明：")
        for i, f in enumerate(reviews, start=1):
            _para(document, protect(f"（{_ordinal(i)}）{f.title}：{f.observed}"))

    _para(document)
    _para(document, f"整改期限：{due}", indent=False)
    _para(document, f"评查人员：{reviewer or '                '}", indent=False)
    _para(document)
    _para(document, "评查单位（盖章）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    today = dt.date.today()
    _para(document, f"{today.year}年{today.month}月{today.day}日", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    return write_via(path, lambda tmp: document.save(str(tmp)))


def notice_pdf(docx_path: Path) -> Path | None:
    """A PDF rendering of the notice when LibreOffice is installed (optional); None otherwise."""
    import shutil
    import subprocess
    import tempfile

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [office, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
             "--outdir", str(docx_path.parent), str(docx_path)],
            capture_output=True, timeout=120,
        )
    pdf = docx_path.with_suffix(".pdf")
    return pdf if done.returncode == 0 and pdf.exists() else None
