"""The legal facts the generator uses are those of the statute version in force on the act date."""

import datetime as dt

import pytest

from audit.law.registry import Existence, Registry, normalize_text

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def law(gen):
    return gen.law


def test_at_least_ten_violation_types_across_the_sectors(law):
    sectors = {v.sector for v in law.VIOLATIONS.values()}
    assert len(law.VIOLATIONS) >= 10
    assert {"医疗机构", "医师", "公共场所", "生活饮用水", "职业卫生", "传染病防治", "医疗废物", "放射诊疗"} <= sectors


def test_every_cited_provision_exists_in_the_version_in_force(law):
    reg = Registry.load()
    for v in law.VIOLATIONS.values():
        for s in v.settings:
            for day in (max(s.start, v.earliest), min(s.end, v.latest)):
                for ref in s.violated + s.basis:
                    assert reg.exists(ref.work, ref.article, ref.paragraph, ref.item, on=day) is Existence.EXISTS, (
                        v.key, ref, day)
                    assert ref.quote(day)


def test_penalty_quotes_are_verbatim(law):
    reg = Registry.load()
    for v in law.VIOLATIONS.values():
        for s in v.settings:
            day = max(s.start, v.earliest)
            text = normalize_text(reg.article_text(s.penalty.work, s.penalty.article, s.penalty.paragraph, on=day))
            assert normalize_text(s.penalty_quote(day)) in text, (v.key, day)


@pytest.mark.parametrize("key, day, violated, basis, fine", [
    ("medinst_staff", "2021-06-01", 28, 48, (0, 5000)),
    ("medinst_staff", "2023-06-01", 27, 47, (10000, 100000)),
    ("medinst_scope", "2021-06-01", 27, 47, (0, 3000)),
    ("medinst_scope", "2023-06-01", 26, 46, (10000, 100000)),
    ("physician_scope", "2023-06-01", 14, 57, (10000, 30000)),
    ("water_quality", "2023-06-01", 29, 73, (0, 50000)),
    ("occupational_undeclared", "2023-06-01", 16, 71, (50000, 100000)),
    ("waste_mixing", "2023-06-01", 14, 47, (5000, 10000)),
])
def test_versions_and_fine_ranges_by_date(gen, law, key, day, violated, basis, fine):
    v = law.VIOLATIONS[key]
    s = v.setting(D(day))
    assert s.violated[0].article == violated and s.basis[-1].article == basis
    fines = [x for x in s.base_sanctions(D(day)) if x["kind"] == "罚款"]
    assert gen.scenario.fine_bounds(fines[0], None) == fine


def test_public_places_and_disinfection_carry_no_unverifiable_fine(law):
    on = D("2023-06-01")
    assert {x["kind"] for x in law.VIOLATIONS["infection_disinfection"].setting(on).base_sanctions(on)} == {"警告", "通报批评"}
    # 公共场所卫生管理条例 第十四条 names no amount (the 实施细则 is not in shared/laws): warning only
    for key in ("publicplace_health_cert", "publicplace_no_licence"):
        assert law.VIOLATIONS[key].setting(on).note


def test_procedural_law_by_date(gen, law):
    assert law.penalty_law_articles(D("2021-07-14"))["notice_pair"] == "第三十一条、第三十二条"
    assert law.penalty_law_articles(D("2021-07-15"))["notice_pair"] == "第四十四条、第四十五条"
    assert law.simple_procedure_limit(D("2021-07-14"), "organisation") == 1000
    assert law.simple_procedure_limit(D("2021-07-15"), "individual") == 200
    assert not law.review_first_required(D("2023-12-31")) and law.review_first_required(D("2024-01-01"))
    district = gen.world.DISTRICTS["zhejiang"][0]
    assert law.remedy_text(district, D("2024-01-02"), simple=False)["review_body"] == district.government
    assert "卫生健康委员会" in law.remedy_text(district, D("2023-12-29"), simple=False)["review_body"]
