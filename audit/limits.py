"""Resource limits for untrusted input, configurable per run (CLI options or environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(slots=True)
class Limits:
    max_pages: int = 1500  # pages per case
    max_file_mb: float = 512.0  # size of one input file
    max_pixels: int = 180_000_000  # pixels of one page image (decompression bombs beyond)
    case_timeout_s: float = 900.0  # wall time for one case in a batch
    max_unpacked_mb: float = 256.0  # uncompressed size of all parts of one .docx (zip bombs beyond)
    max_page_pt: float = 7200.0  # longer side of one PDF page in points (100 in, 2.54 m; A0 is 3370)
    max_worker_mb: float = 3072.0  # address-space ceiling of one batch worker, MB (0: none)

    @classmethod
    def from_env(cls) -> Limits:
        limits = cls()
        for name, cast in (("max_pages", int), ("max_file_mb", float), ("max_pixels", int), ("case_timeout_s", float),
                           ("max_unpacked_mb", float), ("max_page_pt", float), ("max_worker_mb", float)):
            value = os.environ.get(f"AUDIT_{name.upper()}")
            if value:
                setattr(limits, name, cast(value))
        return limits


LIMITS = Limits.from_env()
