"""The web page takes every input the command line takes (.doc, .wps, .ofd, .heic …)."""

from __future__ import annotations

import re
from pathlib import Path

from audit.ingest import KNOWN_SUFFIXES
from audit.model import Case, Page

from .helpers import make_client, upload, wait_done


def test_file_picker_accepts_every_known_format(client):
    page = client.get("/").text
    accept = set(re.search(r'id="pick-files"[^>]*accept="([^"]+)"', page, re.S).group(1).split(","))
    assert {".doc", ".wps", ".ofd", ".heic", ".pdf", ".docx", ".jpg"} <= accept
    assert accept == KNOWN_SUFFIXES
    assert "OFD" in page and "HEIC" in page and ".wps" in page


def test_doc_upload_is_taken_and_litter_is_left_out_silently(tmp_path: Path):
    seen: list[list[str]] = []

    def reader(path: Path, progress=None) -> Case:
        seen.append(sorted(p.name for p in path.iterdir()) if path.is_dir() else [path.name])
        return Case(case_id=path.name, source=str(path), pages=[Page(1, "x")])

    with make_client(tmp_path, reader=reader) as client:
        single = upload(client, ("决定书.doc", b"\xd0\xcf\x11\xe0 word"))
        assert single.status_code == 200, single.text  # not "unsupported": LibreOffice or a how-to says the rest
        wait_done(client, single.json()["id"])
        several = upload(client, ("1.ofd", b"PK"), ("Thumbs.db", b"x"), ("~$决定书.docx", b"x"), ("2.heic", b"h"))
        assert several.status_code == 200, several.text
        assert several.json().get("notes", []) == [] or all("Thumbs" not in n for n in several.json()["notes"])
        wait_done(client, several.json()["id"])
    assert seen[0] == ["决定书.doc"]
    assert seen[1] == ["001-1.ofd", "002-2.heic"]
