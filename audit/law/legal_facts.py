"""Dated legal facts (periods, amounts, limits) from ``checklists/law/legal_facts.yaml``.

Each value is stated by a quoted article of one version and applies in a date window::

    reg = Registry.load()
    fact = reg.legal_fact("limitation_period", on=date(2022, 3, 1))
    fact.value["years"], fact.value["extended_years"], fact.citation   # 2, 5, '《中华人民共和国行政处罚法》第三十六条第一款'

None when no value applies on that date (or the key is unknown).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.checklists import safe_load
from audit.parse.numerals import article_label

if TYPE_CHECKING:
    from audit.law.registry import Registry

Date = dt.date


@dataclass(frozen=True)
class LegalFact:
    """One value of a dated legal fact, with the article that states it."""

    key: str
    name: str
    unit: str
    value: Any
    instrument: str          # version id
    article: int
    paragraph: int | None
    item: int | None
    quote: str
    applies_from: Date | None
    applies_to: Date | None
    citation: str            # 《title》第X条第Y款第（Z）项
    note: str | None = None

    def applies(self, on: Date) -> bool:
        if self.applies_from is not None and on < self.applies_from:
            return False
        return self.applies_to is None or on <= self.applies_to


def _date(value: Any) -> Date | None:
    if value is None or isinstance(value, Date):
        return value
    return Date.fromisoformat(str(value))


_LOADED: dict[str, tuple[LegalFact, ...]] = {}


def _load(reg: Registry) -> tuple[LegalFact, ...]:
    key = str(reg.root)
    if key not in _LOADED:
        _LOADED[key] = _read(reg)
    return _LOADED[key]


def _read(reg: Registry) -> tuple[LegalFact, ...]:
    with (Path(reg.root) / "legal_facts.yaml").open(encoding="utf-8") as fh:
        data = safe_load(fh)
    out = []
    for fact in data["facts"]:
        for v in fact["values"]:
            version = reg.versions[v["instrument"]]
            citation = f"《{version.title}》{article_label(v['article'], v.get('paragraph'), v.get('item'))}"
            out.append(LegalFact(
                key=fact["key"], name=fact["name"], unit=fact["unit"], value=v["value"],
                instrument=v["instrument"], article=v["article"], paragraph=v.get("paragraph"), item=v.get("item"),
                quote=v["quote"], applies_from=_date(v.get("applies_from")), applies_to=_date(v.get("applies_to")),
                citation=citation, note=v.get("note"),
            ))
    return tuple(out)


def legal_facts(registry: Registry, key: str | None = None) -> tuple[LegalFact, ...]:
    """All values (of one key), in file order."""
    return tuple(f for f in _load(registry) if key is None or f.key == key)


def legal_fact(registry: Registry, key: str, on: Date) -> LegalFact | None:
    """The value of ``key`` that applies on ``on``; the latest-starting one when several do
    (行政强制法 第四十五条 and 行政处罚法 2021 第七十二条 both cap the surcharge after 2021-07-15)."""
    found = [f for f in legal_facts(registry, key) if f.applies(on)]
    if not found:
        return None
    return max(found, key=lambda f: f.applies_from or Date.min)
