"""Legal facts the generator needs, correct for the act date.

Provisions are resolved through the project's law registry (``audit.law.Registry``): the
version in force on the act date, its article text (quoted in documents), and the curated
penalty facts of ``checklists/law/penalties.yaml`` (kinds, modes, fine ranges). Where the
curated file has no entry (传染病防治法 2013 第七十三条), the range is declared here and
``tests/generator`` checks the quote against the statute text.

Procedural law by the date of the act (行政处罚法 numbering, review body, simple-procedure
limits, decision period) is here too, with its sources in comments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from audit.law.registry import PenaltyFacts, Registry

from .util import article_ref, cite, cn_number

D = dt.date.fromisoformat

# 行政处罚法 2021 in force 2021-07-15 (第八十六条); 行政复议法 2023 from 2024-01-01 (第九十条);
# 卫生健康行政处罚程序规定 (令第13号) replaced 卫生行政处罚程序 (1997) on 2025-06-01 [domain §0].
PENALTY_LAW_2021 = D("2021-07-15")
REVIEW_LAW_2023 = D("2024-01-01")
HEALTH_PROCEDURE_2025 = D("2025-06-01")
PHYSICIANS_LAW = D("2022-03-01")  # 医师法 第六十七条; 执业医师法 repealed the same day


@cache
def registry() -> Registry:
    return Registry.load()


@dataclass(frozen=True)
class Ref:
    """A provision as cited: work key (registry), article, 款, 项."""

    work: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    def version_id(self, on: dt.date) -> str:
        version = registry().instrument(self.work, on=on)
        if version is None:
            raise ValueError(f"{self.work} not in force on {on}")
        return version.id

    def title(self, on: dt.date) -> str:
        return registry().instrument(self.work, on=on).title

    def short(self, on: dt.date) -> str:
        """Instrument name as truth.json records it (no 《》, no 中华人民共和国)."""
        return registry().instrument(self.work, on=on).short_title

    def text(self, on: dt.date, *, full_title: bool = True) -> str:
        title = self.title(on) if full_title else self.short(on)
        return cite(title, self.article, self.paragraph, self.item)

    def quote(self, on: dt.date) -> str:
        """The cited text: the 项 when cited to an item (with its lead-in), else the article/款."""
        reg = registry()
        art = reg.article(self.version_id(on), self.article)
        if art is None:
            raise ValueError(f"no text for {self} on {on}")
        para = art.paragraph(self.paragraph or 1) if (self.paragraph or self.item) else None
        if self.item:
            return f"{para.text}……{para.items[self.item - 1]}"
        if para is not None and self.paragraph:
            return para.text
        return art.text.replace("\n", "")

    def truth(self, on: dt.date) -> dict:
        return {"instrument": self.short(on), "article": self.article, "paragraph": self.paragraph,
                "item": self.item}


@dataclass(frozen=True)
class Setting:
    """What the law says about one violation for acts in [start, end]."""

    start: dt.date
    end: dt.date
    violated: tuple[Ref, ...]
    basis: tuple[Ref, ...]
    penalty: Ref  # the provision whose penalty facts apply (usually basis[-1])
    order: str  # 责令… wording of the text
    # When penalties.yaml has no entry: the facts declared here (verified by tests)
    declared: dict | None = None
    note: str = ""

    def facts(self, on: dt.date) -> PenaltyFacts | None:
        return registry().penalty(self.penalty.version_id(on), self.penalty.article, self.penalty.paragraph)

    def base_sanctions(self, on: dt.date) -> list[dict]:
        """The base tier's sanctions as plain dicts: kind, mode, fine (min, max | multiples)."""
        if self.declared is not None:
            return [dict(s) for s in self.declared["sanctions"]]
        pf = self.facts(on)
        if pf is None:
            raise ValueError(f"no penalty facts for {self.penalty} on {on}")
        tier = next(t for t in pf.tiers if t.condition in (None, "根据情节轻重"))
        out = []
        for s in tier.sanctions:
            entry = {"kind": s.kind, "mode": s.mode, "phrase": s.phrase}
            if s.fine is not None:
                entry["fine"] = s.fine
            if s.fine_note:
                entry["fine_note"] = s.fine_note
            out.append(entry)
        return out

    def penalty_quote(self, on: dt.date) -> str:
        if self.declared is not None:
            return self.declared["quote"]
        pf = self.facts(on)
        tier = next(t for t in pf.tiers if t.condition in (None, "根据情节轻重"))
        return tier.quote


