"""Which picture a piece of evidence gets. Evidence that points at a document as a whole
(what the checks give for something missing) is shown at the line where the missing thing
belongs (:mod:`audit.parse.places`), or with no picture — never at the title or a page stamp."""

from __future__ import annotations

import functools

from audit.model import Case, Field, Finding


@functools.cache
def _kinds() -> dict[str, tuple[str, str]]:
    """Rule code -> (kind.mode, kind): the keys its place may be listed under."""
    from audit.checks import load_rules
    from audit.checks.registry import variant_key

    return {r.code: (variant_key(r.kind, r.params), r.kind) for r in load_rules()}


def whole_document(case: Case, f: Field) -> bool:
    """True when ``f`` stands for its document as a whole, not for something read on it."""
    doc = case.document(f.document) if f.document else None
    return doc is not None and f.value in (doc.title, doc.type)


def crop_field(case: Case, finding: Finding, f: Field) -> Field | None:
    """The field whose box the crop for ``f`` is drawn around, or None for no crop."""
    if not whole_document(case, f):
        return f
    from audit.parse.places import find_place

    return find_place(case, f.document, rule_place_labels(finding.rule))


def rule_place_labels(code: str) -> list[str]:
    """The labels of the line where a finding of rule ``code`` belongs: those listed for its kind
    and mode (``officers.count``), else for its kind."""
    from audit.parse.places import place_labels

    keys = _kinds().get(code, ("", ""))
    return place_labels(keys[0]) or place_labels(keys[1])
