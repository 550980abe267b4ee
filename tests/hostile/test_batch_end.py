"""The end of a batch cannot fail: concurrent runs into one folder, a full output disk,
outputs damaged after a run, a batch of nothing usable, a runaway case under the memory
ceiling, and the exit codes a script reads."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time

import click
import pytest
from click.testing import CliRunner

from audit.cli_guard import AuditGroup

from .builders import GOOD, docx_bomb, good_cases, unique_copy
from .conftest import bilingual
from .procwatch import Watched, assert_clean, audit_env, run_audit

BATCH = ["--jobs", "2", "--ocr-engine", "none"]


def _rows(out):
    return {r["case_id"]: r for r in json.loads((out / "summary.json").read_text("utf-8"))}


@pytest.mark.slow
def test_two_batches_into_one_folder(tmp_path):
    folder = tmp_path / "in"
    good_cases(folder)
    unique_copy(GOOD[1], folder / "good3.pdf", 3)
    out = tmp_path / "out"
    env = audit_env(tmp_path)
    first = Watched(["batch", folder, "-o", out, *BATCH], env)
    time.sleep(0.5)
    second = Watched(["batch", folder, "-o", out, *BATCH], env)
    runs = [first.wait(600), second.wait(600)]
    for run in runs:
        assert run.rc == 0, run.output[-2000:]
        assert_clean(run)
        assert "FileNotFoundError" not in run.output
    assert "等待其结束" in runs[1].stderr and "waiting for it to finish" in runs[1].stderr
    assert all(r["error"] is None for r in _rows(out).values())
    with sqlite3.connect(tmp_path / "history.sqlite") as db:
        run_ids = [r[0] for r in db.execute("SELECT run_id FROM runs")]
    assert len(run_ids) == 2 and len(set(run_ids)) == 2  # neither replaced the other


@pytest.mark.slow
def test_resume_redoes_damaged_outputs(tmp_path):
    folder = tmp_path / "in"
    good_cases(folder)
    out = tmp_path / "out"
    env = audit_env(tmp_path)
    assert run_audit(["batch", folder, "-o", out, *BATCH], env).rc == 0
    report = out / "good1" / "report.html"
    size = report.stat().st_size
    report.write_bytes(report.read_bytes()[: size // 2])  # truncated
    (out / "good2" / "notice.docx").unlink()  # deleted
    again = run_audit(["batch", folder, "-o", out, *BATCH], env)
    assert again.rc == 0 and "unchanged cases reused" not in again.stderr, again.stderr
    assert report.stat().st_size == size and (out / "good2" / "notice.docx").is_file()
    third = run_audit(["batch", folder, "-o", out, *BATCH], env)  # intact now: nothing redone
    assert "2 unchanged cases reused" in third.stderr


@pytest.mark.slow
def test_every_case_unusable_exits_2(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "noise.txt").write_bytes(bytes(range(128, 256)) * 40)
    (folder / "empty.pdf").write_bytes(b"")
    run = run_audit(["batch", folder, "-o", tmp_path / "out", *BATCH], audit_env(tmp_path))
    assert run.rc == 2, run.output[-2000:]
    assert_clean(run)
    assert all(bilingual(r["error"]) for r in _rows(tmp_path / "out").values())


@pytest.mark.slow
def test_a_runaway_case_fails_alone_under_the_memory_ceiling(tmp_path):
    folder = tmp_path / "in"
    good_cases(folder, ("good",))
    docx_bomb(folder / "bomb.docx", part_mb=300)
    env = audit_env(tmp_path, AUDIT_MAX_UNPACKED_MB="100000", AUDIT_MAX_WORKER_MB="450")  # budget off: the ceiling acts
    run = run_audit(["batch", folder, "-o", tmp_path / "out", *BATCH], env)
    assert run.rc == 0, run.output[-2000:]
    assert_clean(run, peak_mb=1536)
    rows = _rows(tmp_path / "out")
    assert rows["good"]["error"] is None
    assert "内存超过上限" in rows["bomb"]["error"] and "more memory than the limit" in rows["bomb"]["error"]


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.mark.slow
def test_a_full_output_disk(tmp_path, small_disk):
    folder = tmp_path / "in"
    good_cases(folder, ("good",))
    out = small_disk / "out"
    env = audit_env(tmp_path)
    assert run_audit(["batch", folder, "-o", out, *BATCH], env).rc == 0
    kept = {p: p.read_bytes() for p in (out / "good").rglob("*") if p.is_file()}
    filler = small_disk / "filler"
    try:  # fill the disk to the last byte
        with open(filler, "wb") as fh:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
    except OSError:
        pass
    before = (out / "summary.json").read_bytes()
    run = run_audit(["batch", folder, "-o", out, *BATCH, "--no-resume"], env)
    assert run.rc == 3, run.output[-2000:]
    assert_clean(run)
    assert "输出磁盘已满" in run.stderr and "the output disk is full" in run.stderr
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".*.tmp"))
    assert {p: p.read_bytes() for p in (out / "good").rglob("*") if p.is_file()} == kept  # the finished case intact
    assert (out / "summary.json").read_bytes() == before  # the last good summary was not half replaced
    filler.unlink()
    again = run_audit(["batch", folder, "-o", out, *BATCH], env)
    assert again.rc == 0 and (out / "summary.json").is_file() and (out / "workbook.xlsx").is_file()


def test_internal_error_exits_3_with_a_bilingual_line():
    @click.group(cls=AuditGroup)
    def group() -> None:
        pass

    @group.command()
    def boom() -> None:
        raise RuntimeError("a defect of the program")

    @group.command()
    def interrupted() -> None:
        raise KeyboardInterrupt

    result = CliRunner().invoke(group, ["boom"])
    assert result.exit_code == 3 and "程序内部错误" in result.output and "internal error" in result.output
    assert "Traceback" not in result.output
    stopped = CliRunner().invoke(group, ["interrupted"])
    assert stopped.exit_code == 130 and "已中断；已完成的案卷已保存" in stopped.output
    assert "Aborted" not in stopped.output


def test_disk_full_is_not_a_traceback_in_write_atomic(tmp_path):
    from audit.batch.guards import write_failed

    line = write_failed("汇总工作簿", "the workbook", OSError(28, "No space left on device"))
    assert bilingual(line) and "磁盘已满" in line


@pytest.mark.skipif(shutil.which("mount") is None, reason="no mount command")
def test_marker_registered():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))
    assert any(m.startswith("slow:") for m in config["tool"]["pytest"]["ini_options"]["markers"])
