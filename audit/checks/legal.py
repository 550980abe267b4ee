"""Legal application (法律适用) of one case: dates, cited provisions, versions, penalty provisions.

What the legal-application kinds (``audit.checks.kinds.citations``, ``penalties``, ``remedy``)
share. The law registry itself is ``audit.law``; this module is rule logic.

Dates — a documented choice, since a case file rarely states the date of the act itself:

- act date (substance: 违反条款, 处罚依据, penalty kinds and ranges, 从旧兼从轻 under 行政处罚法
  第三十七条): the date the file states the violation was done (its end when it continued;
  ``case.dates`` act_ended / act_began, read by ``audit.parse.violation``); where the file does not
  state it, the earliest of the case's acceptance, inspection and filing dates (``case.dates``
  accepted / inspected / filed). The act happened on or before its discovery, so the proxy errs
  towards the older version; and a version change within the two years before the proxy date
  (行政处罚法 第三十六条) makes LAW011 / LAW015 ask for review instead of failing.
- procedure date (告知, 陈述申辩, 听证, 救济告知 …): the document's own date, else the decision
  date (``case.dates["decided"]``).

Versions: when the act date and the decision date fall under different versions of an
instrument, both are candidates (从旧兼从轻: the old version applies unless the new one is
lighter) and a check fails only when the citation fails under every candidate that fits it.

Length: dates, citations by role, candidate versions, penalty provisions, the obligation link
and the penalties imposed form one chain — the version read decides which provision applies,
and the link between violated and basis texts decides which version fits. A split along that
chain is planned (versions / provisions / obligations modules); until then the sections below
are kept in that order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from audit.law.penalty import conduct_text, effective_facts, is_penalty_chapter  # noqa: F401 (re-exported)
from audit.law.registry import InstrumentVersion, PenaltyFacts, Registry, Work, normalize_text
from audit.law.resolve import (
    Resolution,
    SimpleCitation,
    article_label,
    item_paragraph,
    provision_text,
    resolve,
    resolve_in,
)
from audit.model import Case, Document, Field
from audit.parse.decision_text import INLINE_FURNITURE, clean_text

Date = dt.date

DECISIONS = ("decision", "onsite_decision")
ACT_DATE_KEYS = ("accepted", "inspected", "filed")




def doc_name(doc_type: str) -> str:
    from audit.parse.segment import type_names

    return type_names().get(doc_type, doc_type)


def where(case: Case, f: Field) -> str:
    """行政处罚决定书（第16页）"""
    doc = case.document(f.document) if f.document else None
    name = doc_name(doc.type) if doc else "文书"
    return f"{name}（第{f.page}页）" if f.page else name


# ----------------------------------------------------------------------------- dates


def _as_date(f: Field | None) -> Date | None:
    if f is None or not f.value:
        return None
    try:
        return Date.fromisoformat(str(f.value))
    except ValueError:
        return None


def act_date(case: Case) -> tuple[Date | None, Field | None]:
    """The act date: the date the file states the violation was done (its end when it continued,
    ``case.dates`` act_ended / act_began), else the proxy, the earliest of accepted / inspected /
    filed (see module doc)."""
    from audit.checks.windows import violation_date

    day, f, _ = violation_date(case)
    return day, f


def act_date_stated(case: Case) -> bool:
    """Whether the act date is the one the file states (not the discovery-date proxy)."""
    from audit.checks.windows import violation_date

    return violation_date(case)[2]


def decision_date(case: Case) -> tuple[Date | None, Field | None]:
    f = case.dates.get("decided")
    return _as_date(f), f


def document_date(case: Case, doc: Document) -> tuple[Date | None, Field | None]:
    """A document's own date (its signing date), else the decision date (procedure)."""
    own = doc.fields.get("decided") if doc.type in DECISIONS else None
    own = own or doc.fields.get("date")
    if isinstance(own, Field) and _as_date(own):
        return _as_date(own), own
    return decision_date(case)


# ----------------------------------------------------------------------------- citations


