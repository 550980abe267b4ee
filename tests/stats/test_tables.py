"""Statistics over real case records: every grouping checked against counts made here."""

from __future__ import annotations

from collections import defaultdict

import pytest

from audit.parse.segment import type_names
from audit.stats import StatsError, compute, load_dataset, store


@pytest.fixture(scope="module")
def data(runs):
    return load_dataset([runs["base"]])


def _latest(runs) -> list[dict]:
    """Each case once, from the latest run that holds it (June over May)."""
    june = runs["june"][2]
    keys = {store.case_key(r) for r in june}
    return june + [r for r in runs["may"][2] if store.case_key(r) not in keys]


def _fails(r):
    return [f for f in r["findings"] if f["status"] == "fail" and not f["waived"]]


def _reviews(r):
    return [f for f in r["findings"] if f["status"] == "needs_review" and not f["waived"]]


def _rows(stats) -> dict[str, dict]:
    return {r["group"]: r for r in stats.groups.rows}


def test_dataset_from_a_folder_of_runs(data, runs):
    assert [r["run_id"] for r in data.runs] == ["2024-05-batch", "2024-06-batch"]
    assert len(data.records) == len(runs["may"][2]) + len(runs["june"][2])
    assert {r["run_id"] for r in data.records} == {"2024-05-batch", "2024-06-batch"}


def test_the_samples_give_defects_to_count(runs):
    latest = _latest(runs)
    assert sum(len(_fails(r)) for r in latest) >= 3
    assert sum(len(_reviews(r)) for r in latest) >= 2
    assert any(f["waived"] for r in latest for f in r["findings"])
    assert len({r["agency"] for r in latest}) == 3


def test_by_rule_matches_an_independent_count(data, runs):
    latest = _latest(runs)
    stats = compute(data, by="rule")
    assert stats.cases == len(latest) == 6
    rows = _rows(stats)
    fails, files, reviews, review_files, waived = (defaultdict(int) for _ in range(5))
    for r in latest:
        for f in r["findings"]:
            if f["waived"]:
                waived[f["rule"]] += 1
            elif f["status"] == "fail":
                fails[f["rule"]] += 1
            elif f["status"] == "needs_review":
                reviews[f["rule"]] += 1
        for rule in {f["rule"] for f in _fails(r)}:
            files[rule] += 1
        for rule in {f["rule"] for f in _reviews(r)}:
            review_files[rule] += 1
    assert set(rows) == set(fails) | set(reviews) | set(waived)
    for rule, row in rows.items():
        assert (row["fails"], row["files"], row["reviews"], row["review_files"], row["waived"]) == (
            fails[rule], files[rule], reviews[rule], review_files[rule], waived[rule]), rule
        assert row["share"] == pytest.approx(files[rule] / len(latest), abs=1e-4)
    # the most frequent defect comes first
    top = max(files.values())
    assert stats.groups.rows[0]["files"] == top
    assert rows["DOC002"]["waived"] == 1 and rows["DOC002"]["severity"] == "重要"


def test_by_dimension(data, runs):
    latest = _latest(runs)
    rows = _rows(compute(data, by="dimension"))
    for dim, row in rows.items():
        hit = [r for r in latest if any(f["dimension"] == dim for f in _fails(r))]
        assert row["files"] == len(hit)
        assert row["fails"] == sum(1 for r in latest for f in _fails(r) if f["dimension"] == dim)
        assert row["points"] == pytest.approx(sum(f["points"] for r in latest for f in _fails(r) if f["dimension"] == dim))
        scores = [r["by_dimension"][dim] for r in latest if dim in r["by_dimension"]]
        assert row["mean_score"] == pytest.approx(sum(scores) / len(scores), abs=0.01)


def test_by_unit(data, runs):
    latest = _latest(runs)
    rows = _rows(compute(data, by="unit", min_cases=1))
    assert set(rows) == {r["agency"] for r in latest}
    for unit, row in rows.items():
        mine = [r for r in latest if r["agency"] == unit]
        assert row["cases"] == len(mine)
        assert row["mean_score"] == pytest.approx(sum(r["score"] for r in mine) / len(mine), abs=0.01)
        assert row["fails"] == sum(len(_fails(r)) for r in mine)
        assert row["files"] == sum(1 for r in mine if _fails(r))
        assert row["share"] == pytest.approx(row["files"] / len(mine), abs=1e-4)
        assert row["reviews"] == sum(len(_reviews(r)) for r in mine)


def test_by_officer_counts_a_case_for_each_officer(data, runs):
    latest = _latest(runs)
    rows = _rows(compute(data, by="officer", min_cases=1, names=True))
    names = {o for r in latest for o in r["officers"]}
    assert set(rows) == names
    for name in names:
        mine = [r for r in latest if name in r["officers"]]
        assert rows[name]["cases"] == len(mine)
        assert rows[name]["fails"] == sum(len(_fails(r)) for r in mine)
    assert sum(row["cases"] for row in rows.values()) == sum(len(r["officers"]) for r in latest)


