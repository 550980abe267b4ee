"""Notice PDFs: one LibreOffice call for a batch, and only for notices whose text changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from audit.batch import notices

pytestmark = pytest.mark.skipif(notices.office() is None, reason="LibreOffice (soffice) is not installed")


def _notice(folder: Path, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph(text)
    doc.save(str(folder / "notice.docx"))


def test_one_call_converts_the_batch_and_skips_unchanged_notices(tmp_path, monkeypatch):
    folders = [tmp_path / f"case-{i}" for i in range(3)]
    for i, folder in enumerate(folders):
        _notice(folder, f"案卷评查整改通知书 {i}")
    calls = []
    real_run = notices.subprocess.run

    def counting_run(cmd, *args, **kwargs):
        calls.append(cmd)
        return real_run(cmd, *args, **kwargs)

    monkeypatch.setattr(notices.subprocess, "run", counting_run)
    assert notices.make_pdfs(folders) == 3
    assert len(calls) == 1
    for folder in folders:
        assert (folder / "notice.pdf").read_bytes().startswith(b"%PDF")
    assert notices.make_pdfs(folders) == 0 and len(calls) == 1  # nothing changed: no LibreOffice start
    _notice(folders[1], "案卷评查整改通知书 1（已修改）")
    assert notices.pending(folders) == [(folders[1] / "notice.docx", notices.notice_key(folders[1] / "notice.docx"))]
    assert notices.make_pdfs(folders) == 1 and len(calls) == 2


def test_without_notices_nothing_runs(tmp_path):
    assert notices.make_pdfs([tmp_path / "empty"]) == 0
