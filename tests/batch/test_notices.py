"""Notice PDFs: one LibreOffice call for a batch, and only for notices whose text changed."""

from __future__ import annotations

import time
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


def _count_office_calls(monkeypatch) -> list:
    """The commands the notices module runs, recorded as they run (they still run)."""
    calls = []
    real_run = notices.subprocess.run

    def counting_run(cmd, *args, **kwargs):
        calls.append(cmd)
        return real_run(cmd, *args, **kwargs)

    monkeypatch.setattr(notices.subprocess, "run", counting_run)
    return calls


def test_one_call_converts_the_batch_and_skips_unchanged_notices(tmp_path, monkeypatch):
    folders = [tmp_path / f"case-{i}" for i in range(3)]
    for i, folder in enumerate(folders):
        _notice(folder, f"案卷评查整改通知书 {i}")
    calls = _count_office_calls(monkeypatch)
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


def _server_group(pdfs) -> int | None:
    """The process group of the LibreOffice the batch started (None where it starts none)."""
    deadline = time.monotonic() + 30
    while pdfs.warm and pdfs.server is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return pdfs.server.pid if pdfs.server is not None else None


def test_a_batch_converts_beside_the_audits_with_one_warm_libreoffice(tmp_path, monkeypatch):
    folders = [tmp_path / f"case-{i}" for i in range(4)]
    for i, folder in enumerate(folders):
        _notice(folder, f"案卷评查整改通知书 {i}")
    calls = _count_office_calls(monkeypatch)
    pdfs = notices.BatchPdfs()
    pdfs.add(folders[:1])  # a case finished: LibreOffice starts and converts its notice
    pdfs.add(folders[1:2])
    group = _server_group(pdfs)
    # the last case repeats another (same 文号): not in the final list, it gets no PDF
    assert pdfs.finish(folders[:3]) == 3
    for folder in folders[:3]:
        assert (folder / "notice.pdf").read_bytes().startswith(b"%PDF")
        assert (folder / notices.KEY_FILE).read_text(encoding="utf-8").strip() == notices.notice_key(
            folder / "notice.docx")
    assert not (folders[3] / "notice.pdf").exists()
    assert notices.pending(folders[:3]) == []
    if group is not None:
        assert not notices._group_running(group)  # LibreOffice stopped with the batch
    # nothing changed: a second batch starts no LibreOffice
    calls.clear()
    again = notices.BatchPdfs()
    again.add(folders[:3])
    assert again.finish(folders[:3]) == 0 and calls == [] and again.server is None


def test_an_interrupted_batch_stops_libreoffice(tmp_path):
    folder = tmp_path / "case"
    _notice(folder, "案卷评查整改通知书")
    pdfs = notices.BatchPdfs()
    if not pdfs.warm:
        pytest.skip("the warm instance needs Linux")
    pdfs.add([folder])
    group = _server_group(pdfs)
    pdfs.close()
    assert not notices._group_running(group)


def test_a_long_backlog_at_the_end_is_shared_with_a_second_libreoffice(tmp_path, monkeypatch):
    folders = [tmp_path / f"case-{i}" for i in range(5)]
    for i, folder in enumerate(folders):
        _notice(folder, f"案卷评查整改通知书 {i}")
    monkeypatch.setattr(notices.BatchPdfs, "SPLIT_AT", 2)
    monkeypatch.setattr(notices, "_cores", lambda: 2)
    pdfs = notices.BatchPdfs()
    pdfs.start()  # a case without its PDF: the kept instance starts with the batch
    assert pdfs.finish(folders[:4]) == 4  # the last one repeats another: no PDF
    for folder in folders[:4]:
        assert (folder / "notice.pdf").read_bytes().startswith(b"%PDF")
    assert not (folders[4] / "notice.pdf").exists()
    assert notices.pending(folders[:4]) == []
