"""The remedy notice (救济告知) of a decision, read clause by clause.

Review bodies, the review and litigation periods (a payment period such as 十五日内缴纳罚款 is
never taken for a review period), the review-first notice of an on-the-spot decision (复议前置)
and any notice that the party may sue directly. The checks in
:mod:`audit.checks.kinds.remedy` judge these facts from ``case.remedy``, so a reviewer's
correction of a period reaches them.
"""

from __future__ import annotations

import regex

from audit.model import Field
from audit.parse.doctext import DocText
from audit.parse.numerals import chinese_to_int

_BODY = regex.compile(
    r"(?:向|或者|或|、)\s*(?P<body>[\p{Han}（）()]{2,40}?(?:人民政府|卫生健康委员会|卫生健康局|卫生和计划生育委员会|"
    r"卫生和计划生育局|卫生计生委|卫生计生局|卫生局|卫健委|卫健局|主管部门|行政部门))"
)
_PERIOD = regex.compile(r"(?P<n>[0-9]{1,3}|[一二两三四五六七八九十百零〇]{1,4})\s*(?P<unit>个月|日|天)\s*内")
_TOPIC = regex.compile(r"复议|诉讼|起诉|缴纳|罚款|履行|陈述|申辩|听证|改正|整改")
_FIRST = regex.compile(r"先\s*(?:行\s*)?(?:向[^，。；]{0,40}?)?申请(?:行政)?复议|复议前置|应当先[^，。；]{0,20}复议")
_DIRECT = regex.compile(r"(?:直接|也可以|或者)[^。；]{0,40}?(?:向[^，。；]{0,30}?人民法院)?[^。；]{0,10}?(?:提起(?:行政)?诉讼|起诉)")
_NOTICE = regex.compile(r"[^。；]{0,60}(?:复议|诉讼)[^。；]{0,60}")


def _sentences(flat: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in regex.finditer(r"[。；;]", flat):
        out.append((start, flat[start:m.end()]))
        start = m.end()
    if start < len(flat):
        out.append((start, flat[start:]))
    return out


def review_bodies(dt: DocText) -> list[Field]:
    """Every body the decision names for an administrative review (申请行政复议)."""
    bodies = []
    for start, sentence in _sentences(dt.flat):
        end = regex.search(r"(?:申请|提出|提起)(?:行政)?复议", sentence)
        if end is None:
            continue
        for m in _BODY.finditer(sentence[:end.start()]):
            bodies.append(dt.flat_field(m.group("body"), start + m.start("body"), start + m.end("body")))
    return bodies


def periods(dt: DocText) -> list[Field]:
    """Review and litigation periods: value ``{what, value, unit}`` with ``what`` one of
    review | litigation | litigation_after_review and ``unit`` 日 or 个月."""
    out = []
    for start, sentence in _sentences(dt.flat):
        for m in _PERIOD.finditer(sentence):
            topic = _TOPIC.search(sentence[m.end():m.end() + 45])
            if topic is None or topic.group() not in ("复议", "诉讼", "起诉"):
                continue
            n = int(m.group("n")) if m.group("n").isdigit() else chinese_to_int(m.group("n"))
            if n is None:
                continue
            unit = "个月" if m.group("unit") == "个月" else "日"
            if topic.group() == "复议":
                what = "review"
            else:
                before = sentence[max(0, m.start() - 40):m.start()]
                what = "litigation_after_review" if regex.search(r"复议决定", before) else "litigation"
            out.append(dt.flat_field({"what": what, "value": n, "unit": unit}, start + m.start(), start + m.end()))
    return out


def period_scalar(found: list[Field], what: str) -> Field | None:
    """The first period of one kind as a scalar field (value: the number; detail: its unit)."""
    for f in found:
        if f.value["what"] == what:
            return Field(f.value["value"], f.raw, f.document, f.page, f.box, f.confidence, {"unit": f.value["unit"]})
    return None


def review_first(dt: DocText) -> Field | None:
    """The notice that the party must first apply for review (复议前置)."""
    m = _FIRST.search(dt.flat)
    return dt.flat_field(m.group(), m.start(), m.end()) if m else None


def direct_litigation(dt: DocText) -> list[Field]:
    """Notices that the party may sue directly (not: sue after the review decision)."""
    flat = dt.flat
    return [dt.flat_field(m.group(), m.start(), m.end()) for m in _DIRECT.finditer(flat)
            if "复议决定" not in flat[max(0, m.start() - 40):m.end()]]


def notice(dt: DocText) -> Field | None:
    """The remedy sentence (evidence for an absent element), else None."""
    m = _NOTICE.search(dt.flat)
    return dt.flat_field(m.group(), m.start(), m.end()) if m else None
