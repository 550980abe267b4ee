"""What a batch writes, read back: permissions, index.html, workbook links, the report's
sign-off and comments, `audit check -o`, and Chinese words only."""

from __future__ import annotations

import html as htmlmod
import re
import shutil
import stat
from pathlib import Path

import docx
import openpyxl
from click.testing import CliRunner

from audit.cli import main

from .conftest import SAMPLES

CASES = sorted(p.name for p in SAMPLES.iterdir())


def test_outputs_follow_the_umask(sample_batch: Path):
    files = [p for p in sample_batch.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"report.html", "notice.docx", "workbook.xlsx", "run.json", "index.html"}
    modes = {p.relative_to(sample_batch).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in files}
    assert set(modes.values()) == {0o644}, {k: oct(v) for k, v in modes.items() if v != 0o644}


def test_index_lists_every_case_sortable_with_links(sample_batch: Path):
    page = (sample_batch / "index.html").read_text(encoding="utf-8")
    assert "<title>2024年第一季度评查</title>" in page
    for case in CASES:
        assert f'<a href="{case}/report.html">{case}</a>' in page
        assert (sample_batch / case / "report.html").is_file()
    header = re.findall(r"<th[^>]*>([^<]+)</th>", page)
    assert header[:1] == ["案卷"] and {"得分", "等级", "否决项", "不符合", "待人工核查"} <= set(header)
    assert "aria-sort" in page and "addEventListener" in page  # click a column to sort


def test_workbook_rows_link_to_the_reports(sample_batch: Path):
    sheet = openpyxl.load_workbook(sample_batch / "workbook.xlsx")["案卷"]
    links = {row[0].value: row[0].hyperlink.target for row in sheet.iter_rows(min_row=2) if row[0].hyperlink}
    assert links == {case: f"{case}/report.html" for case in CASES}
    details = openpyxl.load_workbook(sample_batch / "workbook.xlsx")["问题明细"]
    assert all(r[0].hyperlink is not None for r in details.iter_rows(min_row=2))


def test_report_has_sign_off_and_the_reviewers_comment(sample_batch: Path):
    page = (sample_batch / "ord-2024-waste" / "report.html").read_text(encoding="utf-8")
    signoff = page.split("七、评查签署", 1)[1]
    assert "<th>评查人</th><td>王评查</td>" in signoff and "<th>复核人</th><td>李复核</td>" in signoff
    assert "2026-11-20" in signoff
    block = page.split('id="f-DOC002"', 1)[1].split('<div class="finding', 1)[0]
    assert "评查意见：</span>已电话告知办案人员，请于十日内补正。" in block
    empty = (sample_batch / "ord-2023-medinst-staff" / "report.html").read_text(encoding="utf-8")
    assert "<th>评查人</th><td></td>" in empty  # blank fields to fill in by hand


def test_check_with_output_writes_what_a_batch_writes(sample_batch: Path, tmp_path: Path):
    case = tmp_path / "ord-2024-waste"
    shutil.copytree(SAMPLES / "ord-2024-waste", case)
    result = CliRunner().invoke(main, ["check", str(case), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output  # the sample has defects
    batch_files = {p.relative_to(sample_batch / "ord-2024-waste").as_posix()
                   for p in (sample_batch / "ord-2024-waste").rglob("*") if p.is_file()} - {"done.json"}
    check_files = {p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert check_files == batch_files


def test_incomplete_case_is_named_on_the_reports_first_page(tmp_path: Path):
    case = tmp_path / "case"
    shutil.copytree(SAMPLES / "ord-2024-waste", case)
    (case / "罚没款收据.xls").write_bytes(b"\xd0\xcf\x11\xe0 excel")
    result = CliRunner().invoke(main, ["check", str(case), "-o", str(tmp_path / "out")])
    assert "Traceback" not in result.output
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    first = page.split("<h2>", 1)[0]  # before the first section: the top of page one
    assert "案卷不完整" in first and "罚没款收据.xls" in first
    assert '"incomplete": true' in (tmp_path / "out" / "record.json").read_text(encoding="utf-8")


# ---------------------------------------------------------------- words

CODE = re.compile(r"^[A-Z]{3}\d{3}$")
ALLOWED = {"OCR", "PDF", "DOCX", "OFD", "JPG", "PNG", "TIFF", "HEIC", "WPS", "GB", "MB"}


def _visible(page: str) -> str:
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return htmlmod.unescape(re.sub(r"<[^>]+>", " ", page))


def _texts(root: Path) -> dict[str, str]:
    texts = {}
    for p in root.rglob("*"):
        if p.suffix == ".html":
            texts[str(p)] = _visible(p.read_text(encoding="utf-8"))
        elif p.suffix == ".txt":
            texts[str(p)] = p.read_text(encoding="utf-8")
        elif p.suffix == ".docx":
            document = docx.Document(str(p))
            texts[str(p)] = "\n".join(x.text for x in document.paragraphs)
        elif p.suffix == ".xlsx":
            book = openpyxl.load_workbook(p)
            texts[str(p)] = "\n".join(str(c) for ws in book for row in ws.iter_rows(values_only=True)
                                      for c in row if c is not None)
    return texts


def test_rendered_outputs_hold_no_english_words(sample_batch: Path):
    names = {str(sample_batch), *CASES, *(p.name for p in SAMPLES.rglob("*")), "workbook.xlsx", "report.html"}
    leaks = {}
    for where, text in _texts(sample_batch).items():
        for name in sorted(names, key=len, reverse=True):  # file and case names are the user's own
            text = text.replace(name, " ")
        text = re.sub(r"\S*/\S*", " ", text)  # paths
        text = re.sub(r"(?<![0-9A-Za-z])[0-9a-f]{12}(?![0-9A-Za-z])", " ", text)  # rule-set version (digits first, then a letter: not a word)
        for token in re.findall(r"[A-Za-z][A-Za-z0-9_\-]*", text):
            if CODE.match(token) or token in ALLOWED or re.fullmatch(r"[A-Z]{1,3}\d*|[0-9a-f]{8,}", token):
                continue
            leaks.setdefault(token, Path(where).name)
    assert not leaks, leaks
