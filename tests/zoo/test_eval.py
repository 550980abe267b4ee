"""`audit eval` on the zoo: renderings found, false alarms per template family, metamorphic figures."""

import json

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.eval import evaluate
from audit.eval.metamorphic import ALL, evaluate_metamorphic
from samples.zoo.build import build

pytestmark = pytest.mark.slow  # evaluations of built cases


def test_eval_reports_false_alarms_by_family_and_recall_on_planted_defects(tmp_path):
    build(tmp_path, only="web-decision", pdf=False)
    report = evaluate(tmp_path)
    assert report["renderings"]["docx"] == 4 and report["renderings"]["web"] == 4
    tally = report["false_alarms_by_template"]["docx"]["zoo:web-decision"]
    assert tally["clean_files"] == 1 and set(tally) >= {"files_with_fail", "fails", "by_rule", "files"}
    assert report["defects"]["injected"] == 3
    assert set(report["defects"]["by_rendering"]) == {"docx", "web"}


def test_metamorphic_report_counts_every_transformation(tmp_path):
    build(tmp_path, only="web-decision", pdf=False, clean_only=True)
    meta = evaluate_metamorphic([tmp_path])
    assert meta["samples"] == 1 and set(meta["by_transformation"]) == set(ALL)
    changed = [t for t, v in meta["by_transformation"].items() if v["files"]]
    assert "date_upper" in changed and "fullwidth_digits" in changed
    for alarm in meta["false_alarms"]:
        assert set(alarm) == {"case", "template", "transformation", "rule"}


def test_eval_command_prints_the_new_sections(tmp_path):
    build(tmp_path / "zoo", only="web-decision", pdf=False, clean_only=True)
    out = tmp_path / "eval.json"
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "zoo"), "--quiet", "--metamorphic", "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "无缺陷案卷的误报" in result.output and "变形测试" in result.output
    assert "metamorphic" in json.loads(out.read_text(encoding="utf-8"))
