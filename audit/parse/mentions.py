"""Every law citation a document makes, with the clause around it, and the hints that a
violated provision or a penalty basis was stated where no article could be read.

Checks judge these facts (:mod:`audit.checks.kinds.citations`) instead of scanning text.
"""

from __future__ import annotations

import regex

from audit.model import Field
from audit.parse.citations import parse_citations
from audit.parse.doctext import DocText

CONTEXT = 80  # characters kept on each side of a citation, within its clause (。；)

_ARTICLE = r"第\s*[0-9一二三四五六七八九十百零〇]+\s*条"
_DECIDES = r"(?:决定|拟对|拟给予|作出如下|给予|处以|予以处罚|当场作出)"
HINTS = {
    # the clause of 违反…, not running on into the basis clause (违反了有关规定，依据《…》第…条)
    "violated_hint": regex.compile(rf"违反(?:(?!依据|依照|根据|按照)[^。；]){{0,60}}?{_ARTICLE}"),
    "violated_title_only": regex.compile(r"违反(?:(?!依据|依照|根据|按照)[^。；]){0,20}?《[^》]{2,40}》"),
    "basis_hint": regex.compile(rf"(?:依据|依照|根据|按照)[^。；]{{0,120}}?{_ARTICLE}[^。；]{{0,120}}?{_DECIDES}"),
    "basis_title_only": regex.compile(rf"(?:依据|依照|根据|按照)[^。；]{{0,20}}?《[^》]{{2,40}}》[^。；]{{0,60}}?{_DECIDES}"),
}


def _clause(flat: str, span: tuple[int, int]) -> tuple[str, str]:
    start = max(0, span[0] - CONTEXT)
    head = flat[start:span[0]]
    cut = max(head.rfind("。"), head.rfind("；"))
    head = head[cut + 1:] if cut >= 0 else head
    tail = flat[span[1]:span[1] + CONTEXT]
    stop = min([i for i in (tail.find("。"), tail.find("；")) if i >= 0] or [len(tail)])
    return head, tail[:stop]


def citations(dt: DocText) -> list[Field]:
    """Every citation in the document: value {instrument, article, paragraph, item, sub_item},
    ``raw`` as written, ``detail`` {before, after}: its clause on each side."""
    out = []
    for c in parse_citations(dt.flat):
        before, after = _clause(dt.flat, c.span)
        value = {"instrument": c.instrument, "article": c.article, "paragraph": c.paragraph,
                 "item": c.item, "sub_item": c.sub_item}
        f = dt.flat_field(value, c.span[0], c.span[1], detail={"before": before, "after": after})
        f.raw = c.raw
        out.append(f)
    return out


def hints(dt: DocText) -> dict[str, Field]:
    """Where the text says it cites a violated provision or a penalty basis (found or not)."""
    out = {}
    for key, pattern in HINTS.items():
        m = pattern.search(dt.flat)
        if m:
            out[key] = dt.flat_field(m.group(), m.start(), m.end())
    return out
