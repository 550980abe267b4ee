import datetime as dt

import pytest

from audit.checks.calendar import (
    add_months,
    add_working_days,
    deadline,
    is_working_day,
    working_days_between,
)

D = dt.date


@pytest.mark.parametrize(
    "day, working",
    [
        (D(2023, 10, 2), False),  # National Day holiday
        (D(2023, 10, 7), True),  # make-up working Saturday
        (D(2024, 2, 4), True),  # Spring Festival make-up Sunday
        (D(2024, 2, 12), False),
        (D(2023, 6, 5), True),
        (D(2023, 6, 10), False),  # ordinary Saturday
    ],
)
def test_official_calendar(day, working):
    assert is_working_day(day) == (working, True)


def test_working_days_skip_holidays_and_count_make_up_days():
    # served Fri 2023-09-28; 5 working days: 9/29-10/6 holiday, 10/7-10/8 make-up days
    assert add_working_days(D(2023, 9, 28), 5) == (D(2023, 10, 11), True)
    assert add_working_days(D(2023, 6, 2), 7) == (D(2023, 6, 13), True)
    assert working_days_between(D(2023, 6, 2), D(2023, 6, 13)).days == 7
    assert working_days_between(D(2023, 6, 13), D(2023, 6, 2)).days == 0


def test_years_without_holiday_data_are_marked_uncertain():
    day, certain = add_working_days(D(2027, 3, 1), 5)
    assert day == D(2027, 3, 8) and certain is False
    assert working_days_between(D(2026, 12, 30), D(2027, 1, 5)).certain is False


@pytest.mark.parametrize(
    "start, months, end",
    [(D(2023, 5, 10), 3, D(2023, 8, 10)), (D(2023, 11, 30), 3, D(2024, 2, 29)), (D(2023, 12, 31), 2, D(2024, 2, 29))],
)
def test_add_months_clamps(start, months, end):
    assert add_months(start, months) == end


def test_calendar_period_ending_on_holiday_runs_to_next_working_day():
    # 15 days after 2023-09-16 is 2023-10-01 (holiday): the period ends on 2023-10-07 (make-up day)
    assert deadline(D(2023, 9, 16), 15, "days") == (D(2023, 10, 7), True)
    assert deadline(D(2023, 6, 2), 7, "working_days") == (D(2023, 6, 13), True)
