"""Headed sections of a document written in sections (违法事实 / 相关证据 / 行政处罚依据和种类 …).

A heading is a line that is one of the section labels of ``checklists/labels.yaml``
(optionally followed by a colon and the start of the section's text). A section runs to the
next heading or the end of the document. Offsets are in the document's flat text.
"""

from __future__ import annotations

import regex

from audit.parse import vocabulary
from audit.parse.doctext import DocText


def _flat_offset(dt: DocText, offset: int) -> int:
    """The flat-text offset of the first character at or after ``offset`` in ``dt.text``."""
    import bisect

    return bisect.bisect_left(dt.flat_index, offset)


def sections(dt: DocText) -> dict[str, tuple[int, int]]:
    """Section name → ``(start, end)`` of its body in ``dt.flat`` (the first of each name)."""
    headings = vocabulary.all_section_labels()
    found: list[tuple[str, int, int]] = []  # name, heading start, body start (flat)
    for offset, text in dt.lines():
        stripped = text.strip(" \t\u3000")
        m = regex.match(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)])?\s*(?P<h>[^：:]{2,30}?)\s*(?:[：:]|$)", stripped)
        if not m:
            continue
        name = headings.get(regex.sub(r"[\s\u3000]+", "", m.group("h")))
        if name is None:
            continue
        lead = len(text) - len(text.lstrip(" \t\u3000"))
        found.append((name, _flat_offset(dt, offset), _flat_offset(dt, offset + lead + m.end())))
    out: dict[str, tuple[int, int]] = {}
    for i, (name, _, body) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(dt.flat)
        out.setdefault(name, (body, end))
    return out
