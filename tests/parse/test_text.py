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


def test_surely_absent_only_for_plain_wording_not_in_the_text():
    from audit.parse.text import surely_absent

    assert surely_absent("出示执法证件", "向当事人出示了证件")
    assert not surely_absent("出示执法证件", "已出示执法证件。")
    assert not surely_absent("出示.{0,4}证件", "无关文字")  # a pattern: never judged without matching it
    assert not surely_absent("(?:告知)", "无关文字")
    assert not surely_absent("", "任何文字")


def test_find_phrase_answers_as_matching_every_variant():
    """The plain-wording shortcut changes nothing: every label's variants, on texts that hold
    each variant's own wording and on texts that hold none, give the match regex gives."""
    import regex

    from audit.checklists import load_yaml
    from audit.parse.vocabulary import find_phrase

    phrases = load_yaml("wording.yaml")["phrases"]
    texts = ["本案无相关记载。", "执法人员向当事人出示了执法证件，告知其陈述、申辩的权利。"]
    texts += [f"前文{e['pattern']}后文" for entries in phrases.values() for e in entries]
    for label, entries in phrases.items():
        for text in texts:
            matches = [m for m in (regex.search(e["pattern"], text) for e in entries) if m]
            expected = min(matches, key=lambda m: m.start()) if matches else None
            got = find_phrase(label, text)
            assert (got and got.span()) == (expected and expected.span()), (label, text)