def clean_instrument(name: str | None, case: Case | None = None) -> str | None:
    """An instrument title without page furniture a page break put inside it (基本医疗卫生与第22页健康促进法)."""
    if not name:
        return name
    cleaned = INLINE_FURNITURE.sub("", name)
    if case is not None and case.agency is not None and isinstance(case.agency.value, str):
        cleaned = cleaned.replace(case.agency.value, "")
    cleaned = "".join(cleaned.split())
    if Registry.load().work(cleaned) is None:
        bare = regex.sub(r"[0-9０-９\-－—]", "", cleaned)  # a page number the page break left in the title
        if bare != cleaned and Registry.load().work(bare) is not None:
            return bare
    return cleaned


@dataclass(frozen=True, slots=True)
class Cited:
    """A citation read from a document field (violated / basis) with its evidence."""

    field: Field
    role: str  # violated | basis
    doc_type: str
    instrument: str | None = None  # cleaned title (see clean_instrument)

    @property
    def citation(self) -> SimpleCitation:
        v = self.field.value
        name = self.instrument if self.instrument is not None else v.get("instrument")
        return SimpleCitation(name, v["article"], v.get("paragraph"), v.get("item"), v.get("sub_item"),
                              self.field.raw)

    @property
    def raw(self) -> str:
        return self.field.raw


ROLE_KEYS = {"violated": "violated", "basis": "basis"}


def cited(case: Case, role: str, doc_types: Iterable[str]) -> list[Cited]:
    """Citations of ``role`` in the documents of ``doc_types`` (document order).

    The extractor's ``violated`` / ``basis`` fields; for a form that states them in a labelled
    cell instead (决定审批表: 违反条款 / 处罚依据), the citations in that cell; for a penalty basis
    the extractor missed, the citations of a 依据…的规定，(本机关)决定/责令/给予… sentence.
    """
    out = []
    wanted = tuple(doc_types)
    for doc in sorted(case.documents, key=lambda d: d.pages[0]):
        if doc.type not in wanted:
            continue
        fields = doc.fields.get(ROLE_KEYS[role]) or doc.fields.get(f"{role}_cell") or []
        if not fields and role == "basis":
            fields = doc.fields.get("basis_sentences", [])
        for f in fields:
            if isinstance(f, Field) and isinstance(f.value, dict) and f.value.get("article"):
                out.append(Cited(f, role, doc.type, clean_instrument(f.value.get("instrument"), case)))
    return out


def scan_basis(case: Case, doc: Document) -> list[Field]:
    """Penalty-basis citations of a 依据…的规定，决定/责令/给予… sentence, as read."""
    return list(doc.fields.get("basis_sentences", []))


def first_decision(case: Case) -> Document | None:
    docs = [d for d in case.documents if d.type in DECISIONS]
    return min(docs, key=lambda d: d.pages[0]) if docs else None


def in_doc(items: list[Cited], doc: Document | None) -> list[Cited]:
    return [c for c in items if doc is not None and c.field.document == doc.id]


# ----------------------------------------------------------------------------- versions


@dataclass(slots=True)
class Reading:
    """How the case's citations of one work are read: the candidate versions that fit them."""

    work: Work
    versions: list[InstrumentVersion]  # versions to judge the citations by (best first)
    fits: bool | None  # True: the citations fit ``versions[0]``; False: they fit none; None: unknown
    old: InstrumentVersion | None = None  # the citations fit this older version, in force on neither date
    dated: bool = True  # False when neither the act date nor the decision date is known
    candidates: list[InstrumentVersion] = field(default_factory=list)
    described: bool = False  # ``old`` found because the decision's facts describe its meaning


