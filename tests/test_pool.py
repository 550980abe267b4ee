import os
import time

from audit.pool import run_tasks


def _work(x):
    if x == "hang":
        time.sleep(60)
    if x == "crash":
        os._exit(3)
    if x == "raise":
        raise ValueError("bad input")
    return x * 2


def test_results_in_order_and_bad_tasks_isolated():
    seen = []
    started = time.monotonic()
    results = run_tasks([1, "hang", 2, "crash", "raise", 3], _work, jobs=2, timeout_s=2,
                        on_result=lambda r: seen.append(r.index))
    assert time.monotonic() - started < 30
    assert [(r.ok, r.value if r.ok else r.error) for r in results] == [
        (True, 2), (False, "timeout"), (True, 4), (False, "crash"), (False, "ValueError: bad input"), (True, 6),
    ]
    assert sorted(seen) == list(range(6))


def test_single_worker_and_empty_input():
    assert [r.value for r in run_tasks([5, 6], _work, jobs=1)] == [10, 12]
    assert run_tasks([], _work, jobs=2) == []
