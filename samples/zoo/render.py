"""Render zoo documents: plain text (one page per document), .docx (python-docx) and a text PDF.

A document is a title plus blocks (see :mod:`samples.zoo.model`). How a label and its value
are laid out is the family's choice (``Block.kind``): inline ("标签：值"), a label on its own
line with the value in the next paragraph, or a table row. The text rendering is what the
truth's ``pages_text`` records; the .docx and the PDF draw the same blocks.
"""

from __future__ import annotations

from pathlib import Path

from samples.zoo.model import Block, Doc

FONT = ("ZooSong", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)


def fonts_missing() -> str | None:
    """Why a PDF cannot be drawn here (None when the CJK font is installed)."""
    if not Path(FONT[1]).exists():
        return f"缺少字体 {FONT[1]}（fonts-wqy-zenhei）/ CJK font not installed: {FONT[1]}"
    return None


# --- text -------------------------------------------------------------------------------------


def block_lines(b: Block) -> list[str]:
    """The text lines of one block, as a reader of the page sees them."""
    if b.kind in ("head", "para", "right", "number"):
        return [b.text]
    if b.kind == "kv":
        return [f"{b.label}：{b.text}"]
    if b.kind == "kv_line":  # label alone, value in the next paragraph
        return [f"{b.label}：", b.text]
    if b.kind == "kv_cell":
        return [f"{b.label} {b.text}"]
    if b.kind == "row":  # table row: cells separated by a space
        return [" ".join(c for c in b.cells if c)]
    if b.kind == "seal":
        return [b.text, "（印章）", b.label]
    if b.kind == "unsealed":
        return [b.text, b.label]
    raise ValueError(b.kind)


def doc_text(doc: Doc) -> str:
    return "\n".join(line for b in doc.blocks for line in block_lines(b))


def to_text(docs: list[Doc]) -> str:
    """One page per document, pages separated by form feeds (read by audit/ingest/text.py)."""
    return "\f".join(doc_text(d) for d in docs) + "\n"


# --- docx -------------------------------------------------------------------------------------


def to_docx(docs: list[Doc], path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    out = Document()
    align = {"head": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
             "number": WD_ALIGN_PARAGRAPH.RIGHT, "seal": WD_ALIGN_PARAGRAPH.RIGHT,
             "unsealed": WD_ALIGN_PARAGRAPH.RIGHT}
    first = True
    for doc in docs:
        if not first:
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        first = False
        table = None
        for b in doc.blocks:
            if b.kind in ("kv_cell", "row"):
                cells = [b.label, b.text] if b.kind == "kv_cell" else list(b.cells)
                if table is None or len(table.columns) != len(cells):
                    table = out.add_table(rows=0, cols=len(cells))
                    table.style = "Table Grid"
                row = table.add_row().cells
                for cell, value in zip(row, cells, strict=True):
                    cell.text = value
                continue
            table = None
            for line in block_lines(b):
                p = out.add_paragraph(line)
                if b.kind in align:
                    p.alignment = align[b.kind]
    out.core_properties.author = "samples/zoo"
    out.core_properties.created = __import__("datetime").datetime(2025, 1, 1)
    out.save(str(path))


# --- pdf --------------------------------------------------------------------------------------


def to_pdf(docs: list[Doc], path: Path) -> None:
    """A text-layer PDF drawn with reportlab's flowables (tables wrap their cells)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    name, font_path, index = FONT
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, font_path, subfontIndex=index))
    body = ParagraphStyle("body", fontName=name, fontSize=10, leading=14, wordWrap="CJK")
    styles = {
        "head": ParagraphStyle("head", parent=body, fontSize=14, leading=20, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "number": ParagraphStyle("number", parent=body, alignment=TA_RIGHT),
        "seal": ParagraphStyle("seal", parent=body, alignment=TA_RIGHT),
        "unsealed": ParagraphStyle("unsealed", parent=body, alignment=TA_RIGHT),
    }
    width = A4[0] - 40 * mm
    story: list = []
    rows: list[list] = []

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def flush() -> None:
        if not rows:
            return
        ncol = max(len(r) for r in rows)
        widths = [width * 0.24] + [width * 0.76 / (ncol - 1)] * (ncol - 1) if ncol > 1 else [width]
        if ncol == 4:
            widths = [width * 0.18, width * 0.32, width * 0.18, width * 0.32]
        data = [[Paragraph(esc(c), body) for c in r] + [""] * (ncol - len(r)) for r in rows]
        t = Table(data, colWidths=widths)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(t)
        story.append(Spacer(1, 4))
        rows.clear()

    for i, doc in enumerate(docs):
        if i:
            flush()
            story.append(PageBreak())
        for b in doc.blocks:
            if b.kind in ("kv_cell", "row"):
                rows.append([b.label, b.text] if b.kind == "kv_cell" else list(b.cells))
                continue
            flush()
            style = styles.get(b.kind, body)
            for line in block_lines(b):
                story.append(Paragraph(esc(line), style))
        flush()
    out = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm, title="", author="samples/zoo",
                            invariant=1)
    out.build(story)
