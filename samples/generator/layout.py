"""Drawing: a reportlab canvas that records what it draws (text, seals) and numbers pages.

Used by the random and curated cases and, with the default style, the hand-made ones
(``handmade/``). Hooks for the visual templates: fill-in fonts, page-number styles, page
frames, title rules, seals with a slight turn, handwriting with a small baseline wobble.
Output is deterministic: reportlab ``invariant=1`` and no randomness outside the scenario.
"""

from __future__ import annotations

import io
import math
import re
import zlib
from collections import defaultdict
from functools import cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

# TrueType only: reportlab cannot embed the CFF-based Noto CJK fonts.
FONTS = {
    "song": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # AR PL UMing CN: printed text
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),  # AR PL UKai CN: handwriting
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),  # WenQuanYi Zen Hei: titles, typed fill-ins
}
SEAL_FONT = FONTS["song"][0]
BLACK = Color(0, 0, 0)
INK = Color(0.10, 0.14, 0.42)  # blue-black pen
RED = Color(0.80, 0.08, 0.10)
GREY = Color(0.35, 0.35, 0.35)
PAGE_W, PAGE_H = A4


class FontsMissing(RuntimeError):
    pass


def missing_fonts() -> list[str]:
    return [path for path, _ in FONTS.values() if not Path(path).exists()]


def register_fonts() -> None:
    for name, (path, index) in FONTS.items():
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        if not Path(path).exists():
            raise FontsMissing(
                f"缺少字体 {path}（请安装 fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei）/ "
                f"font not found: {path}"
            )
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))


# --- seals ------------------------------------------------------------------------------------


