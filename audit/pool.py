"""A small process pool that survives bad tasks: a task that crashes its worker or runs past
its time limit is reported as an error, its worker is replaced, and the rest go on.

concurrent.futures cannot stop one hung task without breaking the whole pool, so each
worker here is a plain process with its own duplex pipe. The parent hands out one task at
a time per worker, so it always knows which task a worker holds and since when; pipe sends
are synchronous, so a result sent before a worker dies is never lost.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

POLL_S = 0.2
# Imported once in the fork server, so that each worker starts with them loaded.
PRELOAD = ["audit.pipeline", "numpy", "cv2", "onnxruntime", "pypdfium2", "audit.ocr.worker",
           "audit.ocr.engines.rapid"]


def process_context():
    """The multiprocessing context for worker processes: a fork server, never plain fork.

    A process that has run ONNX Runtime or OpenCV threads (an OCR page read in the parent)
    can hand a held lock to a plainly forked child, which then hangs (seen here: batch
    workers stuck until the case time limit). The fork server is a clean single-threaded
    process with the heavy modules imported once; workers fork from it.
    """
    from audit import lifeline

    lifeline.mark_main()  # workers (and the fork server's) die with this process
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        _start_forkserver_deaf_to_ctrl_c()
        return ctx
    return mp.get_context("spawn")  # pragma: no cover - Windows, macOS


def _start_forkserver_deaf_to_ctrl_c() -> None:
    """Start the fork server with SIGINT ignored, which its workers then inherit from birth:
    Ctrl-C reaches the whole process group, and a fork server hit while it preloads
    (seconds), or a worker hit before its initializer runs, would die with a traceback. The
    program alone handles Ctrl-C; its workers end with it (:mod:`audit.lifeline`).

    Only the main thread may change a signal's handling: a program that starts pools from
    another thread (``serve``) calls :func:`process_context` once from its main thread first.
    """
    import signal
    import threading
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)  # an ignored signal stays ignored across exec
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, old)


@dataclass(slots=True)
class TaskResult:
    index: int
    ok: bool
    value: Any = None  # the task's return value when ok
    error: str = ""  # 'timeout' | 'crash' | the exception text


def _worker(conn: Connection, fn: Callable[[Any], Any], initializer: Callable[[], None] | None) -> None:
    from audit import lifeline

    lifeline.bind()  # dies with the program; Ctrl-C is the program's to handle
    if initializer is not None:
        initializer()  # e.g. load OCR models once per worker, set ONNX Runtime threads
    while True:
        item = conn.recv()
        if item is None:
            return
        index, task = item
        try:
            conn.send(("done", index, fn(task)))
        except BaseException as exc:  # a task must never kill its worker silently
            conn.send(("fail", index, f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx, fn, initializer) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker, args=(child, fn, initializer), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None
        self.started = 0.0

    def give(self, index: int, task: Any) -> None:
        self.index, self.started = index, time.monotonic()
        self.conn.send((index, task))

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)
        self.conn.close()


def run_tasks(
    tasks: Iterable[Any],
    fn: Callable[[Any], Any],
    jobs: int,
    timeout_s: float | None = None,
    initializer: Callable[[], None] | None = None,
    on_result: Callable[[TaskResult], None] | None = None,
) -> list[TaskResult]:
    """Run ``fn`` over ``tasks`` in ``jobs`` worker processes; results in task order.

    ``fn`` and ``initializer`` must be importable top-level functions. ``on_result`` is
    called in the parent as each task ends (progress, writing summaries).
    """
    items = list(tasks)
    if not items:
        return []
    ctx = process_context()
    pending = list(range(len(items)))[::-1]  # pop() hands out tasks in order
    workers = [_Worker(ctx, fn, initializer) for _ in range(max(1, min(jobs, len(items))))]
    done: dict[int, TaskResult] = {}

    def finish(result: TaskResult) -> None:
        done[result.index] = result
        if on_result:
            on_result(result)

    try:
        while len(done) < len(items):
            for w in workers:
                if w.index is None and pending:
                    w.give(pending[-1], items[pending.pop()])
            busy = [w for w in workers if w.index is not None]
            for conn in wait([w.conn for w in busy], timeout=POLL_S):
                w = next(x for x in busy if x.conn is conn)
                try:
                    kind, index, payload = conn.recv()
                except (EOFError, OSError):
                    continue  # the worker died; handled below
                w.index = None
                finish(TaskResult(index, kind == "done", payload if kind == "done" else None,
                                  "" if kind == "done" else payload))
            now = time.monotonic()
            for i, w in enumerate(workers):
                if w.index is None:
                    continue
                overdue = timeout_s is not None and now - w.started > timeout_s
                if overdue or not w.process.is_alive():
                    lost = w.index
                    w.stop(kill=True)
                    finish(TaskResult(lost, False, error="timeout" if overdue else "crash"))
                    workers[i] = _Worker(ctx, fn, initializer)
    except BaseException:  # interrupted (Ctrl-C, SIGTERM): the cases in hand are abandoned now
        for w in workers:
            w.stop(kill=True)
        raise
    for w in workers:
        w.stop()
    return [done[i] for i in range(len(items))]
