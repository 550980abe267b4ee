"""Counting: field accuracy and defect detection (per type and per rule).

Fields: a field counts when the truth states it (non-null); it is correct when the extracted
value equals the truth exactly (after trimming; 8000.0 == 8000). A value extracted where the
truth says the file has none is counted as ``spurious``.

Defects (injected, from truth.json) against findings (``audit.pipeline.check_case``), per
rendering. A rule declares the defect types it detects (``detects``). On one case:

- a defect is detected (tp) when a rule that detects its type answers ``fail``; else, when
  such a rule answers ``needs_review``, it is counted ``needs_review``; else it is missed (fn);
- a rule's ``fail`` on a case with no defect of a type it detects is a false positive (fp);
- ``needs_review`` never counts as tp or fp.

``recall`` = tp / injected defects whose type some rule detects (needs_review counts in the
denominator, never as found); ``recall_all`` = tp / all injected defects; ``precision`` =
explained fails / all fails of rules that declare ``detects``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from audit.eval.truth import Value


def ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


@dataclass
class FieldTally:
    correct: int = 0
    total: int = 0
    spurious: int = 0
    located: int = 0  # correct values read from the truth's document type
    comparable: int = 0  # correct values whose truth names a document

    def add(self, expected: Value, got: Value | None) -> bool:
        value = None if got is None else got.value
        if expected.value is None:
            if value not in (None, (), ""):
                self.spurious += 1
            return True
        self.total += 1
        ok = value == expected.value
        if ok:
            self.correct += 1
            if expected.document:
                self.comparable += 1
                self.located += got is not None and got.document == expected.document
        return ok

    def merge(self, other: FieldTally) -> None:
        self.correct += other.correct
        self.total += other.total
        self.spurious += other.spurious
        self.located += other.located
        self.comparable += other.comparable

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.total)


@dataclass
class FieldStats:
    overall: FieldTally = field(default_factory=FieldTally)
    by_field: dict[str, FieldTally] = field(default_factory=lambda: defaultdict(FieldTally))
    by_document: dict[str, FieldTally] = field(default_factory=lambda: defaultdict(FieldTally))
    by_template: dict[str, FieldTally] = field(default_factory=lambda: defaultdict(FieldTally))
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add_case(self, case_id: str, template: str, expected: dict[str, Value], got: dict[str, Value]) -> None:
        for name, exp in sorted(expected.items()):
            one = FieldTally()
            ok = one.add(exp, got.get(name))
            for tally in (self.overall, self.by_field[name], self.by_document[exp.document or "unknown"],
                          self.by_template[template]):
                tally.merge(one)
            if not ok:
                g = got.get(name)
                self.misses.append({"case": case_id, "field": name, "expected": _show(exp.value),
                                    "got": _show(None if g is None else g.value), "document": exp.document,
                                    "page": exp.page})


def _show(value: Any) -> Any:
    if isinstance(value, tuple):
        return [list(v) if isinstance(v, tuple) else v for v in value]
    return value


@dataclass
class Outcome:
    """What the rules said on one case (one rendering)."""

    fails: set[str]
    reviews: set[str]
    errors: set[str]


@dataclass
class DefectStats:
    by_type: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    by_rule: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    injected: int = 0
    detectable: int = 0
    tp: int = 0
    fails: int = 0  # fails of rules that declare detects
    explained: int = 0  # of those, fails on a case with a defect of a detected type
    clean_cases: int = 0
    clean_with_fail: int = 0
    clean_fails: list[dict[str, str]] = field(default_factory=list)
    missed: list[dict[str, str]] = field(default_factory=list)
    false_alarms: list[dict[str, str]] = field(default_factory=list)

    def add_case(self, case_id: str, defects: list[dict], outcome: Outcome, detects: dict[str, tuple[str, ...]]) -> None:
        types_present = {d["type"] for d in defects}
        detectors: dict[str, list[str]] = defaultdict(list)
        for code, types in detects.items():
            for t in types:
                detectors[t].append(code)
        for d in defects:
            t = d["type"]
            self.injected += 1
            rules = detectors.get(t, [])
            entry = self.by_type[t]
            entry["injected"] += 1
            if not rules:
                entry["fn"] += 1
                continue
            self.detectable += 1
            if any(r in outcome.fails for r in rules):
                entry["tp"] += 1
                self.tp += 1
            elif any(r in outcome.reviews for r in rules):
                entry["needs_review"] += 1
            else:
                entry["fn"] += 1
                self.missed.append({"case": case_id, "type": t, "page": d.get("page"), "rules": ", ".join(rules)})
        for code, types in detects.items():
            if not types:
                continue
            stats = self.by_rule[code]
            relevant = types_present & set(types)
            if code in outcome.fails:
                self.fails += 1
                if relevant:
                    stats["tp"] += 1
                    self.explained += 1
                else:
                    stats["fp"] += 1
                    for t in types:
                        self.by_type[t]["fp"] += 1
                    self.false_alarms.append({"case": case_id, "rule": code})
            elif code in outcome.reviews:
                stats["needs_review"] += 1
                if relevant:
                    stats["needs_review_on_defect"] += 1
            elif relevant:
                stats["fn"] += 1
            if code in outcome.errors:
                stats["errors"] += 1
        if not defects:
            self.clean_cases += 1
            if outcome.fails:
                self.clean_with_fail += 1
                for code in sorted(outcome.fails):
                    self.clean_fails.append({"case": case_id, "rule": code})

    @property
    def precision(self) -> float | None:
        return ratio(self.explained, self.fails)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.detectable)

    @property
    def recall_all(self) -> float | None:
        return ratio(self.tp, self.injected)
