"""Shared test set-up: no test writes into the repository's reports/ folder."""

import pytest


@pytest.fixture(autouse=True)
def _history_db_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_HISTORY_DB", str(tmp_path / "history.sqlite"))
