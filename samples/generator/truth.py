"""Ground truth of a rendered case: the extraction contract's fields with where each is printed.

Keys follow ``audit/contract.py`` (``to_contract``); every scalar is ``{value, raw, document,
page}``: the value an extractor should return, the text as printed, the document type and the
page where it is printed (the document the contract's consolidation treats as authoritative:
the decision for the penalty, the filing report for the filing date …). ``null`` means the file
does not state the field. Plus: the full text of every page, the seals drawn, the injected
defects with their page and the text that shows them, and notes on the sample's assumptions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import docs as D
from . import law
from .layout import Writer
from .scenario import Scenario
from .util import ymd

TRUTH_VERSION = "corpus/1"


def _compact(text: str) -> str:
    return "".join(text.split())


class Locator:
    """Find the page of a printed string inside a document of the rendered case."""

    def __init__(self, w: Writer):
        self.docs = w.docs
        self.pages_text = w.pages_text()
        self.flat = {int(k): _compact(v) for k, v in self.pages_text.items()}
        self.body = {int(k): w.body_text(int(k)) for k in self.pages_text}

    def doc(self, key: str, nth: int = 0) -> dict | None:
        """The nth document with this step key (``receipt:decision``) or type."""
        found = [d for d in self.docs if d.get("key") == key or (d["type"] == key and ":" not in key)]
        return found[nth] if len(found) > nth else None

    def page_of(self, key: str, needle: str | None) -> tuple[str | None, int | None]:
        doc = self.doc(key)
        if doc is None:
            return None, None
        page = self.find(key, needle) if needle else None
        return doc["type"], page or doc["pages"][0]

    def find(self, key: str, needle: str) -> int | None:
        """The page where ``needle`` starts (it may run on to the next page)."""
        doc = self.doc(key)
        if doc is None or not needle:
            return None
        first, last = doc["pages"]
        target = _compact(needle)
        for page in range(first, last + 1):
            if target in self.flat[page]:
                return page
        joined, starts = "", []
        for page in range(first, last + 1):  # a needle running on to the next page
            starts.append((len(joined), page))
            joined += self.body[page]
        at = joined.find(target)
        if at < 0:
            return None
        return max(page for offset, page in starts if offset <= at)


def scalar(loc: Locator, value: Any, raw: str | None, key: str) -> dict | None:
    if value is None:
        return None
    raw = raw if raw is not None else str(value)
    document, page = loc.page_of(key, raw)
    return {"value": value, "raw": raw, "document": document, "page": page}


def _cite(loc: Locator, ref: law.Ref, on: dt.date, key: str) -> dict:
    raw = ref.text(on)
    document, page = loc.page_of(key, raw)
    return ref.truth(on) | {"sub_item": None, "raw": raw, "document": document, "page": page}


def build_truth(sc: Scenario, w: Writer, *, scan: dict | None = None) -> dict:
    loc = Locator(w)
    dd, p = sc.dates, sc.party
    simple = sc.procedure == "simple"
    dkey = "onsite_decision" if simple else "decision"
    on = sc.decided
    # dates: (value, as printed, where)
    date_rows = {
        "accepted": (dd.get("accepted"), "acceptance_record" if sc.complaint else "filing_report"),
        "filed": (dd.get("filed"), "filing_report"),
        "inspected": (dd.get("inspected"), "inspection_record"),
        "notice_issued": (dd.get("notice_issued"), "advance_notice"),
        "notice_served": (dd.get("notice_served"), "receipt:notice"),
        "hearing_notice_served": (dd.get("hearing_notice_served"),
                                  "receipt:hearing_notice" if sc.template.hearing_separate else "receipt:notice"),
        "decided": (dd.get("decided"), dkey),
        "decision_served": (dd.get("decision_served"), "onsite_decision" if simple else "receipt:decision"),
        "paid": (dd.get("paid"), "payment_receipt"),
        "closed": (dd.get("closed"), "closing_report"),
    }
    dates = {}
    for key, (value, where) in date_rows.items():
        if value is None or loc.doc(where) is None:
            dates[key] = None
            continue
        printed = D.date_cn(sc, value) if key in ("notice_issued", "decided") and not simple else ymd(value)
        if where == "filing_report" and key == "filed" and sc.mod("filing.date_text"):
            printed = sc.mod("filing.date_text")
        dates[key] = scalar(loc, value.isoformat(), printed, where)
    # the decision's own wording
    name = D.party_name(sc, "decision")
    credit = D.credit(sc, "decision")
    ident = D.id_number(sc, "decision") if p.get("id_number") else None
    rep = p.get("legal_representative")
    party = {
        "name": scalar(loc, name, name, dkey),
        "type": scalar(loc, "organisation" if p["type"] == "organisation" else "individual", name, dkey),
        "credit_code": scalar(loc, credit, credit, dkey) if credit else None,
        "id_number": scalar(loc, ident, ident, dkey) if ident else None,
        "legal_representative": scalar(loc, rep, rep, dkey) if rep else None,
        "address": scalar(loc, p["address"], p["address"], dkey),
    }
    agency = sc.mod("decision.agency", sc.agency)
    officers = []
    for o in sc.officers:
        where = next((k for k in ("inspection_record", "interview_record", "onsite_decision", "defence_record")
                      if loc.find(k, o.certificate)), "inspection_record")
        officers.append({"name": scalar(loc, o.name, o.name, where),
                         "certificate": scalar(loc, o.certificate, o.certificate, where)})
    fine_text = sc.mod("decision.fine_text")  # a defect may print the amount in the decision wrongly
    penalties = []
    for item in D.penalty_list(sc, "decision"):
        kind_raw = {"没收非法财物": "没收"}.get(item["kind"], item["kind"])
        entry = {"kind": scalar(loc, item["kind"], kind_raw, dkey), "amount": None}
        if item["amount"] is not None:
            entry["amount"] = scalar(loc, item["amount"], None, dkey)
            entry["amount"]["raw"] = D.money(sc, item["amount"]) if not simple else str(item["amount"])
            if fine_text and item["kind"] == "罚款":
                entry["amount"]["raw"] = fine_text
            entry["amount"]["document"], entry["amount"]["page"] = loc.page_of(dkey, entry["amount"]["raw"])
        penalties.append(entry)
    fine = sum(x["amount"] for x in D.penalty_list(sc, "decision") if x["kind"] == "罚款" and x["amount"])
    fine_total = scalar(loc, fine, fine_text or (D.money(sc, fine) if not simple else str(fine)), dkey) if fine else None
    rem = law.remedy_text(sc.district, on, simple=simple)
    review_first = simple and law.review_first_required(on) and not sc.mod("onsite.no_review_first")
    review_body = sc.mod("decision.review_body", rem["review_body"])
    days_text = sc.mod("decision.review_days", "六十日")
    months_text = sc.mod("decision.litigation_months", "六个月")
    remedy = {
        "review_body": scalar(loc, review_body, review_body, dkey),
        "review_days": scalar(loc, _cn_int(days_text), days_text, dkey),
        "court": None if review_first else scalar(loc, rem["court"], rem["court"], dkey),
        "litigation_months": None if review_first else scalar(loc, _cn_int(months_text), months_text, dkey),
    }
    # a decision that omits them: the case's provisions are those the advance notice states
    violated = _refs(sc, "violated", loc, "advance_notice" if sc.mod("decision.no_violated") else dkey)
    basis = _refs(sc, "basis", loc, "advance_notice" if sc.mod("decision.no_basis") else dkey)
    cause_doc = "decision_approval" if not simple else None
    cause = None if simple or loc.doc(cause_doc) is None else scalar(loc, D.cause(sc), D.cause(sc), cause_doc)
    defects = [_defect_record(loc, d) for d in sc.defects]
    tpl = sc.template
    notes = list(dict.fromkeys(sc.notes + [
        "全部人名、单位名称、地址、电话、执法证号、身份证号码和统一社会信用代码均为虚构；身份证号码和统一社会信用代码的校验位按 GB 11643、GB 32100 计算。",
        f"模板“{tpl.name}”的地方性设定为本样例假设：{tpl.profile.source}；陈述申辩期限{tpl.profile.defence_days}个工作日。",
        "pages_text 为生成时绘制的文字（按行自上而下、行内自左向右，同一行的不同文字块以空格分隔）；印章为图片，不在文字层中，其位置见 seals。",
        "字段的 document/page 指该值在案卷中被视为权威的出处（决定书优先），raw 为该处印刷的原文。",
        "缺陷与规则的对应关系以 checklists/rules/*.yaml 中各规则的 detects 为准。",
    ]))
    if sc.income:
        notes.append("罚没款缴款书金额为罚款与没收违法所得之和。")
    out = {
        "truth_version": TRUTH_VERSION,
        "schema_version": "1.0",
        "case_id": sc.case_id,
        "generator": {"seed": sc.seed, "template": tpl.key, "province": sc.district.province,
                      "violation": sc.violation.key, "sector": sc.violation.sector},
        "procedure": scalar(loc, sc.procedure, D.sc_title(sc, dkey), dkey),
        "case_number": scalar(loc, sc.case_number, sc.mod("decision.number", sc.case_number), dkey),
        "agency": scalar(loc, agency, agency, dkey),
        "cause": cause,
        "party": party,
        "officers": officers,
        "documents": [{"type": d["type"], "title": d["title"], "pages": d["pages"]} for d in w.docs],
        "dates": dates,
        "violated_provisions": violated,
        "penalty_basis": basis,
        "penalties": penalties,
        "fine_total": fine_total,
        "remedy": remedy,
        "remedy_review_first": review_first,
        "profile": {"hearing_citizen": tpl.profile.hearing_citizen,
                    "hearing_organisation": tpl.profile.hearing_organisation,
                    "collective_fine": tpl.profile.collective_fine, "defence_days": tpl.profile.defence_days,
                    "hearing_right": sc.hearing_right, "hearing_held": sc.hearing_held,
                    "hearing_required": bool(sc.mods.get("hearing_required", sc.hearing_right)),
                    "collective_discussion": sc.collective, "defence": sc.defence_mode},
        "defects": defects,
        "clean": not defects,
        "seals": w.seals,
        "notes": notes,
        "pages_text": loc.pages_text,
    }
    if scan is not None:
        out["scan"] = scan
    return out


def _refs(sc: Scenario, role: str, loc: Locator, dkey: str) -> list[dict]:
    override = sc.mod(f"truth.{role}")
    if override is not None:
        out = []
        for entry in override:
            document, page = loc.page_of(dkey, entry["raw"])
            out.append(entry | {"sub_item": None, "document": document, "page": page})
        return out
    refs = sc.setting.violated if role == "violated" else sc.setting.basis
    on = sc.dates["notice_issued"] if dkey == "advance_notice" else sc.decided
    return [_cite(loc, r, on, dkey) for r in refs]


def _cn_int(text: str) -> int | None:
    from audit.parse.numerals import chinese_to_int

    digits = "".join(ch for ch in text if ch not in "日个月内")
    return int(digits) if digits.isdigit() else chinese_to_int(digits)


def _defect_record(loc: Locator, d: dict) -> dict:
    """Where an injected defect shows: its page, found by the text that shows it."""
    rec = {k: d[k] for k in ("type", "code", "document", "detail")}
    evidence = d.get("evidence") or {}
    kind = evidence.get("kind", "text")
    text = evidence["text_fn"](loc) if evidence.get("text_fn") else evidence.get("text")
    page = None
    if evidence.get("page"):  # a defect of the file as a whole, shown on a given page
        page = evidence["page"]
        if _compact(text) not in loc.flat.get(page, ""):
            raise AssertionError(f"defect {d['type']}: {text!r} not on page {page}")
    elif kind in ("text", "image"):
        key = d.get("where") or d["document"]
        page = loc.find(key, text or "")
        if page is None:
            raise AssertionError(f"defect {d['type']}: {text!r} not found in {key}")
    rec["page"] = page
    rec["evidence"] = {"kind": kind, **({"text": text} if text else {})}
    return rec
