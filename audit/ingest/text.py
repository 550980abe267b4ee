"""Plain-text files: one line per line, pages split at form feeds."""

from __future__ import annotations

from pathlib import Path

from audit import errors
from audit.model import Line, LineSource, Page

ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


def read_txt(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    """Read a .txt file (UTF-8, GB18030 or UTF-16) into pages."""
    data = path.read_bytes()
    text = _decode(data, display_name)
    pages = []
    for i, chunk in enumerate(c for c in text.split("\f") if c.strip()):
        lines = [Line(text=s.rstrip(), source=LineSource.TEXT_LAYER) for s in chunk.splitlines() if s.strip()]
        pages.append(
            Page(number=first_number + i, source_file=display_name, source_page=i + 1, lines=lines, text_engine="txt")
        )
    return pages


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise errors.corrupt(name, "unknown text encoding")
