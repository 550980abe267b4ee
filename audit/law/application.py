"""Legal application (法律适用) of one case: dates, cited provisions, versions, penalty provisions.

The check kinds in ``audit.checks.law_kinds`` are thin wrappers over the functions of
``audit.law.checks_*``; this module holds what they share.

Dates — a documented choice, since a case file rarely states the date of the act itself:

- act date (substance: 违反条款, 处罚依据, penalty kinds and ranges, 从旧兼从轻 under 行政处罚法
  第三十七条): the earliest of the case's acceptance, inspection and filing dates
  (``case.dates`` accepted / inspected / filed). The act happened on or before its discovery, so
  the proxy errs towards the older version, which keeps old-law citations from being reported
  as out of force when the act may have preceded a change.
- procedure date (告知, 陈述申辩, 听证, 救济告知 …): the document's own date, else the decision
  date (``case.dates["decided"]``).

Versions: when the act date and the decision date fall under different versions of an
instrument, both are candidates (从旧兼从轻: the old version applies unless the new one is
lighter) and a check fails only when the citation fails under every candidate that fits it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from audit.law.penalty import effective_facts
from audit.law.registry import InstrumentVersion, PenaltyFacts, Registry, Work, normalize_text
from audit.law.resolve import (
    Resolution,
    SimpleCitation,
    Status,
    article_label,
    date_cn,
    item_paragraph,
    provision_text,
    resolve,
    resolve_in,
)
from audit.model import Case, Document, Field
from audit.model import Status as RuleStatus

Date = dt.date

DECISIONS = ("decision", "onsite_decision")
ACT_DATE_KEYS = ("accepted", "inspected", "filed")
PENALTY_CHAPTER = re.compile(r"(法律责任|罚则|奖励与处罚)$")
TYPE_NAMES = {
    "decision": "行政处罚决定书", "onsite_decision": "当场行政处罚决定书", "advance_notice": "行政处罚事先告知书",
    "decision_approval": "行政处罚决定审批表", "investigation_report": "案件调查终结报告",
    "filing_report": "立案报告", "panel_discussion": "合议记录", "legal_review": "法制审核意见书",
}


@dataclass(slots=True)
class Verdict:
    """A check's answer before it becomes a rule Outcome (same fields)."""

    status: RuleStatus
    values: dict[str, Any] = field(default_factory=dict)
    evidence: list[Field] = field(default_factory=list)
    note: str = ""


def doc_name(doc_type: str) -> str:
    from audit.parse.segment import type_names

    return type_names().get(doc_type, TYPE_NAMES.get(doc_type, doc_type))


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
    """Proxy of the act date: the earliest of accepted / inspected / filed (see module doc)."""
    found = [(d, f) for key in ACT_DATE_KEYS if (d := _as_date(f := case.dates.get(key))) is not None]
    return min(found, key=lambda x: x[0]) if found else (None, None)


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


@dataclass(frozen=True, slots=True)
class Cited:
    """A citation read from a document field (violated / basis) with its evidence."""

    field: Field
    role: str  # violated | basis
    doc_type: str

    @property
    def citation(self) -> SimpleCitation:
        v = self.field.value
        return SimpleCitation(v.get("instrument"), v["article"], v.get("paragraph"), v.get("item"),
                              v.get("sub_item"), self.field.raw)

    @property
    def raw(self) -> str:
        return self.field.raw


ROLE_KEYS = {"violated": "violated", "basis": "basis"}


def cited(case: Case, role: str, doc_types: Iterable[str]) -> list[Cited]:
    """Citations of ``role`` in the documents of ``doc_types`` (document order)."""
    out = []
    wanted = tuple(doc_types)
    for doc in sorted(case.documents, key=lambda d: d.pages[0]):
        if doc.type not in wanted:
            continue
        for f in doc.fields.get(ROLE_KEYS[role]) or []:
            if isinstance(f, Field) and isinstance(f.value, dict) and f.value.get("article"):
                out.append(Cited(f, role, doc.type))
    return out


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


def candidates(reg: Registry, work: Work, act: Date | None, decided: Date | None) -> list[InstrumentVersion]:
    """Versions in force on the act date and on the decision date (act first, no repeats)."""
    out: list[InstrumentVersion] = []
    for day in (act, decided):
        if day is None:
            continue
        v = reg.instrument(work.key, on=day)
        if v is not None and v not in out:
            out.append(v)
    return out


def read_work(reg: Registry, work: Work, violated: list[Cited], basis: list[Cited], act: Date | None,
              decided: Date | None) -> Reading:
    """Pick the versions under which the case's citations of ``work`` make sense."""
    cands = candidates(reg, work, act, decided)
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
        return Reading(work, good, True, dated=dated, candidates=cands)
    if unknown:
        return Reading(work, unknown, None, dated=dated, candidates=cands)
    earliest = min((v.effective_from or Date.min) for v in cands)
    for older in reversed(work.versions):
        if older in cands or not older.has_text or (older.effective_from or Date.min) >= earliest:
            continue
        if fit(reg, older, mine_v, mine_b, violated) is True:
            return Reading(work, cands, False, old=older, dated=dated, candidates=cands)
    return Reading(work, cands, False, dated=dated, candidates=cands)


