"""PDF pages to lines: pdfplumber first, pypdfium2 where pdfplumber reads nothing or garbage.

pdfplumber (pdfminer) fails on some embedded subset CJK CID fonts that pdfium reads fully,
so every page is read by both (pdfium costs well under a millisecond a page) and the
better reading is kept. A page neither can read is marked for OCR.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from audit import errors
from audit.ingest.lines import Char, group_lines
from audit.ingest.quality import garbage_ratio, is_usable, meaningful_count
from audit.model import Line, Page

# pdfminer is loud about fonts it cannot map; the quality check handles that.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# pdfplumber must yield at least this share of pdfium's readable characters to be kept.
MIN_SHARE_OF_PDFIUM = 0.8
# a page mostly covered by images with little text is a scan with a stamp or page number
SCAN_IMAGE_COVERAGE = 0.5
SCAN_MAX_TEXT_CHARS = 40


PAGES_MISMATCH = "pdfium-only"  # marks the note of a page pdfplumber did not see


def read_pdf(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    """Read every page of a PDF into :class:`Page` objects numbered from ``first_number``.

    pdfium's pages are the pages: pdfplumber's reading of a page is used where pdfplumber
    sees the same number of pages; when it sees fewer (a damaged cross-reference table) or
    cannot open the file at all, the pages are read by pdfium alone and a warning says so.
    Every page's physical size is checked first (:func:`audit.budgets.check_page_size`).
    """
    from audit.budgets import check_page_size
    from audit.limits import LIMITS

    pdfium_doc = _open_pdfium(path)
    try:
        count = len(pdfium_doc)
        if count > LIMITS.max_pages:
            raise errors.too_large(display_name, f"{count} 页", f"{LIMITS.max_pages} 页",
                                   f"{count} pages", f"{LIMITS.max_pages} pages")
        if count == 0:
            raise errors.no_pages(display_name)
        for index in range(count):
            width, height = pdfium_doc.get_page_size(index)
            check_page_size(width, height, display_name, index + 1)
        plumber_doc = _open_plumber(path)
        try:
            plumber_pages = plumber_doc.pages if plumber_doc is not None else []
            agree = len(plumber_pages) == count
            pages = []
            for index in range(count):
                pdfium_page = pdfium_doc[index]
                try:
                    if agree:
                        page = _read_page(plumber_pages[index], pdfium_page, display_name, index, first_number)
                    else:
                        page = _read_pdfium_page(pdfium_page, display_name, index, first_number,
                                                 len(plumber_pages), count)
                finally:
                    pdfium_page.close()
                    if agree and hasattr(plumber_pages[index], "close"):
                        plumber_pages[index].close()  # drop its parsed objects: one page in memory
                pages.append(page)
            return pages
        finally:
            if plumber_doc is not None:
                plumber_doc.close()
    except errors.AuditError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise errors.corrupt(display_name, type(exc).__name__) from exc
    finally:
        pdfium_doc.close()


def _open_plumber(path: Path):
    """pdfplumber's view of the file, or None where it cannot open it (pdfium still can)."""
    try:
        doc = pdfplumber.open(path)
        len(doc.pages)  # pdfminer parses the page tree lazily: fail here, not mid-way
        return doc
    except Exception:  # noqa: BLE001 - pdfminer raises many unrelated types on broken files
        return None


def _read_pdfium_page(pdfium_page, name: str, index: int, first: int, plumber_count: int, count: int) -> Page:
    """A page read by pdfium alone (pdfplumber saw ``plumber_count`` of ``count`` pages)."""
    width, height = pdfium_page.get_size()
    page = Page(number=first + index, source_file=name, source_page=index + 1, width=width, height=height)
    lines = _pdfium_lines(pdfium_page, height)
    if is_usable("\n".join(line.text for line in lines)):
        page.lines, page.text_engine = lines, "pypdfium2"
        page.note = f"{PAGES_MISMATCH}: pdfplumber saw {plumber_count} of {count} pages; read by pypdfium2"
    else:
        page.needs_ocr = True
        page.note = f"{PAGES_MISMATCH}: pdfplumber saw {plumber_count} of {count} pages; no usable text layer"
    return page


def reader_warnings(pages: list[Page], name: str) -> list[str]:
    """The bilingual warnings a reader left on the pages of one file."""
    odd = [p for p in pages if p.note.startswith(PAGES_MISMATCH)]
    if not odd:
        return []
    seen = odd[0].note.split("saw ", 1)[1].split(" pages")[0]  # "N of M"
    plumber, total = seen.split(" of ")
    return [f"PDF 页数读取不一致（pdfplumber {plumber} 页，pdfium {total} 页），已按 pdfium 读取全部页面：{name} / "
            f"page counts disagree (pdfplumber {plumber}, pdfium {total}); every page was read with pdfium: {name}"]


def _open_pdfium(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise errors.encrypted(str(path.name)) from exc
        raise errors.corrupt(str(path.name), str(exc)) from exc


def _read_page(plumber_page, pdfium_page, name: str, index: int, first: int) -> Page:
    width, height = float(plumber_page.width), float(plumber_page.height)
    page = Page(number=first + index, source_file=name, source_page=index + 1, width=width, height=height)

    plumber_lines = _plumber_lines(plumber_page)
    plumber_text = "\n".join(line.text for line in plumber_lines)
    pdfium_lines = _pdfium_lines(pdfium_page, height)
    pdfium_text = "\n".join(line.text for line in pdfium_lines)

    plumber_ok = is_usable(plumber_text)
    pdfium_ok = is_usable(pdfium_text)
    if plumber_ok and meaningful_count(plumber_text) >= MIN_SHARE_OF_PDFIUM * meaningful_count(pdfium_text):
        page.lines, page.text_engine = plumber_lines, "pdfplumber"
    elif pdfium_ok:
        page.lines, page.text_engine = pdfium_lines, "pypdfium2"
        page.note = (
            f"pdfplumber text layer rejected (readable chars {meaningful_count(plumber_text)}, "
            f"garbage {garbage_ratio(plumber_text):.0%}); used pypdfium2"
        )
    else:
        page.needs_ocr = True
        page.note = "no usable text layer"

    if not page.needs_ocr and _looks_scanned(plumber_page, page.lines, width * height):
        page.needs_ocr = True
        page.note = "mostly image with little text: scanned page"
    return page


def _plumber_lines(page) -> list[Line]:
    chars = [
        Char(c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
        for c in page.chars
    ]
    return group_lines(chars)


def _pdfium_lines(page: pdfium.PdfPage, height: float) -> list[Line]:
    textpage = page.get_textpage()
    try:
        chars = []
        for i in range(textpage.count_chars()):
            text = textpage.get_text_range(i, 1)
            if not text or text.isspace():
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            chars.append(Char(text, left, height - top, right, height - bottom))
        return group_lines(chars)
    finally:
        textpage.close()


def _looks_scanned(plumber_page, lines: list[Line], area: float) -> bool:
    text_chars = sum(len(line.text) for line in lines)
    if text_chars > SCAN_MAX_TEXT_CHARS or area <= 0:
        return False
    covered = 0.0
    for image in plumber_page.images:
        w = max(0.0, float(image["x1"]) - float(image["x0"]))
        h = max(0.0, float(image["bottom"]) - float(image["top"]))
        covered += w * h
    return covered / area >= SCAN_IMAGE_COVERAGE
