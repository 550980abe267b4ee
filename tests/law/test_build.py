"""The article index: builder reproducibility, article counts, parsing of 款 and 项."""

from __future__ import annotations

import json
import re

import pytest

from audit.law.build import build, dump, parse_articles, parse_readme_table
from audit.parse.numerals import chinese_to_int
from tests.law.law_testutil import LAW_DATA

ARTICLES = LAW_DATA / "articles"

# README file table: 范围 column — (scope, article count, first, last).
EXPECTED = {
    "administrative-penalty-law-2021": ("全文", 86, 1, 86),
    "basic-healthcare-law-2019": ("全文", 110, 1, 110),
    "physicians-law-2021": ("全文", 67, 1, 67),
    "infectious-disease-law-2013": ("全文", 80, 1, 80),
    "infectious-disease-law-2025": ("全文", 115, 1, 115),
    "occupational-disease-law-2018": ("全文", 88, 1, 88),
    "maternal-infant-health-law-2017": ("全文", 39, 1, 39),
    "blood-donation-law-1997": ("全文", 24, 1, 24),
    "tcm-law-2016": ("全文", 63, 1, 63),
    "medical-institutions-regulation-2016": ("全文", 55, 1, 55),
    "medical-institutions-regulation-2022": ("全文", 53, 1, 53),
    "public-places-hygiene-regulation-2019": ("全文", 19, 1, 19),
    "public-places-hygiene-regulation-2024": ("全文", 19, 1, 19),
    "medical-waste-regulation-2011": ("全文", 57, 1, 57),
    "nurses-regulation-2020": ("全文", 35, 1, 35),
    "radioisotope-ray-device-regulation-2019": ("全文", 69, 1, 69),
    "vaccine-administration-law-2019": ("全文", 100, 1, 100),
    "narcotic-psychotropic-drugs-regulation-2016": ("全文", 89, 1, 89),
    "narcotic-psychotropic-drugs-regulation-2024": ("全文", 90, 1, 90),
    "human-organ-donation-transplant-regulation-2023": ("全文", 50, 1, 50),
    "human-organ-transplant-regulation-2007": ("全文", 32, 1, 32),
    "school-hygiene-regulation-1990": ("全文", 41, 1, 41),
    "medical-dispute-regulation-2018": ("全文", 56, 1, 56),
    "medical-devices-regulation-2021": ("摘录", 55, 1, 107),
    "medical-devices-regulation-2024": ("摘录", 55, 1, 107),
    "administrative-reconsideration-law-2017": ("全文", 43, 1, 43),
    "administrative-reconsideration-law-2023": ("全文", 90, 1, 90),
    "administrative-litigation-law-2017": ("摘录", 14, 2, 97),
    "administrative-penalty-law-2017": ("全文", 64, 1, 64),
    "administrative-coercion-law-2011": ("全文", 71, 1, 71),
    "mental-health-law-2018": ("全文", 85, 1, 85),
    "drug-administration-law-2015": ("全文", 104, 1, 104),
    "drug-administration-law-2019": ("全文", 155, 1, 155),
    "public-health-emergency-response-law-2025": ("全文", 65, 1, 65),
    "rural-doctors-regulation-2003": ("全文", 49, 1, 49),
    "public-health-emergency-regulation-2011": ("全文", 54, 1, 54),
    "maternal-infant-health-law-implementing-measures-2017": ("全文", 45, 1, 45),
    "maternal-infant-health-law-implementing-measures-2023": ("全文", 45, 1, 45),
    "medical-accident-regulation-2002": ("全文", 63, 1, 63),
    "medical-security-fund-regulation-2021": ("全文", 50, 1, 50),
    "infectious-disease-law-implementing-measures-1991": ("全文", 76, 1, 76),
    "tcm-regulation-2003": ("全文", 39, 1, 39),
    "cosmetics-hygiene-regulation-2019": ("全文", 35, 1, 35),
    "health-administrative-penalty-procedure-2025": ("摘录", 10, 1, 56),
    "health-administrative-penalty-procedure-1997": ("摘录", 7, 29, 53),
    "health-enforcement-documents-norms-2017": ("摘录", 8, 1, 25),
    "prescription-administration-measures-2007": ("全文", 63, 1, 63),
    "medical-quality-management-measures-2016": ("全文", 48, 1, 48),
    "physician-practice-registration-measures-2017": ("全文", 26, 1, 26),
    "medical-institutions-regulation-implementing-rules-1994": ("全文", 91, 1, 91),
    "public-places-hygiene-regulation-implementing-rules-2011": ("摘录", 4, 38, 41),
}


def load(stem: str) -> dict:
    return json.loads((ARTICLES / f"{stem}.json").read_text(encoding="utf-8"))


