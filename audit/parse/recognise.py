"""What the input is: penalty case documents recognised by title or by content.

An input in which no penalty case document is recognised (a meeting notice, a 复议决定书, an
unrelated letter) is not a case file: :func:`require_case_file` refuses it with a bilingual
message, so ``audit check``, the batch and the web page give no score and no grade for it.
The lists live in ``checklists/document_types.yaml`` (``case_documents``, ``by_content``,
``not_titles``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from audit.checklists import load_yaml
from audit.errors import InputError
from audit.model import Case

CONTENT_CONFIDENCE = 0.7  # a type taken from a document's content, not its title


@functools.cache
def _data() -> dict:
    return load_yaml("document_types.yaml")


@functools.cache
def case_document_types() -> frozenset[str]:
    """Document types that make an input a penalty case file."""
    return frozenset(_data()["case_documents"])


@functools.cache
def _content_rules() -> list[tuple[str, list[regex.Pattern]]]:
    return [(r["code"], [regex.compile(p) for p in r["all"]]) for r in _data().get("by_content", [])]


@functools.cache
def _not_titles() -> regex.Pattern:
    return regex.compile(_data()["not_titles"])


def type_by_content(text: str) -> str | None:
    """The document type this text is by its content, when its own title is not a known one.

    ``text`` is the document's text; its first non-empty lines are looked at for the title of
    another kind of document (行政复议决定书, 通知…), which rules content recognition out.
    """
    head = [ln.strip() for ln in text.splitlines() if ln.strip()][:6]
    if any(_not_titles().search(regex.sub(r"[\s\u3000]+", "", ln)) for ln in head):
        return None
    flat = regex.sub(r"[\s\u3000]+", "", text)
    for code, patterns in _content_rules():
        if all(p.search(flat) for p in patterns):
            return code
    return None


@dataclass(slots=True)
class Recognition:
    """What was recognised in an input: its documents and whether it is a case file."""

    documents: list[tuple[str, str, float]] = field(default_factory=list)  # (type, title, confidence)
    case_documents: list[str] = field(default_factory=list)  # types that make it a case file
    unread_pages: int = 0  # pages with no text (scans left unread)
    readable_pages: int = 0

    @property
    def is_case_file(self) -> bool:
        """A penalty case document was recognised, or nothing could be read to tell."""
        return bool(self.case_documents) or self.readable_pages == 0


def recognise(case: Case) -> Recognition:
    """The documents recognised in ``case`` and whether it is a penalty case file."""
    wanted = case_document_types()
    out = Recognition()
    for doc in case.documents:
        out.documents.append((doc.type, doc.title, doc.confidence))
        if doc.type in wanted and doc.type not in out.case_documents:
            out.case_documents.append(doc.type)
    for page in case.pages:
        if any(line.text.strip() for line in page.lines):
            out.readable_pages += 1
        elif page.needs_ocr:
            out.unread_pages += 1
    return out


def not_a_case_file(source: str) -> InputError:
    return InputError(
        "not_a_case_file",
        f"输入不是可识别的行政处罚案卷：未识别到行政处罚决定书、告知书、笔录或审批表等案卷文书，不给出分数和等级：{source}",
        f"the input is not a recognisable penalty case file: no decision, notice, record or approval "
        f"form was found, so it is not scored: {source}",
    )


def require_case_file(case: Case) -> Recognition:
    """The recognition of ``case``; raises :class:`InputError` when it is not a case file."""
    found = recognise(case)
    if not found.is_case_file:
        from pathlib import Path

        raise not_a_case_file(Path(case.source).name or case.source)
    return found
