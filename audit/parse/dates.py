"""Dates and times as written in case files.

Forms: 2023年5月12日 / 二〇二三年五月十二日 (〇 U+3007, ○ U+25CB, 零, OCR O/0) / 2023.5.12,
2023-05-12, 2023/5/12, optional time (14时30分, 14:30, 下午2时, 14点半) and a range
(…16时20分至16时38分, …至2022年8月24日9时, …至24日). OCR spacing is tolerated. Template
blanks ("年 月 日", "20  年  月  日") come back with ``blank=True``; "2023年5月" without a
day comes back with ``precision='month'``, ``value=None``, ``error='incomplete'``.

Error codes: 'invalid_date' (2月30日), 'invalid_time' (25时), 'invalid_end' (the end of a
range is not a real date/time), 'incomplete' (no day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import regex

from audit.parse.numerals import (
    CN_DIGIT_CHARS,
    FIN_DIGIT_CHARS,
    chinese_digits_to_int,
    chinese_to_int,
)
from audit.parse.text import GAP, normalize_width

_CN = f"[{CN_DIGIT_CHARS}{FIN_DIGIT_CHARS}十拾廿卅]"
_YEAR = rf"(?:(?<![0-9])(?:19|20)[0-9]{{2}}|(?<![{CN_DIGIT_CHARS}])[〇○零一二三四五六七八九Oo0]{{4}})"
_MD = rf"(?:[0-9]{{1,2}}|{_CN}{{1,4}})"
_HM = rf"(?:[0-9]{{1,2}}|{_CN}{{1,3}})"
_G = GAP
_AMPM = "上午|下午|中午|晚上|凌晨|早上|早晨|傍晚|夜间|夜里"
_SEP = rf"{_G}(?:至|到|—{{1,2}}|-|~|〜){_G}"


def _time(p: str) -> str:
    """Time of day; groups {p}ap, {p}h, {p}mi, {p}half."""
    return (
        rf"(?:(?P<{p}ap>{_AMPM}){_G})?"
        rf"(?:(?P<{p}h>{_HM}){_G}[时点](?:{_G}(?:(?P<{p}mi>{_HM}){_G}分(?:{_G}{_HM}{_G}秒)?|(?P<{p}half>半)))?"
        rf"|(?P<{p}h>[0-9]{{1,2}}):(?P<{p}mi>[0-9]{{2}})(?::[0-9]{{2}})?(?![0-9]))"
    )


# a date wrapped inside a table cell (PDF text layers, OCR) breaks between its parts:
# "2024年5月\n6日" is one date, not an incomplete one
_WRAP = rf"{_G}(?:\n{_G})?"


def _cn_date(p: str) -> str:
    return rf"(?P<{p}y>{_YEAR}){_WRAP}年{_WRAP}(?P<{p}m>{_MD}){_WRAP}月{_WRAP}(?P<{p}d>{_MD}){_G}[日号]"


def _num_date(p: str) -> str:
    return (
        rf"(?<![0-9A-Za-z./\-])(?P<{p}y>(?:19|20)[0-9]{{2}})(?P<{p}sep>[./\-])"
        rf"(?P<{p}m>0?[1-9]|1[0-2])(?P={p}sep)(?P<{p}d>[12][0-9]|3[01]|0?[1-9])"
        rf"(?:(?![0-9])|(?=[0-9]{{1,2}}{_G}[时点]))(?!\.[0-9])"  # 2024.05.069时30分: the hour follows
    )


_CN_FULL = regex.compile(
    rf"{_cn_date('')}(?:{_G}{_time('')})?"
    rf"(?:{_SEP}(?:{_cn_date('e')}(?:{_G}{_time('e')})?"
    rf"|(?:(?P<em>{_MD}){_G}月{_G})?(?P<ed>{_MD}){_G}[日号](?:{_G}{_time('e')})?"
    rf"|{_time('e')}){_G}止?)?"
)
_NUM_FULL = regex.compile(
    rf"{_num_date('')}(?:(?:{_G}|T){_time('')})?"
    rf"(?:{_SEP}(?:{_num_date('e')}(?:(?:{_G}|T){_time('e')})?|{_time('e')}))?"
)
_MONTH_ONLY = regex.compile(rf"(?P<y>{_YEAR}){_G}年{_G}(?P<m>{_MD}){_G}月")
_FILL = r"[ \t_]"
_BLANK = regex.compile(
    rf"(?:(?<![0-9])(?:19|20)[0-9]{{0,2}}|[〇○零一二三四五六七八九]{{1,4}})?{_FILL}*年{_FILL}+月{_FILL}+日"
    rf"(?:{_FILL}*(?:{_AMPM})?{_FILL}+时{_FILL}+分(?:{_FILL}*至{_FILL}+时{_FILL}+分)?)?"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date (optionally with time or a range) found in text."""

    value: dt.date | None
    raw: str
    span: tuple[int, int]
    precision: str  # 'day' | 'hour' | 'minute' | 'month'
    time: dt.time | None = None
    end_time: dt.time | None = None
    end_value: dt.date | None = None
    blank: bool = False
    error: str | None = None

    @property
    def start(self) -> dt.datetime | None:
        """Start as a datetime (midnight when no time was written)."""
        if self.value is None:
            return None
        return dt.datetime.combine(self.value, self.time or dt.time())

    @property
    def end(self) -> dt.datetime | None:
        """End of a range as a datetime; None when no range was written."""
        day = self.end_value or self.value
        if day is None or (self.end_value is None and self.end_time is None):
            return None
        return dt.datetime.combine(day, self.end_time or dt.time())


