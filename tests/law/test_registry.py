"""Registry: instrument resolution by date, aliases, article access, existence answers."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from audit.law.registry import Existence, Registry
from tests.law.law_testutil import LAW_DATA

D = dt.date.fromisoformat


@pytest.mark.parametrize("name,on,expected", [
    ("行政处罚法", "2020-01-01", "administrative-penalty-law-2017"),
    ("行政处罚法", "2021-07-14", "administrative-penalty-law-2017"),
    ("行政处罚法", "2021-07-15", "administrative-penalty-law-2021"),
    ("中华人民共和国行政处罚法", "2022-01-01", "administrative-penalty-law-2021"),
    ("《行政处罚法》", "2022-01-01", "administrative-penalty-law-2021"),
    ("《中华人民共和国行政处罚法》", "2005-01-01", "administrative-penalty-law-1996"),
    ("医疗机构管理条例", "2022-04-30", "medical-institutions-regulation-2016"),
    ("《医疗机构管理条例》", "2022-05-01", "medical-institutions-regulation-2022"),
    ("执业医师法", "2021-12-31", "practising-physicians-law-1998"),
    ("执业医师法", "2023-01-01", None),
    ("医师法", "2023-01-01", "physicians-law-2021"),
    ("医师法", "2022-02-28", None),
    ("传染病防治法", "2025-08-31", "infectious-disease-law-2013"),
    ("传染病防治法", "2025-09-01", "infectious-disease-law-2025"),
    ("行政复议法", "2023-12-31", "administrative-reconsideration-law-2017"),
    ("行政复议法", "2024-01-01", "administrative-reconsideration-law-2023"),
    ("公共场所卫生管理条例", "2025-01-20", "public-places-hygiene-regulation-2024"),
    ("人体器官移植条例", "2024-05-01", None),
    ("人体器官捐献和移植条例", "2024-05-01", "human-organ-donation-transplant-regulation-2023"),
    ("卫生行政处罚程序", "2006-02-12", "health-administrative-penalty-procedure-1997-original"),
    ("卫生行政处罚程序", "2006-02-13", "health-administrative-penalty-procedure-1997"),  # 第二十九条 modified
    ("卫生行政处罚程序", "2025-05-31", "health-administrative-penalty-procedure-1997"),
    ("卫生行政处罚程序", "2025-06-01", None),
    ("卫生健康行政处罚程序规定", "2025-05-31", None),
    ("卫生健康行政处罚程序规定", "2025-06-01", "health-administrative-penalty-procedure-2025"),
    ("处方管理办法", "2007-04-30", None),
    ("处方管理办法", "2020-01-01", "prescription-administration-measures-2007"),
    ("医疗机构管理条例实施细则", "2017-03-31", "medical-institutions-regulation-implementing-rules-1994"),
    ("医疗机构管理条例实施细则", "2017-04-01", "medical-institutions-regulation-implementing-rules-2017"),
    ("卫生行政执法文书规范", "2017-12-25", "health-enforcement-documents-norms-2012"),
    ("卫生行政执法文书规范", "2017-12-26", "health-enforcement-documents-norms-2017"),
    ("行政强制法", "2011-12-31", None),
    ("行政强制法", "2012-01-01", "administrative-coercion-law-2011"),
    ("药品管理法", "2019-11-30", "drug-administration-law-2015"),
    ("药品管理法", "2019-12-01", "drug-administration-law-2019"),
    ("精神卫生法", "2018-04-26", "mental-health-law-2012"),
    ("母婴保健法实施办法", "2023-07-19", "maternal-infant-health-law-implementing-measures-2022"),
    ("母婴保健法实施办法", "2023-07-20", "maternal-infant-health-law-implementing-measures-2023"),
    ("化妆品卫生监督条例", "2021-01-01", None),
    ("突发公共卫生事件应对法", "2025-11-01", "public-health-emergency-response-law-2025"),
])
def test_instrument_by_date(registry, name, on, expected):
    v = registry.instrument(name, on=D(on))
    assert (v.id if v else None) == expected


def test_penalty_law_2017_has_old_numbering_and_1996_2009_have_no_text(registry):
    v = registry.instrument("行政处罚法", on=D("2020-01-01"))
    assert v.id == "administrative-penalty-law-2017" and v.has_text
    assert registry.article(v.id, 31).text.startswith("行政机关在作出行政处罚决定之前，应当告知当事人")
    assert registry.exists("行政处罚法", 65, on=D("2020-01-01")) is Existence.ABSENT  # 64 articles
    assert v.effective_from == D("2018-01-01") and v.effective_to == D("2021-07-14")
    assert v.successor == "administrative-penalty-law-2021"
    old = registry.instrument("行政处罚法", on=D("2016-01-01"))
    assert old.id == "administrative-penalty-law-2009" and not old.has_text
    assert registry.exists("行政处罚法", 31, on=D("2016-01-01")) is Existence.UNKNOWN


def test_latest_version_without_date(registry):
    assert registry.instrument("医疗机构管理条例").id == "medical-institutions-regulation-2022"
    assert registry.instrument("执业医师法").id == "practising-physicians-law-1998"
    assert registry.instrument("medical-institutions-regulation-2016").id == "medical-institutions-regulation-2016"


def test_context_aliases_are_not_global(registry):
    assert registry.instrument("条例") is None
    assert registry.instrument("细则") is None
    assert registry.work("条例") is None
    assert "条例" in registry.work("医疗机构管理条例").context_aliases


def test_article_access(registry):
    art = registry.article("administrative-penalty-law-2021", 59)
    assert art.label == "第五十九条"
    assert art.paragraph(1).items[5].startswith("（六）")
    assert art.item(1, 6) == art.paragraph(1).items[5]
    assert art.paragraph(3) is None and art.item(1, 7) is None and art.item(2, 1) is None
    assert registry.article_text("行政处罚法", 59, 2, on=D("2022-01-01")) == (
        "行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章。")
    assert registry.article_text("行政处罚法", 59, 1, 3) == "（三）行政处罚的种类和依据；"
    assert registry.article_text("行政处罚法", 44, on=D("2016-01-01")) is None  # 2009 text: not indexed
    assert registry.article_text("行政处罚法", 44, on=D("2020-01-01")) == (
        "行政处罚决定依法作出后，当事人应当在行政处罚决定的期限内，予以履行。")
    assert registry.article_text("医疗机构管理条例", 47, on=D("2022-04-30")).endswith(
        "情节严重的，吊销其《医疗机构执业许可证》。")
    assert registry.article_text("医疗机构管理条例", 47, on=D("2022-05-01")).endswith(
        "或者责令其停止执业活动。")


@pytest.mark.parametrize("args,kwargs,expected", [
    (("行政处罚法", 44), {}, Existence.EXISTS),
    (("行政处罚法", 87), {}, Existence.ABSENT),
    (("行政处罚法", 59, 1, 6), {}, Existence.EXISTS),
    (("行政处罚法", 59, 1, 7), {}, Existence.ABSENT),
    (("行政处罚法", 59, 3), {}, Existence.ABSENT),
    (("医疗机构管理条例", 55), {"on": D("2022-01-01")}, Existence.EXISTS),
    (("医疗机构管理条例", 55), {"on": D("2023-01-01")}, Existence.ABSENT),
    (("执业医师法", 37), {"on": D("2021-01-01")}, Existence.UNKNOWN),
    (("执业医师法", 37), {"on": D("2023-01-01")}, Existence.NOT_IN_FORCE),
    (("公共场所卫生管理条例实施细则", 38), {}, Existence.EXISTS),
    (("公共场所卫生管理条例实施细则", 35), {}, Existence.UNKNOWN),  # excerpt gap
    (("卫生健康行政处罚程序规定", 53), {"on": D("2025-07-01")}, Existence.EXISTS),
    (("卫生健康行政处罚程序规定", 30), {"on": D("2025-07-01")}, Existence.UNKNOWN),  # excerpt gap
    (("医疗机构管理条例实施细则", 80), {"on": D("2016-01-01")}, Existence.EXISTS),
    (("医疗机构管理条例实施细则", 80), {"on": D("2018-01-01")}, Existence.UNKNOWN),  # 2017 text absent
    (("处方管理办法", 64), {"on": D("2018-01-01")}, Existence.ABSENT),
    (("医疗器械监督管理条例", 82), {"on": D("2025-02-01")}, Existence.EXISTS),
    (("医疗器械监督管理条例", 30), {"on": D("2025-02-01")}, Existence.UNKNOWN),  # excerpt gap
    (("行政诉讼法", 46), {}, Existence.EXISTS),
    (("行政诉讼法", 3), {}, Existence.UNKNOWN),  # excerpt gap
    (("不存在的法", 1), {}, Existence.UNKNOWN_INSTRUMENT),
])
def test_exists(registry, args, kwargs, expected):
    assert registry.exists(*args, **kwargs) is expected


def test_load_is_cached():
    assert Registry.load(LAW_DATA) is Registry.load(LAW_DATA)
    assert Registry.load() is Registry.load()


# ------------------------------------------------------------------ instruments.yaml consistency

def test_indexed_versions_match_article_files(registry):
    files = {p.stem for p in (LAW_DATA / "articles").glob("*.json")}
    indexed = {v.id for v in registry.versions.values() if v.has_text}
    assert files == indexed
    for vid in files:
        meta = registry.metadata(vid)
        v = registry.versions[vid]
        assert meta["title"] == v.title
        if meta["version_date"]:  # the header may say the version is undetermined
            assert meta["version_date"] == v.version_date.isoformat()
        if meta["effective_from"]:
            assert meta["effective_from"] == v.effective_from.isoformat(), vid


def test_successor_dates_are_consistent(registry):
    for v in registry.versions.values():
        if v.successor is None:
            continue
        succ = registry.versions[v.successor]
        assert v.effective_to is not None, v.id
        if succ.effective_from is not None:
            assert v.effective_to == succ.effective_from - dt.timedelta(days=1), v.id
    for w in registry.works.values():
        current = [v for v in w.versions if v.effective_to is None]
        assert len(current) <= 1, w.key


def test_known_instruments_without_text(registry):
    for name in ("执业医师法", "生活饮用水卫生监督管理办法", "医疗美容服务管理办法", "放射诊疗管理规定", "消毒管理办法",
                 "医疗技术临床应用管理办法"):
        w = registry.work(name)
        assert w is not None, name
        assert not any(v.has_text for v in w.versions), name
    # Department rules with a text (full or excerpt) for some versions only.
    for name, with_text in [("卫生行政处罚程序", {"health-administrative-penalty-procedure-1997"}),
                            ("卫生健康行政处罚程序规定", {"health-administrative-penalty-procedure-2025"}),
                            ("医疗机构管理条例实施细则", {"medical-institutions-regulation-implementing-rules-1994"}),
                            ("卫生行政执法文书规范", {"health-enforcement-documents-norms-2017"}),
                            ("处方管理办法", {"prescription-administration-measures-2007"})]:
        assert {v.id for v in registry.work(name).versions if v.has_text} == with_text, name
    ids = [v.id for v in registry.work("行政处罚法").versions]
    assert ids == ["administrative-penalty-law-1996", "administrative-penalty-law-2009",
                   "administrative-penalty-law-2017", "administrative-penalty-law-2021"]
    assert registry.versions["practising-physicians-law-1998"].effective_to == D("2022-02-28")
    assert registry.versions["health-administrative-penalty-procedure-2025"].document_number == "国家卫生健康委员会令第13号"


def test_physicians_law_repeals_practising_physicians_law(registry):
    text = registry.article_text("医师法", 67)
    assert text == "本法自2022年3月1日起施行。《中华人民共和国执业医师法》同时废止。"


def test_article_json_is_plain_data():
    doc = json.loads((LAW_DATA / "articles" / "physicians-law-2021.json").read_text(encoding="utf-8"))
    assert set(doc) >= {"id", "title", "short_title", "issuer", "version_date", "effective_from",
                        "status_note", "scope", "source", "articles"}