def candidates(reg: Registry, work: Work, act: Date | None, decided: Date | None,
               lookback_years: int | None = None) -> list[InstrumentVersion]:
    """Versions in force on the act date and on the decision date (act first, no repeats).

    Without an act date and with ``lookback_years`` (the limitation period of 行政处罚法
    第三十六条, set in the rule file), every version in force at some time in the years before the
    decision is a candidate, oldest first: the act may have happened then.
    """
    out: list[InstrumentVersion] = []
    if act is None and decided is not None and lookback_years:
        start = _years_before(decided, lookback_years)
        for v in work.versions:
            begins_before_end = v.effective_from is None or v.effective_from <= decided
            ends_after_start = v.effective_to is None or v.effective_to >= start
            if begins_before_end and ends_after_start and v not in out:
                out.append(v)
        return out
    for day in (act, decided):
        if day is None:
            continue
        v = reg.instrument(work.key, on=day)
        if v is not None and v not in out:
            out.append(v)
    return out


def _years_before(day: Date, years: int) -> Date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def read_work(reg: Registry, work: Work, violated: list[Cited], basis: list[Cited], act: Date | None,
              decided: Date | None, lookback_years: int | None = None, narrative: str | None = None) -> Reading:
    """Pick the versions under which the case's citations of ``work`` make sense.

    ``narrative`` (the decision's text) settles citations whose numbers fit both the version in
    force and an older one with another meaning: the facts describe one of the two.
    """
    cands = candidates(reg, work, act, decided, lookback_years)
    dated = act is not None or decided is not None
    if not dated:
        cands = [work.versions[-1]]
    if not cands:
        return Reading(work, [], None, dated=dated)
    mine_v = [c for c in violated if reg.work(c.citation.instrument or "") is work]
    mine_b = [c for c in basis if reg.work(c.citation.instrument or "") is work]
    scores = [(v, fit(reg, v, mine_v, mine_b, violated)) for v in cands]
    good = [v for v, s in scores if s is True]
    unknown = [v for v, s in scores if s is None]
    if good:
        older = _described_older(reg, work, good, cands, mine_v, mine_b, violated, narrative)
        if older is not None:
            return Reading(work, cands, False, old=older, dated=dated, candidates=cands, described=True)
        return Reading(work, good, True, dated=dated, candidates=cands)
    if unknown:
        return Reading(work, unknown, None, dated=dated, candidates=cands)
    earliest = min((v.effective_from or Date.min) for v in cands)
    for older in reversed(work.versions):
        if older in cands or not older.has_text or (older.effective_from or Date.min) >= earliest:
            continue
        # an older numbering is claimed only on positive evidence: every basis cited is a curated
        # penalty provision of that version that punishes the violated provision
        if fit(reg, older, mine_v, mine_b, violated, strict=True) is True:
            return Reading(work, cands, False, old=older, dated=dated, candidates=cands)
    return Reading(work, cands, False, dated=dated, candidates=cands)


# The decision's facts describe a provision when this share of its text's bigrams occurs in them;
# it describes the other meaning of the same number when that share stays below NARRATIVE_OTHER.
NARRATIVE_DESCRIBES = 0.6
NARRATIVE_OTHER = 0.35


def _described_older(reg: Registry, work: Work, good: list[InstrumentVersion], cands: list[InstrumentVersion],
                     mine_v: list[Cited], mine_b: list[Cited], violated: list[Cited],
                     narrative: str | None) -> InstrumentVersion | None:
    """An older version whose numbering the citations also fit and whose meaning the facts describe
    (2016 第二十七条 超出登记范围 cited as such in 2023, where 第二十七条 is 非卫生技术人员)."""
    if not narrative or not mine_v:
        return None
    earliest = min((v.effective_from or Date.min) for v in cands)
    for older in reversed(work.versions):
        if older in cands or not older.has_text or (older.effective_from or Date.min) >= earliest:
            continue
        if fit(reg, older, mine_v, mine_b, violated, strict=True) is not True:
            continue
        described = True
        for c in mine_v:
            old_res = _resolve_in(reg, older, c)
            new_texts = [r.text for r in (_resolve_in(reg, v, c) for v in good) if r.ok and r.text]
            if not old_res.ok or not old_res.text or not new_texts:
                described = False
                break
            old_share = similarity(old_res.text, narrative)
            new_share = max(similarity(t, narrative) for t in new_texts)
            if not (old_share >= NARRATIVE_DESCRIBES and new_share <= NARRATIVE_OTHER):
                described = False
                break
        if described:
            return older
    return None


