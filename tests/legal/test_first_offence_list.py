"""首违不罚 list matching (issue 15 item 4, 裁量): DIS007 gives advice when the case's provision is
an item of a published 轻微违法行为不予处罚清单 the profile applies (its region and window) and
the file shows the item's conditions may hold, yet a penalty was imposed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from audit.checks import load_rules, run_rule
from audit.checks.examples import case_from_example
from audit.checks.kinds.first_offence import load_list
from audit.checks.profile import load_profile
from audit.model import Severity, Status

RULES = {r.code: r for r in load_rules()}
REPO = Path(__file__).resolve().parents[2]
ZS = "中山市卫生健康局"
CQ = "重庆市渝中区卫生健康委员会"
ZS_FACT = "经查，你单位未按照规定在劳动者离开用人单位时提供职业健康监护档案复印件。"
ZS_BASIS = "依据《中华人民共和国职业病防治法》第七十一条第（五）项的规定，本机关决定作出如下行政处罚：警告。"


def _decision(agency: str, body: str, day: str = "2023年6月5日") -> str:
    return f"{agency}\n行政处罚决定书\n当事人：某某有限公司\n{body}\n{agency}\n{day}"


def _run(text: str, profile: dict | None = None):
    case = case_from_example({"documents": [{"type": "decision", "text": text}]})
    return run_rule(case, RULES["DIS007"], profile)


def test_advice_when_the_file_shows_the_conditions():
    f = _run(_decision(ZS, ZS_FACT + "你单位系初次违法，检查时已立即改正。" + ZS_BASIS))
    assert f.status is Status.FAIL and f.severity is Severity.ADVICE
    assert "中山市卫生健康领域轻微违法行为不予行政处罚清单" in f.observed and "第3项" in f.observed


def test_unread_conditions_and_the_items_own_conditions_are_named():
    f = _run(_decision(ZS, ZS_FACT + ZS_BASIS))
    assert f.status is Status.NEEDS_REVIEW and "初次违法" in f.observed and "及时改正" in f.observed
    cq = _run(_decision(CQ, "你单位系初次违法，危害后果轻微，已及时改正。依据《护士条例》第二十八条第（二）项的规定，"
                            "本机关决定作出如下行政处罚：警告。", "2023年9月5日"))
    assert cq.status is Status.NEEDS_REVIEW and "逾期未超过30天" in cq.observed and "渝卫发〔2023〕13号" in cq.observed


def test_an_order_or_the_statutes_words_are_not_facts():
    ordered = ZS_FACT + "你单位系初次违法。" + ZS_BASIS + "责令你单位立即改正。"
    f = _run(_decision(ZS, ordered))
    assert f.status is Status.NEEDS_REVIEW and "及时改正" in f.observed
    quoted = (ZS_FACT + "根据行政处罚法，初次违法且危害后果轻微并及时改正的，可以不予行政处罚。" + ZS_BASIS)
    f = _run(_decision(ZS, quoted))
    assert f.status is Status.NEEDS_REVIEW and "初次违法" in f.observed


@pytest.mark.parametrize("body", [
    ZS_FACT + "你单位曾因同类违法行为受到行政处罚，检查时已立即改正。" + ZS_BASIS,
    ZS_FACT + "你单位系初次违法，经责令改正后逾期未改正。" + ZS_BASIS,
    "本案系“双随机”抽查中发现。" + ZS_FACT + "你单位系初次违法，检查时已立即改正。" + ZS_BASIS,
])
def test_a_condition_the_file_denies_or_a_listed_exclusion_passes(body):
    assert _run(_decision(ZS, body)).status is Status.PASS


def test_region_window_provision_and_penalty_decide_whether_a_list_applies():
    good = ZS_FACT + "你单位系初次违法，检查时已立即改正。" + ZS_BASIS
    # another region's agency: 中山's list does not apply
    assert _run(_decision(CQ, good)).status is Status.NOT_APPLICABLE
    # after the list's five years (2026-10-13)
    assert _run(_decision(ZS, good, "2026年11月2日")).status is Status.NOT_APPLICABLE
    # before the list was issued (2021-10-14) but after 2021-07-15
    assert _run(_decision(ZS, good, "2021年9月1日")).status is Status.NOT_APPLICABLE
    # another item of the same article
    other = good.replace("第七十一条第（五）项", "第七十一条第（一）项")
    assert _run(_decision(ZS, other)).status is Status.NOT_APPLICABLE
    # no penalty imposed
    spared = good.replace("本机关决定作出如下行政处罚：警告。", "本机关决定不予行政处罚。")
    assert _run(_decision(ZS, spared)).status is Status.NOT_APPLICABLE
    # a profile that names no list
    bare = dict(load_profile("national-default")) | {"first_offence_lists": []}
    assert _run(_decision(ZS, good), bare).status is Status.NOT_APPLICABLE
    # before 行政处罚法（2021）第三十三条第一款 (2021-07-15): outside the rule's window
    assert RULES["DIS007"].effective_from == dt.date(2021, 7, 15)


def test_the_lists_are_sourced_and_dated_and_the_profile_chooses_them():
    chosen = load_profile("national-default")["first_offence_lists"]
    assert chosen == load_profile("self-check")["first_offence_lists"]
    for name in chosen:
        lst = load_list(name)
        assert lst["issuer"] and lst["source"]["url"].startswith("http") and lst["region"]
        assert isinstance(lst["effective_from"], dt.date)
        for entry in lst["entries"]:
            assert entry["provision"]["instrument"] and entry["provision"]["article"] > 0
            assert set(entry["conditions"]) <= {"first_offence", "corrected", "harm_slight"}
    assert load_list("chongqing-first-offence")["document_number"] == "渝卫发〔2023〕13号"
    assert load_list("zhongshan-first-offence")["effective_to"] == dt.date(2026, 10, 13)
    raw = yaml.safe_load((REPO / "checklists" / "first_offence.yaml").read_text(encoding="utf-8"))
    assert set(raw["conditions"]) == {"first_offence", "corrected", "harm_slight"}
    assert RULES["DIS007"].severity is Severity.ADVICE


def test_the_advice_deducts_nothing():
    from audit.score import score
    f = _run(_decision(ZS, ZS_FACT + "你单位系初次违法，检查时已立即改正。" + ZS_BASIS))
    assert f.status is Status.FAIL and f.points == 0
    assert score([f]).total == score([]).total and not score([f]).vetoed


@pytest.mark.parametrize("text, holds", [
    ("当事人违法行为持续约一个月，未造成危害后果；检查后当即停止违法行为并完成整改。", True),
    ("调查中未发现造成患者人身损害后果。", True),
    ("当事人的行为造成患者人身损害后果。", False),
    ("违法行为社会危害较大。", False),
    ("依据该条，情节严重的，吊销执业许可证。", None),
])
def test_harm_wording_reads_negations_and_skips_the_statutes_conditionals(text, holds):
    from audit.parse.first_offence import first_offence_facts
    case = case_from_example({"documents": [{"type": "investigation_report", "text": "案件调查终结报告\n" + text}]})
    first_offence_facts(case)
    f = case.documents[0].fields.get("fo_harm_slight")
    assert (f.value if f is not None else None) is holds


def test_an_order_that_correction_follows_is_no_denial():
    from audit.parse.first_offence import first_offence_facts
    text = "案件调查终结报告\n建议责令当事人改正，逾期不改正的，依法处理。"
    case = case_from_example({"documents": [{"type": "investigation_report", "text": text}]})
    first_offence_facts(case)
    assert "fo_corrected" not in case.documents[0].fields


def test_the_committed_samples_read_as_the_files_say():
    """ord-2023-medinst-staff: 未造成危害后果 (holds); ord-2024-waste: a 双随机 case (the 中山 list's exclusion)."""
    from audit.pipeline import read_case
    staff = read_case(REPO / "samples" / "cases" / "ord-2023-medinst-staff" / "case.pdf")
    harm = [d.fields["fo_harm_slight"].value for d in staff.documents if "fo_harm_slight" in d.fields]
    assert harm and all(harm)
    waste = read_case(REPO / "samples" / "cases" / "ord-2024-waste" / "case.pdf")
    assert any(d.fields.get("fo_excluded") for d in waste.documents)
