"""Run an ``audit`` command as a real process and watch its whole process tree: the peak
resident memory of each process (VmHWM, so a spike between samples is not missed), the
sum over the tree, and the processes left alive after it ended."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_S = 0.1


@dataclass
class Run:
    rc: int
    stdout: str
    stderr: str
    peak_process_mb: float  # the largest single process (a worker, or the parent)
    peak_tree_mb: float  # the largest sum over the tree at one sample
    leaked: list[int] = field(default_factory=list)  # processes of the tree alive after it ended
    seconds: float = 0.0

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _ppid_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children[ppid].append(int(entry))
    return children


def _tree(pid: int) -> list[int]:
    children = _ppid_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _status(pid: int) -> dict[str, str]:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return dict(line.split(":", 1) for line in fh if ":" in line)
    except OSError:
        return {}


def _kb(value: str | None) -> float:
    return float(value.split()[0]) / 1024 if value else 0.0


def _start_time(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return None


def _alive(pid: int, started: str | None) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != b"Z" and fields[19].decode() == started


def audit_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDIT_")}
    env.update(PYTHONPATH=str(ROOT), AUDIT_CACHE_DIR=str(tmp / "cache"), AUDIT_HISTORY_DB=str(tmp / "history.sqlite"),
               PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


class Watched:
    """A started ``python -m audit.cli ARGS`` with its tree under watch."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
        import tempfile

        self.t0 = time.monotonic()
        self._out = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self._err = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, "-m", "audit.cli", *map(str, args)], env=env, cwd=cwd or ROOT,
                                     stdout=self._out, stderr=self._err, text=True, start_new_session=True)
        self.seen: dict[int, str | None] = {}
        self.peak_process = 0.0
        self.peak_tree = 0.0
        self._hwm: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0.0
            for pid in _tree(self.proc.pid):
                if pid not in self.seen:
                    self.seen[pid] = _start_time(pid)
                status = _status(pid)
                total += _kb(status.get("VmRSS"))
                self._hwm[pid] = max(self._hwm.get(pid, 0.0), _kb(status.get("VmHWM")))
            self.peak_tree = max(self.peak_tree, total)
            self.peak_process = max([self.peak_process, *self._hwm.values()])
            time.sleep(SAMPLE_S)

    def read(self) -> tuple[str, str]:
        """What the command has written so far to stdout and stderr."""
        texts = []
        for fh in (self._out, self._err):
            fh.flush()
            fh.seek(0)
            texts.append(fh.read())
        return texts[0], texts[1]

    def wait_for(self, predicate, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"never saw {what}: {self.read()[1][-2000:]}")
            time.sleep(0.2)

    def workers(self) -> list[int]:
        return [p for p in _tree(self.proc.pid) if p != self.proc.pid]

    def signal(self, signum: int) -> None:
        os.kill(self.proc.pid, signum)

    def wait(self, timeout: float) -> Run:
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            raise AssertionError(f"timed out after {timeout} s: {self.read()[1][-2000:]}") from None
        out, err = self.read()
        self._stop.set()
        self._thread.join(2)
        seen = {p: s for p, s in self.seen.items() if p != self.proc.pid}
        deadline = time.monotonic() + 5  # workers get a moment to notice their program is gone
        leaked = [p for p, s in seen.items() if _alive(p, s)]
        while leaked and time.monotonic() < deadline:
            time.sleep(0.2)
            leaked = [p for p, s in seen.items() if _alive(p, s)]
        for p in leaked:  # never leave them behind, whatever the assertion says
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        return Run(self.proc.returncode, out, err, self.peak_process, self.peak_tree, leaked,
                   time.monotonic() - self.t0)


def run_audit(args: list[str], env: dict[str, str], timeout: float = 600) -> Run:
    return Watched(args, env).wait(timeout)


def assert_clean(run: Run, peak_mb: float = 1536.0) -> None:
    """No traceback, no process left behind, every process under ``peak_mb``."""
    assert "Traceback" not in run.output, run.output[-3000:]
    assert not run.leaked, f"processes left running: {run.leaked}"
    assert run.peak_process_mb <= peak_mb, f"a process peaked at {run.peak_process_mb:.0f} MB"


def signal_group(watched: Watched, signum: int) -> None:
    """As a terminal's Ctrl-C: the signal goes to every process of the group."""
    os.killpg(watched.proc.pid, signum)