def test_by_month_uses_the_decision_date(data, runs):
    latest = _latest(runs)
    stats = compute(data, by="month")
    months = [r["group"] for r in stats.groups.rows]
    assert months == sorted({r["decided"][:7] for r in latest})
    for month, row in _rows(stats).items():
        mine = [r for r in latest if r["decided"].startswith(month)]
        assert (row["cases"], row["fails"], row["files"]) == (len(mine), sum(len(_fails(r)) for r in mine),
                                                              sum(1 for r in mine if _fails(r)))


def test_by_document_names_the_documents_in_chinese(data, runs):
    latest = _latest(runs)
    rows = _rows(compute(data, by="document"))
    names = type_names()
    for r in latest:
        for f in _fails(r):
            assert (names[f["document"]] if f["document"] else "未定位文书") in rows
    decision = rows[names["decision"]]
    assert decision["code"] == "decision"
    assert decision["fails"] == sum(1 for r in latest for f in _fails(r) if f["document"] == "decision")
    assert decision["files"] == sum(1 for r in latest if any(f["document"] == "decision" for f in _fails(r)))


def test_all_audits_counts_every_run(data, runs):
    every = runs["may"][2] + runs["june"][2]
    stats = compute(data, by="rule", all_audits=True)
    assert stats.cases == len(every) == 8
    assert _rows(stats)["EVI002"]["files"] == sum(1 for r in every if any(f["rule"] == "EVI002" for f in _fails(r)))
    assert compute(data, by="rule").cases == 6


def test_trend_between_runs(data, runs):
    stats = compute(data, by="rule", trend="run")
    assert [r["period"] for r in stats.trend_table.rows] == ["2024-05-06 09:00", "2024-06-05 09:00"]  # when, not the id
    for row, name in zip(stats.trend_table.rows, ("may", "june"), strict=True):
        records = runs[name][2]
        assert row["cases"] == len(records)
        assert row["mean_score"] == pytest.approx(sum(r["score"] for r in records) / len(records), abs=0.01)
        assert row["fails"] == sum(len(_fails(r)) for r in records)
        assert row["share"] == pytest.approx(sum(1 for r in records if _fails(r)) / len(records), abs=1e-4)
        assert row["rule_set"] == runs[name][1]["rule_set_version"]
    pivot = {r["group"]: r for r in stats.pivot.rows}
    for i, name in enumerate(("may", "june")):
        records = runs[name][2]
        expected = sum(1 for r in records if any(f["rule"] == "DOC002" for f in _fails(r))) / len(records)
        assert pivot["DOC002"][f"p{i}"] == pytest.approx(expected, abs=1e-4)
    # the waiver in June took DOC002 off the waste case
    assert pivot["DOC002"]["p1"] < pivot["DOC002"]["p0"]


def test_unit_trend_leaves_a_gap_where_a_unit_had_no_case(data):
    stats = compute(data, by="unit", trend="run", min_cases=1)
    pivot = {r["group"]: r for r in stats.pivot.rows}
    assert pivot["杭州市西湖区卫生健康局"]["p1"] is None
    assert pivot["宁波市鄞州区卫生健康局"]["p1"] == 1.0


def test_monthly_trend(data, runs):
    stats = compute(data, by="rule", trend="month")
    latest = _latest(runs)
    assert [r["period"] for r in stats.trend_table.rows] == sorted({r["decided"][:7] for r in latest})
    assert sum(r["cases"] for r in stats.trend_table.rows) == len(latest)
    month_by_month = compute(data, by="month", trend="month")
    assert month_by_month.trend_table is None and month_by_month.pivot is None


def test_history_database_gives_the_same_numbers(tmp_path, data, runs):
    db = tmp_path / "h.sqlite"
    for name in ("may", "june"):
        _, run, records = runs[name]
        store.record_run(db, run, records)
    from_db = load_dataset(db_path=db)
    for by in ("rule", "unit", "document"):
        assert compute(from_db, by=by).groups.rows == compute(data, by=by).groups.rows
    only_may = load_dataset(db_path=db, run_ids=["2024-05-batch"])
    assert compute(only_may).cases == len(runs["may"][2])


def test_a_folder_run_replaces_the_same_run_in_the_database(tmp_path, runs):
    db = tmp_path / "h.sqlite"
    _, run, records = runs["may"]
    store.record_run(db, run, records[:1])
    mixed = load_dataset([runs["may"][0]], db_path=db)
    assert len(mixed.records) == len(records)


def test_nothing_to_count(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(StatsError):
        load_dataset([empty])
    with pytest.raises(StatsError):
        load_dataset([tmp_path / "missing"])
    with pytest.raises(StatsError):
        compute(load_dataset(db_path=None))
