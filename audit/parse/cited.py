"""Citations by role: the provisions violated (违反…规定) and the penalty basis (依据…规定，决定…),
in sentences, in form cells and under a decision's 行政处罚依据和种类 heading."""

from __future__ import annotations

import regex

from audit.model import Field
from audit.parse.citation_cells import CleanText, cell_citations, clean_text
from audit.parse.citations import parse_citations
from audit.parse.doctext import DocText


def citations_in(dt: DocText, start: int, end: int) -> list[Field]:
    """Citations inside ``flat[start:end]`` as fields (value = citation dict)."""
    out = []
    for c in parse_citations(dt.flat[start:end]):
        value = {
            "instrument": c.instrument,
            "article": c.article,
            "paragraph": c.paragraph,
            "item": c.item,
            "sub_item": c.sub_item,
        }
        out.append(dt.flat_field(value, start + c.span[0], start + c.span[1]))
    return out


_VIOLATED = regex.compile(r"违反(?:了)?(?P<body>.{0,260}?)(?:的|之)?(?:有关)?规定")
_BASIS = regex.compile(
    r"(?:依据|依照|根据|按照)(?P<body>.{0,260}?)(?:的|之)?(?:有关)?规定[，,。；;]?\s*"
    r"(?=(?P<after>.{0,40}))",  # a lookahead: the next sentence may hold the next citation
    regex.S,
)
_BASIS_FOLLOWS = regex.compile(
    r"^(?:本机关|本局|我局|本委|我委|本所)?[ \u3000]*(?:现|拟|依法|当场|经研究|经集体讨论)*[ \u3000]*"
    r"(?:决定|作出|给予|处以|予以|责令|对你|对当事人|对该|建议)"
)


def _clean_citations_in(clean: CleanText, start: int, end: int) -> list[Field]:
    """Citations inside ``clean.text[start:end]`` as fields (value = citation dict)."""
    out = []
    for c in parse_citations(clean.text[start:end]):
        value = {"instrument": c.instrument, "article": c.article, "paragraph": c.paragraph,
                 "item": c.item, "sub_item": c.sub_item}
        out.append(clean.field(value, start + c.span[0], start + c.span[1]))
    return out


# 按照《X》第N条，决定… / 依据《X》第N条予以处罚: a basis written without 规定, the run followed by the decision
_BASIS_BARE = regex.compile(
    r"(?:依据|依照|根据|按照)(?P<body>《[^，,。；;]{1,200}[条款项目])(?:[，,]\s*)?(?=(?P<after>.{0,40}))",
    regex.S,
)
_BARE_FOLLOWS = regex.compile(
    r"^(?:本机关|本局|我局|本委|我委|本所)?[ \u3000]*(?:现|拟|依法|当场)*[ \u3000]*"
    r"(?:决定|作出|给予|处以|并处|予以(?:行政)?处罚|对(?:你|你单位|当事人|该单位)(?:作出|给予|处以))"
)


def violated_provisions(dt: DocText) -> list[Field]:
    """Citations of the rules breached (违反…规定, or the 违反条款 cell of a form)."""
    clean = clean_text(dt)
    out: list[Field] = list(cell_citations(dt, clean).get("violated", []))
    for m in _VIOLATED.finditer(clean.text):
        if "《" in m.group("body") or "第" in m.group("body"):
            out.extend(_clean_citations_in(clean, m.start("body"), m.end("body")))
    return _unique(out)


def penalty_basis(dt: DocText) -> list[Field]:
    """Citations of the penalty provisions (依据/按照…规定，决定/给予…, or the 处罚依据 cell of a form)."""
    clean = clean_text(dt)
    out: list[Field] = list(cell_citations(dt, clean).get("basis", []))
    for pattern, follows in ((_BASIS, _BASIS_FOLLOWS), (_BASIS_BARE, _BARE_FOLLOWS)):
        for m in pattern.finditer(clean.text, overlapped=True):
            body = m.group("body")
            if "《" not in body and "第" not in body:
                continue
            if "违反" in body or not follows.search(m.group("after")):
                continue
            out.extend(_clean_citations_in(clean, m.start("body"), m.end("body")))
    if not out:
        out = _section_basis(dt)
    return _unique(out)


def _section_basis(dt: DocText) -> list[Field]:
    """Citations listed under a 行政处罚依据和种类 heading, less those the text says were
    violated (a decision written in headed sections names the basis without 依据…规定)."""
    from audit.parse.sections import sections

    span = sections(dt).get("basis_and_kinds")
    if span is None:
        return []
    violated = {tuple(sorted(f.value.items())) for f in violated_provisions(dt)}
    start, end = span
    text = dt.flat[start:end]
    out = []
    for f in citations_in(dt, start, end):
        before = text[:max(0, text.find(f.raw[:4]))][-30:] if f.raw else ""
        if "违反" in before or tuple(sorted(f.value.items())) in violated:
            continue
        out.append(f)
    return out


def _unique(fields: list[Field]) -> list[Field]:
    seen, out = set(), []
    for f in fields:
        key = tuple(sorted(f.value.items()))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
