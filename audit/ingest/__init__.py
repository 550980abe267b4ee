"""Files to pages. A PDF, a .docx, a .txt, an image, or a folder of them is one case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import regex

from audit import errors
from audit.ingest.docx import read_docx
from audit.ingest.images import IMAGE_SUFFIXES, read_image
from audit.ingest.pdf import read_pdf, reader_warnings
from audit.ingest.text import read_txt
from audit.limits import LIMITS
from audit.model import Page

Reader = Callable[[Path, str, int], list[Page]]

READERS: dict[str, Reader] = {".pdf": read_pdf, ".docx": read_docx, ".txt": read_txt}
READERS.update(dict.fromkeys(IMAGE_SUFFIXES, read_image))
# files that live beside a case (ground truth, overrides, notes) and are not pages
SIDE_FILES = {".json", ".yaml", ".yml", ".md"}


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def load_pages(path: Path) -> tuple[list[Page], list[str]]:
    """Read a file or a folder into numbered pages; return them with warnings.

    A folder is one case: its supported files are read in natural order (``2.jpg`` before
    ``10.jpg``); other files are skipped with a warning.
    """
    path = Path(path)
    if not path.exists():
        raise errors.not_found(str(path))
    warnings: list[str] = []
    if path.is_dir():
        files = sorted((p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")), key=natural_key)
        chosen = [p for p in files if supported(p)]
        skipped = [p for p in files if not supported(p) and p.suffix.lower() not in SIDE_FILES]
        warnings += [f"已跳过不支持的文件 / skipped unsupported file: {p.name}" for p in skipped]
        root = path
    else:
        if not supported(path):
            raise errors.unsupported(str(path))
        chosen, root = [path], path.parent

    pages: list[Page] = []
    for file in chosen:
        name = str(file.relative_to(root))
        size = file.stat().st_size
        if size == 0:
            raise errors.empty(name)
        if size > LIMITS.max_file_mb * 1024 * 1024:
            raise errors.too_large(name, f"{size / 1024 / 1024:.0f} MB", f"{LIMITS.max_file_mb:g} MB")
        before = len(pages)
        pages.extend(READERS[file.suffix.lower()](file, name, len(pages) + 1))
        if len(pages) > LIMITS.max_pages:
            raise errors.too_large(str(path), f"超过 {LIMITS.max_pages} 页", f"{LIMITS.max_pages} 页",
                                   f"over {LIMITS.max_pages} pages", f"{LIMITS.max_pages} pages")
        warnings += reader_warnings(pages[before:], name)
    if not pages:
        raise errors.no_pages(str(path))
    return pages, warnings


def natural_key(path: Path) -> list[object]:
    """Sort key that orders embedded numbers numerically."""
    return [int(t) if t.isdigit() else t.lower() for t in regex.split(r"(\d+)", path.name)]
