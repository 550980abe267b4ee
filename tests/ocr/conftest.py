"""Shared fixtures: scanned renderings of a committed sample, made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.samples_cli import load_generator

ROOT = Path(__file__).resolve().parents[2]
SIMPLE = ROOT / "samples" / "cases" / "simple-2024-publicplace" / "case.pdf"


@pytest.fixture(scope="session")
def scan():
    return load_generator("scan")


@pytest.fixture(scope="session")
def scans(tmp_path_factory, scan) -> Path:
    """Scanned PDFs of the simple sample: upright pages, and page 2 turned 90° and 180°."""
    out = tmp_path_factory.mktemp("scans")
    scan.render_scanned_pdf(SIMPLE, out / "p1.pdf", seed=11, pages=[1])
    scan.render_scanned_pdf(SIMPLE, out / "p2-90.pdf", seed=12, pages=[2], rotations={2: 90}, max_skew=0.3)
    scan.render_scanned_pdf(SIMPLE, out / "p2-180.pdf", seed=13, pages=[2], rotations={2: 180}, max_skew=0.3)
    scan.render_scanned_pdf(SIMPLE, out / "p3.pdf", seed=14, pages=[3])
    return out
