"""The date a rule's effective window is judged on (``effective.judged_on`` of a rule).

- an act of ``checklists/procedure.yaml`` (``decided``, ``filed``, ``notice_served`` …): that
  act's date; when the file has none, the decision date, then the filing date;
- ``violation``: the date the violation was done where the file states it (its end when it
  continued: 行政处罚法 第三十六条第二款), else the discovery date (the earliest of acceptance,
  inspection and filing), which is then marked as not stated.
"""

from __future__ import annotations

import datetime as dt

from audit.model import Case, Field
from audit.parse.violation import as_date

DISCOVERY_KEYS = (("accepted", "受理日期"), ("inspected", "检查日期"), ("filed", "立案日期"))


def violation_date(case: Case) -> tuple[dt.date | None, Field | None, bool]:
    """(date, field, stated): the stated act date (its end if continuing) or the discovery date."""
    ended, began = case.dates.get("act_ended"), case.dates.get("act_began")
    for f in (ended, began):
        if as_date(f):
            return as_date(f), f, True
    found = [(d, f) for key, _ in DISCOVERY_KEYS if (d := as_date(f := case.dates.get(key))) is not None]
    if not found:
        return None, None, False
    day, f = min(found, key=lambda x: x[0])
    return day, f, False


def judged_date(case: Case, key: str) -> tuple[dt.date | None, str, bool]:
    """(date, what it is in Chinese, stated) for the act ``key``; stated False for a proxy date."""
    if key == "violation":
        day, f, stated = violation_date(case)
        if stated:
            return day, "违法行为发生时间", True
        name = next((n for k, n in DISCOVERY_KEYS if f is not None and case.dates.get(k) is f), "发现日期")
        return day, name, False
    from audit.checks.timeline import act_dates

    acts = act_dates(case)
    if key in acts:
        return acts[key].date, f"{acts[key].name}日期", True
    for fallback in ("decided", "filed"):
        if fallback in acts:
            return acts[fallback].date, f"{acts[fallback].name}日期", True
    return None, "", True
