"""Deterministic malformed inputs: mutations of the sample files plus hand-made bad cases."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

import docx
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[2]
SIMPLE_PDF = ROOT / "samples" / "cases" / "simple-2024-publicplace" / "case.pdf"
DECISION_TXT = ROOT / "tests" / "data" / "decision-2023.txt"


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` (a decompression bomb by size)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _pdf_pages(path: Path, pages: int, text: str = "", **kwargs) -> None:
    c = canvas.Canvas(str(path), invariant=1, **kwargs)
    for i in range(pages):
        if text:
            c.setFont("Helvetica", 12)
            c.drawString(72, 720, f"{text} {i}")
        c.showPage()
    c.save()


def make_inputs(folder: Path, seed: int = 7) -> list[Path]:
    """Write at least 200 malformed inputs into ``folder``; return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pdf = SIMPLE_PDF.read_bytes()
    text = DECISION_TXT.read_bytes()
    made: list[Path] = []

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        made.append(path)

    # 1. PDFs truncated at 60 offsets, 60 with random byte flips, 20 with zeroed regions
    for i in range(60):
        put(f"trunc-{i:02d}.pdf", pdf[: rng.randrange(1, len(pdf))])
    for i in range(60):
        data = bytearray(pdf)
        for _ in range(rng.randrange(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        put(f"flip-{i:02d}.pdf", bytes(data))
    for i in range(20):
        data = bytearray(pdf)
        start = rng.randrange(len(data))
        data[start:start + rng.randrange(100, 5000)] = b"\x00" * len(data[start:start + 5000])
        put(f"zero-{i:02d}.pdf", bytes(data[: len(pdf)]))
    # 1b. Word drafts with damaged zip members
    good = docx.Document()
    for line in text.decode("utf-8").splitlines():
        good.add_paragraph(line)
    good.save(str(folder / "_good.docx"))
    docx_bytes = (folder / "_good.docx").read_bytes()
    (folder / "_good.docx").unlink()
    for i in range(15):
        data = bytearray(docx_bytes)
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        put(f"damaged-{i:02d}.docx", bytes(data[: rng.randrange(len(data) // 2, len(data) + 1)]))
    # 2. text files with broken encodings and binary junk
    for i in range(15):
        data = bytearray(text)
        for _ in range(rng.randrange(1, 30)):
            data.insert(rng.randrange(len(data)), rng.randrange(128, 256))
        put(f"badenc-{i:02d}.txt", bytes(data))
    for i in range(10):
        put(f"junk-{i:02d}.txt", bytes(rng.randrange(256) for _ in range(rng.randrange(10, 4000))))
    # 3. hand-made bad cases
    put("empty.pdf", b"")
    put("empty.txt", b"")
    put("not-a-pdf.pdf", "这不是PDF文件".encode())
    put("html-as.pdf", b"<html><body>404</body></html>")
    put("bomb.png", _png_header(50000, 50000))
    put("truncated.jpg", b"\xff\xd8\xff\xe0" + bytes(rng.randrange(256) for _ in range(300)))
    put("fake.docx", b"PK\x03\x04 not really a zip")
    put("random.docx", bytes(rng.randrange(256) for _ in range(2048)))
    put("archive.zip", b"PK\x05\x06" + b"\x00" * 18)
    put("no-extension", b"%PDF-1.4 without a suffix")
    put("spaces and 中文 name.txt", text)
    put("only-whitespace.txt", b"   \n\n\t  \n")
    put("utf16.txt", text.decode("utf-8").encode("utf-16"))
    put("not-a-case.txt", "今天天气很好，我们去公园散步。".encode())
    put("ascii-only.txt", b"Lorem ipsum dolor sit amet.\n" * 20)
    encrypted = folder / "encrypted.pdf"
    _pdf_pages(encrypted, 2, "secret", encrypt="pw")
    made.append(encrypted)
    blank = folder / "blank-pages.pdf"
    _pdf_pages(blank, 5)
    made.append(blank)
    many = folder / "many-pages.pdf"
    _pdf_pages(many, 1000, "page")
    made.append(many)
    d = docx.Document()
    d.add_paragraph("  ")
    d.save(str(folder / "empty.docx"))
    made.append(folder / "empty.docx")
    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(2, 2)).text = "合并单元格"
    d.save(str(folder / "merged-table.docx"))
    made.append(folder / "merged-table.docx")
    nested = folder / "nested-case"
    (nested / "deeper").mkdir(parents=True)
    (nested / "deeper" / "inner.txt").write_bytes(text)
    (nested / "broken.pdf").write_bytes(pdf[:500])
    made.append(nested)
    empty_dir = folder / "empty-folder"
    empty_dir.mkdir()
    made.append(empty_dir)
    return made
