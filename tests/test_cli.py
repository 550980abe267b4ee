import json
import os
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from audit.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples" / "cases"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_every_command_is_documented():
    ctx = click.Context(main)
    names = main.list_commands(ctx)
    assert {"check", "batch", "ocr", "law", "stats", "history", "serve", "cache", "eval", "samples"} <= set(names)
    for name in names:
        command = main.get_command(ctx, name)
        assert command is not None and command.help and command.help.strip(), name


def test_help_lists_every_command_though_they_load_lazily():
    """``audit check`` imports only what it runs; ``--help`` still lists the lazily loaded commands."""
    code = ("import sys; import audit.cli; "
            "print(sorted(m for m in ('audit.ocr.cli', 'audit.law.cli', 'audit.stats.cli', 'audit.web.command', "
            "'audit.eval.command', 'audit.samples_cli', 'audit.cache_admin', 'numpy', 'networkx') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.strip()
    assert loaded == "[]"
    result = run("--help")
    assert result.exit_code == 0
    for name in main.lazy_commands:
        assert f"  {name} " in result.output, name
    assert run("law", "--help").exit_code == 0


def test_extract_json_and_text():
    result = run("extract", DATA / "decision-2023.txt", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema_version"] == "1.0" and data["case_number"]["value"] == "杭西卫医罚〔2023〕12号"
    text = run("extract", DATA / "decision-2023.txt").output
    assert "当事人：杭州西湖康宁口腔诊所" in text and "第1页" in text


def test_check_exit_codes_follow_findings(tmp_path: Path):
    clean = run("check", DATA / "decision-2023.txt")
    assert clean.exit_code == 0, clean.output
    assert "待人工核查" in clean.output  # one document is not a whole file: completeness needs review
    bad = tmp_path / "decision.txt"
    bad.write_text((DATA / "decision-2023.txt").read_text(encoding="utf-8").replace("¥20,000.00", "¥2,000.00"),
                   encoding="utf-8")
    result = run("check", bad)
    assert result.exit_code == 1
    assert "【不符合】DOC002" in result.output and "第1页" in result.output
    data = json.loads(run("check", bad, "--format", "json").output)
    assert {f["rule"] for f in data["findings"] if f["status"] == "fail"} == {"DOC002"}


def test_unusable_input_exit_2_without_traceback(tmp_path: Path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    for path in (empty, tmp_path / "missing.pdf"):
        result = CliRunner().invoke(main, ["check", str(path)])
        assert result.exit_code == 2
        assert "错误：" in result.output and "Error:" in result.output
        assert "Traceback" not in result.output


def test_masking_by_default(tmp_path: Path):
    text = "行政处罚决定书\n当事人：李明\n身份证号码：330106198503122410\n联系电话：13812345678\n"
    path = tmp_path / "decision.txt"
    path.write_text(text, encoding="utf-8")
    masked = run("extract", path).output + run("check", path).output
    assert "330106198503122410" not in masked and "13812345678" not in masked
    unmasked = run("extract", path, "--no-mask").output
    assert "330106198503122410" in unmasked  # the individual party's ID number, shown on request


def test_batch_writes_reports_and_survives_bad_files(tmp_path: Path):
    cases = tmp_path / "in"
    cases.mkdir()
    (cases / "good.txt").write_text((DATA / "decision-2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (cases / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "out"
    result = run("batch", cases, "-o", out)
    assert result.exit_code == 0
    assert (out / "good" / "report.txt").exists() and (out / "good" / "findings.json").exists()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert {r["case_id"]: bool(r["error"]) for r in summary} == {"broken": True, "good": False}
    assert "无法审查" in result.output


def test_rules_and_explain():
    listing = run("rules").output
    assert "EVI002" in listing and "FIL001" in listing
    explained = run("explain", "evi002")
    assert explained.exit_code == 0 and "依据：《行政处罚法》第五十九条" in explained.output
    assert "当事人的姓名或者名称、地址" in explained.output  # the article's own text from the registry
    unknown = CliRunner().invoke(main, ["explain", "EVI0002"])
    assert unknown.exit_code == 2 and "EVI002" in unknown.output
