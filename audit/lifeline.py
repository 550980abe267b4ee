"""Worker processes live only as long as the program that started them.

The program (``audit batch``, ``audit serve``, a test) records its pid in
``$AUDIT_MAIN_PID`` before it starts a pool (:func:`mark_main`); every worker calls
:func:`bind` first. A worker then

- dies with its parent process (``prctl(PR_SET_PDEATHSIG, SIGKILL)``; the fork server it
  was forked from exits when the program does),
- and watches the program itself (a daemon thread, twice a second), so that after a
  ``kill -9`` of the program no worker runs on and writes into the output folder;
- ignores SIGINT: Ctrl-C reaches the whole process group, and the program, not each worker,
  decides how to stop;
- runs under a memory ceiling (``RLIMIT_DATA``, ``AUDIT_MAX_WORKER_MB``), so a runaway case
  fails alone with a ``MemoryError`` instead of taking the machine down.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

ENV = "AUDIT_MAIN_PID"
PR_SET_PDEATHSIG = 1
WATCH_S = 0.5


def mark_main() -> None:
    """Record this process as the one whose workers must die with it."""
    os.environ[ENV] = str(os.getpid())


def bind(ceiling_mb: float | None = None) -> None:
    """Tie this worker process to the program (see the module doc); idempotent."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError:  # not the main thread: leave the handlers alone
        pass
    _die_with_parent()
    main = _main_pid()
    if main and main != os.getpid() and not getattr(bind, "_watching", False):
        bind._watching = True  # type: ignore[attr-defined]
        threading.Thread(target=_watch, args=(main,), name="audit-lifeline", daemon=True).start()
    if ceiling_mb:
        set_memory_ceiling(ceiling_mb)


def _main_pid() -> int:
    try:
        return int(os.environ.get(ENV, "0"))
    except ValueError:
        return 0


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog remains
        pass


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _watch(pid: int) -> None:
    while alive(pid):
        time.sleep(WATCH_S)
    os._exit(70)  # the program is gone: stop at once, write nothing more


def set_memory_ceiling(mb: float) -> None:
    """Limit this process's data segment (heap and anonymous maps) to ``mb`` megabytes."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    limit = int(mb * 1024 * 1024)
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (ValueError, OSError):  # pragma: no cover - not permitted here
        pass
