"""Charts (matplotlib, Agg, PNG) for the trainer statistics and the one-page HTML that gathers
them with the tables, images inline, so the page works offline and can be mailed as one file.

Chinese labels need a CJK font. We look for one in this order: the system's Noto Sans CJK or
WenQuanYi fonts (through matplotlib's font manager), the Noto Sans SC font shipped by the
optional ``pylopdf-fonts-zh-cn`` wheel, any other system CJK font. Without one, charts are
still drawn, with codes instead of Chinese labels and a visible warning, never empty boxes.

Length: four chart kinds and the one-page HTML that gathers them share the font search and the
bilingual label helpers; the page template is small and lives here with them.
"""

from __future__ import annotations

import base64
import io
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from audit.atomic import write_via as atomic_write
from audit.stats.dataset import BY_NAMES, FINDING_GROUPS
from audit.stats.tables import Stats, cell_text, text_width

PREFERRED_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                   "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans CJK TC", "Noto Sans CJK JP")
OTHER_FONTS = ("Droid Sans Fallback", "AR PL UMing CN", "AR PL UKai CN", "Noto Serif CJK SC", "Noto Serif SC")
PROBE = "卫生健康行政处罚案卷评查问题比例趋势办案单位执法人员月份"
NO_FONT_ZH = "未找到中文字体，图表中的中文标签已以代码或序号代替。请安装 fonts-noto-cjk 或 fonts-wqy-zenhei，或 pip install pylopdf-fonts-zh-cn。"
NO_FONT_EN = ("No CJK font found: Chinese labels are replaced by codes or row numbers. "
              "Install fonts-noto-cjk or fonts-wqy-zenhei, or pip install pylopdf-fonts-zh-cn.")
FAIL_COLOR, REVIEW_COLOR, SCORE_COLOR = "#1F4E79", "#C9862B", "#5B7F3A"
LINE_COLORS = ("#1F4E79", "#C0392B", "#5B7F3A", "#C9862B", "#6C4F8F", "#2E8B8B", "#7F7F7F", "#8C564B")
TOP_BARS = 12


@dataclass(slots=True, frozen=True)
class FontChoice:
    name: str
    path: str
    origin: str  # "system" | "package"


def _covers(path: str, index: int) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path, face_index=index)
    except TypeError:  # matplotlib without face_index: the file's first face
        font = FT2Font(path)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) for ch in PROBE)


def _system_font(names: tuple[str, ...]) -> FontChoice | None:
    from matplotlib import font_manager

    entries = [f for f in font_manager.fontManager.ttflist if f.style == "normal"]
    for name in names:
        for entry in sorted((f for f in entries if f.name == name), key=lambda f: abs(int(f.weight) - 400)):
            if _covers(entry.fname, getattr(entry, "index", 0)):
                return FontChoice(name, entry.fname, "system")
    return None


def _package_font() -> FontChoice | None:
    try:
        import pylopdf_fonts_zh_cn  # type: ignore[import-not-found]

        path = Path(pylopdf_fonts_zh_cn.sans_path())
    except Exception:  # not installed, or a version without sans_path
        return None
    if not path.is_file() or not _covers(str(path), 0):
        return None
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return FontChoice(font_manager.FontProperties(fname=str(path)).get_name(), str(path), "package")


def find_cjk_font() -> FontChoice | None:
    """The font for Chinese chart labels, or None when the machine has none."""
    return _system_font(PREFERRED_FONTS) or _package_font() or _system_font(OTHER_FONTS)


# ---------------------------------------------------------------- charts


@dataclass(slots=True)
class Chart:
    name: str
    title: str
    png: bytes
    width_in: float = 9.2  # figure width in inches: shown at 96 px per inch, so all charts share one text size


def _truncate(text: str, width: int = 36) -> str:
    if text_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def _ascii(text: str) -> bool:
    return all(ord(ch) < 128 for ch in text)