@dataclass(frozen=True)
class Violation:
    key: str
    name: str  # Chinese name of the violation type
    sector: str  # 医疗机构 / 医师 / 公共场所 / 生活饮用水 / 职业卫生 / 传染病防治 / 医疗废物 / 放射诊疗
    category: str  # 执法类别 letter in the case number: 医 公 职 放 传 水
    party: str  # organisation | individual | business (个体工商户)
    settings: tuple[Setting, ...]
    procedures: tuple[str, ...] = ("ordinary",)
    earliest: dt.date = D("2020-06-01")
    latest: dt.date = D("2025-12-31")
    notes: tuple[str, ...] = field(default_factory=tuple)

    def setting(self, act: dt.date, decided: dt.date | None = None) -> Setting:
        """The setting for an act date; the decision must fall in the same window (clean cases)."""
        for s in self.settings:
            if s.start <= act <= s.end and (decided is None or decided <= s.end):
                return s
        raise ValueError(f"{self.key}: no single legal setting for act {act} / decision {decided}")

    def windows(self) -> list[tuple[dt.date, dt.date]]:
        return [(max(s.start, self.earliest), min(s.end, self.latest)) for s in self.settings]


MI = "医疗机构管理条例"
END = D("2026-12-31")

VIOLATIONS: dict[str, Violation] = {}


def _add(v: Violation) -> None:
    VIOLATIONS[v.key] = v


