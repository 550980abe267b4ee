"""The facts of one zoo case: party, officers, law, dates — legally consistent by construction.

Articles and fine ranges come from the generator's law table (``samples/generator/law.py``, which
reads the project's law registry built from shared/laws); dates are counted on the Chinese
working-day calendar (行政处罚法 第八十五条: periods of days under the law are working days).
Every name, address, code and number is invented; check characters follow GB 32100 / GB 11643.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from samples.generator import law
from samples.generator.util import (
    add_workdays,
    id_check,
    org_code_check,
    uscc_check,
    workday_on_or_after,
)

D = dt.date.fromisoformat

# 陈述、申辩 period stated in every zoo notice: 5 working days (longer than the profile's 3).
DEFENCE_DAYS = 5


@dataclass(frozen=True)
class Agency:
    name: str
    abbr: str  # 地区简称 in 文号 (卫生行政执法文书规范 第四条)
    government: str  # review body from 2024-01-01 (行政复议法 2023 第二十四条)
    court: str
    address: str
    phone: str


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    birth: dt.date
    id_number: str
    mobile: str
    post: str
    home: str

    def age_on(self, day: dt.date) -> int:
        return day.year - self.birth.year - ((day.month, day.day) < (self.birth.month, self.birth.day))


@dataclass(frozen=True)
class Party:
    name: str
    type: str  # organisation | business | individual
    credit_code: str
    rep: Person
    address: str
    phone: str
    licence: str  # 执业许可证登记号 / 卫生许可证号


@dataclass
class Story:
    case_id: str
    family: str
    procedure: str  # ordinary | simple
    violation: str  # key of samples.generator.law.VIOLATIONS
    agency: Agency
    party: Party
    officers: list[tuple[str, str]]  # (name, certificate number)
    chief: str  # 承办机构负责人
    head: str  # 机关负责人
    panel_extra: str
    number: int  # sequence number in the case numbers
    fine: int
    warning: bool
    facts: str  # the violation as the decision states it
    place: str
    findings: list[str]  # what the inspection record saw
    dates: dict[str, dt.date] = field(default_factory=dict)
    seal: bool = True  # "（印章）" on documents given to the party
    waived: bool = True  # the party waived 陈述、申辩 in writing (a 陈述和申辩笔录 is filed)
    defects: list[dict] = field(default_factory=list)
    overrides: dict[str, str] = field(default_factory=dict)  # text replacements planted by defects

    # --- law -----------------------------------------------------------------------------------

    @property
    def setting(self) -> law.Setting:
        return law.VIOLATIONS[self.violation].setting(self.dates["inspected"], self.dates.get("decided"))

    @property
    def on(self) -> dt.date:
        return self.dates["decided"]

    def violated_text(self) -> str:
        return "、".join(r.text(self.on) for r in self.setting.violated)

    def basis_text(self) -> str:
        return "、".join(r.text(self.on) for r in self.setting.basis)

    def category(self) -> str:
        return law.VIOLATIONS[self.violation].category

    def case_number(self, kind: str = "罚") -> str:
        return f"{self.agency.abbr}卫{self.category()}{kind}〔{self.on.year}〕{self.number}号"

    def notice_number(self) -> str:
        return self.case_number("罚告")

    def cause(self) -> str:
        return f"{self.party.name}{law.VIOLATIONS[self.violation].name}案"

    def officer_names(self, sep: str = "、") -> str:
        return sep.join(n for n, _ in self.officers)

    def penalty_words(self) -> str:
        parts = ["警告"] if self.warning else []
        if self.fine:
            parts.append(f"罚款人民币{rmb_words(self.fine)}（¥{self.fine:,.2f}）")
        return "，并处".join(parts) if len(parts) == 2 else "".join(parts)

    def review_body(self) -> str:
        return self.agency.government

    def check(self) -> list[str]:
        """What would make the clean story unlawful (empty for a lawful file)."""
        problems = []
        sanctions = {s["kind"]: s for s in self.setting.base_sanctions(self.on)}
        if self.fine:
            fine = sanctions.get("罚款", {}).get("fine")
            lo = getattr(fine, "min", None) if fine is not None and not isinstance(fine, dict) else (fine or {}).get("min")
            hi = getattr(fine, "max", None) if fine is not None and not isinstance(fine, dict) else (fine or {}).get("max")
            if fine is None or (lo is not None and self.fine < lo) or (hi is not None and self.fine > hi):
                problems.append(f"fine {self.fine} outside {lo}–{hi}")
        if self.warning and "警告" not in sanctions:
            problems.append("警告 not a sanction of the basis")
        d = self.dates
        if self.procedure == "ordinary":
            order = ["inspected", "filed", "interview", "report", "panel", "notice_issued", "notice_served",
                     "approval", "decided", "decision_served", "paid", "closed"]
            for a, b in zip(order, order[1:], strict=False):
                if d[a] > d[b]:
                    problems.append(f"{a} after {b}")
            if not self.waived and d["approval"] <= add_workdays(d["notice_served"], DEFENCE_DAYS):
                problems.append("decision before the defence period ends")
            if d["decision_served"] > add_workdays(d["decided"], 7):
                problems.append("decision served late")
            if (d["decided"] - d["filed"]).days > 89:
                problems.append("decided later than 3 months after filing")
        if (d["paid"] - d["decision_served"]).days > 15:
            problems.append("paid after 15 days")
        if self.procedure == "simple" and self.fine > law.simple_procedure_limit(self.on, self.party.type):
            problems.append("simple procedure above its limit")
        return problems


def rmb_words(n: int) -> str:
    from samples.generator.util import rmb_upper
    return rmb_upper(n)


def ordinary_dates(inspected: str) -> dict[str, dt.date]:
    """A lawful ordinary-procedure timeline starting from an inspection on a working day."""
    d0 = workday_on_or_after(D(inspected))
    d: dict[str, dt.date] = {"inspected": d0, "accepted": d0}
    d["filed"] = add_workdays(d0, 1)
    d["interview"] = add_workdays(d["filed"], 2)
    d["report"] = add_workdays(d["interview"], 4)
    d["panel"] = add_workdays(d["report"], 1)
    d["notice_issued"] = add_workdays(d["panel"], 2)
    d["notice_served"] = d["notice_issued"]
    d["defence"] = add_workdays(d["notice_served"], 2)
    d["approval"] = add_workdays(d["notice_served"], DEFENCE_DAYS + 2)
    d["decided"] = add_workdays(d["approval"], 1)
    d["decision_served"] = add_workdays(d["decided"], 1)
    d["paid"] = d["decision_served"] + dt.timedelta(days=6)
    d["closed"] = add_workdays(d["paid"], 3)
    return d


def simple_dates(inspected: str) -> dict[str, dt.date]:
    d0 = workday_on_or_after(D(inspected))
    return {"inspected": d0, "decided": d0, "decision_served": d0, "paid": d0 + dt.timedelta(days=5),
            "filed_record": add_workdays(d0, 1)}


def uscc(prefix: str, region: str, body: str) -> str:
    """A GB 32100 code: 2-char registration type, 6-digit region, 9-char organisation code (its last
    character the GB 11714 check of the first 8 of ``body``), and the check character."""
    org = body[:8] + org_code_check(body[:8])
    first17 = f"{prefix}{region}{org}"
    assert len(first17) == 17, first17
    return first17 + uscc_check(first17)


def id_number(region: str, birth: dt.date, seq: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{seq}"
    return first17 + id_check(first17)


def person(name: str, sex: str, birth: str, region: str, seq: str, mobile: str, post: str, home: str) -> Person:
    b = D(birth)
    return Person(name, sex, b, id_number(region, b, seq), mobile, post, home)


def with_dates(story: Story, **changes: dt.date) -> Story:
    dates = dict(story.dates)
    dates.update(changes)
    return replace(story, dates=dates)
