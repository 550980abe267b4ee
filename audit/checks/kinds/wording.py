"""Check kinds over document contents: required wording, officers, seals, forms, numbering."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import regex

from audit.checks.evidence import date_of, doc_field, doc_name, is_ocr, ocr_doubt
from audit.checks.registry import Outcome, check_kind
from audit.model import Case, Document, Field, Status
from audit.parse import search
from audit.parse.pagination import printed_page_number
from audit.parse.recognise import CONTENT_CONFIDENCE
from audit.parse.signatures import page_signed
from audit.parse.vocabulary import find_phrase


def _docs(case: Case, types: list[str]) -> list[Document]:
    return [d for d in case.documents if d.type in types]


@check_kind(
    "text_patterns", generic=True,
    documents="document types to check",
    require_="list of {label, pattern}: wording each document must contain",
    forbid_="list of {label, pattern, at_most_, review_}: wording no document may contain; with review: true "
            "a match alone asks for a manual check instead of failing",
    when_="regex: only documents whose text matches it are checked (e.g. copies of evidence)",
    unless_="regex: documents whose text matches it are not checked",
)
def text_patterns(case: Case, params: dict[str, Any]) -> Outcome:
    """Each listed document contains the required wording and none of the forbidden wording."""
    docs = _docs(case, params["documents"])
    if params.get("when"):
        docs = [d for d in docs if search.has(case, d, params["when"])]
    if params.get("unless"):
        docs = [d for d in docs if not search.has(case, d, params["unless"])]
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需检查的文书")
    problems, evidence, uncertain = [], [], False
    to_review: list[str] = []  # matches of forbid patterns that only ask for a manual check
    for doc in docs:
        text = search.text_of(case, doc)
        if not text.strip():
            continue
        absent = [
            r for r in params.get("require", [])
            if (not r.get("when") or regex.search(r["when"], text)) and not find_phrase(r["label"], text, r["pattern"])
        ]
        if absent:
            missing = [r["label"] for r in absent]
            problems.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）未载明：{'、'.join(missing)}")
            # absence needs positive evidence: OCR that may have missed it, or a document
            # recognised by its content only, asks for a manual check
            doubt = doc.confidence <= CONTENT_CONFIDENCE or any(ocr_doubt(case, doc, r["pattern"]) for r in absent)
            where = doc_field(case, doc)
            if not doubt:  # the reading is sure the wording is absent, however unsure other lines are
                where = replace(where, confidence=1.0)
            evidence.append(where)
            uncertain |= doubt
        for rule in params.get("forbid", []):
            matches = search.find_all(case, doc, rule["pattern"])
            allowed = rule.get("at_most", 0)
            if len(matches) > allowed:
                f = matches[allowed]
                extra = f"{len(matches)}处" if allowed else ""
                found = f"{doc_name(doc.type)}（第{f.page}页）出现{extra}{rule['label']}“{f.value}”"
                (to_review if rule.get("review") else problems).append(found)
                evidence.append(f)
    if not problems and to_review:
        values = {"problems": "；".join(to_review), "count": len(docs)}
        return Outcome(Status.NEEDS_REVIEW, values, evidence, note="；".join(to_review) + "（是否属于不当表述，请人工判断）")
    if not problems:
        return Outcome(Status.PASS, {"count": len(docs)})
    problems += to_review
    values = {"problems": "；".join(problems), "count": len(docs)}
    if uncertain:
        return Outcome(Status.NEEDS_REVIEW, values, evidence, note="；".join(problems) + "（OCR识别文本，可能漏识，请核对原件）")
    return Outcome(Status.FAIL, values, evidence)


def _named_officers(doc: Document) -> list[str]:
    """The officers a record names after a role label (read by audit.parse.statements)."""
    return list(dict.fromkeys(f.value for f in doc.fields.get("named_officers", [])))


# what each mode of the ``officers`` kind reports where the file holds none of its documents
_NO_OFFICER_DOCUMENTS = {"count": "案卷中无调查取证笔录", "certificates": "案卷中无需检查的文书"}


@check_kind(
    "officers", generic=True,
    documents="record types naming the officers",
    mode="count: each record names at least `min` officers | "
         "certificates: every officer a record names has an enforcement certificate number beside the name",
    min_="minimum number of officers (mode count)",
)
def officers(case: Case, params: dict[str, Any]) -> Outcome:
    """The officers named in each record: how many (``count``) or whether each shows a certificate."""
    mode = params["mode"]
    if mode not in _NO_OFFICER_DOCUMENTS:
        raise ValueError(f"officers: unknown mode {mode!r}; known: {', '.join(_NO_OFFICER_DOCUMENTS)}")
    if mode == "count" and "min" not in params:
        raise ValueError("officers: mode count needs the parameter min")
    docs = _docs(case, params["documents"])
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note=_NO_OFFICER_DOCUMENTS[mode])
    problems, evidence = [], []
    for doc in docs:
        with_cert = {f.value["name"] for f in doc.fields.get("officers", [])}
        if mode == "count":
            named = set(_named_officers(doc)) | with_cert
            if len(named) < params["min"]:
                who = "、".join(sorted(named)) or "未载明"
                problems.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）执法人员：{who}")
                evidence.append(doc_field(case, doc))
        else:
            lacking = [n for n in _named_officers(doc) if n not in with_cert]
            if lacking:
                problems.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）：{'、'.join(lacking)}")
                evidence.append(doc_field(case, doc))
    counted = {"min": params["min"]} if mode == "count" else {}
    if problems:
        return Outcome(Status.FAIL, {"problems": "；".join(problems), **counted}, evidence)
    return Outcome(Status.PASS, {"count": len(docs), **counted})


@check_kind("seal_present", documents="outward document types that must bear the agency seal")
def seal_present(case: Case, params: dict[str, Any]) -> Outcome:
    """Outward documents (决定书, 告知书 …) bear the agency's red seal."""
    docs = _docs(case, params["documents"])
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需加盖印章的对外文书")
    # a seal shown as a text mark (（印章）) means the same in the .docx and in its PDF print
    marked = [d for d in docs if isinstance(d.fields.get("seal_mark"), Field)]
    # a published copy (a web page: title and number on one line) shows no seal: it cannot say
    # whether the original bears one
    published = [d for d in docs if d not in marked and isinstance(d.fields.get("published_copy"), Field)
                 and not any((p := case.page(n)) and p.seals for n in d.pages)]
    rest = [d for d in docs if d not in marked and d not in published]
    checked = [d for d in rest if all((p := case.page(n)) and p.seal_checked for n in d.pages)]
    unsealed = [d for d in checked if not any(case.page(n).seals for n in d.pages)]
    if unsealed:
        names = "、".join(f"{doc_name(d.type)}（第{d.pages[0]}页）" for d in unsealed)
        return Outcome(Status.FAIL, {"problems": names}, [doc_field(case, d) for d in unsealed])
    if published:
        names = "、".join(f"{doc_name(d.type)}（第{d.pages[0]}页）" for d in published)
        return Outcome(Status.NEEDS_REVIEW, {"problems": names}, [d.fields["published_copy"] for d in published],
                       note=f"{names}为公开发布的文本（标题与文号同行），不显示印章，请核对原件是否加盖印章")
    # no page image to look at (a .docx): where the file marks its seals as text (（印章）) and a
    # document's sign-off stands without the mark, the place was found and holds no seal
    unchecked = [d for d in rest if d not in checked]
    unmarked = [d for d in unchecked if marked and isinstance(d.fields.get("sign_off"), Field)]
    if unmarked:
        names = "、".join(f"{doc_name(d.type)}（第{d.pages[0]}页）" for d in unmarked)
        return Outcome(Status.FAIL, {"problems": names}, [d.fields["sign_off"] for d in unmarked])
    if unchecked and (checked or marked):
        names = "、".join(f"{doc_name(d.type)}（第{d.pages[0]}页）" for d in unchecked)
        return Outcome(Status.NEEDS_REVIEW, {"problems": names}, [doc_field(case, d) for d in unchecked],
                       note=f"{names}无页面图像可供检测，也未见“（印章）”标示，请核对原件是否加盖印章")
    if not checked and not marked:
        return Outcome(Status.NOT_APPLICABLE, note="未进行印章检测（页面图像不可用）")
    evidence = [d.fields["seal_mark"] for d in marked[:3]]
    return Outcome(Status.PASS, {"count": len(checked) + len(marked)}, evidence)


