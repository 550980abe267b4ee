"""The party's right to be told and heard before the decision (行政处罚法 第四十四条、第六十二条).

- ``advance_notice_given``: an ordinary-procedure file with a penalty decision holds the advance
  notice (事先告知书); a file too small to be a whole file answers needs_review;
- ``defence_heard_before_decision``: the statement and defence (陈述申辩) the file records was
  heard, and re-examined, before the decision was made.
"""

from __future__ import annotations

from typing import Any

from audit.checks.evidence import doc_field, doc_name
from audit.checks.kinds.documents import MIN_DOCUMENTS_FOR_FILE
from audit.checks.registry import Outcome, check_kind
from audit.checks.timeline import act_dates
from audit.model import Case, Status


@check_kind("advance_notice_given", notices="document types that tell the party of the intended penalty",
            decisions="document types of the penalty decision")
def advance_notice_given(case: Case, params: dict[str, Any]) -> Outcome:
    """A penalty decision is preceded by an advance notice in the file."""
    decisions = [d for t in params["decisions"] for d in case.documents_of(t)]
    if not decisions:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中未识别到行政处罚决定书")
    notices = [d for t in params["notices"] for d in case.documents_of(t)]
    if notices:
        return Outcome(Status.PASS, {"notice": doc_name(notices[0].type)}, [doc_field(case, notices[0])])
    values = {"decision": f"{doc_name(decisions[0].type)}（第{decisions[0].pages[0]}页）"}
    if len(case.documents) < MIN_DOCUMENTS_FOR_FILE:
        return Outcome(Status.NEEDS_REVIEW, values, [doc_field(case, decisions[0])],
                       note=f"输入仅含 {len(case.documents)} 份文书，不是完整案卷，无法判断是否履行了事先告知程序")
    return Outcome(Status.FAIL, values, [doc_field(case, decisions[0])])


@check_kind("defence_heard_before_decision")
def defence_heard_before_decision(case: Case, params: dict[str, Any]) -> Outcome:
    """The recorded statement and defence (and its re-examination) is dated no later than the decision."""
    acts = act_dates(case)
    heard, decided = acts.get("defence_heard"), acts.get("decided")
    if heard is None or decided is None:
        return Outcome(Status.NOT_APPLICABLE, note="未同时识别到陈述申辩记录日期和处罚决定日期")
    values = {"heard": f"{heard.date:%Y年%-m月%-d日}", "decided": f"{decided.date:%Y年%-m月%-d日}"}
    if heard.date <= decided.date:
        return Outcome(Status.PASS, values, [heard.field, decided.field])
    return Outcome(Status.FAIL, values, [heard.field, decided.field])
