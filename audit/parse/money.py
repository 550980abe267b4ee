"""Money amounts in digits (¥20,000.00, 20000元, 0.95万元) and in words (贰万元整, 九千五百元).

A written-out amount directly followed by its digits in brackets (人民币贰万元整（¥20,000.00）,
…（小写：20000.00元）) or the reverse (¥20,000.00（大写：贰万元整）) is one :class:`Money`
carrying both values, so a rule can compare them. A bare number is money only with a
currency mark: ¥ before it, 元/万元/亿元 after it, or 人民币 before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import regex

from audit.parse.numerals import (
    DIGITS,
    FINANCIAL_ONLY_CHARS,
    NUMERAL_CHARS,
    ORDINARY_ONLY_CHARS,
    chinese_to_int,
    int_to_capitals,
)
from audit.parse.text import GAP, compact, normalize_width

_G = GAP
_D = "零〇○壹贰貳貮叁參叄肆伍陆陸柒捌玖一二两兩三四五六七八九"  # digits, ordinary and financial
_NONZERO = "壹贰貳貮叁參叄肆伍陆陸柒捌玖一二两兩三四五六七八九"
_LEAD = _NONZERO + "拾佰仟十百千廿卅"  # a written-out number starts with one of these
_INT = rf"[{_LEAD}](?:{_G}[{NUMERAL_CHARS}])*"
_CAP = (
    rf"(?:{_INT}{_G}[元圆](?!化)(?:{_G}零?{_G}[{_D}]{_G}角)?(?:{_G}零?{_G}[{_D}]{_G}分)?(?:{_G}[整正])?"
    rf"|[{_NONZERO}]{_G}角(?:{_G}零?{_G}[{_D}]{_G}分)?(?:{_G}[整正])?"
    rf"|[{_NONZERO}]{_G}分)"
)
_NUM = r"(?<![0-9A-Za-z.])(?<![0-9],)(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9])"
_DIG = rf"(?:¥{_G})?{_NUM}(?:{_G}(?:万元|亿元|元)(?:{_G}[整正])?)?"
_RMB = rf"人民币{_G}:?{_G}"

_TOKEN = regex.compile(rf"(?P<rmb>{_RMB})?(?:(?P<c>{_CAP})|(?P<d>{_DIG}))")
_TAIL_DIG = regex.compile(
    rf"{_G}(?P<open>\()?{_G}(?P<label>(?:\(小写\)|小写){_G}(?:金额)?{_G}:?{_G})?(?:{_RMB})?(?P<d>{_DIG}){_G}(?(open)\))"
)
_TAIL_CAP = regex.compile(
    rf"{_G}(?P<open>\()?{_G}(?P<label>(?:\(大写\)|大写){_G}(?:金额)?{_G}:?{_G})?(?:{_RMB})?(?P<c>{_CAP}){_G}(?(open)\))"
)
_CAP_PARTS = regex.compile(
    rf"(?:(?P<y>[{NUMERAL_CHARS}]+)[元圆])?(?:零?(?P<j>[{_D}])角)?(?:零?(?P<f>[{_D}])分)?"
)
_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount found in text, with its digit and written-out forms when present."""

    amount: Decimal | None
    digits: Decimal | None
    capitals: Decimal | None
    digits_raw: str | None
    capitals_raw: str | None
    capitals_style: str | None  # 'financial' | 'ordinary' | 'mixed'
    raw: str
    span: tuple[int, int]

    @property
    def consistent(self) -> bool | None:
        """Whether both written forms agree; None when only one form is present."""
        if self.digits is None or self.capitals is None:
            return None
        return self.digits == self.capitals


def parse_capitals(s: str) -> Decimal | None:
    """Value of a written-out amount (壹仟陆佰捌拾元零叁角贰分 -> 1680.32); ordinary numerals accepted.

    A numeral without 元/角/分 is read as yuan (九千五百 -> 9500).
    """
    s = compact(normalize_width(s)).removeprefix("人民币").removeprefix("大写").lstrip(":")
    s = s.rstrip("整正")
    if not s:
        return None
    m = _CAP_PARTS.fullmatch(s)
    if m is None or not m.group(0):
        value = chinese_to_int(s)
        return None if value is None else Decimal(value)
    yuan = 0
    if m.group("y"):
        yuan = chinese_to_int(m.group("y"))
        if yuan is None:
            return None
    jiao = DIGITS[m.group("j")] if m.group("j") else 0
    fen = DIGITS[m.group("f")] if m.group("f") else 0
    return Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100


