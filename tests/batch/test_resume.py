"""Batches never lose work: kill -9 mid-batch, run again, everything is audited once."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl

from audit.batch.run import BatchOptions, run_batch

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"
DECISION = ROOT / "tests" / "data" / "decision-2023.txt"


def _inputs(folder: Path, copies: int = 6) -> list[str]:
    folder.mkdir()
    names = []
    for i in range(copies):
        name = f"case{i:02d}"
        # distinct content per copy: each is a different case to the batch
        (folder / f"{name}.txt").write_text(DECISION.read_text(encoding="utf-8").replace("12号", f"{12 + i}号"),
                                            encoding="utf-8")
        names.append(name)
    shutil.copytree(SAMPLES / "ord-2024-waste", folder / "waste")
    return [*names, "waste"]


def test_kill_9_mid_batch_then_resume_loses_and_duplicates_nothing(tmp_path: Path):
    cases = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    env = {**os.environ, "AUDIT_HISTORY_DB": str(tmp_path / "h.sqlite"), "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "audit.cli", "batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "1"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*/done.json"))) < 2:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole batch, workers included, at once
    proc.wait()
    finished_before = {p.parent.name for p in out.glob("*/done.json")}
    assert 2 <= len(finished_before) < len(cases), finished_before
    assert not (out / "run.json").exists()  # the interrupted run never got to its summary

    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{len(finished_before)} 个案卷此前已审查且未变化" in again.stderr
    assert {p.parent.name for p in out.glob("*/done.json")} == set(cases)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["reused"] == len(finished_before) and sorted(run["cases"]) == sorted(cases)
    rows = list(openpyxl.load_workbook(out / "workbook.xlsx")["案卷"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in rows) == sorted(cases)  # each case exactly once
    assert not list(out.rglob("*.tmp"))


def test_changed_case_is_audited_again_and_unchanged_reused(tmp_path: Path):
    _inputs(tmp_path / "in", copies=2)
    out = tmp_path / "out"
    options = BatchOptions(jobs=1)
    run_batch(tmp_path / "in", out, options, history=tmp_path / "h.sqlite")
    stamp = (out / "case00" / "done.json").stat().st_mtime_ns
    text = (tmp_path / "in" / "case01.txt").read_text(encoding="utf-8")
    (tmp_path / "in" / "case01.txt").write_text(text.replace("¥20,000.00", "¥2,000.00"), encoding="utf-8")
    lines: list[str] = []
    summary = run_batch(tmp_path / "in", out, options, history=tmp_path / "h.sqlite", progress=lines.append)
    assert (out / "case00" / "done.json").stat().st_mtime_ns == stamp  # reused, not rewritten
    changed = next(r for r in summary.results if r.case_id == "case01")
    assert changed.counts["fail"] >= 1  # re-audited: the new amount mismatch is found
    assert any("case01" in line for line in lines) and not any("case00" in line for line in lines)


def test_duplicates_unsupported_and_broken_files_are_accounted_for(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DECISION.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "a-copy.txt").write_bytes((folder / "a.txt").read_bytes())
    (folder / "notes.xyz").write_text("not a case", encoding="utf-8")
    (folder / "empty.pdf").write_bytes(b"")
    summary = run_batch(folder, tmp_path / "out", BatchOptions(jobs=2), history=tmp_path / "h.sqlite")
    by_id = {r.case_id: r for r in summary.results}
    assert set(by_id) == {"a", "notes", "empty"}  # the copy is audited once and counted once
    assert by_id["a"].error is None
    assert set(summary.duplicates) == {"a-copy"} and "a" in summary.duplicates["a-copy"]
    assert "不支持的文件类型" in by_id["notes"].error
    assert "文件为空" in by_id["empty"].error


def test_a_partial_write_left_by_a_killed_run_is_removed_when_the_case_is_redone(tmp_path: Path):
    cases = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    first = out / sorted(cases)[0]
    first.mkdir(parents=True)
    (first / ".notice.docx.k1ll3d.tmp").write_bytes(b"PK\x03\x04 half a notice")  # no done.json: redone
    run_batch(tmp_path / "in", out, BatchOptions(jobs=1, pdf=False), history=tmp_path / "h.sqlite")
    assert (first / "done.json").is_file() and (first / "notice.docx").is_file()
    assert not list(out.rglob("*.tmp"))
