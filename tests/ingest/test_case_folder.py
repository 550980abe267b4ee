"""A case folder: its page files in order, everything else reported and left out."""

import os
from pathlib import Path

import pytest
from PIL import Image

from audit import errors
from audit.ingest import load_pages
from audit.ingest.folder import INCOMPLETE

TEXT = "某某市卫生健康委员会\n行政处罚决定书\n某卫罚〔2024〕12号\n当事人：某某诊所\n"


def _image(path: Path) -> None:
    Image.new("RGB", (200, 280), "white").save(path)


def test_stray_text_note_beside_page_photos_is_not_a_page(tmp_path: Path):
    for n in (1, 2, 10):
        _image(tmp_path / f"{n}.jpg")
    (tmp_path / "说明.txt").write_text("扫描说明：共三页", encoding="utf-8")
    pages, warnings = load_pages(tmp_path)
    assert [p.source_file for p in pages] == ["1.jpg", "2.jpg", "10.jpg"]  # page 1 stays page 1
    assert any("说明.txt" in w and "不作为案卷页" in w for w in warnings)
    assert not any(w.startswith(INCOMPLETE) for w in warnings)


def test_os_litter_is_ignored_silently(tmp_path: Path):
    (tmp_path / "1.txt").write_text(TEXT, encoding="utf-8")
    for name in ("Thumbs.db", "desktop.ini", ".DS_Store", "~$决定书.docx"):
        (tmp_path / name).write_bytes(b"\x00\x01litter")
    pages, warnings = load_pages(tmp_path)
    assert len(pages) == 1 and warnings == []


def test_unsupported_file_and_sub_folder_make_the_case_incomplete(tmp_path: Path):
    (tmp_path / "1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "罚没款收据.xls").write_bytes(b"PK\x03\x04not really")
    (tmp_path / "附件").mkdir()
    (tmp_path / "附件" / "照片.jpg").write_bytes(b"x")
    pages, warnings = load_pages(tmp_path)
    assert len(pages) == 1
    incomplete = [w for w in warnings if w.startswith(INCOMPLETE)]
    assert any("罚没款收据.xls" in w for w in incomplete)
    assert any("子文件夹 附件" in w and "1 个文件" in w for w in incomplete)


def test_empty_file_in_a_folder_is_reported_not_fatal(tmp_path: Path):
    (tmp_path / "1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "2.pdf").write_bytes(b"")
    pages, warnings = load_pages(tmp_path)
    assert len(pages) == 1 and any("2.pdf" in w and "空文件" in w for w in warnings)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_links_out_of_the_case_folder_are_not_followed(tmp_path: Path):
    case = tmp_path / "case"
    case.mkdir()
    (case / "1.txt").write_text(TEXT, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("不应读取的内容", encoding="utf-8")
    (case / "2.txt").symlink_to(secret)
    pages, warnings = load_pages(case)
    assert len(pages) == 1
    assert not any("不应读取" in line.text for p in pages for line in p.lines)
    assert any("2.txt" in w and "未读取" in w for w in warnings)


def test_single_unsupported_file_is_a_bilingual_error(tmp_path: Path):
    path = tmp_path / "a.xls"
    path.write_bytes(b"x")
    with pytest.raises(errors.InputError) as info:
        load_pages(path)
    assert "不支持的文件类型" in info.value.zh and "unsupported" in info.value.en
