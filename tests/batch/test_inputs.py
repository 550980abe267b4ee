"""Case boundaries in a batch: a folder of one case's pages is one case; repeats are
audited and counted once; OS litter is no case."""

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from audit.batch.inputs import find_cases, is_one_case
from audit.batch.run import BatchOptions, run_batch

ROOT = Path(__file__).resolve().parents[2]
DECISION = (ROOT / "tests" / "data" / "decision-2023.txt").read_text(encoding="utf-8")


def _case_text(number: int) -> str:
    return DECISION.replace("〔2023〕12号", f"〔2023〕{number}号")


def _rows(out: Path, sheet: str = "案卷") -> list[tuple]:
    return list(openpyxl.load_workbook(out / "workbook.xlsx")[sheet].iter_rows(min_row=2, values_only=True))


def _run(folder: Path, out: Path):
    return run_batch(folder, out, BatchOptions(jobs=1), history=out.parent / "h.sqlite")


def test_folder_of_one_cases_pages_is_one_case(tmp_path: Path):
    case = tmp_path / "杭西卫医罚2023-12"
    case.mkdir()
    lines = DECISION.splitlines()
    for n, chunk in enumerate((lines[:8], lines[8:]), start=1):
        (case / f"{n:03d}.txt").write_text("\n".join(chunk), encoding="utf-8")
    (case / "Thumbs.db").write_bytes(b"\x00")
    assert is_one_case(case) and find_cases(case) == [case]
    summary = _run(case, tmp_path / "out")
    assert [(r.case_id, r.error) for r in summary.results] == [("杭西卫医罚2023-12", None)]
    record = json.loads((tmp_path / "out" / "杭西卫医罚2023-12" / "record.json").read_text(encoding="utf-8"))
    assert record["pages"] == 2


def test_folder_of_several_cases_is_not_one_case(tmp_path: Path):
    for n in (1, 2):
        (tmp_path / f"case{n}").mkdir()
        (tmp_path / f"case{n}" / "decision.txt").write_text(_case_text(n), encoding="utf-8")
    (tmp_path / "杭西卫医罚告2023-3.txt").write_text(_case_text(3), encoding="utf-8")
    assert not is_one_case(tmp_path)
    assert [p.name for p in find_cases(tmp_path)] == ["case1", "case2", "杭西卫医罚告2023-3.txt"]


def test_os_litter_and_side_files_are_not_cases(tmp_path: Path):
    (tmp_path / "a.txt").write_text(_case_text(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_case_text(2), encoding="utf-8")
    for name in ("Thumbs.db", "desktop.ini", ".DS_Store", "~$a.docx", "notes.md"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in find_cases(tmp_path)] == ["a.txt", "b.txt"]


@pytest.fixture
def repeated(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(_case_text(12), encoding="utf-8")
    shutil.copy(folder / "a.txt", folder / "a-副本.txt")  # byte-identical copy
    (folder / "b.txt").write_text(_case_text(12) + "\n（复印件）", encoding="utf-8")  # same 文号, other bytes
    (folder / "c.txt").write_text(_case_text(13), encoding="utf-8")
    return folder


def test_duplicates_are_named_audited_once_and_counted_once(repeated: Path, tmp_path: Path):
    out = tmp_path / "out"
    summary = _run(repeated, out)
    assert sorted(r.case_id for r in summary.results) == ["a", "c"]
    text = summary.text()
    assert "共 2 个案卷" in text and "重复提交 2 份" in text
    assert "a-副本 与 a 内容完全相同" in text and "b 与 a 文号相同" in text
    assert not (out / "a-副本").exists()  # identical bytes: not audited at all
    assert sorted(r[0] for r in _rows(out)) == ["a", "c"]  # the workbook counts each case once
    assert {r[0] for r in _rows(out, "重复提交")} == {"a-副本", "b"}
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert sorted(run["cases"]) == ["a", "c"] and set(run["duplicates"]) == {"a-副本", "b"}
    from audit.stats.dataset import load_dataset

    assert sorted(r["case_id"] for r in load_dataset([out]).records) == ["a", "c"]  # and so do the statistics


def test_two_empty_files_are_not_duplicates_of_each_other(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.pdf").write_bytes(b"")
    (folder / "y.pdf").write_bytes(b"")
    (folder / "z.txt").write_text(_case_text(1), encoding="utf-8")
    summary = _run(folder, tmp_path / "out")
    errors = {r.case_id: r.error for r in summary.results}
    assert "文件为空" in errors["x"] and "文件为空" in errors["y"]
    assert not summary.duplicates
