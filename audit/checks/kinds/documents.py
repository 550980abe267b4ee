"""The generic check kinds. Each reads per-document fields and says pass / fail / needs review."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from audit.checks.evidence import is_ocr
from audit.checks.registry import Outcome, check_kind
from audit.model import Case, Field, Status
from audit.parse.segment import type_names

MIN_DOCUMENTS_FOR_FILE = 3  # fewer documents: a single document was given, not a whole file


def _doc_name(code: str) -> str:
    return type_names().get(code, code)


@check_kind(
    "required_documents", generic=True,
    documents="document types the file must hold: list of codes, or of {type, any_of_} groups",
)
def required_documents(case: Case, params: dict[str, Any]) -> Outcome:
    """Every listed document type is present in the file."""
    present = {d.type for d in case.documents}
    if len(case.documents) < MIN_DOCUMENTS_FOR_FILE:
        return Outcome(
            Status.NEEDS_REVIEW,
            {"missing": "、".join(_doc_name(t) for t in _required_codes(params) if t not in present),
             "required": "、".join(_doc_name(t) for t in _required_codes(params))},
            note=f"输入仅含 {len(case.documents)} 份文书，不是完整案卷，无法判断案卷是否齐全",
        )
    unread = [p.number for p in case.pages if p.needs_ocr]
    missing = []
    for entry in params["documents"]:
        alternatives = entry["any_of"] if isinstance(entry, dict) else [entry]
        if not present.intersection(alternatives):
            missing.append("或".join(_doc_name(t) for t in alternatives))
    values = {"required": "、".join(_doc_name(t) for t in _required_codes(params)), "missing": "、".join(missing)}
    if missing and unread:
        return Outcome(Status.NEEDS_REVIEW, values,
                       note=f"未识别到{values['missing']}；另有{len(unread)}页未能读取文字，缺少的文书可能在其中，请人工核对")
    return Outcome(Status.FAIL if missing else Status.PASS, values)


def _required_codes(params: dict[str, Any]) -> list[str]:
    return [e["any_of"][0] if isinstance(e, dict) else e for e in params["documents"]]


# --- normalisers used to compare values across documents -----------------------------

def _norm_name(value: Any) -> str:
    text = regex.sub(r"[\s\u3000]+", "", str(value))
    return text.translate(str.maketrans("()（）［］", "（）（）〔〕"))


def _case_key(f: Field) -> tuple:
    return tuple((f.detail or {}).get("key") or (f.value,))


COMPARATORS: dict[str, Callable[[Field], Any]] = {
    "name": lambda f: _norm_name(f.value),
    "case_number_key": _case_key,
    "exact": lambda f: f.value,
}


@check_kind(
    "consistent_across_documents", generic=True,
    field="document field key to compare (e.g. party_name)",
    compare="comparator: name | case_number_key | exact",
    reference="document types whose value is the reference, in order of preference",
    documents="document types to compare with the reference",
    fields_by_type_="optional map: document type -> field key, where it differs",
    skip_invalid_="true: leave out values that fail their own check digit (another rule reports them)",
    certain_if_="only_numbers_differ: a mismatch fails only where the values differ in their numbers alone "
                "(a miscopied house number); other differences ask for a manual check",
    review_note_="with certain_if: the words of that manual check, why the difference may be lawful "
                 "(default: 请人工核实)",
    ocr_near_miss_="review: where every mismatch is one character off and either document was read by OCR, "
                   "ask for a manual check instead of failing (text comparators: name, exact)",
)
def consistent_across_documents(case: Case, params: dict[str, Any]) -> Outcome:
    """A value (party name, case number…) reads the same in every document that states it."""
    key_of = COMPARATORS[params["compare"]]
    by_type = params.get("fields_by_type", {})

    def values(doc) -> list[Field]:
        got = doc.fields.get(by_type.get(doc.type, params["field"]))
        found = [got] if isinstance(got, Field) else list(got or [])
        if params.get("skip_invalid"):
            found = [f for f in found if (f.detail or {}).get("valid") is not False]
        return found

    reference = None
    for ref_type in params["reference"]:
        for doc in case.documents_of(ref_type):
            found = values(doc)
            if found:
                reference = found[0]
                break
        if reference:
            break
    if reference is None:
        return Outcome(Status.NOT_APPLICABLE, note="未找到作为比对基准的文书或字段")

    ref_key = key_of(reference)
    mismatches: list[Field] = []
    compared = 0
    for doc in case.documents:
        if doc.type not in params["documents"] or doc.id == reference.document:
            continue
        for f in values(doc):
            compared += 1
            if key_of(f) != ref_key:
                mismatches.append(f)
    if compared == 0:
        return Outcome(Status.NOT_APPLICABLE, note="其他文书未载明该字段，无可比对内容")
    observed = "；".join(
        f"{_doc_name(case.document(f.document).type)}（第{f.page}页）为“{f.raw}”" for f in mismatches
    )
    values_ = {
        "reference": reference.raw,
        "reference_doc": _doc_name(case.document(reference.document).type),
        "reference_page": reference.page,
        "mismatches": observed,
        "count": compared,
    }
    if mismatches and params.get("ocr_near_miss") == "review" and isinstance(ref_key, str) and all(
        _within_one_character(key_of(f), ref_key) and (is_ocr(case, case.document(f.document))
                                                       or is_ocr(case, case.document(reference.document)))
        for f in mismatches
    ):
        return Outcome(Status.NEEDS_REVIEW, values_, [reference, *mismatches],
                       note=f"与{values_['reference_doc']}的“{reference.raw}”相差一个字：{observed}"
                            "（扫描件文字识别可能有误，请核对原件）")
    if mismatches:
        if params.get("certain_if") == "only_numbers_differ" and not all(
            _numbers_blanked(key_of(f)) == _numbers_blanked(ref_key) for f in mismatches
        ):
            return Outcome(Status.NEEDS_REVIEW, values_, [reference, *mismatches],
                           note=f"与{values_['reference_doc']}的“{reference.raw}”写法不同：{observed}"
                                f"（{params.get('review_note', '请人工核实')}）")
        return Outcome(Status.FAIL, values_, [reference, *mismatches])
    return Outcome(Status.PASS, values_, [reference])


def _within_one_character(a: str, b: str) -> bool:
    """One character added, dropped or changed: what an OCR misreading typically does."""
    if abs(len(a) - len(b)) > 1:
        return False
    return regex.fullmatch(f"(?:{regex.escape(a)}){{e<=1}}", b) is not None


def _numbers_blanked(value: Any) -> str:
    """The value with every number (digits or Chinese numerals) replaced by #."""
    return regex.sub(r"[0-9０-９]+|[〇○零一二三四五六七八九十百千]+(?=[号栋幢楼层室单元弄巷])", "#", str(value))


@check_kind("identifier_checksums", kinds="field keys to verify: credit_codes and/or id_numbers")
def identifier_checksums(case: Case, params: dict[str, Any]) -> Outcome:
    """Unified social credit codes (GB 32100) and ID numbers (GB 11643) pass their check digit."""
    labels = {"credit_codes": "统一社会信用代码", "id_numbers": "公民身份号码"}
    seen, bad = 0, []
    for doc in case.documents:
        for key in params["kinds"]:
            for f in doc.fields.get(key, []):
                seen += 1
                if (f.detail or {}).get("valid") is False:
                    bad.append((key, f))
    if seen == 0:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中未识别到统一社会信用代码或身份证号码")
    observed = "；".join(
        f"{_doc_name(case.document(f.document).type)}（第{f.page}页）{labels[k]}“{f.value}”校验位不正确"
        for k, f in bad
    )
    return Outcome(Status.FAIL if bad else Status.PASS, {"count": seen, "invalid": observed}, [f for _, f in bad])
