"""The 整改通知书 can be sent as is: official register, page numbers, heading fonts, no
orphaned signature block; rendered through LibreOffice where it is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
import regex
from docx.oxml.ns import qn

from audit.report.wording import official, short_quote

CODE = regex.compile(r"(?<![A-Za-z0-9])[A-Z]{3}\d{3}(?!\d)")


def test_official_register_removes_codes_software_and_line_breaks_in_names():
    assert official("当事人贺\n国强未签名") == "当事人贺国强未签名"
    assert official("金额有不同写法（大小写问题由DOC002报告）") == "金额有不同写法"
    assert official("适用条款由LAW006核查") == "适用条款另行核查"
    assert "软件" not in official("以下事项软件未作结论")
    assert official("未载明（本规则为提示性规则，请人工判断）") == "未载明"
    assert official("依据GB15982-2012执行") == "依据GB15982-2012执行"  # a standard number is no rule code
    long = "（" + "医疗机构不得使用非卫生技术人员从事医疗卫生技术工作，" * 3 + "）"
    assert len(official("违反规定" + long)) < 50
    pasted = ("处罚种类为警告（《中华人民共和国传染病防治法》第六十九条第（五）项：医疗机构违反本法规定，有下列情形之一的，"
              "由县级以上人民政府卫生行政部门责令改正，通报批评，给予警告……（五）未按照规定对医疗器械进行消毒；）。")
    assert official(pasted) == ("处罚种类为警告（《中华人民共和国传染病防治法》第六十九条第（五）项："
                                "“未按照规定对医疗器械进行消毒”）。")
    assert official("金额（¥800.00）不一致（第17页）") == "金额（¥800.00）不一致（第17页）"


def test_short_quote_gives_the_item_or_the_first_clause():
    assert short_quote("行政机关……应当载明下列事项：……（三）行政处罚的种类和依据；") == "行政处罚的种类和依据"
    assert short_quote("医疗机构不得使用非卫生技术人员从事医疗卫生技术工作。") == "医疗机构不得使用非卫生技术人员从事医疗卫生技术工作"
    assert short_quote("甲" * 80).endswith("……") and len(short_quote("甲" * 80)) <= 38


def _notice(sample_batch: Path) -> docx.Document:
    return docx.Document(str(sample_batch / "ord-2024-waste" / "notice.docx"))


def test_notice_has_no_codes_no_software_and_articles_with_quotations(sample_batch):
    document = _notice(sample_batch)
    text = "\n".join(p.text for p in document.paragraphs)
    assert not CODE.search(text), CODE.findall(text)
    assert "软件" not in text and "规则" not in text
    assert "依据：《行政处罚法》第五十九条第一款第（三）项（“行政处罚的种类和依据”）" in text
    assert "评查意见：已电话告知办案人员，请于十日内补正。" in text  # the reviewer's comment
    assert "评查人员：王评查" in text and "2026年11月20日" in text


def test_notice_fonts_page_numbers_and_signature_kept_with_the_body(sample_batch):
    document = _notice(sample_batch)
    fonts = {}
    for p in document.paragraphs:
        for run in p.runs:
            east = run._element.rPr.rFonts.get(qn("w:eastAsia"))
            fonts.setdefault(east, []).append(run.text)
    assert "一、需要整改的问题" in fonts["黑体"]
    assert any(t.startswith("（一）") for t in fonts["楷体_GB2312"])
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "— " in footer
    paragraphs = document.paragraphs
    closing = next(i for i, p in enumerate(paragraphs) if p.text.startswith("整改期限"))
    # the last body paragraph and the whole closing block keep together to the date line
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[closing - 2:-1])


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")
def test_notice_renders_through_libreoffice_with_page_numbers(sample_batch):
    pdf = sample_batch / "ord-2024-waste" / "notice.pdf"
    assert pdf.is_file()  # written beside the DOCX where LibreOffice is installed
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    for n, page in enumerate(pages, start=1):
        assert regex.search(rf"—\s*{n}\s*—", page), page[-200:]
    last = pages[-1]
    body = last.split("整改期限")[0]
    assert regex.search(r"\p{Han}{6,}", body), "the signature block stands alone on the last page"
    assert not CODE.search(text) and "软件" not in text


def test_names_are_joined_so_that_no_line_breaks_inside_them():
    from audit.report.wording import WORD_JOINER, keep_whole

    text = keep_whole("被检查人贺国强签名；当事人名称为“康齿口腔诊所”。", ["贺国强"])
    assert f"贺{WORD_JOINER}国{WORD_JOINER}强" in text
    assert WORD_JOINER.join("康齿口腔诊所") in text
    assert text.replace(WORD_JOINER, "") == "被检查人贺国强签名；当事人名称为“康齿口腔诊所”。"


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")
def test_a_name_at_the_end_of_a_line_moves_whole_to_the_next(tmp_path: Path):
    from docx.shared import Pt

    from audit.report.wording import keep_whole

    document = docx.Document()
    for k in range(20, 27):  # one of these widths puts the name across the line end
        document.add_paragraph(keep_whole("一" * k + "被检查人贺国强" + "二" * 30, ["贺国强"])).runs[0].font.size = Pt(16)
    document.save(str(tmp_path / "names.docx"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "names.docx")], capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", str(tmp_path / "names.pdf"), "-"], capture_output=True, text=True).stdout
    lines = [line.replace("\u2060", "") for line in text.splitlines() if line.strip()]
    assert sum("贺国强" in line for line in lines) == 7, lines
