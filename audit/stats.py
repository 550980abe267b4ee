"""Trainer statistics over audited cases: the most frequent defects, their share of files,
grouped by rule, dimension, handling unit, officer, month or document, and their trend
between runs or months.

Input is the flat case records of ``audit.report.records.case_record``, read from batch
output folders (``run.json`` + ``*/record.json``) and/or the results history database.
A *defect* (问题) is a ``fail`` finding that was not waived; ``needs_review`` findings
(待人工核查) are counted separately and never as defects.
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from audit import store
from audit.atomic import write_via

GROUPINGS = ("rule", "dimension", "unit", "officer", "month", "document")
TRENDS = ("run", "month")
FORMATS = ("text", "csv", "xlsx", "html")
BY_NAMES = {"rule": "评查规则", "dimension": "评查维度", "unit": "办案单位", "officer": "执法人员",
            "month": "决定月份", "document": "文书"}
SEVERITY_NAMES = {"veto": "否决项", "major": "重要", "minor": "一般", "advice": "建议"}
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
    run = {"run_id": run.get("run_id") or folder.name, "source": run.get("source"), **run}
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
    keys = ("run_id", "started", "finished", "rule_set_version", "profile", "standard", "source")
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


def _rule_label(f: dict[str, Any]) -> str:
    return f"{f.get('rule')} {f.get('title') or ''}".strip()


def _top(findings: list[dict[str, Any]]) -> str:
    if not findings:
        return ""
    counts = Counter(f["rule"] for f in findings)
    rule, n = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return f"{_rule_label(next(f for f in findings if f['rule'] == rule))}（{n}）"


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


# ---------------------------------------------------------------- tables


@dataclass(slots=True)
class Column:
    key: str
    title: str
    kind: str = "text"  # text | int | float | pct


@dataclass(slots=True)
class Table:
    name: str
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    note: str = ""


@dataclass(slots=True)
class Stats:
    by: str
    trend: str
    all_audits: bool
    runs: list[dict[str, Any]]
    cases: int
    groups: Table
    overview: Table
    trend_table: Table | None
    pivot: Table | None
    periods: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [t for t in (self.overview, self.groups, self.trend_table, self.pivot) if t is not None]


def _finding_rows(by: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    total = len(records)
    acc: dict[str, dict[str, Any]] = defaultdict(lambda: {"fails": 0, "files": set(), "reviews": 0,
                                                          "review_files": set(), "waived": 0, "points": 0.0,
                                                          "rules": set(), "found": []})
    dim_scores: dict[str, list[float]] = defaultdict(list)
    for i, record in enumerate(records):
        for f in record.get("findings") or []:
            a = acc[finding_group(by, f)]
            a.setdefault("sample", f)
            if f.get("waived"):
                a["waived"] += 1
            elif f.get("status") == "fail":
                a["fails"] += 1
                a["files"].add(i)
                a["points"] += float(f.get("points") or 0)
                a["rules"].add(f["rule"])
                a["found"].append(f)
            elif f.get("status") == "needs_review":
                a["reviews"] += 1
                a["review_files"].add(i)
        if by == "dimension":
            for dim, value in (record.get("by_dimension") or {}).items():
                if value is not None:
                    dim_scores[dim].append(float(value))
    rows = []
    for key, a in acc.items():
        if not (a["fails"] or a["reviews"] or a["waived"]):
            continue
        row = {"group": key, "fails": a["fails"], "files": len(a["files"]), "share": _share(len(a["files"]), total),
               "reviews": a["reviews"], "review_files": len(a["review_files"]),
               "review_share": _share(len(a["review_files"]), total), "waived": a["waived"],
               "points": round(a["points"], 2)}
        sample = a["sample"]
        if by == "rule":
            row.update(title=sample.get("title") or "", dimension=sample.get("dimension") or "",
                       severity=SEVERITY_NAMES.get(sample.get("severity"), sample.get("severity") or ""))
        elif by == "dimension":
            row.update(rules=len(a["rules"]), mean_score=_mean(dim_scores.get(key, [])))
        else:
            row.update(code=sample.get("document") or "", top=_top(a["found"]))
        rows.append(row)
    rows.sort(key=lambda r: (-r["files"], -r["fails"], -r["review_files"], -r["reviews"], r["group"]))
    return rows


def _case_rows(by: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        for g in case_groups(by, record):
            members[g].append(record)
    rows = [dict(group=g, **_case_figures(rs)) for g, rs in members.items()]
    if by == "month":
        rows.sort(key=lambda r: (r["group"] == UNKNOWN["month"], r["group"]))
    else:
        rows.sort(key=lambda r: (-(r["share"] or 0), -(r["per_case"] or 0), -r["cases"], r["group"]))
    return rows


def _case_figures(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Cases, scores, defects and manual checks of a set of case records."""
    found = [f for r in records for f in defects(r)]
    scores = [float(r["score"]) for r in records if r.get("score") is not None]
    files = sum(1 for r in records if defects(r))
    return {
        "cases": len(records), "mean_score": _mean(scores), "min_score": min(scores) if scores else None,
        "vetoed": sum(1 for r in records if r.get("vetoed")), "fails": len(found),
        "per_case": round(len(found) / len(records), 2) if records else None, "files": files,
        "share": _share(files, len(records)), "reviews": sum(len(reviews(r)) for r in records),
        "review_files": sum(1 for r in records if reviews(r)), "top": _top(found),
    }


