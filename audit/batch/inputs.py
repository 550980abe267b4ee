"""What a batch folder holds: its cases (a folder of one case's pages is one case), and the
inputs that repeat another (same bytes, or same 文号), audited and counted once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from audit.ingest import KNOWN_SUFFIXES, SIDE_FILES
from audit.ingest.folder import is_litter, natural_key
from audit.ingest.images import HEIF_SUFFIXES, IMAGE_SUFFIXES

# a file named as a page: 1.jpg, 002.pdf, 第3页.png, page-4.tif, P05.jpg, 扫描件_0006.jpg
PAGE_NAME = regex.compile(r"^(?:第\s*)?(?:p(?:age)?[\s_-]*)?\d{1,4}(?:\s*页)?$|[\s_-]\d{2,4}$", regex.IGNORECASE)
MIN_PAGE_FILES = 2


def _entries(folder: Path, out: Path | None) -> list[Path]:
    out = out.resolve() if out else None
    # by stem first: "a" before "a-副本", so the original is the one kept when both repeat
    return [p for p in sorted(folder.iterdir(), key=lambda p: (natural_key(Path(p.stem)), p.suffix))
            if not is_litter(p) and not (p.is_dir() and p.resolve() == out)]


def is_one_case(folder: Path, out: Path | None = None) -> bool:
    """True when ``folder`` holds the pages of one case rather than several cases: no
    sub-folders, and at least two page files that are images or named as page numbers."""
    entries = _entries(folder, out)
    if any(p.is_dir() for p in entries):
        return False
    files = [p for p in entries if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES]
    pages = [p for p in files if p.suffix.lower() in IMAGE_SUFFIXES | HEIF_SUFFIXES or PAGE_NAME.search(p.stem)]
    return len(pages) >= MIN_PAGE_FILES and len(pages) * 2 > len(files)


def find_cases(folder: Path, out: Path | None = None) -> list[Path]:
    """The cases under ``folder``: the folder itself when it holds one case's pages, else every
    entry directly under it (sub-folders and files, unsupported files too, so that each is
    accounted for with a reason); OS litter, side files (.json/.yaml/.md) and the output
    folder are left out."""
    if is_one_case(folder, out):
        return [folder]
    return [
        p for p in _entries(folder, out)
        if p.is_dir() or (p.is_file() and p.suffix.lower() not in SIDE_FILES
                          and not p.name.endswith((".waivers.yaml", ".review.yaml")))
    ]


def duplicate_numbers(records: dict[str, dict[str, Any]], order: list[str]) -> dict[str, str]:
    """case id → the earlier case id with the same 文号 (the first in ``order`` is kept)."""
    first: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    for case_id in order:
        record = records.get(case_id)
        number = _normal_number(record.get("case_number")) if record else ""
        if not number:
            continue
        if number in first:
            duplicates[case_id] = first[number]
        else:
            first[number] = case_id
    return duplicates


def _normal_number(number: Any) -> str:
    return regex.sub(r"[\s\[\]〔〕（）()【】]", "", str(number or ""))


def duplicate_line(case_id: str, original: str, why: str) -> str:
    """The summary's words for an input that repeats another."""
    zh = {"hash": "内容完全相同", "number": "文号相同"}[why]
    en = {"hash": "identical content", "number": "same case number"}[why]
    return f"{case_id} 与 {original} {zh}，只审查、统计一次 / {case_id}: {en} as {original}; audited and counted once"
