from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from audit import errors
from audit.ingest import load_pages
from audit.ingest.quality import garbage_ratio, is_usable

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"


def _ascii_pdf(path: Path, pages: list[str], **kwargs) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, **kwargs)
    for text in pages:
        c.setFont("Helvetica", 12)
        c.drawString(72, 760, text)
        c.showPage()
    c.save()
    return path


def test_txt_utf8_and_gb18030_with_form_feed_pages(tmp_path: Path):
    text = "行政处罚决定书\n当事人：某某诊所\n\f送达回执\n受送达人：某某诊所\n"
    for encoding in ("utf-8", "gb18030"):
        path = tmp_path / f"case-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        pages, warnings = load_pages(path)
        assert [p.lines[0].text for p in pages] == ["行政处罚决定书", "送达回执"]
        assert pages[0].lines[1].text == "当事人：某某诊所"
        assert pages[0].text_engine == "txt" and warnings == []


def test_docx_paragraphs_tables_and_page_breaks(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("行政处罚事先告知书")
    d.add_paragraph("当事人：杭州西湖某某诊所")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "法定代表人", "王某某"
    table.cell(1, 0).text, table.cell(1, 1).text = "地址", "杭州市西湖区文三路1号"
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("送达回执")
    path = tmp_path / "draft.docx"
    d.save(path)
    pages, _ = load_pages(path)
    assert len(pages) == 2
    texts = [line.text for line in pages[0].lines]
    assert texts[:2] == ["行政处罚事先告知书", "当事人：杭州西湖某某诊所"]
    assert "法定代表人  王某某" in texts and "地址  杭州市西湖区文三路1号" in texts
    assert pages[1].lines[0].text == "送达回执"


def test_folder_is_one_case_in_natural_order(tmp_path: Path):
    for name, title in (("10.txt", "结案报告"), ("2.txt", "行政处罚决定书"), ("1.txt", "立案报告")):
        (tmp_path / name).write_text(title, encoding="utf-8")
    (tmp_path / "truth.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("x", encoding="utf-8")
    pages, warnings = load_pages(tmp_path)
    assert [p.lines[0].text for p in pages] == ["立案报告", "行政处罚决定书", "结案报告"]
    assert [p.number for p in pages] == [1, 2, 3]
    assert len(warnings) == 1 and "notes.xyz" in warnings[0]  # side files (.json) are skipped silently


def test_pdf_text_layer_lines_have_boxes(tmp_path: Path):
    pages, _ = load_pages(_ascii_pdf(tmp_path / "a.pdf", ["Case No. 12 decided on 2023-06-05"]))
    line = pages[0].lines[0]
    assert line.text == "Case No. 12 decided on 2023-06-05"
    x0, top, x1, bottom = line.box
    assert 71 <= x0 <= 73 and 70 <= top <= 85 and x1 > x0 and bottom > top
    assert len(line.char_x) == len(line.text)
    assert pages[0].text_engine == "pdfplumber" and not pages[0].needs_ocr


def test_pdf_without_text_is_marked_for_ocr(tmp_path: Path):
    path = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.rect(100, 100, 300, 300, fill=1)
    c.showPage()
    c.save()
    pages, _ = load_pages(path)
    assert pages[0].needs_ocr and pages[0].lines == []


@pytest.mark.parametrize(
    "make, code",
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF garbage"), "corrupt"),
        (lambda p: p.write_text("这不是PDF文件", encoding="utf-8"), "corrupt"),
        (lambda p: _ascii_pdf(p, ["secret"], encrypt="s3cret"), "encrypted"),
    ],
    ids=["empty", "broken-pdf", "not-a-pdf", "encrypted"],
)
def test_bad_pdfs_raise_clear_bilingual_errors(tmp_path: Path, make, code):
    path = tmp_path / "bad.pdf"
    make(path)
    with pytest.raises(errors.InputError) as info:
        load_pages(path)
    assert info.value.code == code
    assert info.value.zh and info.value.en and "bad.pdf" in info.value.message()


def test_truncated_sample_pdf_is_corrupt(tmp_path: Path):
    sample = next(SAMPLES.glob("*/case.pdf"))
    path = tmp_path / "truncated.pdf"
    path.write_bytes(sample.read_bytes()[:4000])
    with pytest.raises(errors.InputError) as info:
        load_pages(path)
    assert info.value.code == "corrupt"


def test_missing_and_unsupported_inputs(tmp_path: Path):
    with pytest.raises(errors.InputError) as info:
        load_pages(tmp_path / "nope.pdf")
    assert info.value.code == "not_found"
    odd = tmp_path / "case.xyz"
    odd.write_text("x")
    with pytest.raises(errors.InputError) as info:
        load_pages(odd)
    assert info.value.code == "unsupported_type"


@pytest.mark.parametrize(
    "text, usable",
    [
        ("行政处罚决定书 当事人：杭州西湖某某诊所", True),
        ("", False),
        ("(cid:123)(cid:456)(cid:789)(cid:12)(cid:13)(cid:14)(cid:15)(cid:16)(cid:17)", False),
        ("\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a 决定书", False),
        ("第 3 页", False),
    ],
)
def test_text_layer_quality(text, usable):
    assert is_usable(text) is usable


def test_garbage_ratio_counts_cid_markers():
    assert garbage_ratio("(cid:1)(cid:2)") == 1.0
    assert garbage_ratio("正常文字") == 0.0


CID_PDF = Path(__file__).resolve().parents[1] / "data" / "cid_subset_font.pdf"


def test_pdfium_rescues_pages_pdfplumber_cannot_read():
    """Embedded CMap (page 2) and CID font without ToUnicode (page 3): pdfminer reads
    nothing or (cid:N) garbage; pypdfium2 reads the text, and its boxes are used."""
    import pdfplumber

    with pdfplumber.open(CID_PDF) as pdf:
        plumber = [p.extract_text() or "" for p in pdf.pages]
    assert plumber[1].strip() == "" and "(cid:" in plumber[2]  # the failure still reproduces

    pages, _ = load_pages(CID_PDF)
    assert [p.text_engine for p in pages] == ["pdfplumber", "pypdfium2", "pypdfium2"]
    import pypdfium2 as pdfium
    import regex

    doc = pdfium.PdfDocument(CID_PDF)
    for page, raw in zip(pages, (doc[i].get_textpage().get_text_range() for i in range(len(doc))), strict=True):
        assert not page.needs_ocr and "处罚" in page.text and "(cid:" not in page.text
        # every character kept, in reading order
        assert regex.sub(r"\s", "", page.text) == regex.sub(r"\s", "", raw)
        assert all(line.box and line.box[2] > line.box[0] for line in page.lines)
    assert "pdfplumber text layer rejected" in pages[2].note
