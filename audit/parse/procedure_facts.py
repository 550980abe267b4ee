"""Dated facts of the later procedure, read once here for the checks of ``audit.checks.kinds``
(limitation, hearing, preservation, publication, enforcement): they land in ``case.dates``
beside the dates ``consolidate`` reads, and a few per-document facts land in the document's
fields (the hearing presider, the instalment application and approval, the surcharge).

Each reader returns nothing when the file does not state the fact; a check then answers
not_applicable or needs_review, never a defect from a blank.
"""

from __future__ import annotations

import regex

from audit.model import Case, Document, Field
from audit.parse import fields as F
from audit.parse.dates import find_dates
from audit.parse.doctext import DocText
from audit.parse.first_offence import first_offence_facts
from audit.parse.money import find_amounts
from audit.parse.payment import payment_facts
from audit.parse.violation import violation_dates


def procedure_facts(case: Case) -> dict[str, Field]:
    """Every fact of this module that the file states, keyed as in ``case.dates``."""
    out: dict[str, Field] = {}
    out.update(violation_dates(case))
    for reader in (_hearing, _extension, _preservation, _publication, _enforcement, _defence,
                   payment_facts, first_offence_facts):
        out.update({k: v for k, v in reader(case).items() if v is not None})
    return out


def _ordered(case: Case, *types: str) -> list[Document]:
    return sorted((d for t in types for d in case.documents_of(t)), key=lambda d: d.pages[0])


def _served(case: Case, served_type: str) -> Field | None:
    for doc in _ordered(case, "service_receipt"):
        st, served = doc.fields.get("served_type"), doc.fields.get("served")
        if isinstance(st, Field) and st.value == served_type and isinstance(served, Field) and served.value:
            return served
    return None


def _date(f: Field | None) -> Field | None:
    return f if isinstance(f, Field) and f.value else None


# ----------------------------------------------------------------------------- hearing

_HELD_IN_SUMMONS = regex.compile(r"(?:决定|定于|拟于)\s*(?P<tail>[^。；]{0,40}?)举行听证")


def _hearing(case: Case) -> dict[str, Field | None]:
    held = None
    for doc in _ordered(case, "hearing_record", "hearing_report"):
        dt = DocText.of(case, doc)
        held = held or _date(F.labelled_date(dt, ("听证时间", "听证日期", "举行听证时间")))
        presider = F.labelled(dt, ("听证主持人", "主持人"))
        if presider is not None and "presider" not in doc.fields:
            doc.fields["presider"] = presider
        investigators = F.labelled(dt, ("案件调查人员", "调查人员", "案件承办人员", "承办人员"))
        if investigators is not None and "investigators" not in doc.fields:
            doc.fields["investigators"] = investigators
    if held is None:  # the summons names the day (决定于2023年6月12日…举行听证)
        for doc in _ordered(case, "hearing_summons"):
            dt = DocText.of(case, doc)
            m = _HELD_IN_SUMMONS.search(dt.flat)
            if m:
                dates = [d for d in find_dates(m.group("tail")) if d.value]
                if dates:
                    start = m.start("tail")
                    held = dt.flat_field(dates[0].value.isoformat(), start + dates[0].span[0], start + dates[0].span[1])
                    break
    return {"hearing_summons_served": _served(case, "hearing_summons"), "hearing_held": held}


# ----------------------------------------------------------------------------- extension

def _extension(case: Case) -> dict[str, Field | None]:
    """延长办案期限 approved: the date of the extension approval form."""
    for doc in _ordered(case, "extension_approval"):
        return {"extension_approved": _date(doc.fields.get("date"))}
    return {}


# ----------------------------------------------------------------------------- preservation

_APPROVED = regex.compile(r"(?:负责人|局长|主任|领导)[^。；\n]{0,12}(?:批准|同意)|经[^。；]{0,20}批准|审批意见[：:]\s*同意|同意(?:先行登记保存|采取)")


def _preservation(case: Case) -> dict[str, Field | None]:
    """先行登记保存: the decision's date, its handling decision's date, the head's approval."""
    preserved = handled = None
    for doc in _ordered(case, "preservation_decision"):
        dt = DocText.of(case, doc)
        approved = _APPROVED.search(dt.flat)
        if approved and "approved" not in doc.fields:
            doc.fields["approved"] = dt.flat_field(True, *approved.span())
        heading = (doc.title or "") + dt.text.lstrip().split("\n", 1)[0]
        if "处理决定" in heading:
            handled = handled or _date(doc.fields.get("date"))
        elif "审批" not in heading:
            preserved = preserved or _date(doc.fields.get("date"))
    return {"preserved": preserved, "preservation_handled": handled}


# ----------------------------------------------------------------------------- publication

