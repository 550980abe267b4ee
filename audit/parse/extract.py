"""Per-document extractors: fill ``Document.fields`` with provenance-carrying values.

Every document gets the common block (number, agency, party, officers, identifiers,
amounts). Each document type then adds what it alone says (its dates, penalties,
citations, remedy notice…). Extractors are registered by type code: no chain of ifs.

Length: one short extractor per document type, each registered by its type code, and the
penalty and remedy readers the decision extractors share; a split of the penalty readers into
their own module is the next step when this file grows.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from audit.model import Case, Document, Field
from audit.parse import fields as F
from audit.parse import mentions as M
from audit.parse import statements as S
from audit.parse import vocabulary
from audit.parse.doctext import DocText
from audit.parse.penalty_kinds import PENALTY_KINDS
from audit.parse.segment import match_title

Extractor = Callable[[DocText, Document], None]
EXTRACTORS: dict[str, Extractor] = {}


def extractor(*types: str) -> Callable[[Extractor], Extractor]:
    def register(fn: Extractor) -> Extractor:
        for t in types:
            EXTRACTORS[t] = fn
        return fn

    return register


def extract_documents(case: Case) -> None:
    """Run the common and the type-specific extractor on every document of ``case``."""
    for document in case.documents:
        dt = DocText.of(case, document)
        if not dt.text.strip():
            continue
        _common(dt, document)
        _decision_text(case, dt, document)
        specific = EXTRACTORS.get(document.type)
        if specific:
            specific(dt, document)


def _put(document: Document, key: str, value: Field | list[Field] | None) -> None:
    if value:
        document.fields[key] = value


def _common(dt: DocText, doc: Document) -> None:
    _put(doc, "case_number", F.case_number(dt))
    # numbers of the penalty series (罚/罚告…) cited anywhere: receipts and reports refer to the decision
    _put(doc, "case_number_refs", [f for f in F.all_case_numbers(dt) if "罚" in (f.detail.get("nature") or "")])
    _put(doc, "agency", F.agency(dt))
    _put(doc, "party_name", F.party_name(dt))
    _put(doc, "legal_representative", F.legal_representative(dt))
    _put(doc, "party_address", F.labelled(dt, F.ADDRESS_LABELS))
    _put(doc, "cause", F.labelled(dt, F.CAUSE_LABELS))
    _put(doc, "officers", F.officers(dt))
    _put(doc, "named_officers", S.named_officers(dt))
    _put(doc, "orders", S.orders(dt))
    _put(doc, "amounts", F.amounts(dt))
    _put(doc, "citations", M.citations(dt))
    for key, found in M.hints(dt).items():
        _put(doc, key, found)
    _put(doc, "date", F.last_date(dt))
    _put(doc, "seal_mark", F.seal_mark(dt))
    _put(doc, "sign_off", F.sign_off(dt))
    for key, found in F.identifiers(dt).items():
        _put(doc, key, found)


_CITING = ("filing_report", "investigation_report", "panel_discussion", "legal_review", "collective_discussion",
           "decision_approval", "notice_approval", "advance_notice", "hearing_notice", "hearing_summons",
           "supervision_opinion", "demand_notice", "decision", "onsite_decision")


def _decision_text(case: Case, dt: DocText, doc: Document) -> None:
    """Readings over the text without page furniture: citation cells and basis sentences of
    the documents that cite law; the 违法所得 and fine amounts stated in a decision."""
    from audit.parse import decision_text as D

    if doc.type not in _CITING:
        return
    for role in ("violated", "basis"):
        _put(doc, f"{role}_cell", D.cell_citations(dt, role))
    clean = D.clean_text(case, doc)
    _put(doc, "basis_sentences", D.basis_sentence_citations(clean))
    if doc.type in ("decision", "onsite_decision"):
        income = D.income_stated(clean.flat)
        if income is not None:
            doc.fields["income_stated"] = Field(income, "违法所得", doc.id, doc.pages[0])
        readings = D.fine_readings(clean.flat)
        if readings:
            doc.fields["fine_readings"] = Field(readings, "罚款", doc.id, doc.pages[0])


@extractor("acceptance_record")
def _acceptance(dt: DocText, doc: Document) -> None:
    _put(doc, "accepted", F.labelled_date(dt, ("受理时间", "受理日期", "登记时间", "接报时间")))
    _put(doc, "case_source", F.case_source(dt))


@extractor("filing_report")
def _filing(dt: DocText, doc: Document) -> None:
    _put(doc, "accepted", F.labelled_date(dt, ("受理时间", "受理日期", "发现时间")))
    _put(doc, "filed", F.labelled_date(dt, ("立案时间", "立案日期")) or doc.fields.get("date"))
    _put(doc, "case_source", F.case_source(dt))
    _put(doc, "violated", F.violated_provisions(dt))
    _put(doc, "proposal", F.labelled(dt, vocabulary.labels("proposal")))


@extractor("inspection_record")
def _inspection(dt: DocText, doc: Document) -> None:
    _put(doc, "inspected", F.labelled_date(dt, ("检查时间", "现场检查时间", "时间")) or F.first_date(dt))


@extractor("interview_record")
def _interview(dt: DocText, doc: Document) -> None:
    _put(doc, "interviewed", F.labelled_date(dt, ("询问时间", "调查时间", "时间")) or F.first_date(dt))
    interviewee = F.labelled(dt, ("被询问人", "被调查人", "姓名"))
    if interviewee is not None:
        interviewee.value = F.plain_name(interviewee.value)
    _put(doc, "interviewee", interviewee)


@extractor("investigation_report", "panel_discussion", "legal_review", "collective_discussion",
           "decision_approval", "notice_approval")
def _internal(dt: DocText, doc: Document) -> None:
    _put(doc, "proposal", F.labelled(dt, vocabulary.labels("proposal")))  # 承办人意见 and its variants
    if doc.type == "investigation_report":
        _put(doc, "case_source", F.case_source(dt))
    _put(doc, "violated", F.violated_provisions(dt))
    _put(doc, "basis", F.penalty_basis(dt))
    _put(doc, "penalties", penalties(dt))
    if doc.type in ("panel_discussion", "collective_discussion"):
        _put(doc, "conclusion_penalties", conclusion_penalties(dt))
    if doc.type in ("panel_discussion", "collective_discussion", "legal_review"):
        held = F.row_date(dt, vocabulary.date_labels("meeting"))
        if held is not None and held.value:
            doc.fields["held"] = held
            doc.fields["date"] = held  # the meeting's own row before any date of its narrative


@extractor("advance_notice", "hearing_notice", "hearing_summons", "supervision_opinion", "demand_notice")
def _notice(dt: DocText, doc: Document) -> None:
    if "party_name" not in doc.fields:
        _put(doc, "party_name", F.addressee(dt))
    _put(doc, "violated", F.violated_provisions(dt))
    _put(doc, "basis", F.penalty_basis(dt))
    _put(doc, "penalties", penalties(dt))
    if doc.type == "advance_notice":
        _put(doc, "defence_period", S.defence_period(dt))
    hearing = regex.search(r"听证", dt.text)
    if hearing:
        doc.fields["hearing_right"] = dt.field(True, hearing.start(), hearing.end())


@extractor("decision", "onsite_decision")
def _decision(dt: DocText, doc: Document) -> None:
    if "party_name" not in doc.fields:
        _put(doc, "party_name", F.addressee(dt))
    _put(doc, "decided", F.labelled_date(dt, ("处罚时间", "决定日期", "作出日期", "处罚日期")))
    _put(doc, "served", F.labelled_date(dt, ("当事人签收", "签收时间", "签收日期")))
    if doc.type == "onsite_decision":
        _onsite_signature(dt, doc)
    _put(doc, "violated", F.violated_provisions(dt))
    _put(doc, "basis", F.penalty_basis(dt))
    _put(doc, "penalties", penalties(dt))
    for key, value in remedy(dt).items():
        _put(doc, key, value)
    _put(doc, "published_copy", _published_copy(dt))


@extractor("publication")
def _publication(dt: DocText, doc: Document) -> None:
    """A published penalty record (双公示 / 信用中国 publicity): label/value rows stating the
    decision's date, the party, the penalty and its basis. Only what is written is read."""
    agency = F.labelled(dt, vocabulary.labels("agency"))
    if agency is not None:
        doc.fields["agency"] = agency  # the labelled row, not a "数据来源单位" line taken for a letterhead
    _put(doc, "decided", F.labelled_date(dt, vocabulary.date_labels("decided")))
    _put(doc, "violated", F.violated_provisions(dt))
    _put(doc, "basis", F.penalty_basis(dt))
    _put(doc, "penalties", _row_penalties(dt, vocabulary.labels("penalty_content")) or penalties(dt))