def test_builder_reproduces_committed_json(tmp_path, laws_dir):
    written = build(laws_dir, tmp_path)
    built = {p.name: p.read_bytes() for p in written}
    committed = {p.name: p.read_bytes() for p in ARTICLES.glob("*.json")}
    assert sorted(built) == sorted(committed)
    for name, data in built.items():
        assert data == committed[name], f"{name} differs: re-run python -m audit.law.build"


def test_committed_json_is_canonical():
    for path in ARTICLES.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert dump(json.loads(text)) == text, path.name


def test_expected_table_matches_readme(laws_dir):
    rows = parse_readme_table(laws_dir / "README.md")
    parsed = {}
    for stem, row in rows.items():
        m = re.fullmatch(r"(全文|摘录)（(\d+)条，第(\d+)—(\d+)条(?:；[^）]*)?）", row["范围"])  # "；1994年文本"
        assert m, row["范围"]
        parsed[stem] = (m[1], int(m[2]), int(m[3]), int(m[4]))
    assert parsed == EXPECTED


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_article_counts(stem):
    scope, count, first, last = EXPECTED[stem]
    doc = load(stem)
    numbers = sorted(int(k) for k in doc["articles"])
    assert doc["scope"] == scope
    assert doc["article_count"] == len(numbers) == count
    assert (numbers[0], numbers[-1]) == (first, last)
    if scope == "全文":
        assert numbers == list(range(1, count + 1))
    for key, art in doc["articles"].items():
        assert art["number"] == int(key) == chinese_to_int(art["label"][1:-1])


def test_header_fields():
    doc = load("administrative-penalty-law-2021")
    assert doc["id"] == "administrative-penalty-law-2021"
    assert doc["title"] == "中华人民共和国行政处罚法"
    assert doc["short_title"] == "行政处罚法"
    assert doc["version_date"] == "2021-01-22"
    assert doc["effective_from"] == "2021-07-15"
    assert doc["status_note"] == "现行"
    assert doc["source"].startswith("LawRefBook/Laws@2f4c5c237162")
    assert load("medical-waste-regulation-2011")["effective_from"] is None  # flk gives none


def test_penalty_law_article_44_text():
    art = load("administrative-penalty-law-2021")["articles"]["44"]
    assert art["text"] == (
        "行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，"
        "并告知当事人依法享有的陈述、申辩、要求听证等权利。"
    )
    assert art["label"] == "第四十四条"
    assert art["chapter"] == "第五章 行政处罚的决定"
    assert art["section"] == "第一节 一般规定"


def test_penalty_law_article_59_items_belong_to_first_paragraph():
    art = load("administrative-penalty-law-2021")["articles"]["59"]
    paras = art["paragraphs"]
    assert len(paras) == 2
    assert len(paras[0]["items"]) == 6
    assert paras[0]["items"][0] == "（一）当事人的姓名或者名称、地址；"
    assert paras[0]["items"][5].startswith("（六）作出行政处罚决定的行政机关名称")
    assert paras[1] == {"items": [], "text": "行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章。"}


def test_medical_institutions_2022_article_47():
    art = load("medical-institutions-regulation-2022")["articles"]["47"]
    assert art["chapter"] == "第六章 罚 则"
    assert art["text"] == (
        "违反本条例第二十七条规定，使用非卫生技术人员从事医疗卫生技术工作的，由县级以上人民政府"
        "卫生行政部门责令其限期改正，并可以处以1万元以上10万元以下的罚款；情节严重的，吊销其"
        "《医疗机构执业许可证》或者责令其停止执业活动。"
    )


def test_half_width_item_markers():
    art = load("medical-institutions-regulation-2016")["articles"]["10"]
    assert len(art["paragraphs"]) == 1
    assert art["paragraphs"][0]["items"] == ["(一)设置申请书；", "(二)设置可行性研究报告；",
                                             "(三)选址报告和建筑设计平面图。"]


def test_parse_paragraph_after_items_starts_new_paragraph():
    lines = ["## 第一章 总则", "", "第一条 甲：", "", "（一）乙；", "（二）丙。", "", "丁。", "",
             "第二条 戊。", "## 第二章 罚则", "第三条 己。", "", "庚。"]
    arts = parse_articles(lines)
    assert [len(p["items"]) for p in arts[1]["paragraphs"]] == [2, 0]
    assert arts[1]["text"] == "甲：\n（一）乙；\n（二）丙。\n丁。"
    assert arts[2]["chapter"] == "第一章 总则"
    assert arts[3]["chapter"] == "第二章 罚则"
    assert [p["text"] for p in arts[3]["paragraphs"]] == ["己。", "庚。"]
