"""Remedy notice (救济告知) checks: review body, review and litigation periods, review-first notice.

The rule YAML carries the legal values (60 日, 6 个月, 15 日, 本级人民政府) with their articles; the
facts are ``case.remedy`` as :mod:`audit.parse.remedy` read them (clause by clause, so a payment
period is never taken for a review period) and as a reviewer may have corrected them.
"""

from __future__ import annotations

from typing import Any

from audit.checks.evidence import doc_field, first_line_field
from audit.checks.legal import doc_name, document_date, where
from audit.checks.registry import Outcome, check_kind
from audit.law.resolve import date_cn
from audit.model import Case, Document, Field
from audit.model import Status as S
from audit.parse.numerals import int_to_chinese

# the health departments (a review body that is one is the wrong body after 2024-01-01)
_HEALTH = ("卫生", "卫健", "健康委", "主管部门", "行政部门")
_AGENCY_SUFFIXES = ("卫生健康委员会", "卫生健康局", "卫生和计划生育委员会", "卫生和计划生育局", "卫生计生委", "卫生计生局",
                    "卫生局", "卫健委", "卫健局", "卫生健康综合监督执法局", "卫生监督所", "卫生健康综合行政执法队",
                    "疾病预防控制局")


def _decisions(case: Case, types: list[str]) -> list[Document]:
    return sorted((d for d in case.documents if d.type in types), key=lambda d: d.pages[0])


# ----------------------------------------------------------------------------- review body


def region_of(agency: str) -> str | None:
    """宁波市鄞州区卫生健康局 -> 宁波市鄞州区 (None when the name has no known department suffix)."""
    name = "".join(agency.split())
    for suffix in sorted(_AGENCY_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)]
    return None


def _bodies(case: Case) -> list[Field]:
    """The review bodies named: the (correctable) first one, then any further mention."""
    first, every = case.remedy.review_body, case.remedy.review_bodies
    if first is None:
        return list(every)
    return [first, *every[1:]]


def _anchor(case: Case, doc: Document) -> Field:
    """Evidence for an absent notice: the remedy sentence if any, else the document itself."""
    return case.remedy.notice or first_line_field(case, doc)


@check_kind("law_review_body", documents_="decision document types")
def review_body(case: Case, params: dict[str, Any]) -> Outcome:
    """After 2024-01-01 a health department's decision is reviewed by 本级人民政府 (行政复议法 第二十四条)."""
    docs = _decisions(case, params.get("documents", ["decision", "onsite_decision"]))
    if not docs:
        return Outcome(S.NOT_APPLICABLE, note="案卷中未识别到行政处罚决定书")
    problems, evidence, unsure, good, uev = [], [], [], [], []
    doc = docs[0]
    agency = doc.fields.get("agency") or case.agency
    region = region_of(agency.value) if isinstance(agency, Field) else None
    bodies = _bodies(case)
    if not bodies:
        unsure.append(f"{doc_name(doc.type)}中未识别到行政复议机关")
        uev.append(_anchor(case, doc))
    expected = f"{region}人民政府" if region else "本级人民政府"
    for f in bodies:
        name = str(f.value)
        if any(word in name for word in _HEALTH):
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


_SCALARS = (("review", "review_days", "日"), ("litigation", "litigation_months", "个月"),
            ("litigation_after_review", "litigation_after_review_days", "日"))


