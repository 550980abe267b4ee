"""Citation resolution: the version in force, the article / 款 / 项, or the precise reason it fails."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.law.resolve import (
    DEFECTS,
    UNCERTAIN,
    SimpleCitation,
    Status,
    article_label,
    parse_citation_text,
    resolve,
    resolve_in,
)

D = dt.date.fromisoformat


@pytest.mark.parametrize("text,on,status,version,suggestion", [
    # resolved, by date
    ("《医疗机构管理条例》第四十七条", "2023-01-01", Status.RESOLVED, "medical-institutions-regulation-2022", None),
    ("《医疗机构管理条例》第四十八条", "2021-01-01", Status.RESOLVED, "medical-institutions-regulation-2016", None),
    ("《医疗机构管理条例》第五十五条", "2021-01-01", Status.RESOLVED, "medical-institutions-regulation-2016", None),
    ("医疗机构管理条例第47条", "2023-01-01", Status.RESOLVED, "medical-institutions-regulation-2022", None),
    ("《中华人民共和国行政处罚法》第五十九条第一款第（六）项", None, Status.RESOLVED,
     "administrative-penalty-law-2021", None),
    ("《行政处罚法》第五十九条第（三）项", None, Status.RESOLVED, "administrative-penalty-law-2021", None),
    ("《公共场所卫生管理条例》第十四条第一款第（二）项", "2024-04-16", Status.RESOLVED,
     "public-places-hygiene-regulation-2019", None),
    ("《医疗废物管理条例》第十四条第二款", "2024-03-11", Status.RESOLVED, "medical-waste-regulation-2011", None),
    # an old number that still exists in the new version is not guessed without a hint
    ("《传染病防治法》第六十九条", "2025-10-01", Status.RESOLVED, "infectious-disease-law-2025", None),
    # defects
    ("《行政处罚法》第八十七条", None, Status.ARTICLE_NOT_FOUND, "administrative-penalty-law-2021", None),
    ("《行政处罚法》第五十九条第三款", None, Status.PARAGRAPH_NOT_FOUND, "administrative-penalty-law-2021", None),
    ("《行政处罚法》第五十九条第一款第（七）项", None, Status.ITEM_NOT_FOUND, "administrative-penalty-law-2021", None),
    ("《医疗机构管理条例》第二十七条第（一）项", "2023-01-01", Status.ITEM_NOT_FOUND,
     "medical-institutions-regulation-2022", None),
    ("《医疗机构管理条例》第五十五条", "2023-01-01", Status.RENUMBERED, "medical-institutions-regulation-2022",
     "第五十三条"),
    ("《医疗机构管理条例》第五十四条", "2023-01-01", Status.RENUMBERED, "medical-institutions-regulation-2022", None),
    ("《中华人民共和国执业医师法》第三十七条", "2023-01-01", Status.NOT_IN_FORCE, "practising-physicians-law-1998",
     None),
    ("《医师法》第五十九条", "2021-06-01", Status.NOT_IN_FORCE, "physicians-law-2021", None),
    ("《人体器官移植条例》第二十六条", "2024-06-01", Status.NOT_IN_FORCE, "human-organ-transplant-regulation-2007",
     "第三十七条"),
    ("《卫生行政处罚程序》第二十九条", "2025-07-01", Status.NOT_IN_FORCE, "health-administrative-penalty-procedure-1997",
     None),
    ("《卫生行政处罚程序》第二十九条", "2024-07-01", Status.RESOLVED, "health-administrative-penalty-procedure-1997", None),
    # uncertain: needs_review, never a defect
    ("《执业医师法》第三十七条", "2021-01-01", Status.NO_TEXT, "practising-physicians-law-1998", None),
    ("《行政处罚法》第四十四条", "2016-01-01", Status.NO_TEXT, "administrative-penalty-law-2009", None),
    ("《行政处罚法》第四十四条", "2020-01-01", Status.RESOLVED, "administrative-penalty-law-2017", None),
    ("《医疗机构管理条例实施细则》第八十条", "2018-01-01", Status.NO_TEXT,
     "medical-institutions-regulation-implementing-rules-2017", None),
    ("《医疗机构管理条例实施细则》第八十条", "2016-01-01", Status.RESOLVED,
     "medical-institutions-regulation-implementing-rules-1994", None),
    ("《公共场所卫生管理条例实施细则》第三十八条", None, Status.RESOLVED,
     "public-places-hygiene-regulation-implementing-rules-2011", None),
    ("《公共场所卫生管理条例实施细则》第三十五条", None, Status.EXCERPT_GAP,
     "public-places-hygiene-regulation-implementing-rules-2011", None),
    ("《卫生健康行政处罚程序规定》第五十三条", "2025-07-01", Status.RESOLVED, "health-administrative-penalty-procedure-2025",
     None),
    ("《卫生健康行政处罚程序规定》第三十条", "2025-07-01", Status.EXCERPT_GAP,
     "health-administrative-penalty-procedure-2025", None),
    ("《行政诉讼法》第三条", None, Status.EXCERPT_GAP, "administrative-litigation-law-2017", None),
    ("《医疗器械监督管理条例》第三十条", "2025-02-01", Status.EXCERPT_GAP, "medical-devices-regulation-2024", None),
    ("《浙江省医疗机构管理办法》第三条", None, Status.UNKNOWN_INSTRUMENT, None, None),
    ("《医疗机构管理条列》第四十七条", None, Status.UNKNOWN_INSTRUMENT, None, None),  # misspelt title
])
def test_resolution_table(registry, text, on, status, version, suggestion):
    r = resolve(text, on=D(on) if on else None, registry=registry)
    assert r.status is status, r.reason
    assert (r.version.id if r.version else None) == version
    assert r.suggestion == suggestion
    assert r.ok == (status is Status.RESOLVED)
    assert r.uncertain == (status in UNCERTAIN) and r.defect == (status in DEFECTS)
    if r.ok:
        assert r.text and r.reason == ""
    else:
        assert r.reason and any("\u4e00" <= ch <= "\u9fff" for ch in r.reason)


@pytest.mark.parametrize("text,on,expected_in_reason", [
    ("《行政处罚法》第八十七条", None, "共八十六条，不存在第八十七条"),
    ("《行政处罚法》第五十九条第三款", None, "第五十九条共两款，不存在第三款"),
    ("《行政处罚法》第五十九条第一款第（七）项", None, "只有六项，不存在第（七）项"),
    ("《医疗机构管理条例》第二十七条第（一）项", "2023-01-01", "第二十七条不分项"),
    ("《医疗机构管理条例》第五十五条", "2023-01-01", "是2016年版的条文编号"),
    ("《医疗机构管理条例》第五十四条", "2023-01-01", "已删去该条"),
    ("《中华人民共和国执业医师法》第三十七条", "2023-01-01", "由《中华人民共和国医师法》（2021年版）取代"),
    ("《医师法》第五十九条", "2021-06-01", "尚未施行"),
    ("《人体器官移植条例》第二十六条", "2024-06-01", "现为《人体器官捐献和移植条例》第三十七条"),
    ("《医疗机构管理条例实施细则》第八十条", "2018-01-01", "法规库未收录该规章全文"),
    ("《医疗机构管理条例实施细则》第八十条", "2018-01-01", "另收有1994年版文本的第八十条"),
    ("《执业医师法》第三十七条", "2020-01-01", "法规库未收录该法律全文"),
    ("《公共场所卫生管理条例实施细则》第三十五条", None, "摘录"),
    ("《行政诉讼法》第三条", None, "摘录"),
    ("《浙江省医疗机构管理办法》第三条", None, "未收录"),
])
def test_reasons_are_precise(registry, text, on, expected_in_reason):
    r = resolve(text, on=D(on) if on else None, registry=registry)
    assert expected_in_reason in r.reason, r.reason


def test_texts_of_article_paragraph_item(registry):
    art = resolve("《行政处罚法》第五十九条", registry=registry)
    assert art.text.startswith("行政机关依照本法第五十七条的规定给予行政处罚")
    para = resolve("《行政处罚法》第五十九条第二款", registry=registry)
    assert para.text == "行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章。"
    item = resolve("《行政处罚法》第五十九条第一款第（三）项", registry=registry)
    assert item.text == "（三）行政处罚的种类和依据；"
    waste = resolve("《医疗废物管理条例》第四十七条第（一）项", on=D("2024-01-01"), registry=registry)
    assert waste.text.startswith("(一)在运送过程中丢弃医疗废物")
    assert waste.display == "《医疗废物管理条例》第四十七条第（一）项"


def test_numbering_hint_maps_old_numbers(registry):
    r = resolve("《医疗机构管理条例》第四十八条", on=D("2023-01-01"), numbering="2016", registry=registry)
    assert r.status is Status.RENUMBERED and r.suggestion == "第四十七条"
    assert r.text.startswith("违反本条例第二十七条规定，使用非卫生技术人员")
    same = resolve("《医疗机构管理条例》第十条", on=D("2023-01-01"), numbering="2016", registry=registry)
    assert same.status is Status.RESOLVED  # 1-13 unchanged
    rewritten = resolve("《传染病防治法》第六十九条第（一）项", on=D("2025-10-01"), numbering="2013",
                        registry=registry)
    assert rewritten.status is Status.RENUMBERED and rewritten.suggestion == "第一百零四条"
    assert "款、项请对照新条文确定" in rewritten.reason


def test_resolve_in_a_chosen_version(registry):
    old = registry.versions["medical-institutions-regulation-2016"]
    r = resolve_in(SimpleCitation("医疗机构管理条例", 48), old, registry=registry)
    assert r.ok and "第二十八条" in r.text
    assert resolve_in(SimpleCitation(None, 48), old, registry=registry).status is Status.NO_INSTRUMENT


def test_no_instrument_and_bad_input(registry):
    assert resolve(SimpleCitation(None, 3), registry=registry).status is Status.NO_INSTRUMENT
    with pytest.raises(ValueError):
        resolve("没有条文引用", registry=registry)


def test_parse_citation_text_and_labels():
    (c,) = parse_citation_text("《中华人民共和国行政处罚法》第五十九条第一款第（三）项")
    assert (c.instrument, c.article, c.paragraph, c.item) == ("行政处罚法", 59, 1, 3)
    (c,) = parse_citation_text("医疗机构管理条例 第四十三条")
    assert (c.instrument, c.article) == ("医疗机构管理条例", 43)
    assert article_label(105, 2, 3) == "第一百零五条第二款第（三）项"
    assert article_label(10) == "第十条"
