"""More inputs: OFD (GB/T 33190), HEIC photos, old Word/WPS through LibreOffice."""

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from audit import errors
from audit.ingest import load_pages
from audit.ingest.folder import INCOMPLETE

NS = "http://www.ofdspec.org/2016"


def make_ofd(path: Path, pages: list[list[tuple[float, float, float, float, str]]]) -> Path:
    """A minimal conforming OFD: OFD.xml → Document.xml → one Content.xml per page."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody>'
                              '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        listing = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:PageArea>'
                                         '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                                         f'</ofd:CommonData><ofd:Pages>{listing}</ofd:Pages></ofd:Document>')
        for i, objects in enumerate(pages):
            body = "".join(f'<ofd:TextObject ID="{k}" Boundary="{x} {y} {w} {h}" Font="1" Size="{h}">'
                           f'<ofd:TextCode X="0" Y="{h}">{text}</ofd:TextCode></ofd:TextObject>'
                           for k, (x, y, w, h, text) in enumerate(objects))
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="0">{body}</ofd:Layer></ofd:Content></ofd:Page>')
    return path


def test_ofd_text_is_read_with_lines_in_order_and_boxes(tmp_path: Path):
    path = make_ofd(tmp_path / "决定书.ofd", [
        [(60, 30, 90, 8, "行政处罚决定书"), (20, 50, 40, 5, "当事人："), (62, 50, 40, 5, "某某诊所")],
        [(20, 30, 80, 5, "某卫罚〔2024〕12号")],
    ])
    pages, _ = load_pages(path)
    assert [p.source_page for p in pages] == [1, 2]
    assert [line.text.replace(" ", "") for line in pages[0].lines] == ["行政处罚决定书", "当事人：某某诊所"]
    assert pages[1].lines[0].text == "某卫罚〔2024〕12号"
    assert round(pages[0].width) == 595 and round(pages[0].height) == 842  # A4 in points
    box = pages[0].lines[0].box
    assert box is not None and round(box[0]) == round(60 * 72 / 25.4)


def test_broken_ofd_is_a_bilingual_error(tmp_path: Path):
    path = tmp_path / "bad.ofd"
    path.write_bytes(b"PK not a zip")
    with pytest.raises(errors.InputError) as info:
        load_pages(path)
    assert "bad.ofd" in info.value.zh


def test_heic_photo_is_a_page_and_the_ocr_stage_can_open_it(tmp_path: Path):
    pillow_heif = pytest.importorskip("pillow_heif")
    image = Image.new("RGB", (320, 440), "white")
    heif = pillow_heif.from_pillow(image)
    heif.save(tmp_path / "1.heic", quality=80)
    pages, warnings = load_pages(tmp_path)
    assert len(pages) == 1 and pages[0].needs_ocr and not warnings
    from audit.ocr.raster import load_page_image

    loaded = load_page_image(tmp_path / "1.heic", 1, 200, 50_000_000)
    assert loaded.rgb.shape[:2] == (440, 320)


def _docx(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_doc_and_wps_are_read_through_libreoffice(tmp_path: Path):
    src = _docx(tmp_path / "决定书.docx", "行政处罚决定书\n当事人：某某诊所\n某卫罚〔2024〕12号")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(src)],
                   check=True, capture_output=True, timeout=120)
    doc = tmp_path / "doc" / "决定书.doc"
    wps = tmp_path / "doc" / "决定书-副本.wps"  # WPS 文字 files are Word binaries under another name
    shutil.copy(doc, wps)
    for path in (doc, wps):
        pages, _ = load_pages(path)
        text = "".join(line.text for p in pages for line in p.lines)
        assert "某卫罚〔2024〕12号" in text and "某某诊所" in text
        assert pages[0].source_file == path.name


def test_doc_without_libreoffice_says_how_to_save_it(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    path = tmp_path / "决定书.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    with pytest.raises(errors.InputError) as info:
        load_pages(path)
    assert "另存为" in info.value.zh and ".docx 或 PDF" in info.value.zh and "Save As" in info.value.en
    (tmp_path / "case").mkdir()
    shutil.move(path, tmp_path / "case" / path.name)
    (tmp_path / "case" / "1.txt").write_text("行政处罚决定书\n当事人：某某诊所\n", encoding="utf-8")
    pages, warnings = load_pages(tmp_path / "case")
    assert len(pages) == 1
    assert any(w.startswith(INCOMPLETE) and "决定书.doc" in w and "LibreOffice" in w for w in warnings)