@check_kind("simple_procedure_limits", max_fine="{individual, organisation}", kinds="penalty kinds allowed")
def simple_procedure_limits(case: Case, params: dict[str, Any]) -> Outcome:
    """An on-the-spot decision stays within the simple procedure: warning or a small fine."""
    docs = case.documents_of("onsite_decision")
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="非简易程序案卷")
    kind = (case.party.type.value if case.party.type else None) or "organisation"
    limit = params["max_fine"][kind]
    problems, evidence = [], []
    for p in case.penalties:
        if p.kind and p.kind.value not in params["kinds"]:
            problems.append(f"处罚种类“{p.kind.value}”不得适用简易程序")
            evidence.append(p.kind)
    fine = case.fine_total.value if case.fine_total else None
    if fine is not None and fine > limit:
        who = "公民" if kind == "individual" else "法人或者其他组织"
        problems.append(f"对{who}罚款{fine:,.0f}元，超过{limit:,.0f}元")
        evidence.append(case.fine_total)
    if problems:
        return Outcome(Status.FAIL, {"problems": "；".join(problems)}, evidence)
    if not case.penalties:
        return Outcome(Status.NEEDS_REVIEW, note="未识别到当场处罚的种类")
    return Outcome(Status.PASS, {"limit": f"{limit:,.0f}元"})


