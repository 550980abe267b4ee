"""Every curated penalty fact is checked against the statute text."""

from __future__ import annotations

import re

import pytest
import yaml
from law_testutil import LAW_DATA, amounts_in, multiples_in

from audit.law.numerals import amount_to_yuan, chinese_to_int, multiple_to_number
from audit.law.registry import PenaltyFacts, Registry

RAW = yaml.safe_load((LAW_DATA / "penalties.yaml").read_text(encoding="utf-8"))["penalties"]
MODES = {"mandatory", "optional", "alternative", "optional_alternative"}
# Normalised kind -> pattern its verbatim phrase must match.
KIND_PATTERNS = {
    "警告": r"警告",
    "通报批评": r"通报批评",
    "罚款": r"罚款",
    "没收违法所得": r"没收(违法|非法)所得",
    "没收非法财物": r"没收.*(药品|器械|非法财物)",
    "暂扣许可证件": r"暂扣",
    "吊销许可证件": r"吊销",
    "责令停产停业": r"停业整顿|责令停产停业|停止产生职业病危害的作业",
    "责令停止执业活动": r"停止执业活动",
    "责令暂停执业活动": r"暂停.*执业活动",
    "责令关闭": r"关闭",
    "限制从业": r"禁止.*从事",
}
# Articles the curated file must cover: (instrument, article).
REQUIRED = [
    *[("medical-institutions-regulation-2016", a) for a in (44, 46, 47, 48, 49)],
    *[("medical-institutions-regulation-2022", a) for a in (43, 44, 45, 46, 47, 48)],
    *[("medical-waste-regulation-2011", a) for a in range(45, 54)],
    *[("physicians-law-2021", a) for a in range(55, 60)],
    ("basic-healthcare-law-2019", 99),
    ("infectious-disease-law-2013", 69),
    ("infectious-disease-law-2025", 104),
    ("occupational-disease-law-2018", 71),
    ("public-places-hygiene-regulation-2019", 14),
    ("public-places-hygiene-regulation-2024", 14),
]


def entry_id(p: PenaltyFacts) -> str:
    return f"{p.instrument}:{p.article}" + (f"/{p.paragraph}" if p.paragraph else "")


def scope_text(registry: Registry, p: PenaltyFacts) -> str:
    art = registry.article(p.instrument, p.article)
    assert art is not None, f"{entry_id(p)}: article not in the indexed text"
    if p.paragraph is None:
        return art.text
    para = art.paragraph(p.paragraph)
    assert para is not None, f"{entry_id(p)}: no such paragraph"
    return para.full_text


def pytest_generate_tests(metafunc):
    if "entry" in metafunc.fixturenames:
        penalties = Registry.load(LAW_DATA).penalties
        metafunc.parametrize("entry", penalties, ids=[entry_id(p) for p in penalties])


def test_required_articles_are_curated(registry):
    have = {(p.instrument, p.article) for p in registry.penalties}
    missing = [r for r in REQUIRED if r not in have]
    assert not missing
    assert len(RAW) == len(registry.penalties)


def test_quotes_and_phrases_are_verbatim(registry, entry):
    text = scope_text(registry, entry)
    assert entry.tiers, "at least one tier (with the quote) is required"
    for tier in entry.tiers:
        assert tier.quote in text, f"quote not in text: {tier.quote}"
        if tier.condition:
            assert tier.condition in text
        if tier.authority:
            assert tier.authority in tier.quote
        for s in tier.sanctions:
            assert s.phrase in tier.quote, f"phrase not in quote: {s.phrase}"
            assert s.mode in MODES
            assert re.search(KIND_PATTERNS[s.kind], s.phrase), (s.kind, s.phrase)
            if s.term:
                assert s.term in s.phrase
            if s.target:
                assert s.target in tier.quote


def test_fine_figures_appear_in_quote(registry, entry):
    for tier in entry.tiers:
        amounts, multiples = amounts_in(tier.quote), multiples_in(tier.quote)
        for s in tier.sanctions:
            if s.kind != "罚款":
                assert s.fine is None
                continue
            assert (s.fine is None) != (s.fine_note is None), "罚款 needs a fine or a fine_note"
            f = s.fine
            if f is None:
                assert not amounts and not multiples, "the text states an amount: record it"
                continue
            for value in (f.min, f.max, f.income_floor, f.no_income_below, f.no_income_min,
                          f.no_income_max):
                if value is not None:
                    assert value in amounts, f"{value} not in {tier.quote}"
            for value in (f.min_multiple, f.max_multiple):
                if value is not None:
                    assert value in multiples, f"{value}倍 not in {tier.quote}"
            if f.multiple_of:
                assert f.multiple_of in tier.quote
                assert f.min is None and f.max is None
            else:
                assert f.max is not None
                # Every amount in the quote is accounted for by this fine.
                assert amounts == {v for v in (f.min, f.max) if v is not None}
            if f.min is not None and f.max is not None:
                assert f.min < f.max


