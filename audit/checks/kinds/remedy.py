"""Remedy notice (救济告知) checks: review body, review and litigation periods, review-first notice.

The rule YAML carries the legal values (60 日, 6 个月, 15 日, 本级人民政府) with their articles; the
decision text is read here clause by clause, so a payment period (十五日内缴纳罚款) is never taken
for a review period.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from audit.checks.legal import doc_name, document_date, where
from audit.checks.registry import Outcome, check_kind
from audit.law.resolve import date_cn
from audit.model import Case, Document, Field
from audit.model import Status as S
from audit.parse.doctext import DocText
from audit.parse.numerals import chinese_to_int, int_to_chinese

_BODY = regex.compile(
    r"(?:向|或者|或|、)\s*(?P<body>[\p{Han}（）()]{2,40}?(?:人民政府|卫生健康委员会|卫生健康局|卫生和计划生育委员会|"
    r"卫生和计划生育局|卫生计生委|卫生计生局|卫生局|卫健委|卫健局|主管部门|行政部门))"
)
_HEALTH = regex.compile(r"卫生|卫健|健康委|主管部门|行政部门")
_AGENCY_SUFFIX = regex.compile(
    r"(?:卫生健康委员会|卫生健康局|卫生和计划生育委员会|卫生和计划生育局|卫生计生委|卫生计生局|卫生局|卫健委|卫健局|"
    r"卫生健康综合监督执法局|卫生监督所|卫生健康综合行政执法队|疾病预防控制局)$"
)
_PERIOD = regex.compile(r"(?P<n>[0-9]{1,3}|[一二两三四五六七八九十百零〇]{1,4})\s*(?P<unit>个月|日|天)\s*内")
_TOPIC = regex.compile(r"复议|诉讼|起诉|缴纳|罚款|履行|陈述|申辩|听证|改正|整改")


def _decisions(case: Case, types: list[str]) -> list[Document]:
    return sorted((d for d in case.documents if d.type in types), key=lambda d: d.pages[0])


def _sentences(flat: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in regex.finditer(r"[。；;]", flat):
        out.append((start, flat[start:m.end()]))
        start = m.end()
    if start < len(flat):
        out.append((start, flat[start:]))
    return out


# ----------------------------------------------------------------------------- review body


def region_of(agency: str) -> str | None:
    """宁波市鄞州区卫生健康局 -> 宁波市鄞州区 (None when the name has no known department suffix)."""
    name = "".join(agency.split())
    m = _AGENCY_SUFFIX.search(name)
    return name[:m.start()] if m and m.start() > 0 else None


@check_kind("law_review_body", documents_="decision document types")
def review_body(case: Case, params: dict[str, Any]) -> Outcome:
    """After 2024-01-01 a health department's decision is reviewed by 本级人民政府 (行政复议法 第二十四条)."""
    docs = _decisions(case, params.get("documents", ["decision", "onsite_decision"]))
    if not docs:
        return Outcome(S.NOT_APPLICABLE, note="案卷中未识别到行政处罚决定书")
    problems, evidence, unsure, good, uev = [], [], [], [], []
    for doc in docs:
        text = DocText.of(case, doc)
        agency = doc.fields.get("agency") or case.agency
        region = region_of(agency.value) if isinstance(agency, Field) else None
        bodies = []
        for start, sentence in _sentences(text.flat):
            end = regex.search(r"(?:申请|提出|提起)(?:行政)?复议", sentence)
            if end is None:
                continue
            head = sentence[:end.start()]
            for m in _BODY.finditer(head):
                bodies.append(text.flat_field(m.group("body"), start + m.start("body"), start + m.end("body")))
        if not bodies:
            unsure.append(f"{doc_name(doc.type)}中未识别到行政复议机关")
            uev.append(_anchor(text))
            continue
        expected = f"{region}人民政府" if region else "本级人民政府"
        for f in bodies:
            name = f.value
            if _HEALTH.search(name):
                problems.append(f"{where(case, f)}告知向“{name}”申请行政复议；应向{expected}申请")
                evidence.append(f)
                continue
            body_region = name.removesuffix("人民政府")
            if region is None:
                unsure.append(f"未识别到作出决定的机关名称，无法核对复议机关“{name}”是否为本级人民政府")
                uev.append(f)
            elif body_region == region or region.endswith(body_region):
                good.append(name)
            elif region.startswith(body_region):
                problems.append(f"{where(case, f)}告知向“{name}”申请行政复议，该机关为上级人民政府；"
                                f"作出决定的机关为{agency.value}，应向{expected}申请")
                evidence.append(f)
            else:
                unsure.append(f"复议机关“{name}”与作出决定的机关“{agency.value}”的行政区域无法对应")
                uev.append(f)
    values = {"problems": "；".join(problems), "bodies": "、".join(dict.fromkeys(good)) or "—"}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, uev, note="；".join(dict.fromkeys(unsure)) + "，请人工核查")
    return Outcome(S.PASS, values)


