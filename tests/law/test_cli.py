"""`audit law show` / `audit law search`: the JSON shape of issue [4] and the text form."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from audit.law.cli import law_group

FINE_KEYS = {"kind", "min", "max", "base", "min_multiple", "max_multiple", "floor_base_yuan", "tiers", "discretion",
             "target"}


def invoke(*args: str):
    return CliRunner().invoke(law_group, list(args), catch_exceptions=False)


def show_json(*args: str) -> tuple[int, dict]:
    result = invoke("show", *args, "--format", "json")
    return result.exit_code, json.loads(result.output)


def test_show_penalty_article_json_shape():
    code, data = show_json("《医疗机构管理条例》第四十七条", "--date", "2023-05-01")
    assert code == 0
    assert {"instrument", "version", "article", "paragraph", "text", "penalty"} <= set(data)
    assert data["instrument"] == "医疗机构管理条例"
    assert data["version"] == "2022-03-29" and data["version_id"] == "medical-institutions-regulation-2022"
    assert data["article"] == 47 and data["paragraph"] is None and data["label"] == "第四十七条"
    assert data["text"].startswith("违反本条例第二十七条规定，使用非卫生技术人员")
    penalty = data["penalty"]
    assert penalty["kinds"] == ["罚款", "吊销许可证件", "责令停止执业活动"]
    fine = penalty["fine"]
    assert set(fine) == FINE_KEYS
    assert (fine["kind"], fine["min"], fine["max"], fine["discretion"]) == ("fixed", 10000, 100000, "may")
    assert [o["article"] for o in penalty["obligations"]] == [27]


def test_show_uses_the_version_of_the_date():
    _, old = show_json("《医疗机构管理条例》第四十七条", "--date", "2021-05-01")
    assert old["version"] == "2016-02-06"
    assert old["penalty"]["fine"]["max"] == 3000 and "警告" in old["penalty"]["kinds"]


def test_a_cited_paragraph_gives_that_paragraphs_penalty():
    _, data = show_json("《医疗机构管理条例》第四十三条第二款", "--date", "2023-05-01")
    assert data["paragraph"] == 2 and data["text"].startswith("违反本条例第二十三条规定，诊所未经备案执业")
    fine = data["penalty"]["fine"]
    assert (fine["kind"], fine["min"], fine["max"], fine["discretion"]) == ("fixed", None, 30000, "must")
    _, whole = show_json("《医疗机构管理条例》第四十三条", "--date", "2023-05-01")
    assert whole["penalty"]["fine"]["kind"] == "tiered"
    assert [p["source"]["paragraph"] for p in whole["penalty"]["by_paragraph"]] == [1, 2]
    conditions = [t["condition"] for t in whole["penalty"]["fine"]["tiers"]]
    assert conditions == ["第四十三条第一款", "第四十三条第二款"]


def test_reference_to_another_law_is_followed():
    _, data = show_json("《医疗机构管理条例》第四十三条第一款", "--date", "2023-05-01")
    penalty = data["penalty"]
    assert penalty["refers_to"]["instrument"] == "中华人民共和国基本医疗卫生与健康促进法"
    assert penalty["refers_to"]["label"] == "第九十九条第一款"
    fine = penalty["fine"]
    assert (fine["kind"], fine["base"], fine["min_multiple"], fine["max_multiple"], fine["floor_base_yuan"]) == (
        "multiple", "违法所得", 5, 20, 10000)


@pytest.mark.parametrize("citation,date,kind,expect", [
    ("《中华人民共和国医师法》第五十九条", None, "multiple",
     {"base": "违法所得", "min_multiple": 2, "max_multiple": 10, "floor_base_yuan": 10000, "discretion": "must"}),
    ("《医疗废物管理条例》第四十七条", None, "tiered", {"min": 5000, "max": 30000, "discretion": "must"}),
    ("《医疗废物管理条例》第五十二条", None, "multiple", {"min_multiple": None, "max_multiple": 1, "discretion": "may"}),
    ("《公共场所卫生管理条例》第十四条", "2024-04-16", "unspecified", {"discretion": "may"}),
    ("《医疗机构管理条例》第四十四条", "2023-05-01", "none", {"min": None, "max": None}),
])
def test_fine_kinds(citation, date, kind, expect):
    args = [citation] + (["--date", date] if date else [])
    _, data = show_json(*args)
    fine = data["penalty"]["fine"]
    assert fine["kind"] == kind
    for key, value in expect.items():
        assert fine[key] == value, key


def test_tiers_carry_conditions():
    _, data = show_json("《医疗废物管理条例》第四十七条")
    tiers = data["penalty"]["fine"]["tiers"]
    assert [(t["condition"], t["min"], t["max"]) for t in tiers] == [(None, 5000, 10000), ("逾期不改正", 10000, 30000)]
    assert all(set(t) == FINE_KEYS | {"condition"} for t in tiers)
    _, no_income = show_json("《医疗废物管理条例》第五十三条第一款")
    sub = no_income["penalty"]["fine"]["tiers"]
    assert sub[0]["kind"] == "multiple" and sub[0]["min_multiple"] == 2 and sub[0]["max_multiple"] == 5
    assert (sub[1]["kind"], sub[1]["min"], sub[1]["max"]) == ("fixed", 5000, 20000)
    assert "不足5000元" in sub[1]["condition"]


def test_non_penalty_article_has_no_penalty():
    code, data = show_json("《行政处罚法》第五十九条第一款第（三）项")
    assert code == 0 and data["penalty"] is None and data["text"] == "（三）行政处罚的种类和依据；"


def test_unresolved_provisions_exit_1_with_reason():
    code, data = show_json("《中华人民共和国执业医师法》第三十九条", "--date", "2023-01-01")
    assert code == 1 and data["status"] == "not_in_force"
    assert data["successor"] == "中华人民共和国医师法" and "2022年2月28日失效" in data["reason"]
    code, data = show_json("《医疗机构管理条例》第五十五条", "--date", "2023-01-01")
    assert code == 1 and data["status"] == "renumbered" and data["suggestion"] == "第五十三条"
    assert data["article"] == 53 and data["text"].startswith("本条例自1994年9月1日起施行")
    code, data = show_json("《中华人民共和国执业医师法》第三十七条", "--date", "2021-01-01")
    assert code == 1 and data["status"] == "no_text" and data["status_text"] == "法规库无该法规条文数据"
    code, data = show_json("《人体器官移植条例》第二十六条", "--date", "2024-06-01")
    assert code == 1 and data["text"].startswith("违反本条例规定，买卖人体器官")  # last text it had


def test_department_rule_without_text_exits_0_and_says_so():
    """A known department rule whose text the registry lacks is not an error of the citation."""
    result = invoke("show", "《生活饮用水卫生监督管理办法》第二十六条")
    assert result.exit_code == 0
    assert "【法规库未收录该规章全文】" in result.output and "请人工核查" in result.output
    code, data = show_json("《生活饮用水卫生监督管理办法》第二十六条")
    assert code == 0 and data["status"] == "no_text" and data["instrument_kind"] == "部门规章"
    assert data["status_text"] == "法规库未收录该规章全文" and data["text"] is None
    # 2017 version of the 实施细则 is not held; the 1994 text is named for reference only.
    code, data = show_json("《医疗机构管理条例实施细则》第八十条", "--date", "2020-01-01")
    assert code == 0 and data["version_id"] == "medical-institutions-regulation-implementing-rules-2017"
    assert "法规库另收有1994年版文本的第八十条" in data["reason"]
    code, data = show_json("《医疗机构管理条例实施细则》第八十条", "--date", "2016-01-01")
    assert code == 0 and data["status"] == "resolved" and data["penalty"]["fine"]["kind"] == "tiered"
    # An excerpt without the cited article: exit 0, says the excerpt lacks it.
    code, data = show_json("《卫生健康行政处罚程序规定》第三十条", "--date", "2025-07-01")
    assert code == 0 and data["status"] == "excerpt_gap" and "摘录" in data["reason"]
    # The 1994 text's penalty article, with its fixed 3000 yuan fine.
    code, data = show_json("《医疗机构管理条例实施细则》第八十条第二款", "--date", "2016-01-01")
    assert (data["penalty"]["fine"]["min"], data["penalty"]["fine"]["max"]) == (3000, 3000)
    text = invoke("show", "《医疗机构管理条例实施细则》第八十条第二款", "--date", "2016-01-01").output
    assert "罚款幅度：处3000元罚款" in text


def test_show_text_and_bad_input():
    result = invoke("show", "《医疗机构管理条例》第四十七条", "--date", "2023-05-01")
    assert result.exit_code == 0
    assert "《医疗机构管理条例》（2022年版，2022年5月1日起施行）第四十七条" in result.output
    assert "罚款幅度：可以处1万元以上10万元以下罚款" in result.output
    assert "对应义务条款：第二十七条" in result.output
    assert invoke("show", "没有条文").exit_code == 2
    assert CliRunner().invoke(law_group, ["show", "《行政处罚法》第四条", "--date", "2023-13-01"]).exit_code == 2


def test_search_json_shape_and_filters():
    result = invoke("search", "非卫生技术人员", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) == {"query", "date", "count", "results"} and data["count"] == len(data["results"])
    hits = [(h["version_id"], h["article"]) for h in data["results"]]
    assert ("medical-institutions-regulation-2022", 27) in hits and ("medical-institutions-regulation-2022", 47) in hits
    assert hits.index(("medical-institutions-regulation-2022", 47)) < hits.index(("medical-institutions-regulation-2016", 48))
    first = data["results"][0]
    assert {"instrument", "version", "version_id", "article", "label", "paragraph", "text", "in_force"} <= set(first)
    dated = json.loads(invoke("search", "非卫生技术人员", "--date", "2020-01-01", "--format", "json").output)
    assert {h["version_id"] for h in dated["results"]} == {"medical-institutions-regulation-2016",
                                                           "medical-quality-management-measures-2016"}
    both = json.loads(invoke("search", "医疗废物", "生活垃圾", "--format", "json").output)
    assert all("生活垃圾" in h["text"] and "医疗废物" in h["text"] for h in both["results"]) and both["count"] >= 2
    none = json.loads(invoke("search", "不存在的词语组合甲乙丙", "--format", "json").output)
    assert none["count"] == 0


def test_search_text():
    out = invoke("search", "复议前置").output + invoke("search", "先向行政复议机关申请行政复议").output
    assert "《中华人民共和国行政复议法》（2023年版）第二十三条" in out


def test_fines_on_other_persons_name_them():
    _, data = show_json("《医疗器械监督管理条例》第九十条", "--date", "2023-05-01")
    tiers = data["penalty"]["fine"]["tiers"]
    persons = [t for t in tiers if t["target"]]
    assert [(t["base"], t["min_multiple"], t["max_multiple"]) for t in persons] == [("所获收入", 0.3, 3)]
    assert persons[0]["target"].startswith("违法单位的法定代表人")
    assert [(t["condition"], t["min"], t["max"]) for t in tiers if not t["target"]] == [
        ("拒不改正", 50000, 100000), ("情节严重", 100000, 300000)]
    text = invoke("show", "《医疗器械监督管理条例》第九十条", "--date", "2023-05-01").output
    assert "对违法单位的法定代表人" in text and "所获收入0.3倍以上3倍以下" in text


def test_newly_curated_paragraph_and_floor():
    _, data = show_json("《中华人民共和国传染病防治法》第一百零五条第三款", "--date", "2025-10-01")
    assert data["paragraph"] == 3 and data["penalty"]["kinds"] == ["没收违法所得", "罚款"]
    fine = data["penalty"]["fine"]
    assert (fine["kind"], fine["min"], fine["max"], fine["discretion"]) == ("fixed", 50000, 500000, "must")
    _, whole = show_json("《中华人民共和国传染病防治法》第一百零五条", "--date", "2025-10-01")
    assert [p["source"]["paragraph"] for p in whole["penalty"]["by_paragraph"]] == [1, 2, 3]
    _, vaccine = show_json("《中华人民共和国疫苗管理法》第九十一条第二款", "--date", "2023-05-01")
    fine = vaccine["penalty"]["fine"]
    assert (fine["kind"], fine["base"], fine["min_multiple"], fine["max_multiple"], fine["floor_base_yuan"]) == (
        "multiple", "货值金额", 10, 30, 50000)
    _, optional = show_json("《中华人民共和国献血法》第二十条")
    assert optional["penalty"]["fine"]["discretion"] == "may" and optional["penalty"]["fine"]["max"] == 10000


def test_an_excluded_article_says_why():
    _, data = show_json("《中华人民共和国医师法》第五十四条第二款", "--date", "2023-05-01")
    assert data["penalty"] is None and data["penalty_excluded"]["reason"] == "no_penalty"
    _, other = show_json("《麻醉药品和精神药品管理条例》第六十七条", "--date", "2023-05-01")
    assert other["penalty_excluded"]["reason"] == "other_authority"
    assert other["penalty_excluded"]["authority"] == "药品监督管理部门"
    text = invoke("show", "《中华人民共和国献血法》第十九条").output
    assert "罚则说明" in text and "责令改正" in text
    _, curated = show_json("《中华人民共和国献血法》第十八条")
    assert curated["penalty"] is not None and curated["penalty_excluded"] is None


def test_show_names_the_competent_authority():
    _, data = show_json("《传染病防治法》第一百零三条", "--date", "2025-10-01")
    competent = data["competent_authority"]
    assert competent["departments"] == ["疾病预防控制部门"] and competent["level"] == "县级以上"
    text = invoke("show", "《麻醉药品和精神药品管理条例》第七十二条", "--date", "2025-03-01").output
    assert "处罚职权：卫生健康主管部门（设区的市级）" in text
    _, radio = show_json("《放射性同位素与射线装置安全和防护条例》第五十二条")
    assert radio["competent_authority"]["departments"] == ["生态环境主管部门"] and not radio["competent_authority"]["health"]
    _, plain = show_json("《行政处罚法》第四十四条")
    assert plain["competent_authority"] is None
