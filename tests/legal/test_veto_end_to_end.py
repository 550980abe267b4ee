"""A real sample with no advance notice, or decided before the defence period ended, is 不合格
under every scoring standard: end to end through ``audit check`` on a text rendering of the
committed sample ord-2023-medinst-staff (its pages, in order, one form feed between pages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.pipeline import read_case

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "cases" / "ord-2023-medinst-staff" / "case.pdf"
STANDARDS = sorted(p.stem for p in (REPO / "checklists" / "standards").glob("*.yaml"))


@pytest.fixture(scope="module")
def pages() -> dict[int, str]:
    case = read_case(SAMPLE)
    return {p.number: "\n".join(line.text for line in p.lines) for p in case.pages}, case


def _write(tmp: Path, texts: dict[int, str], drop: set[int] = frozenset()) -> Path:
    path = tmp / "case.txt"
    path.write_text("\f".join(t for n, t in sorted(texts.items()) if n not in drop), encoding="utf-8")
    return path


def _check(path: Path, standard: str) -> dict:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--standard", standard])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def _status(report: dict, code: str) -> str:
    return next(f["status"] for f in report["findings"] if f["rule"] == code)


@pytest.mark.parametrize("standard", STANDARDS)
def test_the_clean_text_rendering_is_not_vetoed(pages, tmp_path, standard):
    texts, _ = pages
    report = _check(_write(tmp_path, texts), standard)
    assert report["score"]["grade"] != "不合格" and not report["score"]["vetoed"]
    assert _status(report, "PRO022") == "pass" and _status(report, "PRO005") == "pass"


@pytest.mark.parametrize("standard", STANDARDS)
def test_no_advance_notice_is_not_acceptable(pages, tmp_path, standard):
    texts, case = pages
    notice = {n for d in case.documents if d.type == "advance_notice" for n in d.pages}
    receipt = {n for d in case.documents if d.type == "service_receipt" and d.fields.get("served_type")
               and d.fields["served_type"].value == "advance_notice" for n in d.pages}
    assert notice and receipt
    report = _check(_write(tmp_path, texts, notice | receipt), standard)
    assert _status(report, "PRO022") == "fail"
    assert report["score"]["vetoed"] and report["score"]["grade"] == "不合格"
    veto = next(f for f in report["findings"] if f["rule"] == "PRO022")
    assert "第六十二条" in veto["veto_basis"]  # the article that makes it a veto


@pytest.mark.parametrize("standard", STANDARDS)
def test_decision_before_the_defence_period_ended_is_not_acceptable(pages, tmp_path, standard):
    texts, case = pages
    receipt = next(d for d in case.documents if d.type == "service_receipt" and d.fields.get("served_type")
                   and d.fields["served_type"].value == "advance_notice")
    page = receipt.pages[0]
    assert "2023年5月29日" in texts[page]
    # the notice served on Monday 5 June; the decision of Tuesday 6 June comes inside 3 working days
    changed = dict(texts) | {page: texts[page].replace("2023年5月29日", "2023年6月5日")}
    report = _check(_write(tmp_path, changed), standard)
    assert _status(report, "PRO005") == "fail"
    assert report["score"]["vetoed"] and report["score"]["grade"] == "不合格"
    assert "第六十二条" in next(f for f in report["findings"] if f["rule"] == "PRO005")["veto_basis"]


def test_the_text_report_names_the_article_that_makes_it_a_veto(pages, tmp_path):
    texts, case = pages
    notice = {n for d in case.documents if d.type == "advance_notice" for n in d.pages}
    result = CliRunner().invoke(main, ["check", str(_write(tmp_path, texts, notice))])
    assert "存在否决项（PRO022" in result.output
    assert "否决理由：《行政处罚法》第六十二条" in result.output
