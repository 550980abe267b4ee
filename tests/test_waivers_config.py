import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.checks import load_rules, select_rules
from audit.checks.rules import RuleFileError
from audit.cli import main
from audit.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
WASTE = ROOT / "samples" / "cases" / "ord-2024-waste"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_waiver_marks_finding_and_changes_exit_code(tmp_path: Path):
    case = tmp_path / "case"
    shutil.copytree(WASTE, case)
    assert run("check", case).exit_code == 1
    (case / "waivers.yaml").write_text(
        "waivers:\n"
        "  - {rule: DOC002, reason: 已出具更正决定书, who: 张三, date: 2026-11-01}\n"
        "  - {rule: EVI002, reason: 告知书已重新送达, who: 张三, date: 2026-11-01}\n"
        "  - {rule: PRO004, reason: 旧豁免, who: 李四, date: 2025-01-01}\n",
        encoding="utf-8",
    )
    result = run("check", case)
    assert result.exit_code == 0, result.output
    assert "已豁免：已出具更正决定书（张三 2026-11-01）" in result.output
    assert "WAI001" in result.output and "已不对应任何问题" in result.output
    data = json.loads(run("check", case, "--format", "json").output)
    assert data["score"]["total"] == 100


def test_bad_waiver_file_is_a_clear_line_and_the_case_is_still_audited(tmp_path: Path):
    case = tmp_path / "case"
    shutil.copytree(WASTE, case)
    (case / "waivers.yaml").write_text("waivers:\n  - {rule: DOC002}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(case)])
    assert result.exit_code == 1, result.output  # audited, defects found, no waiver applied
    assert "豁免文件格式错误：waivers.yaml 第 2 行（缺少 reason、who）" in result.output
    assert "invalid waiver file waivers.yaml, line 2" in result.output
    assert "Traceback" not in result.output and "已豁免" not in result.output


def test_selection_by_code_prefix_and_dimension():
    rules = load_rules()
    assert {r.code for r in select_rules(rules, ["DOC002"], None)} == {"DOC002"}
    assert all(r.code.startswith("PRO") for r in select_rules(rules, ["PRO"], None))
    assert all(r.dimension == "执法主体" for r in select_rules(rules, ["执法主体"], None))
    assert "PRO005" not in {r.code for r in select_rules(rules, None, ["PRO005"])}
    with pytest.raises(RuleFileError, match="PRO005"):
        select_rules(rules, ["PRO0005"], None)


def test_settings_from_audit_toml_and_pyproject(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.audit]\nprofile = "national-default"\nignore = ["DOC003"]\n')
    assert load_settings(tmp_path).ignore == ["DOC003"]
    (tmp_path / "audit.toml").write_text('standard = "legality-form-50-50"\nselect = ["PRO"]\n')
    s = load_settings(tmp_path)
    assert s.standard == "legality-form-50-50" and s.select == ["PRO"] and s.ignore == []


def test_standard_option_changes_score_shape():
    data = json.loads(run("check", WASTE, "--format", "json", "--standard", "legality-form-50-50").output)
    assert set(data["score"]["by_dimension"]) == {"合法性", "规范性"}
    unknown = CliRunner().invoke(main, ["check", str(WASTE), "--profile", "no-such-profile"])
    assert unknown.exit_code == 2 and "national-default" in unknown.output


def test_rules_json_and_dimension_filter():
    data = json.loads(run("rules", "--format", "json").output)
    assert len(data) >= 30 and {"code", "title", "dimension", "basis", "detects"} <= set(data[0])
    assert "共" in run("rules", "--dimension", "执法主体").output