def _row_penalties(dt: DocText, labels: tuple[str, ...]) -> list[Field]:
    """The penalties stated in a labelled row (处罚内容 警告，并处罚款…): the row's line and
    the lines its value wraps onto, up to the next labelled row."""
    head = regex.compile("^[ \t\u3000]*(?:" + "|".join(regex.escape(x) for x in labels) + ")[ \t\u3000]*[：:]?")
    lines = dt.lines()
    for i, (_, text) in enumerate(lines):
        if not head.match(text):
            continue
        j = i + 1
        while j < len(lines) and j < i + 4 and not _starts_with_label(lines[j][1]):
            j += 1
        row = dt.sub(i, j)
        return _penalties_in(row, 0, len(row.flat))
    return []


def _starts_with_label(text: str) -> bool:
    m = regex.match(r"[ \t\u3000]*([\p{Han}（）()]{2,16})(?:[ \t\u3000]|[：:]|$)", text)
    return bool(m) and vocabulary.is_label(m.group(1))


def _onsite_signature(dt: DocText, doc: Document) -> None:
    """The party's signature on an on-the-spot decision (its proof of service): ``party_signature``
    when signed or the refusal noted; ``party_signature_blank`` when the signing place was found
    empty. When the block cannot be judged, the labelled value stands (as before)."""
    from audit.parse.signatures import party_signature

    labels = vocabulary.labels("party_signature")
    read = party_signature(dt, labels)
    if read is None:
        _put(doc, "party_signature", F.labelled(dt, labels))
    elif read.state == "blank":
        doc.fields["party_signature_blank"] = read.field
    else:
        read.field.detail = {"state": read.state}
        doc.fields["party_signature"] = read.field


