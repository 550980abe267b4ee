"""A content-addressed store of page results on disk: one JSON file per key.

The key is the SHA-256 of what determines a result: the page image's pixel hash, the
engine with its model versions and settings, and this stage's own version. A damaged or
unreadable entry counts as a miss; writes are atomic (temporary file, then rename).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from audit.atomic import write_atomic

STAGE_VERSION = "ocr-7"  # bump when clean-up, layout or seal logic changes results


def make_key(*parts: Any) -> str:
    blob = json.dumps([STAGE_VERSION, *parts], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class DiskCache:
    """``get``/``put`` JSON-able dicts under ``root/<folder>/<k[:2]>/<k>.json``; ``enabled=False`` is a no-op."""

    def __init__(self, root: Path, enabled: bool = True, folder: str = "ocr") -> None:
        self.root = Path(root) / folder
        self.enabled = enabled

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        try:
            with open(self.path(key), encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("key") == key else None

    def put(self, key: str, data: dict[str, Any]) -> None:
        if not self.enabled:
            return
        try:
            write_atomic(self.path(key), json.dumps({**data, "key": key}, ensure_ascii=False))
        except OSError:  # a read-only or full disk must not stop the audit: the cache only saves time
            pass