def fit(reg: Registry, version: InstrumentVersion, mine_v: list[Cited], mine_b: list[Cited],
        all_violated: list[Cited], strict: bool = False) -> bool | None:
    """Do the citations of one work make sense in ``version``?

    None: the version has no text. False: a cited article (款/项) does not exist in it, or a
    curated penalty provision cited as basis demonstrably does not punish the violated provision.
    True otherwise.
    """
    if not version.has_text:
        return None
    for c in mine_v + mine_b:
        res = _resolve_in(reg, version, c)
        if res.defect:
            return False
    for b in mine_b:
        facts = curated_facts(reg, version, b.citation)
        answer = link(reg, version, b.citation, facts, all_violated, {version.work: [version]}).answer if facts else None
        if answer is False or strict and answer is not True:
            return False
    return True if mine_b or not strict else False


def _resolve_in(reg: Registry, version: InstrumentVersion, c: Cited) -> Resolution:
    return resolve_in(c.citation, version, registry=reg)


# The last case's readings: eight rules ask for them, each with citations read afresh from the
# same fields (14 % of the checks' time). The entry holds the case, the registry and the fields
# it was made from, so that their ids cannot be reused by other objects while it is kept.
_READINGS: list[tuple[tuple, tuple, dict[str, Reading]]] = []


def readings(reg: Registry, case: Case, violated: list[Cited], basis: list[Cited],
             lookback_years: int | None = None) -> dict[str, Reading]:
    """A reading per work cited (keyed by work key); see :func:`candidates` for ``lookback_years``."""
    held = (reg, case, *(c.field for c in violated), *(c.field for c in basis))
    key = (id(reg), id(case), lookback_years, tuple((id(c.field), c.role, c.doc_type, c.instrument) for c in violated),
           tuple((id(c.field), c.role, c.doc_type, c.instrument) for c in basis))
    for entry_key, _, made in _READINGS:
        if entry_key == key:
            return dict(made)
    made = _readings(reg, case, violated, basis, lookback_years)
    _READINGS[:] = [entry for entry in _READINGS if entry[1][1] is case][-3:] + [(key, held, made)]
    return dict(made)


def _readings(reg: Registry, case: Case, violated: list[Cited], basis: list[Cited],
              lookback_years: int | None) -> dict[str, Reading]:
    act, _ = act_date(case)
    decided, _ = decision_date(case)
    works: dict[str, Work] = {}
    for c in violated + basis:
        w = reg.work(c.citation.instrument or "")
        if w is not None:
            works[w.key] = w
    doc = first_decision(case)
    narrative = clean_text(case, doc).flat if doc is not None else None
    return {k: read_work(reg, w, violated, basis, act, decided, lookback_years, narrative) for k, w in works.items()}


# ----------------------------------------------------------------------------- penalty provisions


def curated_facts(reg: Registry, version: InstrumentVersion, citation: SimpleCitation) -> list[PenaltyFacts]:
    """Curated penalty facts of a cited article / 款 in ``version`` (references followed)."""
    if citation.paragraph is not None:
        one = reg.penalty(version.id, citation.article, citation.paragraph)
        entries = [one] if one else []
    else:
        entries = list(reg.penalties_for(version.id, citation.article))
    return [effective_facts(reg, e) for e in entries]


def raw_facts(reg: Registry, version: InstrumentVersion, citation: SimpleCitation) -> list[PenaltyFacts]:
    """Curated entries of a cited article / 款 without following references."""
    if citation.paragraph is not None:
        one = reg.penalty(version.id, citation.article, citation.paragraph)
        return [one] if one else []
    return list(reg.penalties_for(version.id, citation.article))