def _published_copy(dt: DocText) -> Field | None:
    """A decision as published (a web page): its title and number on one line. Such a copy
    shows no seal, whatever the original bears."""
    from audit.parse.case_numbers import find_case_numbers

    for offset, text in dt.lines()[:6]:
        if match_title(text) and find_case_numbers(text):
            return dt.field(True, offset, offset + len(text))
    return None


@extractor("service_receipt")
def _receipt(dt: DocText, doc: Document) -> None:
    served_name = F.labelled(dt, ("送达文书名称及文号", "送达文书名称", "送达文书", "文书名称", "送达文件名称", "送达文件"))
    _put(doc, "served_document", served_name)
    served_type = None
    if served_name:
        title = match_title(regex.sub(r"[〔\[【(（].*$", "", served_name.value.replace("《", "").replace("》", "")))
        served_type = title.type if title else None
    numbers = F.all_case_numbers(dt)
    if numbers:
        doc.fields["served_case_number"] = numbers[0]
        nature = numbers[0].detail.get("nature") or ""
        if served_type is None and "告" in nature:
            served_type = "advance_notice"
    if served_type is None:
        served_type, served_name = _served_title(dt) or (None, served_name)
    if served_type is None and numbers and (numbers[0].detail.get("nature") or "") == "罚":
        served_type = "decision"  # only a decision carries a number of the 罚 series
    if served_type:
        doc.fields["served_type"] = Field(served_type, served_name.raw if served_name else "", doc.id)
    _put(doc, "served", F.labelled_date(dt, ("送达时间", "送达日期", "签收时间", "签收日期", "收到时间", "收件时间",
                                              "收件人签名", "受送达人签名", "签收人签名", "受送达人签名或盖章"))
         or doc.fields.get("date"))
    _put(doc, "service_method", F.labelled(dt, ("送达方式",)))
    _put(doc, "recipient", F.labelled(dt, ("受送达人", "收件人", "签收人")))


