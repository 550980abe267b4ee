"""Split a case's pages into documents by their titles.

A page whose top lines carry a known document title starts a document; a page without one
continues the previous document (continuation pages); pages before any title are ``other``.
For digital text without page geometry (.docx, .txt) a title line may also start a
document in the middle of a page: such pages are split first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from audit.checklists import load_yaml
from audit.model import Document, Line, Page

TOP_LINES = 6  # how many lines at the top of a page may hold the title
MAX_TITLE_EXTRA = 14  # characters allowed around a title on its line (agency name, No.)
OTHER = "other"


@dataclass(frozen=True, slots=True)
class TitleMatch:
    type: str
    title: str
    exact: bool


@functools.cache
def _titles() -> list[tuple[str, str]]:
    data = load_yaml("document_types.yaml")
    pairs = [(_compact(t), entry["code"]) for entry in data["types"] for t in entry["titles"]]
    return sorted(pairs, key=lambda p: -len(p[0]))  # longest first: 当场行政处罚决定书 before 行政处罚决定书


@functools.cache
def _generic() -> dict:
    return load_yaml("document_types.yaml")["generic_approval"]


@functools.cache
def type_names() -> dict[str, str]:
    """Document-type code → Chinese name."""
    data = load_yaml("document_types.yaml")
    names = {entry["code"]: entry["name"] for entry in data["types"]}
    names[OTHER] = "其他材料"
    return names


@functools.cache
def external_types() -> frozenset[str]:
    """Types delivered to the party (need a seal and a service receipt)."""
    data = load_yaml("document_types.yaml")
    return frozenset(e["code"] for e in data["types"] if e.get("external"))


def _compact(text: str) -> str:
    return regex.sub(r"[\s\u3000]+", "", text)


_EMPTY_BRACKETS = regex.compile(r"[（(【\[〔]\s*[）)】\]〕]")


def _without_case_number(text: str) -> str:
    """``text`` less a case number printed on the title line (web publications put the title
    and the number on one line: 行政处罚决定书 沪浦卫罚〔2024〕12号) and the brackets around it."""
    from audit.parse.case_numbers import find_case_numbers

    found = find_case_numbers(text)
    if not found:
        return text
    last = found[-1]
    if text[last.span[1]:].strip("）)】]"):
        return text  # something follows the number: not a title line
    return _EMPTY_BRACKETS.sub("", text[:last.span[0]] + text[last.span[1]:])


def match_title(line_text: str) -> TitleMatch | None:
    """The document type whose title this line is, if it is a title line."""
    text = _compact(line_text)
    if not text or text.endswith(("。", "；", "，")):
        return None
    text = _without_case_number(text)
    if not text or len(text) > 40:
        return None
    for title, code in _titles():
        if text == title:
            return TitleMatch(code, title, exact=True)
    for title, code in _titles():
        pos = text.find(title)
        if pos < 0 or len(text) - len(title) > MAX_TITLE_EXTRA:
            continue
        before, after = text[:pos], text[pos + len(title):]
        # a title line may carry the agency name before it or a number/bracket note after it,
        # but not prose ("根据行政处罚决定书…") or a table row ("12行政处罚决定书…")
        if regex.search(r"[\d，。、：:]", before) or regex.search(r"[\p{Han}]{3,}", after):
            continue
        if before and not regex.search(r"(委员会|卫生健康局|卫生局|监督所|监督局|执法支队|执法大队|省政府|人民政府|财政厅|财政局|[省市区县])$", before):
            continue
        return TitleMatch(code, title, exact=False)
    return None


def titles_in(text: str) -> list[tuple[str, int, int]]:
    """Document titles written anywhere in ``text`` (longest first at each place): (type, start, end)."""
    out: list[tuple[str, int, int]] = []
    for title, code in _titles():
        for m in regex.finditer(regex.escape(title), text):
            if not any(s <= m.start() < e for _, s, e in out):
                out.append((code, m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])


def _generic_type(lines: list[Line]) -> str | None:
    """Resolve a 卫生行政执法事项审批表 by its ticked item."""
    generic = _generic()
    text = _compact("\n".join(line.text for line in lines))
    for tick in generic["ticks"]:
        for item, code in generic["items"].items():
            if f"{tick}{item}" in text:
                return code
    found = _the_only_unboxed_item(lines, generic["items"])
    if found is not None:
        return found
    for rule in generic.get("by_content", []):
        if regex.search(rule["pattern"], text):
            return rule["code"]
    return None


UNTICKED_BOXES = "□☐口"  # OCR reads an empty box as 口 at times


def _the_only_unboxed_item(lines: list[Line], items: dict[str, str]) -> str | None:
    """In a row of tick-box items, the one item without an empty box before it.

    OCR often drops a filled box (■) entirely while it keeps the empty ones (□), so a row
    such as ``立案 □先行登记保存 □查封扣押 □行政处罚 □结案`` still says which item was ticked.
    """
    names = sorted(items, key=len, reverse=True)
    for line in lines:
        text = _compact(line.text)
        found: list[tuple[int, str]] = []
        for name in names:
            for m in regex.finditer(regex.escape(name), text):
                if not any(start <= m.start() < start + len(other) for start, other in found):
                    found.append((m.start(), name))
        if len(found) < 3:
            continue
        unboxed = [name for start, name in found if start == 0 or text[start - 1] not in UNTICKED_BOXES]
        if len(unboxed) == 1 and len(found) - 1 >= 2:
            return items[unboxed[0]]
    return None


def page_title(page: Page) -> TitleMatch | None:
    """The title at the top of a page, if any."""
    for line in page.lines[:TOP_LINES]:
        text = _compact(line.text)
        if any(text == _compact(t) or text.endswith(_compact(t)) for t in _generic()["titles"]):
            code = _generic_type(page.lines) or "decision_approval"
            return TitleMatch(code, text, exact=True)
        found = match_title(line.text)
        if found:
            return found
    return None


def split_text_pages(pages: list[Page]) -> list[Page]:
    """Split geometry-less pages (.docx/.txt) at title lines found below the top."""
    out: list[Page] = []
    for page in pages:
        if page.width is not None:
            out.append(page)
            continue
        cuts = []
        for i, line in enumerate(page.lines):
            if i == 0 or not _exact_title(line.text):
                continue
            start = i
            while start > 0 and _is_header(page.lines[start - 1].text):
                start -= 1  # the agency name printed above the title belongs to the new document
            if start > (cuts[-1] if cuts else 0):
                cuts.append(start)
        bounds = [0, *cuts, len(page.lines)]
        for start, end in zip(bounds, bounds[1:], strict=False):
            if end > start:
                out.append(_sub_page(page, page.lines[start:end], len(out)))
    for number, page in enumerate(out, start=1):
        page.number = number
    return out


_HEADER = regex.compile(r"^[\p{Han}]{2,24}(委员会|卫生健康局|卫生局|监督所|监督局|执法支队|执法大队)$")


def _is_header(text: str) -> bool:
    return bool(_HEADER.match(_compact(text)))


def _exact_title(text: str) -> bool:
    found = match_title(text)
    return bool(found and found.exact)


def _sub_page(page: Page, lines: list[Line], index: int) -> Page:
    return Page(
        number=index + 1,
        source_file=page.source_file,
        source_page=page.source_page,
        width=page.width,
        height=page.height,
        lines=lines,
        needs_ocr=page.needs_ocr,
        text_engine=page.text_engine,
        note=page.note,
    )


def segment(pages: list[Page]) -> list[Document]:
    """Group pages into documents."""
    documents: list[Document] = []
    for page in pages:
        if page.needs_ocr and not page.lines:
            documents.append(
                Document(id=f"d{len(documents) + 1:02d}-{OTHER}", type=OTHER, title="（未读取的页面）",
                         pages=[page.number], confidence=0.0)
            )
            continue
        title = page_title(page)
        if title is not None and documents and _form_row(title, documents[-1]):
            title = None  # a row of the form the previous page began (法制审核意见 on a 审批表)
        if title is None and documents and documents[-1].confidence > 0:
            documents[-1].pages.append(page.number)
            continue
        code = title.type if title else OTHER
        doc_title = title.title if title else (page.lines[0].text.strip() if page.lines else "")
        documents.append(
            Document(
                id=f"d{len(documents) + 1:02d}-{code}",
                type=code,
                title=doc_title,
                pages=[page.number],
                confidence=1.0 if (title and title.exact) else 0.8 if title else 0.5,
            )
        )
    return [_by_content(doc, pages) for doc in documents]


def _form_row(title: TitleMatch, previous: Document) -> bool:
    data = load_yaml("document_types.yaml")
    return (title.title in {_compact(t) for t in data.get("form_row_titles", [])}
            and previous.type in data.get("forms_with_rows", []))


def _by_content(doc: Document, pages: list[Page]) -> Document:
    """An untitled run of pages takes the type its content shows (a decision published as a
    web page under the site's own heading); see :func:`audit.parse.recognise.type_by_content`."""
    from audit.parse.recognise import CONTENT_CONFIDENCE, type_by_content

    if doc.type != OTHER or doc.confidence == 0:
        return doc
    by_number = {p.number: p for p in pages}
    text = "\n".join(line.text for n in doc.pages if n in by_number for line in by_number[n].lines)
    code = type_by_content(text)
    if code is None:
        return doc
    doc.type, doc.id, doc.confidence = code, doc.id.replace(f"-{OTHER}", f"-{code}"), CONTENT_CONFIDENCE
    return doc
