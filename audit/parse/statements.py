"""Statements a check judges, read once here: the defence period an advance notice grants, a
party's waiver of defence, the officers a record names (with or without a certificate), and
the order sentences (责令…) of a decision."""

from __future__ import annotations

import regex

from audit.model import Field
from audit.parse.doctext import DocText
from audit.parse.numerals import chinese_to_int

_STATED = regex.compile(r"收到本告知书之日起(?P<n>[一二三四五六七八九十\d]{1,3})(?P<unit>个工作日|日|天)内")
_WAIVED = regex.compile(r"放弃(?:陈述|申辩|陈述、申辩|陈述和申辩)")
_NAMES_LABEL = regex.compile(
    r"(?<![被])(?:执法人员|检查人员|检查人|询问人|调查人|承办人)[：:]\s*(?P<v>[^\n]*?)(?=\s+[\p{Han}（）()]{2,8}[：:]|\n|$)",
    regex.M,
)
# a 责令 sentence; 责令停产停业 and the like are penalties, read with the penalties
_ORDER = regex.compile(r"责令(?!停产停业|停业整顿)[^。；]{4,120}")


def defence_period(dt: DocText) -> Field | None:
    """The period for statement and defence an advance notice grants: value the number,
    ``detail.unit`` working_days | days."""
    m = _STATED.search(dt.flat)
    if not m:
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else chinese_to_int(m.group("n"))
    if not n:
        return None
    unit = "working_days" if "工作日" in m.group("unit") else "days"
    return dt.flat_field(n, m.start("n"), m.end("unit"), detail={"unit": unit})


def defence_waived(dt: DocText) -> Field | None:
    """The party's statement that it waives statement and defence (放弃陈述、申辩)."""
    m = _WAIVED.search(dt.flat)
    return dt.flat_field(m.group(), m.start(), m.end()) if m else None


def named_officers(dt: DocText) -> list[Field]:
    """Officers named after a role label (执法人员：王建平、李晓燕), certificate or not."""
    out: list[Field] = []
    seen: set[str] = set()
    for m in _NAMES_LABEL.finditer(dt.text):
        value = regex.sub(r"[（(][^）)]*[）)]", lambda b: " " * len(b.group()), m.group("v"))
        for name in regex.finditer(r"[^、，,\s\u3000]+", value):
            if regex.fullmatch(r"[\p{Han}]{2,4}", name.group()) and name.group() not in seen:
                seen.add(name.group())
                start = m.start("v") + name.start()
                out.append(dt.field(name.group(), start, start + len(name.group())))
    return out


def orders(dt: DocText) -> list[Field]:
    """The order sentences (责令…): what the party is ordered to do."""
    return [dt.flat_field(m.group(), m.start(), m.end()) for m in _ORDER.finditer(dt.flat)]
