"""A scenario: everything about one invented case before it is drawn.

``make_scenario`` draws the template, district, violation, party, officers, story, penalty and
the procedural dates from one ``random.Random``. Clean scenarios obey the statutory periods on
the Chinese working-day calendar (``check_clean`` asserts them); defects (``defects.py``) then
change a scenario through its ``mods`` and ``omit`` hooks and record what they changed.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from . import law
from .law import Setting, Violation
from .stories import BUILDERS, Ctx, Story
from .templates import TEMPLATES, Template
from .util import (
    add_workdays,
    d,
    id_valid,
    is_workday,
    uscc_valid,
    workday_on_or_after,
    workdays_between,
)
from .world import DISTRICTS, District, Person, World, pick

BOUNDARIES = (law.PENALTY_LAW_2021, law.REVIEW_LAW_2023, law.HEALTH_PROCEDURE_2025)
CALENDAR_END = dt.date(2026, 10, 31)  # chinese_calendar data ends with 2026


@dataclass
class Officer:
    name: str
    certificate: str


@dataclass
class Scenario:
    case_id: str
    seed: str
    template: Template
    district: District
    violation: Violation
    setting: Setting
    procedure: str  # ordinary | simple
    party: dict
    interviewee: Person
    interviewee_role: str
    officers: list[Officer]
    chief: str  # head of the enforcement section (科室负责人)
    head: str  # agency head approving (负责人)
    deputy: str  # a deputy head (collective discussion)
    reviewer: dict  # legal reviewer: name, qualification, head
    panel_extra: str
    recorder: str
    story: Story
    penalties: list[dict]  # [{kind, amount}] in decision order
    fine: int | None
    income: int | None
    dates: dict[str, dt.date | None]
    times: dict[str, Any]
    case_number: str
    notice_number: str | None
    hearing_number: str | None
    source: str  # 案件来源 wording
    complaint: dict | None
    hearing_right: bool
    hearing_held: bool
    collective: bool
    defence_mode: str  # raised | waived | silent
    payment_no: str = ""
    form_serial: str = ""
    mods: dict[str, Any] = field(default_factory=dict)
    omit: set[str] = field(default_factory=set)
    defects: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    # convenience
    @property
    def agency(self) -> str:
        return self.mods.get("agency_name", self.district.agency)

    @property
    def decided(self) -> dt.date:
        return self.dates["decided"]

    @property
    def party_type(self) -> str:
        return "organisation" if self.party["type"] == "organisation" else "individual"

    def mod(self, key: str, default: Any = None) -> Any:
        return self.mods.get(key, default)

    def officer_names(self, sep: str = "、") -> str:
        return sep.join(o.name for o in self.officers)


def fine_bounds(sanction: dict, income: int | None) -> tuple[int, int]:
    """(min, max) yuan of a fine sanction; multiples use 违法所得 with its floor."""
    f = sanction.get("fine")
    if f is None:
        raise ValueError("sanction has no fine range")
    if isinstance(f, dict):
        return int(f.get("min") or 0), int(f["max"])
    lo, hi = f.bounds(float(income or 0))
    return int(lo), int(hi)


def _round_fine(value: float, lo: int, hi: int) -> int:
    step = 1000 if hi >= 20000 else (500 if hi >= 3000 else 100)
    v = int(round(value / step) * step)
    return max(lo if lo % step == 0 else (lo // step + 1) * step, min(hi - hi % step, v))


def choose_penalties(v: Violation, s: Setting, on: dt.date, story: Story, rng: random.Random,
                     procedure: str, party_type: str) -> tuple[list[dict], int | None, int | None]:
    """Penalties within the provision in force on ``on``: mandatory kinds, an optional fine, amount."""
    out: list[dict] = []
    fine = income = None
    for sanction in s.base_sanctions(on):
        kind, mode = sanction["kind"], sanction["mode"]
        if mode == "optional_alternative":  # 公共场所条例 第十四条: warning only (fines set by an absent rule)
            if kind == "警告":
                out.append({"kind": "警告", "amount": None})
            continue
        if kind == "没收违法所得":
            if story.income:
                income = story.income
                out.append({"kind": kind, "amount": income})
            continue
        if kind == "没收非法财物":
            if story.goods:
                out.append({"kind": kind, "amount": None})
            continue
        if kind == "罚款":
            if mode == "optional" and procedure == "ordinary" and rng.random() < 0.08 and any(
                    x["kind"] == "警告" for x in out):
                continue  # a warning alone
            lo, hi = fine_bounds(sanction, story.income)
            if procedure == "simple":
                hi = min(hi, law.simple_procedure_limit(on, party_type))
                lo = min(lo, hi)
                fine = _round_fine(lo + (hi - lo) * (0.2 + 0.6 * story.severity), max(lo, 100), hi)
            else:
                fine = _round_fine(lo + (hi - lo) * story.severity, max(lo, 500), hi)
            out.append({"kind": "罚款", "amount": fine})
            continue
        out.append({"kind": kind, "amount": None})
    return out, fine, income


def simple_allowed(v: Violation, s: Setting, on: dt.date, party_type: str) -> bool:
    """Simple procedure only for a warning and/or a small fine (行政处罚法 第五十一条)."""
    if "simple" not in v.procedures:
        return False
    for sanction in s.base_sanctions(on):
        if sanction["mode"] == "mandatory" and sanction["kind"] not in ("警告", "罚款"):
            return False
        if sanction["kind"] == "罚款" and sanction["mode"] == "mandatory":
            lo, _ = fine_bounds(sanction, None)
            if lo > law.simple_procedure_limit(on, party_type):
                return False
    return True


# --- parties ---------------------------------------------------------------------------------


def _licence_no(rng: random.Random, district: District) -> str:
    return f"PDY{rng.randrange(10000, 99999)}{district.code}{rng.randrange(10, 99)}D{rng.randrange(1000, 9999)}"


def make_party(v: Violation, world: World, on: dt.date) -> tuple[dict, Person, str]:
    rng, dd = world.rng, world.district
    if v.party == "individual":
        person = world.person(on=on, age=(30, 60))
        licence = f"1{rng.randrange(10, 99)}{dd.code}{rng.randrange(1000000, 9999999)}"
        party = {"name": person.name, "type": "individual", "credit_code": None, "id_number": person.id_number,
                 "legal_representative": None, "address": person.home, "phone": person.mobile,
                 "sex": person.sex, "birth": person.birth, "licence": licence}
        return party, person, "当事人本人"
    rep = world.person(on=on, age=(32, 62))
    word = world.shop_word()
    if v.party == "business":
        kind = pick(rng, ("美发店", "足浴店", "美容店", "理发店"))
        name = f"{dd.city}{dd.name}{word}{kind}"
        party = {"name": name, "type": "individual", "credit_code": world.credit_code("92"),
                 "id_number": rep.id_number, "legal_representative": rep.name, "address": world.address(),
                 "phone": rep.mobile, "business_kind": kind}
        return party, rep, "经营者"
    sector = v.sector
    if sector in ("医疗机构", "传染病防治", "医疗废物", "放射诊疗"):
        kinds = {"放射诊疗": (("口腔门诊部", "口腔科；医学影像科"), ("口腔医院", "口腔科；医学影像科"),
                              ("医院", "内科；外科；医学影像科")),
                 "医疗废物": (("诊所", "内科；外科"), ("口腔门诊部", "口腔科"), ("门诊部", "内科；外科；妇科"))}
        general = (("诊所", "内科；外科"), ("门诊部", "内科；外科；妇科"), ("中医诊所", "中医科；内科"),
                   ("诊所", "全科医疗科"))
        if v.key == "infection_disinfection":
            general += (("口腔门诊部", "口腔科"),)
        kind, subjects = pick(rng, kinds.get(sector, general))
        name = f"{dd.city[:-1]}{dd.name[:-1]}{word}{kind}"
        prefix = "52" if kind != "医院" or rng.random() < 0.5 else "91"
    elif sector == "公共场所":
        venue = pick(rng, ("宾馆", "酒店", "旅馆"))
        name = f"{dd.city[:-1]}{word}{venue}有限公司"
        prefix = "91"
    elif sector == "生活饮用水":
        name = f"{dd.city[:-1]}{word}物业管理有限公司"
        prefix = "91"
    else:  # 职业卫生
        name = f"{dd.city[:-1]}{word}{pick(rng, ('精密机械', '金属制品', '五金制品', '家具制造'))}有限公司"
        prefix = "91"
    start = on - dt.timedelta(days=rng.randrange(400, 1500))
    party = {"name": name, "type": "organisation", "credit_code": world.credit_code(prefix), "id_number": None,
             "legal_representative": rep.name, "address": world.address(floor=sector in ("医疗机构", "医疗废物")),
             "phone": world.landline(), "licence": _licence_no(rng, dd),
             "licence_valid": f"{start.year}年{start.month}月{start.day}日至{start.year + 5}年{start.month}月{start.day - 1 or 1}日"}
    if sector in ("医疗机构", "传染病防治", "医疗废物", "放射诊疗"):
        party["subjects"] = subjects
        party["kind"] = kind
    if sector == "公共场所":
        party["venue"] = name.split(word)[1].replace("有限公司", "")
    if sector == "生活饮用水":
        party["estate"] = f"{pick(rng, ('锦绣', '阳光', '翠苑', '金色', '江南'))}{pick(rng, ('花园', '家园', '新城'))}小区"
    role = "法定代表人" if rng.random() < 0.6 else "负责人"
    return party, rep, role


# --- dates -----------------------------------------------------------------------------------


def _step(day: dt.date, rng: random.Random, lo: int, hi: int) -> dt.date:
    return add_workdays(day, rng.randrange(lo, hi + 1))


def _clock(rng: random.Random, start_hour: tuple[int, int], minutes: tuple[int, int]) -> tuple[str, str]:
    h = rng.randrange(*start_hour)
    m = rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
    length = rng.randrange(*minutes)
    end = h * 60 + m + length
    return f"{h}时{m:02d}分", f"{end // 60}时{end % 60:02d}分"


def ordinary_dates(sc_profile, rng: random.Random, inspected: dt.date, *, complaint: bool, hearing: bool,
                   hearing_held: bool, collective: bool, defence_mode: str, has_payment: bool,
                   sampling: bool) -> dict[str, dt.date | None]:
    """Working-day dates in statutory order (domain §2.1), periods respected."""
    dd: dict[str, dt.date | None] = {k: None for k in (
        "accepted", "filed", "inspected", "interview", "sampled", "test_report", "test_notified", "report",
        "panel", "legal_review", "collective", "notice_issued", "notice_served", "hearing_notice_served",
        "hearing_summons_served", "hearing", "defence", "recheck", "approval", "decided", "decision_served",
        "paid", "closed", "archived")}
    dd["inspected"] = inspected
    if complaint:
        dd["accepted"] = _back_workdays(inspected, rng.randrange(1, 3))
    else:
        dd["accepted"] = inspected
    dd["filed"] = _step(inspected, rng, 0 if not complaint else 1, 3)
    if (dd["filed"] - dd["accepted"]).days > 7:  # long holiday between: the complaint came in on inspection day
        dd["accepted"] = inspected
        dd["filed"] = add_workdays(inspected, 1)
        if (dd["filed"] - dd["accepted"]).days > 7:
            dd["filed"] = inspected
    dd["interview"] = _step(dd["filed"], rng, 1, 4)
    last = dd["interview"]
    if sampling:
        dd["sampled"] = inspected
        dd["test_report"] = _step(inspected, rng, 5, 8)
        dd["test_notified"] = _step(dd["test_report"], rng, 1, 2)
        last = max(last, dd["test_notified"])
    dd["report"] = _step(last, rng, 3, 7)
    dd["panel"] = _step(dd["report"], rng, 1, 2)
    dd["legal_review"] = _step(dd["panel"], rng, 1, 3)
    last = dd["legal_review"]
    if collective:
        dd["collective"] = _step(last, rng, 1, 3)
        last = dd["collective"]
    dd["notice_issued"] = _step(last, rng, 1, 2)
    dd["notice_served"] = _step(dd["notice_issued"], rng, 0, 2)
    if hearing:
        dd["hearing_notice_served"] = dd["notice_served"]
    period = max(sc_profile.defence_days, 5 if hearing else 0)
    window_end = add_workdays(dd["notice_served"], period)
    if hearing_held:
        request = _step(dd["notice_served"], rng, 1, 3)
        dd["hearing_summons_served"] = _step(request, rng, 1, 2)
        dd["hearing"] = _step(dd["hearing_summons_served"], rng, 8, 10)  # notice at least 7 working days before
        dd["defence"] = None
        dd["recheck"] = None
        approval_from = _step(dd["hearing"], rng, 1, 3)
    else:
        if defence_mode == "raised":
            dd["defence"] = _step(dd["notice_served"], rng, 1, period)
            dd["recheck"] = _step(dd["defence"], rng, 0, 1)
        elif defence_mode == "waived":
            dd["defence"] = _step(dd["notice_served"], rng, 0, 1)
        approval_from = add_workdays(window_end, 1)
        if dd["recheck"]:
            approval_from = max(approval_from, add_workdays(dd["recheck"], 1))
    dd["approval"] = _step(approval_from, rng, 0, 2)
    dd["decided"] = _step(dd["approval"], rng, 0, 1)
    dd["decision_served"] = _step(dd["decided"], rng, 0, 3)
    if has_payment:
        paid = workday_on_or_after(dd["decision_served"] + dt.timedelta(days=rng.randrange(1, 12)))
        if (paid - dd["decision_served"]).days > 15:
            paid = dd["decision_served"] + dt.timedelta(days=1)
            paid = workday_on_or_after(paid)
        dd["paid"] = paid
        dd["closed"] = _step(paid, rng, 2, 6)
    else:
        dd["closed"] = _step(dd["decision_served"], rng, 3, 8)
    dd["archived"] = _step(dd["closed"], rng, 0, 3)
    return dd


def _back_workdays(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day -= dt.timedelta(days=1)
        n -= is_workday(day)
    return day


def simple_dates(rng: random.Random, inspected: dt.date, has_payment: bool) -> dict[str, dt.date | None]:
    dd = {k: None for k in ("accepted", "filed", "inspected", "notice_issued", "notice_served",
                            "hearing_notice_served", "decided", "decision_served", "paid", "closed", "recorded")}
    dd["inspected"] = dd["decided"] = dd["decision_served"] = inspected
    dd["recorded"] = _step(inspected, rng, 1, 2)
    if has_payment:
        dd["paid"] = workday_on_or_after(inspected + dt.timedelta(days=rng.randrange(1, 10)))
    return dd


# --- the scenario ----------------------------------------------------------------------------


def _crosses(a: dt.date, b: dt.date, boundaries=BOUNDARIES) -> bool:
    return any(a < x <= b for x in boundaries)


def make_scenario(case_id: str, rng: random.Random, *, template: str | None = None, violation: str | None = None,
                  procedure: str | None = None, year: int | None = None, month: int | None = None,
                  defence_mode: str | None = None, hearing_held: bool | None = None,
                  complaint: bool | None = None) -> Scenario:
    tpl = TEMPLATES[template] if template else TEMPLATES[pick(rng, sorted(TEMPLATES))]
    district = pick(rng, DISTRICTS[tpl.province])
    if violation:
        v = law.VIOLATIONS[violation]
    else:
        pool = sorted(law.VIOLATIONS)
        if procedure == "simple":
            pool = [k for k in pool if "simple" in law.VIOLATIONS[k].procedures]
        v = law.VIOLATIONS[pick(rng, pool)]
    world = World(rng, district)

    # act/inspection date: the whole case (inspection to closing, <= 100 days) inside one legal setting,
    # not straddling a procedural-law boundary, and inside the calendar's data
    for _ in range(400):
        if year:
            lo = dt.date(year, month or 1, 1)
            hi = dt.date(year, month or 12, 28) if month else dt.date(year, 12, 31)
        else:
            lo, hi = dt.date(2020, 9, 1), dt.date(2025, 12, 31)
        lo, hi = max(lo, v.earliest), min(hi, v.latest, CALENDAR_END - dt.timedelta(days=110))
        if lo > hi:
            raise ValueError(f"{v.key}: no date in range")
        inspected = workday_on_or_after(lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1)))
        end = inspected + dt.timedelta(days=100)
        try:
            # a continuing act is judged by the law in force when it ends (here: the inspection)
            setting = v.setting(inspected, end)
        except ValueError:
            continue
        if not _crosses(inspected - dt.timedelta(days=1), end) and inspected.year == end.year:
            break
    else:
        raise ValueError(f"{v.key}: no date window found")

    party, rep, role = make_party(v, world, inspected)
    party_type = "organisation" if party["type"] == "organisation" else "individual"
    cert_serials = rng.sample(range(1, 400), 3)
    n_officers = 2 if rng.random() < 0.85 else 3
    officers = [Officer(world.person_name()[0], world.officer_certificate(tpl.cert_style, s))
                for s in cert_serials[:n_officers]]
    chief, head, deputy, panel_extra = (world.person_name()[0] for _ in range(4))
    reviewer = {"name": world.person_name()[0],
                "qualification": f"A{rng.randrange(2012, 2021)}{district.code}{rng.randrange(1, 9999):04d}",
                "head": world.person_name()[0]}
    interviewee = rep
    ctx = Ctx(rng, world, party, inspected, interviewee, role, district.agency,
              [{"name": o.name, "certificate": o.certificate} for o in officers])
    story = BUILDERS[v.key](ctx)

    # procedure: simple only where the law allows it
    if procedure is None:
        can_simple = simple_allowed(v, setting, inspected, party_type)
        procedure = "simple" if can_simple and rng.random() < (0.7 if v.key.startswith("publicplace_health") else 0.35) \
            else "ordinary"
    elif procedure == "simple" and not simple_allowed(v, setting, inspected, party_type):
        if violation is None:  # drawn at random: draw again (deterministically, from the same rng)
            return make_scenario(case_id, rng, template=template, procedure=procedure, year=year, month=month,
                                 defence_mode=defence_mode, hearing_held=hearing_held, complaint=complaint)
        raise ValueError(f"{v.key}: simple procedure not allowed on {inspected}")
    penalties, fine, income = choose_penalties(v, setting, inspected, story, rng, procedure, party_type)

    threshold = tpl.profile.hearing_organisation if party_type == "organisation" else tpl.profile.hearing_citizen
    hearing_right = procedure == "ordinary" and (
        (fine or 0) >= threshold or any(p["kind"] in ("吊销许可证件", "责令停产停业") for p in penalties))
    held = hearing_right and (hearing_held if hearing_held is not None else rng.random() < 0.3)
    collective = procedure == "ordinary" and ((fine or 0) >= tpl.profile.collective_fine or hearing_right)
    if complaint is None:
        complaint = rng.random() < 0.35
    if defence_mode is None:
        defence_mode = pick(rng, ("raised", "raised", "waived", "silent")) if story.defence else pick(
            rng, ("waived", "silent"))
    if defence_mode == "raised" and not story.defence:
        defence_mode = "waived"
    has_payment = bool(fine) or bool(income)

    if procedure == "ordinary":
        dates = ordinary_dates(tpl.profile, rng, inspected, complaint=complaint, hearing=hearing_right,
                               hearing_held=held, collective=collective, defence_mode=defence_mode,
                               has_payment=has_payment, sampling=story.sampling is not None)
    else:
        dates = simple_dates(rng, inspected, has_payment)
        complaint = False
    times = {
        "inspection": _clock(rng, (9, 15), (25, 70)), "interview": _clock(rng, (9, 16), (35, 80)),
        "defence": _clock(rng, (9, 16), (15, 40)), "panel": _clock(rng, (9, 16), (25, 50)),
        "collective": _clock(rng, (9, 16), (30, 60)), "hearing": _clock(rng, (9, 15), (50, 100)),
        "notice_served": _clock(rng, (9, 17), (5, 10))[0], "decision_served": _clock(rng, (9, 17), (5, 10))[0],
        "decision": _clock(rng, (10, 16), (5, 10))[1],
    }
    year_no = dates["decided"].year
    seq = rng.randrange(3, 88)
    cat = v.category
    if procedure == "simple":
        case_number = f"{district.abbr}卫{cat}当罚〔{year_no}〕{seq}号"
        notice_number = hearing_number = None
    else:
        case_number = f"{district.abbr}卫{cat}罚〔{year_no}〕{seq}号"
        notice_number = f"{district.abbr}卫{cat}罚告〔{dates['notice_issued'].year}〕{seq}号"
        hearing_number = f"{district.abbr}卫{cat}听告〔{dates['notice_issued'].year}〕{seq}号" if hearing_right else None
    if complaint:
        src = pick(rng, ("投诉举报（12345政务服务便民热线转办）", "投诉举报（来信）", "投诉举报（电话）"))
        complaint_data = {"channel": src.split("（")[1].rstrip("）"), "reporter": pick(rng, ("匿名", "实名（要求保密）")),
                          "summary": f"举报人反映：{party['name']}（{party['address']}）涉嫌{story.cause_short}，要求查处。"}
    else:
        src = pick(rng, ("日常监督检查", "“双随机、一公开”抽查", "专项监督检查"))
        complaint_data = None
    sc = Scenario(
        case_id=case_id, seed="", template=tpl, district=district, violation=v, setting=setting,
        procedure=procedure, party=party, interviewee=interviewee, interviewee_role=role, officers=officers,
        chief=chief, head=head, deputy=deputy, reviewer=reviewer, panel_extra=panel_extra,
        recorder=officers[1].name, story=story, penalties=penalties, fine=fine, income=income, dates=dates,
        times=times, case_number=case_number, notice_number=notice_number, hearing_number=hearing_number,
        source=src, complaint=complaint_data, hearing_right=hearing_right, hearing_held=held, collective=collective,
        defence_mode=defence_mode,
        payment_no=f"{district.code[:2]}{rng.randrange(10**9, 10**10)}",
        form_serial=f"No {district.code}{rng.randrange(10**6, 10**7)}",
    )
    if setting.note:
        sc.notes.append(setting.note)
    return sc


# --- the clean-file invariants ---------------------------------------------------------------


def check_clean(sc: Scenario) -> list[str]:
    """Statutory periods and data rules a clean scenario must obey; returns the problems found."""
    out: list[str] = []
    p, dd = sc.party, sc.dates
    if p.get("credit_code") and not uscc_valid(p["credit_code"]):
        out.append(f"credit code {p['credit_code']}")
    for number in (p.get("id_number"), sc.interviewee.id_number):
        if number and not id_valid(number):
            out.append(f"id number {number}")
    for key, value in dd.items():
        if value is not None and not is_workday(value):
            out.append(f"{key} {value} is not a working day")
        if value is not None and value > CALENDAR_END:
            out.append(f"{key} {value} beyond the calendar")
    if len(sc.officers) < 2:
        out.append("fewer than two officers")
    on = dd["decided"]
    kinds = [x["kind"] for x in sc.penalties]
    allowed = {s["kind"] for s in sc.setting.base_sanctions(on)}
    if not set(kinds) <= allowed:
        out.append(f"kinds {kinds} not in {allowed}")
    for s in sc.setting.base_sanctions(on):
        if s["mode"] == "mandatory" and s["kind"] in ("警告", "通报批评", "罚款") and s["kind"] not in kinds:
            out.append(f"mandatory {s['kind']} missing")
        if s["kind"] == "罚款" and sc.fine is not None:
            lo, hi = fine_bounds(s, sc.income)
            if not lo <= sc.fine <= hi:
                out.append(f"fine {sc.fine} outside [{lo}, {hi}]")
    if sc.procedure == "simple":
        limit = law.simple_procedure_limit(on, sc.party_type)
        if sc.fine is not None and sc.fine > limit:
            out.append(f"simple procedure fine {sc.fine} > {limit}")
        if dd["decision_served"] != dd["decided"]:
            out.append("on-the-spot decision not delivered on the spot")
        if dd["paid"] and (dd["paid"] - dd["decision_served"]).days > 15:
            out.append("paid after 15 days")
        return out
    if (dd["filed"] - dd["accepted"]).days > 7:
        out.append("filed more than 7 days after acceptance")
    order = ["filed", "interview", "report", "panel", "legal_review", "collective", "notice_issued", "notice_served",
             "defence", "recheck", "approval", "decided", "decision_served", "paid", "closed", "archived"]
    seq = [dd[k] for k in order if dd.get(k)]
    if seq != sorted(seq):
        out.append("acts out of order")
    if dd["inspected"] > dd["filed"] and dd["inspected"] != dd["accepted"]:
        out.append("inspection after filing")
    period = max(sc.template.profile.defence_days, law.hearing_request_days(on) if sc.hearing_right else 0)
    if dd["decided"] <= add_workdays(dd["notice_served"], period):
        out.append("decided inside the defence/hearing request period")
    if sc.hearing_held and workdays_between(dd["hearing_summons_served"], dd["hearing"]) < 7:
        out.append("hearing notice less than 7 working days before the hearing")
    limit, _ = law.decision_deadline_days(dd["filed"])
    if (dd["decided"] - dd["filed"]).days > limit:
        out.append("decision after the deadline")
    if workdays_between(dd["decided"], dd["decision_served"]) > 7:
        out.append("decision served after 7 working days")
    if dd["paid"] and (dd["paid"] - dd["decision_served"]).days > 15:
        out.append("paid after 15 days")
    if dd["paid"] and dd["closed"] < dd["paid"]:
        out.append("closed before payment")
    threshold = sc.template.profile.hearing_organisation if sc.party_type == "organisation" \
        else sc.template.profile.hearing_citizen
    if (sc.fine or 0) >= threshold and not sc.hearing_right:
        out.append("hearing right missing")
    return out


def to_iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


__all__ = ["Scenario", "make_scenario", "check_clean", "fine_bounds", "d"]