_add(Violation(
    "medinst_staff", "医疗机构使用非卫生技术人员从事医疗卫生技术工作", "医疗机构", "医", "organisation",
    (
        Setting(D("2016-02-06"), D("2022-04-30"), (Ref(MI, 28),), (Ref(MI, 48),), Ref(MI, 48), "责令其限期改正"),
        Setting(D("2022-05-01"), END, (Ref(MI, 27),), (Ref(MI, 47),), Ref(MI, 47), "责令其限期改正"),
    ),
))
_add(Violation(
    "medinst_scope", "医疗机构诊疗活动超出登记范围", "医疗机构", "医", "organisation",
    (
        Setting(D("2016-02-06"), D("2022-04-30"), (Ref(MI, 27),), (Ref(MI, 47),), Ref(MI, 47), "责令其改正"),
        Setting(D("2022-05-01"), END, (Ref(MI, 26),), (Ref(MI, 46),), Ref(MI, 46), "责令其改正"),
    ),
    procedures=("ordinary", "simple"),
))
_add(Violation(
    "medinst_unlicensed", "未取得《医疗机构执业许可证》擅自执业", "医疗机构", "医", "individual",
    (
        # 基本医疗卫生与健康促进法 (in force 2020-06-01) 第九十九条第一款 is the higher-ranking, heavier
        # provision (行政处罚法 第二十九条); from 2022-05-01 条例 第四十三条第一款 itself refers to it.
        Setting(D("2020-06-01"), D("2022-04-30"), (Ref(MI, 24),),
                (Ref("基本医疗卫生与健康促进法", 99, 1),), Ref("基本医疗卫生与健康促进法", 99, 1), "责令停止执业活动"),
        Setting(D("2022-05-01"), END, (Ref(MI, 23),),
                (Ref(MI, 43, 1), Ref("基本医疗卫生与健康促进法", 99, 1)), Ref("基本医疗卫生与健康促进法", 99, 1),
                "责令停止执业活动"),
    ),
))
_add(Violation(
    "physician_scope", "医师未按照注册的执业范围执业", "医师", "医", "individual",
    (Setting(PHYSICIANS_LAW, END, (Ref("医师法", 14, 1),), (Ref("医师法", 57),), Ref("医师法", 57), "责令改正"),),
    earliest=D("2022-03-01"),
))
_add(Violation(
    "publicplace_health_cert", "公共场所从业人员未取得健康合格证明从事直接为顾客服务的工作", "公共场所", "公", "business",
    (
        # 疾病预防控制部门 takes over public-place hygiene from 2025-01-20 (2024 text, 第三条、第四条、第八条):
        # cases decided by a 卫生健康局 stay before that date.
        Setting(D("2019-04-23"), D("2025-01-19"), (Ref("公共场所卫生管理条例", 7),),
                (Ref("公共场所卫生管理条例", 14, 1, 2),), Ref("公共场所卫生管理条例", 14, 1), "责令改正",
                note="公共场所罚款幅度由《公共场所卫生管理条例实施细则》规定，其文本不在 shared/laws 中，无法核对；本案只给予警告。"),
    ),
    procedures=("simple", "ordinary"),
    latest=D("2025-01-10"),
))
_add(Violation(
    "publicplace_no_licence", "公共场所未取得卫生许可证擅自营业", "公共场所", "公", "organisation",
    (
        Setting(D("2019-04-23"), D("2025-01-19"), (Ref("公共场所卫生管理条例", 8),),
                (Ref("公共场所卫生管理条例", 14, 1, 4),), Ref("公共场所卫生管理条例", 14, 1), "责令改正",
                note="公共场所罚款幅度由《公共场所卫生管理条例实施细则》规定，其文本不在 shared/laws 中，无法核对；本案只给予警告。"),
    ),
    latest=D("2025-01-10"),
))
_add(Violation(
    "water_quality", "饮用水供水单位供应的饮用水不符合国家卫生标准", "生活饮用水", "水", "organisation",
    (
        Setting(D("2013-06-29"), D("2025-08-31"), (Ref("传染病防治法", 29, 1),), (Ref("传染病防治法", 73, None, 1),),
                Ref("传染病防治法", 73), "责令限期改正",
                declared={
                    "quote": "由县级以上人民政府卫生行政部门责令限期改正，没收违法所得，可以并处五万元以下的罚款",
                    "sanctions": [
                        {"kind": "没收违法所得", "mode": "mandatory", "phrase": "没收违法所得"},
                        {"kind": "罚款", "mode": "optional", "phrase": "可以并处五万元以下的罚款",
                         "fine": {"min": None, "max": 50000}},
                    ],
                },
                note="传染病防治法（2013）第七十三条未收入 checklists/law/penalties.yaml，幅度按条文原文（五万元以下）。"),
    ),
    latest=D("2025-07-31"),
))
_add(Violation(
    "occupational_undeclared", "未按照规定申报职业病危害项目", "职业卫生", "职", "organisation",
    (Setting(D("2018-12-29"), END, (Ref("职业病防治法", 16, 2),), (Ref("职业病防治法", 71, None, 1),),
             Ref("职业病防治法", 71), "责令限期改正"),),
))
_add(Violation(
    "infection_disinfection", "医疗机构未按照规定对医疗器械进行消毒", "传染病防治", "传", "organisation",
    (
        # 2025 revision (from 2025-09-01) sends this item to the medical-device laws (第一百零四条第三款).
        Setting(D("2013-06-29"), D("2025-08-31"), (Ref("传染病防治法", 51, 2),), (Ref("传染病防治法", 69, None, 5),),
                Ref("传染病防治法", 69), "责令改正"),
    ),
    latest=D("2025-07-31"),
))
_add(Violation(
    "waste_mixing", "将医疗废物混入生活垃圾", "医疗废物", "医", "organisation",
    (Setting(D("2011-01-08"), END, (Ref("医疗废物管理条例", 14, 2),), (Ref("医疗废物管理条例", 47, None, 1),),
             Ref("医疗废物管理条例", 47), "责令限期改正"),),
))
_add(Violation(
    "waste_sorting", "未将医疗废物按照类别分置于专用包装物或者容器", "医疗废物", "医", "organisation",
    (Setting(D("2011-01-08"), END, (Ref("医疗废物管理条例", 16, 1),), (Ref("医疗废物管理条例", 46, None, 2),),
             Ref("医疗废物管理条例", 46), "责令限期改正"),),
    procedures=("simple", "ordinary"),
))
_add(Violation(
    "radiation_health_exam", "未按照规定组织放射工作人员职业健康检查", "放射诊疗", "放", "organisation",
    (
        # 医疗机构放射性职业病危害控制由卫生行政部门依照职业病防治法实施（第八十七条）; 放射诊疗管理规定
        # (the department rule) is not in shared/laws, so the case rests on the law itself.
        Setting(D("2018-12-29"), END, (Ref("职业病防治法", 35, 1),), (Ref("职业病防治法", 71, None, 4),),
                Ref("职业病防治法", 71), "责令限期改正",
                note="《放射诊疗管理规定》文本不在 shared/laws 中；本案依据《职业病防治法》第三十五条第一款、第七十一条第（四）项及第八十七条。"),
    ),
))