def test_enforced_articles_match_text(registry, entry):
    text = scope_text(registry, entry)
    named = [chinese_to_int(m) for m in re.findall(r"违反本(?:法|条例)第([一二三四五六七八九十百]+)条", text)]
    assert list(entry.enforces) == named
    for n in entry.enforces:
        assert registry.article(entry.instrument, n) is not None


def test_authority_and_orders_are_in_text(registry, entry):
    text = scope_text(registry, entry)
    if entry.authority:
        assert entry.authority.split("（")[0] in text
    for order in entry.orders:
        assert order in text
    if entry.refers_to and "instrument" in entry.refers_to:
        ref = entry.refers_to
        target = registry.article(ref["instrument"], ref["article"])
        assert target is not None
        if ref.get("paragraph"):
            assert target.paragraph(ref["paragraph"]) is not None


def test_converters():
    assert amount_to_yuan("一万元") == 10_000
    assert amount_to_yuan("10万元") == 100_000
    assert amount_to_yuan("5000元") == 5_000
    assert amount_to_yuan("五十万元") == 500_000
    assert amount_to_yuan("五千元") == 5_000
    assert multiple_to_number("三倍") == 3
    assert multiple_to_number("10倍") == 10
    assert amounts_in("处五万元以上二十万元以下的罚款") == {50_000, 200_000}
    assert multiples_in("并处违法所得二倍以上十倍以下的罚款") == {2, 10}


def test_api_examples(registry):
    p = registry.penalty("medical-institutions-regulation-2022", 47)
    assert p is not None and p.enforces == (27,)
    assert p.kinds == ("罚款", "吊销许可证件", "责令停止执业活动")
    assert (p.fine.min, p.fine.max) == (10_000, 100_000)
    assert registry.penalty("medical-institutions-regulation-2022", 47, paragraph=1) is p
    # Per-款 entries need the paragraph.
    assert registry.penalty("medical-institutions-regulation-2022", 43) is None
    p2 = registry.penalty("medical-institutions-regulation-2022", 43, paragraph=2)
    assert p2.fine.max == 30_000
    assert registry.penalty("medical-institutions-regulation-2022", 43, 1).refers_to["article"] == 99
    # Multiples with the 1万元 floor: 非医师行医, 违法所得 3000 元 -> 2万—10万元.
    f = registry.penalty("physicians-law-2021", 59).fine
    assert f.bounds(3000) == (20_000, 100_000)
    assert f.bounds(50_000) == (100_000, 500_000)
    # No income / below 5000 -> fixed 5000—20000.
    f = registry.penalty("medical-waste-regulation-2011", 53, 1).fine
    assert f.bounds(None) == (5_000, 20_000)
    assert f.bounds(10_000) == (20_000, 50_000)
    pp = registry.penalty("public-places-hygiene-regulation-2024", 14)
    assert pp.fine is None and "罚款" in pp.kinds
    assert registry.penalty("infectious-disease-law-2013", 69).fine is None
    assert registry.penalty("infectious-disease-law-2025", 104, 1).fine.max == 100_000
    assert registry.penalty("occupational-disease-law-2018", 71).fine.min == 50_000
    assert registry.penalty("physicians-law-2021", 60) is None


@pytest.mark.parametrize("stem,article", [("medical-institutions-regulation-2016", 44),
                                           ("basic-healthcare-law-2019", 99)])
def test_unlicensed_practice_old_and_new(registry, stem, article):
    # 2016: up to 1万元; from 2022-05-01 via 基本医疗卫生与健康促进法 第九十九条第一款: 5—20倍.
    p = registry.penalty(stem, article, 1)
    assert p is not None and "罚款" in p.kinds


def test_fallback_numerals_agree_with_shared_module():
    from audit.law import numerals

    for n in range(0, 1200):
        text = numerals._fallback_int_to_chinese(n)
        assert numerals._fallback_chinese_to_int(text) == n
        assert text == numerals.int_to_chinese(n)
        assert numerals.chinese_to_int(text) == n
    assert numerals._fallback_chinese_to_int("五十万") == 500_000
