"""When the violation was done, where the file states it: ``case.dates["act_began"]`` and
``case.dates["act_ended"]``.

Read from the facts the decision (or, failing it, the investigation report) states: a range
("2023年3月1日至2023年5月10日期间", "自2022年10月1日起至2023年5月8日"), or a start with the act
continuing ("自2022年10月1日起", "2022年10月1日以来"). A date in a clause about the agency's own
acts (检查, 立案, 送达 …) or a licence's validity is not the act's date. Dates that are only
times of day (笔录 9时至10时) are not read. When nothing is stated the keys stay absent and the
checks fall back to the discovery date (``audit.checks.windows``).
"""

from __future__ import annotations

import datetime as dt

import regex

from audit.model import Case, Field
from audit.parse.dates import DateMatch, find_dates
from audit.parse.doctext import DocText

SOURCES = ("decision", "onsite_decision", "investigation_report")
# A clause about the agency's own acts or a document's validity: its dates are not the act's.
_NOT_ACT = regex.compile(r"检查|立案|受理|送达|告知|询问|听证|笔录|有效期|缴纳|复议|诉讼|签收|抽检|采样|举报|投诉|执法人员|本机关|我局|我委")
_CLAUSE_START = regex.compile(r"[，,。；;\n]")
_CLAUSE_END = regex.compile(r"[。；;\n]")
_JOIN = regex.compile(r"^\s*起?\s*(?:至|到|—|－|-|~)\s*$")
_ONGOING = regex.compile(r"^\s*(?:起|以来|开始)(?!\s*(?:至|到)\s*\d)")
_TILL_NOW = regex.compile(r"^\s*(?:起)?\s*至今")


def _clause_before(text: str, start: int) -> str:
    cut = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    return text[cut:start]


def _clause_after(text: str, end: int) -> str:
    m = _CLAUSE_END.search(text, end)
    return text[end:min(m.start() if m else len(text), end + 25)]


def _usable(m: DateMatch) -> bool:
    return m.value is not None and m.time is None and m.end_time is None and not m.error


def act_period(dt_: DocText) -> tuple[Field | None, Field | None]:
    """(began, ended) of the violation stated in one document; ended None when continuing."""
    text = dt_.flat
    found = find_dates(text)
    for i, m in enumerate(found):
        if not _usable(m) or _NOT_ACT.search(_clause_before(text, m.span[0])):
            continue
        nxt_end = found[i + 1].span[1] if i + 1 < len(found) else m.span[1]
        if _NOT_ACT.search(_clause_after(text, max(m.span[1], nxt_end if nxt_end - m.span[1] < 16 else m.span[1]))):
            continue
        began = dt_.flat_field(m.value.isoformat(), *m.span, detail={"precision": "day", "role": "act_began"})
        if m.end_value is not None:
            return began, dt_.flat_field(m.end_value.isoformat(), *m.span, detail={"precision": "day", "role": "act_ended"})
        after = text[m.span[1]:m.span[1] + 12]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _usable(nxt) and _JOIN.match(text[m.span[1]:nxt.span[0]]):
            end = dt_.flat_field(nxt.value.isoformat(), *nxt.span, detail={"precision": "day", "role": "act_ended"})
            return began, end
        if _TILL_NOW.match(after) or _ONGOING.match(after):
            return began, None
    return None, None


def violation_dates(case: Case) -> dict[str, Field]:
    """``act_began`` / ``act_ended`` for ``case.dates`` (absent when the file does not state them)."""
    for doc_type in SOURCES:
        for doc in case.documents_of(doc_type):
            began, ended = act_period(DocText.of(case, doc))
            if began is not None:
                out = {"act_began": began}
                if ended is not None and ended.value >= began.value:
                    out["act_ended"] = ended
                return out
    return {}


def as_date(f: Field | None) -> dt.date | None:
    if f is None or not f.value:
        return None
    try:
        return dt.date.fromisoformat(str(f.value))
    except ValueError:
        return None
