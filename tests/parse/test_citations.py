"""Law citations: instrument, article, paragraph, item, sub-item; lists and back-references."""

import pytest

from audit.parse.citations import normalize_title, parse_citations

# (text, [(instrument, article, paragraph, item, sub_item), ...])
CASES = [
    ("《中华人民共和国行政处罚法》第四十四条", [("行政处罚法", 44, None, None, None)]),
    ("《医疗机构管理条例》第十四条第一款第（四）项", [("医疗机构管理条例", 14, 1, 4, None)]),
    ("《医疗机构管理条例》第十四条第一款第(四)项", [("医疗机构管理条例", 14, 1, 4, None)]),
    ("第十四条第一款第四项", [(None, 14, 1, 4, None)]),
    ("第14条", [(None, 14, None, None, None)]),
    ("第１４条第２款", [(None, 14, 2, None, None)]),
    ("第二十二条第一、第二款", [(None, 22, 1, None, None), (None, 22, 2, None, None)]),
    ("第二十二条第一、二款", [(None, 22, 1, None, None), (None, 22, 2, None, None)]),
    ("第二十二条第一款、第二款", [(None, 22, 1, None, None), (None, 22, 2, None, None)]),
    ("《A条例》第八条和第九条", [("A条例", 8, None, None, None), ("A条例", 9, None, None, None)]),
    ("《A条例》第八条、第九条及第十条", [("A条例", 8, None, None, None), ("A条例", 9, None, None, None),
                                   ("A条例", 10, None, None, None)]),
    ("《A条例》第八、九条", [("A条例", 8, None, None, None), ("A条例", 9, None, None, None)]),
    ("第五十一条第（一）项", [(None, 51, None, 1, None)]),
    ("第五十一条第（一）、（二）项", [(None, 51, None, 1, None), (None, 51, None, 2, None)]),
    ("第五十一条第（一）、（二）、（三）项", [(None, 51, None, 1, None), (None, 51, None, 2, None),
                                     (None, 51, None, 3, None)]),
    ("第五十一条第（一）项、第（三）项", [(None, 51, None, 1, None), (None, 51, None, 3, None)]),
    ("第四十七条第一款第（二）项、第（三）项", [(None, 47, 1, 2, None), (None, 47, 1, 3, None)]),
    ("第十条第一款第（二）项第3目", [(None, 10, 1, 2, 3)]),
    ("第一百零四条", [(None, 104, None, None, None)]),
    ("第一百一十二条", [(None, 112, None, None, None)]),
    ("《A法》第五条、第六条第二款", [("A法", 5, None, None, None), ("A法", 6, 2, None, None)]),
    ("依据《行政处罚法》第二十八条第一款和第三十二条第（一）项", [("行政处罚法", 28, 1, None, None),
                                             ("行政处罚法", 32, None, 1, None)]),
    ("违反了《医疗机构管理条例》第二十四条和《医疗机构管理条例实施细则》第七十七条的规定",
     [("医疗机构管理条例", 24, None, None, None), ("医疗机构管理条例实施细则", 77, None, None, None)]),
    ("《医疗机构管理条例》第二十四条，依据该条例第四十四条", [("医疗机构管理条例", 24, None, None, None),
                                         ("医疗机构管理条例", 44, None, None, None)]),
    ("《医疗机构管理条例》第二十四条。本条例第四十四条", [("医疗机构管理条例", 24, None, None, None),
                                        ("医疗机构管理条例", 44, None, None, None)]),
    ("《医疗机构管理条例》第二十四条。同条例第四十四条", [("医疗机构管理条例", 24, None, None, None),
                                        ("医疗机构管理条例", 44, None, None, None)]),
    ("《医疗机构管理条例》第二十四条。上述条例第四十四条", [("医疗机构管理条例", 24, None, None, None),
                                         ("医疗机构管理条例", 44, None, None, None)]),
    ("根据《中华人民共和国行政处罚法》的规定。该法第五十一条", [("行政处罚法", 51, None, None, None)]),
    ("根据《行政处罚法》的规定。同法第五十一条", [("行政处罚法", 51, None, None, None)]),
    ("根据《行政处罚法》和《医疗机构管理条例》，本法第二十八条", [("行政处罚法", 28, None, None, None)]),
    ("根据《行政处罚法》和《医疗机构管理条例》，该条例第二十八条", [("医疗机构管理条例", 28, None, None, None)]),
    ("《中华人民共和国传染病防治法》（以下简称《传染病防治法》）第三条。《传染病防治法》第六十五条",
     [("传染病防治法", 3, None, None, None), ("传染病防治法", 65, None, None, None)]),
    ("《医疗机构管理条例》（以下简称《条例》）。依据《条例》第四十四条", [("医疗机构管理条例", 44, None, None, None)]),
    ("依据《医疗机构管理条例》（以下简称“条例”），条例第二十四条", [("医疗机构管理条例", 24, None, None, None)]),
    ("《中华人民共和国食品安全法》（2021年修正）第一百二十二条", [("食品安全法", 122, None, None, None)]),
    ("违反了《医疗机构管理条例》第二十四条的规定，依据第四十四条", [("医疗机构管理条例", 24, None, None, None),
                                            (None, 44, None, None, None)]),
    ("本法第二条", [(None, 2, None, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_citations(text, expected):
    found = parse_citations(text)
    assert [(c.instrument, c.article, c.paragraph, c.item, c.sub_item) for c in found] == expected
    assert all(text[slice(*c.span)] == c.raw for c in found)
    assert [c.span[0] for c in found] == sorted(c.span[0] for c in found)


NEGATIVE = ["第一次", "第2页", "第三人", "第一款", "前款规定", "〔2023〕第5号", "金卫公罚〔2023〕第5号", "第（一）项",
            "第（一）、（二）项", "二〇二三年五月十二日", "《行政处罚法》"]


@pytest.mark.parametrize("text", NEGATIVE, ids=NEGATIVE)
def test_not_citations(text):
    assert parse_citations(text) == []


def test_raw_and_instrument_raw():
    text = "违反了《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定"
    (c,) = parse_citations(text)
    assert c.instrument == "行政处罚法"
    assert c.instrument_raw == "《中华人民共和国行政处罚法》"
    assert c.raw == "《中华人民共和国行政处罚法》第七十二条第一款第（一）项"


def test_list_spans():
    text = "《A条例》第八条和第九条"
    first, second = parse_citations(text)
    assert first.raw == "《A条例》第八条" and second.raw == "第九条"
    assert second.instrument_raw == "《A条例》"


def test_back_reference_raw():
    (_, c) = parse_citations("《医疗机构管理条例》第二十四条，依据该条例第四十四条")
    assert c.instrument_raw == "该条例" and c.raw == "该条例第四十四条"


@pytest.mark.parametrize(
    ("title", "expected"),
    [("《中华人民共和国行政处罚法》", "行政处罚法"), ("医疗机构管理条例", "医疗机构管理条例"), ("《中华人民共和国 传染病防治法》", "传染病防治法")],
)
def test_normalize_title(title, expected):
    assert normalize_title(title) == expected