@dataclass(slots=True)
class BasisProvision:
    """One penalty-basis citation judged under one version."""

    cited: Cited
    version: InstrumentVersion | None
    resolution: Resolution
    kind: str  # penalty | uncurated | not_penalty | unknown
    facts: list[PenaltyFacts] = field(default_factory=list)
    raw: list[PenaltyFacts] = field(default_factory=list)

    @property
    def display(self) -> str:
        return self.resolution.display


def basis_provisions(reg: Registry, basis: list[Cited], reads: dict[str, Reading],
                     version_index: int = 0) -> list[BasisProvision]:
    """Each basis citation classified under the ``version_index``-th version of its reading."""
    out = []
    for c in basis:
        work = reg.work(c.citation.instrument or "")
        reading = reads.get(work.key) if work else None
        if reading is None or not reading.versions:
            res = resolve(c.citation, registry=reg)
            out.append(BasisProvision(c, None, res, "unknown"))
            continue
        version = reading.versions[min(version_index, len(reading.versions) - 1)]
        res = _resolve_in(reg, version, c)
        if not res.ok:
            out.append(BasisProvision(c, version, res, "unknown"))
            continue
        raw = raw_facts(reg, version, c.citation)
        if raw:
            out.append(BasisProvision(c, version, res, "penalty", curated_facts(reg, version, c.citation), raw))
            continue
        chapter = is_penalty_chapter(res.article.chapter if res.article else None)
        kind = "uncurated" if chapter else ("not_penalty" if chapter is False else "unknown")
        out.append(BasisProvision(c, version, res, kind))
    return out


# ----------------------------------------------------------------------------- obligation link

def _bigrams(text: str) -> set[str]:
    flat = normalize_text(re.sub(r"^[（(][一二三四五六七八九十]+[)）]", "", text))
    return {flat[i:i + 2] for i in range(len(flat) - 1)}


def similarity(conduct: str, obligation: str) -> float:
    """Share of the conduct's character bigrams found in the obligation text."""
    a, b = _bigrams(conduct), _bigrams(obligation)
    return len(a & b) / len(a) if a else 0.0


LINK_THRESHOLD = 0.5
LINK_MIN_SHARED = 4


def obligation_keys(reg: Registry, facts: PenaltyFacts) -> set[tuple[str, int]]:
    """(version id, article) of the obligations ``facts`` enforces, incl. provisions referring to it."""
    keys = {(facts.instrument, a) for a in facts.enforces}
    for p in reg.penalties:
        ref = p.refers_to or {}
        if (ref.get("instrument") == facts.instrument and ref.get("article") == facts.article
                and ref.get("paragraph") in (None, facts.paragraph)):
            keys |= {(p.instrument, a) for a in p.enforces}
    return keys


@dataclass(frozen=True, slots=True)
class Link:
    """Answer of :func:`link`: linked (True), not linked (False) or undecidable (None)."""

    answer: bool | None
    why: str = ""
    alternative: str | None = None  # the penalty provision the violated text matches instead


def conduct_parts(art, citation: SimpleCitation) -> list[tuple[SimpleCitation, str]]:
    """The conducts a cited penalty provision punishes: its 项, or the conduct clause of its 款."""
    if citation.item is not None:
        return [(citation, provision_text(art, citation))]
    paragraphs = [citation.paragraph] if citation.paragraph else list(range(1, len(art.paragraphs) + 1))
    out = []
    for n in paragraphs:
        para = art.paragraph(n)
        if para is None:
            continue
        number = n if len(art.paragraphs) > 1 else None
        if para.items:
            out += [(SimpleCitation(citation.instrument, art.number, number, i), item)
                    for i, item in enumerate(para.items, start=1)]
        else:
            out.append((SimpleCitation(citation.instrument, art.number, number), conduct_text(para.text)))
    return out


def _matches(conduct: str, text: str, threshold: float = LINK_THRESHOLD) -> bool:
    return similarity(conduct, text) >= threshold and len(_bigrams(conduct) & _bigrams(text)) >= LINK_MIN_SHARED


