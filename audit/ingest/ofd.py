"""OFD files (GB/T 33190, 版式文档): the text objects of every page, as lines with boxes.

An OFD is a zip of XML: ``OFD.xml`` names the document root, ``Document.xml`` lists the
pages, each page's ``Content.xml`` holds ``TextObject`` elements (a ``Boundary`` box in
millimetres and ``TextCode`` text). Element names are matched without their namespace:
producers differ in the namespace they write.

The PyPI readers tried (easyofd 20260427, ofd2img 0.1.2) both pull in PyMuPDF (AGPL) and
both failed to read back an OFD that easyofd itself wrote (``KeyError: '@Size'``), so this
module reads the XML directly with the standard library.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from audit import errors
from audit.ingest.lines import Char, group_lines
from audit.model import Page

MM = 72 / 25.4  # points per millimetre
A4_MM = (210.0, 297.0)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str):
    return [e for e in element.iter() if _local(e.tag) == name]


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    try:
        x, y, w, h = (float(v) for v in (text or "").split())
    except ValueError:
        return None
    return x, y, w, h


def _xml(archive: zipfile.ZipFile, name: str):
    return ElementTree.fromstring(archive.read(name.lstrip("/")))


def read_ofd(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    """One page per OFD page, its text as lines (boxes in points, top-left origin)."""
    from audit.budgets import check_zip_parts

    check_zip_parts(path, display_name)  # an OFD is a zip too: bombs refused before unpacking
    try:
        with zipfile.ZipFile(path) as archive:
            root = _xml(archive, "OFD.xml")
            doc_root = next((e.text for e in _children(root, "DocRoot") if e.text), None)
            if doc_root is None:
                raise ValueError("OFD.xml names no DocRoot")
            document = _xml(archive, doc_root.strip())
            base = posixpath.dirname(doc_root.strip())
            default_size = _page_size(document) or A4_MM
            pages = []
            for i, entry in enumerate(_children(document, "Page")):
                location = posixpath.normpath(posixpath.join(base, entry.get("BaseLoc", "")))
                content = _xml(archive, location)
                width, height = _page_size(content) or default_size
                chars = _chars(content)
                pages.append(Page(
                    number=first_number + i, source_file=display_name, source_page=i + 1,
                    width=width * MM, height=height * MM, lines=group_lines(chars) if chars else [],
                    text_engine="ofd", needs_ocr=not chars,
                ))
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError, StopIteration) as exc:
        raise errors.corrupt(display_name, f"OFD: {type(exc).__name__}") from exc
    if not pages:
        raise errors.no_pages(display_name)
    return pages


def _page_size(element) -> tuple[float, float] | None:
    for area in _children(element, "PhysicalBox"):
        box = _box(area.text)
        if box and box[2] > 0 and box[3] > 0:
            return box[2], box[3]
    return None


def _chars(content) -> list[Char]:
    """Each text object's text spread evenly over its boundary, one Char per character."""
    chars: list[Char] = []
    for obj in _children(content, "TextObject"):
        box = _box(obj.get("Boundary"))
        text = "".join(code.text or "" for code in _children(obj, "TextCode"))
        if box is None or not text.strip():
            continue
        x, y, w, h = box
        step = w / max(len(text), 1)
        for k, ch in enumerate(text):
            left = (x + k * step) * MM
            chars.append(Char(ch, left, y * MM, left + step * MM, (y + h) * MM))
    return chars
