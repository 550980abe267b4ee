"""Citations written in the cells of a form (行政处罚决定审批表, 立案审批表 …) rather than in a sentence.

An approval form puts the provisions in labelled cells::

    违反条款 《医疗废物管理条例》第十四条第二款
    处罚依据 《医疗废物管理条例》第四十七条第（一）项

and a long value wraps over several lines with its label centred vertically between them, so in
reading order the label can sit in the middle of a title::

    违反条款 《医疗机构管理条例》第五十八条
    《医疗机构管理条例》第四十三条第一款、《中华人民共和国基本医疗卫生
    处罚依据
    与健康促进法》第九十九条第一款

:func:`clean_text` is the document's flat text with those role labels taken out (a label alone on
its line, or the label at the start of its line) and with the other cell labels of these forms that
stand alone on a line (拟处理意见, 审核意见 …), so titles and sentences split by a label join up again
and a "违反…规定" sentence pattern cannot start at the label 违反条款 and run on into the basis cell.
:func:`cell_citations` reads the citations of the cells and gives each the role of its cell: the
label on its own line, a label alone on a line that the citation straddles, or — walking over
neighbouring lines that hold nothing but citations — the nearest label alone on its line (a
label alone below wins over a label that heads a cell above, since a label is centred in its cell).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from audit.model import Field
from audit.parse.citations import Citation, parse_citations
from audit.parse.doctext import DocText

ROLE_LABELS: dict[str, tuple[str, ...]] = {
    "violated": ("违反的法律条款", "违反的法律规定", "违反法律条款", "违反法律规定", "违反的规定", "违反条款", "违法条款"),
    "basis": ("处罚的法律依据", "处罚法律依据", "处罚依据条款", "处罚依据", "处罚条款", "法律依据", "依据条款"),
}
_ROLE_OF = {label: role for role, labels in ROLE_LABELS.items() for label in labels}
# other cell labels of these forms: alone on a line they may split a sentence (依据…的规定，给 | 拟处理意见 | 予警告)
FORM_LABELS = (
    "案由", "当事人", "违法事实", "拟处理意见", "处理意见", "承办人意见", "承办机构意见", "承办机构审核意见",
    "审核内容", "审核意见", "法制审核意见", "法制机构负责人意见", "负责人审批意见", "负责人意见", "合议意见",
    "合议结论", "讨论意见", "讨论结论", "告知及陈述申辩情况", "陈述申辩情况",
)
_FORM_LABEL_ALONE = regex.compile(rf"^[ \t\u3000]*(?:{'|'.join(sorted(FORM_LABELS, key=len, reverse=True))})[ \t\u3000]*$")
_ALTERNATION = "|".join(sorted(_ROLE_OF, key=len, reverse=True))
# a label at the start of a line, alone or followed by its value (a title, an article, 本法 …)
_LABEL_LINE = regex.compile(
    rf"^[ \t\u3000]*(?P<label>{_ALTERNATION})(?:[ \t\u3000]*[：:][ \t\u3000]*|[ \t\u3000]+|(?=[《第]|$))"
)
# what may stand between citations on a line that holds nothing else
_FILLER = regex.compile(r"[\s\u3000、，,；;和及与或以及的规定。：:（）()]*")


@dataclass(frozen=True, slots=True)
class CleanText:
    """Flat text without role labels; ``offsets[i]`` is the :attr:`DocText.text` offset of ``text[i]``."""

    text: str
    offsets: tuple[int, ...]
    dt: DocText

    def field(self, value: object, start: int, end: int) -> Field:
        """A field for ``text[start:end]`` located in the document (raw as written there)."""
        return self.dt.field(value, self.offsets[start], self.offsets[end - 1] + 1)


@dataclass(frozen=True, slots=True)
class _Label:
    line: int
    role: str
    alone: bool
    span: tuple[int, int]  # offsets in DocText.text of the label words (the whole line when alone)


def _labels(dt: DocText) -> list[_Label]:
    out = []
    for index, (offset, text) in enumerate(dt.lines()):
        m = _LABEL_LINE.match(text)
        if m is None:
            continue
        alone = not text[m.end():].strip()
        span = (offset, offset + len(text)) if alone else (offset + m.start("label"), offset + m.end())
        out.append(_Label(index, _ROLE_OF[m.group("label")], alone, span))
    return out


def clean_text(dt: DocText) -> CleanText:
    """:attr:`DocText.flat` without the role labels of form cells (unchanged when there are none)."""
    flat_offsets = [dt.unflatten(i, i + 1)[0] for i in range(len(dt.flat))]
    spans = [label.span for label in _labels(dt)]
    spans += [(offset, offset + len(text)) for offset, text in dt.lines() if _FORM_LABEL_ALONE.match(text)]
    if not spans:
        return CleanText(dt.flat, tuple(flat_offsets), dt)
    keep = [i for i, off in enumerate(flat_offsets) if not any(a <= off < b for a, b in spans)]
    return CleanText("".join(dt.flat[i] for i in keep), tuple(flat_offsets[i] for i in keep), dt)


def _role(first: int, last: int, labels: dict[int, _Label], citation_line: list[bool]) -> str | None:
    """Role of a citation on lines ``first..last`` (see module doc)."""
    straddled = [lab for n, lab in labels.items() if first < n < last and lab.alone]
    if straddled:
        return straddled[0].role
    own = labels.get(first)
    if own is not None and not own.alone:
        return own.role
    up = down = None
    n = first - 1
    while n >= 0:
        if n in labels:
            up = (first - n, labels[n])
            break
        if not citation_line[n]:
            break
        n -= 1
    n = last + 1
    while n < len(citation_line):
        if n in labels:
            if labels[n].alone:
                down = (n - last, labels[n])
            break
        if not citation_line[n]:
            break
        n += 1
    if up and down:
        if up[1].alone and up[0] != down[0]:
            return (up if up[0] < down[0] else down)[1].role
        return down[1].role if not up[1].alone else None
    if down:
        return down[1].role
    if up:
        return up[1].role
    return None


def cell_citations(dt: DocText, clean: CleanText | None = None) -> dict[str, list[Field]]:
    """Citations of the violated-provision and penalty-basis cells of a form, by role."""
    labels = {lab.line: lab for lab in _labels(dt)}
    if not labels:
        return {}
    clean = clean or clean_text(dt)
    starts = [offset for offset, _ in dt.lines()]
    lines = [text for _, text in dt.lines()]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    found: list[tuple[Citation, int, int]] = []
    covered: list[list[tuple[int, int]]] = [[] for _ in lines]
    for c in parse_citations(clean.text):
        a, b = clean.offsets[c.span[0]], clean.offsets[c.span[1] - 1] + 1
        first, last = line_of(a), line_of(b - 1)
        found.append((c, first, last))
        for n in range(first, last + 1):
            lo, hi = max(a, starts[n]), min(b, starts[n] + len(lines[n]))
            covered[n].append((lo - starts[n], hi - starts[n]))
    citation_line = []
    for n, text in enumerate(lines):
        rest = "".join(ch for i, ch in enumerate(text) if not any(x <= i < y for x, y in covered[n]))
        citation_line.append(bool(covered[n]) and bool(_FILLER.fullmatch(rest)))
    out: dict[str, list[Field]] = {}
    for c, first, last in found:
        role = _role(first, last, labels, citation_line)
        if role is None:
            continue
        if role == "basis" and "违反" in regex.split(r"[，。；,;]", clean.text[max(0, c.span[0] - 40):c.span[0]])[-1]:
            # a basis cell that states both (publicity records: 处罚依据 违反了《…》…的规定，依据《…》…):
            # the citation in the 违反 clause is the violated provision
            role = "violated"
        value = {"instrument": c.instrument, "article": c.article, "paragraph": c.paragraph,
                 "item": c.item, "sub_item": c.sub_item}
        out.setdefault(role, []).append(clean.field(value, c.span[0], c.span[1]))
    return out
