"""Build a case from a rule example: documents given by type and text.

The text goes through the real extractors, so an example exercises the same parsing a
real file does. The documentation is the test: every rule's examples run in pytest.
"""

from __future__ import annotations

from typing import Any

from audit.model import Case, Document, Line, Page, Seal
from audit.parse.consolidate import consolidate
from audit.parse.extract import extract_documents


def case_from_example(example: dict[str, Any], name: str = "example") -> Case:
    case = Case(case_id=name, source="<example>")
    for index, spec in enumerate(example["documents"], start=1):
        text = spec.get("text", "")
        lines = [Line(text=t) for t in text.splitlines() if t.strip()]
        page = Page(number=index, source_file="<example>", lines=lines, text_engine="txt")
        if "seal" in spec:  # the page image was checked for seals: present | absent
            page.seal_checked = True
            page.seals = [Seal(box=(400.0, 600.0, 520.0, 720.0))] if spec["seal"] == "present" else []
        case.pages.append(page)
        case.documents.append(Document(id=f"d{index:02d}-{spec['type']}", type=spec["type"], title=spec["type"], pages=[index]))
    extract_documents(case)
    consolidate(case)
    return case
