"""Ground truth and extraction results as comparable fields.

Two truth formats are read: the corpus format (``truth_version: corpus/1``, every scalar a
``{value, raw, document, page}`` object, written by ``samples/generator``) and the plain-value
format of the hand-made cases in ``samples/cases`` (values only, no locations). Both flatten to
``{field name: Expected(value, document)}``; the extraction contract flattens to
``{field name: Got(value, document)}``. Only fields the truth states are scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from audit.model import DATE_KEYS

PARTY_KEYS = ("name", "type", "credit_code", "id_number", "legal_representative", "address")
REMEDY_KEYS = ("review_body", "review_days", "court", "litigation_months")
SCALARS = ("procedure", "case_number", "agency", "cause", "fine_total")


@dataclass(frozen=True, slots=True)
class Value:
    value: Any
    document: str | None = None
    page: int | None = None


def _scalar(entry: Any) -> Value:
    if isinstance(entry, dict) and "value" in entry:
        return Value(_norm(entry["value"]), entry.get("document"), entry.get("page"))
    return Value(_norm(entry))


def _norm(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _cite(c: dict) -> tuple:
    return (c.get("instrument"), c.get("article"), c.get("paragraph"), c.get("item"))


def _first_doc(items: list[dict]) -> str | None:
    for item in items:
        doc = item.get("document")
        if isinstance(doc, str):
            return doc
    return None


def flatten(data: dict, *, truth: bool) -> dict[str, Value]:
    """Fields of a truth.json or of an extraction contract, keyed ``party.name``, ``dates.filed`` …

    For the truth, a field the file does not state (null) is left out unless the truth file
    says so explicitly by carrying the key (then the expected value is None).
    """
    out: dict[str, Value] = {}

    def put(name: str, entry: Any, present: bool) -> None:
        if not present and truth:
            return
        out[name] = _scalar(entry) if entry is not None else Value(None)

    for key in SCALARS:
        put(key, data.get(key), key in data)
    for group, keys in (("party", PARTY_KEYS), ("remedy", REMEDY_KEYS), ("dates", DATE_KEYS)):
        block = data.get(group) or {}
        for key in keys:
            put(f"{group}.{key}", block.get(key), key in block)
    if "officers" in data:
        pairs = sorted((_scalar(o.get("name")).value, _scalar(o.get("certificate")).value) for o in data["officers"])
        docs = [o.get("name") for o in data["officers"] if isinstance(o.get("name"), dict)]
        out["officers"] = Value(tuple(pairs), _first_doc(docs))
    for key in ("violated_provisions", "penalty_basis"):
        if key in data:
            cites = data[key] or []
            out[key] = Value(tuple(sorted((_cite(c) for c in cites), key=repr)), _first_doc(cites))
    if "penalties" in data:
        items = data["penalties"] or []
        pairs = sorted(((_scalar(p.get("kind")).value, _scalar(p.get("amount")).value) for p in items), key=repr)
        kinds = [p.get("kind") for p in items if isinstance(p.get("kind"), dict)]
        out["penalties"] = Value(tuple(pairs), _first_doc(kinds))
    if "documents" in data:
        out["documents"] = Value(tuple((d["type"], d["pages"][0], d["pages"][-1]) for d in data["documents"]))
    return out


def is_corpus_truth(truth: dict) -> bool:
    return str(truth.get("truth_version", "")).startswith("corpus/")
