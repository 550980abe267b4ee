"""What trainers open: CSV, XLSX, PNG charts and the HTML page, read back by real libraries."""

from __future__ import annotations

import base64
import csv
import io
import re
import shutil
import subprocess
import sys
import types
import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageStat

from audit.stats import StatsError, compute, load_dataset, write_outputs
from audit.stats.charts import NO_FONT_EN, NO_FONT_ZH, find_cjk_font, render_charts, write_html

SYSTEM_FONTS = [Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
                Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")]


@pytest.fixture(scope="module")
def stats(runs):
    return compute(load_dataset([runs["base"]]), by="rule")


@pytest.fixture(scope="module")
def font():
    found = find_cjk_font()
    if found is None:
        pytest.skip("no CJK font on this machine")
    return found


def _png_ok(data_or_path) -> Image.Image:
    image = Image.open(data_or_path if isinstance(data_or_path, Path) else io.BytesIO(data_or_path))
    image.load()
    assert image.format == "PNG" and image.width > 600 and image.height > 300
    gray = image.convert("L")
    assert ImageStat.Stat(gray).stddev[0] > 20  # not a blank canvas
    # a real share of the pixels is ink, not background
    dark = sum(gray.histogram()[:200])
    assert dark / (image.width * image.height) > 0.02
    return image


def test_xlsx_has_chinese_headers_frozen_and_filtered(tmp_path, stats):
    [path], _ = write_outputs(stats, ["xlsx"], tmp_path / "stats.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["总体情况", "按评查规则统计", "趋势", "问题比例变化"]
    ws = wb["按评查规则统计"]
    header = [c.value for c in ws[1]]
    assert header[:8] == ["规则代码", "问题名称", "评查维度", "严重程度", "问题数", "涉及案卷数", "占案卷比例", "待核查数"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}{len(stats.groups.rows) + 1}"
    assert ws.column_dimensions["B"].width > 20  # sized to the Chinese titles
    for i, row in enumerate(stats.groups.rows, start=2):
        values = dict(zip(header, [c.value for c in ws[i]], strict=True))
        assert values["规则代码"] == row["group"] and values["问题数"] == row["fails"]
        assert values["涉及案卷数"] == row["files"] and values["占案卷比例"] == pytest.approx(row["share"])
        assert ws.cell(i, header.index("占案卷比例") + 1).number_format == "0.0%"
    trend = wb["趋势"]
    assert [c.value for c in trend[1]][:4] == ["评查批次", "评查时间", "规则集版本", "案卷数"]
    assert [trend.cell(r, 1).value for r in (2, 3)] == ["2024-05-06 09:00", "2024-06-05 09:00"]
    overview = {r[0]: r[1] for r in wb["总体情况"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert overview["案卷数"] == stats.cases


def test_csv_files_read_back(tmp_path, stats):
    written, _ = write_outputs(stats, ["csv"], tmp_path / "out")
    names = sorted(p.name for p in written)
    assert names == ["stats-by-rule.csv", "stats-overview.csv", "stats-pivot-rule.csv", "stats-trend-run.csv"]
    by_rule = tmp_path / "out" / "stats-by-rule.csv"
    assert by_rule.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    with by_rule.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(stats.groups.rows)
    first, expected = rows[0], stats.groups.rows[0]
    assert first["规则代码"] == expected["group"] and int(first["涉及案卷数"]) == expected["files"]
    assert float(first["占案卷比例（%）"]) == pytest.approx(expected["share"] * 100, abs=0.01)


def test_single_csv_file_name(tmp_path, stats):
    written, _ = write_outputs(stats, ["csv"], tmp_path / "rules.csv")
    assert tmp_path / "rules.csv" in written and (tmp_path / "rules-trend-run.csv").is_file()


def test_output_file_must_match_the_format(tmp_path, stats):
    with pytest.raises(StatsError):
        write_outputs(stats, ["xlsx", "html"], tmp_path / "stats.xlsx")


def test_charts_are_drawn_with_a_chinese_font_and_no_missing_glyph(stats, font):
    assert font.origin == "system" and Path(font.path).is_file()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts, chosen = render_charts(stats, font)
    assert chosen == font
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert [c.name for c in charts] == ["groups", "trend", "pivot"]
    for chart in charts:
        _png_ok(chart.png)


def test_html_page_is_self_contained(tmp_path, stats, font):
    written = write_html(stats, tmp_path / "stats.html", font)
    page, pngs = written[0], written[1:]
    html = page.read_text(encoding="utf-8")
    assert [p.name for p in pngs] == ["groups.png", "trend.png", "pivot.png"]
    assert all(p.parent.name == "stats-charts" for p in pngs)
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert [base64.b64decode(i) for i in images] == [p.read_bytes() for p in pngs]
    for p in pngs:
        _png_ok(p)
    assert "卫生健康行政处罚案卷评查统计分析" in html and "按评查规则统计" in html
    for row in stats.groups.rows:
        assert f"<td>{row['group']}</td>" in html
    assert "<th>涉及案卷数</th>" in html and "各评查批次对比" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing fetched from outside
    assert NO_FONT_ZH not in html


def test_without_a_cjk_font_charts_still_draw_and_say_so(tmp_path, stats, capsys):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = write_html(stats, tmp_path / "stats.html", font=None)
    assert not [w for w in caught if "missing from font" in str(w.message)]  # codes, not empty boxes
    html = written[0].read_text(encoding="utf-8")
    assert NO_FONT_ZH in html and NO_FONT_EN in html
    assert "未找到中文字体" in capsys.readouterr().err
    for p in written[1:]:
        _png_ok(p)


def test_the_font_package_is_used_when_no_system_font(monkeypatch, stats):
    """The pylopdf-fonts-zh-cn wheel is looked for after the system fonts (here a stand-in
    module pointing at a real font file)."""
    real = next((p for p in SYSTEM_FONTS if p.is_file()), None)
    if real is None:
        pytest.skip("no CJK font file to stand in for the package's")
    import audit.stats.charts as charts

    module = types.ModuleType("pylopdf_fonts_zh_cn")
    module.sans_path = lambda: real
    monkeypatch.setitem(sys.modules, "pylopdf_fonts_zh_cn", module)
    monkeypatch.setattr(charts, "_system_font", lambda names: None)
    chosen = find_cjk_font()
    assert chosen is not None and chosen.origin == "package" and chosen.path == str(real)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        drawn, _ = render_charts(stats, chosen)
    assert drawn and not [w for w in caught if "missing from font" in str(w.message)]


def test_no_font_anywhere(monkeypatch):
    import audit.stats.charts as charts

    monkeypatch.setitem(sys.modules, "pylopdf_fonts_zh_cn", None)  # import fails
    monkeypatch.setattr(charts, "_system_font", lambda names: None)
    assert find_cjk_font() is None


def test_a_font_without_chinese_glyphs_is_not_chosen():
    from matplotlib import font_manager

    from audit.stats.charts import _covers

    dejavu = font_manager.findfont("DejaVu Sans")
    assert Path(dejavu).is_file() and not _covers(dejavu, 0)


def test_every_grouping_renders(tmp_path, runs, font):
    data = load_dataset([runs["base"]])
    for by in ("dimension", "unit", "officer", "month", "document"):
        stats = compute(data, by=by, trend="month" if by == "month" else "run", min_cases=1)
        written, _ = write_outputs(stats, ["html", "xlsx"], tmp_path / by)
        assert (tmp_path / by / "stats.html").is_file() and (tmp_path / by / "stats.xlsx").is_file()
        assert (tmp_path / by / "stats-charts" / "groups.png") in written
        _png_ok(tmp_path / by / "stats-charts" / "groups.png")



@pytest.mark.parametrize("by", ["unit", "officer", "month", "document", "dimension"])
def test_no_font_labels_stay_ascii_for_every_grouping(runs, by):
    stats = compute(load_dataset([runs["base"]]), by=by, trend="month" if by == "month" else "run", min_cases=1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts, _ = render_charts(stats, None)
    assert charts and not [w for w in caught if "missing from font" in str(w.message)]


def test_html_renders_in_headless_chromium(tmp_path, stats, font):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed")
    page = write_html(stats, tmp_path / "stats.html", font)[0]
    shot = tmp_path / "shot.png"
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--window-size=1200,2400", f"--screenshot={shot}", page.as_uri()],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    image = _png_ok(shot)
    assert image.size == (1200, 2400)
