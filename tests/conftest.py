"""Shared test set-up: no test writes into the repository's reports/ folder or ~/.cache; the
test tiers; the sample evaluations made once per run.

Tiers (markers registered in pyproject.toml): ``slow`` (fuzzing, Dask, whole-corpus
evaluations, batches of processes), ``ocr`` (reads page images with the OCR engine),
``browser`` (headless Chromium), ``fonts`` (draws PDFs with the Debian CJK fonts). ``make check``
runs the rest in under a minute; ``make test`` runs everything. Markers are given here by path
(``TIERS``) so a folder's tier is stated once, and in the test files where a single test differs.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent

TIERS: dict[str, tuple[str, ...]] = {
    "fuzz/": ("slow",),
    "batch/test_dask.py": ("slow",),
    "eval/test_run.py": ("slow",),
    "hostile/": ("slow",),
    "batch/test_resume.py": ("slow",),
    "batch/test_plan.py": ("slow",),
    "batch/test_inputs.py": ("slow",),
    "batch/test_notices.py": ("slow",),
    "test_pool.py": ("slow",),
    "report/test_case_outputs.py": ("slow",),
    "legal/test_hearing_generated.py": ("slow",),
    "report/test_index_browser.py": ("browser",),
    "report/test_casebook.py": ("slow",),
    "report/test_absence_crops.py": ("slow",),
    "report/test_outputs.py": ("slow",),  # whole reports of real cases, 1-2 s each: keeps make check under a minute
    "stats/test_commands.py": ("slow",),
    "stats/test_render.py": ("slow",),
    "web/test_overrides.py": ("slow",),
    "web/test_warmup.py": ("ocr",),
    "ocr/": ("ocr",),
    "web/test_browser.py": ("browser",),
    "generator/": ("fonts",),
    "generator/test_handmade.py": ("fonts",),
}


# a test that names its tier in its own name (…_in_headless_chromium) gets the marker too
NAMED: dict[str, str] = {"chromium": "browser", "libreoffice": "slow"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        for word, mark in NAMED.items():
            if word in item.name:
                item.add_marker(mark)
        try:
            rel = Path(str(item.fspath)).resolve().relative_to(TESTS).as_posix()
        except ValueError:
            continue
        for prefix, marks in TIERS.items():
            if rel == prefix or rel.startswith(prefix):
                for mark in marks:
                    item.add_marker(mark)


@pytest.fixture(autouse=True)
def _history_db_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_HISTORY_DB", str(tmp_path / "history.sqlite"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Never touch the user's ~/.cache: one OCR cache folder for the test session."""
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "ocr-cache"))


@pytest.fixture(scope="session")
def corpus_text_eval():
    """``audit eval`` of the committed corpus's text renderings, made once per test run."""
    from audit.eval import evaluate

    corpus = ROOT / "samples" / "corpus"
    if not corpus.exists():
        pytest.skip("no committed corpus")
    return evaluate(corpus, ["text"])


@pytest.fixture(scope="session")
def hand_made_eval():
    """``audit eval`` of the hand-made cases (samples/cases), made once per test run."""
    from audit.eval import evaluate

    return evaluate(ROOT / "samples" / "cases", ["text"])
