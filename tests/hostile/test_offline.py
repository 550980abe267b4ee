"""Nothing is sent anywhere: an OCR run (the CLI, its fork server and OCR workers, ONNX
Runtime loaded in each) makes no DNS query and opens no network connection. Watched with
``strace -f`` on every process of the run; local (AF_UNIX) sockets between the program and
its workers are the only ones allowed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from .procwatch import ROOT, audit_env

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")]

PAGES = sorted((ROOT / "samples" / "corpus" / "zj-simple-2024-waste" / "pages").iterdir())[:2]
NETWORK = re.compile(r"(connect|sendto|sendmsg|sendmmsg)\((\d+), \{sa_family=AF_INET6?\b")


def test_an_ocr_run_makes_no_network_query(tmp_path):
    trace = tmp_path / "trace"
    env = audit_env(tmp_path)
    command = ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg", "-o", str(trace),
               sys.executable, "-m", "audit.cli", "ocr", *map(str, PAGES), "--no-cache", "--workers", "2"]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if "Operation not permitted" in done.stderr and "ptrace" in done.stderr:
        pytest.skip("ptrace is not permitted here")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.strip(), "the OCR run read nothing"  # it really ran the engine
    log = trace.read_text(errors="replace")
    assert "AF_UNIX" in log  # the trace saw the program talk to its fork server: it followed the processes
    network = [line for line in log.splitlines() if NETWORK.search(line)]
    assert not network, "network traffic:\n" + "\n".join(network[:20])
    assert "events.data.microsoft.com" not in log


def test_the_telemetry_switch_is_set_before_onnxruntime_loads():
    code = ("import os, sys; import audit; assert 'onnxruntime' not in sys.modules; "
            "print(os.environ.get('ORT_DISABLE_TELEMETRY'))")
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "1", done.stderr
