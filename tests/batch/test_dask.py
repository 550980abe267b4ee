"""The same batch on a Dask LocalCluster of two workers gives the same outputs."""

import json
import shutil
from pathlib import Path

import pytest

from audit.batch.run import BatchOptions, ocr_threads, run_batch

pytest.importorskip("distributed")
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"


def test_local_cluster_matches_process_pool(tmp_path: Path):
    folder = tmp_path / "in"
    for case in SAMPLES.iterdir():
        shutil.copytree(case, folder / case.name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    pooled = run_batch(folder, tmp_path / "pool", BatchOptions(jobs=2), history=tmp_path / "h1.sqlite")
    dasked = run_batch(folder, tmp_path / "dask", BatchOptions(jobs=2, scheduler="local"), history=tmp_path / "h2.sqlite")
    assert [(r.case_id, r.score, r.error is None) for r in dasked.results] == [
        (r.case_id, r.score, r.error is None) for r in pooled.results
    ]
    for case in ("ord-2024-waste", "ord-2023-medinst-staff"):
        a = json.loads((tmp_path / "pool" / case / "record.json").read_text(encoding="utf-8"))
        b = json.loads((tmp_path / "dask" / case / "record.json").read_text(encoding="utf-8"))
        assert a["findings"] == b["findings"] and a["score"] == b["score"]
        assert (tmp_path / "dask" / case / "report.html").exists()
    # two single-threaded Dask workers on this machine: each case reads with cores // 2 OCR threads
    planned = {r.stats["ocr"]["threads"] for r in dasked.results if r.error is None}
    assert planned == {ocr_threads(2)}