def fit(reg: Registry, version: InstrumentVersion, mine_v: list[Cited], mine_b: list[Cited],
        all_violated: list[Cited]) -> bool | None:
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
        if facts and link(reg, version, b.citation, facts, all_violated, {version.work: [version]})[0] is False:
            return False
    return True


def _resolve_in(reg: Registry, version: InstrumentVersion, c: Cited) -> Resolution:
    return resolve_in(c.citation, version, registry=reg)


def readings(reg: Registry, case: Case, violated: list[Cited], basis: list[Cited]) -> dict[str, Reading]:
    """A reading per work cited (keyed by work key)."""
    act, _ = act_date(case)
    decided, _ = decision_date(case)
    works: dict[str, Work] = {}
    for c in violated + basis:
        w = reg.work(c.citation.instrument or "")
        if w is not None:
            works[w.key] = w
    return {k: read_work(reg, w, violated, basis, act, decided) for k, w in works.items()}


def resolve_under(reg: Registry, c: Cited, reading: Reading | None) -> list[Resolution]:
    """The citation resolved under each version of its reading (one unread resolution otherwise)."""
    if reading is None or not reading.versions:
        return [resolve(c.citation, on=None, registry=reg)] if reading is None else []
    return [_resolve_in(reg, v, c) for v in reading.versions]


# ----------------------------------------------------------------------------- penalty provisions


def is_penalty_chapter(chapter: str | None) -> bool | None:
    if not chapter:
        return None
    return bool(PENALTY_CHAPTER.search("".join(chapter.split())))


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

_CONDUCT_HEAD = re.compile(r"^.*?违反本(?:法|条例|规定|办法)(?:第[^，,]{1,30}条)?(?:的)?规定，?")
_CONDUCT_TAIL = re.compile(r"的，(?:由|依照|依据|按照|处|给予|责令|对).*$", re.S)


def conduct_text(text: str) -> str:
    """The conduct clause of a penalty provision (违反本条例第X条规定，<conduct>的，由…)."""
    body = _CONDUCT_TAIL.sub("", text.split("\n")[0])
    return _CONDUCT_HEAD.sub("", body)


def _bigrams(text: str) -> set[str]:
    flat = normalize_text(re.sub(r"^[（(][一二三四五六七八九十]+[)）]", "", text))
    return {flat[i:i + 2] for i in range(len(flat) - 1)}


def similarity(conduct: str, obligation: str) -> float:
    """Share of the conduct's character bigrams found in the obligation text."""
    a, b = _bigrams(conduct), _bigrams(obligation)
    return len(a & b) / len(a) if a else 0.0


LINK_THRESHOLD = 0.6
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


def link(reg: Registry, version: InstrumentVersion, basis: SimpleCitation, facts: list[PenaltyFacts],
         violated: list[Cited], versions_by_work: dict[str, list[InstrumentVersion]]) -> tuple[bool | None, str]:
    """Does the penalty provision ``basis`` punish the conduct of one of the ``violated`` provisions?

    True: a curated obligation (or a close text match) is cited. False: the provision names its
    obligations, every violated provision is in the same instrument, and none is among them.
    None: not decidable from the data (the reason says why).
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
        cited_keys.append((v, {(x.id, v.citation.article) for x in vs}, texts))
    if keys and any(k & keys for _, k, _ in cited_keys):
        return True, ""
    # text match: the conduct of the cited item / 款 against each violated provision
    art = reg.article(version.id, basis.article)
    if art is not None:
        conduct = provision_text(art, basis)
        if basis.item is None:
            conduct = conduct_text(conduct)
        for _, _, texts in cited_keys:
            for t in texts:
                if similarity(conduct, t) >= LINK_THRESHOLD and len(_bigrams(conduct) & _bigrams(t)) >= LINK_MIN_SHARED:
                    return True, ""
    if not keys:
        return None, "法规库未载明该罚则对应的义务条款，条文文字也无法对应"
    same_work = all(reg.work(v.citation.instrument or "") is reg.works[version.work] for v, _, _ in cited_keys)
    if not cited_keys or not same_work:
        return None, "违反条款涉及其他法律文件，无法据法规库判断对应关系"
    return False, ""


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


def fmt_date(day: Date | None) -> str:
    return date_cn(day)


def versions_by_work(reads: dict[str, Reading]) -> dict[str, list[InstrumentVersion]]:
    return {k: r.versions for k, r in reads.items()}


def paragraph_of_item(art, citation: SimpleCitation) -> int:
    return citation.paragraph or item_paragraph(art)


__all__ = [
    "ACT_DATE_KEYS", "BasisProvision", "Cited", "DECISIONS", "Imposed", "Reading", "Verdict", "act_date",
    "basis_provisions", "cited", "conduct_text", "curated_facts", "decision_date", "doc_name", "document_date",
    "first_decision", "imposed", "in_doc", "is_penalty_chapter", "kind_of", "link", "obligation_keys",
    "read_work", "readings", "resolve_under", "similarity", "status_defect", "where",
]


def status_defect(res: Resolution) -> bool:
    return res.status in (Status.ARTICLE_NOT_FOUND, Status.PARAGRAPH_NOT_FOUND, Status.ITEM_NOT_FOUND)
