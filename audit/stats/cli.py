"""The ``audit stats`` and ``audit history`` commands (registered by ``audit.cli``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from audit import labels
from audit.stats import store
from audit.stats.dataset import FORMATS, GROUPINGS, TRENDS, StatsError, load_dataset
from audit.stats.render import write_outputs
from audit.stats.tables import MIN_GROUP_CASES, compute, pad_text, text_width

STATUS_NAMES = labels.names(labels.STATUS)


def _fail(zh: str, en: str, code: int = 2) -> None:
    click.echo(f"错误：{zh}\nError: {en}", err=True)
    sys.exit(code)


@click.command("stats")
@click.argument("results", nargs=-1, type=click.Path(path_type=Path))
@click.option("--by", type=click.Choice(GROUPINGS), default="rule", show_default=True,
              help="分组方式：规则、维度、办案单位、执法人员、月份、文书 / grouping.")
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
              help="评查历史库（未给出评查结果文件夹时默认 reports/history.sqlite 或 $AUDIT_HISTORY_DB）/ history database.")
@click.option("--run", "run_ids", multiple=True, help="只统计这些批次 / only these run ids.")
@click.option("--trend", type=click.Choice(TRENDS), default="run", show_default=True,
              help="趋势按评查批次或按决定月份 / trend between runs or months.")
@click.option("--all-audits", is_flag=True,
              help="同一案件多次评查的每次都计入（默认只计最近一次）/ count every audit of a re-audited case.")
@click.option("--all-runs", is_flag=True,
              help="统计历史库中的全部批次（默认只统计最近一次批次）/ every run in the history database (default: the latest run).")
@click.option("--min-cases", type=int, default=MIN_GROUP_CASES, show_default=True,
              help="按办案单位、执法人员统计时，案卷数少于此数的不单列 / units and officers with fewer cases are not shown.")
@click.option("--names", is_flag=True, help="显示执法人员姓名（默认以编号显示）/ name the officers (default: numbered).")
@click.option("--casebook", is_flag=True,
              help="另生成典型问题汇编（HTML 和 DOCX），每个问题链接到案卷报告和原文截图 / also write the "
                   "典型问题汇编 (HTML and DOCX): each rule with the cases and crops that show it.")
@click.option("--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help="输出格式，可重复（默认 text）/ output format, repeatable (default text).")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default=None,
              help="输出文件夹（默认 reports/stats；text 格式默认输出到屏幕），或与单一格式相符的文件 / output folder (default reports/stats; text goes to stdout), or a file matching the single format.")
def stats_command(results: tuple[Path, ...], by: str, db_path: Path | None, run_ids: tuple[str, ...], trend: str,
                  all_audits: bool, all_runs: bool, min_cases: int, names: bool, casebook: bool,
                  formats: tuple[str, ...], out: Path | None) -> None:
    """统计常见问题、所占案卷比例及变化趋势 / Trainer statistics over audit results.

    RESULTS are batch output folders (run.json and */record.json; a folder of such folders
    is read run by run) and/or history database files. Without RESULTS the latest run of the
    history database is read (--all-runs: every run, for trends).
    """
    if not results and db_path is None:
        db_path = store.default_db_path()
        if not db_path.is_file():
            _fail(f"未指定评查结果，且评查历史库不存在：{db_path}",
                  f"no RESULTS given and no history database at {db_path}")
    try:
        if not results and not run_ids and not all_runs:
            runs = store.list_runs(db_path)
            if runs:
                latest = runs[-1]
                run_ids = (latest["run_id"],)
                click.echo(f"统计最近一次批次：{latest.get('name') or latest['run_id']}（全部批次请加 --all-runs）"
                           f" / latest run only; --all-runs for every run", err=True)
        data = load_dataset(results, db_path, run_ids or None)
        stats = compute(data, by=by, trend=trend, all_audits=all_audits, min_cases=min_cases, names=names)
        written, printed = write_outputs(stats, formats or ("text",), out)
        if casebook:
            from audit.stats.casebook import write_casebook

            written += write_casebook(data, results, out or Path("reports") / "stats")
    except (StatsError, store.StoreError) as exc:
        _fail(exc.zh, exc.en)
    if printed is not None:
        click.echo(printed, nl=False)
    for path in written:
        click.echo(f"已写入 {path}", err=printed is not None)


def _time(value: Any) -> str:
    return str(value or "—").replace("T", " ")[:16]


def _score(value: Any) -> str:
    return "—" if value is None else f"{value:g}"


def _grid(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    grid = [header] + rows
    widths = [max(text_width(r[i]) for r in grid) for i in range(len(header))]
    return ["  ".join(pad_text(v, w, n > 0 and i in right) for i, (v, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for n, row in enumerate(grid)]


def runs_text(db: Path, runs: list[dict[str, Any]]) -> str:
    if not runs:
        return f"评查历史库中尚无评查记录：{db}"
    rows = [[r["run_id"], r.get("name") or "—", _time(r["started"]), str(r["case_count"]), _score(round(r["mean_score"], 2) if r["mean_score"] is not None else None),
             str(r["fails"]), str(r["needs_review"]), str(r["waived"]), r["rule_set_version"] or "—", r["profile"] or "—",
             r["source"] or "—"] for r in runs]
    header = ["评查批次", "名称", "开始时间", "案卷数", "平均分", "问题数", "待核查数", "已豁免", "规则集版本", "评查配置", "案卷来源"]
    return "\n".join([f"评查历史库：{db}（共 {len(runs)} 个批次）", ""] + _grid(header, rows, {3, 4, 5, 6, 7})
                     + ["", "注：问题数、待核查数不含已豁免的条目。"])


def _state(status: str, waived: bool) -> str:
    return STATUS_NAMES.get(status, status) + ("（已豁免）" if waived else "")


def _finding_line(f: dict[str, Any], changed: bool = False) -> str:
    from audit.parse.segment import type_names

    where = type_names().get(f["document"], f["document"]) if f.get("document") else "未定位文书"
    page = f" 第{f['page']}页" if f.get("page") else ""
    head = f"    - {f['rule']} {f.get('title') or ''}（{where}{page}）"
    if changed:
        before, after = _state(f["previous_status"], f["previous_waived"]), _state(f["status"], bool(f.get("waived")))
        return f"{head}：由“{before}”变为“{after}”"
    return f"{head}：{_state(f['status'], bool(f.get('waived')))}"


def case_text(history: list[dict[str, Any]], changes: dict[str, Any]) -> str:
    last = history[-1]
    head = f"案件：{changes['case_key']}（{last.get('party') or '当事人不详'}，{last.get('agency') or '办案单位不详'}），共评查 {len(history)} 次"
    rows = [[a["run_id"], _time(a["started"]), a["case_id"], _score(a["score"]), a["grade"] or "—",
             "是" if a["vetoed"] else "否", str(a["n_fail"]), str(a["n_needs_review"]), str(a["n_waived"]),
             a["rule_set_version"] or "—"] for a in history]
    lines = [head, ""] + _grid(["评查批次", "评查时间", "案卷", "得分", "等级", "否决", "问题数", "待核查数", "已豁免", "规则集版本"],
                               rows, {3, 6, 7, 8})
    lines.append("")
    prev, cur = changes["previous"], changes["current"]
    if prev is None:
        lines.append("仅有一次评查记录，暂无可比较的变化。")
        return "\n".join(lines)
    delta = changes["score_delta"]
    delta_text = "—" if delta is None else f"{delta:+g} 分"
    grade = f"，等级由“{prev['grade']}”变为“{cur['grade']}”" if changes["grade_changed"] else "，等级未变"
    lines.append(f"与上次评查（{prev['run_id']}）相比：得分 {delta_text}（{_score(prev['score'])} → {_score(cur['score'])}）{grade}。")
    if changes["rule_set_changed"]:
        lines.append(f"注意：两次评查所用规则集版本不同（{prev['rule_set_version']} → {cur['rule_set_version']}），部分变化可能源于规则调整。")
    for title, key in (("新增问题", "added"), ("已消除问题", "resolved"), ("状态变化", "changed")):
        items = changes[key]
        lines.append(f"  {title}（{len(items)} 条）" + ("：" if items else ""))
        lines += [_finding_line(f, changed=key == "changed") for f in items]
    return "\n".join(lines)


@click.command("history")
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
              help="评查历史库（默认 reports/history.sqlite 或 $AUDIT_HISTORY_DB）/ history database.")
@click.option("--case", "case", default=None, help="案件文号、内容哈希或案卷编号 / case number, content hash or case id.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def history_command(db_path: Path | None, case: str | None, fmt: str) -> None:
    """列出评查批次，或某一案件的历次评查及变化 / List audit runs, or one case's audits and what changed."""
    db = store.resolve_db_path(db_path)
    try:
        if case is None:
            runs = store.list_runs(db)
            if fmt == "json":
                click.echo(json.dumps(runs, ensure_ascii=False, indent=2))
            else:
                click.echo(runs_text(db, runs))
            return
        history = store.case_history(db, case)
        if not history:
            _fail(f"评查历史库 {db} 中没有案件“{case}”的记录", f"no audit of case {case!r} in {db}", code=1)
        changes = store.case_changes(db, case)
    except store.StoreError as exc:
        _fail(exc.zh, exc.en)
    if fmt == "json":
        click.echo(json.dumps({"history": history, "changes": changes}, ensure_ascii=False, indent=2))
    else:
        click.echo(case_text(history, changes))