def seal_face(name: str, px: int, alpha: int) -> Image.Image:
    """The drawing of a round official seal at twice ``px``: a ring, a five-point star, the name
    around the upper arc (shared by the corpus seals and the hand-made cases' seal)."""
    size = px * 2
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (206, 22, 30, alpha)
    ring = int(size * 0.035)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=red, width=ring)
    cx = cy = size / 2
    star = []
    for k in range(10):
        ang, rr = -math.pi / 2 + k * math.pi / 5, size * (0.16 if k % 2 == 0 else 0.06)
        star.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(SEAL_FONT, int(size * 0.125), index=0)
    span = min(250.0, 22.0 * len(name) + 20)
    radius = size / 2 - ring * 2.6 - size * 0.06
    for i, ch in enumerate(name):
        ang = -90 - span / 2 + span * (i + 0.5) / len(name)
        tile = Image.new("RGBA", (int(size * 0.16),) * 2, (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((tile.width / 2,) * 2, ch, font=font, fill=red, anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.BICUBIC, expand=True)
        x = cx + radius * math.cos(math.radians(ang)) - tile.width / 2
        y = cy + radius * math.sin(math.radians(ang)) - tile.height / 2
        img.alpha_composite(tile, (round(x), round(y)))
    return img


@cache
def seal_image(name: str, px: int = 220, turn: int = 0, inner: str = "") -> Image.Image:
    """Round official seal: name around the upper arc, a star, optional text under the star."""
    size = px * 2
    red = (206, 22, 30, 205)
    img = seal_face(name, px, red[3])
    draw = ImageDraw.Draw(img)
    cx = cy = size / 2
    if inner:
        small = ImageFont.truetype(SEAL_FONT, int(size * 0.07), index=0)
        draw.text((cx, cy + size * 0.25), inner, font=small, fill=red, anchor="mm")
    # uneven ink: fade a band deterministically derived from the name
    seed = zlib.crc32(name.encode())
    fade = Image.new("L", (size, size), 255)
    fd = ImageDraw.Draw(fade)
    a = seed % 360
    fd.pieslice((0, 0, size, size), a, a + 70, fill=150)
    img.putalpha(ImageChops.multiply(img.getchannel("A"), fade))
    if turn:
        img = img.rotate(turn, resample=Image.BICUBIC)
    return _flat(img.resize((px, px), Image.LANCZOS), red)


def _flat(img: Image.Image, colour: tuple[int, ...]) -> Image.Image:
    """One ink colour everywhere, the shape in the alpha channel: the PDF stores a near-empty colour plane."""
    out = Image.new("RGBA", img.size, colour[:3] + (0,))
    out.putalpha(img.getchannel("A"))
    return out


@cache
def rect_stamp(lines: tuple[str, ...], px_w: int = 300, px_h: int = 136) -> Image.Image:
    """Rectangular bank stamp (收款银行 转讫)."""
    img = Image.new("RGBA", (px_w, px_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (200, 25, 35, 200)
    draw.rectangle((4, 4, px_w - 5, px_h - 5), outline=red, width=5)
    font = ImageFont.truetype(SEAL_FONT, int(px_h / (len(lines) + 1.2)), index=0)
    step = (px_h - 10) / len(lines)
    for i, text in enumerate(lines):
        draw.text((px_w / 2, 5 + step * (i + 0.5)), text, font=font, fill=red, anchor="mm")
    return _flat(img, red)


# --- text wrapping ----------------------------------------------------------------------------

NO_LINE_START = set("，。、；：？！）》」』”’〕】…%")
NO_LINE_END = set("（《「『“‘〔【¥")
TOKEN = re.compile(r"[A-Za-z0-9¥,.\-:/%]+|.", re.S)


def width_of(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float, first: float | None = None) -> list[str]:
    """Break CJK text into lines; keep numbers whole, no closing punctuation at a line start."""
    lines: list[str] = []
    cur, cur_w, limit = "", 0.0, width if first is None else first
    for tok in TOKEN.findall(text):
        if tok == "\n":
            lines.append(cur)
            cur, cur_w, limit = "", 0.0, width
            continue
        w = width_of(tok, font, size)
        if cur and cur_w + w > limit + 0.01 and tok[0] not in NO_LINE_START:
            carry = ""
            while cur and cur[-1] in NO_LINE_END:
                carry, cur = cur[-1] + carry, cur[:-1]
            lines.append(cur)
            cur, cur_w, limit = carry, width_of(carry, font, size), width
        cur += tok
        cur_w += w
    return lines + [cur] if cur or not lines else lines


def S(text: str) -> tuple[str, str]:
    """Printed part of a line."""
    return ("song", text)


def K(text: str) -> tuple[str, str]:
    """Handwritten part of a line (signature, date written by hand)."""
    return ("kai", text)


def F(text: str, font: str) -> tuple[str, str]:
    return (font, text)


def signed(label: str, name: str, date: str | None = None, align: str = "right") -> dict:
    parts = [S(label), K(name)] + ([S("　　"), K(date)] if date else [])
    return {"parts": parts, "align": align}


def _wobble(page: int, x: float, text: str) -> float:
    """A deterministic baseline offset (points) for handwriting."""
    return ((zlib.crc32(f"{page}:{x:.1f}:{text}".encode()) % 13) - 6) / 10.0


@cache
def _reader(name: str, turn: int, inner: str) -> ImageReader:
    return ImageReader(seal_image(name, turn=turn, inner=inner))


class Writer:
    """A canvas that records every string it draws, tracks documents and numbers pages."""

    def __init__(self, fileobj, *, title: str, author: str, style, plan: list[dict] | None = None,
                 creator: str = "samples/generator (casefile-audit)"):
        self.c = canvas.Canvas(fileobj, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        self.c.setCreator(creator)
        self.style, self.plan = style, plan
        self.LM, self.RM, self.TM, self.BM = style.margins
        self.page, self.open = 0, False
        self.items: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
        self.seals: list[dict] = []
        self.docs: list[dict] = []
        self.footer = self.header = None
        self.bottom, self.y = self.BM, PAGE_H - self.TM
        self.base, self.spacing = style.base_size, style.spacing
        self.skip_page_numbers: set[int] = set()  # pages printed without a page number
        self.page_number_offset: dict[int, int] = {}  # page -> printed number shift (defects)
        self.unsigned_pages: set[int] = set()  # record pages without the party's signature (defects)
        self.furniture: set[tuple[int, float, float]] = set()  # page numbers, running headers/footers
        self._furniture = False

    right = property(lambda self: PAGE_W - self.RM)
    width = property(lambda self: PAGE_W - self.LM - self.RM)

    # pages and documents
    def new_page(self) -> None:
        if self.open:
            self._close_page()
        self.page, self.open, self.y = self.page + 1, True, PAGE_H - self.TM
        if self.style.frame:
            self.c.setLineWidth(1.2)
            self.c.rect(self.LM - 14, self.BM - 30, self.width + 28, PAGE_H - self.TM - self.BM + 52)
        if self.header:
            self._furniture = True
            self.header()
            self._furniture = False

    def _close_page(self) -> None:
        self._furniture = True
        if self.footer:
            self.footer()
        self._page_number()
        self._furniture = False
        self.c.showPage()
        self.open = False

    def _page_number(self) -> None:
        if self.page in self.skip_page_numbers or self.docs and self.docs[-1]["type"] in self.style.unnumbered:
            return
        n = self.page + self.page_number_offset.get(self.page, 0)
        style = self.style.page_numbers
        if style == "dash_center":
            self.text(PAGE_W / 2, 34, f"- {n} -", size=10.5, align="center")
        elif style == "right_bottom":
            self.text(self.right, 30, f"第 {n} 页", size=10.5, align="right")
        elif style == "stamp_top_right":
            x, y = PAGE_W - 54, PAGE_H - 34
            self.c.setStrokeColor(INK)
            self.c.setLineWidth(0.8)
            self.c.rect(x - 22, y - 5, 44, 18)
            self.c.setStrokeColor(BLACK)
            self.text(x, y, f"{n:03d}", font="hei", size=11, color=INK, align="center")

    def begin(self, dtype, title, *, docno=None, footer=None, header=None, bottom=None, title_size=None,
              agency=True, index_title=None):
        """Start a document on a new page: agency name, title, document number (template-styled)."""
        if self.open:
            self._close_page()
        st = self.style
        self.unsigned_pages: set[int] = set()
        self.footer, self.header, self.bottom = footer, header, bottom or self.BM
        self.docs.append({"type": dtype, "title": title, "pages": [self.page + 1, None],
                          "index_title": index_title or title})
        self.new_page()
        title_size = title_size or st.title_size
        agency_name = st.agency_name
        if agency and st.agency_inline:
            line = f"{agency_name}　{title}"
            size = min(title_size, (self.width - 10) / max(len(line), 1))
            self.text(PAGE_W / 2, self.y - size, line, font="hei", size=size, align="center")
            self.y -= size + 12
        else:
            if agency:
                self.text(PAGE_W / 2, self.y - 16, agency_name, size=st.agency_size, align="center",
                          font=st.agency_font)
                self.y -= st.agency_size + 14
            spaced = "　".join(title) if st.spaced_titles and len(title) <= 6 else title
            self.text(PAGE_W / 2, self.y - title_size, spaced, font="hei", size=title_size, align="center")
            self.y -= title_size + 14
        if st.title_rule:
            self.c.setStrokeColor(RED if st.title_rule == "red" else BLACK)
            self.c.setLineWidth(1.6)
            self.c.line(self.LM, self.y + 4, self.right, self.y + 4)
            self.c.setLineWidth(0.5)
            self.c.line(self.LM, self.y + 1, self.right, self.y + 1)
            self.c.setStrokeColor(BLACK)
            self.y -= 8
        if docno:
            align = st.docno_align
            x = {"right": self.right, "center": PAGE_W / 2, "left": self.LM}[align]
            self.text(x, self.y - 12, docno, size=12, align=align)
            self.y -= 28

    def end(self) -> None:
        self._close_page()
        self.docs[-1]["pages"][1] = self.page
        self.footer = self.header = None

    def doc_page(self) -> tuple[int, int]:
        first = self.docs[-1]["pages"][0]
        total = 1
        if self.plan and len(self.plan) >= len(self.docs):
            f, last = self.plan[len(self.docs) - 1]["pages"]
            total = last - f + 1
        return self.page - first + 1, total

    # drawing
    def text(self, x, y, s, *, font="song", size=12.0, color=BLACK, align="left") -> float:
        glyphs = pdfmetrics.getFont(font).face.charToGlyph
        missing = [ch for ch in s if ord(ch) not in glyphs]
        if missing:
            raise ValueError(f"font {font} has no glyph for {missing!r} in {s!r}")
        w = width_of(s, font, size)
        x -= {"left": 0, "center": w / 2, "right": w}[align]
        if font == "kai" and self.style.wobble:
            y += _wobble(self.page, x, s)
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)
        if s.strip():
            self.items[self.page].append((round(y, 2), round(x, 2), s))
            if self._furniture:
                self.furniture.add((self.page, round(y, 2), round(x, 2)))
        return x + w

    def parts(self, x, y, parts, *, size=12.0, align="left") -> float:
        """A line of (font, text) parts; handwritten parts in ink, one point larger."""
        def sz(f):
            return size + (f == "kai")
        total = sum(width_of(t, f, sz(f)) for f, t in parts)
        x -= {"left": 0, "center": total / 2, "right": total}[align]
        for font, t in parts:
            x = self.text(x, y, t, font=font, size=sz(font), color=INK if font == "kai" else BLACK)
        return x

    def need(self, h: float) -> None:
        if self.y - h < self.bottom:
            self.new_page()

    def gap(self, h: float) -> None:
        self.y -= h

    def para(self, s, *, size=None, indent=2, font="song", hang=0.0, color=None) -> None:
        size = size or self.base
        color = color or (INK if font == "kai" else BLACK)
        leading = size * self.spacing
        lines = wrap(s, font, size, self.width - hang, first=self.width - indent * size)
        for i, line in enumerate(lines):
            self.need(leading)
            x = self.LM + (indent * size if i == 0 else hang)
            self.text(x, self.y - size, line, font=font, size=size, color=color)
            self.y -= leading

    def line(self, parts, *, size=None, align="left") -> None:
        """One line of parts; a left-aligned line wider than the text block continues on the
        next line (at a part boundary, indented), never past the page edge."""
        size = size or self.base
        rows = self._fit(parts, size) if align == "left" else [parts]
        for row in rows:
            self.need(size * self.spacing)
            x = {"left": self.LM, "right": self.right, "center": PAGE_W / 2}[align]
            self.parts(x, self.y - size, row, size=size, align=align)
            self.y -= size * self.spacing

    def _fit(self, parts, size) -> list[list]:
        def wide(row):
            return sum(width_of(t, f, size + (f == "kai")) for f, t in row)

        rows, row = [], []
        for part in parts:
            if row and wide(row + [part]) > self.width:
                rows.append(row)
                row = [S("\u3000\u3000")]
            row.append(part)
        rows.append(row)
        return rows

    def fields(self, specs, *, size=None, value_font=None) -> None:
        """Labelled fields with underlined values on one line: [(label, value, width), ...].
        Fields that do not fit their width get a full line each."""
        size = size or self.base
        value_font = value_font or self.style.fill_font
        leading = size * self.spacing * 1.16
        vsize = size + (value_font == "kai")

        def fits(spec):
            return width_of(spec[0], "song", size) + width_of(spec[1], value_font, vsize) + 10 <= spec[2]

        if len(specs) > 1 and not all(fits(sp) for sp in specs):
            for label, value, _ in specs:
                self.fields([(label, value, self.width)], size=size, value_font=value_font)
            return
        if len(specs) == 1 and not fits(specs[0]):
            label, value, _ = specs[0]
            first = self.width - width_of(label, "song", size) - 16
            lines = wrap(value, value_font, vsize, self.width - 16, first=first)
            self._field_line([(label, lines[0], self.width)], size, value_font, leading, vsize)
            for rest in lines[1:]:
                self._field_line([("", rest, self.width)], size, value_font, leading, vsize)
            return
        self._field_line(specs, size, value_font, leading, vsize)

    def _field_line(self, specs, size, value_font, leading, vsize) -> None:
        self.need(leading)
        x, base = self.LM, self.y - size - 3
        for label, value, w in specs:
            end = self.text(x, base, label, size=size) if label else x
            self.text(end + 3, base, value, font=value_font, size=vsize,
                      color=INK if value_font == "kai" else BLACK)
            self.c.setLineWidth(0.5)
            self.c.line(end + 1, base - 3, x + w - 6, base - 3)
            x += w
        self.y -= leading

    def table(self, rows, *, size=10.5, pad=5.0) -> None:
        """Ruled table. A row is a list of cells: dict(w=width, lines=[...], align, valign, min_h, font).
        A line is a str (wrapped in the cell's font), a list of parts, or dict(parts=..., align=...)."""
        leading = size * 1.65
        for row in rows:
            laid = []
            for cell in row:
                out, align, font = [], cell.get("align", "left"), cell.get("font", "song")
                for entry in cell.get("lines", []):
                    if isinstance(entry, str):
                        fsize = size + (font == "kai")
                        out += [([F(ln, font)], align) for ln in wrap(entry, font, fsize, cell["w"] - 2 * pad)]
                    elif isinstance(entry, dict):
                        out.append((entry["parts"], entry.get("align", "left")))
                    else:
                        out.append((entry, align))
                laid.append(out)
            h = max(max(c.get("min_h", 0), 2 * pad + len(o) * leading) for c, o in zip(row, laid, strict=True))
            self.need(h)
            x = self.LM
            self.c.setLineWidth(0.7)
            for cell, out in zip(row, laid, strict=True):
                self.c.rect(x, self.y - h, cell["w"], h, stroke=1, fill=0)
                top = self.y - (pad if cell.get("valign") != "middle" else (h - len(out) * leading) / 2)
                for i, (parts, align) in enumerate(out):
                    px = {"center": x + cell["w"] / 2, "right": x + cell["w"] - pad}.get(align, x + pad)
                    self.parts(px, top - i * leading - size * 1.1, parts, size=size, align=align)
                x += cell["w"]
            self.y -= h

    def form(self, rows, *, label_w=100.0, size=10.5) -> None:
        """Two-column approval-form table: rows of (label, lines[, min_h]); values in the fill-in font."""
        cells = []
        for label, lines, *rest in rows:
            lines = [lines] if isinstance(lines, str) else lines
            cells.append([
                {"w": label_w, "lines": [label], "align": "center", "valign": "middle"},
                {"w": self.width - label_w, "lines": lines, "min_h": rest[0] if rest else 0,
                 "font": self.style.fill_font},
            ])
        self.table(cells, size=size)

    def seal(self, cx, cy, name, size=112.0, *, turn: int | None = None, inner: str = "") -> None:
        if turn is None:
            turn = (zlib.crc32(name.encode()) % 17) - 8  # one turn per seal: the PDF embeds it once
        img = _reader(name, turn, inner)
        self.c.drawImage(img, cx - size / 2, cy - size / 2, size, size, mask="auto")
        top = PAGE_H - (cy + size / 2)
        self.seals.append({"page": self.page, "text": name,
                           "box": [round(cx - size / 2, 1), round(top, 1), round(cx + size / 2, 1), round(top + size, 1)]})

    def stamp(self, x, y, lines: tuple[str, ...], w=112, h=50) -> None:
        self.c.drawImage(ImageReader(rect_stamp(lines)), x, y, w, h, mask="auto")

    def agency_block(self, agency: str, date_text: str, *, seal: bool = True, seal_name: str | None = None) -> None:
        """Agency name and date at the right with the round seal over them."""
        self.need(120)
        self.gap(34)
        cx = self.right - 80
        self.text(cx, self.y - 12, agency, size=12.5, align="center")
        self.text(cx, self.y - 36, date_text, size=12.5, align="center")
        if seal:
            self.seal(cx + 6, self.y - 22, seal_name or agency)
        self.y -= 90

    def body_text(self, page: int) -> str:
        """The page's text without page numbers and running headers/footers, whitespace removed."""
        items = sorted(self.items[page], key=lambda t: (-t[0], t[1]))
        return "".join("".join(s.split()) for y, x, s in items if (page, y, x) not in self.furniture)

    def pages_text(self) -> dict[str, str]:
        """Text as drawn: lines top to bottom, pieces on one baseline joined by a space."""
        out = {}
        for page in range(1, self.page + 1):
            rows: list[list] = []
            for y, x, s in sorted(self.items[page], key=lambda t: (-t[0], t[1])):
                if rows and abs(rows[-1][0] - y) < 2.0:
                    rows[-1][1].append((x, s))
                else:
                    rows.append([y, [(x, s)]])
            out[str(page)] = "\n".join(" ".join(s for _, s in sorted(parts)) for _, parts in rows)
        return out


def new_buffer() -> io.BytesIO:
    return io.BytesIO()