class _Labels:
    """Chinese labels when a CJK font is there, ASCII stand-ins when not."""

    def __init__(self, font: FontChoice | None) -> None:
        self.font = font

    def __call__(self, zh: str, en: str) -> str:
        return zh if self.font else en

    def group(self, by: str, row: dict[str, Any], number: int) -> str:
        if self.font:
            text = f"{row['group']} {row.get('title', '')}".strip() if by == "rule" else str(row["group"])
            return _truncate(text)
        return str(row["group"]) if _ascii(str(row["group"])) else f"#{number}"


def _figure(font: FontChoice | None, width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=150, layout="constrained")
    fig.patch.set_facecolor("white")
    if font is None:  # constrained layout keeps room for a figure-level x label
        fig.supxlabel(_wrap(NO_FONT_EN, 110), fontsize=7.5, color="#B00020")
    return fig


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def _png(fig) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", facecolor="white")
    return buf.getvalue()


def _rc(font: FontChoice | None) -> dict[str, Any]:
    family = [font.name, "DejaVu Sans"] if font else ["DejaVu Sans"]
    return {"font.family": family, "axes.unicode_minus": False, "axes.spines.top": False,
            "axes.spines.right": False, "axes.titleweight": "bold", "axes.titlesize": 12, "font.size": 9}


def _percent_axis(axis) -> None:
    from matplotlib.ticker import PercentFormatter

    axis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))


def _title(fig, text: str) -> None:
    fig.suptitle(text, x=0.01, ha="left", fontweight="bold", fontsize=12)


def _bar_labels(ax, xs, values, texts, color: str, horizontal: bool) -> None:
    for x, v, t in zip(xs, values, texts, strict=True):
        if not t:
            continue
        if horizontal:
            ax.text(v + 0.012, x, t, va="center", fontsize=8, color=color)
        else:
            ax.text(x, v + 0.02, t, ha="center", va="bottom", fontsize=8, color=color)


def _groups_chart(stats: Stats, label: _Labels) -> Chart | None:
    """Horizontal bars: share of files with a defect and awaiting manual check, top groups
    (for months, the month-by-month results chart)."""
    if stats.by == "month":
        rows = [{**r, "period": r["group"]} for r in stats.groups.rows]
        return _results_chart(rows, label, "month", "groups") if rows else None
    rows = [r for r in stats.groups.rows if r.get("files") or r.get("review_files")][:TOP_BARS]
    if not rows:
        return None
    numbers = {id(r): i for i, r in enumerate(stats.groups.rows, start=1)}
    finding_group = stats.by in FINDING_GROUPS
    names = [label.group(stats.by, r, numbers[id(r)]) for r in rows]
    fig = _figure(label.font, 9.2, 1.9 + 0.62 * len(rows))
    ax = fig.add_subplot()
    ys = list(range(len(rows)))[::-1]
    h = 0.38
    whole = [stats.cases if finding_group else r["cases"] for r in rows]
    shares = [r.get("share") or 0 for r in rows]
    rshares = [(r.get("review_files") or 0) / d if d else 0 for r, d in zip(rows, whole, strict=True)]
    fail = ax.barh([y + h / 2 for y in ys], shares, height=h, color=FAIL_COLOR)
    review = ax.barh([y - h / 2 for y in ys], rshares, height=h, color=REVIEW_COLOR)
    paren = ("（", "）") if label.font else (" (", ")")
    _bar_labels(ax, [y + h / 2 for y in ys], shares,
                [f"{s * 100:.0f}%{paren[0]}{r['files']}/{d}{paren[1]}" if r["files"] else ""
                 for s, r, d in zip(shares, rows, whole, strict=True)], FAIL_COLOR, True)
    _bar_labels(ax, [y - h / 2 for y in ys], rshares,
                [f"{s * 100:.0f}%{paren[0]}{r['review_files']}/{d}{paren[1]}" if s else ""
                 for s, r, d in zip(rshares, rows, whole, strict=True)], REVIEW_COLOR, True)
    ax.set_yticks(ys, names)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlim(0, 1.2)
    ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    _percent_axis(ax.xaxis)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel(label(f"占 {stats.cases} 件案卷的比例", f"share of {stats.cases} files") if finding_group
                  else label(f"占该{BY_NAMES[stats.by]}案卷的比例", "share of the group's files"))
    title = label(f"按{BY_NAMES[stats.by]}统计：常见问题", f"Most frequent defects by {stats.by}")
    _title(fig, title)
    fig.legend([fail, review], [label("有问题（不符合）的案卷", "files with a defect"),
                                label("有待人工核查事项的案卷", "files awaiting manual check")],
               loc="outside upper right", ncols=2, frameon=False, fontsize=8.5)
    return Chart("groups", title, _png(fig), fig.get_figwidth())