def stated_periods(case: Case) -> list[Field]:
    """Every period of the remedy notice (value {what, value, unit}); the first of each kind is
    the case's (correctable) scalar, so a reviewer's correction reaches the rule."""
    found = list(case.remedy.periods)
    for what, key, unit in _SCALARS:
        scalar = getattr(case.remedy, key)
        if scalar is None or scalar.value is None:
            continue
        value = {"what": what, "value": scalar.value, "unit": (scalar.detail or {}).get("unit") or unit}
        item = Field(value, scalar.raw, scalar.document, scalar.page, scalar.box, scalar.confidence)
        index = next((i for i, f in enumerate(found) if f.value["what"] == what), None)
        if index is None:
            found.append(item)
        else:
            found[index] = item
    return found


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
    found = stated_periods(case)
    if not found:
        unsure.append(f"{doc_name(docs[0].type)}中未识别到申请行政复议或提起行政诉讼的期限")
        uev.append(_anchor(case, docs[0]))
    for f in found:
        what, value, unit = f.value["what"], f.value["value"], f.value["unit"]
        said = f"{int_to_chinese(value)}{unit}"
        if what == "review":
            seen.append(f"复议{said}")
            if unit != "日" or value != review_days:
                problems.append(f"{where(case, f)}告知申请行政复议的期限为“{f.raw}”，法定期限为{int_to_chinese(review_days)}日")
                evidence.append(f)
        elif what == "litigation":
            seen.append(f"诉讼{said}")
            if unit == "个月" and value != months:
                problems.append(f"{where(case, f)}告知提起行政诉讼的期限为“{f.raw}”，法定期限为{int_to_chinese(months)}个月")
                evidence.append(f)
            elif unit == "日":
                unsure.append(f"{where(case, f)}告知直接提起行政诉讼的期限为“{f.raw}”，《行政诉讼法》"
                              f"第四十六条规定为{int_to_chinese(months)}个月（法律另有规定的除外），请核实所依据的规定")
                uev.append(f)
        else:
            seen.append(f"复议后诉讼{said}")
            if unit == "个月" or value != after_days:
                unsure.append(f"{where(case, f)}告知不服复议决定提起诉讼的期限为“{f.raw}”，"
                              f"《行政诉讼法》第四十五条规定为{int_to_chinese(after_days)}日（法律另有规定的除外），请核实")
                uev.append(f)
    values = {"problems": "；".join(problems), "periods": "、".join(dict.fromkeys(seen)) or "—"}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, uev, note="；".join(unsure))
    return Outcome(S.PASS, values)


# ----------------------------------------------------------------------------- review first

@check_kind("law_review_first_notice", documents_="on-the-spot decision types", from_="date the rule starts")
def review_first_notice(case: Case, params: dict[str, Any]) -> Outcome:
    """An on-the-spot decision (from 2024-01-01) tells the party to apply for review first (复议前置)."""
    docs = _decisions(case, params.get("documents", ["onsite_decision"]))
    if not docs:
        return Outcome(S.NOT_APPLICABLE, note="案卷中未识别到当场行政处罚决定书")
    start = params.get("from")
    problems, evidence, unsure, ok, uev = [], [], [], [], []
    doc = docs[0]
    day, _ = document_date(case, doc)
    if not (start and day is not None and day.isoformat() < str(start)):
        first, direct = case.remedy.review_first, case.remedy.direct_litigation
        when = f"（{date_cn(day)}作出）" if day else ""
        if case.remedy.notice is None and first is None and not _readable(case, doc):
            unsure.append(f"{doc_name(doc.type)}无可读文字")
            uev.append(doc_field(case, doc))
        elif first is None:
            problems.append(f"{doc_name(doc.type)}{when}未告知当事人应当先申请行政复议")
            evidence.append(_anchor(case, doc))
        elif direct:
            f = direct[0]
            problems.append(f"{where(case, f)}{when}在告知先申请复议的同时，又告知可以直接提起行政诉讼（“{f.raw}”）")
            evidence.append(f)
        else:
            ok.append(str(first.value))
    values = {"problems": "；".join(problems), "found": "、".join(f"“{o}”" for o in ok) or "—"}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, uev, note="；".join(unsure) + "，请人工核查")
    if not ok:
        return Outcome(S.NOT_APPLICABLE, values, note="当场处罚决定作出于复议前置规定施行之前")
    return Outcome(S.PASS, values)


def _readable(case: Case, doc: Document) -> bool:
    return any((p := case.page(n)) is not None and any(line.text.strip() for line in p.lines) for n in doc.pages)
