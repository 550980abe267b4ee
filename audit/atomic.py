"""Whole-file writes: a temporary file in the same folder, then a rename — a reader (or a
batch resumed after ``kill -9``) never sees half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_via(path: Path, write: Callable[[Path], None]) -> Path:
    """Let ``write`` fill a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the temporary name must fit the 255-byte limit on one name, whatever the final name's length
    stem = os.fsencode(path.name)[:200].decode("utf-8", "ignore")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{stem}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs follow the umask
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore (single-threaded at the call sites)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; raise ``OSError`` on failure."""
    if isinstance(data, str):
        try:
            blob = data.encode("utf-8")
        except UnicodeEncodeError:  # undecodable bytes of a file name (surrogate escapes): shown as U+FFFD
            blob = data.encode("utf-8", "surrogateescape").decode("utf-8", "replace").encode("utf-8")
    else:
        blob = data
    return write_via(path, lambda tmp: tmp.write_bytes(blob))
