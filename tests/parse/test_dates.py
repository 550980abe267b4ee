"""Dates and times: forms, ranges, blanks, invalid dates and things that are not dates."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.parse.dates import find_dates, parse_date
from audit.parse.numerals import int_to_chinese

D = dt.date
T = dt.time

# (text, value, precision, time, end_time, end_value, raw)
POSITIVE = [
    ("2023年5月12日", D(2023, 5, 12), "day", None, None, None, "2023年5月12日"),
    ("2023年05月08日", D(2023, 5, 8), "day", None, None, None, "2023年05月08日"),
    ("二〇二三年五月十二日", D(2023, 5, 12), "day", None, None, None, "二〇二三年五月十二日"),
    ("二○二三年五月三十一日", D(2023, 5, 31), "day", None, None, None, "二○二三年五月三十一日"),
    ("二零二三年一月一日", D(2023, 1, 1), "day", None, None, None, "二零二三年一月一日"),
    ("二O二二年八月二十三日", D(2022, 8, 23), "day", None, None, None, "二O二二年八月二十三日"),
    ("二〇〇六年二月十三日", D(2006, 2, 13), "day", None, None, None, "二〇〇六年二月十三日"),
    ("二〇二三年十二月二十五日", D(2023, 12, 25), "day", None, None, None, "二〇二三年十二月二十五日"),
    ("二〇二三年零壹月壹拾伍日", D(2023, 1, 15), "day", None, None, None, "二〇二三年零壹月壹拾伍日"),
    ("2023年5月12日14时30分", D(2023, 5, 12), "minute", T(14, 30), None, None, "2023年5月12日14时30分"),
    ("2023年5月12日14:30", D(2023, 5, 12), "minute", T(14, 30), None, None, "2023年5月12日14:30"),
    ("2023年5月12日 14：30", D(2023, 5, 12), "minute", T(14, 30), None, None, "2023年5月12日 14：30"),
    ("2023年5月12日14时", D(2023, 5, 12), "hour", T(14, 0), None, None, "2023年5月12日14时"),
    ("2023年5月12日下午2时30分", D(2023, 5, 12), "minute", T(14, 30), None, None, "2023年5月12日下午2时30分"),
    ("2023年5月12日上午9时5分", D(2023, 5, 12), "minute", T(9, 5), None, None, "2023年5月12日上午9时5分"),
    ("2023年5月12日14点半", D(2023, 5, 12), "minute", T(14, 30), None, None, "2023年5月12日14点半"),
    ("二〇二三年五月十二日十四时三十分", D(2023, 5, 12), "minute", T(14, 30), None, None, "二〇二三年五月十二日十四时三十分"),
    ("2022年8月23日 16时20分至16时38分", D(2022, 8, 23), "minute", T(16, 20), T(16, 38), None,
     "2022年8月23日 16时20分至16时38分"),
    ("2022年8月23日16时20分至16时38分止", D(2022, 8, 23), "minute", T(16, 20), T(16, 38), None,
     "2022年8月23日16时20分至16时38分止"),
    ("2022年8月23日16时20分至2022年8月24日9时", D(2022, 8, 23), "minute", T(16, 20), T(9, 0), D(2022, 8, 24),
     "2022年8月23日16时20分至2022年8月24日9时"),
    ("2023年5月1日至3日", D(2023, 5, 1), "day", None, None, D(2023, 5, 3), "2023年5月1日至3日"),
    ("2023年5月12日—2023年6月1日", D(2023, 5, 12), "day", None, None, D(2023, 6, 1), "2023年5月12日—2023年6月1日"),
    ("2023.5.12", D(2023, 5, 12), "day", None, None, None, "2023.5.12"),
    ("2023-05-12", D(2023, 5, 12), "day", None, None, None, "2023-05-12"),
    ("2023/5/12", D(2023, 5, 12), "day", None, None, None, "2023/5/12"),
    ("2023-05-12 14:30", D(2023, 5, 12), "minute", T(14, 30), None, None, "2023-05-12 14:30"),
    ("2023-05-12T14:30:00", D(2023, 5, 12), "minute", T(14, 30), None, None, "2023-05-12T14:30:00"),
    ("2023-05-12至2023-05-14", D(2023, 5, 12), "day", None, None, D(2023, 5, 14), "2023-05-12至2023-05-14"),
    ("2023 年 5 月 8 日", D(2023, 5, 8), "day", None, None, None, "2023 年 5 月 8 日"),
    ("２０２３年５月１２日", D(2023, 5, 12), "day", None, None, None, "２０２３年５月１２日"),
    ("于2023.5.12.", D(2023, 5, 12), "day", None, None, None, "2023.5.12"),
    ("本机关于2023年5月8日对你单位", D(2023, 5, 8), "day", None, None, None, "2023年5月8日"),
    ("2023年5月12号", D(2023, 5, 12), "day", None, None, None, "2023年5月12号"),
]


@pytest.mark.parametrize(
    ("text", "value", "precision", "time", "end_time", "end_value", "raw"), POSITIVE, ids=[p[0] for p in POSITIVE]
)
def test_dates(text, value, precision, time, end_time, end_value, raw):
    match = parse_date(text)
    assert match is not None
    assert (match.value, match.precision, match.time, match.end_time, match.end_value) == (
        value, precision, time, end_time, end_value)
    assert match.raw == raw
    assert text[match.span[0]:match.span[1]] == raw
    assert not match.blank and match.error is None


BLANKS = [
    ("年 月 日", "年 月 日", "day"),
    ("    年   月   日", "年   月   日", "day"),
    ("20  年  月  日", "20  年  月  日", "day"),
    ("二〇  年  月  日", "二〇  年  月  日", "day"),
    ("____年__月__日", "____年__月__日", "day"),
    ("签名：\u3000\u3000年\u3000\u3000月\u3000\u3000日", "年\u3000\u3000月\u3000\u3000日", "day"),
    ("2023年  月  日", "2023年  月  日", "day"),
    ("    年  月  日  时  分至  时  分", "年  月  日  时  分至  时  分", "minute"),
]


@pytest.mark.parametrize(("text", "raw", "precision"), BLANKS, ids=[b[0] for b in BLANKS])
def test_blanks(text, raw, precision):
    match = parse_date(text)
    assert match is not None and match.blank
    assert match.value is None and match.error is None
    assert match.raw == raw and text[slice(*match.span)] == raw
    assert match.precision == precision


ERRORS = [
    ("2023年2月30日", "invalid_date", "day"),
    ("2023年13月1日", "invalid_date", "day"),
    ("2023-02-30", "invalid_date", "day"),
    ("二〇二三年二月三十日", "invalid_date", "day"),
    ("2023年5月12日 25时", "invalid_time", "hour"),
    ("2023年5月12日14时61分", "invalid_time", "minute"),
    ("2023年5月12日至2023年2月30日", "invalid_end", "day"),
    ("2023年5月", "incomplete", "month"),
    ("二〇二三年五月", "incomplete", "month"),
]


@pytest.mark.parametrize(("text", "error", "precision"), ERRORS, ids=[e[0] for e in ERRORS])
def test_errors(text, error, precision):
    match = parse_date(text)
    assert match is not None
    assert match.error == error
    assert match.precision == precision
    if error != "invalid_end" and error != "invalid_time":
        assert match.value is None


NEGATIVE = [
    "电话13805712345", "0571-88881234", "金卫公罚〔2023〕15号", "〔2023〕15号", "罚款2023.50元", "第2023条",
    "2023年度", "2023年", "2022年11号文件", "192.168.1.1", "版本2023.5", "年月日", "出生年月日", "编号20220801-A02",
    "11010519491231002X",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=NEGATIVE)
def test_not_dates(text):
    assert find_dates(text) == []


def test_find_dates_in_order_non_overlapping():
    text = "立案日期：2022年8月1日；检查时间：2022年8月23日16时20分至16时38分；决定日期：二〇二二年九月五日；签收：    年  月  日"
    found = find_dates(text)
    assert [d.value for d in found] == [D(2022, 8, 1), D(2022, 8, 23), D(2022, 9, 5), None]
    assert found[1].end_time == T(16, 38)
    assert found[3].blank
    assert all(text[slice(*d.span)] == d.raw for d in found)
    assert all(a.span[1] <= b.span[0] for a, b in zip(found, found[1:], strict=False))


def test_start_end_datetimes():
    match = parse_date("2022年8月23日16时20分至2022年8月24日9时")
    assert match.start == dt.datetime(2022, 8, 23, 16, 20)
    assert match.end == dt.datetime(2022, 8, 24, 9, 0)
    same_day = parse_date("2022年8月23日 16时20分至16时38分")
    assert same_day.end - same_day.start == dt.timedelta(minutes=18)
    assert parse_date("2022年8月23日").end is None


def test_parse_date_none():
    assert parse_date("没有日期") is None


def _cn_year(y: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(y))


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31)), st.sampled_from(["cn", "arabic", "iso", "dot", "spaced"]))
def test_date_round_trip(day, form):
    text = {
        "cn": f"{_cn_year(day.year)}年{int_to_chinese(day.month)}月{int_to_chinese(day.day)}日",
        "arabic": f"{day.year}年{day.month}月{day.day}日",
        "iso": day.isoformat(),
        "dot": f"{day.year}.{day.month}.{day.day}",
        "spaced": f"{day.year} 年 {day.month} 月 {day.day} 日",
    }[form]
    match = parse_date(f"日期：{text}。")
    assert match.value == day and match.raw == text
