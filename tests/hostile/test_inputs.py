"""Hostile files in one batch beside good cases, through the real ``audit`` processes.

Each hostile input gets its bilingual line (or is read correctly), the batch ends with its
workbook, summary and history, the good cases of the same batch are audited, no process
outlives the batch, and no process of it passes 1.5 GB.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from .builders import (
    BIG5_TEXT,
    bytes_name,
    docx_bomb,
    good_cases,
    huge_mediabox_pdf,
    pixel_bomb_png,
    shifted_xref_pdf,
)
from .conftest import bilingual
from .procwatch import ROOT, assert_clean, audit_env, run_audit

pytestmark = pytest.mark.slow

LONG_NAME = "宁波市鄞州区卫生健康局关于某某口腔门诊部将医疗废物混入生活垃圾一案的行政处罚案卷材料汇编及其附件清单目录第一册正本" * 2
LONG_NAME = LONG_NAME[:80]  # 240 bytes: a legal name; with ".txt.waivers.yaml" it is not
DECISION = ("行政处罚决定书\n甬鄞卫医罚〔2024〕99号\n当事人：某某诊所\n"
            "经查，你单位于2024年3月1日将医疗废物混入生活垃圾，违反了《医疗废物管理条例》第十六条的规定。\n")
THIRD = ROOT / "samples" / "cases" / "ord-2023-medinst-staff" / "case.pdf"
INVALID_NAME = b"\xff\xfe\xe6\xa1\x88\xe5\x8d\xb7.txt"  # two bytes that are not UTF-8, then 案卷


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "in"
    good = good_cases(folder)
    docx_bomb(folder / "bomb.docx", part_mb=300)
    huge_mediabox_pdf(folder / "huge.pdf")
    pixel_bomb_png(folder / "pixels.png")
    (folder / "big5.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (folder / "noise.txt").write_bytes(bytes(range(128, 256)) * 40)
    shifted_xref_pdf(THIRD, folder / "shifted.pdf")  # another case than the good ones (no duplicate 文号)
    assert len(LONG_NAME.encode()) + len(".txt.waivers.yaml") > 255  # the side file's name is too long
    (folder / f"{LONG_NAME}.txt").write_text(DECISION, encoding="utf-8")
    bytes_name(folder, INVALID_NAME, DECISION.replace("99号", "98号").encode("utf-8"))
    (folder / "case.txt").write_text(DECISION.replace("99号", "97号"), encoding="utf-8")
    _docx(folder / "case.docx", DECISION.replace("99号", "96号"))
    out = tmp / "out"
    run = run_audit(["batch", folder, "-o", out, "--jobs", "2", "--ocr-engine", "none"], audit_env(tmp), timeout=900)
    rows = {r["case_id"]: r for r in json.loads((out / "summary.json").read_text("utf-8"))}
    return {"run": run, "rows": rows, "out": out, "tmp": tmp, "good": good}


def _docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def test_the_batch_ends_cleanly(batch):
    run = batch["run"]
    print(f"hostile batch: largest process {run.peak_process_mb:.0f} MB, whole tree {run.peak_tree_mb:.0f} MB, "
          f"{run.seconds:.0f} s")
    assert run.rc == 0, run.output[-3000:]
    assert_clean(run)
    out = batch["out"]
    for name in ("workbook.xlsx", "summary.json", "summary.txt", "run.json"):
        assert (out / name).stat().st_size > 0
    assert not list(out.rglob("*.tmp"))
    for case_id in batch["good"]:  # the good cases of the same batch were audited
        assert batch["rows"][case_id]["error"] is None and batch["rows"][case_id]["score"] is not None
        assert (out / case_id / "report.html").is_file()


def test_history_holds_every_audited_case_under_its_batch_id(batch):
    run_json = json.loads((batch["out"] / "run.json").read_text("utf-8"))
    with sqlite3.connect(batch["tmp"] / "history.sqlite") as db:
        ids = {r[0] for r in db.execute("SELECT case_id FROM cases WHERE run_id = ?", (run_json["run_id"],))}
    audited = {c for c, r in batch["rows"].items() if r["error"] is None}
    assert audited and ids == audited
    assert {"case-txt", "case-docx"} <= ids  # case.txt beside case.docx: two cases, no clash


@pytest.mark.parametrize("case_id, words", [
    ("bomb", ("超出处理上限", "MB unpacked")),  # a 0.95 MB .docx whose document.xml is 300 MB
    ("huge", ("幅面", "cm")),  # 20000 × 20000 pt pages
    ("pixels", ("像素", "pixels")),  # 40000 × 40000 PNG: too large, not "corrupt"
    ("noise", ("编码无法识别", "not recognised")),  # bytes no encoding makes sense of
])
def test_hostile_file_gets_its_bilingual_line(batch, case_id, words):
    error = batch["rows"][case_id]["error"]
    assert error and bilingual(error), error
    assert all(w in error for w in words), error
    assert "损坏" not in error and "Traceback" not in error


def test_big5_text_is_read_as_big5(batch):
    error = batch["rows"]["big5"]["error"]  # traditional wording: audited, or named as no penalty case
    assert error is None or ("不是可识别的行政处罚案卷" in error and "编码" not in error), error
    from audit.ingest import load_pages

    pages, _ = load_pages(batch["tmp"] / "in" / "big5.txt")
    assert "醫療機構管理條例" in "\n".join(line.text for line in pages[0].lines)


def test_a_pdf_with_a_broken_xref_is_read_by_pdfium_with_a_warning(batch):
    assert batch["rows"]["shifted"]["error"] is None
    extraction = json.loads((batch["out"] / "shifted" / "extraction.json").read_text("utf-8"))
    import pypdfium2

    assert len(extraction["pages"]) == len(pypdfium2.PdfDocument(THIRD)) > 1  # every page, none dropped
    assert any("页数读取不一致" in w and "page counts disagree" in w for w in extraction.get("warnings", [])), \
        extraction.get("warnings")


def test_long_and_undecodable_names_are_audited(batch):
    rows = batch["rows"]
    assert rows[LONG_NAME]["error"] is None
    odd = [c for c in rows if "\ufffd" in c]
    assert len(odd) == 1 and rows[odd[0]]["error"] is None
    assert (batch["out"] / odd[0] / "report.html").is_file()


@pytest.mark.parametrize("name", ["bomb.docx", "huge.pdf", "pixels.png", "noise.txt"])
def test_check_refuses_with_exit_2(batch, name):
    run = run_audit(["check", batch["tmp"] / "in" / name], audit_env(batch["tmp"]), timeout=300)
    assert run.rc == 2, run.output[-2000:]
    assert "错误：" in run.stderr and "Error:" in run.stderr
    assert_clean(run)
