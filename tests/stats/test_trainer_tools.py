"""Trainer tools: small groups hidden, officers numbered unless asked, run names, the
latest run by default."""

from __future__ import annotations

from click.testing import CliRunner

from audit.stats import store
from audit.stats.cli import history_command, stats_command
from audit.stats.dataset import load_dataset
from audit.stats.tables import compute


def _groups(stats) -> list[str]:
    return [r["group"] for r in stats.groups.rows]


def test_units_and_officers_below_the_minimum_are_hidden(runs):
    data = load_dataset([runs["base"]])
    stats = compute(data, by="officer")  # default: at least 5 cases; each officer here has fewer
    assert _groups(stats) == []
    assert "案卷数少于 5 件的执法人员" in stats.groups.note
    assert "100" not in " ".join(str(r.get("share")) for r in stats.groups.rows)
    everyone = compute(data, by="unit", min_cases=1)  # three units, two cases each
    assert len(_groups(everyone)) == 3 and "未单列" not in everyone.groups.note
    assert _groups(compute(data, by="unit", min_cases=2)) == _groups(everyone)
    none = compute(data, by="unit", min_cases=3)
    assert _groups(none) == [] and "（3 个）未单列" in none.groups.note


def test_officers_are_numbered_unless_names_are_asked_for(runs):
    data = load_dataset([runs["base"]])
    names = {o for r in data.records for o in r["officers"]}
    anonymous = compute(data, by="officer", min_cases=1)
    assert not set(_groups(anonymous)) & names
    assert all(g.startswith("执法人员") for g in _groups(anonymous))
    assert "--names" in anonymous.groups.note
    named = compute(data, by="officer", min_cases=1, names=True)
    assert set(_groups(named)) == names
    # the numbered table keeps the same figures, row for row
    assert [r["cases"] for r in anonymous.groups.rows] == [r["cases"] for r in named.groups.rows]
    assert anonymous.pivot is None or all(any(v is not None for k, v in r.items() if k.startswith("p"))
                                          for r in anonymous.pivot.rows)


def test_a_run_name_is_stored_and_labels_the_trend(tmp_path, runs):
    db = tmp_path / "h.sqlite"
    for key, name in (("may", "2024年5月评查"), ("june", "2024年6月评查")):
        _, run, records = runs[key]
        store.record_run(db, {**run, "name": name}, records)
    assert [r["name"] for r in store.list_runs(db)] == ["2024年5月评查", "2024年6月评查"]
    stats = compute(load_dataset(db_path=db), by="rule")
    assert [r["period"] for r in stats.trend_table.rows] == ["2024年5月评查", "2024年6月评查"]
    listing = CliRunner().invoke(history_command, ["--db", str(db)]).output
    assert "2024年6月评查" in listing


def test_stats_without_arguments_reads_the_latest_run_only(tmp_path, runs, monkeypatch):
    db = tmp_path / "h.sqlite"
    for key in ("may", "june"):
        _, run, records = runs[key]
        store.record_run(db, run, records)
    monkeypatch.setenv(store.ENV_VAR, str(db))
    latest = CliRunner().invoke(stats_command, ["--by", "dimension"])
    assert latest.exit_code == 0, latest.output
    assert "评查批次数        1" in latest.output and "统计最近一次批次：2024-06-batch" in latest.output
    every = CliRunner().invoke(stats_command, ["--by", "dimension", "--all-runs"])
    assert "评查批次数        2" in every.output