_SHARED = [Column("fails", "问题数", "int"), Column("files", "涉及案卷数", "int"), Column("share", "占案卷比例", "pct"),
           Column("reviews", "待核查数", "int"), Column("review_files", "待核查案卷数", "int"),
           Column("review_share", "待核查案卷比例", "pct")]
_CASE_COLUMNS = [Column("cases", "案卷数", "int"), Column("mean_score", "平均分", "float"),
                 Column("min_score", "最低分", "float"), Column("vetoed", "否决案卷数", "int"),
                 Column("fails", "问题数", "int"), Column("per_case", "每卷问题数", "float"),
                 Column("files", "有问题案卷数", "int"), Column("share", "问题案卷比例", "pct"),
                 Column("reviews", "待核查数", "int"), Column("review_files", "待核查案卷数", "int"),
                 Column("top", "最常见问题（次数）")]


def group_columns(by: str) -> list[Column]:
    if by == "rule":
        return [Column("group", "规则代码"), Column("title", "问题名称"), Column("dimension", "评查维度"),
                Column("severity", "严重程度"), *_SHARED, Column("waived", "已豁免数", "int"),
                Column("points", "扣分合计", "float")]
    if by == "dimension":
        return [Column("group", "评查维度"), *_SHARED, Column("rules", "涉及规则数", "int"),
                Column("points", "扣分合计", "float"), Column("mean_score", "维度平均得分", "float"),
                Column("waived", "已豁免数", "int")]
    if by == "document":
        return [Column("group", "文书"), Column("code", "文书类型代码"), *_SHARED,
                Column("top", "最常见问题（次数）"), Column("waived", "已豁免数", "int")]
    return [Column("group", BY_NAMES[by]), *_CASE_COLUMNS]


