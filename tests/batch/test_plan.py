"""Batch CPU plan and caches: OCR threads per case worker, the batch's reading options reach
every worker, and a re-audit after a rule change reads every case from the case cache."""

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from audit.batch.distributed import _planned, slots_by_worker
from audit.batch.run import BatchOptions, ocr_threads, plan_task, run_batch
from audit.cli import main
from audit.ocr.options import OcrOptions, available_cores

ROOT = Path(__file__).resolve().parents[2]
DECISION = ROOT / "tests" / "data" / "decision-2023.txt"
SMALL = ROOT / "samples" / "cases" / "simple-2024-publicplace"


def _folder(tmp_path: Path, copies: int = 2) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(copies):
        text = DECISION.read_text(encoding="utf-8").replace("12号", f"{30 + i}号")
        (folder / f"case{i}.txt").write_text(text, encoding="utf-8")
    shutil.copytree(SMALL, folder / "small")
    return folder


def test_threads_per_worker_never_oversubscribe():
    assert ocr_threads(1, cores=16) == 16
    assert ocr_threads(4, cores=16) == 4
    assert ocr_threads(3, cores=16) == 5
    assert ocr_threads(2, cores=2) == 1
    assert ocr_threads(8, cores=2) == 1  # more workers than cores: one thread each, never zero
    assert ocr_threads(0, cores=4) == 4
    for jobs in range(1, 20):
        assert jobs * ocr_threads(jobs, cores=16) <= max(16, jobs)


def test_plan_sets_threads_unless_given():
    task = {"ocr": OcrOptions(engine="rapidocr", dpi=150), "case_id": "x"}
    planned = plan_task(task, 2, cores=8)
    assert planned["ocr"].threads == 4 and planned["ocr"].workers == 1 and planned["ocr"].dpi == 150
    assert task["ocr"].threads is None  # the original task is left as it was
    fixed = {"ocr": OcrOptions(threads=3)}
    assert plan_task(fixed, 2, cores=8)["ocr"].threads == 3


def test_dask_slots_count_every_worker_thread_on_a_machine():
    workers = {
        "tcp://a:1": {"host": "a", "nthreads": 2},
        "tcp://a:2": {"host": "a", "nthreads": 1},
        "tcp://b:1": {"host": "b", "nthreads": 4},
    }
    assert slots_by_worker(workers) == {"tcp://a:1": 3, "tcp://a:2": 3, "tcp://b:1": 4}
    # outside a Dask worker the plan still runs (one slot) before the task
    seen = _planned(lambda t: t, {"ocr": OcrOptions()}, {}, lambda t, n: {**t, "slots": n})
    assert seen["slots"] == 1


def test_batch_options_reach_every_worker(tmp_path: Path):
    folder = _folder(tmp_path)
    options = BatchOptions(jobs=2, ocr=OcrOptions(engine="none", dpi=150, cache_dir=tmp_path / "cache"))
    summary = run_batch(folder, tmp_path / "out", options, history=tmp_path / "h.sqlite")
    assert [r.error for r in summary.results] == [None, None, None]
    for r in summary.results:
        assert r.stats["ocr"] == {"engine": "none", "dpi": 150, "threads": ocr_threads(2), "page_cache": True,
                                  "case_cache": True}
        assert r.stats["pages"] >= 1 and r.stats["from_cache"] is False and r.stats["peak_rss_mb"] > 0
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["ocr"]["engine"] == "none" and run["read_from_cache"] == 0


def test_rule_change_reaudits_from_the_case_cache(tmp_path: Path):
    folder = _folder(tmp_path)
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    first = run_batch(folder, out, BatchOptions(jobs=2, ocr=OcrOptions(cache_dir=cache)), history=tmp_path / "h")
    assert not any(r.stats["from_cache"] for r in first.results)
    before = json.loads((out / "case0" / "findings.json").read_text(encoding="utf-8"))

    again = run_batch(folder, out, BatchOptions(jobs=2, ignore=["DIS"], ocr=OcrOptions(cache_dir=cache)),
                      history=tmp_path / "h")
    assert all(r.stats["from_cache"] for r in again.results), [r.stats for r in again.results]
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["read_from_cache"] == 3
    after = json.loads((out / "case0" / "findings.json").read_text(encoding="utf-8"))
    assert [f for f in before if not f["rule"].startswith("DIS")] == after
    assert any(f["rule"].startswith("DIS") for f in before)


def test_no_cache_uses_neither_cache(tmp_path: Path):
    folder = _folder(tmp_path, copies=1)
    cache = tmp_path / "cache"
    summary = run_batch(folder, tmp_path / "out", BatchOptions(jobs=1, cache=False, ocr=OcrOptions(cache_dir=cache)),
                        history=tmp_path / "h")
    assert all(r.error is None for r in summary.results)
    assert summary.results[0].stats["ocr"]["page_cache"] is False
    assert not (cache / "cases").exists() and not (cache / "ocr").exists()


def test_cli_batch_passes_reading_options(tmp_path: Path, monkeypatch):
    folder = _folder(tmp_path, copies=1)
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(out), "--jobs", "1", "--ocr-engine", "none",
                                       "--dpi", "120", "--no-ocr-cache"])
    assert result.exit_code == 0, result.output
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["ocr"] == {"engine": "none", "dpi": 120, "page_cache": False, "case_cache": True}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert {s["stats"]["ocr"]["threads"] for s in summary} == {available_cores()}  # one worker: every core
    bad = CliRunner().invoke(main, ["batch", str(folder), "-o", str(out), "--ignore", "NOPE-9"])
    assert bad.exit_code == 2 and "NOPE-9" in bad.output
    unknown = CliRunner().invoke(main, ["batch", str(folder), "-o", str(out), "--ocr-engine", "nope"])
    assert unknown.exit_code != 0 and "nope" in unknown.output and "rapidocr" in unknown.output
