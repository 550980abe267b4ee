"""Stopping ``audit batch`` and ``audit serve`` with real signals: Ctrl-C (SIGINT to the
process group, as a terminal sends it), ``kill`` (SIGTERM) and ``kill -9``. No traceback,
no worker left running or writing, finished cases kept and reused by the next run."""

from __future__ import annotations

import json
import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from audit.cli_guard import INTERRUPTED

from .builders import GOOD, unique_copy
from .procwatch import ROOT, Watched, assert_clean, audit_env, run_audit, signal_group

pytestmark = pytest.mark.slow
BATCH = ["--jobs", "2", "--ocr-engine", "none"]


def _cases(folder: Path, n: int = 8) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        unique_copy(GOOD[i % 2], folder / f"case{i:02d}.pdf", i)


def _done(out: Path) -> list[Path]:
    return list(out.glob("*/done.json"))


def _snapshot(out: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def _interrupt(tmp_path: Path, send) -> tuple:
    folder, out = tmp_path / "in", tmp_path / "out"
    _cases(folder)
    env = audit_env(tmp_path)
    batch = Watched(["batch", folder, "-o", out, *BATCH], env)
    batch.wait_for(lambda: len(_done(out)) >= 1 and len(batch.workers()) >= 2, 300, "a finished case")
    send(batch)
    run = batch.wait(60)
    settled = _snapshot(out)
    time.sleep(2)
    assert _snapshot(out) == settled, "something still wrote into OUT after the batch ended"
    return run, folder, out, env


def _resumes(folder: Path, out: Path, env: dict, finished: int) -> None:
    again = run_audit(["batch", folder, "-o", out, *BATCH], env)
    assert again.rc == 0, again.output[-2000:]
    assert f"{finished} unchanged cases reused" in again.stderr or finished == 0
    assert len(_done(out)) == 8


def test_ctrl_c_stops_a_batch_cleanly(tmp_path):
    run, folder, out, env = _interrupt(tmp_path, lambda b: signal_group(b, signal.SIGINT))
    assert run.rc == 130, run.output[-2000:]
    assert INTERRUPTED in run.stderr and "KeyboardInterrupt" not in run.output and "Aborted" not in run.output
    assert_clean(run)
    _resumes(folder, out, env, len(_done(out)))


def test_sigterm_stops_a_batch_cleanly(tmp_path):
    run, folder, out, env = _interrupt(tmp_path, lambda b: b.signal(signal.SIGTERM))
    assert run.rc == 143, run.output[-2000:]
    assert INTERRUPTED in run.stderr
    assert_clean(run)
    _resumes(folder, out, env, len(_done(out)))


def test_kill_9_leaves_no_worker_behind(tmp_path):
    run, folder, out, env = _interrupt(tmp_path, lambda b: b.signal(signal.SIGKILL))
    assert run.rc == -signal.SIGKILL
    assert not run.leaked, f"workers outlived kill -9 of their batch: {run.leaked}"
    _resumes(folder, out, env, len(_done(out)))


def _upload(url: str, token: str, path: Path) -> dict:
    import urllib.request

    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{path.name}\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(url + "cases", data=body, method="POST", headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", "Accept": "application/json",
        "X-CSRF-Token": token, "Origin": url.rstrip("/")})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + 60
    while True:  # the address is printed before the server listens
        try:
            with opener.open(request, timeout=60) as reply:
                return json.loads(reply.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_serve_stops_with_its_ocr_workers(tmp_path, signum, code):
    work = tmp_path / "work"
    env = audit_env(tmp_path)
    serve = Watched(["serve", "--port", "0", "--no-open", "--workdir", work], env)
    serve.wait_for(lambda: "http://" in serve.read()[0], 120, "the address")
    url = serve.read()[0].split("http://", 1)[1].split("（", 1)[0]
    url = "http://" + url
    token = (work / ".csrf-token").read_text("ascii").strip()
    scanned = ROOT / "samples" / "corpus" / "zj-simple-2024-waste" / "scanned.pdf"
    _upload(url, token, scanned)
    serve.wait_for(lambda: len(serve.workers()) >= 3, 300, "OCR workers")  # fork server, tracker, workers
    if signum == signal.SIGINT:
        signal_group(serve, signum)
    else:
        serve.signal(signum)
    t0 = time.monotonic()
    run = serve.wait(60)
    assert time.monotonic() - t0 < 30, "serve took too long to stop"
    assert run.rc == code, run.output[-2000:]
    assert_clean(run)  # kill -9 too: the fork server and OCR workers end with serve
    assert "自查网页已停止" in run.stderr or signum == signal.SIGKILL
    assert os.path.exists(work)
