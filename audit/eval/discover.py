"""Find evaluable cases under a folder: any folder holding a ``truth.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

TEXT_NAMES = ("text.pdf", "case.pdf")  # corpus / hand-made samples
DOCX_NAME = "case.docx"  # format zoo: the same file as a Word document
WEB_NAME = "case.txt"  # format zoo: a decision published as a web page (its text)


@dataclass
class CaseDir:
    case_id: str
    folder: Path
    truth: dict
    renderings: dict[str, Path] = field(default_factory=dict)  # text | scanned | images | docx | web -> path


def find_cases(root: Path) -> list[CaseDir]:
    """Cases under ``root`` (or ``root`` itself), sorted by path."""
    root = Path(root)
    paths = [root / "truth.json"] if (root / "truth.json").exists() else sorted(root.rglob("truth.json"))
    cases = []
    for path in paths:
        folder = path.parent
        truth = json.loads(path.read_text(encoding="utf-8"))
        renderings: dict[str, Path] = {}
        for name in TEXT_NAMES:
            if (folder / name).exists():
                renderings["text"] = folder / name
                break
        if (folder / "scanned.pdf").exists():
            renderings["scanned"] = folder / "scanned.pdf"
        if (folder / "pages").is_dir() and any((folder / "pages").iterdir()):
            renderings["images"] = folder / "pages"
        if (folder / DOCX_NAME).exists():
            renderings["docx"] = folder / DOCX_NAME
        if (folder / WEB_NAME).exists():
            renderings["web"] = folder / WEB_NAME
        cases.append(CaseDir(str(truth.get("case_id") or folder.name), folder, truth, renderings))
    return cases