def to_capitals(amount: Decimal | int | str) -> str:
    """Standard written-out form (20000 -> 贰万元整, 1680.32 -> 壹仟陆佰捌拾元叁角贰分, 0.5 -> 伍角整)."""
    value = Decimal(amount).quantize(_CENT, rounding=ROUND_HALF_UP)
    if value < 0:
        raise ValueError("negative amount")
    cents = int(value * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    fin = "零壹贰叁肆伍陆柒捌玖"
    out = int_to_capitals(yuan) + "元" if yuan else ""
    if jiao:
        out += fin[jiao] + "角"
    if fen:
        out += ("零" if yuan and not jiao else "") + fin[fen] + "分"
    if not out:
        return "零元整"
    return out if fen else out + "整"


def capitals_issues(s: str) -> list[str]:
    """Format defects of a written-out amount: 'unparseable', 'ordinary_numerals',
    'zheng_after_fen' (整 after 分), 'missing_zheng' (ends at 元 without 整/正)."""
    s = compact(normalize_width(s))
    issues = []
    if parse_capitals(s) is None:
        issues.append("unparseable")
    if any(ch in ORDINARY_ONLY_CHARS for ch in s):
        issues.append("ordinary_numerals")
    if regex.search(r"分[整正]$", s):
        issues.append("zheng_after_fen")
    if regex.search(r"[元圆]$", s):
        issues.append("missing_zheng")
    return issues


def _style(raw: str) -> str:
    financial = any(ch in FINANCIAL_ONLY_CHARS for ch in raw)
    ordinary = any(ch in ORDINARY_ONLY_CHARS for ch in raw)
    if financial and ordinary:
        return "mixed"
    return "ordinary" if ordinary else "financial"


_DOT_THOUSANDS = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


def _digits_value(raw: str) -> Decimal:
    number = regex.search(r"[0-9][0-9,]*(?:\.[0-9]+)?", raw).group().replace(",", "")
    if _DOT_THOUSANDS.fullmatch(number):
        # 59.000: money has at most two decimals (分), so three digits after a dot are a
        # thousands group (a comma OCR read as a dot, or a European-style separator)
        number = number.replace(".", "")
    scale = 10**8 if "亿元" in raw else 10**4 if "万元" in raw else 1
    return Decimal(number) * scale


def _has_currency(raw: str) -> bool:
    return "¥" in raw or "元" in raw


def find_amounts(text: str) -> list[Money]:
    """All amounts in ``text``, in order; written-out + bracketed digits pairs are merged."""
    folded = normalize_width(text)
    found: list[Money] = []
    pos = 0
    while (m := _TOKEN.search(folded, pos)) is not None:
        if m.group("d") and not (m.group("rmb") or _has_currency(m.group("d"))):
            pos = m.end()
            continue
        spans = {"c": m.span("c") if m.group("c") else None, "d": m.span("d") if m.group("d") else None}
        end = m.end()
        other, tail = ("d", _TAIL_DIG) if m.group("c") else ("c", _TAIL_CAP)
        t = tail.match(folded, end)
        if t and (t.group("open") or t.group("label") or other == "c" or _has_currency(t.group("d"))):
            spans[other] = t.span(other)
            end = t.end()
        found.append(_money(text, folded, m.start(), end, spans))
        pos = end
    return found


def _money(text: str, folded: str, start: int, end: int, spans: dict) -> Money:
    digits = capitals = digits_raw = capitals_raw = style = None
    if spans["d"]:
        digits_raw = text[slice(*spans["d"])]
        digits = _digits_value(folded[slice(*spans["d"])])
    if spans["c"]:
        capitals_raw = text[slice(*spans["c"])]
        capitals = parse_capitals(folded[slice(*spans["c"])])
        style = _style(capitals_raw)
    amount = digits if digits is not None else capitals
    return Money(amount, digits, capitals, digits_raw, capitals_raw, style, text[start:end], (start, end))


def parse_money(text: str) -> Money | None:
    """The first amount in ``text``, or None."""
    found = find_amounts(text)
    return found[0] if found else None
