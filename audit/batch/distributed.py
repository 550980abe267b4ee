"""Run a batch's cases on a Dask distributed cluster: one task per case.

A site with several machines starts a scheduler and workers (see README) and passes
``--scheduler tcp://HOST:8786``; ``--scheduler local`` starts a LocalCluster on this
machine. Every worker needs the same casefile-audit installation and read access to the
input and output folders (a shared disk); models are loaded once per worker process
because the OCR engine caches them at module level.

CPU plan: a case reads its scanned pages in the Dask worker's own process, and every Dask
worker thread runs one case at a time. The cases running on one machine at once are the
threads of all the workers on that machine (from the scheduler); each case then gets
cores // that many ONNX Runtime threads (``plan``, given the task and that number, sets
them), so a machine is never oversubscribed however its workers were started.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from audit.errors import AuditError
from audit.pool import TaskResult


def _missing() -> AuditError:
    return AuditError(
        "dask_missing",
        "未安装 Dask 分布式组件，请执行 pip install 'casefile-audit[dask]'",
        "Dask distributed is not installed: pip install 'casefile-audit[dask]'",
    )


def slots_by_worker(workers: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Worker address → the case slots (threads of all workers) on that worker's machine,
    from ``Client.scheduler_info()["workers"]``."""
    per_host: dict[str, int] = {}
    for info in workers.values():
        host = info.get("host") or ""
        per_host[host] = per_host.get(host, 0) + int(info.get("nthreads") or 1)
    return {address: per_host[info.get("host") or ""] for address, info in workers.items()}


def _workers(client: Any) -> dict[str, dict[str, Any]]:
    try:
        info = client.scheduler_info(n_workers=-1)  # all of them (some versions list five by default)
    except TypeError:  # older distributed
        info = client.scheduler_info()
    return dict(info.get("workers", {}))


def _planned(fn: Callable[[Any], Any], task: Any, slots: dict[str, int],
             plan: Callable[[Any, int], Any] | None) -> Any:
    """Worker side: plan the task for the machine it landed on, then run it."""
    if plan is not None:
        try:
            from distributed import get_worker

            worker = get_worker()
            n = slots.get(worker.address) or worker.state.nthreads
        except (ImportError, ValueError, AttributeError):  # not in a Dask worker (tests, synchronous)
            n = 1
        task = plan(task, n)
    return fn(task)


def run_on_dask(
    tasks: list[Any],
    fn: Callable[[Any], Any],
    scheduler: str,
    on_result: Callable[[TaskResult], None] | None = None,
    local_workers: int = 2,
    plan: Callable[[Any, int], Any] | None = None,
) -> list[TaskResult]:
    """Submit one task per case to the cluster at ``scheduler`` (or ``local``); gather results.

    ``plan(task, slots)``, when given, runs on the worker before ``fn`` with the number of
    cases that may run at once on that worker's machine (see the module's CPU plan)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise _missing() from exc
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=local_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout=30)
        except OSError as exc:
            raise AuditError("dask_unreachable", f"无法连接 Dask 调度器：{scheduler}（{exc}）",
                             f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        slots = slots_by_worker(_workers(client)) if plan is not None else {}
        futures = {client.submit(_planned, fn, task, slots, plan, pure=False, key=f"case-{i}"): i
                   for i, task in enumerate(tasks)}
        results: dict[int, TaskResult] = {}
        for future in as_completed(futures):
            index = futures[future]
            try:
                result = TaskResult(index, True, future.result())
            except Exception as exc:  # a failed task is a failed case, never a failed batch
                result = TaskResult(index, False, error=f"{type(exc).__name__}: {exc}")
            results[index] = result
            if on_result:
                on_result(result)
        return [results[i] for i in range(len(tasks))]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
