"""Files to pages. A PDF, an OFD, a Word file, a .txt, an image, or a folder of them is one
case (what a folder holds is sorted by :mod:`audit.ingest.folder`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from audit import errors
from audit.ingest.folder import SIDE_SUFFIXES, natural_key, scan_folder  # noqa: F401 - natural_key re-exported
from audit.ingest.images import HEIF_SUFFIXES, IMAGE_SUFFIXES, read_image
from audit.ingest.ofd import read_ofd
from audit.ingest.office import OFFICE_SUFFIXES, office_program, read_office
from audit.ingest.text import read_txt
from audit.limits import LIMITS
from audit.model import Page

Reader = Callable[[Path, str, int], list[Page]]


# The PDF and Word readers import pdfplumber, pypdfium2 and python-docx (~90 ms): imported when a
# file of theirs is read, not by everything that asks this package which suffixes it reads.
def read_pdf(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    from audit.ingest.pdf import read_pdf as read

    return read(path, display_name, first_number)


def read_docx(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    from audit.ingest.docx import read_docx as read

    return read(path, display_name, first_number)


READERS: dict[str, Reader] = {".pdf": read_pdf, ".docx": read_docx, ".txt": read_txt, ".ofd": read_ofd}
READERS.update(dict.fromkeys(IMAGE_SUFFIXES, read_image))
READERS.update(dict.fromkeys(OFFICE_SUFFIXES, read_office))
# every suffix the toolkit reads, some only with an optional part (LibreOffice, pillow-heif)
KNOWN_SUFFIXES = set(READERS) | HEIF_SUFFIXES
# files that live beside a case (ground truth, overrides, notes) and are not pages
SIDE_FILES = SIDE_SUFFIXES


def readable_suffixes() -> set[str]:
    """The suffixes that can be read on this machine now."""
    return {s for s in READERS if s not in OFFICE_SUFFIXES or office_program() is not None}


def supported(path: Path) -> bool:
    """A file the toolkit takes as (part of) a case; .doc/.wps without LibreOffice included, so
    that reading it says how to save it as .docx or PDF."""
    return path.suffix.lower() in KNOWN_SUFFIXES


def load_pages(path: Path) -> tuple[list[Page], list[str]]:
    """Read a file or a folder into numbered pages; return them with warnings.

    A folder is one case: its page files are read in natural order (``2.jpg`` before
    ``10.jpg``); everything else is accounted for in the warnings (see :mod:`audit.ingest.folder`).
    """
    path = Path(path)
    if not path.exists():
        raise errors.not_found(str(path))
    warnings: list[str] = []
    if path.is_dir():
        contents = scan_folder(path, readable_suffixes(), KNOWN_SUFFIXES)
        chosen = contents.pages
        warnings += contents.warnings()
        root = path
    else:
        if path.suffix.lower() in OFFICE_SUFFIXES and office_program() is None:
            raise errors.needs_office(path.name)
        if path.suffix.lower() not in READERS:
            raise errors.unsupported(str(path))
        chosen, root = [path], path.parent

    from audit.ingest.pdf import reader_warnings

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