def group_rows(by: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per group: defects, the files they touch and their share, manual checks."""
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}")
    return _finding_rows(by, records) if by in FINDING_GROUPS else _case_rows(by, records)


def _periods(data: Dataset, records: list[dict[str, Any]], trend: str) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(key, label, records) per run (in run order) or per month (chronological)."""
    if trend == "run":
        by_run: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in data.records:
            by_run[r["run_id"]].append(r)
        return [(run["run_id"], run["run_id"], by_run[run["run_id"]]) for run in data.runs if by_run[run["run_id"]]]
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_month[case_month(r) or UNKNOWN["month"]].append(r)
    keys = sorted(by_month, key=lambda m: (m == UNKNOWN["month"], m))
    return [(m, m, by_month[m]) for m in keys]


def _trend_table(data: Dataset, periods: list[tuple[str, str, list[dict[str, Any]]]], trend: str) -> Table:
    runs = {r["run_id"]: r for r in data.runs}
    rows = []
    for key, label, records in periods:
        row = {"period": label, **_case_figures(records)}
        if trend == "run":
            run = runs[key]
            row.update(started=_short_time(run.get("started")), rule_set=run.get("rule_set_version") or "")
        rows.append(row)
    first = [Column("period", "评查批次"), Column("started", "评查时间"), Column("rule_set", "规则集版本")] \
        if trend == "run" else [Column("period", "决定月份")]
    title = "各评查批次对比" if trend == "run" else "按月趋势"
    return Table("trend", title, first + _CASE_COLUMNS, rows,
                 note="每个批次按其本批次评查的全部案卷计算。" if trend == "run"
                 else "按处罚决定日期（缺失时依次取结案、立案日期）所在月份归集。")


def _pivot(by: str, rows: list[dict[str, Any]], periods: list[tuple[str, str, list[dict[str, Any]]]]) -> Table | None:
    """The share of files with a defect, per top group and period."""
    if len(periods) < 2 or not rows:
        return None
    top = [r for r in rows if r.get("files")][:PIVOT_ROWS]
    if not top:
        return None
    columns = [Column("group", BY_NAMES[by])]
    if by == "rule":
        columns.append(Column("title", "问题名称"))
    columns += [Column(f"p{i}", label, "pct") for i, (_, label, _) in enumerate(periods)]
    out = []
    for r in top:
        row: dict[str, Any] = {"group": r["group"]}
        if by == "rule":
            row["title"] = r.get("title", "")
        for i, (_, _, records) in enumerate(periods):
            row[f"p{i}"] = group_share(by, r["group"], records)
        out.append(row)
    note = ("各期涉及该问题的案卷占该期案卷的比例。" if by in FINDING_GROUPS
            else f"各期该{BY_NAMES[by]}有问题案卷占其该期案卷的比例；“—”表示该期无案卷。")
    return Table("pivot", f"主要{BY_NAMES[by]}问题比例变化", columns, out, note=note)


def group_share(by: str, group: str, records: list[dict[str, Any]]) -> float | None:
    """Share of ``records`` with a defect in ``group`` (finding groups) or, for case groups,
    share of the group's own records that have any defect (None when it has none)."""
    if by in FINDING_GROUPS:
        hit = sum(1 for r in records if any(finding_group(by, f) == group for f in defects(r)))
        return _share(hit, len(records))
    mine = [r for r in records if group in case_groups(by, r)]
    return _share(sum(1 for r in mine if defects(r)), len(mine))


def _short_time(value: Any) -> str:
    if not value:
        return ""
    try:
        return datetime.fromisoformat(str(value)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(value)


def _overview(data: Dataset, records: list[dict[str, Any]], all_audits: bool) -> Table:
    fig = _case_figures(records)
    waived = sum(1 for r in records for f in r.get("findings") or [] if f.get("waived"))
    starts = [s for s in (_short_time(r.get("started"))[:10] for r in data.runs) if s]
    versions = sorted({r.get("rule_set_version") or "" for r in data.runs} - {""})
    items = [
        ("评查批次数", len(data.runs)),
        ("评查时间范围", f"{min(starts)} 至 {max(starts)}" if starts else "—"),
        ("规则集版本", "、".join(versions) or "—"),
        ("统计口径", "每次评查均计入" if all_audits else "同一案件多次评查的，取最近一次"),
        ("案卷数", fig["cases"]),
        ("平均分", fig["mean_score"] if fig["mean_score"] is not None else "—"),
        ("否决案卷数", fig["vetoed"]),
        ("问题数（不符合）", fig["fails"]),
        ("有问题案卷数", fig["files"]),
        ("问题案卷比例", _pct(fig["share"])),
        ("待人工核查数", fig["reviews"]),
        ("已豁免数", waived),
    ]
    return Table("overview", "总体情况", [Column("item", "项目"), Column("value", "数值")],
                 [{"item": k, "value": v} for k, v in items])


def compute(data: Dataset, by: str = "rule", trend: str = "run", all_audits: bool = False) -> Stats:
    """All tables for one grouping. Groups count each case once (its latest audit) unless
    ``all_audits``; the run trend always compares every run's own cases."""
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}")
    if trend not in TRENDS:
        raise ValueError(f"unknown trend {trend!r}")
    if not data.records:
        raise StatsError("没有可统计的案卷记录", "no case records to compute statistics from")
    records = list(data.records) if all_audits else latest_audits(data)
    rows = group_rows(by, records)
    note = "“问题”指评查结论为不符合且未豁免的条目；待人工核查条目单独统计，不计为问题。"
    if by in FINDING_GROUPS:
        note += "比例 = 涉及案卷数 ÷ 统计案卷总数。"
    else:
        note += f"比例 = 该{BY_NAMES[by]}有问题案卷数 ÷ 其案卷数。"
    if by == "officer":
        note += "一个案卷由多名执法人员承办的，分别计入每名执法人员。"
    groups = Table("groups", f"按{BY_NAMES[by]}统计", group_columns(by), rows, note=note)
    periods = _periods(data, records, trend)
    same = by == "month" and trend == "month"  # the grouping table already is the monthly trend
    return Stats(by=by, trend=trend, all_audits=all_audits, runs=data.runs, cases=len(records), groups=groups,
                 overview=_overview(data, records, all_audits),
                 trend_table=None if same else _trend_table(data, periods, trend),
                 pivot=None if same else _pivot(by, rows, periods), periods=[label for _, label, _ in periods])


# ---------------------------------------------------------------- rendering


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def cell_text(column: Column, value: Any) -> str:
    """A value as a user reads it in text, CSV and HTML."""
    if value is None or value == "":
        return "" if column.kind == "text" else "—"
    if column.kind == "pct":
        return _pct(value)
    if column.kind == "float":
        return f"{value:g}" if isinstance(value, int | float) else str(value)
    return str(value)


def text_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad_text(text: str, width: int, right: bool) -> str:
    space = " " * max(0, width - text_width(text))
    return space + text if right else text + space


def table_text(table: Table, limit: int | None = None) -> str:
    rows = table.rows if limit is None else table.rows[:limit]
    grid = [[c.title for c in table.columns]] + [[cell_text(c, r.get(c.key)) for c in table.columns] for r in rows]
    widths = [max(text_width(row[i]) for row in grid) for i in range(len(table.columns))]
    lines = [f"【{table.title}】"]
    for n, row in enumerate(grid):
        lines.append("  ".join(pad_text(v, w, n > 0 and c.kind != "text") for v, w, c in zip(row, widths, table.columns, strict=True)).rstrip())
    if limit is not None and len(table.rows) > limit:
        lines.append(f"（另有 {len(table.rows) - limit} 行未显示，完整内容见 CSV/XLSX 输出）")
    if not table.rows:
        lines.append("（无）")
    if table.note:
        lines.append(f"注：{table.note}")
    return "\n".join(lines)


def stats_text(stats: Stats, limit: int | None = 20) -> str:
    head = f"卫生健康行政处罚案卷评查统计（按{BY_NAMES[stats.by]}）"
    return "\n\n".join([head] + [table_text(t, None if t.name == "overview" else limit) for t in stats.tables]) + "\n"


CSV_NAMES = {"overview": "overview", "groups": "by-{by}", "trend": "trend-{trend}", "pivot": "pivot-{by}"}


def table_csv(table: Table) -> str:
    """CSV text (header in Chinese; percentages as numbers with "（%）" in the header)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([c.title + ("（%）" if c.kind == "pct" else "") for c in table.columns])
    for row in table.rows:
        out = []
        for c in table.columns:
            v = row.get(c.key)
            out.append("" if v is None else round(v * 100, 2) if c.kind == "pct" else v)
        writer.writerow(out)
    return buf.getvalue()


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    return write_via(path, write)


def _write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    return atomic_write(path, lambda p: p.write_text(text, encoding=encoding, newline=""))


def write_csv(stats: Stats, folder: Path, main: Path | None = None) -> list[Path]:
    """One UTF-8 (with BOM, for Excel) CSV per table; ``main`` names the grouping table's file."""
    out = []
    for table in stats.tables:
        name = CSV_NAMES[table.name].format(by=stats.by, trend=stats.trend)
        if main is not None:
            path = main if table.name == "groups" else main.with_name(f"{main.stem}-{name}.csv")
        else:
            path = folder / f"stats-{name}.csv"
        out.append(_write_text(path, table_csv(table), encoding="utf-8-sig"))
    return out


SHEET_NAMES = {"overview": "总体情况", "groups": "按{by}统计", "trend": "趋势", "pivot": "问题比例变化"}


def write_xlsx(stats: Stats, path: Path) -> Path:
    """One sheet per table: bold Chinese header, frozen, filtered, columns sized to content."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
    for table in stats.tables:
        ws = wb.create_sheet(SHEET_NAMES[table.name].format(by=BY_NAMES[stats.by])[:31])
        ws.append([c.title for c in table.columns])
        for cell in ws[1]:
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in table.rows:
            ws.append([row.get(c.key) for c in table.columns])
        for j, column in enumerate(table.columns, start=1):
            letter = get_column_letter(j)
            fmt = {"pct": "0.0%", "float": "0.##", "int": "0"}.get(column.kind)
            if fmt:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = fmt
            texts = [column.title] + [cell_text(column, r.get(column.key)) for r in table.rows]
            ws.column_dimensions[letter].width = min(60, max(8, max(text_width(t) for t in texts) + 2))
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(1, len(table.rows) + 1)}"
        if table.note:
            ws.cell(row=len(table.rows) + 3, column=1, value=f"注：{table.note}")
    return atomic_write(path, lambda p: wb.save(p))


def write_outputs(stats: Stats, formats: Iterable[str], out: Path | None) -> tuple[list[Path], str | None]:
    """Write the chosen formats; ``out`` is a folder, or a file whose suffix matches the one
    format asked for. Returns the files written and the text to print (text without ``-o``)."""
    formats = list(dict.fromkeys(formats)) or ["text"]
    suffixes = {"text": ".txt", "csv": ".csv", "xlsx": ".xlsx", "html": ".html"}
    target_file = out is not None and out.suffix.lower() in suffixes.values()
    if target_file and (len(formats) != 1 or suffixes[formats[0]] != out.suffix.lower()):
        raise StatsError(f"输出文件 {out} 的扩展名与格式 {'、'.join(formats)} 不符，请改为输出到文件夹",
                         f"output file {out} does not match format(s) {', '.join(formats)}; give a folder instead")
    folder = (out.parent if target_file else out) if out is not None else Path("reports") / "stats"
    written: list[Path] = []
    printed = None
    for fmt in formats:
        if fmt == "text":
            text = stats_text(stats)
            if out is None:
                printed = text
            else:
                written.append(_write_text(out if target_file else folder / "stats.txt", text))
        elif fmt == "csv":
            written += write_csv(stats, folder, out if target_file else None)
        elif fmt == "xlsx":
            written.append(write_xlsx(stats, out if target_file else folder / "stats.xlsx"))
        elif fmt == "html":
            from audit.stats_charts import write_html

            page = out if target_file else folder / "stats.html"
            written += write_html(stats, page)
        else:
            raise ValueError(f"unknown format {fmt!r}")
    return written, printed