# Calibrated on the curated obligation/penalty pairs and the generator's violation catalogue: no
# correct pair is flagged (see tests/law/test_law_application.py::test_alternative_never_flags_correct_pairs).
ALTERNATIVE_MIN = 0.5  # the violated text matches another penalty provision at least this well …
CITED_MAX = 0.35  # … and the cited one at most this well …
ALTERNATIVE_MARGIN = 0.2  # … and the difference is at least this: the basis was taken from the wrong provision
ALTERNATIVE_MIN_BIGRAMS = 8


def _alternative(reg: Registry, version: InstrumentVersion, basis: SimpleCitation, texts: list[str]) -> str | None:
    """A penalty provision of the same version whose conduct matches every violated text far better."""
    art = reg.article(version.id, basis.article)
    if art is None or not texts:
        return None
    cited_best = max(similarity(c, t) for _, c in conduct_parts(art, basis) for t in texts)
    if cited_best > CITED_MAX:
        return None
    best: tuple[float, SimpleCitation] | None = None
    for number, other in sorted(reg.articles(version.id).items()):
        if number == basis.article or not is_penalty_chapter(other.chapter):
            continue
        for ref, conduct in conduct_parts(other, SimpleCitation(basis.instrument, number)):
            if len(_bigrams(conduct)) < ALTERNATIVE_MIN_BIGRAMS:
                continue
            score = min(similarity(conduct, t) for t in texts)
            if score >= max(ALTERNATIVE_MIN, cited_best + ALTERNATIVE_MARGIN) and (best is None or score > best[0]):
                best = (score, ref)
    if best is None:
        return None
    ref = best[1]
    return article_label(ref.article, ref.paragraph, ref.item)


def link(reg: Registry, version: InstrumentVersion, basis: SimpleCitation, facts: list[PenaltyFacts],
         violated: list[Cited], versions_by_work: dict[str, list[InstrumentVersion]]) -> Link:
    """Does the penalty provision ``basis`` punish the conduct of one of the ``violated`` provisions?

    True: a curated obligation, or a close text match, is among the violated provisions.
    False: every violated provision is in the same instrument and either the provision names its
    obligations (curated) and none is cited, or the violated text matches another penalty
    provision far better than the cited one. None: not decidable from the data.
    """
    raw = raw_facts(reg, version, basis)
    keys: set[tuple[str, int]] = set()
    for e in raw + facts:
        keys |= obligation_keys(reg, e)
    cited_keys: list[tuple[Cited, set[tuple[str, int]], list[str]]] = []
    for v in violated:
        w = reg.work(v.citation.instrument or "")
        if w is None:
            cited_keys.append((v, set(), []))
            continue
        vs = versions_by_work.get(w.key) or [x for x in [reg.instrument(w.key)] if x]
        texts = []
        for x in vs:
            res = _resolve_in(reg, x, v)
            if res.ok and res.text:
                texts.append(res.text)
        if not texts and all(_resolve_in(reg, x, v).defect for x in vs):
            continue  # a provision that does not exist (LAW004) says nothing about the link
        cited_keys.append((v, {(x.id, v.citation.article) for x in vs}, texts))
    if not cited_keys and violated:
        return Link(None, "违反条款在法规库中无法核对")
    if keys and any(k & keys for _, k, _ in cited_keys):
        return Link(True)
    art = reg.article(version.id, basis.article)
    texts = [t for _, _, ts in cited_keys for t in ts]
    if art is not None and any(_matches(c, t) for _, c in conduct_parts(art, basis) for t in texts):
        return Link(True)
    same_work = bool(cited_keys) and all(
        reg.work(v.citation.instrument or "") is reg.works[version.work] for v, _, _ in cited_keys)
    if not same_work:
        return Link(None, "违反条款涉及其他法律文件，无法据法规库判断对应关系")
    if keys and all(e.enforces_complete for e in raw + facts if e.enforces):
        return Link(False)
    alternative = _alternative(reg, version, basis, texts)
    if alternative:
        return Link(False, alternative=alternative)
    return Link(None, "法规库未载明该罚则对应的义务条款，条文文字也无法对应")


