"""Label and wording variants as data: ``checklists/labels.yaml`` and ``checklists/wording.yaml``.

One field goes by several labels across regions (被处罚人 / 当事人 / 被检查单位（人）); one legal
element by several wordings (three ways of writing that the certificates were shown). The
readers ask here for every variant, so a new regional form needs a line of data, not code.
"""

from __future__ import annotations

import functools

import regex

from audit.checklists import load_yaml
from audit.parse.text import surely_absent


@functools.lru_cache(maxsize=4096)  # the labels of the data files, compacted over and over
def _compact(text: str) -> str:
    return regex.sub(r"[\s\u3000]+", "", text)


@functools.cache
def _labels() -> dict:
    return load_yaml("labels.yaml")


@functools.cache
def _wording() -> dict:
    return load_yaml("wording.yaml")


@functools.cache
def labels(field: str, near_party: bool | None = None) -> tuple[str, ...]:
    """The labels of ``field`` (longest first). ``near_party=False`` leaves out labels that name
    the field only inside the party block; ``True`` gives only those."""
    entries = _labels()["fields"][field]
    if near_party is not None:
        entries = [e for e in entries if bool(e.get("near_party")) == near_party]
    return tuple(sorted((e["label"] for e in entries), key=len, reverse=True))


@functools.cache
def date_labels(row: str) -> tuple[str, ...]:
    """The labels of a date row (``meeting``: 讨论时间, 会议时间…), longest first."""
    return tuple(sorted((e["label"] for e in _labels()["dates"][row]), key=len, reverse=True))


@functools.cache
def _all_labels() -> frozenset[str]:
    fields = _labels()["fields"].values()
    sections = _labels()["sections"].values()
    return frozenset(_compact(e["label"]).rstrip("：:") for group in (*fields, *sections) for e in group)


def is_label(text: str) -> bool:
    """Whether ``text`` is itself a known label or heading (so not a value)."""
    return _compact(text).rstrip("：:") in _all_labels()


@functools.cache
def section_labels(section: str) -> tuple[str, ...]:
    """The headings of a section of a sectioned document (longest first)."""
    return tuple(sorted((e["label"] for e in _labels()["sections"][section]), key=len, reverse=True))


@functools.cache
def all_section_labels() -> dict[str, str]:
    """Heading (compacted) → section name, for every section."""
    return {_compact(e["label"]): name for name, entries in _labels()["sections"].items() for e in entries}


@functools.cache
def label_family(label: str) -> tuple[str, ...]:
    """Every label of the field ``label`` belongs to (itself alone when it is in no family)."""
    wanted = _compact(label)
    for name, entries in _labels()["fields"].items():
        if any(_compact(e["label"]) == wanted for e in entries):
            return labels(name)
    return (label,)


@functools.cache
def _variants(label: str) -> tuple[str, ...]:
    return tuple(e["pattern"] for e in _wording()["phrases"].get(label, []))


def phrase_labels() -> tuple[str, ...]:
    """The legal elements that have wording variants."""
    return tuple(_wording()["phrases"])


def find_phrase(label: str, text: str, pattern: str | None = None) -> regex.Match | None:
    """The first place ``text`` states the element ``label``: its own ``pattern`` (from a rule)
    or any variant listed for the label in ``checklists/wording.yaml``."""
    candidates = ([pattern] if pattern else []) + list(_variants(label))
    best: regex.Match | None = None
    for p in candidates:
        if surely_absent(p, text):  # plain wording not in the text: no match, nothing to compile
            continue
        m = regex.compile(p).search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best
