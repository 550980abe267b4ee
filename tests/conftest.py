"""Shared test set-up: no test writes into the repository's reports/ folder or ~/.cache."""

import pytest


@pytest.fixture(autouse=True)
def _history_db_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_HISTORY_DB", str(tmp_path / "history.sqlite"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Never touch the user's ~/.cache: one OCR cache folder for the test session."""
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "ocr-cache"))
