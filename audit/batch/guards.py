"""What keeps the end of a batch from failing: printable names, unique ids, a lock on the
output folder, outputs verified on resume, and end-of-run writes that cannot lose the run.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LOCK_NAME = ".audit-batch.lock"
UNVERIFIED = {"done.json"}  # written last, holds the manifest itself


def printable(text: str) -> str:
    """``text`` with undecodable bytes of a file name (surrogate escapes) shown as U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "replace") if _fs_utf8() else text.encode(
            "utf-8", "surrogateescape").decode("utf-8", "replace")


def _fs_utf8() -> bool:
    return sys.getfilesystemencoding().lower().replace("-", "") == "utf8"


def printable_tree(data: Any) -> Any:
    """``data`` (JSON-like) with every string made printable."""
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, dict):
        return {printable_tree(k): printable_tree(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [printable_tree(v) for v in data]
    return data


def unique_ids(ids: list[str]) -> list[str]:
    """Printable ids, made unique (``x``, ``x-2``, …) where printing merged two names."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in ids:
        base = printable(raw)
        candidate, n = base, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{base}-{n}"
        seen.add(candidate.casefold())
        out.append(candidate)
    return out


def run_id(out: Path, started: str) -> str:
    """A run id no other run shares, even one started in the same second into the same folder."""
    return f"{printable(out.name)}-{started}-{secrets.token_hex(3)}"


@contextmanager
def output_lock(out: Path, progress: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an advisory lock on ``out`` for the run; a second batch into it waits, saying so."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory lock
        yield
        return
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if progress:
                progress(f"另一个批量审查正在写入 {printable(str(out))}，等待其结束… / "
                         f"another batch is writing to {printable(str(out))}; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def file_digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            size += len(chunk)
            digest.update(chunk)
    return size, digest.hexdigest()


def manifest(target: Path) -> dict[str, list]:
    """Size and SHA-256 of every output of one case (written before ``done.json``)."""
    return {p.name: list(file_digest(p)) for p in sorted(target.iterdir())
            if p.is_file() and not p.name.startswith(".") and p.name not in UNVERIFIED}


def outputs_intact(target: Path, recorded: Any) -> bool:
    """Whether every output listed in ``recorded`` is there with its size and hash."""
    if not isinstance(recorded, dict) or "record.json" not in recorded:
        return False
    for name, expected in recorded.items():
        try:
            if list(file_digest(target / name)) != list(expected):
                return False
        except OSError:
            return False
    return True


def disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def write_failed(zh: str, en: str, exc: BaseException) -> str:
    """The bilingual line for an end-of-run write (``zh`` / ``en`` name it) that failed."""
    if disk_full(exc):
        return (f"输出磁盘已满，{zh}未能写入；已完成的案卷报告完整保留，腾出空间后重新运行同一命令即可补齐 / "
                f"the output disk is full and {en} could not be written; finished case reports are complete, "
                f"free some space and run the same command again")
    detail = printable(f"{type(exc).__name__}: {exc}")[:200]
    return (f"{zh}未能写入（{detail}）；已完成的案卷报告完整保留 / "
            f"{en} could not be written ({detail}); finished case reports are complete")


def combined_failures(failures: list[tuple[str, str, BaseException]]) -> list[str]:
    """One bilingual line for the writes a full disk stopped, one for each other failure."""
    full = [(zh, en) for zh, en, exc in failures if disk_full(exc)]
    lines = []
    if full:
        lines.append(write_failed("、".join(zh for zh, _ in full), ", ".join(en for _, en in full),
                                  OSError(errno.ENOSPC, "full")))
    lines += [write_failed(zh, en, exc) for zh, en, exc in failures if not disk_full(exc)]
    return lines


def case_failure(exc: BaseException, name: str) -> str:
    """The bilingual line for a case whose audit failed with ``exc`` (not an input error)."""
    from audit import errors
    from audit.limits import LIMITS

    if isinstance(exc, MemoryError):
        error = errors.out_of_memory(printable(name), LIMITS.max_worker_mb)
        return f"{error.zh} / {error.en}"
    if disk_full(exc):
        return ("输出磁盘已满，该案卷的报告未能写入；腾出空间后重新运行同一命令即可 / "
                "the output disk is full and this case's reports could not be written; free some space and run "
                "the same command again")
    return printable(f"处理时发生意外错误 / unexpected error: {type(exc).__name__}: {exc}")[:400]
