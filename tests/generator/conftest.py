"""Fixtures for the sample generator (samples/generator, loaded by path as the package ``casegen``)."""

from __future__ import annotations

import importlib

import pytest

from audit.samples_cli import load_generator


@pytest.fixture(scope="session")
def gen():
    """The package ``casegen`` with its modules loaded (``gen.build.build``, ``gen.defects``…)."""
    pytest.importorskip("reportlab")
    for module in ("build", "corpus", "handmade", "scan"):
        load_generator(module)
    return importlib.import_module("casegen")