@extractor("file_index")
def _index(dt: DocText, doc: Document) -> None:
    from audit.parse.pagination import index_rows

    _put(doc, "index_rows", index_rows(dt))


@extractor("defence_record")
def _defence(dt: DocText, doc: Document) -> None:
    _put(doc, "defence_waived", S.defence_waived(dt))


def _served_title(dt: DocText) -> tuple[str, Field] | None:
    """The outward document a receipt names without a 送达文书 label (a table row or a sentence:
    行政处罚决定书 杭西卫医罚〔2024〕7号): the first outward title in its text below its own title."""
    from audit.parse.segment import external_types, titles_in

    for offset, text in dt.lines()[1:]:
        for code, start, end in titles_in(text):
            if code in external_types():
                return code, dt.field(text[start:end], offset + start, offset + end)
    return None


@extractor("payment_receipt")
def _payment(dt: DocText, doc: Document) -> None:
    _put(doc, "paid", F.labelled_date(dt, ("缴款日期", "收款日期", "开票日期", "填制日期", "缴款时间", "日期"))
         or doc.fields.get("date"))


@extractor("closing_report")
def _closing(dt: DocText, doc: Document) -> None:
    _put(doc, "closed", F.labelled_date(dt, ("结案时间", "结案日期")) or doc.fields.get("date"))
    _put(doc, "executed", F.labelled_date(dt, ("执行日期", "执行时间", "履行日期", "缴款日期")))


# --- penalties and remedy -------------------------------------------------------------

_DECIDES = regex.compile(
    r"(?:决定|拟|现|予以|依法|当场)\s*(?:对[^，。；：\n]{1,30}?\s*)?(?:作出|给予|处以|予以|作如下|如下)"
)
_REGION_END = regex.compile(
    r"(?:自收到|自接到|收到本|接到本|如不服|逾期不|当事人应|你单位应|你应|限你|请你|同时责令|缴纳方式|缴款方式)"
)
_UNTICKED = "□☐"
_LOCAL_AMOUNT = 60


def penalties(dt: DocText) -> list[Field]:
    """Penalties decided or proposed, with the amount for fines and confiscated income.

    The decision sentence is the last "决定/拟/当场…作出如下" that names a penalty; an
    unticked box (□) before a pre-printed penalty means it was not imposed.
    """
    text = dt.flat
    for start_match in reversed(list(_DECIDES.finditer(text))):
        start = start_match.start()
        end_match = _REGION_END.search(text, start_match.end())
        end = end_match.start() if end_match else min(len(text), start + 400)
        found = _penalties_in(dt, start, end)
        if found:
            return found
    from audit.parse.sections import sections

    span = sections(dt).get("basis_and_kinds")  # 行政处罚依据和种类：…警告；罚款人民币伍仟元整
    return _penalties_in(dt, *span) if span else []


_CONCLUSION = regex.compile(r"(?:合议|讨论|会议)?(?:结论|决定|意见)[：:]|经(?:合议|讨论|研究)[，,]")


def conclusion_penalties(dt: DocText) -> list[Field]:
    """The penalties a panel or collective discussion concluded on (合议结论：…拟…罚款…元)."""
    text = dt.flat
    for m in reversed(list(_CONCLUSION.finditer(text))):
        end = text.find("。", m.end())
        found = _penalties_in(dt, m.end(), len(text) if end < 0 else end)
        if found:
            return found
    return []


# a pre-printed amount struck out or left blank: 罚款人民币 \ 元, 罚款______元
_STRUCK_AMOUNT = regex.compile(r"\s*(?:人民币)?\s*(?:[\\/／]+|[_＿]{2,})\s*元")


