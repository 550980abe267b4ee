"""Shared fixtures: scanned renderings of a committed sample, made once per session."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIMPLE = ROOT / "samples" / "cases" / "simple-2024-publicplace" / "case.pdf"


def load_scan_module():
    if "sample_scan" in sys.modules:
        return sys.modules["sample_scan"]
    spec = importlib.util.spec_from_file_location("sample_scan", ROOT / "samples" / "scan.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["sample_scan"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def scan():
    return load_scan_module()


@pytest.fixture(scope="session")
def scans(tmp_path_factory, scan) -> Path:
    """Scanned PDFs of the simple sample: upright pages, and page 2 turned 90° and 180°."""
    out = tmp_path_factory.mktemp("scans")
    scan.render_scanned_pdf(SIMPLE, out / "p1.pdf", seed=11, pages=[1])
    scan.render_scanned_pdf(SIMPLE, out / "p2-90.pdf", seed=12, pages=[2], rotations={2: 90}, max_skew=0.3)
    scan.render_scanned_pdf(SIMPLE, out / "p2-180.pdf", seed=13, pages=[2], rotations={2: 180}, max_skew=0.3)
    scan.render_scanned_pdf(SIMPLE, out / "p3.pdf", seed=14, pages=[3])
    return out
