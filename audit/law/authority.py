"""Competent authority (职权与管辖) of a penalty provision, for comparing the deciding agency with it.

The body is the one the provision's own text names (``authority`` of its curated entry or of its
``other_authority`` exclusion in ``penalties.yaml``, verbatim), mapped to department kinds and a level
by ``checklists/law/authority.yaml``; provisions whose text names no body are listed there with the
source that gives it. Dates come from the version in force on the date asked::

    reg = Registry.load()
    a = reg.authority_for("传染病防治法", 103, on=date(2025, 10, 1))
    a.departments, a.level          # ('疾病预防控制部门',), '县级以上'
    authority_of("《麻醉药品和精神药品管理条例》第七十二条", date(2025, 3, 1), reg).level  # '设区的市级' (audit.law.resolve)

None means unknown: the instrument or version is not held, the provision is not a penalty article the
registry curates, or nothing names the body.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.checklists import safe_load
from audit.parse.numerals import article_label

if TYPE_CHECKING:
    from audit.law.registry import Exclusion, PenaltyFacts, Registry

Date = dt.date


@dataclass(frozen=True)
class OtherBody:
    """A sanction of the provision decided by another body than its main authority."""

    kind: str            # penalty kind (吊销许可证件, 责令关闭 …)
    wording: str         # 原发证部门, 有关人民政府 … (verbatim)
    condition: str | None
    referral: bool       # the main authority only proposes it (提请)


@dataclass(frozen=True)
class Authority:
    """Who may impose the penalties of one provision, as its text (or the cited source) says."""

    version_id: str
    article: int
    paragraph: int | None
    wording: str                      # the body as the text names it (verbatim), "；" between 款 that differ
    departments: tuple[str, ...]      # normalised kinds, text order (empty for 原发证部门 and the like)
    level: str | None                 # 县级以上, 设区的市级, 省级以上 … (None: the text states no level)
    joint: str                        # single | all (A、B / A和B: each by its duty) | any (A或者B) | per_paragraph
    relative: str | None              # 原发证部门 … when the body is named by its relation to the party
    health: bool                      # one of the departments belongs to the health system
    source: str                       # where the wording is stated
    effective_from: Date | None
    effective_to: Date | None
    other_bodies: tuple[OtherBody, ...] = ()
    excluded: str | None = None       # exclusion reason when the provision is not a health penalty provision
    note: str | None = None

    def allows(self, department: str, level: str | None = None) -> bool | None:
        """Whether a department kind (and level, when given) matches; None when the text leaves it open."""
        if not self.departments:
            return None
        if department not in self.departments:
            return False
        if level is None or self.level is None:
            return True
        return level_at_least(level, self.level)


# Levels from low to high; "X以上" admits X and every higher level.
_LEVEL_ORDER = ("县级", "设区的市级", "省级", "国务院")


def level_at_least(level: str, required: str) -> bool:
    """Whether an agency at ``level`` (县级, 设区的市级, 省级, 国务院) satisfies ``required`` (县级以上 …)."""
    base = required.removesuffix("以上")
    if base not in _LEVEL_ORDER or level not in _LEVEL_ORDER:
        return level == required
    if required.endswith("以上"):
        return _LEVEL_ORDER.index(level) >= _LEVEL_ORDER.index(base)
    return level == base


@dataclass(frozen=True)
class _Vocabulary:
    words: tuple[tuple[str, tuple[str, ...]], ...]   # (word, kinds), longest word first
    health: frozenset[str]
    levels: tuple[tuple[str, tuple[str, ...]], ...]
    relative: tuple[str, ...]
    provisions: tuple[dict[str, Any], ...]
    kind_notes: tuple[tuple[str, str], ...] = ()


@functools.cache
def _vocabulary(root: str) -> _Vocabulary:
    with (Path(root) / "authority.yaml").open(encoding="utf-8") as fh:
        raw = safe_load(fh)
    words = [(w, (kind,)) for kind, ws in raw["departments"].items() for w in ws]
    words += [(w, tuple(kinds)) for w, kinds in (raw.get("compound") or {}).items()]
    words.sort(key=lambda x: -len(x[0]))
    return _Vocabulary(
        words=tuple(words), health=frozenset(raw.get("health_system") or ()),
        levels=tuple((lv["level"], tuple(lv["words"])) for lv in raw.get("levels") or ()),
        relative=tuple(raw.get("relative") or ()), provisions=tuple(raw.get("provisions") or ()),
        kind_notes=tuple((raw.get("kind_notes") or {}).items()),
    )


def _with_kind_notes(authority: Authority, vocab: _Vocabulary) -> Authority:
    notes = [n for kind, n in vocab.kind_notes if kind in authority.departments]
    if not notes:
        return authority
    return replace(authority, note="；".join(filter(None, [authority.note, *notes])))


def departments_in(wording: str, vocab: _Vocabulary) -> tuple[str, ...]:
    """Department kinds named in ``wording``, text order, longest word first where words overlap."""
    taken = [False] * len(wording)
    found: list[tuple[int, int, str]] = []
    for word, kinds in vocab.words:
        start = wording.find(word)
        while start >= 0:
            if not any(taken[start:start + len(word)]):
                for i in range(start, start + len(word)):
                    taken[i] = True
                found += [(start, n, kind) for n, kind in enumerate(kinds)]
            start = wording.find(word, start + 1)
    return tuple(dict.fromkeys(kind for _, _, kind in sorted(found)))


def level_in(wording: str, vocab: _Vocabulary) -> str | None:
    for level, words in vocab.levels:
        if any(w in wording for w in words):
            return level
    return None


def _parse(wording: str, vocab: _Vocabulary) -> tuple[tuple[str, ...], str | None, str, str | None]:
    departments = departments_in(wording, vocab)
    relative = next((r for r in vocab.relative if r in wording), None)
    if "或者" in wording and len(departments) > 1:
        joint = "any"
    elif len(departments) > 1:
        joint = "all"
    else:
        joint = "single"
    return departments, level_in(wording, vocab), joint, relative


def _other_bodies(facts: PenaltyFacts) -> tuple[OtherBody, ...]:
    out = []
    for tier in facts.tiers:
        if tier.authority and tier.authority != facts.authority:
            out += [OtherBody(s.kind, tier.authority, tier.condition, tier.referral) for s in tier.sanctions]
    return tuple(out)


def _override(vocab: _Vocabulary, version_id: str, article: int) -> dict[str, Any] | None:
    return next((p for p in vocab.provisions
                 if p["instrument"] == version_id and article in p["articles"]), None)


def _from_facts(registry: Registry, facts: PenaltyFacts, vocab: _Vocabulary,
                depth: int = 0) -> tuple[str, str, str | None] | None:
    """(wording, source, note) of one curated entry: its own text, a listed source, or the referral."""
    label = article_label(facts.article, facts.paragraph)
    if facts.authority:
        return facts.authority, f"{label}（条文原文）", None
    listed = _override(vocab, facts.instrument, facts.article)
    if listed:
        return listed["wording"], listed["source"], listed.get("note")
    ref = facts.refers_to or {}
    if "instrument" in ref and depth < 3:
        target = registry.penalty(ref["instrument"], ref["article"], ref.get("paragraph"))
        if target is not None and target is not facts:
            found = _from_facts(registry, target, vocab, depth + 1)
            if found:
                title = registry.versions[ref["instrument"]].title if ref["instrument"] in registry.versions \
                    else ref["instrument"]
                return (found[0], f"{label}转致的《{title}》{article_label(ref['article'], ref.get('paragraph'))}",
                        found[2])
    return None


def _from_exclusion(registry: Registry, e: Exclusion) -> tuple[str, str] | None:
    if not e.authority:
        return None
    if e.authority_article is not None:
        return e.authority, f"{article_label(e.authority_article)}（条文原文）"
    return e.authority, f"{article_label(e.article, e.paragraph)}（条文原文）"


def authority_for(registry: Registry, instrument: str, article: int, paragraph: int | None = None,
                  on: Date | None = None) -> Authority | None:
    """The competent authority of a penalty provision in the version in force on ``on``."""
    found = _authority_for(registry, instrument, article, paragraph, on)
    return None if found is None else _with_kind_notes(found, _vocabulary(str(registry.root)))


def _authority_for(registry: Registry, instrument: str, article: int, paragraph: int | None,
                   on: Date | None) -> Authority | None:
    version = registry.instrument(instrument, on=on)
    if version is None:
        return None
    vocab = _vocabulary(str(registry.root))
    entries = [registry.penalty(version.id, article, paragraph)] if paragraph is not None else \
        list(registry.penalties_for(version.id, article))
    entries = [e for e in entries if e is not None]
    base = {"version_id": version.id, "article": article, "paragraph": paragraph,
            "effective_from": version.effective_from, "effective_to": version.effective_to}
    if entries:
        found = [(f, _from_facts(registry, f, vocab)) for f in entries]
        found = [(f, w) for f, w in found if w is not None]
        if not found:
            return None
        wordings = list(dict.fromkeys(w[0] for _, w in found))
        wording = "；".join(wordings)
        departments, level, joint, relative = _parse(wording, vocab)
        if len(wordings) > 1:
            joint = "per_paragraph"
            levels = {level_in(w, vocab) for w in wordings}
            level = level if len(levels) == 1 else None
        notes = [w[2] for _, w in found if w[2]]
        return Authority(wording=wording, departments=departments, level=level, joint=joint, relative=relative,
                         health=bool(set(departments) & vocab.health),
                         source="；".join(dict.fromkeys(w[1] for _, w in found)),
                         other_bodies=tuple(b for f, _ in found for b in _other_bodies(f)),
                         note="；".join(notes) or None, **base)
    exclusion = registry.excluded(version.id, article, paragraph)
    if exclusion is None and paragraph is None:
        parts = [e for e in registry.exclusions if e.instrument == version.id and e.article == article]
        exclusion = parts[0] if len(parts) == 1 else None
    listed = _override(vocab, version.id, article)
    if exclusion is not None and listed is not None and exclusion.authority in vocab.relative:
        exclusion = None  # 原发证机关 of an excluded article: the listed source names the body
    if exclusion is not None:
        named = _from_exclusion(registry, exclusion)
        if named is None:
            return None
        departments, level, joint, relative = _parse(named[0], vocab)
        return Authority(wording=named[0], departments=departments, level=level, joint=joint, relative=relative,
                         health=bool(set(departments) & vocab.health), source=named[1],
                         excluded=exclusion.reason, note=exclusion.note, **base)
    if listed is not None:  # no text names the body (细则 2017 without text; 原发证机关)
        departments, level, joint, relative = _parse(listed["wording"], vocab)
        return Authority(wording=listed["wording"], departments=departments, level=level, joint=joint,
                         relative=relative, health=bool(set(departments) & vocab.health), source=listed["source"],
                         note=listed.get("note"), **base)
    return None
