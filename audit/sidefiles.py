"""Names of the files kept beside a single-file case (``x.pdf.waivers.yaml``,
``x.overrides.json``): a legal long name plus the suffix can pass the file system's
255-byte limit on one name (80 Chinese characters are 240 bytes), so such a name is
shortened, with a hash of the full name to keep it unique."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

NAME_MAX = 255


def side_path(folder: Path, base: str, suffix: str) -> Path:
    """``folder / (base + suffix)``, shortened when the name would be too long."""
    name = base + suffix
    if len(os.fsencode(name)) <= NAME_MAX:
        return folder / name
    tag = "~" + hashlib.sha256(os.fsencode(base)).hexdigest()[:10]
    room = NAME_MAX - len(os.fsencode(tag + suffix))
    short = os.fsencode(base)[:room].decode("utf-8", "ignore") if _utf8() else base[: room // 4]
    return folder / f"{short}{tag}{suffix}"


def _utf8() -> bool:
    try:
        os.fsencode("中").decode("utf-8")
        return True
    except (UnicodeError, ValueError):  # pragma: no cover - a non-UTF-8 file system encoding
        return False


def exists(path: Path) -> bool:
    """``path.is_file()`` that answers False instead of raising (name too long, no access)."""
    try:
        return path.is_file()
    except OSError:
        return False