# ----------------------------------------------------------------------------- periods


@dataclass(frozen=True, slots=True)
class Period:
    what: str  # review | litigation | litigation_after_review
    value: int
    unit: str  # 个月 | 日
    field: Field


def periods(text: DocText) -> list[Period]:
    """Review and litigation periods stated in a decision, with where they were read."""
    out = []
    for start, sentence in _sentences(text.flat):
        for m in _PERIOD.finditer(sentence):
            after = sentence[m.end():m.end() + 45]
            topic = _TOPIC.search(after)
            if topic is None or topic.group() not in ("复议", "诉讼", "起诉"):
                continue
            n = int(m.group("n")) if m.group("n").isdigit() else chinese_to_int(m.group("n"))
            if n is None:
                continue
            unit = "个月" if m.group("unit") == "个月" else "日"
            f = text.flat_field(m.group(), start + m.start(), start + m.end())
            if topic.group() == "复议":
                out.append(Period("review", n, unit, f))
            else:
                before = sentence[max(0, m.start() - 40):m.start()]
                what = "litigation_after_review" if regex.search(r"复议决定", before) else "litigation"
                out.append(Period(what, n, unit, f))
    return out


@check_kind(
    "law_remedy_periods", review_days="days to apply for review", litigation_months="months to sue directly",
    litigation_after_review_days="days to sue after the review decision", documents_="decision document types",
)
def remedy_periods(case: Case, params: dict[str, Any]) -> Outcome:
    """Review within 60 days; direct litigation within 6 months; after review within 15 days."""
    docs = _decisions(case, params.get("documents", ["decision", "onsite_decision"]))
    if not docs:
        return Outcome(S.NOT_APPLICABLE, note="案卷中未识别到行政处罚决定书")
    review_days = int(params["review_days"])
    months = int(params["litigation_months"])
    after_days = int(params["litigation_after_review_days"])
    problems, evidence, unsure, seen, uev = [], [], [], [], []
    for doc in docs:
        text = DocText.of(case, doc)
        found = periods(text)
        if not found:
            unsure.append(f"{doc_name(doc.type)}中未识别到申请行政复议或提起行政诉讼的期限")
            uev.append(_anchor(text))
            continue
        for p in found:
            said = f"{int_to_chinese(p.value)}{p.unit}"
            if p.what == "review":
                seen.append(f"复议{said}")
                if p.unit != "日" or p.value != review_days:
                    problems.append(f"{where(case, p.field)}告知申请行政复议的期限为“{p.field.raw}”，法定期限为{int_to_chinese(review_days)}日")
                    evidence.append(p.field)
            elif p.what == "litigation":
                seen.append(f"诉讼{said}")
                if p.unit == "个月" and p.value != months:
                    problems.append(f"{where(case, p.field)}告知提起行政诉讼的期限为“{p.field.raw}”，法定期限为{int_to_chinese(months)}个月")
                    evidence.append(p.field)
                elif p.unit == "日":
                    unsure.append(f"{where(case, p.field)}告知直接提起行政诉讼的期限为“{p.field.raw}”，《行政诉讼法》"
                                  f"第四十六条规定为{int_to_chinese(months)}个月（法律另有规定的除外），请核实所依据的规定")
                    uev.append(p.field)
            else:
                seen.append(f"复议后诉讼{said}")
                if p.unit == "个月" or p.value != after_days:
                    unsure.append(f"{where(case, p.field)}告知不服复议决定提起诉讼的期限为“{p.field.raw}”，"
                                  f"《行政诉讼法》第四十五条规定为{int_to_chinese(after_days)}日（法律另有规定的除外），请核实")
                    uev.append(p.field)
    values = {"problems": "；".join(problems), "periods": "、".join(dict.fromkeys(seen)) or "—"}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, uev, note="；".join(unsure))
    return Outcome(S.PASS, values)


