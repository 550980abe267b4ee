"""Checks that read the penalty provisions: obligation link, kinds allowed, fine range, companions.

All four judge the penalty basis of the decision under the version(s) that apply (see
``audit.checks.legal``). A check fails only when the registry holds curated facts for every
penalty provision cited and the decision contradicts them under every candidate version; a
provision without curated facts, an instrument without text, an unknown 违法所得 … give
``needs_review`` with the reason.

Length: four kinds over one setup (basis provisions under every candidate version, with the
tiers and scenarios of a fine) that they share; each kind is about a hundred lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

from audit.checks.legal import (
    DECISIONS,
    BasisProvision,
    Cited,
    Imposed,
    Reading,
    basis_provisions,
    cited,
    decision_date,
    doc_name,
    first_decision,
    imposed,
    in_doc,
    kind_of,
    law_text,
    link,
    obligation_labels,
    readings,
    review_note,
    versions_by_work,
    where,
)
from audit.checks.registry import Outcome, check_kind
from audit.law.registry import Fine, PenaltyFacts, Registry, Tier
from audit.law.resolve import version_cn
from audit.model import Case, Document, Field
from audit.model import Status as S
from audit.parse.decision_text import clean_text, stated_as_own

Date = dt.date

LOOKBACK = "years before the decision an act of unknown date may lie in (行政处罚法 第三十六条); no lookback when absent"



@dataclass(slots=True)
class Setup:
    reg: Registry
    case: Case
    doc: Document
    violated: list[Cited]
    basis: list[Cited]
    reads: dict[str, Reading]
    text: str  # flat text of the decision, page furniture removed
    borrowed: str = ""  # what was taken from another document when the decision states none
    source: str = ""  # that document's type

    @property
    def depth(self) -> int:
        """How many version readings to try (max candidate versions over the works cited)."""
        return max([len(r.versions) for r in self.reads.values()] or [1])

    @property
    def old(self) -> list[Reading]:
        return [r for r in self.reads.values() if r.old is not None]

    @property
    def prefix(self) -> str:
        return f"决定书未载明{self.borrowed}，按{doc_name(self.source)}所引条款核对：" if self.borrowed else ""


# Where to read the citations when the decision states none (the decision remains the evidence
# of the penalty; LAW001 reports the missing citation itself).
FALLBACK = ("decision_approval", "advance_notice")


def setup(case: Case, params: dict[str, Any]) -> Setup | Outcome:
    doc = first_decision(case)
    types: tuple[str, ...] = DECISIONS
    if doc is None:
        # without the decision, a published penalty record (双公示) states its penalty and basis:
        # those are judged against the law as the decision's would be
        doc = next(iter(case.documents_of("publication")), None)
        types = ("publication",)
    if doc is None:
        return Outcome(S.NOT_APPLICABLE, note="案卷中未识别到行政处罚决定书")
    reg = Registry.load()
    violated = in_doc(cited(case, "violated", types), doc)
    basis = in_doc(cited(case, "basis", types), doc)
    borrowed, source = [], ""
    for role, items in (("violated", violated), ("basis", basis)):
        if items:
            continue
        for fallback in FALLBACK:
            found = cited(case, role, [fallback])
            if found:
                items.extend(found)
                borrowed.append("违反条款" if role == "violated" else "处罚依据")
                source = source or fallback
                break
    if not basis:
        return Outcome(S.NOT_APPLICABLE, note="案卷中未识别到处罚依据（是否载明处罚依据由LAW001核查）")
    reads = readings(reg, case, violated, basis, params.get("unknown_act_lookback_years"))
    return Setup(reg, case, doc, violated, basis, reads, clean_text(case, doc).flat, "和".join(borrowed), source)


def _old_note(st: Setup) -> str:
    works = "、".join(f"《{r.work.title}》（{version_cn(r.old)}）" for r in st.old)
    return f"处罚依据的条文编号与已失效的{works}一致（由LAW015报告），请对照现行条文人工核查"


def _dedupe(provisions: list[BasisProvision]) -> list[BasisProvision]:
    """One provision per set of penalty facts (条例第四十三条第一款 refers to 基本法第九十九条第一款 …)."""
    seen: set[tuple] = set()
    out = []
    for p in provisions:
        key = tuple(sorted((f.instrument, f.article, f.paragraph or 0) for f in p.facts))
        if p.kind == "penalty" and key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out


def _mismatched(st: Setup, provisions: list[BasisProvision]) -> str:
    """A note when a penalty provision demonstrably does not punish the violated provision."""
    if not st.violated:
        return ""
    for p in provisions:
        if p.kind != "penalty":
            continue
        if link(st.reg, p.version, p.cited.citation, p.facts, st.violated, versions_by_work(st.reads)).answer is False:
            return (f"处罚依据{p.display}与违反条款不对应（由LAW005报告），处罚种类和幅度应按实际适用的罚则人工核查")
    return ""


def _try_readings(st: Setup, judge: Callable[[list[BasisProvision]], Outcome], *, check_link: bool = True) -> Outcome:
    """Judge under each version reading; pass if any passes, fail only if every reading fails."""
    verdicts = []
    for i in range(st.depth):
        provisions = _dedupe(basis_provisions(st.reg, st.basis, st.reads, i))
        mismatch = _mismatched(st, provisions) if check_link else ""
        verdict = Outcome(S.NEEDS_REVIEW, note=mismatch) if mismatch else judge(provisions)
        if verdict.status is S.FAIL and st.prefix:
            verdict.values["problems"] = st.prefix + verdict.values.get("problems", "")
        verdicts.append(verdict)
    for status in (S.PASS, S.NOT_APPLICABLE, S.NEEDS_REVIEW):
        found = next((v for v in verdicts if v.status is status), None)
        if found is not None:
            if status is S.PASS and len(verdicts) > 1 and any(v.status is S.FAIL for v in verdicts):
                found.note = "违法行为发生时与作出决定时施行的版本不同（从旧兼从轻），按其中一个版本符合要求"
            return _with_evidence(st, found)
    return verdicts[0]


def _with_evidence(st: Setup, verdict: Outcome) -> Outcome:
    """A needs_review answer points at what it is about: the basis cited and the penalties imposed."""
    if verdict.status is S.NEEDS_REVIEW and not verdict.evidence:
        verdict.evidence = [c.field for c in st.basis] + [g.field for g in imposed(st.doc)]
    return verdict


def _review(st: Setup, note: str) -> Outcome:
    return _with_evidence(st, Outcome(S.NEEDS_REVIEW, note=note))


def _law(p: BasisProvision) -> str:
    """《X》第N条：text (for messages)."""
    return law_text(p.resolution)


# ----------------------------------------------------------------------------- obligation link


@check_kind("law_obligation_link", unknown_act_lookback_years_=LOOKBACK)
def obligation_link(case: Case, params: dict[str, Any]) -> Outcome:
    """The penalty basis punishes the conduct described by the violated provision."""
    st = setup(case, params)
    if isinstance(st, Outcome):
        return st
    if not st.violated:
        return Outcome(S.NOT_APPLICABLE, note="决定书中未识别到违反条款（是否载明由LAW001核查）")
    if st.old:
        return Outcome(S.PASS, {"summary": "处罚依据与违反条款按旧版本条文编号相对应；条文编号问题由LAW015报告。"})

    def judge(provisions: list[BasisProvision]) -> Outcome:
        problems, evidence, unsure, unknown, linked = [], [], [], [], []
        penalty_like = [p for p in provisions if p.kind in ("penalty", "uncurated")]
        for p in penalty_like:
            facts = p.facts if p.kind == "penalty" else []
            answer = link(st.reg, p.version, p.cited.citation, facts, st.violated, versions_by_work(st.reads))
            if answer.answer is True:
                linked.append(p.display)
            elif answer.answer is False:
                vio = "、".join(f"“{v.raw}”" for v in st.violated)
                if answer.alternative:
                    what = f"违反条款{vio}规定的义务对应的罚则是{answer.alternative}，而不是{p.display}"
                else:
                    what = (f"处罚依据{p.display}处罚的是违反{obligation_labels(st.reg, p.version, p.raw + facts)}"
                            f"的行为，与违反条款{vio}不对应")
                problems.append(f"{where(st.case, p.cited.field)}{what}（{_law(p)}）")
                evidence += [p.cited.field, *(v.field for v in st.violated)]
            else:
                unsure.append(f"{p.display}：{answer.why or '无法判断其对应的义务条款'}")
        unknown = [f"“{p.cited.raw}”：{p.resolution.reason or '无法核对'}" for p in provisions if p.kind == "unknown"]
        if not penalty_like:
            same = [p for p in provisions if p.kind == "not_penalty"
                    and any(_same(st.reg, p.cited, v) for v in st.violated)]
            if same:
                p = same[0]
                problems.append(f"{where(st.case, p.cited.field)}处罚依据“{p.cited.raw}”与违反条款相同，"
                                f"是义务性条款而不是罚则条款（{_law(p)}）")
                evidence.append(p.cited.field)
            elif not unknown:
                unsure.append("处罚依据中未识别到罚则条款（法律责任、罚则章的条款）")
        values = {"problems": "；".join(problems), "summary": f"处罚依据{'、'.join(linked)}与违反条款相对应。"}
        if problems:
            return Outcome(S.FAIL, values, evidence)
        if linked and not unsure:
            return Outcome(S.PASS, values)
        return Outcome(S.NEEDS_REVIEW, values, note=review_note(unsure + unknown))

    return _try_readings(st, judge, check_link=False)


def _same(reg: Registry, a: Cited, b: Cited) -> bool:
    wa, wb = reg.work(a.citation.instrument or ""), reg.work(b.citation.instrument or "")
    return wa is not None and wa is wb and a.citation.article == b.citation.article


# ----------------------------------------------------------------------------- kinds


def _extractor_kinds(text: str) -> set[str]:
    from audit.parse.penalty_kinds import PENALTY_KINDS

    return {kind for kind, pattern in PENALTY_KINDS if regex.search(pattern, text)}


def allowed_kinds(provisions: list[BasisProvision], params: dict[str, Any]) -> set[str]:
    equivalents = params.get("equivalents", {})
    out: set[str] = set()
    for p in provisions:
        for facts in p.facts:
            out |= {kind_of(k, equivalents) for k in facts.kinds}
        for raw in p.raw + p.facts:
            for order in raw.orders:
                out |= _extractor_kinds(order)
    return out


def _always_allowed(case: Case, params: dict[str, Any]) -> dict[str, str]:
    decided, _ = decision_date(case)
    out = {}
    for entry in params.get("always_allowed", []):
        start = dt.date.fromisoformat(str(entry["from"])) if entry.get("from") else None
        if start is None or (decided is not None and decided >= start):
            out[entry["kind"]] = entry["basis"]
    return out


@check_kind(
    "law_penalty_kinds", unknown_act_lookback_years_=LOOKBACK,
    equivalents="extractor kind -> registry kinds it stands for",
    always_allowed_="[{kind, from, basis}] kinds every basis allows from a date (行政处罚法 第二十八条)",
)
def penalty_kinds_allowed(case: Case, params: dict[str, Any]) -> Outcome:
    """Every penalty kind imposed is one the penalty basis provides for."""
    st = setup(case, params)
    if isinstance(st, Outcome):
        return st
    given = imposed(st.doc)
    if not given:
        return Outcome(S.NOT_APPLICABLE, note="决定书中未识别到处罚种类")
    if st.old:
        return _review(st, _old_note(st))
    general = _always_allowed(case, params)

    def judge(provisions: list[BasisProvision]) -> Outcome:
        penalty = [p for p in provisions if p.kind == "penalty"]
        gaps = [p for p in provisions if p.kind in ("uncurated", "unknown")]
        allowed = allowed_kinds(penalty, params) | set(general)
        extra = [g for g in given if g.kind not in allowed]
        kinds = "、".join(dict.fromkeys(g.kind for g in given))
        values = {"kinds": kinds, "allowed": "、".join(sorted(allowed)) or "—",
                  "basis": "、".join(p.display for p in penalty) or "—"}
        if not extra:
            if not penalty:
                return Outcome(S.NEEDS_REVIEW, values, note=_gap_note(gaps) or "未识别到罚则条款")
            return Outcome(S.PASS, values)
        if gaps or not penalty:
            return Outcome(S.NEEDS_REVIEW, values, note=_gap_note(gaps) or "未识别到罚则条款")
        laws = "；".join(_law(p) for p in penalty)
        values["problems"] = (f"{where(st.case, extra[0].field)}给予“{'、'.join(dict.fromkeys(g.kind for g in extra))}”，"
                              f"但处罚依据{values['basis']}规定的处罚种类为{_kinds_of(penalty)}（{laws}）")
        return Outcome(S.FAIL, values, [g.field for g in extra] + [p.cited.field for p in penalty])

    return _try_readings(st, judge)


def _kinds_of(provisions: list[BasisProvision]) -> str:
    kinds = dict.fromkeys(k for p in provisions for f in p.facts for k in f.kinds)
    return "、".join(kinds) or "（条文未列明处罚种类）"


EXCLUSION_CN = {
    "criminal": "只规定刑事责任", "civil": "只规定民事责任", "officials": "规定的是对公职人员或者工作人员的处分",
    "internal": "规定的是上级机关对行政机关的层级监督", "other_authority": "规定的处罚由卫生健康部门以外的机关作出",
    "no_penalty": "未规定行政处罚种类",
}


def _gap_note(gaps: list[BasisProvision]) -> str:
    parts = []
    reg = Registry.load()
    for p in gaps:
        excluded = (reg.excluded(p.version.id, p.cited.citation.article, p.cited.citation.paragraph)
                    if p.version is not None and p.resolution.ok else None)
        if excluded is not None:
            parts.append(f"{p.display}位于法律责任章，但{EXCLUSION_CN.get(excluded.reason, '不是卫生健康部门的罚则')}"
                         f"（{excluded.note}）")
        elif p.kind == "uncurated":
            parts.append(f"{p.display}为罚则条款，但法规库尚未整理其处罚种类和幅度")
        else:
            parts.append(f"“{p.cited.raw}”：{p.resolution.reason or '无法核对'}")
    return review_note(parts) if parts else ""


# ----------------------------------------------------------------------------- fine range


@dataclass(frozen=True, slots=True)
class Scenario:
    """One fine a penalty provision allows under one condition."""

    provision: BasisProvision
    condition: str | None
    fine: Fine | None
    note: str | None = None


def scenarios(provisions: list[BasisProvision]) -> list[Scenario]:
    out = []
    for p in provisions:
        for facts in p.facts:
            for tier in facts.tiers:
                for s in tier.sanctions:
                    if s.kind == "罚款":
                        out.append(Scenario(p, tier.condition, s.fine, s.fine_note))
    return out


def income_in(doc: Document, text: str, given: list[Imposed]) -> float | None:
    """违法所得 stated in the decision (0 when it says there is none); None when not stated.
    ``text`` is kept for callers; the statement is read by :mod:`audit.parse.decision_text`."""
    for g in given:
        if g.kind == "没收违法所得" and g.amount is not None:
            return float(g.amount)
    f = doc.fields.get("income_stated")
    return float(f.value) if isinstance(f, Field) and f.value is not None else None


def reread_fines(doc: Document) -> list[float]:
    """Every reading (digits and capitals) of the amounts written right after 罚款 in the decision's
    text without page furniture (read by :mod:`audit.parse.decision_text`)."""
    f = doc.fields.get("fine_readings")
    return list(f.value) if isinstance(f, Field) and f.value else []


# Bases that the decision's 违法所得 stands for; a multiple of 货值金额, 交易额 or 所获收入 has another base.
INCOME_BASES = frozenset({"违法所得", "非法所得"})


def _bounds(fine: Fine, income: float | None) -> tuple[float, float | None, bool]:
    """(low, high, exact) of a fine; high None when open or unknown; exact False when the base is unknown."""
    if fine.multiple_of is None:
        return float(fine.min or 0), (None if fine.max is None else float(fine.max)), True
    if fine.multiple_of not in INCOME_BASES:
        income = None  # the decision's 违法所得 is not the base (货值金额, 交易额, 所获收入 …)
    if income is not None:
        low, high = fine.bounds(income)
        return low, high, True
    lows = []
    if fine.no_income_below is not None:
        lows += [float(fine.no_income_min or 0), (fine.min_multiple or 0) * fine.no_income_below]
    elif fine.income_floor is not None:
        lows.append((fine.min_multiple or 0) * fine.income_floor)
    else:
        lows.append(0.0)
    return min(lows), None, False


def _yuan(v: float | None) -> str:
    if v is None:
        return "不设上限"
    return f"{v:,.0f}元" if float(v).is_integer() else f"{v:,.2f}元"


def _range_text(s: Scenario, income: float | None) -> str:
    from audit.law.penalty import fine_entries
    from audit.law.show import fine_text

    if s.fine is None:
        return "条文未规定罚款数额"
    sanction = next(x for f in s.provision.facts for t in f.tiers for x in t.sanctions if x.fine is s.fine)
    parts = [fine_text({**e}) for e in fine_entries(None, sanction)]
    text = "；".join(parts)
    if s.fine.multiple_of and income is not None:
        low, high, _ = _bounds(s.fine, income)
        text += f"（按{s.fine.multiple_of}{_yuan(income)}计为{_yuan(low)}至{_yuan(high)}）"
    return (f"{s.condition}的，" if s.condition else "") + text


def _mitigation(text: str, params: dict[str, Any]) -> str | None:
    """A phrase showing the decision itself mitigates below the range (减轻处罚, 行政处罚法 第三十二条);
    not one the party asked for or the agency rejected (减轻处罚的申辩理由不成立 …)."""
    return stated_as_own(text, params.get("mitigation_cues", []))


def _cued(condition: str, text: str, params: dict[str, Any]) -> str:
    """strong: the decision states the tier's circumstance; loose: it may, in other words;
    none: a known circumstance the decision never mentions; unknown: a condition without cue data."""
    known = params.get("condition_cues", {})
    if condition not in known:
        return "strong" if condition.removesuffix("的") in text else "unknown"
    if any(c in text for c in known[condition]):
        return "strong"
    if any(c in text for c in params.get("loose_cues", {}).get(condition, [])):
        return "loose"
    return "none"


@check_kind(
    "law_fine_range", unknown_act_lookback_years_=LOOKBACK,
    condition_cues="tier condition -> words in the decision showing the tier applies",
    loose_cues_="tier condition -> words that may describe it otherwise (review instead of fail)",
    mitigation_cues_="words showing a mitigated penalty (减轻处罚): below the minimum is reviewed, not failed",
    generic_conditions_="tier conditions that are not a separate tier (根据情节轻重)",
)
def fine_in_range(case: Case, params: dict[str, Any]) -> Outcome:
    """The fine lies within the range of the penalty basis (and within the tier that applies)."""
    st = setup(case, params)
    if isinstance(st, Outcome):
        return st
    given = imposed(st.doc)
    fines = [g for g in given if g.kind == "罚款"]
    if not fines:
        return Outcome(S.NOT_APPLICABLE, note="决定书未处以罚款")
    if all(not g.amounts for g in fines):
        return _review(st, "未识别到罚款数额，请人工核查")
    if st.old:
        return _review(st, _old_note(st))
    income = income_in(st.doc, st.text, given)
    generic = set(params.get("generic_conditions", []))
    readings_ = sorted(set(fines[0].amounts) | set(reread_fines(st.doc)))

    def judge(provisions: list[BasisProvision]) -> Outcome:
        penalty = [p for p in provisions if p.kind == "penalty"]
        gaps = [p for p in provisions if p.kind in ("uncurated", "unknown")]
        scen = scenarios(penalty)
        fine = fines[0]
        values = {"amount": _yuan(fine.amount if fine.amount is not None else fine.amounts[0]),
                  "basis": "、".join(p.display for p in penalty) or "—"}
        if not scen:
            if gaps or not penalty:
                return Outcome(S.NEEDS_REVIEW, values, note=_gap_note(gaps) or "未识别到罚则条款")
            return Outcome(S.NOT_APPLICABLE, values, note="处罚依据未规定罚款（处罚种类由LAW006核查）")
        values["range"] = "；".join(f"{s.provision.display}：{_range_text(s, income)}" for s in scen)
        unsure: list[str] = []
        fits_any = False
        for amount in readings_:
            verdict = _place(amount, scen, income, generic, st.text, params)
            if verdict == "pass":
                fits_any = True
            elif verdict.startswith("review:"):
                unsure.append(verdict.removeprefix("review:"))
        if len(readings_) > 1 and fits_any:
            return Outcome(S.NEEDS_REVIEW, values,
                           note=f"罚款金额有不同写法（{'、'.join(_yuan(a) for a in readings_)}），"
                                f"其中之一在法定幅度内，请以核实后的金额为准（大小写问题由DOC002报告）")
        if fits_any:
            return Outcome(S.PASS, values)
        if unsure or gaps:
            return Outcome(S.NEEDS_REVIEW, values, note=review_note(unsure + ([_gap_note(gaps)] if gaps else [])))
        if len({s.provision.display for s in scen}) > 1:
            return Outcome(S.NEEDS_REVIEW, values,
                           note="处罚依据含多个罚则条款，罚款可能为多项违法行为的合计，请人工核查")
        lowest = min(_bounds(x.fine, income)[0] for x in scen if x.fine is not None)
        cue = _mitigation(st.text, params)
        if cue and all(a < lowest for a in readings_):
            return Outcome(S.NEEDS_REVIEW, values,
                           note=f"罚款低于处罚依据规定的最低数额（{values['range']}），决定书载明“{cue}”；是否具有"
                                f"行政处罚法第三十二条规定的减轻处罚情形，请人工核查")
        laws = "；".join(_law(p) for p in penalty)
        values["problems"] = (f"{where(st.case, fine.field)}罚款{values['amount']}，不在处罚依据规定的幅度内"
                              f"（{values['range']}；{laws}）")
        return Outcome(S.FAIL, values, [fine.field] + [p.cited.field for p in penalty])

    return _try_readings(st, judge)


def _place(amount: float, scen: list[Scenario], income: float | None, generic: set[str], text: str,
           params: dict[str, Any]) -> str:
    """pass | fail | review:<reason> for one amount against the scenarios."""
    reviews = []
    for s in scen:
        if s.fine is None:
            reviews.append(f"{s.provision.display}未规定罚款数额（{s.note or '幅度见其他规定'}），请人工核查")
            continue
        low, high, exact = _bounds(s.fine, income)
        if amount < low - 0.005:
            continue
        if high is None and not exact:
            reviews.append(f"{s.provision.display}的罚款以{s.fine.multiple_of}为基数，决定书未载明{s.fine.multiple_of}数额，"
                           f"无法核对上限")
            continue
        if high is not None and amount > high + 0.005:
            continue
        if s.condition is None or s.condition in generic:
            return "pass"
        cue = _cued(s.condition, text, params)
        if cue == "strong":
            return "pass"
        if cue != "none":
            reviews.append(f"罚款数额仅在“{s.condition}的”一档幅度内，请核实决定书认定的情节")
        # cue == "none": the decision never states the circumstance, so this tier does not apply
    return "review:" + "；".join(dict.fromkeys(reviews)) if reviews else "fail"


# ----------------------------------------------------------------------------- companions


@check_kind(
    "law_companion_penalties", unknown_act_lookback_years_=LOOKBACK,
    equivalents="extractor kind -> registry kinds it stands for",
    evidence_dependent="kinds required only when the facts give something to confiscate",
    generic_conditions_="tier conditions that are not a separate tier",
    condition_cues_="tier condition -> words in the decision",
    mitigation_cues_="words showing a mitigated penalty (减轻处罚): a missing companion is reviewed",
)
def companion_penalties(case: Case, params: dict[str, Any]) -> Outcome:
    """The penalties the basis makes mandatory alongside the one imposed (并处 …) are all there."""
    st = setup(case, params)
    if isinstance(st, Outcome):
        return st
    given = imposed(st.doc)
    if not given:
        return Outcome(S.NOT_APPLICABLE, note="决定书中未识别到处罚种类")
    if st.old:
        return _review(st, _old_note(st))
    equivalents = params.get("equivalents", {})
    evidence_dependent = set(params.get("evidence_dependent", []))
    generic = set(params.get("generic_conditions", []))
    kinds = {g.kind for g in given}

    def judge(provisions: list[BasisProvision]) -> Outcome:
        penalty = [p for p in provisions if p.kind == "penalty"]
        gaps = [p for p in provisions if p.kind in ("uncurated", "unknown")]
        if not penalty:
            return Outcome(S.NEEDS_REVIEW, note=_gap_note(gaps) or "未识别到罚则条款")
        values = {"kinds": "、".join(dict.fromkeys(g.kind for g in given)),
                  "basis": "、".join(p.display for p in penalty)}
        problems, unsure = [], []
        for p in penalty:
            for facts in p.facts:
                missing, why = _missing(facts, kinds, given, equivalents, evidence_dependent, generic, st.text, params)
                if missing:
                    problems.append(f"处罚依据{p.display}规定{missing}（{_law(p)}）")
                elif why:
                    unsure.append(f"{p.display}：{why}")
        if problems and (len(penalty) > 1 or gaps):
            return Outcome(S.NEEDS_REVIEW, values, note="；".join(problems) + "；处罚依据含多个条款，请人工核查")
        cue = _mitigation(st.text, params)
        if problems and cue:
            return Outcome(S.NEEDS_REVIEW, values,
                           note="；".join(problems) + f"；决定书载明“{cue}”，是否依法减轻处罚请人工核查")
        if problems:
            values["problems"] = f"{where(st.case, given[0].field)}给予{values['kinds']}，但" + "；".join(problems)
            return Outcome(S.FAIL, values, [g.field for g in given] + [p.cited.field for p in penalty])
        if unsure:
            return Outcome(S.NEEDS_REVIEW, values, note="；".join(unsure))
        return Outcome(S.PASS, values)

    return _try_readings(st, judge)


def _tier_kinds(tier: Tier, equivalents: dict[str, list[str]]) -> set[str]:
    return {kind_of(s.kind, equivalents) for s in tier.sanctions}


def _missing(facts: PenaltyFacts, kinds: set[str], given: list[Imposed], equivalents: dict[str, list[str]],
             evidence_dependent: set[str], generic: set[str], text: str, params: dict[str, Any]) -> tuple[str, str]:
    """(what is missing, why unsure) for the base tier of ``facts`` given the imposed ``kinds``."""
    base = [t for t in facts.tiers if t.condition is None or t.condition in generic]
    if not base:
        return "", ""
    base_kinds = set().union(*(_tier_kinds(t, equivalents) for t in base))
    fines = [a for g in given if g.kind == "罚款" for a in g.amounts]
    others = [t for t in facts.tiers if t not in base]
    if kinds <= base_kinds:
        # the base tier applies, unless a conditional tier (逾期不改正 …) holds every kind imposed and
        # only it admits the fine
        for t in others:
            if kinds <= _tier_kinds(t, equivalents) and fines and _fine_fits([t], fines) \
                    and not _fine_fits(base, fines):
                return "", ""
    else:
        if any(kinds <= _tier_kinds(t, equivalents) | base_kinds for t in others):
            return "", ""  # heavier tier (情节严重 …): whether the base companions still apply is not settled
        return "", "处罚种类超出罚则各档次的范围（由LAW006核查）"
    for t in base:
        if t.authority:
            continue  # imposed by another body (原发证部门, 原登记部门 …), usually in a decision of its own
        # a sanction on other persons (target: 有关医务人员, 法定代表人 …) is not owed in the party's decision
        required = [s for s in t.sanctions if s.mode == "mandatory" and not s.target]
        group = [s for s in t.sanctions if s.mode == "alternative" and not s.target]
        missing = [s for s in required if kind_of(s.kind, equivalents) not in kinds]
        hard = [s for s in missing if s.kind not in evidence_dependent and not _income_based(s)]
        if hard:
            names = "、".join(s.kind for s in hard)
            quote = "、".join(f"“{s.phrase}”" for s in required)
            return f"{quote}（应当给予），决定书未给予{names}", ""
        if group and not any(kind_of(s.kind, equivalents) in kinds for s in group):
            return f"应当在{'或者'.join(s.kind for s in group)}中择一给予，决定书均未给予", ""
        soft = [s for s in missing if s not in hard]
        if soft and any(_mentions(s.kind, text) for s in soft):
            return "", f"条文规定应当{'、'.join(s.phrase for s in soft)}，决定书提及但未予处罚，请核实"
    return "", ""


def _mentions(kind: str, text: str) -> bool:
    return ("违法所得" in text) if kind == "没收违法所得" else False


def _income_based(s) -> bool:
    f = s.fine
    return f is not None and f.multiple_of is not None and f.income_floor is None and f.no_income_below is None


def _fine_fits(tiers: list[Tier], amounts: list[float]) -> bool:
    for t in tiers:
        for s in t.sanctions:
            if s.kind != "罚款":
                continue
            if s.fine is None:
                return True
            low, high, _ = _bounds(s.fine, None)
            if any(a >= low - 0.005 and (high is None or a <= high + 0.005) for a in amounts):
                return True
    return False
