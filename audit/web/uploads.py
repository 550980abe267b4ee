"""Uploaded files into a case folder: safe names, the order the officer gave, the limits."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

import regex

from audit import errors
from audit.errors import AuditError
from audit.ingest import SIDE_FILES, natural_key, supported
from audit.ingest.folder import is_litter
from audit.limits import LIMITS

CHUNK = 1 << 20
_UNSAFE = regex.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]+")


@dataclass(slots=True)
class Upload:
    """One uploaded file: the name the browser gave (a relative path for a folder) and its data."""

    name: str
    stream: BinaryIO


def upload_limit_bytes() -> int:
    """The most one upload (all its files together) may weigh."""
    return int(LIMITS.max_file_mb * 1024 * 1024)


def too_large(what: str) -> AuditError:
    limit = f"{LIMITS.max_file_mb:g} MB"
    return errors.too_large(what, "上传的文件过大", limit, "the upload is too large", limit)


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name without folders, control characters or characters Windows forbids."""
    base = PureWindowsPath(PurePosixPath(name.replace("\\", "/")).name).name
    base = unicodedata.normalize("NFC", _UNSAFE.sub("_", base)).strip().rstrip(". ")
    if not base or base.startswith("."):  # hidden, "..", or only an extension
        base = fallback + (Path(base).suffix if base else "")
    stem, suffix = Path(base).stem[:80], Path(base).suffix[:10]
    return stem + suffix


def case_name(uploads: list[Upload]) -> str:
    """What to call the case: the file's name, or the folder's, or the first file's."""
    first = uploads[0].name.replace("\\", "/")
    if len(uploads) == 1:
        return Path(safe_name(first)).stem or "案卷"
    if "/" in first:
        return safe_name(first.split("/")[0], "案卷")
    return f"{Path(safe_name(first)).stem}等{len(uploads)}个文件"


def save_uploads(uploads: list[Upload], input_dir: Path) -> tuple[str, list[str], list[str]]:
    """Write the uploads under ``input_dir`` as one case; return the case's path relative to
    ``input_dir``, the saved file names, and notes on files left out.

    One file is the case itself. Several files are the pages of one case in the order given
    (a folder's files in natural order, as ``audit check`` reads a folder); they are numbered
    ``001-``, ``002-``… so that the order survives. Side files (.json, .yaml, .md) and hidden
    files are left out silently, other unsupported files with a note. Raises AuditError when
    nothing usable remains or a limit is passed.
    """
    notes: list[str] = []
    usable: list[Upload] = []
    for up in uploads:
        name = safe_name(up.name)
        suffix = Path(name).suffix.lower()
        base = PurePosixPath(up.name.replace("\\", "/")).name
        if is_litter(Path(base)) or suffix in SIDE_FILES:
            continue
        if not supported(Path(name)):
            notes.append(f"已跳过不支持的文件 / skipped unsupported file: {name}")
            continue
        usable.append(up)
    if not usable:
        if len(uploads) == 1:
            raise errors.unsupported(safe_name(uploads[0].name))
        raise errors.no_pages("上传的文件 / the uploaded files")
    if len(usable) > LIMITS.max_pages:
        raise errors.too_large("上传的文件", f"{len(usable)} 个文件", f"{LIMITS.max_pages} 页",
                               f"{len(usable)} files", f"{LIMITS.max_pages} pages")
    if all("/" in up.name.replace("\\", "/") for up in usable):  # a folder: its natural order
        usable.sort(key=lambda up: natural_key(Path(up.name.replace("\\", "/"))))

    budget = upload_limit_bytes()
    if len(usable) == 1:
        name = safe_name(usable[0].name)
        _copy(usable[0].stream, input_dir / name, budget)
        return name, [name], notes
    folder = safe_name(case_name(uploads), "案卷")
    (input_dir / folder).mkdir(parents=True, exist_ok=True)
    saved = []
    for i, up in enumerate(usable, start=1):
        name = f"{i:03d}-{safe_name(up.name)}"
        budget -= _copy(up.stream, input_dir / folder / name, budget)
        saved.append(name)
    return folder, saved, notes


def _copy(stream: BinaryIO, target: Path, budget: int) -> int:
    written = 0
    per_file = upload_limit_bytes()
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            written += len(chunk)
            if written > budget or written > per_file:
                out.close()
                target.unlink(missing_ok=True)
                raise too_large(target.name)
            out.write(chunk)
    return written
