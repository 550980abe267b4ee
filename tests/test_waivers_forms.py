"""Waiver files: the README's list form, the keyed form, and bad files as a line, not a crash."""

from pathlib import Path

import pytest

from audit.waivers import read_waivers

ENTRY = "{rule: DOC002, reason: 已出具更正决定书, who: 张三, date: 2026-11-01}"


@pytest.mark.parametrize("text", [f"- {ENTRY}\n", f"waivers:\n  - {ENTRY}\n"])
def test_list_form_and_keyed_form_give_the_same_waivers(tmp_path: Path, text: str):
    (tmp_path / "waivers.yaml").write_text(text, encoding="utf-8")
    entries, problem = read_waivers(tmp_path)
    assert problem is None
    assert [(e["rule"], e["who"]) for e in entries] == [("DOC002", "张三")]


def test_readme_example_is_accepted(tmp_path: Path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("`waivers.yaml`", 1)[1].split("`- ", 1)[1].split("`", 1)[0]
    (tmp_path / "waivers.yaml").write_text("- " + example.replace("…", "理由") + "\n", encoding="utf-8")
    entries, problem = read_waivers(tmp_path)
    assert problem is None and entries[0]["rule"] == "DOC003"


@pytest.mark.parametrize(("text", "line", "zh"), [
    ("- {rule: DOC002, reason: x, who: y}\n- {rule: DOC003}\n", 2, "缺少 reason、who"),
    ("waivers:\n  - {rule: DOC002, reason: x\n", 3, "YAML 语法错误"),
    ("other: 1\n", 1, "顶层只能是豁免列表"),
    ("waivers: 5\n", 1, "豁免记录应为列表"),
])
def test_bad_file_names_file_and_line_in_both_languages(tmp_path: Path, text: str, line: int, zh: str):
    (tmp_path / "waivers.yaml").write_text(text, encoding="utf-8")
    entries, problem = read_waivers(tmp_path)
    assert entries == []
    assert f"waivers.yaml 第 {line} 行" in problem and zh in problem
    assert f"waivers.yaml, line {line}" in problem
