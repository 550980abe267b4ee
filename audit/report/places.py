"""Which picture a piece of evidence gets. Evidence that points at a document as a whole
(what the checks give for something missing) is shown at the line where the missing thing
belongs (:mod:`audit.parse.places`), or with no picture — never at the title or a page stamp."""

from __future__ import annotations

import functools

from audit.model import Case, Field, Finding


@functools.cache
def _kinds() -> dict[str, str]:
    from audit.checks import load_rules

    return {r.code: r.kind for r in load_rules()}


def whole_document(case: Case, f: Field) -> bool:
    """True when ``f`` stands for its document as a whole, not for something read on it."""
    doc = case.document(f.document) if f.document else None
    return doc is not None and f.value in (doc.title, doc.type)


def crop_field(case: Case, finding: Finding, f: Field) -> Field | None:
    """The field whose box the crop for ``f`` is drawn around, or None for no crop."""
    if not whole_document(case, f):
        return f
    from audit.parse.places import find_place, place_labels

    return find_place(case, f.document, place_labels(_kinds().get(finding.rule, "")))