def _num(s: str | None) -> int | None:
    if not s:
        return None
    return int(s) if s.isdigit() else chinese_to_int(s)


def _year(s: str) -> int | None:
    return int(s) if s.isdigit() else chinese_digits_to_int(s)


def _make_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    try:
        return dt.date(y, m, d) if None not in (y, m, d) else None
    except ValueError:
        return None


def _make_time(m: regex.Match, p: str) -> tuple[dt.time | None, str | None, bool]:
    """(time, error, minute_written) from groups with prefix p; (None, None, False) when absent."""
    hour = _num(m.group(f"{p}h"))
    if hour is None:
        return None, None, False
    ap = m.group(f"{p}ap")
    if ap in ("下午", "晚上", "傍晚", "夜间", "夜里") and hour < 12 or ap == "中午" and hour < 11:
        hour += 12
    minute = 30 if m.group(f"{p}half") else _num(m.group(f"{p}mi"))
    written = minute is not None
    try:
        return dt.time(hour, minute or 0), None, written
    except ValueError:
        return None, "invalid_time", written


def _from_full(m: regex.Match, text: str) -> DateMatch:
    year = _year(m.group("y"))
    value = _make_date(year, _num(m.group("m")), _num(m.group("d")))
    error = None if value else "invalid_date"
    time, time_error, minute = _make_time(m, "")
    error = error or time_error
    precision = "minute" if minute else "hour" if time or time_error else "day"
    end_value = None
    if m.group("ed"):
        end_year = _year(m.group("ey")) if m.group("ey") else year
        end_month = _num(m.group("em")) if m.group("em") else _num(m.group("m"))
        end_value = _make_date(end_year, end_month, _num(m.group("ed")))
        error = error or (None if end_value else "invalid_end")
    end_time, end_error, _ = _make_time(m, "e")
    error = error or ("invalid_end" if end_error else None)
    return DateMatch(value, text[m.start():m.end()], m.span(), precision, time, end_time, end_value, False, error)


def _candidates(text: str) -> list[DateMatch]:
    folded = normalize_width(text)
    found: list[DateMatch] = []
    for pattern in (_CN_FULL, _NUM_FULL):
        found.extend(_from_full(m, text) for m in pattern.finditer(folded))
    for m in _MONTH_ONLY.finditer(folded):
        found.append(DateMatch(None, text[m.start():m.end()], m.span(), "month", error="incomplete"))
    for m in _BLANK.finditer(folded):
        precision = "minute" if "时" in m.group() else "day"
        found.append(DateMatch(None, text[m.start():m.end()], m.span(), precision, blank=True))
    return found


def _trim(match: DateMatch) -> DateMatch:
    """Drop spaces around raw/span (padding of blanks, GAP before an absent optional part)."""
    raw = match.raw.strip(" \t\u3000")
    if raw == match.raw:
        return match
    start = match.span[0] + match.raw.index(raw)
    return replace(match, raw=raw, span=(start, start + len(raw)))


def find_dates(text: str) -> list[DateMatch]:
    """All dates in ``text``, in order, non-overlapping (the longest at each position wins)."""
    chosen: list[DateMatch] = []
    end = -1
    for match in sorted(_candidates(text), key=lambda d: (d.span[0], d.span[0] - d.span[1])):
        if match.span[0] >= end:
            chosen.append(_trim(match))
            end = match.span[1]
    return chosen


def parse_date(text: str) -> DateMatch | None:
    """The first date in ``text``, or None."""
    found = find_dates(text)
    return found[0] if found else None