def mismatched(reg: Registry, basis: Cited, violated: list[Cited], reads: dict[str, Reading]) -> bool:
    """True when the cited penalty provision demonstrably does not punish the violated provisions
    (under every version it is read by): one root defect, reported by the link rule only."""
    work = reg.work(basis.citation.instrument or "")
    reading = reads.get(work.key) if work else None
    mine = [v for v in violated if v.field.document == basis.field.document]
    if reading is None or not reading.versions or not mine:
        return False
    answers = []
    for version in reading.versions:
        facts = curated_facts(reg, version, basis.citation)
        answers.append(link(reg, version, basis.citation, facts, mine, versions_by_work(reads)).answer
                       if facts else None)
    return all(a is False for a in answers)


def obligation_labels(reg: Registry, version: InstrumentVersion, facts: list[PenaltyFacts]) -> str:
    """第二十七条 / 《医疗机构管理条例》第二十三条 … for messages."""
    labels = []
    for e in facts:
        for vid, number in sorted(obligation_keys(reg, e)):
            v = reg.versions[vid]
            prefix = "" if v.work == version.work else f"《{reg.works[v.work].title}》"
            label = prefix + article_label(number)
            if label not in labels:
                labels.append(label)
    return "、".join(labels)


# ----------------------------------------------------------------------------- penalties imposed


@dataclass(frozen=True, slots=True)
class Imposed:
    """A penalty the decision imposes (extractor kind names), with its field."""

    kind: str
    amount: float | None
    field: Field

    @property
    def amounts(self) -> list[float]:
        """Every reading of the amount: digits and capitals when they differ."""
        d = ((self.field.detail or {}).get("amount") or {})
        values = [x for x in (d.get("digits"), d.get("capitals")) if x is not None]
        if self.amount is not None and self.amount not in values:
            values.append(self.amount)
        return sorted(set(values))


def imposed(doc: Document | None) -> list[Imposed]:
    if doc is None:
        return []
    out = []
    for f in doc.fields.get("penalties") or []:
        if isinstance(f, Field) and isinstance(f.value, dict) and f.value.get("kind"):
            out.append(Imposed(f.value["kind"], f.value.get("amount"), f))
    return out


def kind_of(registry_kind: str, equivalents: dict[str, list[str]]) -> str:
    """The extractor's name for a registry penalty kind (责令停止执业活动 -> 责令停产停业 …)."""
    for extractor_kind, names in equivalents.items():
        if registry_kind in names:
            return extractor_kind
    return registry_kind


def versions_by_work(reads: dict[str, Reading]) -> dict[str, list[InstrumentVersion]]:
    return {k: r.versions for k, r in reads.items()}


def review_note(parts: list[str]) -> str:
    """Reasons joined, ending once with 请人工核查."""
    cleaned = [p.removesuffix("，请人工核查").removesuffix("请人工核查").rstrip("，；") for p in parts if p]
    return "；".join(dict.fromkeys(cleaned)) + "，请人工核查" if cleaned else "请人工核查"


def excerpt(text: str, limit: int = 200) -> str:
    """Statute text for a message: one line, cut at ``limit`` characters."""
    flat = text.replace("\n", "")
    return flat if len(flat) <= limit else flat[:limit] + "……"


def law_text(res: Resolution, limit: int = 200) -> str:
    """《X》第N条…：text of what was cited; for a 项, the 款's opening words and the 项."""
    art = res.article
    if art is None:
        return res.display
    c = res.citation
    if c.item is not None:
        para = art.paragraph(c.paragraph or item_paragraph(art))
        item = res.text or ""
        lead = para.text if para else ""
        return f"{res.display}：{excerpt(lead, limit)}……{item}"
    return f"{res.display}：{excerpt(res.text or art.text, limit)}"
