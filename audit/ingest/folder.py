"""What a case folder holds: its page files, and everything else accounted for.

- OS litter (Thumbs.db, desktop.ini, .DS_Store, ``~$`` Office lock files, hidden files) is
  ignored without a word.
- Side files (.json/.yaml/.yml/.md: ground truth, overrides, waivers, notes) are not pages.
- Plain-text notes (.txt) beside page files (PDF, Word, OFD, images) are reported and left
  out: a stray note must not become page 1 and shift every page reference. A folder of
  .txt files only is a text case and reads them as pages.
- Files in sub-folders are reported and left out; links that lead out of the folder are
  not followed.
- Files of a kind that cannot be read are reported and make the case incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

LITTER_NAMES = {"thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db", "icon\r", ".localized"}
SIDE_SUFFIXES = {".json", ".yaml", ".yml", ".md"}
NOTE_SUFFIXES = {".txt"}
INCOMPLETE = "案卷不完整"  # the first words of every warning that marks a case incomplete


def is_litter(path: Path) -> bool:
    name = path.name
    return name.lower() in LITTER_NAMES or name.startswith(("~$", ".", "._")) or name.endswith("~")


def is_side_file(path: Path) -> bool:
    return path.suffix.lower() in SIDE_SUFFIXES


@dataclass(slots=True)
class FolderContents:
    pages: list[Path] = field(default_factory=list)  # in reading order
    notes: list[str] = field(default_factory=list)  # reported, not pages (the case stays complete)
    missing: list[str] = field(default_factory=list)  # reported, the case is incomplete

    def warnings(self) -> list[str]:
        out = [f"{INCOMPLETE}：{m}" for m in self.missing]
        return out + self.notes


def natural_key(path: Path) -> list[object]:
    """Sort key that orders embedded numbers numerically (``2.jpg`` before ``10.jpg``)."""
    return [int(t) if t.isdigit() else t.lower() for t in regex.split(r"(\d+)", path.name)]


def scan_folder(folder: Path, readable: set[str], known: set[str]) -> FolderContents:
    """Sort the entries of ``folder`` into pages, notes and unreadable files.

    ``readable``: suffixes that can be read here; ``known``: suffixes the toolkit reads when
    an optional part is installed (a message then says what is missing).
    """
    found = FolderContents()
    root = folder.resolve()
    entries = sorted(folder.iterdir(), key=natural_key)
    candidates: list[Path] = []
    for entry in entries:
        if is_litter(entry):
            continue
        if entry.is_symlink() and not _inside(entry, root):
            found.notes.append(f"链接指向案卷文件夹以外，未读取：{entry.name} / link leads outside the case folder, not followed: {entry.name}")
            continue
        if entry.is_dir():
            inner = [p for p in entry.rglob("*") if p.is_file() and not is_litter(p) and not is_side_file(p)]
            if inner:
                found.missing.append(
                    f"子文件夹 {entry.name} 中的 {len(inner)} 个文件未纳入评查（请将案卷各页放在同一文件夹内）/ "
                    f"{len(inner)} files in sub-folder {entry.name} were left out (put all pages in one folder)")
            continue
        if not entry.is_file() or is_side_file(entry) or entry.name.endswith((".waivers.yaml", ".review.yaml")):
            continue
        candidates.append(entry)
    has_pages = any(p.suffix.lower() in readable - NOTE_SUFFIXES and p.stat().st_size for p in candidates)
    for path in candidates:
        suffix = path.suffix.lower()
        if path.stat().st_size == 0:
            found.missing.append(f"空文件（0 字节），未纳入评查：{path.name} / empty file left out: {path.name}")
        elif suffix in NOTE_SUFFIXES and has_pages:
            found.notes.append(f"文本说明文件不作为案卷页，未纳入评查：{path.name} / text note is not a page, left out: {path.name}")
        elif suffix in readable:
            found.pages.append(path)
        elif suffix in known:
            found.missing.append(f"{path.name} 未能读取（{_how(suffix)}）/ {path.name} could not be read ({_how_en(suffix)})")
        else:
            found.missing.append(f"不支持的文件未纳入评查：{path.name}（请另存为 PDF）/ unsupported file left out: {path.name} (save it as PDF)")
    return found


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError):
        return False
    return True


def _how(suffix: str) -> str:
    if suffix in {".doc", ".wps"}:
        return "需安装 LibreOffice；或在 Word/WPS 中另存为 .docx 或 PDF"
    if suffix in {".heic", ".heif"}:
        return "需安装 pillow-heif；或在手机/电脑上导出为 JPG"
    return "请另存为 PDF"


def _how_en(suffix: str) -> str:
    if suffix in {".doc", ".wps"}:
        return "needs LibreOffice; or save it as .docx or PDF in Word/WPS"
    if suffix in {".heic", ".heif"}:
        return "needs pillow-heif; or export it as JPG"
    return "save it as PDF"