def _publication(case: Case) -> dict[str, Field | None]:
    for doc in _ordered(case, "publication"):
        dt = DocText.of(case, doc)
        f = F.labelled_date(dt, ("公示时间", "公示日期", "公开时间", "公开日期", "发布时间", "发布日期"))
        return {"published": _date(f) or _date(doc.fields.get("date"))}
    return {}


# ----------------------------------------------------------------------------- enforcement

_SURCHARGE = regex.compile(r"加处(?:的)?罚款")
_INSTALMENT = regex.compile(r"(?:分期|延期|暂缓)缴纳")
_APPLIED = regex.compile(r"(?:当事人|你单位|你|其|该单位)[^。；]{0,12}(?:申请|提出申请|提交[^。；]{0,6}申请)[^。；]{0,20}(?:分期|延期|暂缓)")
_GRANTED = regex.compile(r"(?:批准|同意|准予)[^。；]{0,20}(?:分期|延期|暂缓)|(?:分期|延期|暂缓)[^。；]{0,20}(?:申请)?[^。；]{0,6}(?:经[^。；]{0,12})?(?:批准|同意|准予)")


def _enforcement(case: Case) -> dict[str, Field | None]:
    """催告 served, court application, surcharge amounts, instalment/deferral application and approval."""
    demand = _served(case, "demand_notice")
    if demand is None:
        for doc in _ordered(case, "demand_notice"):
            demand = _date(doc.fields.get("date"))
            break
    applied = None
    for doc in _ordered(case, "enforcement_application"):
        applied = _date(doc.fields.get("date"))
        break
    for doc in _ordered(case, "demand_notice", "enforcement_application", "payment_receipt", "closing_report"):
        dt = DocText.of(case, doc)
        flat = dt.flat
        for m in _SURCHARGE.finditer(flat):
            money = next(iter(find_amounts(flat[m.end():m.end() + 30])), None)
            if money is not None and money.amount is not None and "surcharge" not in doc.fields:
                doc.fields["surcharge"] = F.money_field(dt, money, m.end())
    for doc in case.documents:
        if doc.type in ("decision", "onsite_decision", "advance_notice"):
            continue  # their 分期/延期 words are the standard notice of the right, not a grant
        dt = DocText.of(case, doc)
        flat = dt.flat
        if not _INSTALMENT.search(flat):
            continue
        for key, pattern in (("instalment_applied", _APPLIED), ("instalment_granted", _GRANTED)):
            m = pattern.search(flat)
            if m and key not in doc.fields:
                doc.fields[key] = dt.flat_field(True, *m.span())
        if "instalment" not in doc.fields:
            m = _INSTALMENT.search(flat)
            doc.fields["instalment"] = dt.flat_field(True, *m.span())
    for doc in _ordered(case, "onsite_decision", "payment_receipt"):
        dt = DocText.of(case, doc)
        m = next((m for m in _ON_SPOT.finditer(dt.flat) if _affirmed(dt.flat, m)), None)
        if m and "collected_on_spot" not in doc.fields:
            doc.fields["collected_on_spot"] = dt.flat_field(True, *m.span())
            ground = _HARD_TO_ENFORCE.search(dt.flat)
            if ground:
                doc.fields["on_spot_ground"] = dt.flat_field(ground.group(0), *ground.span())
    return {"demand_served": demand, "enforcement_applied": applied}


# 当场收缴 (行政处罚法（2021）第六十八条、第六十九条): the collection itself, and a stated ground other
# than the small amount: 不当场收缴事后难以执行, or 边远、水上、交通不便地区
_ON_SPOT = regex.compile(r"(?<![不未没])当场收缴")
_BOXES = regex.compile(r"[□☐■☑√✓✔▇]")


def _affirmed(text: str, m: regex.Match) -> bool:
    """A statement that the fine was collected: not the form's conditional "依法当场收缴的，…", not an
    option behind an unticked box (□当场缴纳（依法当场收缴的……）)."""
    if text[m.end():m.end() + 1] == "的":
        return False
    box = None
    for b in _BOXES.finditer(text, max(0, m.start() - 40), m.start()):
        box = b.group(0)
    return box not in ("□", "☐")
_HARD_TO_ENFORCE = regex.compile(r"事后难以执行|难以执行|边远|水上|交通不便")


# ----------------------------------------------------------------------------- defence

def _defence(case: Case) -> dict[str, Field | None]:
    """The day the party's statement and defence was recorded (陈述和申辩笔录's own date)."""
    for doc in _ordered(case, "defence_record"):
        dt = DocText.of(case, doc)
        f = F.labelled_date(dt, ("陈述申辩时间", "申辩时间", "时间", "日期"))
        return {"defence_heard": _date(f) or _date(doc.fields.get("date"))}
    return {}
