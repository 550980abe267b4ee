"""Every curated penalty fact is checked against the statute text."""

from __future__ import annotations

import re

import pytest
import yaml

from audit.law.draft_penalties import mask, penalty_articles
from audit.law.registry import EXCLUSION_REASONS, Exclusion, PenaltyFacts, Registry
from audit.parse.numerals import amount_to_yuan, chinese_to_int, multiple_to_number
from tests.law.law_testutil import LAW_DATA, amounts_in, multiples_in

RAW_DATA = yaml.safe_load((LAW_DATA / "penalties.yaml").read_text(encoding="utf-8"))
RAW = RAW_DATA["penalties"]
MODES = {"mandatory", "optional", "alternative", "optional_alternative"}
CURATION = {"drafted", "hand"}
# Normalised kind (行政处罚法 第九条 wording; 限制从业 also covers 限制开展生产经营活动 as the decision
# extractor does) -> pattern its verbatim phrase must match.
KIND_PATTERNS = {
    "警告": r"警告",
    "通报批评": r"通报批评",
    "罚款": r"罚款",
    "没收违法所得": r"没收(其)?(违法|非法)所得|没收.*所获收入|予以没收",
    "没收非法财物": r"没收.*(药品|器械|非法财物|疫苗|物品|工具|设备|血液|器官|制剂|饮片|材料|装置|财物)",
    "暂扣许可证件": r"暂扣",
    "吊销许可证件": r"吊销|取消.*资格|撤销.*(登记|批准文件|批准文号|资格)",
    "降低资质等级": r"降低资质等级",
    "责令停产停业": r"停业整顿|停产停业|责令停止.*(作业|活动)|暂停.*(业务|使用活动)",
    "责令停止执业活动": r"停止.{0,4}执业活动",
    "责令暂停执业活动": r"暂停.*执业活动",
    "责令关闭": r"关闭",
    "限制从业": r"禁止.*(从事|参加|开展)|不得.*(从事|申请|担任)|不受理|核减.*诊疗科目",
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
# Words that name an administrative penalty (行政处罚法 第九条) once 处分, 刑事责任, 民事责任 and
# 治安管理处罚 clauses are masked.
PENALTY_WORDS = re.compile(r"(?:处(?!罚)|并处|给予|予以)[^，；。]{0,24}?(?:罚款|警告)|通报批评|没收(?:违法|非法)所得|吊销|暂扣|停产停业"
                           r"|停业整顿|暂停[^，；。]*执业活动|责令关闭|禁止[^，；。]*从事")
_REF = r"第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?(?:第（?[一二三四五六七八九十]+）?项)?"
VIOLATES = re.compile(rf"违反本(?:法|条例)((?:{_REF}[、和或者及]*)+)")


def entry_id(p: PenaltyFacts) -> str:
    return f"{p.instrument}:{p.article}" + (f"/{p.paragraph}" if p.paragraph else "")


def scope_text(registry: Registry, p: PenaltyFacts | Exclusion) -> str:
    art = registry.article(p.instrument, p.article)
    assert art is not None, f"{p.instrument}:{p.article}: article not in the indexed text"
    if p.paragraph is None:
        return art.text
    para = art.paragraph(p.paragraph)
    assert para is not None, f"{p.instrument}:{p.article}: no such paragraph {p.paragraph}"
    return para.full_text


def lead_text(registry: Registry, p: PenaltyFacts) -> str:
    art = registry.article(p.instrument, p.article)
    return art.paragraphs[(p.paragraph or 1) - 1].text


def pytest_generate_tests(metafunc):
    registry = Registry.load(LAW_DATA)
    if "entry" in metafunc.fixturenames:
        metafunc.parametrize("entry", registry.penalties, ids=[entry_id(p) for p in registry.penalties])
    if "exclusion" in metafunc.fixturenames:
        metafunc.parametrize("exclusion", registry.exclusions,
                             ids=[f"{e.instrument}:{e.article}" + (f"/{e.paragraph}" if e.paragraph else "")
                                  for e in registry.exclusions])


def test_required_articles_are_curated(registry):
    have = {(p.instrument, p.article) for p in registry.penalties}
    missing = [r for r in REQUIRED if r not in have]
    assert not missing
    assert len(RAW) == len(registry.penalties)
    assert len(RAW_DATA.get("excluded") or ()) == len(registry.exclusions)


def test_every_penalty_paragraph_is_curated_or_excluded(registry):
    """Each 款 of every 法律责任 / 罚则 article is covered exactly once: by a curated entry (the
    article's or the 款's) or by an exclusion with its reason."""
    keys: dict[tuple[str, int, int | None], list[str]] = {}
    for p in registry.penalties:
        keys.setdefault((p.instrument, p.article, p.paragraph), []).append("penalty")
    for e in registry.exclusions:
        keys.setdefault((e.instrument, e.article, e.paragraph), []).append("excluded")
    assert not [k for k, v in keys.items() if len(v) > 1], "duplicate entries"
    problems = []
    expected: set[tuple[str, int]] = set()
    for version in registry.versions.values():
        if not version.has_text:
            continue
        for art in penalty_articles(registry, version.id):
            expected.add((version.id, art.number))
            whole = (version.id, art.number, None) in keys
            for n in range(1, len(art.paragraphs) + 1):
                own = (version.id, art.number, n) in keys
                if whole == own:
                    problems.append(f"{version.id}:{art.number}/{n}: " + ("twice" if own else "not covered"))
    assert not problems, problems
    listed = {(k[0], k[1]) for k in keys}
    assert listed <= expected, f"entries outside 法律责任 chapters: {sorted(listed - expected)}"


def test_exclusions_are_justified(registry, exclusion):
    """The reason of an exclusion is in the text, and a 款 excluded as criminal / civil / officials
    holds no penalty word once those clauses are masked."""
    e = exclusion
    assert e.reason in EXCLUSION_REASONS
    assert e.note
    text = scope_text(registry, e)
    if e.reason == "criminal":
        assert "刑事" in text
    elif e.reason == "civil":
        assert re.search(r"民事责任|赔偿", text)
    elif e.reason == "officials":
        assert re.search(r"处分|引咎辞职|监察机关|公职人员", text)
    elif e.reason == "internal":
        assert re.search(r"上级|上一级|下级|本级人民政府|有关部门", text)
    elif e.reason == "other_authority":
        assert e.authority or "治安管理处罚" in text or "未载明处罚机关" in e.note, "name the authority"
        named_in = text
        if e.authority_article is not None:
            named_in = registry.article(e.instrument, e.authority_article).text
            assert "规定的行政处罚" in named_in  # 本条例规定的 / 本法第X条至第Y条规定的行政处罚，由…决定
        for part in re.split(r"或者|；", e.authority or ""):
            assert part in named_in, part
    if e.reason in ("criminal", "civil", "officials"):
        assert not PENALTY_WORDS.search(mask(text)), "the masked text still names a penalty"
    assert registry.excluded(e.instrument, e.article, e.paragraph) is e


def test_curation_marker(entry):
    assert entry.curation in CURATION


def test_quotes_and_phrases_are_verbatim(registry, entry):
    text = scope_text(registry, entry)
    assert entry.tiers, "at least one tier (with the quote) is required"
    for tier in entry.tiers:
        assert tier.quote in text, f"quote not in text: {tier.quote}"
        if tier.condition:
            for part in tier.condition.split("；"):
                assert part in text, part
        if tier.authority:
            for part in re.split(r"或者|；", tier.authority):
                assert part in tier.quote, part
        if tier.referral:
            assert tier.authority and "提请" in tier.quote, "a referral names the body it is proposed to"
        for s in tier.sanctions:
            assert s.phrase in tier.quote, f"phrase not in quote: {s.phrase}"
            assert s.mode in MODES
            assert re.search(KIND_PATTERNS[s.kind], s.phrase), (s.kind, s.phrase)
            if s.term:
                assert s.term in s.phrase
            if s.target:
                assert s.target in tier.quote or s.target in (tier.condition or "")


def _fine_values(fines) -> tuple[set[int], set[float]]:
    amounts: set[int] = set()
    multiples: set[float] = set()
    for f in fines:
        amounts |= {v for v in (f.min, f.max, f.income_floor, f.no_income_below, f.no_income_min, f.no_income_max)
                    if v is not None}
        multiples |= {v for v in (f.min_multiple, f.max_multiple) if v is not None}
    return amounts, multiples


def test_fine_figures_appear_in_quote(registry, entry):
    for tier in entry.tiers:
        amounts, multiples = amounts_in(tier.quote), multiples_in(tier.quote)
        fines = [s.fine for s in tier.sanctions if s.kind == "罚款" and s.fine is not None]
        for s in tier.sanctions:
            if s.kind != "罚款":
                assert s.fine is None
                continue
            assert (s.fine is None) != (s.fine_note is None), "罚款 needs a fine or a fine_note"
            f = s.fine
            if f is None:
                assert not amounts and not multiples, "the text states an amount: record it"
                continue
            for value in (f.min, f.max, f.income_floor, f.no_income_below, f.no_income_min, f.no_income_max):
                if value is not None:
                    assert value in amounts, f"{value} not in {tier.quote}"
            for value in (f.min_multiple, f.max_multiple):
                if value is not None:
                    assert value in multiples, f"{value}倍 not in {tier.quote}"
                    assert value in multiples_in(s.phrase), f"{value}倍 not in {s.phrase}"
            if f.multiple_of:
                assert f.multiple_of in s.phrase
                assert f.min is None and f.max is None
                assert f.max_multiple is not None
            else:
                assert f.max is not None
                for value in (f.min, f.max):
                    if value is not None:
                        assert value in amounts_in(s.phrase), f"{value} not in {s.phrase}"
            if f.min is not None and f.max is not None:
                assert f.min <= f.max  # equal: a fixed amount (处以三千元罚款)
            if f.min_multiple is not None:
                assert f.min_multiple < f.max_multiple
            if f.no_income_min is not None:
                assert f.no_income_min < f.no_income_max
        # Every amount and multiple in the quote is accounted for by the tier's fines.
        have_amounts, have_multiples = _fine_values(fines)
        assert amounts <= have_amounts, f"amount in quote not curated: {amounts - have_amounts}"
        assert multiples <= have_multiples, f"multiple in quote not curated: {multiples - have_multiples}"


def test_every_figure_of_the_text_is_curated(registry, entry):
    """No fine of the article (or 款) is missed: every amount and multiple written in its text, once
    处分 / criminal / civil clauses are masked, belongs to a curated fine of the entry."""
    text = mask(scope_text(registry, entry))
    fines = [s.fine for t in entry.tiers for s in t.sanctions if s.fine is not None]
    have_amounts, have_multiples = _fine_values(fines)
    if entry.refers_to and not fines:
        return
    assert amounts_in(text) <= have_amounts, amounts_in(text) - have_amounts
    assert multiples_in(text) <= have_multiples, multiples_in(text) - have_multiples


SANCTION_WORDS = re.compile(
    r"警告|通报批评|没收|吊销|暂扣|停产停业|停业整顿|暂停[^，；。]*?(?:执业活动|业务|使用活动)|关闭"
    r"|禁止[^，；。]*?(?:从事|开展|参加)|罚款|取消[^，；。]*?资格|撤销|不得[^，；。]*?(?:从事|申请|担任)|不受理"
    r"|停止[^，；。]*?(?:执业活动|作业|活动)|核减")


def test_every_sanction_word_is_curated(registry, entry):
    """No sanction of the text is left out: every sanction word (once 处分 / criminal / civil clauses are
    masked) lies in a curated phrase or order, in the conduct (a 项, or the lead before its first "的，"),
    in a no-income clause of a curated multiple (没有违法所得或者…不足X元的，并处…罚款), or the notes say
    why it is not a penalty (取消处方资格 by the hospital, 撤销 of a licence obtained by deception …)."""
    if entry.refers_to and not any(t.sanctions for t in entry.tiers):
        return
    art = registry.article(entry.instrument, entry.article)
    paras = art.paragraphs if entry.paragraph is None else (art.paragraphs[entry.paragraph - 1],)
    text = "\n".join(p.full_text for p in paras)
    masked = mask(text)
    covered: list[tuple[int, int]] = []
    for phrase in [s.phrase for t in entry.tiers for s in t.sanctions] + list(entry.orders):
        covered += [m.span() for m in re.finditer(re.escape(phrase), text)]
    conduct: list[tuple[int, int]] = []
    at = 0
    for p in paras:
        lead = text.index(p.text, at)
        first = p.text.find("的，")
        conduct.append((lead, lead + (first if first >= 0 else 0)))
        for item in p.items:
            start = text.index(item, lead)
            conduct.append((start, start + len(item)))
        at = lead + len(p.text)
    floors = [m.span() for m in re.finditer(r"(?:没有|不足)[^；。]*?罚款", text)]
    missing = []
    for m in SANCTION_WORDS.finditer(masked):
        a, b = m.span()
        if any(x <= a < y for x, y in covered + conduct + floors):
            continue
        if m[0][:2] in (entry.notes or ""):
            continue
        missing.append(text[max(0, a - 6):b + 2])
    assert not missing, missing


MAY = re.compile(r"可以|可并?处")


def _clause_before(quote: str, phrase: str) -> tuple[str, str]:
    """(the clause up to and including the phrase, the sentence part since the last ；)."""
    at = quote.index(phrase)
    head = quote[:at]
    clause = re.split(r"[，；]", head)[-1] + phrase
    sentence = head.split("；")[-1] + phrase
    return clause, sentence


def test_modes_match_wording(registry, entry):
    """must / may follows the text: 可以 (可以并处, 并可以, 可以…给予; 可处 / 可并处 in older rules) in
    the clause -> optional; no such word anywhere in the sentence -> mandatory or one of 或者 alternatives."""
    for tier in entry.tiers:
        for s in tier.sanctions:
            clause, sentence = _clause_before(tier.quote, s.phrase)
            may_local = bool(MAY.search(clause))
            may_sentence = bool(MAY.search(sentence))
            optional = s.mode.startswith("optional")
            if may_local:
                assert optional, (s.phrase, s.mode)
            if not may_sentence:
                assert not optional, (s.phrase, s.mode)
            if s.kind == "罚款" and s.phrase.startswith(("并处", "处")) and not may_sentence:
                assert s.mode in ("mandatory", "alternative"), s.phrase


def test_enforced_articles_match_text(registry, entry):
    text = scope_text(registry, entry)
    named: list[int] = []
    for m in VIOLATES.finditer(text):
        named += [chinese_to_int(n) for n in re.findall(r"第([一二三四五六七八九十百零]+)条", m[1])]
    assert set(named) <= set(entry.enforces), f"违反…第X条 not recorded: {set(named) - set(entry.enforces)}"
    refs = {chinese_to_int(n) for n in re.findall(r"本(?:法|条例)[^，；。]{0,40}?第([一二三四五六七八九十百零]+)条", text)}
    refs |= {chinese_to_int(n) for n in re.findall(r"[、和]第([一二三四五六七八九十百零]+)条", text)}
    for n in entry.enforces:
        assert n in refs, f"本法/本条例第{n}条 not in the text"
        assert registry.article(entry.instrument, n) is not None
    art = registry.article(entry.instrument, entry.article)
    para = art.paragraphs[(entry.paragraph or 1) - 1]
    if entry.enforces and entry.enforces_complete and para.items:
        lead_named = VIOLATES.search(para.text) or re.search(r"本(?:法|条例)第", para.text)
        assert lead_named or all(re.search(r"本(?:法|条例)第", i) for i in para.items), \
            "some 项 name no obligation: set enforces_complete: false"


def test_authority_and_orders_are_in_text(registry, entry):
    text = scope_text(registry, entry)
    if entry.authority:
        for part in re.split(r"或者|；", entry.authority.split("（")[0]):
            assert part in text, part
    for order in entry.orders:
        assert order in text
    if entry.refers_to and "instrument" in entry.refers_to:
        ref = entry.refers_to
        target = registry.article(ref["instrument"], ref["article"])
        assert target is not None
        if ref.get("paragraph"):
            assert target.paragraph(ref["paragraph"]) is not None
    elif entry.refers_to:
        assert entry.refers_to["text"] in text


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


def test_article_numerals_round_trip():
    from audit.parse import numerals

    for n in range(0, 1200):
        assert numerals.chinese_to_int(numerals.int_to_chinese(n)) == n
    assert numerals.chinese_to_int("五十万") == 500_000
    assert numerals.int_to_chinese(110) == "一百一十"


def test_referrals_are_not_the_departments_kinds(registry):
    """职业病防治法: 责令关闭 is proposed (提请) to the government, not imposed by the health department."""
    for article in (69, 72, 75, 77):
        p = registry.penalty("occupational-disease-law-2018", article)
        assert "责令关闭" not in p.kinds and p.referral_kinds == ("责令关闭",), article
        assert "责令停产停业" in p.kinds
        referral = [t for t in p.tiers if t.referral]
        assert referral and all(t.authority == "有关人民政府" for t in referral)
    # 医师法 第五十八条: 吊销 or 责令停止非法执业活动 (alternatives), 禁止从业 always.
    p = registry.penalty("physicians-law-2021", 58)
    modes = {s.kind: s.mode for t in p.tiers for s in t.sanctions}
    assert modes == {"吊销许可证件": "alternative", "责令停止执业活动": "alternative", "限制从业": "mandatory"}
    # 麻精条例 第七十五条: the base tier (撤销资格, 5年内不得申请) precedes 情节严重.
    for version in ("narcotic-psychotropic-drugs-regulation-2016", "narcotic-psychotropic-drugs-regulation-2024"):
        p = registry.penalty(version, 75)
        assert p.tiers[0].condition is None
        assert [s.kind for s in p.tiers[0].sanctions] == ["吊销许可证件", "限制从业"]
        assert p.tiers[1].condition == "情节严重" and p.fine.max == 30_000
