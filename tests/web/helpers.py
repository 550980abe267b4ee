"""Helpers of the self-check page tests: an app over a temporary working folder."""

from __future__ import annotations

import time
from pathlib import Path

from starlette.testclient import TestClient

from audit.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"
# a text PDF whose injected defects the self-check reports (see test_browser.py)
SAMPLE = CORPUS / "gd-ord-2022-waste" / "text.pdf"
BASE = "http://127.0.0.1:8765"


def make_client(workdir: Path, **options) -> TestClient:
    """A client of the page as the page's own script is: it brings the page's CSRF token."""
    app = create_app(workdir, **options)
    return TestClient(app, base_url=BASE, headers={"X-CSRF-Token": app.state.audit.csrf_token})


def upload(client: TestClient, *files: tuple[str, bytes], view: str = "self", paths: list[str] | None = None):
    data: dict = {"view": view}
    if paths:
        data["paths"] = paths
    return client.post("/cases", files=[("files", (name, body, "application/octet-stream")) for name, body in files],
                       data=data, headers={"Accept": "application/json"})


def wait_done(client: TestClient, job_id: str, timeout: float = 60) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        status = client.get(f"/cases/{job_id}/status").json()
        if status["state"] in ("done", "error"):
            return status
        time.sleep(0.1)
    raise AssertionError(f"case {job_id} not read within {timeout} s")
