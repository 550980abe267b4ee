"""Penalty facts of a provision in the JSON shape of ``audit law show`` (and helpers the checks share).

Shape of ``penalty_json`` (issue [4])::

    {"kinds": [...],                       # penalty kinds over all tiers, text order
     "fine": {"kind": "fixed" | "multiple" | "tiered" | "unspecified" | "none",
              "min": int | None, "max": int | None,        # yuan, inclusive, None when open
              "base": "违法所得" | None, "min_multiple": ..., "max_multiple": ...,
              "floor_base_yuan": 10000 | None,             # 违法所得不足一万元的，按一万元计算
              "tiers": [{<same shape>, "condition": "逾期不改正" | None}],
              "discretion": "must" | "may" | None,
              "target": None | "违法单位的法定代表人…"},    # a fine on persons other than the party
     "conduct": ..., "authority": ..., "orders": [...], "obligations": [{article, label, text}],
     "tiers": [{"condition", "quote", "authority", "sanctions": [{kind, phrase, mode}]}],
     "refers_to": {...} | None, "source": {...}, "notes": ...}

A citation that names a 款 gets that 款's facts; an article cited without 款 whose 款 carry
different facts gets the merged view (kinds of all 款, one fine tier per 款) plus ``by_paragraph``.
"""

from __future__ import annotations

import re
from typing import Any

from audit.law.registry import Fine, PenaltyFacts, Registry, Sanction
from audit.law.resolve import article_label

FINE = "罚款"
MUST_MODES = frozenset({"mandatory"})


def discretion(mode: str) -> str:
    """must (给予/处/并处) or may (可以/可以并处/或者 alternatives)."""
    return "must" if mode in MUST_MODES else "may"


def _blank(kind: str) -> dict[str, Any]:
    return {"kind": kind, "min": None, "max": None, "base": None, "min_multiple": None, "max_multiple": None,
            "floor_base_yuan": None, "tiers": [], "discretion": None, "target": None}


