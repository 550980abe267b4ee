#!/usr/bin/env python3
"""Write tests/data/cid_subset_font.pdf: a CJK PDF on which pdfplumber loses text that
pypdfium2 and poppler read completely.

Reproduces the reported failure "on a PDF with embedded subset Noto CJK (CID) fonts,
pdfplumber returned no text on some pages that pypdfium2 and poppler read completely".
Every page embeds a subset of Noto Sans CJK SC as a bare CID-keyed CFF program
(Type0 font -> CIDFontType0 descendant, FontFile3 /CIDFontType0C). The pages differ only in
how character codes are tied to Unicode:

page 1  control: /Encoding /Identity-H, code = CID, correct /ToUnicode CMap.
        pdfplumber, pypdfium2 and poppler all return the text.
page 2  /Encoding is an *embedded CMap stream* (code -> CID, codes numbered 1..n in order of
        first use) plus a correct /ToUnicode. pdfminer (under pdfplumber) only knows CMaps by
        name: it looks the embedded CMap's name up in its own CMap database, does not find it,
        falls back to an empty CMap and decodes no characters at all -> extract_text() == "".
        pypdfium2 and poppler parse the embedded CMap and return the text.
page 3  /Encoding /Identity-H, *no* /ToUnicode, and the subset font's CIDs are the Unicode code
        points of its glyphs. pdfminer has no Unicode map for a CFF CID font without ToUnicode
        (it only falls back to the font's own cmap for TrueType FontFile2) -> "(cid:34892)…".
        pdfium and poppler, having no map either, use the character code itself as the Unicode
        value, which here is correct.

Findings while building this (pypdfium2 5.x / pdfium, poppler 22+, pdfminer.six 20260107):
- pdfium does NOT fall back to the embedded font program's cmap when /ToUnicode is missing; it
  uses the raw character code. With a TrueType CIDFontType2 subset (CID = GID) and no ToUnicode,
  pdfium and poppler return control characters while pdfplumber reads the text correctly
  through pdfminer's TrueType cmap fallback. That reverse case is not in this file.
- A /ToUnicode whose destinations are empty (<>) or one byte long makes pdfminer return "" for
  each character; pdfium then falls back to the code, but poppler returns "" or single bytes.

Deterministic: the same fonts and fontTools version give a byte-identical file.
Needs fontTools (pip install fonttools) and the Noto Sans CJK .ttc below; pdfplumber,
pypdfium2 and poppler-utils only for --check.

    python tests/data/make_cid_pdf.py [--out tests/data/cid_subset_font.pdf] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import zlib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

NOTO_TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTO_SC_INDEX = 2  # Noto Sans CJK SC inside the collection

PAGES = [
    [
        "杭州市西湖区卫生健康局",
        "行政处罚决定书",
        "杭西卫医罚〔2023〕12号",
        "当事人：杭州西湖康宁诊所",
        "统一社会信用代码：52330106MJ9K2D5R3A",
        "地址：杭州市西湖区文一西路522号1楼",
        "经查，当事人使用未取得护士执业证书的人员从事静脉输液穿刺工作，",
        "违反了《医疗机构管理条例》第二十七条的规定。",
    ],
    [
        "依据《医疗机构管理条例》第四十七条的规定，本机关决定",
        "对当事人作出如下行政处罚：罚款人民币贰万元整（¥20,000.00）。",
        "请当事人自收到本决定书之日起十五日内缴纳罚款。",
        "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，",
        "加处罚款的数额不得超出罚款的数额。",
    ],
    [
        "如不服本处罚决定，可以在收到本决定书之日起六十日内",
        "向杭州市西湖区人民政府申请行政复议，也可以在六个月内",
        "直接向杭州市西湖区人民法院提起行政诉讼。",
        "杭州市西湖区卫生健康局",
        "二〇二三年六月六日",
    ],
]
VARIANTS = ["identity_tounicode", "embedded_cmap", "cid_is_unicode_no_tounicode"]


# --- font ------------------------------------------------------------------------------------


def subset_noto(chars: str):
    font = TTCollection(NOTO_TTC).fonts[NOTO_SC_INDEX]
    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = []
    opts.notdef_outline = True
    opts.desubroutinize = True
    opts.drop_tables += ["FFTM", "BASE", "VORG", "vhea", "vmtx", "GDEF", "GPOS", "GSUB"]
    sub = subset.Subsetter(opts)
    sub.populate(text=chars)
    sub.subset(font)
    return font


def cff_bytes(font) -> bytes:
    buf = io.BytesIO()
    font["CFF "].cff.compile(buf, font)
    return buf.getvalue()


def renumber_cids_to_unicode(font) -> None:
    """Give every glyph of the CID-keyed CFF the CID equal to its Unicode code point."""
    to_unicode = {glyph: code for code, glyph in font.getBestCmap().items()}
    old = font.getGlyphOrder()
    new = [".notdef"] + [f"cid{to_unicode[g]:05d}" for g in old[1:]]
    top = font["CFF "].cff.topDictIndex[0]
    strings = top.CharStrings.charStrings
    top.CharStrings.charStrings = {n: strings[o] for o, n in zip(old, new, strict=True)}
    top.charset = new
    font.setGlyphOrder(new)


def cid_of(name: str) -> int:
    return 0 if name == ".notdef" else int(name[3:])


# --- PDF objects ------------------------------------------------------------------------------


class Pdf:
    def __init__(self):
        self.objs: list[bytes | None] = [None, None]  # 1 catalog, 2 page tree

    def add(self, body: bytes) -> int:
        self.objs.append(body)
        return len(self.objs)

    def stream(self, data: bytes, extra: bytes = b"") -> int:
        data = zlib.compress(data, 9)
        return self.add(
            b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(data), extra)
            + data
            + b"\nendstream"
        )

    def write(self, kids: list[int]) -> bytes:
        self.objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        self.objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in kids),
            len(kids),
        )
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs, 1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1))
        for off in offsets:
            out.write(b"%010d 00000 n \n" % off)
        out.write(
            b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(self.objs) + 1, xref)
        )
        return out.getvalue()


def cmap_text(name: str, ordering: str, cmap_type: int, block: str, entries: list[str]) -> bytes:
    lines = [
        "%!PS-Adobe-3.0 Resource-CMap",
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry (Adobe) /Ordering ({ordering}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        f"/CMapType {cmap_type} def",
    ]
    if cmap_type == 1:
        lines.append("/WMode 0 def")
    lines += ["1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    for start in range(0, len(entries), 100):  # at most 100 entries per block
        chunk = entries[start : start + 100]
        lines += [f"{len(chunk)} begin{block}", *chunk, f"end{block}"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def widths_array(cid_width: dict[int, int]) -> bytes:
    return b"[" + b" ".join(b"%d [%d]" % (cid, w) for cid, w in sorted(cid_width.items())) + b"]"


def build(out_path: Path) -> bytes:
    chars = "".join(sorted(set("".join(line for page in PAGES for line in page))))
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(chars.encode()).digest()[:6])
    base_font = f"/{tag}+NotoSansCJKsc-Regular".encode()

    font = subset_noto(chars)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    cid_for_char = {chr(u): cid_of(g) for u, g in cmap.items()}
    widths_by_cid = {cid_of(g): hmtx[g][0] for g in font.getGlyphOrder()}
    widths_by_unicode = {u: hmtx[g][0] for u, g in cmap.items()}
    font_u = subset_noto(chars)
    renumber_cids_to_unicode(font_u)

    pdf = Pdf()
    sysinfo = b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
    descriptor = (
        b"/Flags 4 /FontBBox [-1002 -1048 2928 1808] /ItalicAngle 0 /Ascent 1160 /Descent -288 "
        b"/CapHeight 733 /StemV 80"
    )
    ff_cid = pdf.stream(cff_bytes(font), b" /Subtype /CIDFontType0C")
    ff_uni = pdf.stream(cff_bytes(font_u), b" /Subtype /CIDFontType0C")

    def type0(fontfile: int, widths: dict[int, int], encoding: bytes, tounicode: int | None) -> int:
        fd = pdf.add(
            b"<< /Type /FontDescriptor /FontName "
            + base_font
            + b" "
            + descriptor
            + b" /FontFile3 %d 0 R >>" % fontfile
        )
        cid_font = pdf.add(
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont "
            + base_font
            + b" "
            + sysinfo
            + b" /FontDescriptor %d 0 R /DW 1000 /W " % fd
            + widths_array(widths)
            + b" >>"
        )
        tu = b" /ToUnicode %d 0 R" % tounicode if tounicode else b""
        return pdf.add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont "
            + base_font
            + b" /Encoding "
            + encoding
            + b" /DescendantFonts [%d 0 R]" % cid_font
            + tu
            + b" >>"
        )

    kids = []
    for lines, variant in zip(PAGES, VARIANTS, strict=True):
        text = "".join(lines)
        if variant == "identity_tounicode":
            code = {ch: cid_for_char[ch] for ch in text}
            tu = pdf.stream(
                cmap_text(
                    "Adobe-Identity-UCS",
                    "UCS",
                    2,
                    "bfchar",
                    [f"<{code[ch]:04X}> <{ord(ch):04X}>" for ch in sorted(set(text))],
                )
            )
            font_ref = type0(ff_cid, widths_by_cid, b"/Identity-H", tu)
        elif variant == "embedded_cmap":
            order = list(dict.fromkeys(text))
            code = {ch: i for i, ch in enumerate(order, 1)}
            name = f"{tag}+NotoSansCJKsc-Regular-H"
            enc = pdf.stream(
                cmap_text(
                    name,
                    "Identity",
                    1,
                    "cidchar",
                    [f"<{code[ch]:04X}> {cid_for_char[ch]}" for ch in order],
                ),
                b" /Type /CMap /CMapName /" + name.encode() + b" " + sysinfo,
            )
            tu = pdf.stream(
                cmap_text(
                    "Adobe-Identity-UCS",
                    "UCS",
                    2,
                    "bfchar",
                    [f"<{code[ch]:04X}> <{ord(ch):04X}>" for ch in order],
                )
            )
            font_ref = type0(ff_cid, widths_by_cid, b"%d 0 R" % enc, tu)
        else:
            code = {ch: ord(ch) for ch in text}
            font_ref = type0(ff_uni, widths_by_unicode, b"/Identity-H", None)
        ops = ["BT", "/F1 15 Tf", "18 TL", "60 770 Td"]
        for i, line in enumerate(lines):
            if i:
                ops.append("T*")
            ops.append("<" + "".join(f"{code[ch]:04X}" for ch in line) + "> Tj")
        ops.append("ET")
        content = pdf.stream("\n".join(ops).encode("ascii"))
        kids.append(
            pdf.add(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font_ref, content)
            )
        )
    data = pdf.write(kids)
    out_path.write_bytes(data)
    return data


def check(path: Path) -> int:
    """Print what each library returns per page; exit status 1 if the reproduction is lost."""
    import pdfplumber
    import pypdfium2

    ok = True
    with pdfplumber.open(path) as pl:
        doc = pypdfium2.PdfDocument(str(path))
        for i, (lines, variant) in enumerate(zip(PAGES, VARIANTS, strict=True)):
            expected = "".join(lines)
            plumber = pl.pages[i].extract_text() or ""
            pdfium = doc[i].get_textpage().get_text_range()
            poppler = subprocess.run(
                ["pdftotext", "-f", str(i + 1), "-l", str(i + 1), str(path), "-"],
                capture_output=True,
                text=True,
            ).stdout
            squash = {
                name: "".join(t.split())
                for name, t in (
                    ("pdfplumber", plumber),
                    ("pypdfium2", pdfium),
                    ("poppler", poppler),
                )
            }
            print(f"page {i + 1} ({variant}):")
            for name, text in squash.items():
                state = "correct" if text == expected else ("EMPTY" if not text else "WRONG")
                print(f"  {name:10} {state:8} {text[:60]!r}")
            want_plumber = variant == "identity_tounicode"
            ok &= squash["pypdfium2"] == expected and squash["poppler"] == expected
            ok &= (squash["pdfplumber"] == expected) == want_plumber
        doc.close()
    return 0 if ok else 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "cid_subset_font.pdf"))
    ap.add_argument(
        "--check", action="store_true", help="print what each library extracts per page"
    )
    args = ap.parse_args(argv)
    data = build(Path(args.out))
    print(f"wrote {args.out} ({len(data):,} bytes, {len(PAGES)} pages)")
    return check(Path(args.out)) if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
