"""Rule bases resolve in the registry; basis_text gives the article (款/项) text for findings."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.checks import load_rules
from audit.law.basis import basis_text, is_standard, parse_basis_article

RULES = load_rules()
BASES = [(r.code, b) for r in RULES for b in r.basis]


@pytest.mark.parametrize("instrument,article,version,on,expected", [
    ("行政处罚法", "第五十九条第一款第（三）项", "2021", None, "（三）行政处罚的种类和依据；"),
    ("行政处罚法", "第五十九条第二款", "2021", None, "行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章。"),
    ("《中华人民共和国行政处罚法》", "第三十七条", None, dt.date(2022, 1, 1),
     "实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、法规、规章已被修改或者废止，"
     "且新的规定处罚较轻或者不认为是违法的，适用新的规定。"),
    ("行政复议法", "第二十四条第一款第（一）项", "2023", None, "（一）对本级人民政府工作部门作出的行政行为不服的；"),
    ("行政复议法", "第二十四条第一款第（一）项", "2023-09-01", None, "（一）对本级人民政府工作部门作出的行政行为不服的；"),
    ("医疗机构管理条例", "第四十八条", None, dt.date(2021, 1, 1),
     "违反本条例第二十八条规定，使用非卫生技术人员从事医疗卫生技术工作的，由县级以上人民政府卫生行政部门责令其限期改正，"
     "并可以处以5000元以下的罚款；情节严重的，吊销其《医疗机构执业许可证》。"),
    # None: no text, not in force, no such provision, a standard, unknown
    ("行政处罚法", "第四十四条", None, dt.date(2016, 1, 1), None),
    ("行政处罚法", "第四十四条", None, dt.date(2020, 1, 1), "行政处罚决定依法作出后，当事人应当在行政处罚决定的期限内，予以履行。"),
    ("卫生行政处罚程序", "第二十九条第一款", "1997", None, "卫生行政机关应当自立案之日起三个月内作出行政处罚决定。"),
    ("行政处罚法", "第五十九条第一款第（七）项", "2021", None, None),
    ("行政处罚法", "第五十九条第三款", "2021", None, None),
    ("行政处罚法", "第八十七条", "2021", None, None),
    ("卫生行政执法文书规范", "第四条", "2012", None, None),
    ("GB 32100-2015 法人和其他组织统一社会信用代码编码规则", "第4.2条（校验码）", None, None, None),
    ("不存在的法", "第一条", None, None, None),
    ("行政处罚法", "附件", "2021", None, None),
])
def test_basis_text(instrument, article, version, on, expected):
    assert basis_text(instrument, article, version, on) == expected


def test_standards_and_article_strings():
    assert is_standard("GB 11643-1999 公民身份号码") and is_standard("GB/T 9704-2012 党政机关公文格式")
    assert not is_standard("行政处罚法")
    ref = parse_basis_article("第五十九条第一款第（三）项")
    assert (ref.article, ref.paragraph, ref.item) == (59, 1, 3)
    assert parse_basis_article("附件") is None


@pytest.mark.parametrize("code,basis", BASES, ids=[f"{c}-{b.instrument}{b.article}" for c, b in BASES])
def test_every_rule_basis_resolves(registry, code, basis):
    """Instrument known; article exists where the registry has the text; standards and instruments
    without article data are accepted as known without text."""
    if is_standard(basis.instrument):
        assert basis_text(basis.instrument, basis.article, basis.version, None) is None
        return
    work = registry.work(basis.instrument)
    assert work is not None, f"{code}: unknown instrument {basis.instrument}"
    version = registry.version_for(work, basis.version) if basis.version else registry.instrument(work.key)
    assert version is not None, f"{code}: no version {basis.version} of {basis.instrument}"
    if not version.has_text:
        return  # known, no text (部门规章, 执业医师法, 行政处罚法 before 2021 …): any article wording
    ref = parse_basis_article(basis.article)
    excerpt = registry.metadata(version.id).get("scope") != "全文"
    if ref is None and excerpt:
        return  # e.g. "立案条款" of an excerpt: the article is not held, so its number cannot be checked
    assert ref is not None, f"{code}: article not readable: {basis.article}"
    text = basis_text(basis.instrument, basis.article, basis.version, None)
    if registry.metadata(version.id).get("scope") != "全文" and registry.article(version.id, ref.article) is None:
        return  # excerpt without that article
    assert text, f"{code}: {basis.instrument}{basis.article} not in {version.id}"


def test_legal_application_bases_all_have_text():
    """The LAW rules rest on articles whose text the findings can show."""
    for rule in RULES:
        if not rule.code.startswith("LAW"):
            continue
        for b in rule.basis:
            assert basis_text(b.instrument, b.article, b.version, None), (rule.code, b)
