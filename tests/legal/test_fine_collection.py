"""罚缴分离 (issue 15 item 4, 执行): PRO047 (行政处罚法（2021）第六十七条) and PRO048 (（2017）第四十六条)
judge who received the fine, as read by ``audit.parse.payment``; an on-spot collection is left to
PRO044/PRO045, so one act is not counted twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.checks import load_rules, run_rule
from audit.checks.examples import case_from_example
from audit.model import Severity, Status
from audit.pipeline import read_case

RULES = {r.code: r for r in load_rules()}
REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "cases" / "ord-2023-medinst-staff" / "case.pdf"
FINE = "当事人：杭州西湖某某诊所\n本机关决定作出如下行政处罚：罚款人民币贰万元整（¥20,000.00）。\n{day}"
AMOUNT = "\n金额合计（大写）人民币贰万元整（小写）¥20,000.00\n收款日期：2023年6月20日"


def _status(code: str, docs: list[tuple[str, str]]) -> tuple[Status, str]:
    finding = run_rule(case_from_example({"documents": [{"type": t, "text": x} for t, x in docs]}), RULES[code])
    return finding.status, finding.observed


def _decided(day: str) -> tuple[str, str]:
    return ("decision", FINE.format(day=day))


@pytest.mark.parametrize("receipt", [
    "罚没款收据\n收款单位：杭州市西湖区卫生健康局" + AMOUNT,
    "收据\n收款人：杭州市西湖区卫生监督所" + AMOUNT,
])
def test_a_receipt_issued_by_the_agency_is_a_defect(receipt):
    status, observed = _status("PRO047", [_decided("2023年6月5日"), ("payment_receipt", receipt)])
    assert status is Status.FAIL and "自行收取" in observed


@pytest.mark.parametrize("closing", ["结案报告\n执行情况：罚款贰万元已由本局收取。", "结案报告\n执行情况：当事人将罚款现金交给执法人员。"])
def test_a_closing_report_saying_the_agency_took_the_money_is_a_defect(closing):
    assert _status("PRO047", [_decided("2023年6月5日"), ("closing_report", closing + "\n2023年7月1日")])[0] is Status.FAIL


@pytest.mark.parametrize("receipt", [
    # the agency as 执收单位 (the body enforcing the charge) is not the payee: lawful
    "浙江省政府非税收入一般缴款书\n全称：杭州市西湖区财政局非税收入汇缴结算户\n执收单位：杭州市西湖区卫生健康局" + AMOUNT,
    "缴款凭证\n代收银行：中国工商银行杭州分行" + AMOUNT,
    "电子缴款凭证\n缴款方式：统一公共支付平台缴款码" + AMOUNT,
])
def test_a_bank_or_the_non_tax_system_passes(receipt):
    assert _status("PRO047", [_decided("2023年6月5日"), ("payment_receipt", receipt)])[0] is Status.PASS


def test_an_unreadable_payee_asks_for_review_and_no_record_is_not_applicable():
    status, observed = _status("PRO047", [_decided("2023年6月5日"), ("payment_receipt", "收据" + AMOUNT)])
    assert status is Status.NEEDS_REVIEW and "收款机构" in observed
    # the decision's own payment instructions say how to pay, not how it was paid
    told = FINE.format(day="2023年6月5日") + "\n请于十五日内到指定银行或者通过电子支付系统缴纳罚款。"
    assert _status("PRO047", [("decision", told)])[0] is Status.NOT_APPLICABLE


def test_on_spot_collection_is_judged_once():
    small = "当事人：张某\n本机关当场作出如下行政处罚：罚款人民币伍拾元整（¥50.00）。罚款由执法人员当场收缴。\n2023年5月6日"
    big = small.replace("伍拾元整（¥50.00）", "伍佰元整（¥500.00）")
    receipt = ("payment_receipt", "罚没款收据\n收款单位：杭州市西湖区卫生健康局\n收款日期：2023年5月6日")
    assert _status("PRO047", [("onsite_decision", small), receipt])[0] is Status.PASS
    # over the limit with no ground: PRO044 reports it, PRO047 does not count it again
    assert _status("PRO044", [("onsite_decision", big), receipt])[0] is Status.FAIL
    assert _status("PRO047", [("onsite_decision", big), receipt])[0] is Status.NOT_APPLICABLE


def test_windows_from_both_sides():
    agency = ("payment_receipt", "罚没款收据\n收款单位：杭州市西湖区卫生健康局" + AMOUNT)
    assert _status("PRO047", [_decided("2021年7月15日"), agency])[0] is Status.FAIL
    assert _status("PRO047", [_decided("2021年7月14日"), agency])[0] is Status.NOT_APPLICABLE
    assert _status("PRO048", [_decided("2021年7月14日"), agency])[0] is Status.FAIL
    assert _status("PRO048", [_decided("2021年7月15日"), agency])[0] is Status.NOT_APPLICABLE
    # the 2017 text allowed 20 yuan on the spot, the 2021 text 100 yuan
    assert RULES["PRO048"].params["max_fine"] == 20 and RULES["PRO047"].params["max_fine"] == 100
    assert {b.article for b in RULES["PRO047"].basis} >= {"第六十七条"}
    assert {b.article for b in RULES["PRO048"].basis} >= {"第四十六条"}
    assert RULES["PRO047"].severity is Severity.MAJOR


@pytest.fixture(scope="module")
def sample_pages() -> dict[int, str]:
    case = read_case(SAMPLE)
    return {p.number: "\n".join(line.text for line in p.lines) for p in case.pages}


def test_the_committed_sample_end_to_end(sample_pages, tmp_path):
    """The sample's 非税收入一般缴款书 passes; the same file with the agency as payee fails."""
    def run(texts: dict[int, str]) -> Status:
        path = tmp_path / "case.txt"
        path.write_text("\f".join(t for _, t in sorted(texts.items())), encoding="utf-8")
        return run_rule(read_case(path), RULES["PRO047"]).status

    page = next(n for n, t in sample_pages.items() if "非税收入一般缴款书" in t)
    assert run(sample_pages) is Status.PASS
    lines = [ln for ln in sample_pages[page].splitlines()
             if not any(w in ln for w in ("非税", "结算户", "银行"))]
    lines.insert(1, "罚没款收据")
    lines.insert(2, "收款单位：杭州市西湖区卫生健康局")
    assert run(sample_pages | {page: "\n".join(lines)}) is Status.FAIL
