"""Article text for a rule's :class:`~audit.model.LegalBasis` (shown in every finding).

    basis_text("行政处罚法", "第五十九条第一款第（三）项", "2021", None)  -> "（三）行政处罚的种类和依据；"
    basis_text("行政处罚法", "第四十四条", None, date(2022, 1, 1))          -> the article text
    basis_text("GB 32100-2015 …", "第4.2条（校验码）", None, None)          -> None (a standard: no text)

``version`` is a version id, a year ("2021") or a version date ("2021-01-22"); without it the
version in force on ``on`` is used (the latest version when ``on`` is None too). None whenever
the text is not in the registry: unknown instrument, instrument without article data, article,
款 or 项 that does not exist, or a reference the citation parser cannot read.
"""

from __future__ import annotations

import datetime as dt
import re

from audit.law.registry import Registry
from audit.law.resolve import SimpleCitation, item_paragraph, parse_citation_text, provision_text
from audit.parse.numerals import parse_article_label

_STANDARD = re.compile(r"^\s*(?:GB|GB/T|GBZ|WS|WS/T|YY|HJ)\s*[\d/T.\- ]", re.IGNORECASE)


def is_standard(instrument: str) -> bool:
    """A national or sector standard (GB 32100-2015 …): known by name, never has article text here."""
    return bool(_STANDARD.match(instrument))


def parse_basis_article(article: str) -> SimpleCitation | None:
    """第五十九条第一款第（三）项 -> (59, 1, 3); None when the string is not a statute reference."""
    plain = parse_article_label(article.strip())  # the usual form, read without the citation parser
    if plain is not None:
        return SimpleCitation(None, plain[0], plain[1], plain[2], None, article)
    if "第" not in article:  # every citation the parser finds starts at a 第: none here (立案条款)
        return None
    found = parse_citation_text(f"《某法》{article.strip()}")
    if not found:
        return None
    c = found[0]
    return SimpleCitation(None, c.article, c.paragraph, c.item, c.sub_item, article)


def basis_text(instrument: str, article: str, version: str | None = None, on: dt.date | None = None,
               registry: Registry | None = None) -> str | None:
    """The text of the article (or 款, or 项) a rule rests on; None when not in the registry."""
    if is_standard(instrument):
        return None
    reg = registry or Registry.load()
    work = reg.work(instrument)
    if work is None:
        return None
    ref = parse_basis_article(article)
    if ref is None:
        return None
    chosen = reg.version_for(work, version) if version else reg.instrument(work.key, on=on)
    if chosen is None or not chosen.has_text:
        return None
    art = reg.article(chosen.id, ref.article)
    if art is None:
        return None
    if ref.paragraph is not None and art.paragraph(ref.paragraph) is None:
        return None
    if ref.item is not None:
        return art.item(ref.paragraph or item_paragraph(art), ref.item)
    return provision_text(art, ref)