def _num(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def fine_entries(condition: str | None, sanction: Sanction) -> list[dict[str, Any]]:
    """One fine sanction as fine-shaped entries (two when a multiple has a no-income fallback)."""
    fine: Fine | None = sanction.fine
    how = discretion(sanction.mode)
    target = sanction.target
    if fine is None:
        return [{**_blank("unspecified"), "discretion": how, "condition": condition, "target": target}]
    if fine.multiple_of is None:
        return [{**_blank("fixed"), "min": fine.min, "max": fine.max, "discretion": how, "condition": condition,
                 "target": target}]
    multiple = {**_blank("multiple"), "base": fine.multiple_of, "min_multiple": _num(fine.min_multiple),
                "max_multiple": _num(fine.max_multiple), "floor_base_yuan": fine.income_floor,
                "discretion": how, "condition": condition, "target": target}
    if fine.no_income_below is None:
        return [multiple]
    prefix = f"{condition}，" if condition else ""
    multiple["condition"] = f"{prefix}{fine.multiple_of}{fine.no_income_below}元以上"
    fallback = {**_blank("fixed"), "min": fine.no_income_min, "max": fine.no_income_max, "discretion": how,
                "condition": f"{prefix}没有{fine.multiple_of}或者{fine.multiple_of}不足{fine.no_income_below}元",
                "target": target}
    return [multiple, fallback]


def fine_json(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``fine`` object from fine-shaped entries (see module doc)."""
    if not entries:
        return _blank("none")
    if len(entries) == 1:
        only = dict(entries[0])
        condition = only.pop("condition")
        if condition:  # a single fine that applies only under a condition (逾期不改正 …)
            only["tiers"] = [dict(entries[0])]
        return only
    out = _blank("tiered")
    fixed = [e for e in entries if e["kind"] == "fixed"]
    if len(fixed) == len(entries):
        out["min"] = None if any(e["min"] is None for e in fixed) else min(e["min"] for e in fixed)
        out["max"] = None if any(e["max"] is None for e in fixed) else max(e["max"] for e in fixed)
    base = next((e for e in entries if e["condition"] is None and not e["target"]), entries[0])
    out["discretion"] = base["discretion"]
    out["tiers"] = [dict(e) for e in entries]
    return out


def _fine_entries(facts: PenaltyFacts) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for tier in facts.tiers:
        for sanction in tier.sanctions:
            if sanction.kind == FINE:
                out.extend(fine_entries(tier.condition, sanction))
    return out


def referenced(registry: Registry, facts: PenaltyFacts) -> PenaltyFacts | None:
    """The facts of the provision ``facts`` punishes "依照…的规定" (None when not curated)."""
    ref = facts.refers_to or {}
    if "instrument" not in ref or "article" not in ref:
        return None
    return registry.penalty(ref["instrument"], ref["article"], ref.get("paragraph"))


def effective_facts(registry: Registry, facts: PenaltyFacts) -> PenaltyFacts:
    """``facts`` itself, or what it refers to when it states no sanction of its own."""
    if facts.refers_to and not any(t.sanctions for t in facts.tiers):
        target = referenced(registry, facts)
        if target is not None:
            return target
    return facts


def _refers_json(registry: Registry, facts: PenaltyFacts) -> dict[str, Any] | None:
    ref = facts.refers_to
    if not ref:
        return None
    if "instrument" not in ref:
        return {"text": ref.get("text"), "instrument": None, "article": None, "paragraph": None, "label": None}
    version = registry.versions.get(ref["instrument"])
    title = registry.works[version.work].title if version else ref["instrument"]
    return {"instrument": title, "version_id": ref["instrument"], "article": ref["article"],
            "paragraph": ref.get("paragraph"), "label": article_label(ref["article"], ref.get("paragraph")),
            "text": None}


def _obligations(registry: Registry, facts: PenaltyFacts) -> list[dict[str, Any]]:
    out = []
    for number in facts.enforces:
        art = registry.article(facts.instrument, number)
        out.append({"article": number, "label": article_label(number), "text": art.text if art else None})
    return out


def penalty_json(registry: Registry, facts: PenaltyFacts) -> dict[str, Any]:
    """One curated entry (an article or one 款) in the ``show`` shape."""
    source = effective_facts(registry, facts)
    fine = _blank("unspecified") if unresolved_reference(registry, facts) else fine_json(_fine_entries(source))
    return {
        "kinds": list(source.kinds),
        "referral_kinds": list(source.referral_kinds),  # only proposed (提请) to another body
        "fine": fine,
        "conduct": facts.conduct,
        "authority": facts.authority or source.authority,
        "orders": list(facts.orders),
        "obligations": _obligations(registry, facts),
        "obligation_note": facts.obligation_note,
        "tiers": [
            {"condition": t.condition, "quote": t.quote, "authority": t.authority, "referral": t.referral,
             "sanctions": [{"kind": s.kind, "phrase": s.phrase, "mode": s.mode, "discretion": discretion(s.mode),
                            "term": s.term, "target": s.target} for s in t.sanctions]}
            for t in facts.tiers
        ],
        "refers_to": _refers_json(registry, facts),
        "source": {"version_id": facts.instrument, "article": facts.article, "paragraph": facts.paragraph,
                   "label": article_label(facts.article, facts.paragraph)},
        "notes": facts.notes,
    }


def unresolved_reference(registry: Registry, facts: PenaltyFacts) -> bool:
    """True when ``facts`` punishes by reference to a provision the registry does not curate."""
    return bool(facts.refers_to) and not any(t.sanctions for t in facts.tiers) and referenced(registry, facts) is None


def provision_penalty(registry: Registry, version_id: str, article: int,
                      paragraph: int | None = None) -> dict[str, Any] | None:
    """Penalty JSON for a cited article or 款 (None when it is not a curated penalty provision)."""
    if paragraph is not None:
        facts = registry.penalty(version_id, article, paragraph)
        return penalty_json(registry, facts) if facts else None
    entries = registry.penalties_for(version_id, article)
    if not entries:
        return None
    if len(entries) == 1:
        return penalty_json(registry, entries[0])
    parts = [penalty_json(registry, e) for e in sorted(entries, key=lambda e: e.paragraph or 0)]
    return merge_paragraphs(parts)


def merge_paragraphs(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One view of an article whose 款 carry different penalty facts."""
    kinds = list(dict.fromkeys(k for p in parts for k in p["kinds"]))
    tiers = []
    for p in parts:
        label = p["source"]["label"]
        fine = p["fine"]
        if fine["kind"] == "none":
            continue
        sub = fine["tiers"] if fine["tiers"] else [{**fine, "condition": None}]
        for t in sub:
            t = {**t, "tiers": []}
            t["condition"] = f"{label}：{t['condition']}" if t["condition"] else label
            tiers.append(t)
    fine = _blank("none") if not tiers else _blank("tiered")
    if tiers:
        fine["tiers"] = tiers
        fine["discretion"] = tiers[0]["discretion"]
        fixed = [t for t in tiers if t["kind"] == "fixed"]
        if len(fixed) == len(tiers):
            fine["min"] = None if any(t["min"] is None for t in fixed) else min(t["min"] for t in fixed)
            fine["max"] = None if any(t["max"] is None for t in fixed) else max(t["max"] for t in fixed)
    return {
        "kinds": kinds,
        "referral_kinds": list(dict.fromkeys(k for p in parts for k in p.get("referral_kinds", ())
                                             if k not in kinds)),
        "fine": fine,
        "conduct": "；".join(f"{p['source']['label']}：{p['conduct']}" for p in parts),
        "authority": next((p["authority"] for p in parts if p["authority"]), None),
        "orders": list(dict.fromkeys(o for p in parts for o in p["orders"])),
        "obligations": list({o["article"]: o for p in parts for o in p["obligations"]}.values()),
        "obligation_note": None,
        "tiers": [t for p in parts for t in p["tiers"]],
        "refers_to": None,
        "source": {**parts[0]["source"], "paragraph": None, "label": article_label(parts[0]["source"]["article"])},
        "notes": None,
        "by_paragraph": parts,
    }


# Reading statute texts (the registry's, never a case document's).
PENALTY_CHAPTER = re.compile(r"(法律责任|罚则|奖励与处罚)$")
_CONDUCT_HEAD = re.compile(r"^.*?违反本(?:法|条例|规定|办法)(?:第[^，,]{1,30}条)?(?:的)?规定，?")
_CONDUCT_TAIL = re.compile(r"的，(?:由|依照|依据|按照|处|给予|责令|对).*$", re.S)


def is_penalty_chapter(chapter: str | None) -> bool | None:
    """Whether a chapter title is a 法律责任 / 罚则 chapter (None when the article has no chapter)."""
    if not chapter:
        return None
    return bool(PENALTY_CHAPTER.search("".join(chapter.split())))


def conduct_text(text: str) -> str:
    """The conduct clause of a penalty provision (违反本条例第X条规定，<conduct>的，由…)."""
    body = _CONDUCT_TAIL.sub("", text.split("\n")[0])
    return _CONDUCT_HEAD.sub("", body)
