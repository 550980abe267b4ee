"""``audit explain`` shows the message templates readable: no raw {placeholders}."""

import re

import pytest
from click.testing import CliRunner

from audit.checks import load_rules
from audit.cli import main

CODES = [r.code for r in load_rules()]


@pytest.mark.parametrize("code", CODES)
def test_explain_prints_no_raw_placeholders(code):
    result = CliRunner().invoke(main, ["explain", code])
    assert result.exit_code == 0, result.output
    assert not re.search(r"\{[a-z_]+\}", result.output), result.output


def test_explain_shows_the_failing_example_filled_in():
    output = CliRunner().invoke(main, ["explain", "DOC001"]).output
    assert "应当：各文书引用的案件文号应与行政处罚决定书文号“…”" in output
    assert "发现问题时：与决定书文号“…”不一致：…。" in output
    assert "→ 审查结论：与决定书文号“杭西卫医罚〔2023〕12号”不一致" in output


def test_explain_json_matches_the_text():
    import json

    data = json.loads(CliRunner().invoke(main, ["explain", "PRO005", "--format", "json"]).output)
    text = CliRunner().invoke(main, ["explain", "PRO005"]).output
    assert data["code"] == "PRO005" and data["severity_label"] in text
    assert data["basis"] and data["basis"][0]["text"]
    assert any(e["status"] == "fail" and e["finding"] for e in data["examples"])
    assert not re.search(r"[A-Za-z_]{4,}", text.split("示例：")[0].split("依据")[0]), text


def test_explain_unknown_code_suggests_the_nearest():
    result = CliRunner().invoke(main, ["explain", "PRO0055"])
    assert result.exit_code == 2 and "PRO005" in result.output
