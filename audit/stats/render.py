"""Trainer statistics, the outputs: text, CSV, XLSX and (through ``audit.stats.charts``) HTML."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from audit.atomic import write_via
from audit.stats.dataset import BY_NAMES, StatsError
from audit.stats.tables import Stats, Table, cell_text, pad_text, text_width

# ---------------------------------------------------------------- rendering



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


def _write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    return write_via(path, lambda p: p.write_text(text, encoding=encoding, newline=""))


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
    """One sheet per table (the one XLSX writer, :mod:`audit.report.xlsx`)."""
    from audit.report.xlsx import Sheet, write_sheets

    sheets = []
    for table in stats.tables:
        formats = {j: f for j, c in enumerate(table.columns)
                   if (f := {"pct": "0.0%", "float": "0.##", "int": "0"}.get(c.kind))}
        sheets.append(Sheet(SHEET_NAMES[table.name].format(by=BY_NAMES[stats.by]), [c.title for c in table.columns],
                            [[row.get(c.key) for c in table.columns] for row in table.rows], formats, note=table.note))
    return write_sheets(path, sheets)


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
        if fmt not in WRITERS:
            raise ValueError(f"unknown format {fmt!r}")
        if fmt == "text" and out is None:
            printed = stats_text(stats)
            continue
        target = out if target_file else None
        written += WRITERS[fmt](stats, folder, target)
    return written, printed


def _text_out(stats: Stats, folder: Path, target: Path | None) -> list[Path]:
    return [_write_text(target or folder / "stats.txt", stats_text(stats))]


def _xlsx_out(stats: Stats, folder: Path, target: Path | None) -> list[Path]:
    return [write_xlsx(stats, target or folder / "stats.xlsx")]


def _html_out(stats: Stats, folder: Path, target: Path | None) -> list[Path]:
    from audit.stats.charts import write_html

    return write_html(stats, target or folder / "stats.html")


# one writer per output format: (stats, folder, file named by -o or None) → files written
WRITERS = {"text": _text_out, "csv": lambda stats, folder, target: write_csv(stats, folder, target),
           "xlsx": _xlsx_out, "html": _html_out}