def _penalties_in(dt: DocText, start: int, end: int) -> list[Field]:
    text = dt.flat
    out = []
    for kind, pattern in PENALTY_KINDS:
        for m in regex.finditer(pattern, text[start:]):  # not text[start:end]: lookaheads see past end
            if m.start() >= end - start:
                break
            a0, a1 = start + m.start(), start + m.end()
            if text[:a0].rstrip(" \u3000")[-1:] in _UNTICKED:
                continue
            # OCR drops tick boxes (□ and ■ alike); a struck-out amount still says "not imposed"
            if kind in ("罚款", "没收违法所得") and _STRUCK_AMOUNT.match(text, a1):
                continue
            amount = _amount_after(dt, a1) if kind in ("罚款", "没收违法所得") else None
            f = dt.flat_field({"kind": kind, "amount": amount.value if amount else None}, a0, a1)
            if amount:
                f.detail = {"amount": {"raw": amount.raw, "page": amount.page, "box": amount.box, **(amount.detail or {})}}
            out.append(f)
            break
    return out


def _amount_after(dt: DocText, offset: int) -> Field | None:
    from audit.parse.money import find_amounts

    window = dt.flat[offset:offset + _LOCAL_AMOUNT]
    for money in find_amounts(window):
        found = F.money_field(dt, money, offset)
        if found.value is not None:
            return found
    return None


_REVIEW = regex.compile(
    r"(?P<days>六十|60)\s*日内\s*向\s*(?P<body>[\p{Han}]{2,30}?(?:人民政府|卫生健康委员会|卫生健康局|卫生局|委员会|厅))"
    r"\s*(?:申请|提出)"
)
_REVIEW_ALT = regex.compile(
    r"向\s*(?P<body>[\p{Han}]{2,30}?(?:人民政府|卫生健康委员会|卫生健康局|卫生局|委员会|厅))\s*申请(?:行政)?复议"
)
_REVIEW_DAYS = regex.compile(r"(?P<days>[一二三四五六七八九十百零〇\d]{1,4})\s*日内[^。]{0,40}?复议")
_COURT = regex.compile(r"向\s*(?P<court>[\p{Han}]{2,30}?人民法院)\s*(?:提起|起诉|申请)")
_LITIGATION = regex.compile(
    r"(?P<n>[一二三四五六七八九十\d]{1,3})\s*个月内[^。]{0,40}?(?:诉讼|起诉)|"
    r"(?:诉讼|起诉)[^。]{0,10}?(?P<n2>[一二三四五六七八九十\d]{1,3})\s*个月"
)


def remedy(dt: DocText) -> dict[str, Field | list[Field]]:
    """The remedy notice: review body and period, court and litigation period, and every
    mention of them (:mod:`audit.parse.remedy`)."""
    from audit.parse import remedy as R
    from audit.parse.numerals import chinese_to_int

    text = dt.flat
    out: dict[str, Field | list[Field]] = {}
    m = _REVIEW.search(text) or _REVIEW_ALT.search(text)
    if m:
        out["review_body"] = dt.flat_field(m.group("body"), m.start("body"), m.end("body"))
    d = _REVIEW_DAYS.search(text)
    if d:
        out["review_days"] = dt.flat_field(_to_int(d.group("days"), chinese_to_int), d.start("days"), d.end("days"),
                                           detail={"unit": "日"})
    c = _COURT.search(text)
    if c:
        out["court"] = dt.flat_field(c.group("court"), c.start("court"), c.end("court"))
    lit = _LITIGATION.search(text)
    if lit:
        group = "n" if lit.group("n") else "n2"
        out["litigation_months"] = dt.flat_field(_to_int(lit.group(group), chinese_to_int), lit.start(group), lit.end(group),
                                                 detail={"unit": "个月"})
    found = R.periods(dt)
    out["remedy_periods"] = found
    for what, key in (("review", "review_days"), ("litigation", "litigation_months"),
                      ("litigation_after_review", "litigation_after_review_days")):
        scalar = R.period_scalar(found, what)
        if scalar is not None and (key not in out or scalar.value != out[key].value
                                   or scalar.detail["unit"] != out[key].detail["unit"]):
            out[key] = scalar  # read clause by clause: the unit as written, never a payment period
    out["review_bodies"] = R.review_bodies(dt)
    out["direct_litigation"] = R.direct_litigation(dt)
    first = R.review_first(dt)
    if first is not None:
        out["review_first"] = first
    sentence = R.notice(dt)
    if sentence is not None:
        out["remedy_notice"] = sentence
    return out


def _to_int(text: str, chinese_to_int) -> int | None:
    return int(text) if text.isdigit() else chinese_to_int(text)
