"""The line of a document where a missing or short thing belongs (``checklists/places.yaml``):
what a finding about an absence shows as its crop, instead of the document's title."""

from __future__ import annotations

from audit.checklists import load_yaml
from audit.model import Case, Field


def place_labels(kind: str) -> list[str]:
    """The labels of the place for findings of check ``kind`` (empty: no place known)."""
    places = (load_yaml("places.yaml") or {}).get("places") or {}
    return list((places.get(kind) or {}).get("labels") or [])


def find_place(case: Case, document_id: str, labels: list[str]) -> Field | None:
    """The first line of the document holding one of ``labels`` (earlier labels first)."""
    doc = case.document(document_id)
    if doc is None or not labels:
        return None
    lines = [(number, line) for number in doc.pages if (page := case.page(number)) for line in page.lines]
    for label in labels:
        for number, line in lines:
            if label in line.text and line.box is not None:
                return Field(line.text, line.text, doc.id, number, line.box, line.confidence)
    return None
