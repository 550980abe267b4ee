"""Readings of a decision's text that need the page furniture removed (page numbers, the
agency header repeated on continuation pages), so a sentence, an amount or a title broken by
a page break reads whole: the text itself, the citations of a 依据…的规定，决定… sentence, the
citations in a form's 违反条款 / 处罚依据 cell, the 违法所得 stated and every amount written
after 罚款."""

from __future__ import annotations

import regex

from audit.model import Case, Document, Field
from audit.parse.doctext import DocText

_FURNITURE = regex.compile(
    r"^\s*(?:第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|[-－—]\s*\d+\s*[-－—]|\d{1,3})\s*$"
)
INLINE_FURNITURE = regex.compile(r"第\s*\d+\s*页|共\s*\d+\s*页|[-－—]\s*\d+\s*[-－—]")

_BASIS_SENTENCE = regex.compile(
    r"(?:依据|依照|根据)(?P<body>[^。；]{0,200}?)(?:的|之)?(?:有关)?规定[，,]?\s*(?P<after>[^。；]{0,80})"
)
_DECIDES = regex.compile(
    r"^(?:本机关|本局|我局|本委|我委|本所|现)?\s*(?:现|拟|依法|当场|经研究|经集体讨论)*\s*"
    r"(?:决定|作出|给予|处以|予以|责令|对你|对当事人|对该|建议)"
)
_DECIDES_LATER = regex.compile(r"^[^依根]{0,60}?(?:决定对|决定给予|作出如下|予以处罚|并处|处以)")

# Form labels (审批表 …) under which a citation is written without the 违反…规定 / 依据…规定 sentence
ROLE_LABELS = {"violated": ("违反条款", "违反的法律条款", "违反法律条款", "违法条款"),
               "basis": ("处罚依据", "处罚的法律依据", "法律依据")}

_INCOME_NONE = regex.compile(r"(?:无|没有|未发现|未查见|未查实|不存在|未产生|未获得)(?:任何)?违法所得")
_INCOME = regex.compile(r"违法所得(?:金额|数额|共计|合计|计|为|人民币|：|:|\s)*")
_FINE_WORD = regex.compile(r"(?<!加处)(?<!缴纳)罚款(?:金额|数额)?[为：:]?\s*")
_NOT_MITIGATED_BEFORE = regex.compile(r"(?:希望|要求|请求|申请|提出|不属于|不予|不能|不符合|不应|无|没有|未)[^，。；]{0,6}$")
_NOT_MITIGATED_AFTER = regex.compile(r"^[^，。；]{0,4}(?:的申辩|的理由|理由|情形|的请求|的要求|的条件)")


def clean_text(case: Case, doc: Document) -> DocText:
    """The document's text without page furniture."""
    header = None
    pages = []
    for i, number in enumerate(doc.pages):
        page = case.page(number)
        if page is None:
            continue
        lines = [ln for ln in page.lines if not _FURNITURE.match(ln.text)]
        if i == 0 and lines:
            header = lines[0].text.strip()
        elif header and lines and lines[0].text.strip() == header:
            lines = lines[1:]
        pages.append((page.number, lines))
    return DocText(doc, pages)


def basis_sentence_citations(text: DocText) -> list[Field]:
    """Penalty-basis citations of a 依据…的规定，决定/责令/给予… sentence."""
    from audit.parse.fields import citations_in

    out: list[Field] = []
    seen: set[tuple] = set()
    for m in _BASIS_SENTENCE.finditer(text.flat, overlapped=True):
        body = m.group("body")
        after = m.group("after")
        if "违反" in body or ("《" not in body and "条" not in body):
            continue
        if not (_DECIDES.match(after) or _DECIDES_LATER.match(after)):
            continue
        for f in citations_in(text, m.start("body"), m.end("body")):
            key = tuple(sorted(f.value.items()))
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def cell_citations(dt: DocText, role: str) -> list[Field]:
    """Citations written in a form's 违反条款 / 处罚依据 cell."""
    from audit.parse.citations import parse_citations
    from audit.parse.fields import labelled

    cell = labelled(dt, ROLE_LABELS[role])
    if cell is None or not isinstance(cell.value, str) or "条" not in cell.value:
        return []
    out = []
    for c in parse_citations(cell.value):
        value = {"instrument": c.instrument, "article": c.article, "paragraph": c.paragraph, "item": c.item,
                 "sub_item": c.sub_item}
        out.append(Field(value, c.raw, cell.document, cell.page, cell.box, cell.confidence))
    return out


def income_stated(text: str) -> float | None:
    """违法所得 stated in the text (0 when it says there is none); None when not stated."""
    from audit.parse.money import find_amounts

    if _INCOME_NONE.search(text):
        return 0.0
    for m in _INCOME.finditer(text):
        window = text[m.end():m.end() + 30]
        if not window or not regex.match(r"[\d０-９¥￥人壹贰叁肆伍陆柒捌玖一二三四五六七八九]", window):
            continue
        for money in find_amounts(window):
            if money.amount is not None:
                return float(money.amount)
    return None


def fine_readings(text: str) -> list[float]:
    """Every reading (digits and capitals) of the amounts written right after 罚款."""
    from audit.parse.money import find_amounts

    out: list[float] = []
    for m in _FINE_WORD.finditer(text):
        window = text[m.end():m.end() + 40]
        if not regex.match(r"(?:人民币|¥|￥|[0-9０-９]|[壹贰叁肆伍陆柒捌玖拾佰仟万])", window):
            continue
        for money in find_amounts(window)[:1]:
            out += [float(v) for v in (money.digits, money.capitals, money.amount) if v is not None]
    return sorted(set(out))


def stated_as_own(text: str, words: list[str]) -> str | None:
    """The first of ``words`` the text states as its own (not one asked for or rejected:
    减轻处罚的申辩理由不成立 …)."""
    for word in words:
        for m in regex.finditer(regex.escape(word), text):
            if _NOT_MITIGATED_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            if _NOT_MITIGATED_AFTER.match(text[m.end():m.end() + 10]):
                continue
            return word
    return None