def _period_ticks(rows: list[dict[str, Any]], label: _Labels) -> list[str]:
    out = []
    for i, r in enumerate(rows):
        name = str(r["period"]) if label.font or _ascii(str(r["period"])) else f"#{i + 1}"
        n = r["cases"]
        out.append(f"{name}\n" + label(f"{n} 件", f"n={n}"))
    return out


def _trend_chart(stats: Stats, label: _Labels) -> Chart | None:
    table = stats.trend_table
    if table is None or len(table.rows) < 2:
        return None
    return _results_chart(table.rows, label, stats.trend, "trend")


def _results_chart(rows: list[dict[str, Any]], label: _Labels, kind: str, name: str) -> Chart:
    """Mean score per run or month (``kind``) (top) and the share of files with defects / manual checks (bottom)."""
    xs = list(range(len(rows)))
    fig = _figure(label.font, 9.2, 6.0)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1.4])
    scores = [r.get("mean_score") for r in rows]
    top.plot(xs, [float("nan") if s is None else s for s in scores], marker="o", color=SCORE_COLOR, linewidth=2)
    for x, s in zip(xs, scores, strict=True):
        if s is not None:
            top.annotate(f"{s:g}", (x, s), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8.5)
    valid = [s for s in scores if s is not None]
    low = max(0, (min(valid) if valid else 60) - 8)
    top.set_ylim(low, 103)
    top.set_yticks([t for t in range(0, 101, 5 if 100 - low <= 30 else 10) if t >= low])
    top.set_ylabel(label("平均分", "mean score"))
    top.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    w = 0.36
    share = [r.get("share") or 0 for r in rows]
    review = [(r.get("review_files") or 0) / r["cases"] if r.get("cases") else 0 for r in rows]
    fail = bottom.bar([x - w / 2 for x in xs], share, width=w, color=FAIL_COLOR)
    rev = bottom.bar([x + w / 2 for x in xs], review, width=w, color=REVIEW_COLOR)
    _bar_labels(bottom, [x - w / 2 for x in xs], share, [f"{s * 100:.0f}%" for s in share], FAIL_COLOR, False)
    _bar_labels(bottom, [x + w / 2 for x in xs], review, [f"{s * 100:.0f}%" for s in review], REVIEW_COLOR, False)
    bottom.set_ylim(0, 1.15)
    bottom.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
    _percent_axis(bottom.yaxis)
    bottom.set_ylabel(label("占案卷比例", "share of files"))
    bottom.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    bottom.set_axisbelow(True)
    bottom.set_xticks(xs, _period_ticks(rows, label), rotation=30 if len(rows) > 8 else 0)
    title = label("各评查批次评查结果对比" if kind == "run" else "各月份评查结果对比（按处罚决定日期）", f"Results by {kind}")
    _title(fig, title)
    fig.legend([fail, rev], [label("有问题（不符合）的案卷", "files with a defect"),
                             label("有待人工核查事项的案卷", "files awaiting manual check")],
               loc="outside upper right", ncols=2, frameon=False, fontsize=8.5)
    return Chart(name, title, _png(fig), fig.get_figwidth())


