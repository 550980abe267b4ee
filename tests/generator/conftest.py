"""Fixtures for the sample generator (samples/generator, loaded by path as ``casegen``)."""

from __future__ import annotations

import pytest

from audit.samples_cli import load_generator


@pytest.fixture(scope="session")
def gen():
    pytest.importorskip("reportlab")
    return load_generator()
