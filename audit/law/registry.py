"""Law registry: instruments and versions, article texts, renumbering maps, penalty facts.

Data lives in ``checklists/law/``:

- ``instruments.yaml``  curated works and versions (dates, successors, aliases);
- ``articles/<id>.json`` article index built from the statute texts by ``audit.law.build``;
- ``renumbering.yaml``  article maps between versions;
- ``penalties.yaml``    curated penalty facts (kinds, fine ranges, authority, quotes).

Typical use::

    reg = Registry.load()
    v = reg.instrument("《行政处罚法》", on=date(2022, 1, 1))    # -> administrative-penalty-law-2021
    reg.article_text("医疗机构管理条例", 47, on=date(2022, 6, 1))
    reg.exists("执业医师法", 37, on=date(2021, 1, 1))           # -> Existence.UNKNOWN (no text)
    reg.penalty("medical-institutions-regulation-2022", 47).fine.max  # -> 100000

Length: one data model (works, versions, articles, renumbering maps, penalty facts, exclusions)
with its loader. The dataclasses and their look-ups are read together and each look-up is a few
lines; splitting them would spread one schema over several files.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.checklists import checklists_dir

Date = dt.date
_BRACKETS = str.maketrans("", "", "《》〈〉<>「」 \u3000")


def law_dir() -> Path:
    """``checklists/law`` (follows ``$AUDIT_CHECKLISTS``)."""
    return checklists_dir() / "law"


def normalize_name(name: str) -> str:
    """Match key for an instrument name: no 《》, no spaces, no 中华人民共和国 prefix."""
    return name.translate(_BRACKETS).removeprefix("中华人民共和国")


def normalize_text(text: str) -> str:
    """Comparison key for statute text: whitespace and punctuation removed (full/half width)."""
    return re.sub(r"[\s\u3000，,。.；;：:、“”\"‘’'《》〈〉<>（）()【】\[\]！!？?—\-]", "", text)


class Existence(enum.Enum):
    """Answer of :meth:`Registry.exists`."""

    EXISTS = "exists"                        # the article (款/项) is in the indexed text
    ABSENT = "absent"                        # full text indexed and it has no such article (款/项)
    UNKNOWN = "unknown"                      # instrument known but no article data (or excerpt gap)
    NOT_IN_FORCE = "not_in_force"            # instrument known, no version in force on the date
    UNKNOWN_INSTRUMENT = "unknown_instrument"  # name not in the registry


# ----------------------------------------------------------------------------- instruments


@dataclass(frozen=True)
class InstrumentVersion:
    """One version of a law, regulation or rule."""

    id: str
    work: str
    title: str
    kind: str
    issuer: str | None
    version_date: Date | None
    effective_from: Date | None
    effective_to: Date | None
    successor: str | None
    has_text: bool
    document_number: str | None = None
    note: str | None = None

    @property
    def short_title(self) -> str:
        return self.title.removeprefix("中华人民共和国")

    def in_force(self, on: Date) -> bool:
        """True when ``on`` lies in [effective_from, effective_to]; an unknown bound is open."""
        if self.effective_from is not None and on < self.effective_from:
            return False
        return self.effective_to is None or on <= self.effective_to


@dataclass(frozen=True)
class Work:
    """A law across its versions (versions sorted by effective date)."""

    key: str
    title: str
    kind: str
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]
    versions: tuple[InstrumentVersion, ...]


# ----------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class Paragraph:
    """A 款: its lead text and its 项 (items keep their （一） markers)."""

    text: str
    items: tuple[str, ...] = ()

    @property
    def full_text(self) -> str:
        return "\n".join(p for p in (self.text, *self.items) if p)


@dataclass(frozen=True)
class Article:
    """An article (条) of one instrument version."""

    instrument_id: str
    number: int
    label: str
    chapter: str | None
    section: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]

    def paragraph(self, n: int) -> Paragraph | None:
        """The n-th 款 (1-based)."""
        return self.paragraphs[n - 1] if 1 <= n <= len(self.paragraphs) else None

    def item(self, paragraph: int, item: int) -> str | None:
        """The item-th 项 (1-based) of the paragraph-th 款."""
        para = self.paragraph(paragraph)
        if para is None or not 1 <= item <= len(para.items):
            return None
        return para.items[item - 1]


# ----------------------------------------------------------------------------- renumbering


@dataclass(frozen=True)
class RenumberPair:
    """Old article -> new article (to_article None: deleted)."""

    from_version: str
    to_version: str
    from_article: int
    to_article: int | None
    from_paragraph: int | None = None
    to_paragraph: int | None = None
    also: tuple[int, ...] = ()
    rewritten: bool = False
    confidence: str | None = None
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class _RenumberMap:
    from_versions: tuple[str, ...]
    to_version: str
    source: str
    complete: bool
    pairs: tuple[RenumberPair, ...]

    def lookup(self, article: int, paragraph: int | None) -> RenumberPair | None:
        candidates = [p for p in self.pairs if p.from_article == article]
        if paragraph is not None:
            exact = [p for p in candidates if p.from_paragraph == paragraph]
            if exact:
                return exact[0]
        whole = [p for p in candidates if p.from_paragraph is None]
        return whole[0] if whole else None


# ----------------------------------------------------------------------------- penalties


@dataclass(frozen=True)
class Fine:
    """A fine range: fixed yuan amounts, or multiples of 违法所得 / 交易额 / 货值金额."""

    min: int | None = None
    max: int | None = None
    multiple_of: str | None = None
    min_multiple: float | None = None
    max_multiple: float | None = None
    income_floor: int | None = None  # 违法所得不足X元的，按X元计算
    no_income_below: int | None = None  # 没有违法所得或者违法所得不足X元的 -> [no_income_min, no_income_max]
    no_income_min: int | None = None
    no_income_max: int | None = None

    def bounds(self, base: float | None = None) -> tuple[float, float | None]:
        """Legal (min, max) in yuan; ``base`` is the 违法所得 (or other base) for multiples."""
        if self.multiple_of is None:
            return float(self.min or 0), (None if self.max is None else float(self.max))
        if self.no_income_below is not None and (base is None or base < self.no_income_below):
            return float(self.no_income_min or 0), (
                None if self.no_income_max is None else float(self.no_income_max))
        if base is None:
            base = 0.0
        if self.income_floor is not None:
            base = max(base, float(self.income_floor))
        low = (self.min_multiple or 0) * base
        high = None if self.max_multiple is None else self.max_multiple * base
        return low, high


@dataclass(frozen=True)
class Sanction:
    """One penalty kind as the text allows it."""

    kind: str
    phrase: str
    mode: str  # mandatory | optional | alternative | optional_alternative
    fine: Fine | None = None
    fine_note: str | None = None
    term: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class Tier:
    """Sanctions that apply under one condition (None = base case)."""

    condition: str | None
    quote: str
    sanctions: tuple[Sanction, ...]
    authority: str | None = None
    # True when the entry's authority may only propose these sanctions (提请有关人民政府…责令关闭) and
    # ``authority`` decides them: they are not kinds the department itself may impose.
    referral: bool = False


@dataclass(frozen=True)
class PenaltyFacts:
    """Curated facts of one penalty article (or 款)."""

    instrument: str
    article: int
    paragraph: int | None
    conduct: str
    enforces: tuple[int, ...]
    authority: str | None
    orders: tuple[str, ...]
    tiers: tuple[Tier, ...]
    refers_to: dict[str, Any] | None = None
    obligation_note: str | None = None
    notes: str | None = None
    # False when the text names the obligation of only some of the conduct it punishes (one 项 says
    # "违反本条例第X条规定", the others describe the conduct): a violated article outside ``enforces``
    # then proves nothing.
    enforces_complete: bool = True
    curation: str | None = None  # drafted (taken over from audit.law.draft_penalties after review) | hand

    @property
    def kinds(self) -> tuple[str, ...]:
        """Penalty kinds over all tiers, in text order, without repeats; kinds of referral tiers (that
        the department only proposes to another body) are not among them — see :attr:`referral_kinds`."""
        return tuple(dict.fromkeys(s.kind for t in self.tiers if not t.referral for s in t.sanctions))

    @property
    def referral_kinds(self) -> tuple[str, ...]:
        """Kinds the department may only propose (提请) to the body its tier names."""
        return tuple(dict.fromkeys(s.kind for t in self.tiers if t.referral for s in t.sanctions
                                   if s.kind not in self.kinds))

    @property
    def fines(self) -> tuple[Fine, ...]:
        return tuple(s.fine for t in self.tiers for s in t.sanctions if s.fine is not None)

    @property
    def fine(self) -> Fine | None:
        """The first fine range in text order (the base tier's when it has one)."""
        return self.fines[0] if self.fines else None

    @property
    def max_fixed_fine(self) -> int | None:
        """Highest fixed amount over all tiers (None when no fixed amount is stated)."""
        values = [f.max for f in self.fines if f.max is not None]
        values += [f.no_income_max for f in self.fines if f.no_income_max is not None]
        return max(values) if values else None


@dataclass(frozen=True)
class Exclusion:
    """A 法律责任 article (or 款) that is not a penalty provision of a health authority, and why.

    reason: criminal (刑事责任) | civil (民事责任、赔偿) | officials (处分 of officials or staff) |
    internal (层级监督: a government or its department orders a subordinate body to correct, 通报批评) |
    other_authority (penalties imposed only by another authority: 药品监督管理, 公安, 医疗保障 …) |
    no_penalty (only corrective orders, consequences or principles; no penalty of 行政处罚法 第九条).
    """

    instrument: str
    article: int
    paragraph: int | None
    reason: str
    note: str
    authority: str | None = None
    # The article of the same text that names ``authority`` when the excluded article does not
    # (药品管理法 2019 第一百三十九条: the penalties of 第一百一十五条至第一百三十八条 are decided by …).
    authority_article: int | None = None


EXCLUSION_REASONS = ("criminal", "civil", "officials", "internal", "other_authority", "no_penalty")


# ----------------------------------------------------------------------------- loading


def _date(value: Any) -> Date | None:
    if value is None or isinstance(value, Date):
        return value
    return dt.date.fromisoformat(str(value))


def _fine(raw: dict[str, Any] | None) -> Fine | None:
    if not raw:
        return None
    floor = raw.get("floor_if_no_income") or {}
    return Fine(
        min=raw.get("min"), max=raw.get("max"), multiple_of=raw.get("multiple_of"),
        min_multiple=raw.get("min_multiple"), max_multiple=raw.get("max_multiple"),
        income_floor=raw.get("income_floor"), no_income_below=floor.get("below"),
        no_income_min=floor.get("min"), no_income_max=floor.get("max"),
    )


def _penalty(raw: dict[str, Any]) -> PenaltyFacts:
    tiers = tuple(
        Tier(
            condition=t.get("condition"), quote=t["quote"], authority=t.get("authority"),
            referral=bool(t.get("referral", False)),
            sanctions=tuple(
                Sanction(kind=s["kind"], phrase=s["phrase"], mode=s["mode"], fine=_fine(s.get("fine")),
                         fine_note=s.get("fine_note"), term=s.get("term"), target=s.get("target"))
                for s in t.get("sanctions") or ()
            ),
        )
        for t in raw.get("tiers") or ()
    )
    return PenaltyFacts(
        instrument=raw["instrument"], article=raw["article"], paragraph=raw.get("paragraph"),
        conduct=raw["conduct"], enforces=tuple(raw.get("enforces") or ()),
        authority=raw.get("authority"), orders=tuple(raw.get("orders") or ()), tiers=tiers,
        refers_to=raw.get("refers_to"), obligation_note=raw.get("obligation_note"),
        notes=raw.get("notes"), enforces_complete=bool(raw.get("enforces_complete", True)),
        curation=raw.get("curation"),
    )


def _exclusion(raw: dict[str, Any]) -> Exclusion:
    return Exclusion(instrument=raw["instrument"], article=raw["article"], paragraph=raw.get("paragraph"),
                     reason=raw["reason"], note=raw.get("note", ""), authority=raw.get("authority"),
                     authority_article=raw.get("authority_article"))


def _renumber_map(raw: dict[str, Any]) -> _RenumberMap:
    from_versions = tuple(raw["from"])
    to_version = raw["to"]
    source = raw.get("source", "")
    pairs: dict[tuple[int, int | None], RenumberPair] = {}
    for rng in raw.get("ranges") or ():
        first, last = rng["from"]
        for k in range(first, last + 1):
            pairs[(k, None)] = RenumberPair(from_versions[0], to_version, k, k + rng["shift"],
                                            source=source)
    for k in raw.get("deleted") or ():
        pairs[(k, None)] = RenumberPair(from_versions[0], to_version, k, None, source=source)
    for p in raw.get("pairs") or ():
        key = (p["from"], p.get("from_paragraph"))
        pairs[key] = RenumberPair(
            from_versions[0], to_version, p["from"], p["to"], from_paragraph=p.get("from_paragraph"),
            to_paragraph=p.get("to_paragraph"), also=tuple(p.get("also") or ()),
            rewritten=bool(p.get("rewritten", False)), confidence=p.get("confidence"),
            note=p.get("note"), source=source,
        )
    ordered = tuple(pairs[k] for k in sorted(pairs, key=lambda k: (k[0], k[1] or 0)))
    return _RenumberMap(from_versions, to_version, source, bool(raw.get("complete")), ordered)


def _read_yaml(path: Path) -> Any:
    from audit.checklists import safe_load

    with path.open(encoding="utf-8") as fh:
        return safe_load(fh)


# ----------------------------------------------------------------------------- registry


@dataclass
class Registry:
    """Everything under ``checklists/law``; build with :meth:`load`."""

    root: Path
    works: dict[str, Work]
    versions: dict[str, InstrumentVersion]
    renumber_maps: tuple[_RenumberMap, ...]
    penalties: tuple[PenaltyFacts, ...]
    exclusions: tuple[Exclusion, ...] = ()
    _names: dict[str, str] = field(default_factory=dict)  # normalised name -> work key
    _articles: dict[str, dict[int, Article]] = field(default_factory=dict)
    _meta: dict[str, dict[str, Any]] = field(default_factory=dict)

    # -- construction --------------------------------------------------------

    @classmethod
    def load(cls, root: Path | str | None = None) -> Registry:
        """The registry for ``root`` (default ``checklists/law``); cached per folder."""
        return _load_cached(str(Path(root) if root is not None else law_dir()))

    @classmethod
    def _from_dir(cls, root: Path) -> Registry:
        works: dict[str, Work] = {}
        versions: dict[str, InstrumentVersion] = {}
        names: dict[str, str] = {}
        for w in _read_yaml(root / "instruments.yaml")["works"]:
            vs = []
            for v in w["versions"]:
                version = InstrumentVersion(
                    id=v["id"], work=w["key"], title=v.get("title", w["title"]),
                    kind=w.get("kind", ""), issuer=v.get("issuer", w.get("issuer")),
                    version_date=_date(v.get("version_date")),
                    effective_from=_date(v.get("effective_from")),
                    effective_to=_date(v.get("effective_to")), successor=v.get("successor"),
                    has_text=v.get("articles") == "indexed",
                    document_number=v.get("document_number"), note=v.get("note"),
                )
                if version.id in versions:
                    raise ValueError(f"duplicate version id {version.id}")
                versions[version.id] = version
                vs.append(version)
            vs.sort(key=lambda v: (v.effective_from or v.version_date or Date.min, v.id))
            work = Work(key=w["key"], title=w["title"], kind=w.get("kind", ""),
                        aliases=tuple(w.get("aliases") or ()),
                        context_aliases=tuple(w.get("context_aliases") or ()), versions=tuple(vs))
            works[work.key] = work
            for name in (work.key, work.title, *work.aliases):
                names[normalize_name(name)] = work.key
        maps = tuple(_renumber_map(m) for m in _read_yaml(root / "renumbering.yaml")["maps"])
        penalty_data = _read_yaml(root / "penalties.yaml")
        penalties = tuple(_penalty(p) for p in penalty_data["penalties"])
        exclusions = tuple(_exclusion(e) for e in penalty_data.get("excluded") or ())
        return cls(root=root, works=works, versions=versions, renumber_maps=maps,
                   penalties=penalties, exclusions=exclusions, _names=names)

    # -- instruments ---------------------------------------------------------

    def work(self, name: str) -> Work | None:
        """The work for a title, alias (with or without 《》) or version id."""
        if name in self.versions:
            return self.works[self.versions[name].work]
        key = self._names.get(normalize_name(name))
        return self.works.get(key) if key else None

    def instrument(self, name_or_alias: str, on: Date | None = None) -> InstrumentVersion | None:
        """The version in force on ``on`` (latest version when ``on`` is None).

        A version id is returned as is. None when the name is unknown or no version was in
        force on the date (e.g. 执业医师法 after 2022-02-28).
        """
        if name_or_alias in self.versions:
            return self.versions[name_or_alias]
        work = self.work(name_or_alias)
        if work is None:
            return None
        if on is None:
            return work.versions[-1]
        in_force = [v for v in work.versions if v.in_force(on)]
        return in_force[-1] if in_force else None

    def _resolve(self, instrument: str, on: Date | None) -> InstrumentVersion | None:
        return self.instrument(instrument, on=on)

    # -- articles ------------------------------------------------------------

    def _load_articles(self, version_id: str) -> dict[int, Article]:
        if version_id not in self._articles:
            path = self.root / "articles" / f"{version_id}.json"
            arts: dict[int, Article] = {}
            if path.exists():
                doc = json.loads(path.read_text(encoding="utf-8"))
                self._meta[version_id] = {k: v for k, v in doc.items() if k != "articles"}
                for key, a in doc["articles"].items():
                    arts[int(key)] = Article(
                        instrument_id=version_id, number=a["number"], label=a["label"],
                        chapter=a.get("chapter"), section=a.get("section"), text=a["text"],
                        paragraphs=tuple(Paragraph(p["text"], tuple(p["items"]))
                                         for p in a["paragraphs"]),
                    )
            self._articles[version_id] = arts
        return self._articles[version_id]

    def metadata(self, version_id: str) -> dict[str, Any]:
        """Header data of an indexed text (title, scope 全文/摘录, source, …); {} without text."""
        self._load_articles(version_id)
        return self._meta.get(version_id, {})

    def articles(self, version_id: str) -> dict[int, Article]:
        """All indexed articles of a version ({} when it has no text)."""
        return dict(self._load_articles(version_id))

    def article(self, instrument_version_id: str, article: int) -> Article | None:
        """One article of an indexed version."""
        return self._load_articles(instrument_version_id).get(article)

    def article_text(self, instrument: str, article: int, paragraph: int | None = None,
                     item: int | None = None, on: Date | None = None) -> str | None:
        """Text of an article, a 款 (with its 项) or a 项; ``instrument`` is a name or version id."""
        version = self._resolve(instrument, on)
        if version is None:
            return None
        art = self.article(version.id, article)
        if art is None:
            return None
        if paragraph is None:
            return art.text if item is None else art.item(1, item)
        if item is not None:
            return art.item(paragraph, item)
        para = art.paragraph(paragraph)
        return para.full_text if para else None

    def exists(self, instrument: str, article: int, paragraph: int | None = None,
               item: int | None = None, on: Date | None = None) -> Existence:
        """Whether a cited article (款/项) exists; never ABSENT for an instrument without text."""
        work = self.work(instrument)
        if work is None:
            return Existence.UNKNOWN_INSTRUMENT
        version = self._resolve(instrument, on)
        if version is None:
            return Existence.NOT_IN_FORCE
        if not version.has_text:
            return Existence.UNKNOWN
        art = self.article(version.id, article)
        if art is None:
            excerpt = self.metadata(version.id).get("scope") != "全文"
            return Existence.UNKNOWN if excerpt else Existence.ABSENT
        if paragraph is not None and art.paragraph(paragraph) is None:
            return Existence.ABSENT
        if item is not None and art.item(paragraph or 1, item) is None:
            return Existence.ABSENT
        return Existence.EXISTS

    # -- renumbering ---------------------------------------------------------

    def version_for(self, work: Work, spec: str | Date) -> InstrumentVersion | None:
        """A version of ``work`` from an id, a year/date string ('2016', '2022-05-01') or a date."""
        return self._version_for(work, spec)

    def _version_for(self, work: Work, spec: str | Date) -> InstrumentVersion | None:
        """A version of ``work`` from an id, a year/date string ('2016', '2022-05-01') or a date."""
        if isinstance(spec, Date):
            return next((v for v in reversed(work.versions) if v.in_force(spec)), None)
        if spec in self.versions:
            return self.versions[spec]
        for v in work.versions:
            if v.id.endswith(f"-{spec}") or (v.version_date and v.version_date.isoformat() == spec):
                return v
        return None

    def renumber_pair(self, instrument: str, article: int, from_version: str | Date,
                      to_version: str | Date, paragraph: int | None = None) -> RenumberPair | None:
        """The curated pair for ``article`` between two versions (None: no data)."""
        src_work = self.work(instrument) if instrument else None
        if src_work is None and isinstance(from_version, str) and from_version in self.versions:
            src_work = self.works[self.versions[from_version].work]
        if src_work is None:
            return None
        src = self._version_for(src_work, from_version)
        dst = self._version_for(src_work, to_version)
        if dst is None and isinstance(to_version, str) and to_version in self.versions:
            dst = self.versions[to_version]
        if dst is None and src is not None and src.successor in self.versions:
            succ_work = self.works[self.versions[src.successor].work]
            dst = self._version_for(succ_work, to_version)
        if src is None or dst is None:
            return None
        if src.id == dst.id:
            return RenumberPair(src.id, dst.id, article, article, source="same version")
        for m in self.renumber_maps:
            if src.id in m.from_versions and m.to_version == dst.id:
                pair = m.lookup(article, paragraph)
                if pair is not None and pair.from_version != src.id:
                    pair = RenumberPair(**{**pair.__dict__, "from_version": src.id})
                return pair
        return None

    def renumbered(self, instrument: str, article: int, from_version: str | Date,
                   to_version: str | Date, paragraph: int | None = None) -> int | None:
        """New number of ``article``; None when deleted or when the map has no data for it."""
        pair = self.renumber_pair(instrument, article, from_version, to_version, paragraph)
        return pair.to_article if pair else None

    # -- penalties -----------------------------------------------------------

    def penalties_for(self, instrument_version_id: str, article: int) -> tuple[PenaltyFacts, ...]:
        """All curated entries of an article (one per 款 when they differ)."""
        return tuple(p for p in self.penalties
                     if p.instrument == instrument_version_id and p.article == article)

    def penalty(self, instrument_version_id: str, article: int,
                paragraph: int | None = None) -> PenaltyFacts | None:
        """Penalty facts of an article or one of its 款.

        Without ``paragraph``: the whole-article entry, or the only entry. With ``paragraph``:
        that 款's entry, or the whole-article entry when the article has a single one.
        """
        entries = self.penalties_for(instrument_version_id, article)
        exact = [p for p in entries if p.paragraph == paragraph]
        if exact:
            return exact[0]
        whole = [p for p in entries if p.paragraph is None]
        if paragraph is not None and whole:
            return whole[0]
        if paragraph is None and len(entries) == 1:
            return entries[0]
        return None


    def authority_for(self, instrument: str, article: int, paragraph: int | None = None,
                      on: Date | None = None):  # -> audit.law.authority.Authority | None
        """Competent department kind(s) and level of a penalty provision in the version in force on
        ``on`` (see :mod:`audit.law.authority`); None when unknown."""
        from audit.law.authority import authority_for

        return authority_for(self, instrument, article, paragraph, on)

    def legal_fact(self, key: str, on: Date):  # -> audit.law.legal_facts.LegalFact | None
        """A dated legal fact (追责时效, 听证期限 …) that applies on ``on`` (see :mod:`audit.law.legal_facts`)."""
        from audit.law.legal_facts import legal_fact

        return legal_fact(self, key, on)

    def excluded(self, instrument_version_id: str, article: int,
                 paragraph: int | None = None) -> Exclusion | None:
        """Why a 法律责任 article (or 款) is not a curated penalty provision (None: it is not excluded).

        Without ``paragraph``: the whole-article exclusion only (an article with per-款 exclusions
        may still carry penalties in other 款).
        """
        for e in self.exclusions:
            if e.instrument == instrument_version_id and e.article == article and e.paragraph in (None, paragraph):
                return e
        return None


@functools.cache
def _load_cached(root: str) -> Registry:
    return Registry._from_dir(Path(root))
