"""Trainer statistics, the data: batch output folders and the results history read into one
dataset of runs and flat case records; what counts as a defect and how a finding or case is grouped.

Input is the flat case records of ``audit.report.records.case_record``, read from batch
output folders (``run.json`` + ``*/record.json``) and/or the results history database.
A *defect* (问题) is a ``fail`` finding that was not waived; ``needs_review`` findings
(待人工核查) are counted separately and never as defects.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit import labels
from audit.stats import store

GROUPINGS = ("rule", "dimension", "unit", "officer", "month", "document")
TRENDS = ("run", "month")
FORMATS = ("text", "csv", "xlsx", "html")
BY_NAMES = {"rule": "评查规则", "dimension": "评查维度", "unit": "办案单位", "officer": "执法人员",
            "month": "决定月份", "document": "文书"}
SEVERITY_NAMES = labels.names(labels.SEVERITY)
UNKNOWN = {"unit": "未识别办案单位", "officer": "未识别执法人员", "month": "日期不详", "document": "未定位文书",
           "dimension": "未分维度"}
FINDING_GROUPS = ("rule", "dimension", "document")  # grouped per finding; the others per case
PIVOT_ROWS = 8


class StatsError(Exception):
    """Nothing to compute from, or an input that cannot be read."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


# ---------------------------------------------------------------- data


@dataclass(slots=True)
class Dataset:
    """Runs (oldest first) and their case records, each record carrying ``run_id`` and ``case_key``."""

    runs: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StatsError(f"无法读取 {path}（{exc}）", f"cannot read {path} ({exc})") from exc


def _run_order(run: dict[str, Any]) -> tuple[str, str]:
    return (str(run.get("started") or "9999"), str(run.get("run_id")))


def load_folder(folder: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One batch output folder: its ``run.json`` (or a run named after the folder) and records."""
    folder = Path(folder)
    run_file = folder / "run.json"
    run = _read_json(run_file) if run_file.is_file() else {}
    run = {"run_id": run.get("run_id") or folder.name, "source": run.get("source"), **run, "output": str(folder)}
    listed = run.get("cases")
    paths = ([folder / str(c) / "record.json" for c in listed] if isinstance(listed, list)
             else sorted(folder.glob("*/record.json")))
    records = []
    for path in paths:
        if path.is_file():  # a case that could not be audited has no record
            record = _read_json(path)
            record.setdefault("case_id", path.parent.name)
            records.append(record)
    return run, records


def _run_folders(path: Path) -> list[Path]:
    """``path`` itself when it is a batch output folder, else its sub-folders that are."""
    if (path / "run.json").is_file() or any(path.glob("*/record.json")):
        return [path]
    return sorted(p for p in path.iterdir() if p.is_dir() and (p / "run.json").is_file())


def load_dataset(results: Iterable[str | os.PathLike[str]] = (), db_path: str | os.PathLike[str] | None = None,
                 run_ids: Iterable[str] | None = None) -> Dataset:
    """Gather runs from batch folders and/or history databases (a ``.sqlite``/``.db`` RESULTS
    path is read as a database). A run found in a folder replaces the same run id from a database."""
    folders, dbs = [], [Path(db_path)] if db_path else []
    for item in map(Path, results):
        if item.is_file() and item.suffix.lower() in (".sqlite", ".sqlite3", ".db"):
            dbs.append(item)
        elif item.is_dir():
            found = _run_folders(item)
            if not found:
                raise StatsError(f"文件夹中没有评查结果（run.json 或 */record.json）：{item}",
                                 f"no audit results (run.json or */record.json) in {item}")
            folders.extend(found)
        else:
            raise StatsError(f"找不到评查结果：{item}", f"results not found: {item}")
    runs: dict[str, dict[str, Any]] = {}
    by_run: dict[str, list[dict[str, Any]]] = {}
    for db in dbs:
        if not db.is_file():
            raise StatsError(f"评查历史库不存在：{db}", f"no history database at {db}")
        stored = {r["run_id"]: r for r in store.list_runs(db)}
        for record in store.load_records(db):
            by_run.setdefault(record["run_id"], []).append(record)
            runs[record["run_id"]] = stored[record["run_id"]]
    for folder in folders:
        run, records = load_folder(folder)
        runs[run["run_id"]] = run
        by_run[run["run_id"]] = records
    wanted = set(run_ids) if run_ids else None
    ordered = sorted((r for r in runs.values() if wanted is None or r["run_id"] in wanted), key=_run_order)
    data = Dataset(runs=[_run_summary(r) for r in ordered])
    for run in ordered:
        for record in by_run.get(run["run_id"], []):
            data.records.append({**record, "run_id": run["run_id"], "case_key": store.case_key(record)})
    return data


def _run_summary(run: dict[str, Any]) -> dict[str, Any]:
    keys = ("run_id", "name", "output", "started", "finished", "rule_set_version", "profile", "standard", "source")
    return {k: run.get(k) for k in keys}


def latest_audits(data: Dataset) -> list[dict[str, Any]]:
    """Each case once: its audit in the latest run that holds it."""
    latest: dict[str, dict[str, Any]] = {}
    for record in data.records:  # oldest run first, so later ones win
        latest[record["case_key"]] = record
    return list(latest.values())


# ---------------------------------------------------------------- counting


def defects(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's defects: fail findings not waived."""
    return [f for f in record.get("findings") or [] if f.get("status") == "fail" and not f.get("waived")]


def reviews(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's findings awaiting a manual check (not waived)."""
    return [f for f in record.get("findings") or [] if f.get("status") == "needs_review" and not f.get("waived")]


def case_month(record: dict[str, Any]) -> str | None:
    """YYYY-MM of the decision date, else of the closing or filing date."""
    for name in ("decided", "closed", "filed"):
        value = record.get(name)
        if value and len(str(value)) >= 7:
            return str(value)[:7]
    return None


def _names() -> dict[str, str]:
    from audit.parse.segment import type_names

    return type_names()


def finding_group(by: str, f: dict[str, Any]) -> str:
    if by == "rule":
        return str(f.get("rule"))
    if by == "dimension":
        return f.get("dimension") or UNKNOWN["dimension"]
    return _names().get(f["document"], f["document"]) if f.get("document") else UNKNOWN["document"]


def case_groups(by: str, record: dict[str, Any]) -> list[str]:
    """The groups a case belongs to (a case counts once for each of its officers)."""
    if by == "unit":
        return [record.get("agency") or UNKNOWN["unit"]]
    if by == "officer":
        return list(dict.fromkeys(record.get("officers") or [])) or [UNKNOWN["officer"]]
    return [case_month(record) or UNKNOWN["month"]]


