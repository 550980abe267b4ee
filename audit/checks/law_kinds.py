"""Check kinds for legal application (法律适用), backed by the law registry in ``audit.law``.

Thin wrappers: the logic lives in ``audit.law.checks_citations``, ``checks_penalties`` and
``checks_remedy`` (which return a Verdict with the same fields as an Outcome). Dates: the act
date (substance) is read as the earliest of the acceptance, inspection and filing dates, the
procedure date as the document's own date or the decision date — see ``audit.law.application``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from audit.checks.registry import Outcome, check_kind
from audit.law import checks_citations as C
from audit.law import checks_penalties as P
from audit.law import checks_remedy as R
from audit.law.application import Verdict
from audit.model import Case

DOCS = "document types whose citations are checked (e.g. [decision, onsite_decision, advance_notice])"
LOOKBACK = "years before the decision an act of unknown date may lie in (行政处罚法 第三十六条); no lookback when absent"


def _outcome(fn: Callable[[Case, dict[str, Any]], Verdict]) -> Callable[[Case, dict[str, Any]], Outcome]:
    def run(case: Case, params: dict[str, Any]) -> Outcome:
        v = fn(case, params)
        return Outcome(v.status, v.values, v.evidence, v.note)

    run.__doc__ = fn.__doc__
    run.__name__ = fn.__name__
    return run


check_kind("law_citations_present", documents=DOCS, roles_="violated and/or basis (default both)")(
    _outcome(C.citations_present))
check_kind("law_citations_precise", documents=DOCS, unknown_act_lookback_years_=LOOKBACK)(_outcome(C.citations_precise))
check_kind("law_articles_exist", documents=DOCS, unknown_act_lookback_years_=LOOKBACK)(_outcome(C.cited_articles_exist))
check_kind("law_notice_matches_decision", ignore_instruments_="instruments left out of the comparison")(
    _outcome(C.notice_matches_decision))
check_kind(
    "law_instrument_in_force", documents=DOCS, unknown_act_lookback_years_=LOOKBACK,
    report_="aspects reported: repealed (instrument out of force) and/or superseded (old numbering)",
    procedure_documents_="documents whose procedure citations are judged on the document date",
    procedure_instruments_="instruments judged on the document date (卫生行政处罚程序 …)",
)(_outcome(C.instrument_in_force))
check_kind(
    "law_procedure_numbering", instrument="renumbered law whose procedure articles are checked",
    topics="[{old, keywords, unless, items}]: old article numbers, words that show the topic they were cited for, "
           "words that show the 2021 meaning instead, whether the old article had 项",
    window_before_="characters read before a citation (default 30)",
    window_after_="characters read after a citation (default 40)",
)(_outcome(C.procedure_numbering))
check_kind("law_obligation_link", unknown_act_lookback_years_=LOOKBACK)(_outcome(P.obligation_link))
check_kind(
    "law_penalty_kinds", unknown_act_lookback_years_=LOOKBACK,
    equivalents="extractor kind -> registry kinds it stands for",
    always_allowed_="[{kind, from, basis}] kinds every basis allows from a date (行政处罚法 第二十八条)",
)(_outcome(P.penalty_kinds_allowed))
check_kind(
    "law_fine_range", unknown_act_lookback_years_=LOOKBACK,
    condition_cues="tier condition -> words in the decision showing the tier applies",
    loose_cues_="tier condition -> words that may describe it otherwise (review instead of fail)",
    mitigation_cues_="words showing a mitigated penalty (减轻处罚): below the minimum is reviewed, not failed",
    generic_conditions_="tier conditions that are not a separate tier (根据情节轻重)",
)(_outcome(P.fine_in_range))
check_kind(
    "law_companion_penalties", unknown_act_lookback_years_=LOOKBACK,
    equivalents="extractor kind -> registry kinds it stands for",
    evidence_dependent="kinds required only when the facts give something to confiscate",
    generic_conditions_="tier conditions that are not a separate tier",
    condition_cues_="tier condition -> words in the decision",
    mitigation_cues_="words showing a mitigated penalty (减轻处罚): a missing companion is reviewed",
)(_outcome(P.companion_penalties))
check_kind("law_review_body", documents_="decision document types")(_outcome(R.review_body))
check_kind(
    "law_remedy_periods", review_days="days to apply for review", litigation_months="months to sue directly",
    litigation_after_review_days="days to sue after the review decision", documents_="decision document types",
)(_outcome(R.remedy_periods))
check_kind("law_review_first_notice", documents_="on-the-spot decision types", from_="date the rule starts")(
    _outcome(R.review_first_notice))
