"""Word drafts: paragraphs and table rows, in body order, split at explicit page breaks."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from audit import errors
from audit.budgets import check_zip_parts
from audit.model import Line, LineSource, Page


def read_docx(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    """Read a .docx into pages. Page breaks the author inserted start a new page."""
    check_zip_parts(path, display_name)  # zip bombs: refused before python-docx unpacks a part
    try:
        document = docx.Document(str(path))
    except MemoryError:  # the worker's memory ceiling: reported as such, not as a corrupt file
        raise
    except Exception as exc:  # python-docx raises zipfile/KeyError/lxml errors on broken files
        raise errors.corrupt(display_name, type(exc).__name__) from exc

    pages_text: list[list[str]] = [[]]
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            _add_paragraph(child, pages_text)
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells: list[str] = []
                for cell in row.iter(qn("w:tc")):
                    text = _element_text(cell).strip()
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                if cells:
                    pages_text[-1].append("  ".join(cells))

    pages = []
    for i, lines in enumerate(p for p in pages_text if any(s.strip() for s in p)):
        pages.append(
            Page(
                number=first_number + i,
                source_file=display_name,
                source_page=i + 1,
                lines=[Line(text=s, source=LineSource.TEXT_LAYER) for s in lines if s.strip()],
                text_engine="docx",
            )
        )
    return pages


def _add_paragraph(p, pages_text: list[list[str]]) -> None:
    parts: list[str] = []
    for node in p.iter():
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("  ")
        elif node.tag == qn("w:br") and node.get(qn("w:type")) == "page":
            pages_text[-1].append("".join(parts))
            parts = []
            pages_text.append([])
    pages_text[-1].append("".join(parts))
    if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None and len(pages_text[-1]) > 1:
        last = pages_text[-1].pop()
        pages_text.append([last])


def _element_text(element) -> str:
    out = []
    for node in element.iter():
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:p") and out:
            out.append(" ")
    return "".join(out)
