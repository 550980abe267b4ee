"""The sample batch, run once for the report tests: samples/cases with a reviewer's side file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"
REVIEW = """signoff: {reviewer: 王评查, checker: 李复核, date: 2026-11-20}
comments:
  DOC002: 已电话告知办案人员，请于十日内补正。
"""


@pytest.fixture(scope="session")
def sample_batch(tmp_path_factory) -> Path:
    from audit.batch.run import BatchOptions, run_batch

    folder = tmp_path_factory.mktemp("in")
    for case in SAMPLES.iterdir():
        shutil.copytree(case, folder / case.name)
    (folder / "ord-2024-waste" / "review.yaml").write_text(REVIEW, encoding="utf-8")
    out = tmp_path_factory.mktemp("run") / "out"
    old = os.umask(0o022)  # what a shared drive expects: files 0644
    try:
        run_batch(folder, out, BatchOptions(jobs=2, name="2024年第一季度评查"), history=out.parent / "history.sqlite")
    finally:
        os.umask(old)
    return out
