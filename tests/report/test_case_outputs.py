"""What users read: the HTML report, the DOCX notice, the XLSX workbook, read back by real
libraries and (HTML) rendered in headless Chromium."""

import json
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from PIL import Image

from audit.batch.run import run_batch
from audit.pipeline import audit_case
from audit.report.crops import SCALE, PageImages

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    folder = tmp_path_factory.mktemp("in")
    for case in SAMPLES.iterdir():
        shutil.copytree(case, folder / case.name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    run_batch(folder, out, history=out / "history.sqlite")
    return out


def test_notice_lists_each_defect_with_place_basis_and_fix(batch):
    document = docx.Document(str(batch / "ord-2024-waste" / "notice.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.startswith("案卷评查整改通知书")
    assert "宁波市鄞州区卫生健康局：" in text and "甬鄞卫医罚〔2024〕21号" in text
    assert "（一）" in text and "（二）" in text and "整改期限：" in text
    assert "大写为8,000.00元，小写为800.00元" in text
    assert "问题位置：行政处罚决定书第17页" in text
    assert "依据：《行政处罚法》第五十九条第一款第（三）项" in text
    assert "二、需要核实的事项" in text
    clean = "\n".join(p.text for p in docx.Document(str(batch / "ord-2023-medinst-staff" / "notice.docx")).paragraphs)
    assert "未发现需要整改的问题" in clean


def test_workbook_numbers_equal_the_json(batch):
    book = openpyxl.load_workbook(batch / "workbook.xlsx")
    assert book.sheetnames == ["案卷", "问题明细", "规则统计"]
    cases = book["案卷"]
    header = [c.value for c in cases[1]]
    rows = {r[0]: dict(zip(header, r, strict=False)) for r in cases.iter_rows(min_row=2, values_only=True)}
    assert cases.freeze_panes == "A2" and cases.auto_filter.ref
    assert rows["broken"]["状态"] == "无法审查"
    for case_id in ("ord-2023-medinst-staff", "ord-2024-waste", "simple-2024-publicplace"):
        score = json.loads((batch / case_id / "score.json").read_text(encoding="utf-8"))
        record = json.loads((batch / case_id / "record.json").read_text(encoding="utf-8"))
        assert rows[case_id]["得分"] == score["total"] and rows[case_id]["等级"] == score["grade"]
        assert rows[case_id]["不符合"] == record["counts"]["fail"]
    details = list(book["问题明细"].iter_rows(min_row=2, values_only=True))
    total = sum(len(json.loads((batch / c / "record.json").read_text(encoding="utf-8"))["findings"])
                for c in ("ord-2023-medinst-staff", "ord-2024-waste", "simple-2024-publicplace"))
    assert len(details) == total
    assert {r[3] for r in details if r[0] == "ord-2024-waste" and r[7] == "不符合"} == {"DOC002", "EVI002"}


def test_html_report_is_self_contained_and_masked(batch):
    html = (batch / "ord-2024-waste" / "report.html").read_text(encoding="utf-8")
    assert "行政处罚案卷评查报告" in html and "DOC002" in html and "EVI002" in html
    assert html.count("data:image/jpeg;base64,") >= 2  # crops beside the evidence
    assert "http://" not in html and "https://" not in html  # nothing fetched when opened
    assert "330227198211030423" not in html and "13857410936" not in html
    assert "行政处罚决定书应当载明下列事项" in html  # the article text under the basis


def test_crops_black_out_personal_numbers():
    result = audit_case(SAMPLES / "ord-2023-medinst-staff")
    page = next(p for p in result.case.pages if "330106197508143013" in p.text)
    line = next(ln for ln in page.lines if "330106197508143013" in ln.text)
    start = line.text.index("330106197508143013")
    x0, top, x1, bottom = line.span_box(start, start + 18)
    centre = (int((x0 + x1) / 2 * SCALE), int((top + bottom) / 2 * SCALE))
    masked = PageImages(result.case, masked=True).page_image(page)
    plain = PageImages(result.case, masked=False).page_image(page)
    assert masked.getpixel(centre) == (40, 40, 40)
    assert plain.getpixel(centre) != (40, 40, 40)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium not installed (CI installs it)")
def test_html_renders_in_headless_chromium(batch, tmp_path):
    png = tmp_path / "report.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,1600", f"--screenshot={png}",
         (batch / "ord-2024-waste" / "report.html").as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    image = Image.open(png).convert("L")
    assert image.size == (1000, 1600)
    assert image.getextrema()[0] < 100  # text was drawn, not a blank page
