"""Old Word (.doc) and WPS (.wps) files: converted to PDF by headless LibreOffice when it is
installed, then read as a PDF; otherwise a message saying how to save them as .docx or PDF."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from audit import errors
from audit.model import Page

OFFICE_SUFFIXES = {".doc", ".wps"}
CONVERT_TIMEOUT_S = 120


def office_program() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(path: Path, display_name: str) -> Path:
    """The PDF LibreOffice makes of ``path``, kept in a cache folder keyed by the file's bytes."""
    office = office_program()
    if office is None:
        raise errors.needs_office(display_name)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:24]
    folder = Path(tempfile.gettempdir()) / "casefile-audit-office" / digest
    pdf = folder / (path.stem + ".pdf")
    if pdf.is_file():
        return pdf
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        try:
            done = subprocess.run(
                [office, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                 "--outdir", str(folder), str(path)],
                capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise errors.corrupt(display_name, "LibreOffice timed out") from exc
    if done.returncode != 0 or not pdf.is_file():
        raise errors.corrupt(display_name, "LibreOffice could not convert it")
    return pdf


def read_office(path: Path, display_name: str, first_number: int = 1) -> list[Page]:
    """Pages of a .doc/.wps file through its PDF conversion (text layer; no page image)."""
    from audit.ingest.pdf import read_pdf

    pages = read_pdf(convert_to_pdf(path, display_name), display_name, first_number)
    for page in pages:
        page.text_engine = "office"
    return pages
