"""Check kinds that compare what several documents say about one fact of the case."""

from __future__ import annotations

from typing import Any

import regex

from audit.checks.evidence import doc_name, is_ocr
from audit.checks.registry import Outcome, check_kind
from audit.model import Case, Field, Status
from audit.parse import search


def _category(text: str, categories: dict[str, str]) -> str | None:
    for name, pattern in categories.items():
        if regex.search(pattern, text):
            return name
    return None


@check_kind(
    "same_category", generic=True,
    field="document field key holding the stated value (e.g. case_source)",
    documents="document types whose field is compared",
    categories="ordered map: category name -> regex; a value takes the first category it matches",
    narrative_="list of {documents, pattern, category}: wording in running text that states the category",
)
def same_category(case: Case, params: dict[str, Any]) -> Outcome:
    """Documents that state one fact (the case source…) put it in the same category.

    Values are compared by category, not wording: 投诉举报（来信） and 投诉举报 agree, 双随机抽查
    and 投诉举报 do not. A value no category matches (其他) is left out.
    """
    stated: list[tuple[str, Field]] = []
    for doc in case.documents:
        if doc.type not in params["documents"]:
            continue
        f = doc.fields.get(params["field"])
        if isinstance(f, Field) and f.value:
            name = _category(str(f.value), params["categories"])
            if name:
                stated.append((name, f))
    for item in params.get("narrative", []):
        for doc in case.documents:
            if doc.type not in item["documents"]:
                continue
            found = search.find(case, doc, item["pattern"])
            if found is not None:
                stated.append((item["category"], found))
    if len(stated) < 2:
        return Outcome(Status.NOT_APPLICABLE, note="载明该事项的文书不足两份，无可比对内容")
    names = list(dict.fromkeys(name for name, _ in stated))
    shown = "；".join(f"{doc_name(case.document(f.document).type)}（第{f.page}页）为“{f.raw}”（{name}）"
                     for name, f in stated)
    values = {"stated": shown, "count": len(stated), "category": names[0]}
    if len(names) > 1:
        return Outcome(Status.FAIL, values, [f for _, f in stated])
    return Outcome(Status.PASS, values, [stated[0][1]])


def _summary(items: list[Field]) -> tuple[frozenset[str], float | None]:
    kinds = frozenset(f.value["kind"] for f in items)
    fines = [f.value.get("amount") for f in items if f.value.get("kind") == "罚款" and f.value.get("amount") is not None]
    return kinds, (round(sum(fines), 2) if fines else None)


def _describe(items: list[Field]) -> str:
    parts = []
    for f in items:
        amount = f.value.get("amount")
        parts.append(f"{f.value['kind']}{f'{amount:,.2f}元' if amount is not None else ''}")
    return "、".join(parts)


@check_kind(
    "conclusion_matches_decision",
    conclusions="document types whose conclusion is compared, the last present wins (collective after panel)",
    explained_by="regex: wording in a later internal document that records why the penalty was changed",
    explained_in="document types searched for explained_by",
)
def conclusion_matches_decision(case: Case, params: dict[str, Any]) -> Outcome:
    """The decision imposes what the panel or collective discussion concluded, or a later record
    says why it was changed (defence adopted, hearing, discussion held again)."""
    decisions = [d for d in case.documents_of("decision") if d.fields.get("penalties")]
    concluded = [d for d in case.documents if d.type in params["conclusions"] and d.fields.get("conclusion_penalties")]
    if not decisions or not concluded:
        return Outcome(Status.NOT_APPLICABLE, note="未同时识别到合议（集体讨论）结论和决定书的处罚内容")
    last = max(concluded, key=lambda d: (params["conclusions"].index(d.type), d.pages[0]))
    told, decided = last.fields["conclusion_penalties"], decisions[0].fields["penalties"]
    values = {"conclusion_doc": doc_name(last.type), "conclusion": _describe(told), "decision": _describe(decided)}
    if _summary(told) == _summary(decided):
        return Outcome(Status.PASS, values, [told[0], decided[0]])
    for doc in case.documents:
        if doc.type not in params["explained_in"] or doc.pages[0] < last.pages[0]:
            continue
        found = search.find(case, doc, params["explained_by"])
        if found is not None:
            values["reason"] = f"{doc_name(doc.type)}（第{doc.pages[0]}页）“{found.value}”"
            return Outcome(Status.PASS, values, [told[0], decided[0], found])
    return Outcome(Status.FAIL, values, [*told[:2], *decided[:2]])


_CLAUSE_END = "，。；：,;:\n"


@check_kind(
    "same_statement_same_numbers", generic=True,
    documents="document types that restate the facts",
    units="regex: the counting units whose numbers are compared (户|人次|件 …)",
)
def same_statement_same_numbers(case: Case, params: dict[str, Any]) -> Outcome:
    """A statement of fact repeated in several documents keeps its numbers: the same clause
    with 484户 in one document and 478户 in another is a contradiction.

    Clauses are compared whole, numbers blanked; only counts with a unit are compared (dates,
    amounts of money, document numbers and article numbers are other rules' matter).
    """
    number = rf"(?<![\d.])(?P<n>\d+(?:\.\d+)?)(?=(?:{params['units']}))"
    seen: dict[str, list[tuple[tuple[str, ...], Field]]] = {}
    for doc in case.documents:
        if doc.type not in params["documents"]:
            continue
        for f, numbers in search.clauses(case, doc, number, _CLAUSE_END):
            clause = f.value
            if len(regex.sub(r"[\d.\s]", "", clause)) < 6:
                continue  # too short to be the same statement
            # only the counts are blanked: a date or a code elsewhere in the clause must match as written
            template = regex.sub(number, "#", clause)
            seen.setdefault(template, []).append((tuple(numbers), f))
    conflicts = [items for items in seen.values()
                 if len({n for n, _ in items}) > 1 and len({f.document for _, f in items}) > 1]
    if not seen:
        return Outcome(Status.NOT_APPLICABLE, note="未发现在多份文书中重复表述的数量事实")
    if not conflicts:
        return Outcome(Status.PASS, {"count": len(seen)})
    shown, evidence = [], []
    for items in conflicts:
        variants: dict[tuple[str, ...], list[Field]] = {}
        for numbers, f in items:
            variants.setdefault(numbers, []).append(f)
        parts = []
        for fields in variants.values():
            where = "、".join(dict.fromkeys(f"{doc_name(case.document(f.document).type)}（第{f.page}页）" for f in fields))
            parts.append(f"{where}为“{fields[0].value}”")
            evidence.append(fields[0])
        shown.append("，".join(parts))
    values = {"problems": "；".join(shown), "count": len(seen)}
    if any(is_ocr(case, case.document(f.document)) for f in evidence):
        return Outcome(Status.NEEDS_REVIEW, values, evidence,
                       note=f"同一事实的数量前后不一致：{values['problems']}（OCR识别文本，数字可能误识，请核对原件）")
    return Outcome(Status.FAIL, values, evidence)
