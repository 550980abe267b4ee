"""Working days on the Chinese official calendar (statutory holidays and make-up workdays).

行政处罚法 第八十五条: its 二日、三日、五日、七日 periods are working days. The holiday data
comes from the ``chinese-calendar`` package; outside the years it covers, weekends are the
only days off and every answer is marked ``certain=False`` so that a rule can say
"needs manual check" instead of guessing about holidays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import chinese_calendar


@dataclass(frozen=True, slots=True)
class DayCount:
    days: int
    certain: bool  # False when a year outside the holiday data was involved


def is_working_day(day: dt.date) -> tuple[bool, bool]:
    """(is a working day, certain)."""
    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:
        return day.weekday() < 5, False


def add_working_days(start: dt.date, n: int) -> tuple[dt.date, bool]:
    """The ``n``-th working day after ``start`` (the start day itself not counted)."""
    day, certain, counted = start, True, 0
    while counted < n:
        day += dt.timedelta(days=1)
        working, sure = is_working_day(day)
        certain &= sure
        counted += working
    return day, certain


def working_days_between(start: dt.date, end: dt.date) -> DayCount:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    day, certain, count = start, True, 0
    while day < end:
        day += dt.timedelta(days=1)
        working, sure = is_working_day(day)
        certain &= sure
        count += working
    return DayCount(count, certain)


def add_months(start: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's end (3 months after 11-30 → 02-28/29)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in range(start.day, 27, -1):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return dt.date(year, month, min(start.day, 28))


def deadline(start: dt.date, amount: int, unit: str) -> tuple[dt.date, bool]:
    """The last day of a period of ``amount`` ``unit`` (days | working_days | months) after ``start``.

    Calendar-day periods ending on a holiday run to the next working day (民事诉讼法 /
    行政诉讼法 rule for periods); the day of the triggering event is not counted.
    """
    if unit == "working_days":
        return add_working_days(start, amount)
    end = start + dt.timedelta(days=amount) if unit == "days" else add_months(start, amount)
    certain = True
    while True:
        working, sure = is_working_day(end)
        certain &= sure
        if working:
            return end, certain
        end += dt.timedelta(days=1)