# --- procedural law by date ---------------------------------------------------------------------


def penalty_law_articles(on: dt.date) -> dict[str, str]:
    """行政处罚法 articles a document cites, numbered for the version in force on ``on``.

    Old numbers (1996/2009/2017) from checklists/law/renumbering.yaml: 31→44, 32→45, 42→63/64,
    51→72; 2021 text for the rest.
    """
    if on >= PENALTY_LAW_2021:
        return {"notice": "第四十四条", "defence": "第四十五条", "hearing": "第六十三条、第六十四条",
                "surcharge": "第七十二条第一款第（一）项", "notice_pair": "第四十四条、第四十五条",
                "simple": "第五十一条", "version": "2021"}
    return {"notice": "第三十一条", "defence": "第三十二条", "hearing": "第四十二条",
            "surcharge": "第五十一条第（一）项", "notice_pair": "第三十一条、第三十二条",
            "simple": "第三十三条", "version": "2017"}


OLD_NUMBERING = {"notice_pair": "第三十一条、第三十二条", "surcharge": "第五十一条第（一）项", "hearing": "第四十二条"}


def simple_procedure_limit(on: dt.date, party_type: str) -> int:
    """Fine limit of the simple procedure: 200/3000 yuan (2021 第五十一条), 50/1000 before."""
    individual = party_type == "individual"
    if on >= PENALTY_LAW_2021:
        return 200 if individual else 3000
    return 50 if individual else 1000


def hearing_request_days(on: dt.date) -> int:
    """Working days to ask for a hearing: 5 (2021 第六十四条第（一）项), 3 before (old 第四十二条)."""
    return 5 if on >= PENALTY_LAW_2021 else 3


def review_first_required(on: dt.date) -> bool:
    """行政复议法 2023 第二十三条第一款第（一）项: review first for on-the-spot decisions."""
    return on >= REVIEW_LAW_2023


def decision_deadline_days(filed: dt.date) -> tuple[int, str]:
    """(limit in days, basis) for deciding after filing.

    Before 2025-06-01: 3 months (卫生行政处罚程序 第二十九条 as amended by 卫政法发〔2006〕68号);
    from 2025-06-01 the 2025 rule's period is unverified, so the law's 90 days (行政处罚法 第六十条).
    Clean files decide within 60 days, well inside both.
    """
    if filed < HEALTH_PROCEDURE_2025:
        return 89, "卫生行政处罚程序（3个月）"
    return 90, "行政处罚法第六十条（90日）"


def remedy_text(district, decided: dt.date, *, simple: bool) -> dict:
    """Review body and wording correct for the decision date."""
    if decided >= REVIEW_LAW_2023:
        body = district.government
    else:
        body = f"{district.government}或者{district.city_health}"
    return {"review_body": body, "court": district.court}


def article_label(ref: Ref) -> str:
    return article_ref(ref.article, ref.paragraph, ref.item)


__all__ = [
    "VIOLATIONS", "Ref", "Setting", "Violation", "cn_number", "penalty_law_articles", "registry",
    "simple_procedure_limit", "hearing_request_days", "review_first_required", "decision_deadline_days",
    "remedy_text", "OLD_NUMBERING",
]
