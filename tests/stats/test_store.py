"""The results history: a real SQLite file written and read back."""

from __future__ import annotations

import copy
import json
import multiprocessing
import sqlite3

import pytest

from audit.stats import store


def _counts(db) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("runs", "cases", "findings"))


def test_schema_is_created_with_a_version_table(tmp_path):
    db = tmp_path / "h.sqlite"
    assert store.schema_version(db) == store.SCHEMA_VERSION == 2
    store.schema_version(db)  # opening again applies nothing twice
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"schema_version", "runs", "cases", "findings"} <= tables
        assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 2
        assert "name" in {r[1] for r in conn.execute("PRAGMA table_info(runs)")}
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_record_run_twice_keeps_one_copy(tmp_path, runs):
    db = tmp_path / "h.sqlite"
    _, run, records = runs["may"]
    store.record_run(db, run, records)
    first = _counts(db)
    store.record_run(db, run, records)
    assert _counts(db) == first == (1, len(records), sum(len(r["findings"]) for r in records))
    assert [r["run_id"] for r in store.list_runs(db)] == [run["run_id"]]


def test_recording_a_run_again_replaces_it(tmp_path, runs):
    db = tmp_path / "h.sqlite"
    _, run, records = runs["may"]
    store.record_run(db, run, records)
    store.record_run(db, run, records[:2])
    assert _counts(db)[:2] == (1, 2)
    assert sorted(r["case_id"] for r in store.load_records(db)) == sorted(r["case_id"] for r in records[:2])


def test_a_failed_write_leaves_the_stored_run_untouched(tmp_path, runs):
    db = tmp_path / "h.sqlite"
    _, run, records = runs["may"]
    store.record_run(db, run, records)
    before = _counts(db)
    broken = copy.deepcopy(records)
    broken[-1]["findings"] = [{"title": "no rule code", "status": "fail"}]  # rule is NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.record_run(db, run, broken)
    assert _counts(db) == before


def test_list_runs_and_load_records(tmp_path, runs):
    db = tmp_path / "h.sqlite"
    for name in ("june", "may"):  # stored out of order, listed by start time
        _, run, records = runs[name]
        store.record_run(db, run, records)
    listed = store.list_runs(db)
    assert [r["run_id"] for r in listed] == ["2024-05-batch", "2024-06-batch"]
    for row, name in zip(listed, ("may", "june"), strict=True):
        _, run, records = runs[name]
        assert row["case_count"] == len(records)
        assert row["mean_score"] == pytest.approx(sum(r["score"] for r in records) / len(records))
        unwaived = [f for r in records for f in r["findings"] if not f["waived"]]
        assert row["fails"] == sum(1 for f in unwaived if f["status"] == "fail")
        assert row["needs_review"] == sum(1 for f in unwaived if f["status"] == "needs_review")
        assert row["waived"] == sum(1 for r in records for f in r["findings"] if f["waived"])
        assert row["rule_set_version"] == run["rule_set_version"] and row["source"] == run["source"]
    loaded = store.load_records(db, ["2024-06-batch"])
    _, _, june = runs["june"]
    assert len(loaded) == len(june)
    by_id = {r["case_id"]: r for r in june}
    for record in loaded:
        original = by_id[record["case_id"]]
        assert {k: record[k] for k in original} == json.loads(json.dumps(original))
        assert record["run_id"] == "2024-06-batch" and record["case_key"] == store.case_key(original)
    assert len(store.load_records(db)) == len(june) + len(runs["may"][2])
    assert store.load_records(db, []) == []


def test_case_key_prefers_number_then_hash_then_id():
    assert store.case_key({"case_number": "杭西卫医罚〔2023〕12号", "content_hash": "ab", "case_id": "x"}) == "杭西卫医罚〔2023〕12号"
    assert store.case_key({"case_number": None, "content_hash": "ab", "case_id": "x"}) == "ab"
    assert store.case_key({"case_number": "", "content_hash": "", "case_id": "x"}) == "x"