@check_kind("penalty_not_heavier_than_notice")
def penalty_not_heavier_than_notice(case: Case, params: dict[str, Any]) -> Outcome:
    """The decision is not heavier than the penalty the advance notice announced (不因申辩加重)."""
    notices = [d for d in case.documents_of("advance_notice") if d.fields.get("penalties")]
    decisions = [d for d in case.documents_of("decision") if d.fields.get("penalties")]
    if not notices or not decisions:
        return Outcome(Status.NOT_APPLICABLE, note="未同时识别到告知书和决定书的处罚内容")
    # a lawful re-notice (重新告知) replaces the first: compare with the latest notice
    latest = max(notices, key=lambda d: (date_of(d.fields.get("date")) or dt.date.min, d.pages[0]))
    told, decided = latest.fields["penalties"], decisions[0].fields["penalties"]

    def fines(items: list[Field]) -> float:
        return sum(f.value.get("amount") or 0 for f in items if f.value.get("kind") == "罚款")

    new_kinds = [f for f in decided if f.value["kind"] not in {t.value["kind"] for t in told}]
    problems = [f"决定书增加了告知书未告知的处罚种类“{f.value['kind']}”" for f in new_kinds]
    if fines(decided) > fines(told) + 0.005:
        problems.append(f"决定罚款{fines(decided):,.2f}元，高于告知的{fines(told):,.2f}元")
    if problems:
        return Outcome(Status.FAIL, {"problems": "；".join(problems)}, [*told[:2], *decided[:2]])
    return Outcome(Status.PASS)


@check_kind("service_receipt_for_each", documents="outward document types that need a receipt")
def service_receipt_for_each(case: Case, params: dict[str, Any]) -> Outcome:
    """Every outward document in the file has a service receipt (送达回执) naming it."""
    outward = _docs(case, params["documents"])
    if not outward:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需送达的文书")
    receipts = case.documents_of("service_receipt")
    served = {d.fields["served_type"].value for d in receipts if isinstance(d.fields.get("served_type"), Field)}
    unread = [d for d in receipts if not isinstance(d.fields.get("served_type"), Field)]
    # an on-the-spot decision is handed over on the spot and signed by the party on the
    # decision itself (行政处罚法第五十二条): no separate receipt is needed
    onsite = [d for d in outward if d.type == "onsite_decision" and d.type not in served]
    signed = [d for d in onsite if d.fields.get("served") or d.fields.get("party_signature")]
    missing = [d for d in outward if d.type not in served and d.type != "onsite_decision"]
    unsigned = [d for d in onsite if d not in signed]
    if not missing and unsigned:
        names = "、".join(f"{doc_name(d.type)}（第{d.pages[0]}页）" for d in unsigned)
        return Outcome(Status.NEEDS_REVIEW, {"missing": names}, [doc_field(case, d) for d in unsigned],
                       note=f"{names}未识别到当事人签收，请核对是否已当场交付当事人")
    if not missing:
        return Outcome(Status.PASS, {"count": len(outward)})
    names = "、".join(f"{doc_name(d.type)}（第{d.pages[0]}页）" for d in missing)
    if unread:
        return Outcome(Status.NEEDS_REVIEW, {"missing": names}, [doc_field(case, d) for d in unread],
                       note=f"有送达回执未能识别所送达的文书，请核对以下文书是否已送达：{names}")
    return Outcome(Status.FAIL, {"missing": names}, [doc_field(case, d) for d in missing])


