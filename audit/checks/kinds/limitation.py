"""追责时效 (limitation): a violation not discovered within the period is not punished.

行政处罚法（2021）第三十六条: two years; five years where 公民生命健康安全 or 金融安全 is involved
and harm resulted; counted from the act, or from its end when it continued. Before 2021-07-15
(1996/2009/2017 第二十九条): two years, counted the same way. The periods and their dates are the law
registry's legal fact ``limitation_period`` (checklists/law/legal_facts.yaml, each value with its
article); the act's dates are the ones the file states (``case.dates`` act_began /
act_ended, read by ``audit.parse.violation``); discovery is the earliest of acceptance,
inspection and filing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from audit.checks.registry import Outcome, check_kind
from audit.checks.windows import DISCOVERY_KEYS
from audit.model import Case, Status
from audit.parse.violation import as_date


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _cn(day: dt.date) -> str:
    return f"{day:%Y年%-m月%-d日}"


@check_kind("limitation_period", fact="key of the legal fact holding the periods (limitation_period)")
def limitation_period(case: Case, params: dict[str, Any]) -> Outcome:
    """The violation was discovered within the limitation period counted from its (end) date."""
    from audit.law.registry import Registry

    began, ended = case.dates.get("act_began"), case.dates.get("act_ended")
    if as_date(began) is None:
        return Outcome(Status.NOT_APPLICABLE, note="案卷未载明违法行为发生的时间，无法计算追责时效")
    found = [(d, f, name) for key, name in DISCOVERY_KEYS if (d := as_date(f := case.dates.get(key))) is not None]
    if not found:
        return Outcome(Status.NOT_APPLICABLE, note="未识别到受理、检查或立案日期，无法判断违法行为何时被发现")
    found_on, found_field, found_name = min(found, key=lambda x: x[0])
    if as_date(ended) is None:  # continuing: the period has not started to run
        return Outcome(Status.PASS, {"act_text": f"自{_cn(as_date(began))}起持续，追责时效尚未起算",
                                     "found_name": found_name, "found": _cn(found_on)}, [began, found_field])
    act_field = ended
    act = as_date(ended)
    reg = Registry.load()
    fact = reg.legal_fact(params["fact"], act)
    if fact is None:
        return Outcome(Status.NEEDS_REVIEW, note="法规库中没有违法行为发生时适用的追责时效")
    years = int(fact.value["years"])
    limit = _add_years(act, years)
    values = {"act": _cn(act), "act_text": f"终了于{_cn(act)}", "found_name": found_name, "found": _cn(found_on),
              "years": years, "limit": _cn(limit), "citation": fact.citation}
    if found_on <= limit:
        return Outcome(Status.PASS, values, [act_field, found_field])
    # the longer period counts only if it existed when the shorter one ran out (no revival)
    later = reg.legal_fact(params["fact"], limit)
    longer = int(later.value.get("extended_years", 0)) if later is not None else 0
    if not longer or found_on > _add_years(act, longer):
        return Outcome(Status.FAIL, values, [act_field, found_field])
    return Outcome(Status.NEEDS_REVIEW, values, [act_field, found_field], note=(
        f"违法行为终了于{_cn(act)}，{found_name}为{_cn(found_on)}，已超过{years}年；只有{later.value.get('extended_when')}的，"
        f"追责时效才延长至{longer}年（{later.citation}），请核实本案是否属于该情形"))
