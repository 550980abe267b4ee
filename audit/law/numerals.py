"""Chinese numerals for article numbers (第一百零五条 <-> 105) and statute amounts.

Uses ``audit.parse.numerals`` when that module is present; otherwise a small
private fallback that covers what statute texts contain (ordinary numerals up to
亿, no financial capitals).
"""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_ORD = "零一二三四五六七八九"


def _fallback_chinese_to_int(s: str) -> int | None:
    """Ordinary Chinese numeral to int (一百零五 -> 105); None if unreadable."""
    s = "".join(s.split())
    if not s:
        return None
    total = section = 0
    digit: int | None = None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10_000
            section, digit = 0, None
        elif ch == "亿":
            total = (total + section + (digit or 0)) * 100_000_000
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def _fallback_int_to_chinese(n: int) -> str:
    """Int to ordinary Chinese numeral for 0 <= n < 10000 (110 -> 一百一十)."""
    if not 0 <= n < 10_000:
        raise ValueError("only 0..9999 supported by the fallback")
    if n == 0:
        return "零"
    out: list[str] = []
    zero = False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_ORD[d] + unit)
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


try:  # the shared parser module, owned by the parsing work package
    from audit.parse.numerals import chinese_to_int, int_to_chinese
except ImportError:  # pragma: no cover - only when audit.parse.numerals is absent
    chinese_to_int = _fallback_chinese_to_int
    int_to_chinese = _fallback_int_to_chinese


__all__ = ["chinese_to_int", "int_to_chinese", "amount_to_yuan", "multiple_to_number"]

_AMOUNT = re.compile(r"^(?P<num>[0-9０-９.]+|[零〇一二两三四五六七八九十百千万]+)(?P<unit>万元|千元|元)$")


def amount_to_yuan(text: str) -> int | None:
    """Statute amount to yuan: 一万元 -> 10000, 10万元 -> 100000, 5000元 -> 5000, 五千元 -> 5000."""
    m = _AMOUNT.match(text.strip())
    if not m:
        return None
    num = m["num"].translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if num[0].isdigit():
        value: float | None = float(num)
    else:
        # 五十万元: the unit 万元 is split off, so read 五十 and multiply.
        value = chinese_to_int(num)
    if value is None:
        return None
    factor = {"万元": 10_000, "千元": 1_000, "元": 1}[m["unit"]]
    return int(round(value * factor))


def multiple_to_number(text: str) -> int | None:
    """Multiple in a statute (三倍, 5倍, 十倍) to int."""
    m = re.fullmatch(r"([0-9]+|[一二两三四五六七八九十]+)倍", text.strip())
    if not m:
        return None
    return int(m[1]) if m[1].isdigit() else chinese_to_int(m[1])