@check_kind("case_number_format", documents="document types whose own number is checked")
def case_number_format(case: Case, params: dict[str, Any]) -> Outcome:
    """Document numbers follow the official form: 〔〕 brackets, no padding, no 第/字."""
    names = {"non_official_brackets": "未使用六角括号〔〕", "zero_padded": "序号编有虚位（前置0）",
             "has_di": "序号前加“第”字", "has_zi": "加“字”", "missing_region": "缺少地区简称"}
    seen, bad = 0, []
    for doc in _docs(case, params["documents"]):
        f = doc.fields.get("case_number")
        if not isinstance(f, Field):
            continue
        seen += 1
        issues = [names.get(i, i) for i in (f.detail or {}).get("issues", [])]
        if issues:
            bad.append((f, issues))
    if not seen:
        return Outcome(Status.NOT_APPLICABLE, note="未识别到文书文号")
    if bad:
        text = "；".join(f"{doc_name(case.document(f.document).type)}文号“{f.raw}”{'、'.join(i)}" for f, i in bad)
        return Outcome(Status.FAIL, {"problems": text}, [f for f, _ in bad])
    return Outcome(Status.PASS, {"count": seen})


@check_kind("agency_name_current", old_names="superseded agency names", certainly_renamed_by="date")
def agency_name_current(case: Case, params: dict[str, Any]) -> Outcome:
    """The agency is named by its current name (not the pre-2018-reform 卫生计生委)."""
    agency = case.agency
    if agency is None:
        return Outcome(Status.NOT_APPLICABLE, note="未识别到执法机关名称")
    old = next((n for n in params["old_names"] if n in agency.value), None)
    if old is None:
        return Outcome(Status.PASS, {"agency": agency.value})
    decided = date_of(case.dates.get("decided"))
    cutoff = params["certainly_renamed_by"]
    cutoff = cutoff if isinstance(cutoff, dt.date) else dt.date.fromisoformat(str(cutoff))
    values = {"agency": agency.value, "old": old}
    if decided and decided >= cutoff:
        return Outcome(Status.FAIL, values, [agency])
    return Outcome(Status.NEEDS_REVIEW, values, [agency], note=f"机关名称含“{old}”，请核实作出决定时当地机构改革是否已完成")


@check_kind("record_time_span", documents="record types", field="date field holding the record's time")
def record_time_span(case: Case, params: dict[str, Any]) -> Outcome:
    """Records state start and end time to the minute (e.g. 9时30分至10时20分)."""
    docs = _docs(case, params["documents"])
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需检查的笔录")
    bad = []
    for doc in docs:
        f = doc.fields.get(params["field"])
        detail = f.detail if isinstance(f, Field) else None
        if not detail or "time" not in detail or "end_time" not in detail:
            bad.append((doc, f))
    if bad:
        text = "、".join(f"{doc_name(d.type)}（第{d.pages[0]}页）" for d, _ in bad)
        return Outcome(Status.FAIL, {"problems": text}, [f if isinstance(f, Field) else doc_field(case, d) for d, f in bad])
    return Outcome(Status.PASS, {"count": len(docs)})


def signed_by_ink(page, label: str) -> bool | None:
    """Whether the page image shows ink beside a signature label matching ``label``.

    True: some such area holds ink (signed, perhaps in handwriting OCR cannot spell);
    False: the labels are there and every area beside them is blank; None: not known
    (no page image was looked at, or no such label was found on it).
    """
    areas = [inked for name, inked in page.ink_regions.items() if regex.search(label, name.split("#")[0])]
    if not areas:
        return None
    return any(areas)


@check_kind("signature_each_page", documents="record types", label="regex of the signer's label")
def signature_each_page(case: Case, params: dict[str, Any]) -> Outcome:
    """Every page of a record carries the signer's signature (被检查人/被询问人签名)."""
    docs = _docs(case, params["documents"])
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需检查的笔录")
    unsigned, evidence, ocr = [], [], False
    for doc in docs:
        for n in doc.pages:
            page = case.page(n)
            if page is None:
                continue
            if not page_signed(page.lines, params["label"]):
                inked = signed_by_ink(page, params["label"])
                if inked:
                    continue  # a handwritten signature the reader could not spell out
                unsigned.append(f"{doc_name(doc.type)}第{n}页")
                evidence.append(Field(doc.title, doc.title, doc.id, n, page.lines[-1].box if page.lines else None))
                ocr |= is_ocr(case, doc) and inked is None
    if not unsigned:
        return Outcome(Status.PASS, {"count": len(docs)})
    values = {"problems": "、".join(unsigned)}
    if ocr:
        return Outcome(Status.NEEDS_REVIEW, values, evidence, note=f"{values['problems']}未识别到签名（手写签名OCR可能漏识），请核对原件")
    return Outcome(Status.FAIL, values, evidence)


