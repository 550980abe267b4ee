"""The conditions of 行政处罚法（2021）第三十三条第一款 as the file states them: 初次违法, 及时改正,
危害后果轻微 (or none), and the words by which a published list leaves a case out (双随机…).

Wordings are data (``checklists/first_offence.yaml``; exclusions from ``checklists/lists/``).
Each reading document gets ``fo_<condition>`` fields: ``True`` where the file says the condition
holds, ``False`` where it says it does not. A sentence that orders the party (责令…立即改正) or
restates the statute's own condition (…的，可以不予行政处罚) is not a statement of fact and is
skipped. Where no document states a condition, no field is set.
"""

from __future__ import annotations

import functools

import regex

from audit.checklists import checklists_dir, load_yaml
from audit.model import Case, Field
from audit.parse.doctext import DocText

READ_IN = ("decision", "onsite_decision", "investigation_report", "panel_discussion", "decision_approval",
           "collective_discussion", "inspection_record", "supervision_opinion", "closing_report")
_SENTENCE_END = regex.compile(r"[。；;\n]")
_ORDER = regex.compile(r"责令|要求|应当|应予|须|请你|请于|限你|限期")
_STATUTE = regex.compile(r"(?:的|者)[，,]?\s*(?:可以|应当)?不予(?:行政)?处罚|第三十三条[^。；]{0,4}规定[：:，]?\s*[“\"]")


@functools.cache
def _conditions() -> dict[str, dict[str, tuple[regex.Pattern, ...]]]:
    data = load_yaml("first_offence.yaml")["conditions"]
    return {name: {side: tuple(regex.compile(e["pattern"]) for e in spec.get(side, []))
                   for side in ("holds", "fails")} for name, spec in data.items()}


@functools.cache
def _exclusions() -> tuple[tuple[str, regex.Pattern], ...]:
    out: dict[str, regex.Pattern] = {}
    for path in sorted((checklists_dir() / "lists").glob("*.yaml")):
        for e in load_yaml(f"lists/{path.name}").get("excluded_when") or []:
            out.setdefault(e["label"], regex.compile(e["pattern"]))
    return tuple(out.items())


def _sentence(text: str, m: regex.Match) -> tuple[str, str]:
    start = max((x.end() for x in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    end = next((x.start() for x in _SENTENCE_END.finditer(text, m.end())), len(text))
    return text[start:m.start()], text[start:end]


def _stated(text: str, patterns: tuple[regex.Pattern, ...], *, facts_only: bool) -> regex.Match | None:
    for p in patterns:
        for m in p.finditer(text):
            before, sentence = _sentence(text, m)
            if _STATUTE.search(sentence) or (facts_only and _ORDER.search(before)):
                continue
            return m
    return None


def first_offence_facts(case: Case) -> dict[str, Field | None]:
    """Set ``fo_first_offence``, ``fo_corrected``, ``fo_harm_slight`` and ``fo_excluded``."""
    for doc in case.documents_of(*READ_IN):
        dt = DocText.of(case, doc)
        text = dt.text
        for name, sides in _conditions().items():
            key = f"fo_{name}"
            if key in doc.fields:
                continue
            no = _stated(text, sides["fails"], facts_only=False)
            yes = None if no else _stated(text, sides["holds"], facts_only=True)
            m, value = (no, False) if no else (yes, True)
            if m:
                doc.fields[key] = dt.field(value, *m.span(), detail={"wording": m.group(0)})
        for label, pattern in _exclusions():
            m = pattern.search(text)
            if m and "fo_excluded" not in doc.fields:
                doc.fields["fo_excluded"] = dt.field(label, *m.span())
    return {}
