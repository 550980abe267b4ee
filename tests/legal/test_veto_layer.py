"""The veto layer follows the law and the published basic standards, not assumed thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from audit.checks import load_rules
from audit.checks.profile import load_profile
from audit.cli import main
from audit.model import Finding, Severity, Status
from audit.score import load_standard, score

REPO = Path(__file__).resolve().parents[2]
RULES = {r.code: r for r in load_rules()}
LOCAL = ("profile.hearing.large_fine", "profile.hearing.large_confiscation", "profile.legal_review",
         "profile.collective_discussion")

# what the issue and the basic standards list as vetoes: no notice / defence not heard, fine outside
# the range, kind not allowed, non-existent or repealed provision, limitation, no power
REQUIRED_VETOES = {"PRO022", "PRO005", "PRO006", "PRO023", "LAW004", "LAW006", "LAW007", "LAW011", "LAW016", "AUT004"}


def test_required_vetoes_are_vetoes_with_their_article():
    for code in REQUIRED_VETOES:
        assert RULES[code].severity is Severity.VETO, code
    for r in RULES.values():
        if r.severity is Severity.VETO:
            vb = r.veto_basis
            assert vb and vb["article"].startswith("第") and len(vb["why"]) > 10, r.code


def test_local_thresholds_are_never_vetoes_by_themselves():
    for r in RULES.values():
        text = json.dumps(r.params, ensure_ascii=False)
        if any(key in text for key in LOCAL):
            assert r.severity is not Severity.VETO, r.code


def test_local_thresholds_carry_their_source():
    for name in ("national-default", "self-check"):
        profile = load_profile(name)
        assert "also_when_hearing_right" not in profile["legal_review"]
        for section in ("hearing", "legal_review", "collective_discussion"):
            assert profile[section].get("source"), (name, section)
        assert "通报批评" not in profile["simple_procedure"]["kinds"]
        assert profile["simple_procedure_1996"]["max_fine"] == {"individual": 50, "organisation": 1000}


def test_no_unsourced_tianjin_claim():
    assert "南开" not in RULES["PRO011"].why and "天津" not in RULES["PRO011"].why


def test_defect_severities_match_the_rules_that_detect_them():
    catalogue = yaml.safe_load((REPO / "checklists" / "defects.yaml").read_text(encoding="utf-8"))["types"]
    by_type: dict[str, set[str]] = {}
    for r in RULES.values():
        for d in r.detects:
            by_type.setdefault(d, set()).add(r.severity.value)
    for t in catalogue:
        if t["type"] in by_type:
            allowed = by_type[t["type"]] | ({"minor"} if by_type[t["type"]] == {"advice"} else set())
            assert t["severity"] in allowed, (t["type"], t["severity"], by_type[t["type"]])


def _fail(code: str) -> Finding:
    r = RULES[code]
    return Finding(r.code, r.title, r.dimension, r.severity, Status.FAIL, points=r.points)


def test_a_province_standard_may_list_a_local_veto_with_its_source(tmp_path):
    base = load_standard("health-default")
    assert not score([_fail("PRO011")], base).vetoed  # the national default: 集体讨论 amount is not a veto
    province = dict(base, name="province", title="某省卫生健康行政处罚案卷评查标准",
                    veto_rules=[{"rule": "PRO011", "source": "某省评查标准第三条（示例）"}])
    result = score([_fail("PRO011")], province)
    assert result.vetoed and result.grade == "不合格" and "某省评查标准第三条" in result.vetoes["PRO011"]


def test_veto_reason_names_the_article_in_score_and_explain():
    from audit.checks.engine import veto_text

    finding = _fail("PRO022")
    finding.veto_basis = veto_text(RULES["PRO022"])
    for name in ("health-default", "legality-form-50-50"):
        result = score([finding], load_standard(name))
        assert result.grade == "不合格" and "第六十二条" in result.vetoes["PRO022"]
    out = CliRunner().invoke(main, ["explain", "PRO022"]).output
    assert "否决依据：《行政处罚法》第六十二条" in out
    assert "否决依据" not in CliRunner().invoke(main, ["explain", "PRO011"]).output
