"""Text normalisers."""

import pytest

from audit.parse.text import collapse_spaces, compact, normalize_brackets, normalize_width

WIDTH = [
    ("２０２３", "2023"), ("ＡＢｃ", "ABc"), ("（一）", "(一)"), ("：", ":"), ("，", ","), ("￥５０", "¥50"),
    ("a\u3000b", "a b"), ("中文", "中文"), ("〔〕", "〔〕"),
]


@pytest.mark.parametrize(("text", "expected"), WIDTH, ids=[t for t, _ in WIDTH])
def test_normalize_width(text, expected):
    assert normalize_width(text) == expected
    assert len(normalize_width(text)) == len(text)


BRACKETS = [("[2023]", "〔2023〕"), ("(2023)", "〔2023〕"), ("（2023）", "〔2023〕"), ("【2023】", "〔2023〕"),
            ("﹝2023﹞", "〔2023〕"), ("［2023］", "〔2023〕"), ("〔2023〕", "〔2023〕")]


@pytest.mark.parametrize(("text", "expected"), BRACKETS, ids=[t for t, _ in BRACKETS])
def test_normalize_brackets(text, expected):
    assert normalize_brackets(text) == expected


SPACES = [("2023 年 5 月 8 日", "2023年5月8日"), ("a   b", "a b"), (" 金卫公罚 〔2022〕 11 号 ", "金卫公罚〔2022〕11号"),
          ("16时20分 至 16时38分", "16时20分至16时38分"), ("x\u3000\u3000y", "x y")]


@pytest.mark.parametrize(("text", "expected"), SPACES, ids=[t for t, _ in SPACES])
def test_collapse_spaces(text, expected):
    assert collapse_spaces(text) == expected


def test_compact():
    assert compact(" 年\u3000月\xa0日\n\t") == "年月日"