@check_kind("pages_numbered")
def pages_numbered(case: Case, params: dict[str, Any]) -> Outcome:
    """Pages carry consecutive page numbers without gaps or repeats."""
    numbers = [(page.number, n) for page in case.pages if (n := printed_page_number(page)) is not None]
    if len(numbers) < max(2, len(case.pages) // 2):
        return Outcome(Status.NOT_APPLICABLE if len(case.pages) < 3 else Status.NEEDS_REVIEW,
                       note="多数页面未识别到页码，请人工核对卷内页码")
    problems = [
        f"第{b_page}页页码为{b}，前一编号页（第{a_page}页）为{a}"
        for (a_page, a), (b_page, b) in zip(numbers, numbers[1:], strict=False)
        if b - a != b_page - a_page
    ]
    if problems:
        return Outcome(Status.FAIL, {"problems": "；".join(problems)})
    return Outcome(Status.PASS, {"count": len(numbers)})


@check_kind("file_index_matches")
def file_index_matches(case: Case, params: dict[str, Any]) -> Outcome:
    """The file index (卷内目录) lists the documents at the pages where they are."""
    index = case.documents_of("file_index")
    if not index:
        return Outcome(Status.NOT_APPLICABLE, note="案卷无卷内目录")
    starts = {(d.type, d.pages[0]) for d in case.documents}
    rows = index[0].fields.get("index_rows", [])
    bad, evidence = [], []
    for row in rows:
        if (row.value["type"], row.value["first"]) not in starts:
            bad.append(f"目录载“{row.value['title']}”在第{row.value['first']}页，案卷中该页不是此文书的首页")
            evidence.append(Field(row.raw, row.raw, row.document, row.page, row.box, row.confidence))
    if not rows:
        return Outcome(Status.NEEDS_REVIEW, note="未能识别卷内目录的条目，请人工核对目录与卷内文书")
    if bad:
        return Outcome(Status.FAIL, {"problems": "；".join(bad), "rows": len(rows)}, evidence)
    return Outcome(Status.PASS, {"rows": len(rows)})


@check_kind(
    "document_implies", generic=True,
    if_documents_="document types whose presence triggers the duty",
    if_text_="regex: the duty applies when any document of if_text_in matches it",
    if_text_in_="document types searched for if_text (default: all)",
    unless_text_="regex: the duty does not apply when any document matches it",
    unless_text_in_="document types searched for unless_text (default: all)",
    then_any="document types any of which must be present",
)
def document_implies(case: Case, params: dict[str, Any]) -> Outcome:
    """One document (or a statement in the file) requires another: sampling → result notice…"""
    trigger: Field | None = None
    for doc in _docs(case, params.get("if_documents", [])):
        trigger = doc_field(case, doc)
        break
    if trigger is None and params.get("if_text"):
        scope = params.get("if_text_in")
        for doc in case.documents:
            if scope and doc.type not in scope:
                continue
            trigger = search.find(case, doc, params["if_text"])
            if trigger is not None:
                break
    if trigger is None:
        return Outcome(Status.NOT_APPLICABLE, note="本案不存在触发该要求的情形")
    if params.get("unless_text"):
        scope = params.get("unless_text_in")
        for doc in case.documents:
            if scope and doc.type not in scope:
                continue
            if search.has(case, doc, params["unless_text"]):
                return Outcome(Status.NOT_APPLICABLE, note="案卷载明不适用该要求的情形")
    present = _docs(case, params["then_any"])
    values = {"trigger": f"{trigger.raw}（{doc_name(case.document(trigger.document).type)}第{trigger.page}页）",
              "required": "或".join(doc_name(t) for t in params["then_any"])}
    if present:
        return Outcome(Status.PASS, values, [doc_field(case, present[0])])
    return Outcome(Status.FAIL, values, [trigger])
