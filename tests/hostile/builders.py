"""Hostile inputs, built at test time (nothing large is committed)."""

from __future__ import annotations

import io
import os
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

from .procwatch import ROOT

GOOD = [ROOT / "samples" / "cases" / "ord-2024-waste" / "case.pdf",
        ROOT / "samples" / "cases" / "simple-2024-publicplace" / "case.pdf"]
BIG5_TEXT = ("衛生健康行政處罰決定書\n當事人：某某診所\n地址：某市某區某路一號\n"
             "經查，你單位於2024年3月1日未取得醫療機構執業許可證擅自執業，違反了《醫療機構管理條例》第十四條的規定。\n")


def good_cases(folder: Path, names: tuple[str, ...] = ("good1", "good2")) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in zip(names, GOOD, strict=False):
        shutil.copyfile(source, folder / f"{name}.pdf")
    return list(names)


def unique_copy(source: Path, target: Path, n: int) -> None:
    """A copy with different bytes (a trailing PDF comment), so it is not a duplicate."""
    target.write_bytes(source.read_bytes() + f"\n%copy {n}\n".encode())


def docx_bomb(path: Path, part_mb: int = 300) -> Path:
    """A small .docx whose document.xml unpacks to ``part_mb`` MB of paragraphs."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    para = b"<w:p><w:r><w:t>\xe8\xa1\x8c\xe6\x94\xbf\xe5\xa4\x84\xe7\xbd\x9a</w:t></w:r></w:p>" * 1000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, source.read(info))
        with out.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            written = len(head)
            while written < part_mb * 1024 * 1024:
                part.write(para)
                written += len(para)
            part.write(b"</w:body></w:document>")
    return path


def huge_mediabox_pdf(path: Path, side_pt: float = 20000.0, pages: int = 3) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(side_pt, side_pt))
    for i in range(pages):
        pdf.drawString(100, side_pt - 100, f"page {i + 1}")
        pdf.showPage()
    pdf.save()
    return path


def pixel_bomb_png(path: Path, width: int = 40000, height: int = 40000) -> Path:
    """A 1-bit PNG of ``width`` × ``height`` blank pixels, a few hundred KB on disk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


def shifted_xref_pdf(source: Path, path: Path, shift: int = 37) -> Path:
    """``source`` with every offset of its cross-reference table moved ``shift`` bytes on:
    pdfium rebuilds the table and reads every page; pdfminer finds none."""
    import re

    data = source.read_bytes()
    path.write_bytes(re.sub(rb"(\d{10}) (\d{5}) n",
                            lambda m: b"%010d %s n" % (int(m.group(1)) + shift, m.group(2)), data))
    return path


def bytes_name(folder: Path, raw: bytes, data: bytes) -> Path:
    """A file whose name is the bytes ``raw`` (not valid UTF-8)."""
    target = os.path.join(os.fsencode(folder), raw)
    with open(target, "wb") as fh:
        fh.write(data)
    return Path(os.fsdecode(target))
