"""Trainer statistics, the tables: counts per group, overview, trend and pivot, and how a cell reads."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from audit.stats.dataset import (
    BY_NAMES,
    FINDING_GROUPS,
    GROUPINGS,
    PIVOT_ROWS,
    SEVERITY_NAMES,
    TRENDS,
    UNKNOWN,
    Dataset,
    StatsError,
    case_groups,
    case_month,
    defects,
    finding_group,
    latest_audits,
    reviews,
)


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


def run_label(run: dict[str, Any]) -> str:
    """A run as a reader names it: its name (``audit batch --name``), else when it started
    (run ids are long and alike, and overlap on a chart's axis)."""
    return str(run.get("name") or _short_time(run.get("started")) or run["run_id"])


def _periods(data: Dataset, records: list[dict[str, Any]], trend: str) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(key, label, records) per run (in run order) or per month (chronological)."""
    if trend == "run":
        by_run: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in data.records:
            by_run[r["run_id"]].append(r)
        return [(run["run_id"], run_label(run), by_run[run["run_id"]]) for run in data.runs if by_run[run["run_id"]]]
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
            row[f"p{i}"] = group_share(by, r.get("_key", r["group"]), records)
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


MIN_GROUP_CASES = 5  # a unit or officer with fewer cases is not shown: a share of 1/1 says nothing
PEOPLE_GROUPS = ("unit", "officer")


def hide_small_groups(by: str, rows: list[dict[str, Any]], min_cases: int, names: bool) -> tuple[list, str]:
    """Rows of units and officers with at least ``min_cases`` cases; officers named only when
    ``names`` (else 执法人员1, 2 … in the table's order). Returns the rows and a note."""
    if by not in PEOPLE_GROUPS:
        return rows, ""
    known = UNKNOWN[by]
    kept = [r for r in rows if r["cases"] >= min_cases]
    hidden = len(rows) - len(kept)
    note = (f"案卷数少于 {min_cases} 件的{BY_NAMES[by]}（{hidden} 个）未单列，以免以个别案卷评价。"
            if hidden else "")
    if by == "officer" and not names:
        for i, row in enumerate((r for r in kept if r["group"] != known), start=1):
            row["_key"], row["group"] = row["group"], f"执法人员{i}"  # the name stays internal
        note += "执法人员以编号显示；需要显示姓名时加 --names。"
    return kept, note


def compute(data: Dataset, by: str = "rule", trend: str = "run", all_audits: bool = False,
            min_cases: int = MIN_GROUP_CASES, names: bool = False) -> Stats:
    """All tables for one grouping. Groups count each case once (its latest audit) unless
    ``all_audits``; the run trend always compares every run's own cases. Units and officers
    with fewer than ``min_cases`` cases are left out; officers are named only when ``names``."""
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}")
    if trend not in TRENDS:
        raise ValueError(f"unknown trend {trend!r}")
    if not data.records:
        raise StatsError("没有可统计的案卷记录", "no case records to compute statistics from")
    records = list(data.records) if all_audits else latest_audits(data)
    rows, hidden_note = hide_small_groups(by, group_rows(by, records), min_cases, names)
    note = "“问题”指评查结论为不符合且未豁免的条目；待人工核查条目单独统计，不计为问题。"
    if by in FINDING_GROUPS:
        note += "比例 = 涉及案卷数 ÷ 统计案卷总数。"
    else:
        note += f"比例 = 该{BY_NAMES[by]}有问题案卷数 ÷ 其案卷数。"
    if by == "officer":
        note += "一个案卷由多名执法人员承办的，分别计入每名执法人员。"
    note += hidden_note
    groups = Table("groups", f"按{BY_NAMES[by]}统计", group_columns(by), rows, note=note)
    periods = _periods(data, records, trend)
    same = by == "month" and trend == "month"  # the grouping table already is the monthly trend
    return Stats(by=by, trend=trend, all_audits=all_audits, runs=data.runs, cases=len(records), groups=groups,
                 overview=_overview(data, records, all_audits),
                 trend_table=None if same else _trend_table(data, periods, trend),
                 pivot=None if same else _pivot(by, rows, periods), periods=[label for _, label, _ in periods])

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
