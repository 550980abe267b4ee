"""Money amounts: digits, capitals, ordinary numerals, pairs, round trips and non-amounts."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.parse.money import (
    capitals_issues,
    find_amounts,
    parse_capitals,
    parse_money,
    to_capitals,
)

N = Decimal
# (text, amount, digits, capitals, style, raw)
SINGLE = [
    ("¥20,000.00", N("20000"), N("20000"), None, None, "¥20,000.00"),
    ("￥20000", N("20000"), N("20000"), None, None, "￥20000"),
    ("20000元", N("20000"), N("20000"), None, None, "20000元"),
    ("20,000.00元", N("20000"), N("20000"), None, None, "20,000.00元"),
    ("罚款9500.00元", N("9500"), N("9500"), None, None, "9500.00元"),
    ("2万元", N("20000"), N("20000"), None, None, "2万元"),
    ("0.95万元", N("9500"), N("9500"), None, None, "0.95万元"),
    ("1.2亿元", N("120000000"), N("120000000"), None, None, "1.2亿元"),
    ("２００００元", N("20000"), N("20000"), None, None, "２００００元"),
    ("人民币20000", N("20000"), N("20000"), None, None, "人民币20000"),
    ("2023.50元", N("2023.5"), N("2023.5"), None, None, "2023.50元"),
    ("贰万元整", N("20000"), None, N("20000"), "financial", "贰万元整"),
    ("壹拾万元整", N("100000"), None, N("100000"), "financial", "壹拾万元整"),
    ("拾万元", N("100000"), None, N("100000"), "financial", "拾万元"),
    ("叁仟元正", N("3000"), None, N("3000"), "financial", "叁仟元正"),
    ("貳萬圆整", N("20000"), None, N("20000"), "financial", "貳萬圆整"),
    ("壹仟陆佰捌拾元零叁角贰分", N("1680.32"), None, N("1680.32"), "financial", "壹仟陆佰捌拾元零叁角贰分"),
    ("壹仟陆佰捌拾元叁角贰分", N("1680.32"), None, N("1680.32"), "financial", "壹仟陆佰捌拾元叁角贰分"),
    ("伍角整", N("0.5"), None, N("0.5"), "financial", "伍角整"),
    ("壹拾元零伍分", N("10.05"), None, N("10.05"), "financial", "壹拾元零伍分"),
    ("罚款九千五百元", N("9500"), None, N("9500"), "ordinary", "九千五百元"),
    ("一万元", N("10000"), None, N("10000"), "ordinary", "一万元"),
    ("两万元", N("20000"), None, N("20000"), "ordinary", "两万元"),
    ("贰万伍千元", N("25000"), None, N("25000"), "mixed", "贰万伍千元"),
    ("人民币贰万元整", N("20000"), None, N("20000"), "financial", "人民币贰万元整"),
    ("人民币 贰 万 元 整", N("20000"), None, N("20000"), "financial", "人民币 贰 万 元 整"),
]


@pytest.mark.parametrize(("text", "amount", "digits", "capitals", "style", "raw"), SINGLE, ids=[s[0] for s in SINGLE])
def test_single_form(text, amount, digits, capitals, style, raw):
    money = parse_money(text)
    assert money is not None
    assert (money.amount, money.digits, money.capitals, money.capitals_style) == (amount, digits, capitals, style)
    assert money.raw == raw and text[slice(*money.span)] == raw
    assert money.consistent is None


# (text, digits, capitals, consistent, digits_raw, capitals_raw)
PAIRS = [
    ("人民币贰万元整（¥20,000.00）", N("20000"), N("20000"), True, "¥20,000.00", "贰万元整"),
    ("人民币贰万元整(小写：20000.00元)", N("20000"), N("20000"), True, "20000.00元", "贰万元整"),
    ("罚款人民币伍仟元整（￥5000.00元）", N("5000"), N("5000"), True, "￥5000.00元", "伍仟元整"),
    ("人民币玖仟伍佰元整（¥9500.00）", N("9500"), N("9500"), True, "¥9500.00", "玖仟伍佰元整"),
    ("人民币贰万元整（20000.00）", N("20000"), N("20000"), True, "20000.00", "贰万元整"),
    ("人民币贰万元整 ¥20000.00", N("20000"), N("20000"), True, "¥20000.00", "贰万元整"),
    ("¥20,000.00（大写：贰万元整）", N("20000"), N("20000"), True, "¥20,000.00", "贰万元整"),
    ("20000元（人民币贰万元整）", N("20000"), N("20000"), True, "20000元", "贰万元整"),
    ("人民币贰万元整（¥2,000.00）", N("2000"), N("20000"), False, "¥2,000.00", "贰万元整"),
    ("罚款九千五百元（9500元）", N("9500"), N("9500"), True, "9500元", "九千五百元"),
    ("金额（大写）贰万元整（小写）¥20000.00", N("20000"), N("20000"), True, "¥20000.00", "贰万元整"),
    ("大写：壹仟元整 小写：1000.00元", N("1000"), N("1000"), True, "1000.00元", "壹仟元整"),
]


@pytest.mark.parametrize(("text", "digits", "capitals", "consistent", "digits_raw", "capitals_raw"), PAIRS,
                         ids=[p[0] for p in PAIRS])
def test_pairs(text, digits, capitals, consistent, digits_raw, capitals_raw):
    found = find_amounts(text)
    assert len(found) == 1
    money = found[0]
    assert (money.digits, money.capitals, money.consistent) == (digits, capitals, consistent)
    assert (money.digits_raw, money.capitals_raw) == (digits_raw, capitals_raw)
    assert money.amount == digits
    assert text[slice(*money.span)] == money.raw
    assert digits_raw in money.raw and capitals_raw in money.raw


NEGATIVE = [
    "2023年5月12日", "金卫公罚〔2023〕15号", "〔2023〕15号", "电话13805712345", "0571-88881234",
    "11010519491231002X", "第二十条", "《行政处罚法》第七十二条", "按罚款数额的3%加处罚款", "20000", "共计20000",
    "一元化管理", "十五日内", "万元", "单位：万元", "第三人", "2万人次",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=NEGATIVE)
def test_not_money(text):
    assert find_amounts(text) == []


def test_find_amounts_several():
    text = "处五千元以上三万元以下的罚款；罚款3000元，没收违法所得5,000.50元；共计人民币捌仟元伍角整（¥8000.50）。"
    found = find_amounts(text)
    assert [m.amount for m in found] == [N(5000), N(30000), N(3000), N("5000.5"), N("8000.5")]
    assert found[-1].consistent is True
    assert all(text[slice(*m.span)] == m.raw for m in found)


TO_CAPS = [
    ("20000", "贰万元整"), ("1680.32", "壹仟陆佰捌拾元叁角贰分"), ("100000", "壹拾万元整"), ("0.5", "伍角整"),
    ("0.05", "伍分"), ("0.35", "叁角伍分"), ("10.05", "壹拾元零伍分"), ("1000.5", "壹仟元伍角整"),
    ("0", "零元整"), ("9500", "玖仟伍佰元整"), ("10005", "壹万零伍元整"), ("100050", "壹拾万零伍拾元整"),
    ("101000", "壹拾万零壹仟元整"), ("100001000", "壹亿零壹仟元整"), ("1000000", "壹佰万元整"), ("15", "壹拾伍元整"),
    ("3000.456", "叁仟元肆角陆分"),
]


@pytest.mark.parametrize(("amount", "expected"), TO_CAPS, ids=[a for a, _ in TO_CAPS])
def test_to_capitals(amount, expected):
    assert to_capitals(Decimal(amount)) == expected


def test_to_capitals_negative():
    with pytest.raises(ValueError):
        to_capitals(Decimal("-1"))


PARSE_CAPS = [
    ("贰万元整", N(20000)), ("人民币贰万元整", N(20000)), ("壹仟陆佰捌拾元零叁角贰分", N("1680.32")),
    ("伍角整", N("0.5")), ("伍分", N("0.05")), ("零元整", N(0)), ("拾万元", N(100000)), ("叁仟元正", N(3000)),
    ("九千五百元", N(9500)), ("九千五百", N(9500)), ("壹万零伍元整", N(10005)), ("壹拾元零伍分", N("10.05")),
    ("貳萬元整", N(20000)), ("贰 万 元 整", N(20000)),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CAPS, ids=[t for t, _ in PARSE_CAPS])
def test_parse_capitals(text, expected):
    assert parse_capitals(text) == expected


@pytest.mark.parametrize("text", ["", "元整", "二〇二三年", "abc元"], ids=["empty", "no-number", "date", "latin"])
def test_parse_capitals_rejects(text):
    assert parse_capitals(text) is None


ISSUES = [
    ("贰万元整", []), ("贰万元", ["missing_zheng"]), ("伍元叁角贰分整", ["zheng_after_fen"]),
    ("二万元整", ["ordinary_numerals"]), ("伍角", []),
]


@pytest.mark.parametrize(("text", "issues"), ISSUES, ids=[t for t, _ in ISSUES])
def test_capitals_issues(text, issues):
    assert capitals_issues(text) == issues


CENTS = st.integers(min_value=1, max_value=10**11).map(lambda c: Decimal(c) / 100)


@given(CENTS)
def test_capitals_round_trip(amount):
    assert parse_capitals(to_capitals(amount)) == amount


@given(CENTS)
def test_pair_in_text_round_trip(amount):
    text = f"罚款人民币{to_capitals(amount)}（¥{amount:,.2f}）。"
    money = parse_money(text)
    assert money.capitals == amount and money.digits == amount and money.consistent


def test_three_decimals_are_a_thousands_group():
    """OCR reads the comma of ¥59,000 as a dot; money never has three decimals."""
    from audit.parse.money import find_amounts

    (m,) = find_amounts("人民币伍万玖仟元整 (小写)¥59.000")
    assert m.digits == 59000 and m.consistent
    (two,) = find_amounts("¥59.00元")
    assert two.digits == Decimal("59.00")
