"""Fixtures for the law registry tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.law.registry import Registry
from tests.law.law_testutil import LAW_DATA, LAWS_DIR


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.load(LAW_DATA)


@pytest.fixture(scope="session")
def laws_dir() -> Path:
    if not LAWS_DIR.is_dir():
        pytest.skip("../shared/laws not present")
    return LAWS_DIR