# ----------------------------------------------------------------------------- review first

_FIRST = regex.compile(r"先\s*(?:行\s*)?(?:向[^，。；]{0,40}?)?申请(?:行政)?复议|复议前置|应当先[^，。；]{0,20}复议")
_DIRECT = regex.compile(r"(?:直接|也可以|或者)[^。；]{0,40}?(?:向[^，。；]{0,30}?人民法院)?[^。；]{0,10}?(?:提起(?:行政)?诉讼|起诉)")


@check_kind("law_review_first_notice", documents_="on-the-spot decision types", from_="date the rule starts")
def review_first_notice(case: Case, params: dict[str, Any]) -> Outcome:
    """An on-the-spot decision (from 2024-01-01) tells the party to apply for review first (复议前置)."""
    docs = _decisions(case, params.get("documents", ["onsite_decision"]))
    if not docs:
        return Outcome(S.NOT_APPLICABLE, note="案卷中未识别到当场行政处罚决定书")
    start = params.get("from")
    problems, evidence, unsure, ok, uev = [], [], [], [], []
    for doc in docs:
        day, _ = document_date(case, doc)
        if start and day is not None and day.isoformat() < str(start):
            continue
        text = DocText.of(case, doc)
        if not text.flat.strip():
            unsure.append(f"{doc_name(doc.type)}无可读文字")
            uev.append(_anchor(text))
            continue
        first = _FIRST.search(text.flat)
        direct = [m for m in _DIRECT.finditer(text.flat) if "复议决定" not in text.flat[max(0, m.start() - 40):m.end()]]
        when = f"（{date_cn(day)}作出）" if day else ""
        if first is None:
            anchor = _anchor(text)
            problems.append(f"{doc_name(doc.type)}{when}未告知当事人应当先申请行政复议")
            evidence.append(anchor)
        elif direct:
            m = direct[0]
            f = text.flat_field(m.group(), m.start(), m.end())
            problems.append(f"{where(case, f)}{when}在告知先申请复议的同时，又告知可以直接提起行政诉讼（“{m.group()}”）")
            evidence.append(f)
        else:
            ok.append(text.flat[first.start():first.end()])
    values = {"problems": "；".join(problems), "found": "、".join(f"“{o}”" for o in ok) or "—"}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, uev, note="；".join(unsure) + "，请人工核查")
    if not ok:
        return Outcome(S.NOT_APPLICABLE, values, note="当场处罚决定作出于复议前置规定施行之前")
    return Outcome(S.PASS, values)


def _anchor(text: DocText) -> Field:
    """Evidence for an absent notice: the remedy sentence if any, else the document's first line."""
    m = regex.search(r"[^。；]{0,60}(?:复议|诉讼)[^。；]{0,60}", text.flat)
    if m:
        return text.flat_field(m.group(), m.start(), m.end())
    first = text.text.split("\n", 1)[0]
    return text.field(first, 0, max(1, len(first)))
