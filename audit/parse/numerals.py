"""Chinese numerals: ordinary (一二三, 十百千万) and financial capitals (壹贰叁, 拾佰仟).

Shared by the date, money, case-number and citation parsers. The character classes
below are meant to be dropped into regular expressions (``f"[{NUMERAL_CHARS}]+"``).
"""

from __future__ import annotations

import re

# Digit characters -> value. Zeros: 〇 (U+3007), ○ (U+25CB), 零, and OCR's O/o/0.
DIGITS: dict[str, int] = {
    "〇": 0, "○": 0, "零": 0, "O": 0, "o": 0,
    "一": 1, "壹": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2, "貮": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
DIGITS.update({str(d): d for d in range(10)})

# Multipliers inside a four-digit section, and the section markers 万 / 亿.
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# Colloquial tens: 廿 = 20, 卅 = 30.
TENS: dict[str, int] = {"廿": 20, "卅": 30}

CN_DIGIT_CHARS = "〇○零一二两三四五六七八九"
FIN_DIGIT_CHARS = "零壹贰貳貮叁參叄肆伍陆陸柒捌玖"
ORDINARY_ONLY_CHARS = "〇○一二两兩三四五六七八九十百千廿卅"
FINANCIAL_ONLY_CHARS = "壹贰貳貮叁參叄肆伍陆陸柒捌玖拾佰仟"
# Every Chinese character chinese_to_int understands (no ASCII), for regex classes.
NUMERAL_CHARS = "".join(
    dict.fromkeys(
        CN_DIGIT_CHARS + FIN_DIGIT_CHARS + "兩" + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "".join(TENS)
    )
)

_CN_ORDINARY = "零一二三四五六七八九"
_FIN = "零壹贰叁肆伍陆柒捌玖"


def chinese_digits_to_int(s: str) -> int | None:
    """Read ``s`` digit by digit (years: 二〇二三 -> 2023, 二O二二 -> 2022); None if not all digits."""
    s = s.strip()
    if not s or any(ch not in DIGITS for ch in s):
        return None
    return int("".join(str(DIGITS[ch]) for ch in s))


def chinese_to_int(s: str) -> int | None:
    """Value of an ordinary or financial Chinese numeral (二十二 -> 22, 拾万 -> 100000).

    A string of bare digits without any unit is read digit by digit (二〇二三 -> 2023,
    零壹 -> 1). Returns None for empty input or any character that is not a numeral.
    """
    s = "".join(s.split())
    if not s:
        return None
    if all(ch in DIGITS for ch in s):
        return chinese_digits_to_int(s)
    total = section = 0
    number: int | None = None  # pending digit, None when no digit since the last unit
    for ch in s:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in TENS:
            section += TENS[ch]
            number = None
        elif ch in SMALL_UNITS:
            # 十 / 拾 without a digit before (十五, 拾万, 一千零十) means one ten.
            section += (number or 1) * SMALL_UNITS[ch]
            number = None
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            value = section + (number or 0)
            if unit == 10**8:
                total = (total + value) * unit
            else:
                total += value * unit
            section, number = 0, None
        else:
            return None
    return total + section + (number or 0)


def _section_to_chinese(n: int, digits: str, units: tuple[str, str, str]) -> str:
    """0 < n < 10000 without leading-zero handling beyond internal 零 runs."""
    out, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[d] + unit)
    return "".join(out)


def int_to_chinese(n: int) -> str:
    """Ordinary Chinese numeral (1 -> 一, 10 -> 十, 15 -> 十五, 105 -> 一百零五, 110 -> 一百一十)."""
    if n < 0:
        raise ValueError("negative numbers are not supported")
    if n == 0:
        return "零"
    text = group_digits_to_chinese(n, _CN_ORDINARY, ("十", "百", "千"), ("", "万", "亿", "万亿"))
    return text[1:] if text.startswith("一十") else text


def group_digits_to_chinese(
    n: int, digits: str, units: tuple[str, str, str], groups: tuple[str, ...]
) -> str:
    """Write n > 0 by four-digit groups, with one 零 for each run of zeros before a non-zero digit."""
    parts: list[tuple[int, str]] = []
    index = 0
    while n:
        if index >= len(groups):
            raise ValueError("number too large")
        parts.append((n % 10000, groups[index]))
        n //= 10000
        index += 1
    out: list[str] = []
    pending_zero = False
    for value, group in reversed(parts):
        if value == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or value < 1000):
            out.append(digits[0])
        out.append(_section_to_chinese(value, digits, units) + group)
        pending_zero = value % 10 == 0
    return "".join(out)


def int_to_capitals(n: int) -> str:
    """Financial capitals for an integer without currency unit (100000 -> 壹拾万)."""
    if n == 0:
        return _FIN[0]
    return group_digits_to_chinese(n, _FIN, ("拾", "佰", "仟"), ("", "万", "亿", "万亿"))


# Statute amounts and multiples (法律责任 clauses): 一万元, 10万元, 五千元, 三倍.
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


def article_label(article: int, paragraph: int | None = None, item: int | None = None) -> str:
    """第四十七条第一款第（三）项 (parts left out when None)."""
    out = f"第{int_to_chinese(article)}条"
    if paragraph is not None:
        out += f"第{int_to_chinese(paragraph)}款"
    if item is not None:
        out += f"第（{int_to_chinese(item)}）项"
    return out


_LABEL_NUMBER = r"([0-9]{1,4}|[〇零一二两三四五六七八九十百千]{1,8})"
_ARTICLE_LABEL = re.compile(rf"第{_LABEL_NUMBER}条(?:第{_LABEL_NUMBER}款)?(?:第[（(]{_LABEL_NUMBER}[）)]项)?")


def parse_article_label(text: str) -> tuple[int, int | None, int | None] | None:
    """The inverse of :func:`article_label` for exactly that form (第四十七条第一款第（三）项 ->
    (47, 1, 3)); None for anything else, which the citation parser reads (it costs ~20 ms to load)."""
    m = _ARTICLE_LABEL.fullmatch(text)
    if not m:
        return None
    values = [None if s is None else int(s) if s.isdigit() else chinese_to_int(s) for s in m.groups()]
    if any(v is None for s, v in zip(m.groups(), values, strict=True) if s is not None):
        return None
    return values[0], values[1], values[2]
