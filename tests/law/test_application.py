"""Building blocks of the legal-application checks: dates, versions, links, clauses."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.checks.examples import case_from_example
from audit.checks.kinds.citations import precision_problem
from audit.checks.kinds.penalties import _bounds, income_in
from audit.checks.kinds.remedy import region_of
from audit.checks.legal import (
    act_date,
    candidates,
    cited,
    conduct_text,
    decision_date,
    link,
    obligation_keys,
    readings,
    similarity,
)
from audit.law.resolve import SimpleCitation
from audit.parse.doctext import DocText
from audit.parse.remedy import periods

D = dt.date.fromisoformat


def case_of(*docs):
    return case_from_example({"documents": [{"type": t, "text": x} for t, x in docs]})


def test_act_date_is_the_earliest_of_accepted_inspected_filed():
    case = case_of(("filing_report", "立案报告\n立案日期 2023年5月10日"),
                   ("inspection_record", "现场笔录\n检查时间：2023年5月9日9时30分至10时20分"),
                   ("decision", "行政处罚决定书\n二〇二三年六月六日"))
    day, f = act_date(case)
    assert day == D("2023-05-09") and f.document.endswith("inspection_record")
    assert decision_date(case)[0] == D("2023-06-06")
    assert act_date(case_of(("decision", "行政处罚决定书\n二〇二三年六月六日"))) == (None, None)


def test_candidates(registry):
    work = registry.work("医疗机构管理条例")
    ids = lambda vs: [v.id for v in vs]  # noqa: E731
    assert ids(candidates(registry, work, D("2022-03-01"), D("2022-06-01"))) == [
        "medical-institutions-regulation-2016", "medical-institutions-regulation-2022"]
    assert ids(candidates(registry, work, D("2023-03-01"), D("2023-06-01"))) == ["medical-institutions-regulation-2022"]
    assert ids(candidates(registry, work, None, D("2023-06-01"))) == ["medical-institutions-regulation-2022"]
    assert ids(candidates(registry, work, None, D("2023-06-01"), 2)) == [
        "medical-institutions-regulation-2016", "medical-institutions-regulation-2022"]
    assert ids(candidates(registry, work, None, D("2026-06-01"), 2)) == ["medical-institutions-regulation-2022"]
    physicians = registry.work("执业医师法")
    assert candidates(registry, physicians, D("2023-01-01"), D("2023-06-01")) == []


def test_old_numbering_is_detected_from_the_obligation_link(registry):
    body = ("违反了《医疗机构管理条例》第二十八条的规定。依据《医疗机构管理条例》第四十八条的规定，"
            "本机关决定对你单位作出如下行政处罚：罚款人民币伍仟元整（¥5,000.00）。\n二〇二三年六月六日")
    case = case_of(("inspection_record", "现场笔录\n检查时间：2023年5月9日9时30分至10时20分"), ("decision", body))
    violated, basis = cited(case, "violated", ["decision"]), cited(case, "basis", ["decision"])
    (reading,) = readings(registry, case, violated, basis).values()
    assert reading.fits is False and reading.old.id == "medical-institutions-regulation-2016"
    right = case_of(("inspection_record", "现场笔录\n检查时间：2023年5月9日9时30分至10时20分"),
                    ("decision", body.replace("第二十八条", "第二十七条").replace("第四十八条", "第四十七条")))
    (reading,) = readings(registry, right, cited(right, "violated", ["decision"]),
                          cited(right, "basis", ["decision"])).values()
    assert reading.fits is True and reading.old is None
    assert [v.id for v in reading.versions] == ["medical-institutions-regulation-2022"]


def test_conduct_text_and_similarity():
    text = ("违反本条例第二十七条规定，使用非卫生技术人员从事医疗卫生技术工作的，由县级以上人民政府卫生行政部门责令其限期改正，"
            "并可以处以1万元以上10万元以下的罚款")
    assert conduct_text(text) == "使用非卫生技术人员从事医疗卫生技术工作"
    item = "(一)在运送过程中丢弃医疗废物，在非贮存地点倾倒、堆放医疗废物或者将医疗废物混入其他废物和生活垃圾的；"
    duty = "禁止在运送过程中丢弃医疗废物；禁止在非贮存地点倾倒、堆放医疗废物或者将医疗废物混入其他废物和生活垃圾。"
    assert similarity(item, duty) > 0.9
    assert similarity(item, "禁止任何单位和个人转让、买卖医疗废物。") < 0.4


def test_links(registry):
    v22 = registry.versions["medical-institutions-regulation-2022"]
    facts = [registry.penalty(v22.id, 47)]
    case = case_of(("decision", "违反了《医疗机构管理条例》第二十六条的规定。\n二〇二三年六月六日"))
    wrong = cited(case, "violated", ["decision"])
    assert link(registry, v22, SimpleCitation("医疗机构管理条例", 47), facts, wrong,
                {"医疗机构管理条例": [v22]}).answer is False
    other = case_of(("decision", "违反了《医疗机构管理条例实施细则》第八十一条的规定。\n二〇二三年六月六日"))
    found = link(registry, v22, SimpleCitation("医疗机构管理条例", 47), facts,
                 cited(other, "violated", ["decision"]), {"医疗机构管理条例": [v22]})
    assert found.answer is None and found.why  # another instrument: not decidable
    # no curated obligation: the violated text matches another penalty item far better than the cited one
    w11 = registry.versions["medical-waste-regulation-2011"]
    sorting = case_of(("decision", "违反了《医疗废物管理条例》第十六条第一款的规定。\n二〇二四年四月九日"))
    vio = cited(sorting, "violated", ["decision"])
    wrong = link(registry, w11, SimpleCitation("医疗废物管理条例", 50), [registry.penalty(w11.id, 50)], vio, {})
    assert wrong.answer is False and wrong.alternative == "第四十六条第（二）项"
    right = link(registry, w11, SimpleCitation("医疗废物管理条例", 46, None, 2), [registry.penalty(w11.id, 46)], vio, {})
    assert right.answer is True
    close = link(registry, w11, SimpleCitation("医疗废物管理条例", 45), [registry.penalty(w11.id, 45)], vio, {})
    assert close.answer is True  # 第四十五条第（六）项 (未及时收集) also fits 第十六条第一款: never a mismatch
    # 基本医疗卫生与健康促进法 第九十九条第一款 is reached through 医疗机构管理条例 第四十三条第一款
    keys = obligation_keys(registry, registry.penalty("basic-healthcare-law-2019", 99, 1))
    assert ("medical-institutions-regulation-2022", 23) in keys


@pytest.mark.parametrize("citation,problem", [
    (("医疗废物管理条例", 47, None, None), "分为六项，应写明适用的项"),
    (("医疗废物管理条例", 47, None, 1), None),
    (("医疗废物管理条例", 14, None, None), "共两款，应写明适用的款"),
    (("医疗废物管理条例", 14, 2, None), None),
    (("公共场所卫生管理条例", 14, None, 2), None),  # the only 款 with items
    (("公共场所卫生管理条例", 14, 1, 2), None),
    (("公共场所卫生管理条例", 7, None, None), None),
    (("公共场所卫生管理条例", 7, 1, None), "只有一款，不应写“第一款”"),
])
def test_precision_problems(registry, citation, problem):
    instrument, article, paragraph, item = citation
    v = registry.instrument(instrument, on=D("2024-01-01"))
    found = precision_problem(registry.article(v.id, article), SimpleCitation(instrument, article, paragraph, item))
    assert (found is None) if problem is None else (problem in found)


def test_income_and_bounds(registry):
    doc_case = case_of(("decision", "经查，你的违法所得为人民币3000元。\n二〇二四年四月九日"))
    doc = doc_case.documents[0]
    assert income_in(doc, DocText.of(doc_case, doc).flat, []) == 3000
    none_case = case_of(("decision", "经查，当事人无违法所得。\n二〇二四年四月九日"))
    assert income_in(none_case.documents[0], DocText.of(none_case, none_case.documents[0]).flat, []) == 0
    fine = registry.penalty("physicians-law-2021", 59).fine
    assert _bounds(fine, 3000) == (20000, 100000, True)  # 不足一万元的，按一万元计算
    assert _bounds(fine, None) == (20000, None, False)
    waste = registry.penalty("medical-waste-regulation-2011", 53, 1).fine
    assert _bounds(waste, 0) == (5000, 20000, True)
    assert _bounds(waste, 10000) == (20000, 50000, True)


def test_remedy_clauses():
    case = case_of(("decision", "请你单位自收到本决定书之日起十五日内缴纳罚款。如不服本处罚决定，可以在收到本决定书之日起六十日内"
                                "向宁波市鄞州区人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内"
                                "依法向人民法院提起行政诉讼。\n二〇二四年四月九日"))
    found = [(p.value["what"], p.value["value"], p.value["unit"]) for p in periods(DocText.of(case, case.documents[0]))]
    assert found == [("review", 60, "日"), ("litigation_after_review", 15, "日")]
    assert region_of("宁波市鄞州区卫生健康局") == "宁波市鄞州区"
    assert region_of("浙江省卫生健康委员会") == "浙江省"
    assert region_of("某某医院") is None


CATALOGUE_PAIRS = [  # (instrument, date, violated (article, 款), basis (article, 款, 项)) known to be right
    ("公共场所卫生管理条例", "2024-01-01", (7, None), (14, 1, 2)),
    ("公共场所卫生管理条例", "2024-01-01", (8, None), (14, 1, 4)),
    ("传染病防治法", "2020-01-01", (29, 1), (73, None, 1)),
    ("传染病防治法", "2020-01-01", (51, 2), (69, None, 5)),
    ("职业病防治法", "2020-01-01", (16, 2), (71, None, 1)),
    ("职业病防治法", "2020-01-01", (35, 1), (71, None, 4)),
    ("医疗废物管理条例", "2020-01-01", (14, 2), (47, None, 1)),
    ("医疗废物管理条例", "2020-01-01", (16, 1), (46, None, 2)),
    ("医师法", "2023-01-01", (14, 1), (57, None, None)),
]


def test_alternative_never_flags_correct_pairs(registry):
    """The text heuristic of link() never calls a right pair a mismatch: the curated pairs (as if the
    obligations were not curated) and the violation catalogue of the sample generator."""
    from audit.checks.legal import _alternative
    from audit.law.resolve import resolve_in

    checked = 0
    for p in registry.penalties:
        for number in p.enforces:
            text = registry.article(p.instrument, number).text
            basis = SimpleCitation("x", p.article, p.paragraph)
            assert _alternative(registry, registry.versions[p.instrument], basis, [text]) is None, (p.instrument, p.article)
            checked += 1
    for instrument, day, (va, vp), (ba, bp, bi) in CATALOGUE_PAIRS:
        version = registry.instrument(instrument, on=D(day))
        text = resolve_in(SimpleCitation(instrument, va, vp), version, registry=registry).text
        basis = SimpleCitation(instrument, ba, bp, bi)
        assert _alternative(registry, version, basis, [text]) is None, (instrument, va, ba)
        assert link(registry, version, basis, [], [], {}).answer is not False
        checked += 1
    assert checked > 20
