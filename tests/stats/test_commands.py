"""``audit stats`` and ``audit history`` through click's runner."""

from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from audit.stats import store
from audit.stats.cli import history_command, stats_command


def _db(tmp_path, runs):
    db = tmp_path / "history.sqlite"
    for name in ("may", "june"):
        _, run, records = runs[name]
        store.record_run(db, run, records)
    return db


def test_stats_text_on_run_folders(runs):
    result = CliRunner().invoke(stats_command, [str(runs["base"]), "--by", "rule"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "【按评查规则统计】" in out and "【各评查批次对比】" in out
    line = next(x for x in out.splitlines() if x.startswith("EVI002"))
    assert "各文书中当事人名称应一致" in line and "50.0%" in line


def test_stats_two_folders_as_arguments(runs):
    result = CliRunner().invoke(stats_command, [str(runs["may"][0]), str(runs["june"][0]), "--by", "unit",
                                                    "--min-cases", "1"])
    assert result.exit_code == 0, result.output
    assert "宁波市鄞州区卫生健康局" in result.output and "评查批次数        2" in result.output


def test_stats_from_history_db_to_xlsx(tmp_path, runs):
    db = _db(tmp_path, runs)
    out = tmp_path / "officers.xlsx"
    result = CliRunner().invoke(stats_command, ["--db", str(db), "--by", "officer", "--format", "xlsx", "-o", str(out),
                                                    "--names", "--min-cases", "1", "--all-runs"])
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["按执法人员统计"]
    assert ws["A1"].value == "执法人员" and ws["B1"].value == "案卷数"
    assert {ws.cell(r, 1).value for r in range(2, ws.max_row + 1)} >= {"王建平", "周海军", "赵明"}


def test_stats_reads_the_default_database(tmp_path, runs, monkeypatch):
    monkeypatch.setenv(store.ENV_VAR, str(_db(tmp_path, runs)))
    result = CliRunner().invoke(stats_command, ["--by", "dimension", "--run", "2024-05-batch"])
    assert result.exit_code == 0, result.output
    assert "评查批次数        1" in result.output and "事实认定与证据" in result.output


def test_stats_without_any_results(tmp_path, monkeypatch):
    monkeypatch.setenv(store.ENV_VAR, str(tmp_path / "none.sqlite"))
    result = CliRunner().invoke(stats_command, [])
    assert result.exit_code == 2 and "错误" in result.output and "no history database" in result.output


def test_stats_html_all_formats_into_a_folder(tmp_path, runs):
    out = tmp_path / "report"
    result = CliRunner().invoke(stats_command, [str(runs["base"]), "--by", "document", "--format", "html",
                                                "--format", "csv", "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("stats.html", "stats.xlsx", "stats-by-document.csv", "stats-charts/groups.png"):
        assert (out / name).is_file(), name
    assert "行政处罚决定书" in (out / "stats.html").read_text(encoding="utf-8")


def test_history_lists_runs(tmp_path, runs):
    db = _db(tmp_path, runs)
    result = CliRunner().invoke(history_command, ["--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "共 2 个批次" in lines[0]
    assert lines[2].split()[:3] == ["评查批次", "名称", "开始时间"]
    assert lines[3].startswith("2024-05-batch") and lines[4].startswith("2024-06-batch")
    data = json.loads(CliRunner().invoke(history_command, ["--db", str(db), "--format", "json"]).output)
    assert [r["case_count"] for r in data] == [len(runs["may"][2]), len(runs["june"][2])]


def test_history_of_a_reaudited_case(tmp_path, runs, sample_records, waived_record):
    db = _db(tmp_path, runs)
    before = sample_records["ord-2024-waste"]
    result = CliRunner().invoke(history_command, ["--db", str(db), "--case", before["case_number"]])
    assert result.exit_code == 0, result.output
    out = result.output
    delta = waived_record["score"] - before["score"]
    assert "共评查 2 次" in out
    assert f"得分 {delta:+g} 分（{before['score']:g} → {waived_record['score']:g}）" in out
    assert "状态变化（1 条）" in out and "DOC002" in out and "由“不符合”变为“不符合（已豁免）”" in out
    data = json.loads(CliRunner().invoke(history_command, ["--db", str(db), "--case", "ord-2024-waste",
                                                           "--format", "json"]).output)
    assert data["changes"]["score_delta"] == delta and len(data["history"]) == 2


def test_history_unknown_case_and_empty_db(tmp_path, runs):
    db = _db(tmp_path, runs)
    result = CliRunner().invoke(history_command, ["--db", str(db), "--case", "不存在的文号"])
    assert result.exit_code == 1 and "没有案件" in result.output
    empty = CliRunner().invoke(history_command, ["--db", str(tmp_path / "new.sqlite")])
    assert empty.exit_code == 0 and "尚无评查记录" in empty.output
