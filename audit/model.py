"""The data of the toolkit: pages, lines, documents, fields, cases, findings, scores.

This module is the one place these types are defined. Every type round-trips through
plain JSON (``to_dict`` / ``from_dict``) so each stage of the pipeline can be written to
disk and read back (overrides, caching, resumable batches).

Coordinates: boxes are ``(x0, top, x1, bottom)`` in PDF points with the origin at the
top-left of the page (pdfplumber's convention). Pages are numbered from 1 within a case.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"

Box = tuple[float, float, float, float]

# An OCR line read under a seal gets at most this confidence: rules ask for 0.85 before they
# call a defect, so what is read through seal ink goes to a person (audit.ocr.worker sets it;
# the extractors use it to tell a seal-covered signing block).
SEAL_LINE_CONFIDENCE = 0.8


class LineSource(enum.StrEnum):
    """Where the text of a line came from."""

    TEXT_LAYER = "text_layer"  # digital text: PDF text layer, .docx, .txt
    OCR = "ocr"


class Status(enum.StrEnum):
    """The answer of a rule. ``needs_review`` is 待人工核查, never a defect."""

    PASS = "pass"
    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"


class Severity(enum.StrEnum):
    VETO = "veto"
    MAJOR = "major"
    MINOR = "minor"
    ADVICE = "advice"


@dataclass(slots=True)
class Line:
    """One line of text on a page, in reading order.

    ``char_x`` holds the left/right x of every character of ``text`` when the source
    knows them (text layers); it lets a field point at its own span, not the whole line.
    """

    text: str
    box: Box | None = None
    confidence: float = 1.0
    source: LineSource = LineSource.TEXT_LAYER
    char_x: list[tuple[float, float]] | None = None

    def span_box(self, start: int, end: int) -> Box | None:
        """Box of the characters ``text[start:end]`` (the whole line box if unknown)."""
        if self.box is None:
            return None
        if not self.char_x or end <= start or end > len(self.char_x):
            return self.box
        x0 = min(x for x, _ in self.char_x[start:end])
        x1 = max(x for _, x in self.char_x[start:end])
        return (round(x0, 2), self.box[1], round(x1, 2), self.box[3])


@dataclass(slots=True)
class Seal:
    """A red seal (印章) found on a page image, in page coordinates."""

    box: Box
    score: float = 1.0  # share of seal-red pixels in the box, or a detector confidence
    text: str = ""  # the agency name read around the ring, when known


@dataclass(slots=True)
class Page:
    """One page of a case, however it arrived."""

    number: int  # 1-based within the case
    source_file: str  # path relative to the case root
    source_page: int = 1  # 1-based page within the source file
    width: float | None = None
    height: float | None = None
    lines: list[Line] = field(default_factory=list)
    needs_ocr: bool = False  # no usable text layer: the OCR stage must read it
    text_engine: str = ""  # pdfplumber | pypdfium2 | docx | txt | <ocr engine>
    note: str = ""  # why a layer was rejected, etc.
    rotation: int = 0  # degrees the page image was turned to read it upright (0/90/180/270)
    skew: float = 0.0  # degrees of deskew applied before OCR
    image_sha256: str | None = None  # content hash of the page image that was OCRed
    seals: list[Seal] = field(default_factory=list)
    seal_checked: bool = False  # seal detection ran on this page's image (seals may be empty)
    ink_regions: dict[str, bool] = field(default_factory=dict)  # signature area name -> holds ink

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class Field:
    """A value read from the file, with where it was read."""

    value: Any
    raw: str
    document: str | None = None  # document id (see Document.id)
    page: int | None = None
    box: Box | None = None
    confidence: float = 1.0
    detail: dict[str, Any] | None = None  # normaliser extras (e.g. both money forms)


FieldValue = Field | list[Field]


@dataclass(slots=True)
class Document:
    """A document of the case file: a run of pages of one type."""

    id: str  # stable within the case, e.g. "d03-decision"
    type: str  # document-type code, see checklists/document_types.yaml
    title: str
    pages: list[int]  # page numbers within the case
    fields: dict[str, FieldValue] = field(default_factory=dict)
    confidence: float = 1.0  # of the classification

    @property
    def first_page(self) -> int:
        return self.pages[0]


@dataclass(slots=True)
class Citation:
    """A cited legal provision, with where it was read."""

    instrument: str | None
    article: int
    paragraph: int | None = None
    item: int | None = None
    sub_item: int | None = None
    raw: str = ""
    document: str | None = None
    page: int | None = None
    box: Box | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Party:
    name: Field | None = None
    type: Field | None = None  # organisation | individual
    credit_code: Field | None = None
    id_number: Field | None = None
    legal_representative: Field | None = None
    address: Field | None = None


@dataclass(slots=True)
class Officer:
    name: Field | None = None
    certificate: Field | None = None


@dataclass(slots=True)
class Penalty:
    kind: Field | None = None
    amount: Field | None = None


@dataclass(slots=True)
class Remedy:
    """The remedy notice of the decision. The scalars can be corrected by a reviewer; the lists
    hold every mention (a second, different period is checked too)."""

    review_body: Field | None = None
    review_days: Field | None = None  # detail.unit: 日 | 个月 as written
    court: Field | None = None
    litigation_months: Field | None = None  # detail.unit: 个月 | 日 as written
    litigation_after_review_days: Field | None = None
    review_bodies: list[Field] = field(default_factory=list)
    periods: list[Field] = field(default_factory=list)  # value {what, value, unit}
    review_first: Field | None = None  # 先申请行政复议 (on-the-spot decisions, 复议前置)
    direct_litigation: list[Field] = field(default_factory=list)  # 也可以直接提起行政诉讼
    notice: Field | None = None  # the remedy sentence


DATE_KEYS: tuple[str, ...] = (
    "accepted",
    "filed",
    "inspected",
    "notice_issued",
    "notice_served",
    "hearing_notice_served",
    "decided",
    "decision_served",
    "paid",
    "closed",
)


@dataclass(slots=True)
class Case:
    """A case file: its pages, its documents and the facts read from them."""

    case_id: str
    source: str
    schema_version: str = SCHEMA_VERSION
    pages: list[Page] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    procedure: Field | None = None  # ordinary | simple
    case_number: Field | None = None
    agency: Field | None = None
    cause: Field | None = None  # 案由
    party: Party = field(default_factory=Party)
    officers: list[Officer] = field(default_factory=list)
    dates: dict[str, Field | None] = field(default_factory=lambda: dict.fromkeys(DATE_KEYS))
    violated_provisions: list[Citation] = field(default_factory=list)
    penalty_basis: list[Citation] = field(default_factory=list)
    penalties: list[Penalty] = field(default_factory=list)
    fine_total: Field | None = None
    remedy: Remedy = field(default_factory=Remedy)
    warnings: list[str] = field(default_factory=list)

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def documents_of(self, *types_: str) -> list[Document]:
        return [d for d in self.documents if d.type in types_]

    def page(self, number: int) -> Page | None:
        return next((p for p in self.pages if p.number == number), None)


@dataclass(slots=True)
class LegalBasis:
    """An article a rule rests on. ``text`` is filled from the law registry when known."""

    instrument: str
    article: str  # as cited, e.g. "第四十四条" or "第六十一条第一款"
    version: str | None = None
    text: str | None = None


@dataclass(slots=True)
class Finding:
    """The answer of one rule on one case."""

    rule: str
    title: str
    dimension: str
    severity: Severity
    status: Status
    expected: str = ""
    observed: str = ""
    evidence: list[Field] = field(default_factory=list)
    basis: list[LegalBasis] = field(default_factory=list)
    points: float = 0.0  # deduction at stake
    fix: str = ""
    waiver: dict[str, str] | None = None  # {reason, who, date} when a reviewer waived it
    veto_basis: str = ""  # veto rules: the provision that makes a failure a veto, in Chinese


@dataclass(slots=True)
class Score:
    total: float
    by_dimension: dict[str, float] = field(default_factory=dict)
    deductions: dict[str, float] = field(default_factory=dict)  # rule code -> points
    vetoed: bool = False
    grade: str = ""
    needs_review_points: float = 0.0
    standard: str = ""
    vetoes: dict[str, str] = field(default_factory=dict)  # failed veto rule -> why it is a veto


# ---------------------------------------------------------------------------
# JSON round trip

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, looked up once per type
_PLAIN = (str, int, float, bool, type(None))


def to_dict(obj: Any) -> Any:
    """Plain-JSON form of any model object (enums as values, tuples as lists)."""
    kind = type(obj)
    if kind in _PLAIN:  # exactly these types (an enum with a str base is not one of them)
        return obj
    names = _FIELD_NAMES.get(kind)
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        _FIELD_NAMES[kind] = names = tuple(f.name for f in dataclasses.fields(obj))
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    return obj


def from_dict(cls: Any, data: Any) -> Any:
    """Rebuild an object of type ``cls`` from :func:`to_dict` output."""
    return _build(cls, data)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _build_union(args, data)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {k: _build(hints[k], v) for k, v in data.items() if k in hints}
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if origin is list:
        return [_build(args[0], v) for v in data]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(args, data, strict=True))
    if origin is dict:
        return {k: _build(args[1], v) for k, v in data.items()}
    return data


def _build_union(args: tuple[Any, ...], data: Any) -> Any:
    candidates = [a for a in args if a is not type(None)]
    if len(candidates) == 1:
        return _build(candidates[0], data)
    # Field | list[Field]: pick by JSON shape
    for cand in candidates:
        if typing.get_origin(cand) is list and isinstance(data, list):
            return _build(cand, data)
        if dataclasses.is_dataclass(cand) and isinstance(data, dict):
            return _build(cand, data)
        if cand in (str, int, float, bool) and isinstance(data, cand):
            return data
    return data


def case_to_json_dict(case: Case) -> dict[str, Any]:
    """Full internal form of a case (pages, documents, fields) for caching and overrides."""
    return to_dict(case)


def case_from_json_dict(data: dict[str, Any]) -> Case:
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ValueError(f"unsupported schema_version {version!r} (expected {SCHEMA_VERSION})")
    return from_dict(Case, data)
