"""Competent authority (职权与管辖) of penalty provisions: Registry.authority_for / authority_of."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.law.authority import _vocabulary, departments_in, level_at_least
from audit.law.resolve import authority_of

D = dt.date


@pytest.mark.parametrize("citation,on,departments,level", [
    # 传染病防治法: 2013 text names 卫生行政部门; from 2025-09-01 most penalties are 疾病预防控制部门's.
    ("《传染病防治法》第六十九条", D(2025, 8, 31), ("卫生健康主管部门",), "县级以上"),
    ("《传染病防治法》第一百零三条", D(2025, 9, 1), ("疾病预防控制部门",), "县级以上"),
    ("《传染病防治法》第一百零四条第一款", D(2025, 9, 1), ("疾病预防控制部门",), "县级以上"),
    ("《传染病防治法》第一百零四条第二款", D(2025, 9, 1), ("卫生健康主管部门",), "县级以上"),
    ("《传染病防治法》第一百零五条第二款", D(2025, 9, 1), ("卫生健康主管部门",), "县级以上"),
    ("《传染病防治法》第一百零七条", D(2025, 9, 1), ("疾病预防控制部门",), "县级以上"),
    # 麻精条例 第七十二条: only 设区的市级 departments.
    ("《麻醉药品和精神药品管理条例》第七十二条", D(2025, 3, 1), ("卫生健康主管部门",), "设区的市级"),
    ("《麻醉药品和精神药品管理条例》第七十二条", D(2020, 3, 1), ("卫生健康主管部门",), "设区的市级"),
    # 放射性同位素与射线装置条例: 生态环境 departments.
    ("《放射性同位素与射线装置安全和防护条例》第五十二条", None, ("生态环境主管部门",), "县级以上"),
    # 医疗器械条例: most penalties are the 药品监督管理部门's; 第八十二条、第九十条 the 卫生主管部门's.
    ("《医疗器械监督管理条例》第八十一条", D(2025, 3, 1), ("药品监督管理部门",), None),
    ("《医疗器械监督管理条例》第八十二条", D(2025, 3, 1), ("卫生健康主管部门",), "县级以上"),
    ("《医疗器械监督管理条例》第八十九条", D(2025, 3, 1), ("药品监督管理部门", "卫生健康主管部门"), None),
    ("《医师法》第五十八条", D(2023, 1, 1), ("卫生健康主管部门",), "省级以上"),
    ("《药品管理法》第一百一十六条", D(2023, 1, 1), ("药品监督管理部门",), "县级以上"),
    ("《医疗保障基金使用监督管理条例》第三十八条", D(2023, 1, 1), ("医疗保障行政部门",), None),
    ("《突发公共卫生事件应对法》第五十八条", D(2025, 12, 1), ("卫生健康主管部门", "疾病预防控制部门"), "县级以上"),
])
def test_departments_and_levels(registry, citation, on, departments, level):
    a = authority_of(citation, on, registry)
    assert a is not None
    assert a.departments == departments and a.level == level
    assert a.source and a.wording


def test_versions_and_dates_come_with_the_answer(registry):
    old = registry.authority_for("传染病防治法", 69, on=D(2024, 1, 1))
    new = registry.authority_for("传染病防治法", 103, on=D(2025, 10, 1))
    assert old.version_id == "infectious-disease-law-2013" and old.effective_to == D(2025, 8, 31)
    assert new.version_id == "infectious-disease-law-2025" and new.effective_from == D(2025, 9, 1)
    assert new.wording == "县级以上人民政府疾病预防控制部门" and new.source == "第一百零三条（条文原文）"
    assert new.health and new.allows("疾病预防控制部门") and new.allows("卫生健康主管部门") is False


def test_excluded_provisions_name_the_other_body(registry):
    a = registry.authority_for("放射性同位素与射线装置安全和防护条例", 55)
    assert a.excluded == "other_authority" and not a.health
    assert a.allows("卫生健康主管部门") is False
    drug = registry.authority_for("药品管理法", 116, on=D(2023, 1, 1))
    assert drug.source == "第一百三十九条（条文原文）" and drug.excluded == "other_authority"


def test_levels():
    assert level_at_least("设区的市级", "县级以上") and level_at_least("省级", "设区的市级以上")
    assert not level_at_least("县级", "设区的市级") and level_at_least("设区的市级", "设区的市级")
    assert not level_at_least("县级", "省级以上")


def test_level_is_checked_by_allows(registry):
    a = registry.authority_for("麻醉药品和精神药品管理条例", 72, on=D(2025, 3, 1))
    assert a.allows("卫生健康主管部门", "设区的市级") is True
    assert a.allows("卫生健康主管部门", "县级") is False


def test_other_bodies_and_referrals(registry):
    a = registry.authority_for("职业病防治法", 77)
    assert a.departments == ("卫生健康主管部门",)
    assert [(b.kind, b.wording, b.referral) for b in a.other_bodies] == [("责令关闭", "有关人民政府", True)]
    inf = registry.authority_for("传染病防治法", 103, on=D(2025, 10, 1))
    assert ("吊销许可证件", "原发证部门") in [(b.kind, b.wording) for b in inf.other_bodies]


def test_joint_and_per_paragraph(registry):
    both = registry.authority_for("突发公共卫生事件应对法", 58, on=D(2025, 12, 1))
    assert both.joint == "all"
    either = registry.authority_for("药品管理法", 140, on=D(2023, 1, 1))
    assert either.joint == "any" and either.departments == ("药品监督管理部门", "卫生健康主管部门")
    article = registry.authority_for("传染病防治法", 104, on=D(2025, 10, 1))
    assert article.joint == "per_paragraph" and article.paragraph is None
    assert set(article.departments) == {"疾病预防控制部门", "卫生健康主管部门"}


def test_provisions_without_a_named_body_use_the_listed_source(registry):
    rules = registry.authority_for("医疗机构管理条例实施细则", 80, on=D(2016, 1, 1))
    assert rules.departments == ("卫生健康主管部门",) and "第八十四条" in rules.source
    later = registry.authority_for("医疗机构管理条例实施细则", 80, on=D(2020, 1, 1))
    assert later.version_id == "medical-institutions-regulation-implementing-rules-2017" and "未收录" in later.note
    referred = registry.authority_for("医疗机构管理条例", 43, 1, on=D(2023, 1, 1))
    assert "转致的《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款" in referred.source


def test_unknown_is_none(registry):
    assert registry.authority_for("不存在的法", 1) is None
    assert registry.authority_for("行政处罚法", 44) is None          # not a penalty provision
    assert registry.authority_for("生活饮用水卫生监督管理办法", 26) is None   # no text, nothing listed
    assert registry.authority_for("执业医师法", 37, on=D(2023, 1, 1)) is None  # not in force
    assert authority_of("没有条文", None, registry) is None


def test_every_authority_wording_maps_to_a_department(registry):
    """Each body named by a curated entry or an other_authority exclusion is known to the vocabulary
    (or is a relative body such as 原发证部门, or a referral to another law)."""
    vocab = _vocabulary(str(registry.root))
    unknown = set()
    wordings = [p.authority for p in registry.penalties if p.authority]
    wordings += [e.authority for e in registry.exclusions if e.reason == "other_authority" and e.authority]
    for w in wordings:
        if departments_in(w, vocab) or any(r in w for r in vocab.relative):
            continue
        unknown.add(w)
    allowed = {"有关部门", "有关主管部门", "《中华人民共和国广告法》", "价格管理的法律、行政法规",
               "有关价格、医疗保障基金管理的法律、行政法规", "卫生行政部门或者本单位", "卫生健康主管部门或者本单位"}
    assert unknown <= allowed, unknown - allowed


def test_historical_body_names_carry_a_note(registry):
    a = registry.authority_for("公共场所卫生管理条例", 14, 1, on=D(2025, 3, 1))
    assert a.departments == ("卫生防疫机构",) and a.health
    assert "疾病预防控制部门" in a.note and "人工核实" in a.note


def test_relative_body_resolved_from_the_issuing_article(registry):
    a = registry.authority_for("放射性同位素与射线装置安全和防护条例", 62)
    assert a.departments == ("生态环境主管部门",) and not a.health and "第六条" in a.source
    assert a.level == "省级以上" and "原发证机关" in a.note
