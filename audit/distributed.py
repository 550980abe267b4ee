"""Run a batch's cases on a Dask distributed cluster: one task per case.

A site with several machines starts a scheduler and workers (see README) and passes
``--scheduler tcp://HOST:8786``; ``--scheduler local`` starts a LocalCluster on this
machine. Every worker needs the same casefile-audit installation and read access to the
input and output folders (a shared disk); models are loaded once per worker process
because the OCR engine caches them at module level.
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


def run_on_dask(
    tasks: list[Any],
    fn: Callable[[Any], Any],
    scheduler: str,
    on_result: Callable[[TaskResult], None] | None = None,
    local_workers: int = 2,
) -> list[TaskResult]:
    """Submit one task per case to the cluster at ``scheduler`` (or ``local``); gather results."""
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
        futures = {client.submit(fn, task, pure=False, key=f"case-{i}"): i for i, task in enumerate(tasks)}
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
