"""Defect injection: one injector per type of ``checklists/defects.yaml``.

Defects that only switch text in a document are rows of ``defect_edits.yaml`` (bottom of this
file); the others are coded here. An injector checks that its defect fits the scenario (procedure, dates, penalty …), changes the
scenario only through ``sc.mods`` / ``sc.omit`` / ``sc.dates`` / ``sc.setting`` / penalties, and
returns the record that goes to truth.json: type, the document it shows in (``where`` is the
step key used to find its page), a Chinese detail, and the printed text that shows it
(``evidence``). It returns None, changing nothing, when the defect does not fit. Injectors
that touch the same thing declare the same slot and are never combined in one case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from . import docs as D
from . import law
from .law import Ref
from .scenario import CALENDAR_END, Scenario, fine_bounds
from .util import (
    USCC_CHARS,
    add_workdays,
    id_check,
    rmb_upper,
    uscc_check,
    workday_on_or_after,
    workdays_between,
    ymd,
)

CATALOGUE = Path(__file__).resolve().parents[2] / "checklists" / "defects.yaml"


@cache
def catalogue() -> dict[str, dict]:
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {t["type"]: t for t in data["types"]}


@dataclass(frozen=True)
class Injector:
    type: str
    fn: Callable[[Scenario, random.Random], dict | None]
    slots: frozenset[str]


INJECTORS: dict[str, Injector] = {}


def injector(type_: str, *slots: str):
    def register(fn):
        INJECTORS[type_] = Injector(type_, fn, frozenset(slots))
        return fn

    return register


def rec(document: str, detail: str, text: str | None = None, *, kind: str = "text", where: str | None = None,
        text_fn=None) -> dict:
    ev: dict = {"kind": kind}
    if text is not None:
        ev["text"] = text
    if text_fn is not None:
        ev["text_fn"] = text_fn
    return {"document": document, "where": where or document, "detail": detail, "evidence": ev}


def _priority(t: str) -> int:
    slots = INJECTORS[t].slots
    if "penalties" in slots:
        return 0  # change the penalty first: others quote the final amounts
    if any(x.startswith("omit") for x in slots):
        return 2  # drop documents last, and only documents no other defect shows in
    return 1


def touched(sc: Scenario) -> set[str]:
    """Documents (types and step keys) that injected defects show in."""
    return {d["document"] for d in sc.defects} | {d.get("where") or "" for d in sc.defects}


def inject(sc: Scenario, rng: random.Random, types: list[str], limit: int | None = None) -> list[str]:
    """Apply the injectors named in ``types`` (skipping clashes, at most ``limit``); return those applied."""
    taken: set[str] = set().union(*(INJECTORS[d["type"]].slots for d in sc.defects))
    applied = []
    for t in sorted(types, key=_priority):
        if limit is not None and len(applied) >= limit:
            break
        inj = INJECTORS[t]
        if inj.slots & taken:
            continue
        record = inj.fn(sc, rng)
        if record is None:
            continue
        entry = catalogue()[t]
        sc.defects.append({"type": t, "code": entry.get("code")} | record)
        taken |= inj.slots
        applied.append(t)
    return applied


# --- helpers ---------------------------------------------------------------------------------

ORDER = ["accepted", "inspected", "filed", "interview", "sampled", "test_report", "test_notified", "report", "panel",
         "legal_review", "collective", "notice_issued", "notice_served", "hearing_notice_served",
         "hearing_summons_served", "hearing", "defence", "recheck", "approval", "decided", "decision_served", "paid",
         "closed", "archived"]


def _shift_from(sc: Scenario, key: str, new: dt.date) -> bool:
    """Move ``key`` to ``new`` and every later act by the same number of working days.

    Refuses (returns False, nothing changed) when the case would leave its year, cross a
    procedural-law boundary or run past the calendar.
    """
    old = sc.dates[key]
    if new <= old:
        return False
    delta = workdays_between(old, new)
    moved = dict(sc.dates)
    later = False
    for k in ORDER:
        if k == key:
            moved[k] = new
            later = True
        elif later and moved.get(k):
            moved[k] = add_workdays(moved[k], delta)
    if moved.get("paid") and (moved["paid"] - moved["decision_served"]).days > 15:
        moved["paid"] = workday_on_or_after(moved["decision_served"] + dt.timedelta(days=3))
    end = max(v for v in moved.values() if v)
    if moved["decided"].year != sc.dates["decided"].year or end > CALENDAR_END:
        return False
    if any(sc.dates["inspected"] < b <= end for b in (law.PENALTY_LAW_2021, law.REVIEW_LAW_2023,
                                                       law.HEALTH_PROCEDURE_2025)):
        return False
    sc.dates.update(moved)
    return True


def _has_fine(sc: Scenario) -> bool:
    return bool(sc.fine)


def _ordinary(sc: Scenario) -> bool:
    return sc.procedure == "ordinary"


def _name_variant(sc: Scenario, rng: random.Random) -> str:
    name = sc.party["name"]
    swaps = [("有限公司", "公司"), ("口腔门诊部", "口腔诊所"), ("门诊部", "诊所"), ("中医诊所", "中医门诊部"),
             ("诊所", "门诊部"), ("口腔医院", "口腔门诊部"), ("医院", "门诊部"), ("宾馆", "酒店"), ("酒店", "宾馆"),
             ("美发店", "美发厅"), ("足浴店", "足浴馆"), ("美容店", "美容院"), ("理发店", "理发室")]
    for a, b in swaps:
        if name.endswith(a) or a in name:
            return name.replace(a, b, 1)
    if sc.party["type"] == "individual" and len(name) >= 2:
        homophones = {"静": "靖", "伟": "玮", "敏": "民", "磊": "垒", "芳": "方", "明": "鸣", "华": "骅", "婷": "亭",
                      "斌": "彬", "峰": "锋", "凯": "恺", "倩": "茜", "莉": "丽", "颖": "莹", "慧": "惠", "洁": "杰"}
        last = name[-1]
        return name[:-1] + homophones.get(last, "晓" if last != "晓" else "小")
    return name + "（分店）"


# --- 案卷管理 -----------------------------------------------------------------------------------


@injector("missing_document", "omit_document")
def _missing_document(sc, rng):
    if not _ordinary(sc):
        return None
    free = [t for t in ("investigation_report", "decision_approval", "closing_report", "file_remarks", "file_index")
            if t not in touched(sc)]
    dtype = sc.mod("_opt.missing_document") or (rng.choice(free) if free else None)
    if dtype is None or dtype in touched(sc):
        return None
    sc.omit.add(dtype)
    name = {"investigation_report": "案件调查终结报告", "decision_approval": "行政处罚决定审批表",
            "closing_report": "结案报告", "file_remarks": "卷内备考表", "file_index": "卷内目录"}[dtype]
    return rec(dtype, f"案卷中没有《{name}》。", kind="absent")


@injector("index_mismatch", "index")
def _index_mismatch(sc, rng):
    if not _ordinary(sc):
        return None
    row = rng.randrange(3, 8)
    sc.mods["index.wrong_row"] = row

    def text(loc):
        docs = [d for d in loc.docs if d["type"] not in ("file_index", "file_remarks")]
        first, last = docs[row - 1]["pages"][0] + 1, docs[row - 1]["pages"][1] + 1
        return str(first) if first == last else f"{first}-{last}"

    return rec("file_index", f"卷内目录第{row}行所列页号比该文书实际页码后移一页。", text_fn=text)


@injector("page_numbering", "page_numbers")
def _page_gap(sc, rng):
    if not _ordinary(sc):
        return None
    start = rng.randrange(6, 12)
    sc.mods["page_number_offset"] = {p: 1 for p in range(start, 200)}
    style = sc.template.style.page_numbers
    shown = {"dash_center": f"- {start + 1} -", "right_bottom": f"第 {start + 1} 页",
             "stamp_top_right": f"{start + 1:03d}"}[style]
    return {"document": "file", "where": None,
            "detail": f"第{start - 1}页之后的页码直接编为{start + 1}，缺少第{start}页页码（跳号）。",
            "evidence": {"kind": "text", "text": shown, "page": start}}


# --- 程序合法 -----------------------------------------------------------------------------------


@injector("acts_out_of_order", "dates")
def _out_of_order(sc, rng):
    if not _ordinary(sc):
        return None
    variants = [v for v in ("report", "legal_review", "approval")
                if not (v == "report" and "investigation_report" in sc.omit)
                and not (v == "legal_review" and ("legal_review" in sc.omit or sc.collective))
                and not (v == "approval" and ("decision_approval" in sc.omit or "approval.date_text" in sc.mods))]
    variant = sc.mod("_opt.acts_out_of_order") or rng.choice(variants)
    if variant == "report":
        new = add_workdays(sc.dates["notice_issued"], 1)
        if new >= sc.dates["approval"]:
            return None
        sc.dates["report"] = new
        return rec("investigation_report",
                   f"案件调查终结报告落款日期为{ymd(new)}，晚于{ymd(sc.dates['notice_issued'])}作出的行政处罚事先告知书。",
                   ymd(new))
    if variant == "legal_review":
        new = add_workdays(sc.dates["decided"], rng.randrange(1, 3))
        sc.dates["legal_review"] = new
        return rec("legal_review", f"法制审核意见落款日期{ymd(new)}，晚于处罚决定作出日期{ymd(sc.dates['decided'])}。",
                   ymd(new))
    new = add_workdays(sc.dates["decided"], 1)
    if new > sc.dates["decision_served"]:
        return None
    sc.dates["approval"] = new
    return rec("decision_approval", f"行政处罚决定审批表负责人审批日期{ymd(new)}，晚于决定书落款日期"
                                    f"{ymd(sc.dates['decided'])}（先作决定后补审批）。", ymd(new))


@injector("decision_before_defence_period_end", "dates", "defence")
def _early_decision(sc, rng):
    if not _ordinary(sc) or sc.hearing_held or sc.hearing_right:
        return None
    served = sc.dates["notice_served"]
    new = add_workdays(served, 1)
    if new <= sc.dates["legal_review"] or (sc.dates.get("collective") and new <= sc.dates["collective"]):
        return None
    gap = workdays_between(sc.dates["approval"], sc.dates["decided"])
    sc.defence_mode = "silent"
    sc.dates["defence"] = sc.dates["recheck"] = None
    old_decided = sc.dates["decided"]
    sc.dates["approval"] = new
    sc.dates["decided"] = add_workdays(new, gap)
    back = workdays_between(sc.dates["decided"], old_decided)
    for k in ("decision_served", "paid", "closed", "archived"):
        if sc.dates.get(k):
            sc.dates[k] = _back(sc.dates[k], back)
    days = sc.template.profile.defence_days
    return rec("decision", f"事先告知书于{ymd(served)}送达，告知{days}个工作日内陈述申辩，处罚决定却于"
                           f"{ymd(sc.dates['decided'])}作出，早于期限届满。", D.date_cn(sc, sc.dates["decided"]))


def _back(day: dt.date, n: int) -> dt.date:
    from .scenario import _back_workdays

    return _back_workdays(day, n)


@injector("late_service", "dates")
def _late_service(sc, rng):
    if not _ordinary(sc):
        return None
    new = add_workdays(sc.dates["decided"], rng.randrange(9, 13))
    if not _shift_from(sc, "decision_served", new):
        return None
    return rec("service_receipt", f"处罚决定书{ymd(sc.dates['decided'])}作出，{ymd(new)}才送达，超过七个工作日。",
               ymd(new), where="receipt:decision")


@injector("hearing_notice_missing", "hearing")
def _hearing_missing(sc, rng):
    if not _ordinary(sc) or not sc.hearing_right or sc.hearing_held:
        return None
    sc.hearing_right = False
    sc.mods["hearing_required"] = True
    sc.dates["hearing_notice_served"] = None
    fine = sc.fine or 0
    return rec("advance_notice", f"拟罚款{fine}元，达到听证标准，事先告知书只告知陈述、申辩权利，未告知要求听证的权利，"
                                 "案卷中也无听证告知书。", "视为放弃上述权利")


@injector("hearing_notice_period_short", "dates", "hearing")
def _hearing_short(sc, rng):
    if not _ordinary(sc) or not sc.hearing_held:
        return None
    new = add_workdays(sc.dates["hearing_summons_served"], rng.randrange(2, 5))
    sc.dates["hearing"] = new
    return rec("hearing_summons", f"听证通知书于{ymd(sc.dates['hearing_summons_served'])}送达，听证于{ymd(new)}举行，"
                                  "不足七个工作日。", ymd(new))


@injector("legal_review_missing", "omit_review", "review")
def _legal_review_missing(sc, rng):
    if not _ordinary(sc) or "legal_review" in touched(sc):
        return None
    sc.omit.add("legal_review")
    return rec("legal_review", "案卷中没有法制审核意见，决定审批表也无法制审核栏。", kind="absent")


@injector("collective_discussion_missing", "omit_collective")
def _collective_missing(sc, rng):
    if not _ordinary(sc) or not sc.collective or "collective_discussion" in touched(sc):
        return None
    sc.omit.add("collective_discussion")
    return rec("collective_discussion",
               f"罚款{sc.fine or 0}元达到集体讨论标准（{sc.template.profile.collective_fine}元），案卷中无集体讨论记录。",
               kind="absent")


@injector("single_officer", "inspection_officers")
def _single_officer(sc, rng):
    if not _ordinary(sc):
        return None
    one = sc.officers[0]
    sc.mods["inspection.officers"] = [one]
    return rec("inspection_record", f"现场笔录只记载执法人员{one.name}一人。", f"{one.name}（{one.certificate}）")


@injector("agency_name_outdated", "agency")
def _agency_outdated(sc, rng):
    if not _ordinary(sc):
        return None
    old = f"{sc.district.city}{sc.district.name}卫生和计划生育局"
    sc.mods["decision.agency"] = old
    return rec("decision", f"处罚决定书落款及印章为“{old}”，该名称在机构改革后已不再使用（现为{sc.agency}）。", old)


@injector("decision_late", "dates")
def _decision_late(sc, rng):
    if not _ordinary(sc):
        return None
    limit, basis = law.decision_deadline_days(sc.dates["filed"])
    target = workday_on_or_after(sc.dates["filed"] + dt.timedelta(days=limit + rng.randrange(8, 25)))
    if target <= sc.dates["decided"]:
        return None
    gap = workdays_between(sc.dates["approval"], sc.dates["decided"])
    if not _shift_from(sc, "decided", target):
        return None
    sc.dates["approval"] = _back(target, gap)
    days = (target - sc.dates["filed"]).days
    return rec("decision", f"{ymd(sc.dates['filed'])}立案，{ymd(target)}作出处罚决定，历时{days}日，超过办案期限（{basis}），"
                           "案卷中无延期审批。", D.date_cn(sc, target))


@injector("filing_late", "dates")
def _filing_late(sc, rng):
    if not _ordinary(sc) or sc.dates["filed"] >= law.HEALTH_PROCEDURE_2025:
        return None
    new = workday_on_or_after(sc.dates["accepted"] + dt.timedelta(days=rng.randrange(10, 15)))
    if new <= sc.dates["filed"] or not _shift_from(sc, "filed", new):
        return None
    return rec("filing_report", f"{ymd(sc.dates['accepted'])}受理，{ymd(new)}才立案，超过七日。", ymd(new))


@injector("investigation_before_filing", "dates")
def _investigation_before_filing(sc, rng):
    if not _ordinary(sc):
        return None
    filed, inspected = sc.dates["filed"], sc.dates["inspected"]
    if filed <= inspected:
        return None
    sc.dates["interview"] = inspected
    return rec("interview_record", f"询问笔录时间{ymd(inspected)}，早于立案日期{ymd(filed)}。",
               f"询问时间：{ymd(inspected)}")


@injector("closing_before_payment", "dates")
def _closing_early(sc, rng):
    if not _ordinary(sc) or not sc.dates.get("paid") or "closing_report" in sc.omit:
        return None
    served, paid = sc.dates["decision_served"], sc.dates["paid"]
    if workdays_between(served, paid) < 2:
        paid = add_workdays(served, 3)
        if (paid - served).days > 15:
            return None
        sc.dates["paid"] = paid
    new = add_workdays(served, 1)
    sc.dates["closed"] = new
    return rec("closing_report", f"结案日期{ymd(new)}早于罚没款缴纳日期{ymd(paid)}。", ymd(new))


@injector("defence_not_reviewed", "defence")
def _no_recheck(sc, rng):
    if not _ordinary(sc) or sc.defence_mode != "raised" or sc.hearing_held or not sc.dates.get("recheck"):
        return None
    sc.mods["defence.no_recheck"] = True
    return rec("defence_record", "当事人提出陈述申辩意见，陈述申辩笔录及决定书均无复核意见。", sc.story.defence[:14],
               where="defence_record")


@injector("penalty_heavier_than_notice", "penalties", "defence")
def _increased(sc, rng):
    if not _ordinary(sc) or not sc.fine or sc.defence_mode != "raised" or sc.hearing_held:
        return None
    sanction = next(s for s in sc.setting.base_sanctions(sc.decided) if s["kind"] == "罚款")
    lo, _ = fine_bounds(sanction, sc.income)
    lower = sc.fine - max(1000, sc.fine // 5 // 1000 * 1000)
    if lower < max(lo, 500):
        return None
    sc.mods["notice.penalties"] = [dict(p, amount=lower) if p["kind"] == "罚款" else p for p in sc.penalties]
    return rec("advance_notice", f"事先告知拟罚款{lower}元，当事人陈述申辩后决定罚款{sc.fine}元，处罚加重。",
               f"罚款{D.money(sc, lower)}")


@injector("simple_procedure_misused", "penalties")
def _simple_over(sc, rng):
    if sc.procedure != "simple":
        return None
    limit = law.simple_procedure_limit(sc.decided, sc.party_type)
    fines = [s for s in sc.setting.base_sanctions(sc.decided) if s["kind"] == "罚款" and s.get("fine")]
    if not fines:
        return None
    _, hi = fine_bounds(fines[0], None)
    if hi <= limit:
        return None
    new = min(hi, limit + rng.choice((1000, 1500, 2000)))
    pens = [p for p in sc.penalties if p["kind"] != "罚款"] + [{"kind": "罚款", "amount": new}]
    sc.penalties, sc.fine = pens, new
    if not sc.dates.get("paid"):
        sc.dates["paid"] = workday_on_or_after(sc.dates["decided"] + dt.timedelta(days=rng.randrange(2, 9)))
    return rec("onsite_decision", f"当场罚款{new}元，超过简易程序对法人或者其他组织三千元以下罚款的限额。", str(new))


# --- 事实认定与证据 -----------------------------------------------------------------------------


@injector("party_name_mismatch", "party_name")
def _party_name(sc, rng):
    if not _ordinary(sc):
        return None
    where = rng.choice(["notice", "approval", "closing"])
    dtype = {"notice": "advance_notice", "approval": "decision_approval", "closing": "closing_report"}[where]
    if dtype in sc.omit:
        return None
    variant = _name_variant(sc, rng)
    sc.mods[f"{where}.party_name"] = variant
    title = sc.template.title(dtype) if dtype not in sc.template.generic_approval else "审批表"
    return rec(dtype, f"{title}中当事人名称写作“{variant}”，其他文书为“{sc.party['name']}”。", variant)


@injector("credit_code_check_digit", "credit")
def _credit_check(sc, rng):
    if not _ordinary(sc) or not sc.party.get("credit_code"):
        return None
    where = rng.choice(["inspection", "filing", "investigation"])
    dtype = {"inspection": "inspection_record", "filing": "filing_report", "investigation": "investigation_report"}[where]
    if dtype in sc.omit:
        return None
    good = sc.party["credit_code"]
    bad = good[:17] + rng.choice([c for c in USCC_CHARS if c != good[17]])
    assert uscc_check(bad[:17]) != bad[17]
    sc.mods[f"{where}.credit_code"] = bad
    return rec(dtype, f"统一社会信用代码写作“{bad}”，校验位应为“{good[17]}”。", bad)


@injector("id_number_check_digit", "id_number", "interview_identity")
def _id_check(sc, rng):
    if not _ordinary(sc):
        return None
    good = sc.interviewee.id_number
    bad = good[:17] + rng.choice([c for c in "0123456789X" if c != good[17]])
    assert id_check(bad[:17]) != bad[17]
    sc.mods["interview.id_number"] = bad
    return rec("interview_record", f"被询问人身份证号码写作“{bad}”，校验位应为“{good[17]}”。", bad)


@injector("record_contains_conclusion", "inspection_text")
def _conclusion(sc, rng):
    text = (f"经查，当事人的上述行为已违反{D.cites(sc.setting.violated, sc.dates['inspected'])}的规定，"
            "涉嫌违法，应予处罚。")
    sc.mods["inspection.conclusion"] = text
    return rec("inspection_record", "现场笔录写入“违反…规定，涉嫌违法，应予处罚”等定性结论。", "涉嫌违法，应予处罚")


@injector("test_result_not_notified", "omit_test")
def _test_not_notified(sc, rng):
    if not _ordinary(sc) or not sc.story.sampling or "test_result_notice" in touched(sc):
        return None
    sc.omit.add("test_result_notice")
    return rec("test_result_notice", "水样检验不合格，案卷中无检验结果告知书，未告知当事人复检权利。", kind="absent")


@injector("facts_contradict", "facts")
def _facts(sc, rng):
    if not _ordinary(sc) or "investigation_report" in sc.omit:
        return None
    facts = sc.story.facts
    pattern = re.compile(r"(共计|共接诊约|为|合计约|约|其中)(\d+(?:\.\d+)?)(人次|名|千克|户|例)")
    m = pattern.search(facts)
    if m is None:
        m = re.search(r"()(\d+)(人次|名|户|例|千克)", facts)
        if m is None:
            return None
    old = m.group(2)
    new = str(int(float(old)) + rng.randrange(3, 30)) if "." not in old else f"{float(old) + 1.2:.1f}"
    changed = facts[:m.start(2)] + new + facts[m.end(2):]
    sc.mods["investigation.facts"] = changed
    return rec("investigation_report", f"调查终结报告认定为“{m.group(1)}{new}{m.group(3)}”，决定书及其他文书为"
                                       f"“{m.group(1)}{old}{m.group(3)}”。", f"{m.group(1)}{new}{m.group(3)}")


# --- 法律适用 -----------------------------------------------------------------------------------


def _replace_refs(sc: Scenario, *, violated=None, basis=None) -> None:
    changes = {}
    if violated is not None:
        changes["violated"] = tuple(violated)
    if basis is not None:
        changes["basis"] = tuple(basis)
    sc.setting = dataclasses.replace(sc.setting, **changes)


def _truth_refs(sc: Scenario, refs, role: str, *, title: str, printed_title: str) -> None:
    """The citations as the decision prints them (for refs whose version the registry cannot resolve)."""
    sc.mods[f"truth.{role}"] = [
        {"instrument": title, "article": r.article, "paragraph": r.paragraph, "item": r.item,
         "raw": f"《{printed_title}》" + law.article_label(r)}
        for r in refs
    ]


@injector("missing_violated_or_basis", "citations")
def _missing_citation(sc, rng):
    if not _ordinary(sc):
        return None
    which = rng.choice(["violated", "basis"])
    sc.mods[f"decision.no_{which}"] = True
    text = f"决定对{D.you(sc)}作出如下行政处罚" if which == "basis" else f"本机关认为，{D.you(sc)}{sc.story.violation_short}的行为"
    label = "违反的法律条款" if which == "violated" else "处罚依据"
    return rec("decision", f"处罚决定书未写明{label}。", text)


@injector("citation_imprecise", "citations")
def _imprecise(sc, rng):
    if not _ordinary(sc):
        return None
    basis = list(sc.setting.basis)
    main = basis[-1]
    if main.item or main.paragraph:
        bad = Ref(main.work, main.article)
        detail = f"处罚依据只引至“{law.article_label(bad)}”，未引至具体款、项（应为{law.article_label(main)}）。"
    else:
        art = law.registry().article(main.version_id(sc.decided), main.article)
        if art is None or len(art.paragraphs) != 1:
            return None
        bad = Ref(main.work, main.article, 1)
        detail = f"处罚依据条文只有一款，却写作“{law.article_label(bad)}”。"
    basis[-1] = bad
    _replace_refs(sc, basis=basis)
    return rec("decision", detail, D.cites([bad], sc.decided))


@injector("article_not_found", "citations")
def _not_found(sc, rng):
    if not _ordinary(sc):
        return None
    main = sc.setting.violated[0]
    arts = law.registry().articles(main.version_id(sc.decided))
    if not arts:
        return None
    bad = Ref(main.work, max(arts) + rng.randrange(4, 15))
    _replace_refs(sc, violated=[bad])
    return rec("decision", f"违反条款引用“{law.article_label(bad)}”，该法规共{max(arts)}条，不存在该条。",
               D.cites([bad], sc.decided))


@injector("violation_basis_mismatch", "citations")
def _basis_mismatch(sc, rng):
    if not _ordinary(sc):
        return None
    main = sc.setting.basis[-1]
    vid = main.version_id(sc.decided)
    others = sorted({p.article for p in law.registry().penalties if p.instrument == vid and p.article != main.article})
    if not others:
        return None
    art = rng.choice(others)
    facts = law.registry().penalty(vid, art)
    if facts is None or facts.refers_to:
        return None
    bad = Ref(main.work, art)
    _replace_refs(sc, basis=list(sc.setting.basis[:-1]) + [bad])
    return rec("decision", f"处罚依据引用“{law.article_label(bad)}”（{facts.conduct[:24]}……），与违反的条款及认定的违法行为不对应。",
               D.cites([bad], sc.decided))


@injector("notice_decision_citation_mismatch", "citations_notice")
def _notice_mismatch(sc, rng):
    if not _ordinary(sc):
        return None
    main = sc.setting.basis[-1]
    vid = main.version_id(sc.decided)
    others = sorted({p.article for p in law.registry().penalties if p.instrument == vid and p.article != main.article})
    if not others:
        return None
    bad = Ref(main.work, rng.choice(others))
    text = D.cites(list(sc.setting.basis[:-1]) + [bad], sc.dates["notice_issued"])
    sc.mods["notice.basis_text"] = text
    return rec("advance_notice", f"事先告知书处罚依据为{text}，处罚决定书为{D.cites(sc.setting.basis, sc.decided)}。",
               D.cites([bad], sc.dates["notice_issued"]))


def _allowed_kinds(sc: Scenario) -> set[str]:
    if sc.setting.declared:
        return {s["kind"] for s in sc.setting.declared["sanctions"]} | {"暂扣许可证件", "吊销许可证件"}
    facts = sc.setting.facts(sc.decided)
    return {s.kind for t in facts.tiers for s in t.sanctions}


@injector("penalty_kind_not_allowed", "penalties")
def _kind_not_allowed(sc, rng):
    if not _ordinary(sc):
        return None
    allowed = _allowed_kinds(sc)
    if "警告" not in allowed:
        new = [{"kind": "警告", "amount": None}] + sc.penalties
        detail = f"处罚依据{D.cites(sc.setting.basis, sc.decided)}未规定警告，决定却给予警告。"
        text = "警告，"
    elif "罚款" not in allowed:
        amount = 2000
        new = sc.penalties + [{"kind": "罚款", "amount": amount}]
        detail = f"处罚依据{D.cites(sc.setting.basis, sc.decided)}未规定罚款，决定却并处罚款{amount}元。"
        text = f"人民币{rmb_upper(amount)}"
        sc.fine = amount
        sc.dates["paid"] = sc.dates["paid"] or workday_on_or_after(sc.dates["decision_served"] + dt.timedelta(days=5))
        if sc.dates["closed"] < sc.dates["paid"]:
            sc.dates["closed"] = add_workdays(sc.dates["paid"], 2)
            sc.dates["archived"] = add_workdays(sc.dates["closed"], 1)
    else:
        return None
    sc.penalties = new
    return rec("decision", detail, text)


@injector("fine_out_of_range", "penalties")
def _out_of_range(sc, rng):
    if not _ordinary(sc) or not sc.fine:
        return None
    sanction = next(s for s in sc.setting.base_sanctions(sc.decided) if s["kind"] == "罚款")
    lo, hi = fine_bounds(sanction, sc.income)
    threshold = sc.template.profile.hearing_organisation if sc.party_type == "organisation" else sc.template.profile.hearing_citizen
    if lo >= 2000:
        new = lo // 2 // 500 * 500 or 500
        detail = f"罚款{new}元，低于{D.cites(sc.setting.basis, sc.decided)}规定的最低限额{lo}元，且无减轻处罚的理由。"
    else:
        new = hi + (1000 if hi < 10000 else 10000)
        if (new >= threshold) != sc.hearing_right or (new >= sc.template.profile.collective_fine) != sc.collective:
            return None
        detail = f"罚款{new}元，超过{D.cites(sc.setting.basis, sc.decided)}规定的最高限额{hi}元。"
    if (new >= threshold) != sc.hearing_right:
        return None
    sc.penalties = [dict(p, amount=new) if p["kind"] == "罚款" else p for p in sc.penalties]
    sc.fine = new
    return rec("decision", detail, f"人民币{rmb_upper(new)}")


@injector("companion_penalty_missing", "penalties")
def _companion(sc, rng):
    if not _ordinary(sc) or len(sc.penalties) < 2:
        return None
    mandatory = [s["kind"] for s in sc.setting.base_sanctions(sc.decided)
                 if s["mode"] == "mandatory" and s["kind"] in ("警告", "通报批评")]
    present = [k for k in mandatory if any(p["kind"] == k for p in sc.penalties)]
    if not present:
        return None
    drop = present[0]
    sc.penalties = [p for p in sc.penalties if p["kind"] != drop]
    return rec("decision", f"{D.cites(sc.setting.basis, sc.decided)}规定应当{'给予警告' if drop == '警告' else '通报批评'}，"
                           f"决定只给予{D.penalty_text(sc)}，遗漏{drop}。", "作出如下行政处罚")


@injector("old_penalty_law_numbering", "articles", "notice_rights")
def _old_numbering(sc, rng):
    if not _ordinary(sc) or sc.dates["notice_issued"] < law.PENALTY_LAW_2021:
        return None
    if rng.random() < 0.5 and (sc.fine or sc.income):
        sc.mods["articles.surcharge"] = law.OLD_NUMBERING["surcharge"]
        return rec("decision", "处罚决定书加处罚款依据仍引用修订前《行政处罚法》第五十一条第（一）项（现为第七十二条第一款第（一）项）。",
                   "第五十一条第（一）项")
    sc.mods["articles.notice_pair"] = law.OLD_NUMBERING["notice_pair"]
    return rec("advance_notice", "事先告知书陈述申辩权利依据仍引用修订前《行政处罚法》第三十一条、第三十二条（现为第四十四条、第四十五条）。",
               "第三十一条、第三十二条")


@injector("repealed_instrument_cited", "citations")
def _repealed(sc, rng):
    if not _ordinary(sc) or sc.violation.key != "physician_scope" or sc.decided < law.PHYSICIANS_LAW:
        return None
    title = "中华人民共和国执业医师法"
    bad = Ref("执业医师法", 14, 2)
    raw = f"《{title}》" + law.article_label(bad)
    sc.mods["violated_text"] = raw
    sc.mods["notice.violated_text"] = raw
    _truth_refs(sc, [bad], "violated", title="执业医师法", printed_title=title)
    return rec("decision", f"违反条款引用{raw}；《执业医师法》已于2022年3月1日废止，应引用《中华人民共和国医师法》第十四条第一款。", raw)


@injector("superseded_numbering_cited", "citations")
def _superseded(sc, rng):
    if not _ordinary(sc):
        return None
    old_numbers = {("medinst_staff", "medical-institutions-regulation-2022"): (28, 48),
                   ("medinst_scope", "medical-institutions-regulation-2022"): (27, 47)}
    key = (sc.violation.key, sc.setting.penalty.version_id(sc.decided))
    if key not in old_numbers:
        return None
    v_old, b_old = old_numbers[key]
    violated, basis = [Ref(law.MI, v_old)], [Ref(law.MI, b_old)]
    _replace_refs(sc, violated=violated, basis=basis)
    return rec("decision", f"2022年5月1日后作出的决定仍按《医疗机构管理条例》2016年版条号引用第{law.cn_number(v_old)}条、"
                           f"第{law.cn_number(b_old)}条（现行版本为第{law.cn_number(v_old - 1)}条、第{law.cn_number(b_old - 1)}条）。",
               D.cites(basis, sc.decided))


@injector("review_body_wrong", "remedy")
def _review_body(sc, rng):
    if not _ordinary(sc) or sc.decided < law.REVIEW_LAW_2023:
        return None
    body = sc.district.city_health
    sc.mods["decision.review_body"] = body
    return rec("decision", f"2024年1月1日后作出的决定告知向{body}申请行政复议；复议机关应为{sc.district.government}。",
               f"向{body}申请行政复议")


@injector("remedy_period_wrong", "remedy")
def _remedy_period(sc, rng):
    if not _ordinary(sc):
        return None
    if rng.random() < 0.5:
        sc.mods["decision.review_days"] = "十五日"
        return rec("decision", "告知申请行政复议的期限为十五日（应为六十日）。", "十五日内向")
    sc.mods["decision.litigation_months"] = "三个月"
    return rec("decision", "告知提起行政诉讼的期限为三个月（应为六个月）。", "三个月内")


@injector("review_first_notice_missing", "remedy")
def _review_first(sc, rng):
    if sc.procedure != "simple" or not law.review_first_required(sc.decided):
        return None
    sc.mods["onsite.no_review_first"] = True
    return rec("onsite_decision", "当场处罚决定告知可以申请复议或直接起诉，未告知应当先申请行政复议（行政复议法第二十三条）。",
               "也可以自收到本决定书之日起六个月内")


@injector("panel_conclusion_differs", "panel")
def _panel(sc, rng):
    if not _ordinary(sc) or not sc.fine:
        return None
    other = sc.fine + (1000 if sc.fine < 10000 else 5000)
    text = D.penalty_text(sc, "decision", D.money(sc, other))
    sc.mods["panel.penalty_text"] = text
    return rec("panel_discussion", f"合议结论为罚款{other}元，决定书为罚款{sc.fine}元，合议后无调整说明。", f"罚款{D.money(sc, other)}")


# --- 文书规范 -----------------------------------------------------------------------------------


@injector("amount_capitals_digits_mismatch", "fine_text")
def _capitals(sc, rng):
    if not _ordinary(sc) or not sc.fine:
        return None
    fine = sc.fine
    wrong = fine // 10 if fine >= 1000 else fine * 10
    if sc.template.money_style == "yuan":
        text = f"{wrong}元（大写：人民币{rmb_upper(fine)}）"
        shown = f"{wrong}元（大写"
    else:
        text = f"人民币{rmb_upper(fine)}（¥{wrong:,.2f}）"
        shown = f"（¥{wrong:,.2f}）"
    sc.mods["decision.fine_text"] = text
    return rec("decision", f"处罚决定书罚款金额大写为“人民币{rmb_upper(fine)}”，小写为{wrong}元，二者不一致。", shown)


@injector("case_number_mismatch", "receipt_number")
def _case_number(sc, rng):
    if not _ordinary(sc):
        return None
    m = re.search(r"〔(\d{4})〕(\d+)号", sc.case_number)
    wrong = sc.case_number.replace(m.group(0), f"〔{m.group(1)}〕{int(m.group(2)) + rng.randrange(1, 9)}号")
    receipt_free = "receipt:decision" not in sc.omit and not any(k.startswith("receipt.decision.") for k in sc.mods)
    if not receipt_free and not sc.dates.get("paid"):
        return None
    if sc.dates.get("paid") and (rng.random() < 0.5 or not receipt_free):
        sc.mods["receipt.payment.number"] = wrong
        return rec("payment_receipt", f"缴款书备注的决定书文号为“{wrong}”，与决定书“{sc.case_number}”不一致。", wrong)
    sc.mods["receipt.decision.number"] = wrong
    return rec("service_receipt", f"决定书送达回执所载文号为“{wrong}”，与决定书“{sc.case_number}”不一致。", wrong,
               where="receipt:decision")


@injector("case_number_malformed", "number_format", "receipt_number")
def _malformed(sc, rng):
    if not _ordinary(sc):
        return None
    m = re.search(r"〔(\d{4})〕(\d+)号", sc.case_number)
    serial = f"{int(m.group(2)):03d}"
    if serial == m.group(2):
        return None
    bad = sc.case_number.replace(m.group(0), f"【{m.group(1)}】{serial}号")
    sc.mods["decision.number"] = bad
    if "receipt:decision" not in sc.omit:
        sc.mods["receipt.decision.number"] = bad
    return rec("decision", f"处罚决定书文号写作“{bad}”，使用【】括号且序号补零（应为“{sc.case_number}”）。", bad)


@injector("payment_receipt_mismatch", "payment")
def _payment(sc, rng):
    if not _ordinary(sc) or not sc.fine or not sc.dates.get("paid"):
        return None
    wrong = sc.fine - max(500, sc.fine // 10 // 500 * 500)
    sc.mods["payment.fine"] = wrong
    return rec("payment_receipt", f"缴款书一般罚没收入为{wrong}元，决定书罚款为{sc.fine}元。", f"{wrong:,.2f}")


@injector("seal_missing", "seal")
def _seal(sc, rng):
    sc.mods["decision.no_seal"] = True
    dtype = "decision" if _ordinary(sc) else "onsite_decision"

    def date(loc):  # the final decision date (a date defect may move it)
        return D.date_cn(sc, sc.decided) if _ordinary(sc) else ymd(sc.decided)

    return rec(dtype, "处罚决定书落款处未加盖行政机关印章。", kind="image", text_fn=date)


@injector("blank_fields", "blank", "approval_date", "approval_head", "source")
def _blank(sc, rng):
    if not _ordinary(sc):
        return None
    variant = sc.mod("_opt.blank_fields") or rng.choice(["receipt", "filing", "approval"])
    if variant == "receipt":
        sc.mods["receipt.decision.blank"] = True
        return rec("service_receipt", "送达回执“代收人及代收理由”“见证人”栏空白，未划“\\”。", "代收人及代收理由",
                   where="receipt:decision")
    if variant == "approval" and "decision_approval" not in sc.omit and "decision_approval" not in touched(sc):
        sc.mods["approval.date_text"] = ""
        return rec("decision_approval", "行政处罚决定审批表各签名处均未填写签署日期。", f"签名：{sc.head}")
    sc.mods["filing.blank_source"] = True
    return rec("filing_report", "立案报告“案件来源”栏空白。", "案件来源")


@injector("template_residue", "residue")
def _residue(sc, rng):
    if not _ordinary(sc):
        return None
    if rng.random() < 0.5 and "investigation_report" not in sc.omit:
        text = "（此处简述当事人整改情况及社会危害程度，无则删除本段）"
        sc.mods["investigation.residue"] = text
        return rec("investigation_report", "调查终结报告中残留模板提示文字。", text)
    text = "（如适用听证程序，在此写明听证权利告知内容；不适用的删除本段）"
    sc.mods["notice.residue"] = text
    return rec("advance_notice", "事先告知书中残留模板提示文字。", text)


@injector("date_incomplete", "approval_date")
def _date_incomplete(sc, rng):
    if not _ordinary(sc) or "decision_approval" in sc.omit or "decision_approval" in touched(sc):
        return None
    a = sc.dates["approval"]
    text = f"{a.year}年{a.month}月"
    sc.mods["approval.date_text"] = text
    return rec("decision_approval", f"决定审批表各签名处日期只写到“{text}”，缺日。", f"{sc.chief}{text}")



# --- more 事实认定与证据: one value differs in one document -----------------------------------


@injector("credit_code_mismatch", "credit")
def _credit_mismatch(sc, rng):
    from .util import ORG_CODE_CHARS, org_code_check

    if not _ordinary(sc) or not sc.party.get("credit_code"):
        return None
    good = sc.party["credit_code"]
    body = list(good[8:16])
    i = rng.randrange(2, 8)
    body[i] = rng.choice([c for c in ORG_CODE_CHARS if c != body[i] and c.isdigit()])
    org = "".join(body) + org_code_check("".join(body))
    first17 = good[:8] + org
    other = first17 + uscc_check(first17)
    sc.mods["filing.credit_code"] = other
    return rec("filing_report", f"立案报告统一社会信用代码为“{other}”（校验正确但与其他文书的“{good}”不同）。", other)


@injector("legal_representative_mismatch", "rep")
def _rep_mismatch(sc, rng):
    if not _ordinary(sc) or not sc.party.get("legal_representative"):
        return None
    rep = sc.party["legal_representative"]
    other = rep[0] + ("建国" if rep[1:] != "建国" else "国华")
    sc.mods["filing.rep"] = other
    return rec("filing_report", f"立案报告法定代表人（负责人）写作“{other}”，其他文书为“{rep}”。", other)


@injector("party_address_mismatch", "address")
def _address_mismatch(sc, rng):
    if not _ordinary(sc):
        return None
    addr = sc.party["address"]
    m = re.search(r"(\d+)号", addr)
    if not m:
        return None
    other = addr[:m.start(1)] + str(int(m.group(1)) + rng.randrange(2, 40)) + addr[m.end(1):]
    sc.mods["filing.address"] = other
    return rec("filing_report", f"立案报告当事人地址为“{other}”，其他文书为“{addr}”。", other)


@injector("cause_mismatch", "cause")
def _cause_mismatch(sc, rng):
    if not _ordinary(sc):
        return None
    other = f"{sc.party['name']}涉嫌违反{sc.violation.sector}管理规定案"
    sc.mods["filing.cause"] = other
    return rec("filing_report", f"立案报告案由为“{other}”，调查终结报告、审批表等为“{D.cause(sc)}”。", other)


# --- more 法律适用 -------------------------------------------------------------------------------


@injector("illegal_income_not_confiscated", "penalties")
def _income(sc, rng):
    if not _ordinary(sc) or not sc.income or len(sc.penalties) < 2:
        return None
    sc.penalties = [p for p in sc.penalties if p["kind"] != "没收违法所得"]
    sc.mods["income_not_confiscated"] = sc.income
    sc.income = None
    return rec("decision", f"决定书认定违法所得{sc.mods['income_not_confiscated']}元，处罚却未没收违法所得。",
               "作出如下行政处罚")


# --- more 程序合法 -------------------------------------------------------------------------------


@injector("service_receipt_missing", "omit_receipt")
def _receipt_missing(sc, rng):
    if not _ordinary(sc):
        return None
    free = [w for w in ("notice", "decision") if f"receipt:{w}" not in touched(sc)
            and not any(k.startswith(f"receipt.{w}.") for k in sc.mods)]
    if not free:
        return None
    which = rng.choice(free)
    sc.omit.add(f"receipt:{which}")
    name = "行政处罚事先告知书" if which == "notice" else "行政处罚决定书"
    return rec("service_receipt", f"案卷中没有《{name}》的送达回执。", kind="absent")


@injector("hearing_not_held", "hearing", "defence")
def _hearing_not_held(sc, rng):
    if not _ordinary(sc) or not sc.hearing_right or sc.hearing_held:
        return None
    sc.defence_mode = "raised"
    if not sc.dates.get("defence"):
        sc.dates["defence"] = add_workdays(sc.dates["notice_served"], 1)
        sc.dates["recheck"] = add_workdays(sc.dates["defence"], 1)
        if sc.dates["recheck"] >= sc.dates["approval"]:
            return None
    sc.mods["defence.hearing_request"] = True
    return rec("defence_record", "当事人在陈述申辩中明确要求举行听证，案卷中无听证通知书、听证笔录，直接作出处罚决定。",
               "我方要求举行听证")


@injector("late_payment_unhandled", "dates")
def _late_payment(sc, rng):
    if not _ordinary(sc) or not sc.dates.get("paid"):
        return None
    new = workday_on_or_after(sc.dates["decision_served"] + dt.timedelta(days=rng.randrange(22, 35)))
    closed = add_workdays(new, 2)
    if new.year != sc.decided.year or closed > CALENDAR_END:
        return None
    sc.dates["paid"] = new
    sc.dates["closed"] = closed
    sc.dates["archived"] = add_workdays(closed, 1)
    return rec("payment_receipt", f"决定书{ymd(sc.dates['decision_served'])}送达，当事人{ymd(new)}才缴纳罚款，超过十五日，"
                                  "未加处罚款，也无延期缴纳批准。", ymd(new))


# --- text switches: the rows of defect_edits.yaml ---------------------------------------------

EDITS = Path(__file__).with_name("defect_edits.yaml")

REQUIRES: dict[str, Callable[[Scenario], bool]] = {
    "ordinary": _ordinary,
    "simple": lambda sc: sc.procedure == "simple",
    "money": lambda sc: bool(sc.fine or sc.income),
    "complaint": lambda sc: bool(sc.complaint),
    "attestable_evidence": lambda sc: any(k in ("licence", "business_licence", "table")
                                          for k, _ in sc.story.evidence_pages),
}

FIELDS: dict[str, Callable[[Scenario], str]] = {
    "you": D.you,
    "officers": lambda sc: sc.officer_names(),
    "interviewee": lambda sc: sc.interviewee.name,
    "case_number": lambda sc: sc.case_number,
    "cause_short": lambda sc: sc.story.cause_short,
    "violation_short": lambda sc: sc.story.violation_short,
    "inspection_start": lambda sc: ymd(sc.dates["inspected"]) + sc.times["inspection"][0],
}


class _Fields(dict):
    """The placeholders of a row's text, each computed from the scenario when used."""

    def __init__(self, sc: Scenario):
        super().__init__()
        self.sc = sc

    def __missing__(self, key: str) -> str:
        return FIELDS[key](self.sc)


def _edit(row: dict) -> Callable[[Scenario, random.Random], dict | None]:
    requires = [REQUIRES[name] for name in row.get("requires", ["ordinary"])]
    omitted = row.get("unless_omitted")

    def inject_row(sc: Scenario, rng: random.Random) -> dict | None:
        if not all(ok(sc) for ok in requires) or (omitted and omitted in sc.omit):
            return None
        sc.mods.update(row["mods"])
        return rec(row["document"], row["detail"], row["text"].format_map(_Fields(sc)), where=row.get("where"))

    return inject_row


for _row in yaml.safe_load(EDITS.read_text(encoding="utf-8")):
    if _row["type"] in INJECTORS:
        raise ValueError(f"{EDITS.name}: {_row['type']} is also a coded injector")
    injector(_row["type"], *_row["slots"])(_edit(_row))