def test_case_changes_after_a_reaudit(tmp_path, runs, sample_records, waived_record):
    """The waste case, re-audited after a waiver: +3 points, DOC002 now waived."""
    db = tmp_path / "h.sqlite"
    for name in ("may", "june"):
        _, run, records = runs[name]
        store.record_run(db, run, records)
    before = sample_records["ord-2024-waste"]
    key = before["case_number"]
    history = store.case_history(db, key)
    assert [a["run_id"] for a in history] == ["2024-05-batch", "2024-06-batch"]
    assert [a["score"] for a in history] == [before["score"], waived_record["score"]]
    fails = sum(1 for f in before["findings"] if f["status"] == "fail")
    assert [(a["n_fail"], a["n_waived"]) for a in history] == [(fails, 0), (fails - 1, 1)]
    changes = store.case_changes(db, key)
    assert changes["audits"] == 2 and changes["case_key"] == key
    doc002 = next(f for f in before["findings"] if f["rule"] == "DOC002")
    assert changes["score_delta"] == pytest.approx(waived_record["score"] - before["score"]) == pytest.approx(doc002["points"])
    assert changes["added"] == [] and changes["resolved"] == []
    assert [(f["rule"], f["previous_waived"], f["waived"]) for f in changes["changed"]] == [("DOC002", False, True)]
    assert not changes["rule_set_changed"]
    # the case id and the content hash find the same history
    assert store.case_changes(db, "ord-2024-waste")["score_delta"] == changes["score_delta"]
    assert len(store.case_history(db, before["content_hash"])) == 2


def test_case_changes_lists_added_and_resolved_findings(tmp_path, runs, sample_records):
    db = tmp_path / "h.sqlite"
    _, run, _ = runs["may"]
    waste = sample_records["ord-2024-waste"]
    store.record_run(db, run, [waste])
    fixed = copy.deepcopy(waste)
    gone = [f for f in fixed["findings"] if f["rule"] == "EVI002"]
    fixed["findings"] = [f for f in fixed["findings"] if f["rule"] != "EVI002"]
    new = {**gone[0], "rule": "DOC001", "title": "文号应一致", "document": "advance_notice", "page": 12}
    fixed["findings"].append(new)
    fixed["score"] = waste["score"] + 1.5
    store.record_run(db, {**run, "run_id": "later", "started": "2024-07-01T09:00:00+08:00", "rule_set_version": "other"},
                     [fixed])
    changes = store.case_changes(db, waste["case_number"])
    assert changes["score_delta"] == 1.5
    assert [f["rule"] for f in changes["added"]] == ["DOC001"]
    assert [f["rule"] for f in changes["resolved"]] == ["EVI002"]
    assert changes["changed"] == [] and changes["rule_set_changed"]


def test_single_audit_and_unknown_case(tmp_path, runs):
    db = tmp_path / "h.sqlite"
    _, run, records = runs["may"]
    store.record_run(db, run, records)
    one = store.case_changes(db, records[0]["case_number"])
    assert one["audits"] == 1 and one["previous"] is None and one["current"]["score"] == records[0]["score"]
    assert store.case_history(db, "no such case") == []
    assert store.case_changes(db, "no such case")["audits"] == 0


def test_readers_do_not_create_a_database(tmp_path):
    db = tmp_path / "none.sqlite"
    assert store.list_runs(db) == [] and store.load_records(db) == [] and store.case_history(db, "x") == []
    assert not db.exists()


def test_environment_variable_names_the_default_database(tmp_path, monkeypatch, runs):
    db = tmp_path / "env" / "history.sqlite"
    monkeypatch.setenv(store.ENV_VAR, str(db))
    _, run, records = runs["may"]
    store.record_run(None, run, records)
    assert db.is_file() and store.default_db_path() == db
    assert [r["run_id"] for r in store.list_runs()] == [run["run_id"]]


def test_default_database_is_under_reports(monkeypatch):
    monkeypatch.delenv(store.ENV_VAR, raising=False)
    assert store.default_db_path().as_posix() == "reports/history.sqlite"


def test_newer_schema_and_foreign_files_are_refused(tmp_path):
    newer = tmp_path / "newer.sqlite"
    store.schema_version(newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("INSERT INTO schema_version VALUES (99, 'later')")
    with pytest.raises(store.StoreError, match="schema version 99"):
        store.list_runs(newer)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database, just text" * 100)
    with pytest.raises(store.StoreError, match="not a valid history database"):
        store.list_runs(junk)


def test_duplicate_case_ids_and_missing_run_id_are_rejected(tmp_path, runs):
    _, run, records = runs["may"]
    with pytest.raises(ValueError, match="twice"):
        store.record_run(tmp_path / "h.sqlite", run, [records[0], records[0]])
    with pytest.raises(ValueError, match="run_id"):
        store.record_run(tmp_path / "h.sqlite", {}, records)


def _writer(db: str, prefix: str, run: dict, records: list[dict]) -> None:
    for i in range(6):
        store.record_run(db, {**run, "run_id": f"{prefix}-{i}"}, records)


def test_two_processes_writing_at_once(tmp_path, runs):
    db = str(tmp_path / "shared.sqlite")
    _, run, records = runs["may"]
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_writer, args=(db, p, run, records)) for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    assert _counts(db) == (12, 12 * len(records), 12 * sum(len(r["findings"]) for r in records))