def _pivot_chart(stats: Stats, label: _Labels) -> Chart | None:
    """A grid, top groups by period, each cell the share of files with a defect."""
    import numpy as np

    table = stats.pivot
    if table is None or not table.rows:
        return None
    periods = [c for c in table.columns if c.key.startswith("p")]
    numbers = {r["group"]: i for i, r in enumerate(stats.groups.rows, start=1)}
    names = [label.group(stats.by, r, numbers.get(r["group"], i + 1)) for i, r in enumerate(table.rows)]
    ticks = [c.title if label.font or _ascii(c.title) else f"#{i + 1}" for i, c in enumerate(periods)]
    values = np.array([[np.nan if r.get(c.key) is None else r[c.key] for c in periods] for r in table.rows])
    fig = _figure(label.font, min(13, 4.2 + 1.15 * len(periods)), 1.6 + 0.5 * len(table.rows))
    ax = fig.add_subplot()
    ax.set_facecolor("#EEEEEE")  # no case in that period
    ax.imshow(np.ma.masked_invalid(values), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            text, color = ("—", "#777777") if np.isnan(v) else (f"{v * 100:.0f}%", "white" if v > 0.55 else "#1a1a1a")
            ax.text(j, i, text, ha="center", va="center", fontsize=9, color=color)
    ax.set_xticks(range(len(periods)), ticks, rotation=30 if len(periods) > 8 else 0)
    ax.set_yticks(range(len(names)), names)
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    for side in ax.spines.values():
        side.set_visible(False)
    title = label(f"主要{BY_NAMES[stats.by]}问题比例变化", f"Share of files with a defect, top {stats.by} groups")
    _title(fig, title)
    return Chart("pivot", title, _png(fig), fig.get_figwidth())


def render_charts(stats: Stats, font: FontChoice | None | bool = True) -> tuple[list[Chart], FontChoice | None]:
    """The PNG charts of ``stats``; ``font=True`` looks for a CJK font, None draws without one."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    chosen = find_cjk_font() if font is True else (font or None)
    if chosen is None:
        print(f"警告：{NO_FONT_ZH}\nWarning: {NO_FONT_EN}", file=sys.stderr)
    label = _Labels(chosen)
    charts = []
    with matplotlib.rc_context(_rc(chosen)):
        for draw in (_groups_chart, _trend_chart, _pivot_chart):
            chart = draw(stats, label)
            if chart is not None:
                charts.append(chart)
    return charts, chosen


# ---------------------------------------------------------------- HTML page

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
  @page { size: A4 landscape; margin: 15mm 12mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
         color: #1a1a1a; margin: 24px auto; max-width: 1100px; padding: 0 16px; line-height: 1.6; font-size: 14px; }
  h1 { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; text-align: center; font-size: 24px;
       letter-spacing: 2px; margin: 8px 0 4px; }
  .sub { text-align: center; color: #444; margin: 0 0 6px; }
  .meta { text-align: center; color: #666; font-size: 12.5px; border-bottom: 2px solid #9E1B1B; padding-bottom: 10px; }
  h2 { font-size: 17px; border-left: 4px solid #1F4E79; padding-left: 8px; margin: 26px 0 10px; }
  table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 6px 0; }
  th, td { border: 1px solid #B7C3D0; padding: 4px 6px; vertical-align: top; }
  th { background: #1F4E79; color: #fff; font-weight: 600; }
  th:first-child, td:first-child, td:nth-child(2) { white-space: nowrap; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr:nth-child(even) td { background: #F3F6F9; }
  table.kv { width: auto; min-width: 420px; }
  table.kv th { text-align: left; background: #E8EEF4; color: #1a1a1a; }
  .note { color: #555; font-size: 12px; margin: 4px 0 0; }
  .warn { border: 1px solid #B00020; background: #FDECEE; color: #B00020; padding: 8px 12px; margin: 12px 0; }
  figure { margin: 10px 0 6px; text-align: center; page-break-inside: avoid; }
  figure img { max-width: 100%; border: 1px solid #E1E6EB; }
  figcaption { font-size: 12px; color: #555; }
  .more { color: #555; font-size: 12px; }
  footer { margin-top: 28px; color: #777; font-size: 11.5px; border-top: 1px solid #ccc; padding-top: 6px; }
  @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p class="sub">（按{{ by_name }}统计）</p>
<p class="meta">统计范围：{{ scope }}　　生成时间：{{ generated }}</p>
{% if warning %}<div class="warn" role="alert">{{ warning.zh }}<br>{{ warning.en }}</div>{% endif %}
{% for section in sections %}
<h2>{{ section.number }}、{{ section.table.title }}</h2>
{% for chart in section.charts %}
<figure><img alt="{{ chart.title }}" style="width: {{ chart.width }}px" src="data:image/png;base64,{{ chart.data }}"><figcaption>图{{ chart.number }}　{{ chart.title }}</figcaption></figure>
{% endfor %}
{% if section.kv %}
<table class="kv">{% for row in section.rows %}<tr><th>{{ row[0] }}</th><td>{{ row[1] }}</td></tr>{% endfor %}</table>
{% else %}
<table>
<thead><tr><th>序号</th>{% for c in section.table.columns %}<th>{{ c.title }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in section.rows %}<tr><td class="num">{{ loop.index }}</td>{% for cell in row %}<td{% if cell.num %} class="num"{% endif %}>{{ cell.text }}</td>{% endfor %}</tr>
{% else %}<tr><td colspan="{{ section.table.columns|length + 1 }}">（无）</td></tr>
{% endfor %}
</tbody>
</table>
{% if section.more %}<p class="more">另有 {{ section.more }} 行未列出，完整内容见同批输出的 CSV / XLSX 文件。</p>{% endif %}
{% endif %}
{% if section.table.note %}<p class="note">注：{{ section.table.note }}</p>{% endif %}
{% endfor %}
<footer>本表由案卷评查工具根据评查结果自动生成，供业务培训和案卷质量分析参考；具体问题以评查报告及案卷原件为准。</footer>
</body>
</html>
"""
NUMERALS = "一二三四五六七八九十"
HTML_ROWS = 50


def _scope(stats: Stats) -> str:
    starts = sorted(s for s in (str(r.get("started") or "")[:10] for r in stats.runs) if s)
    span = f"（{starts[0]} 至 {starts[-1]}）" if starts and starts[0] != starts[-1] else (f"（{starts[0]}）" if starts else "")
    return f"{len(stats.runs)} 个评查批次{span}，案卷 {stats.cases} 件"


def html_page(stats: Stats, charts: list[Chart], font: FontChoice | None) -> str:
    """The self-contained page: tables, charts as inline PNG, notes."""
    from jinja2 import Environment

    by_chart = {c.name: c for c in charts}
    sections, figure = [], 0
    for i, table in enumerate(stats.tables):
        section: dict[str, Any] = {"number": NUMERALS[i], "table": table, "charts": [], "kv": table.name == "overview"}
        chart = by_chart.get(table.name)
        if chart is not None:
            figure += 1
            section["charts"].append({"number": figure, "title": chart.title, "width": round(chart.width_in * 96),
                                      "data": base64.b64encode(chart.png).decode("ascii")})
        if section["kv"]:
            section["rows"] = [(r["item"], r["value"]) for r in table.rows]
        else:
            section["rows"] = [[{"text": cell_text(c, r.get(c.key)), "num": c.kind != "text"} for c in table.columns]
                               for r in table.rows[:HTML_ROWS]]
            section["more"] = max(0, len(table.rows) - HTML_ROWS)
        sections.append(section)
    env = Environment(autoescape=True)
    now = datetime.now()
    return env.from_string(PAGE).render(
        title="卫生健康行政处罚案卷评查统计分析", by_name=BY_NAMES[stats.by], scope=_scope(stats),
        generated=f"{now.year}年{now.month}月{now.day}日", sections=sections,
        warning=None if font else {"zh": f"提示：{NO_FONT_ZH}", "en": NO_FONT_EN},
    )


def write_html(stats: Stats, page: Path, font: FontChoice | None | bool = True) -> list[Path]:
    """Write the PNG charts beside ``page`` (in ``<stem>-charts/``) and the page itself."""
    charts, chosen = render_charts(stats, font)
    folder = page.with_name(f"{page.stem}-charts")
    written = [atomic_write(folder / f"{c.name}.png", lambda p, c=c: p.write_bytes(c.png)) for c in charts]
    html = html_page(stats, charts, chosen)
    written.insert(0, atomic_write(page, lambda p: p.write_text(html, encoding="utf-8")))
    return written
