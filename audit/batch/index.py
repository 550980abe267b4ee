"""The batch's ``index.html``: every case with its grade, veto, defect counts and a link to
its report, sortable by any column (a few lines of inline script; works offline)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import quote

from audit import labels
from audit.atomic import write_atomic

COLUMNS = [("case", "案卷", "text"), ("number", "文号", "text"), ("party", "当事人", "text"),
           ("agency", "办案单位", "text"), ("score", "得分", "num"), ("grade", "等级", "text"),
           ("veto", "否决项", "text"), ("fail", "不符合", "num"), ("review", "待人工核查", "num"),
           ("state", "状态", "text")]

STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 24px;
       color: #1d1d1f; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 4px; } .muted { color: #666; font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin-top: 12px; }
th, td { border: 1px solid #ccc; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f3f0ec; cursor: pointer; white-space: nowrap; user-select: none; }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.veto td { background: #fbe9e9; } tr.error td { color: #a61b1b; }
.dup { margin-top: 16px; } .dup h2 { font-size: 16px; }
"""

SCRIPT = """
document.querySelectorAll("th").forEach((th, col) => th.addEventListener("click", () => {
  const body = th.closest("table").tBodies[0];
  const down = th.getAttribute("aria-sort") === "ascending";
  th.closest("tr").querySelectorAll("th").forEach(h => h.removeAttribute("aria-sort"));
  th.setAttribute("aria-sort", down ? "descending" : "ascending");
  const num = th.dataset.kind === "num";
  const key = tr => { const v = tr.cells[col].dataset.sort ?? tr.cells[col].textContent.trim();
                      return num ? (v === "" ? -Infinity : parseFloat(v)) : v; };
  const rows = [...body.rows].sort((a, b) => { const x = key(a), y = key(b);
    const c = num ? x - y : String(x).localeCompare(String(y), "zh-CN"); return down ? -c : c; });
  rows.forEach(r => body.appendChild(r));
}));
"""


def _row(record: dict[str, Any] | None, case_id: str, error: str | None) -> dict[str, Any]:
    if record is None:
        return {"case": case_id, "state": "无法审查：" + (error or "").split(" / ", 1)[0], "error": True}
    counts = record.get("counts") or {}
    return {
        "case": case_id, "number": record.get("case_number") or "", "party": record.get("party") or "",
        "agency": record.get("agency") or "", "score": record.get("score"), "grade": record.get("grade") or "",
        "veto": labels.YES_NO[bool(record.get("vetoed"))], "fail": counts.get("fail", 0),
        "review": counts.get("needs_review", 0),
        "state": "已审查" + ("（案卷不完整）" if record.get("incomplete") else ""), "vetoed": record.get("vetoed"),
    }


def _when(started: Any) -> str:
    import datetime as dt

    try:
        t = dt.datetime.fromisoformat(str(started))
    except ValueError:
        return str(started or "")
    return f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}"


def render_index(run: dict[str, Any], rows: list[dict[str, Any]], duplicates: dict[str, str]) -> str:
    e = html.escape
    head = "".join(f'<th data-kind="{kind}" scope="col">{e(title)}</th>' for _, title, kind in COLUMNS)
    body = []
    for row in rows:
        cells = []
        for key, _, kind in COLUMNS:
            value = row.get(key)
            text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
            if key == "case" and not row.get("error"):
                text_html = f'<a href="{quote(row["case"])}/report.html">{e(text)}</a>'
            else:
                text_html = e(text)
            sort = f' data-sort="{e(text)}"' if kind == "num" else ""
            cells.append(f'<td class="{kind}"{sort}>{text_html}</td>')
        cls = "veto" if row.get("vetoed") else "error" if row.get("error") else ""
        body.append(f'<tr class="{cls}">{"".join(cells)}</tr>')
    dup = ""
    if duplicates:
        items = "".join(f"<li>{e(line.split(' / ', 1)[0])}</li>" for line in duplicates.values())
        dup = f'<section class="dup"><h2>重复提交（只审查、统计一次）</h2><ul>{items}</ul></section>'
    title = run.get("name") or "案卷评查结果"
    audited = sum(1 for r in rows if not r.get("error"))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title)}</title><style>{STYLE}</style></head>
<body>
<h1>{e(title)}</h1>
<p class="muted">共 {len(rows)} 个案卷，已审查 {audited} 个；评查时间 {e(_when(run.get("started")))}。
点击表头可排序，点击案卷名称打开评查报告；全部数据见 <a href="workbook.xlsx">汇总表（workbook.xlsx）</a>。</p>
<table><thead><tr>{head}</tr></thead><tbody>
{chr(10).join(body)}
</tbody></table>
{dup}
<script>{SCRIPT}</script>
</body></html>
"""


def write_index(out: Path, run: dict[str, Any], case_ids: list[str], records: dict[str, dict],
                errors: dict[str, str], duplicates: dict[str, str]) -> Path:
    """Write ``out/index.html`` for the cases of one batch, in the batch's order."""
    rows = [_row(records.get(c), c, errors.get(c)) for c in case_ids if c not in duplicates]
    return write_atomic(out / "index.html", render_index(run, rows, duplicates))
