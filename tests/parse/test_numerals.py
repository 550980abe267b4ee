"""Chinese numerals: ordinary, financial capitals, digit-by-digit years."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.parse.numerals import (
    chinese_digits_to_int,
    chinese_to_int,
    int_to_capitals,
    int_to_chinese,
)

TO_INT = [
    ("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("二十二", 22), ("九十九", 99),
    ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("一百一十二", 112), ("一千零十", 1010),
    ("两千", 2000), ("两万", 20000), ("九千五百", 9500), ("十万", 100000), ("二十万", 200000),
    ("一亿二千万", 120_000_000), ("廿三", 23), ("卅一", 31), ("六十", 60), ("零", 0),
    ("拾万", 100000), ("壹拾万", 100000), ("贰万", 20000), ("壹仟陆佰捌拾", 1680),
    ("壹拾万零伍拾", 100050), ("壹亿零壹仟", 100001000), ("貳萬", 20000), ("陸佰", 600),
    ("叁億", 300_000_000), ("壹拾伍", 15), ("零壹", 1), ("二〇二三", 2023),
]


@pytest.mark.parametrize(("text", "expected"), TO_INT, ids=[t for t, _ in TO_INT])
def test_chinese_to_int(text, expected):
    assert chinese_to_int(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "甲", "十A", "第十"], ids=["empty", "spaces", "jia", "latin", "di"])
def test_chinese_to_int_rejects(text):
    assert chinese_to_int(text) is None


DIGITS = [
    ("二〇二三", 2023), ("二○二二", 2022), ("二零二三", 2023), ("二O二二", 2022), ("二o二一", 2021),
    ("二0二〇", 2020), ("一九九九", 1999), ("二〇〇六", 2006),
]


@pytest.mark.parametrize(("text", "expected"), DIGITS, ids=[t for t, _ in DIGITS])
def test_chinese_digits_to_int(text, expected):
    assert chinese_digits_to_int(text) == expected


@pytest.mark.parametrize("text", ["二十", "", "二〇二X"], ids=["unit", "empty", "latin"])
def test_chinese_digits_to_int_rejects(text):
    assert chinese_digits_to_int(text) is None


TO_CN = [
    (0, "零"), (1, "一"), (10, "十"), (11, "十一"), (15, "十五"), (20, "二十"), (105, "一百零五"),
    (110, "一百一十"), (112, "一百一十二"), (1010, "一千零一十"), (10000, "一万"), (100000, "十万"),
    (101000, "十万零一千"),
]


@pytest.mark.parametrize(("n", "expected"), TO_CN, ids=[str(n) for n, _ in TO_CN])
def test_int_to_chinese(n, expected):
    assert int_to_chinese(n) == expected


CAPS = [(1, "壹"), (10, "壹拾"), (100000, "壹拾万"), (1680, "壹仟陆佰捌拾"), (100050, "壹拾万零伍拾"), (100001000, "壹亿零壹仟")]


@pytest.mark.parametrize(("n", "expected"), CAPS, ids=[str(n) for n, _ in CAPS])
def test_int_to_capitals(n, expected):
    assert int_to_capitals(n) == expected


@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_round_trip(n):
    assert chinese_to_int(int_to_chinese(n)) == n
    assert chinese_to_int(int_to_capitals(n)) == n


def _by_citation_parser(article: str):
    from audit.law.resolve import parse_citation_text

    found = parse_citation_text(f"《某法》{article.strip()}")
    return (found[0].article, found[0].paragraph, found[0].item, found[0].sub_item) if found else None


def test_article_labels_read_as_the_citation_parser_reads_them():
    """parse_basis_article reads the plain 第…条第…款第（…）项 form itself (the citation parser
    costs ~20 ms to load): for every rule's basis and a grid of labels, the same answer."""
    from audit.checks import load_rules
    from audit.law.basis import parse_basis_article
    from audit.parse.numerals import article_label, parse_article_label

    grid = [article_label(a, p, i) for a in (1, 9, 10, 11, 20, 47, 100, 101, 120, 1000)
            for p in (None, 1, 2, 10) for i in (None, 1, 3, 10, 12)]
    grid += ["立案条款", "（三）项", "7.2.4（发文字号）", "第47条", "第47条第2款", "第四十七条第（三）项", "第四十七条第一款第(三)项", "第两条", "第十条第二款第（十一）项"]
    bases = {b.article for r in load_rules() for b in r.basis}
    for article in sorted(set(grid) | bases):
        ref = parse_basis_article(article)
        got = (ref.article, ref.paragraph, ref.item, ref.sub_item) if ref else None
        assert got == _by_citation_parser(article), article
    assert parse_article_label("第四十七条第一款第（三）项") == (47, 1, 3)
    assert parse_article_label("第４７条") is None  # full width: left to the citation parser
    assert parse_article_label("第四十七条之一") is None
