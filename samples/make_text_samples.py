#!/usr/bin/env python3
"""Write text-layer sample case files (卫生健康行政处罚案卷) and their ground truth.

A stop-gap until the fuller generator exists: three invented but realistic case files, drawn
with reportlab so that every page has an extractable text layer. The case data (names, dates,
facts, interview questions, injected defects) is in ``text_cases.yaml`` next to this script.

    python samples/make_text_samples.py [--out samples/cases]

For each case it writes ``<out>/<case_id>/case.pdf`` and ``<out>/<case_id>/truth.json``.
Output is deterministic (reportlab ``invariant=1``): the same input gives byte-identical files.

- ``ord-2023-medinst-staff``: ordinary procedure, a clinic using a non-health-technical worker
  (医疗机构管理条例 2022 第二十七条 / 第四十七条); clean file.
- ``ord-2024-waste``: ordinary procedure, medical waste mixed into domestic waste
  (医疗废物管理条例 第十四条第二款 / 第四十七条第（一）项); two injected defects.
- ``simple-2024-publicplace``: simple procedure (当场处罚), warning for a barber's shop
  (公共场所卫生管理条例 2019 第七条 / 第十四条第一款第（二）项); review-first remedy notice.

Before drawing, the script checks the data: check characters of ID numbers (GB 11643) and
credit codes (GB 32100), working days (chinese_calendar), the statutory periods and the fine
range. Needs reportlab, pillow, pyyaml, chinese_calendar and the CJK TrueType fonts in FONTS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import chinese_calendar
import yaml
from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
DATA = HERE / "text_cases.yaml"

# TrueType only: reportlab cannot embed the CFF-based Noto CJK fonts.
FONTS = {
    "song": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # AR PL UMing CN: body text
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),  # AR PL UKai CN: handwriting
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),  # WenQuanYi Zen Hei: titles
}
SEAL_FONT = FONTS["song"][0]
BLACK = Color(0, 0, 0)
INK = Color(0.10, 0.14, 0.42)  # blue-black pen
RED = Color(0.80, 0.08, 0.10)
PAGE_W, PAGE_H = A4
HEARING_THRESHOLD = {"citizen": 10000, "organisation": 100000}  # this sample set's assumption


def register_fonts() -> None:
    for name, (path, index) in FONTS.items():
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        if not Path(path).exists():
            raise SystemExit(f"font not found: {path} (fonts-arphic-uming/-ukai, fonts-wqy-zenhei)")
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))


# --- identifiers, dates, money ---------------------------------------------------------------

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc_valid(code: str) -> bool:
    """GB 32100 check character (and the GB 11714 organisation-code check inside it)."""
    total = sum(USCC_CHARS.index(ch) * pow(3, i, 31) for i, ch in enumerate(code[:17]))
    org = code[8:17]
    s = sum(
        (int(ch) if ch.isdigit() else ord(ch) - 55) * w
        for ch, w in zip(org[:8], [3, 7, 9, 10, 5, 8, 4, 2], strict=True)
    )
    org_check = {10: "X", 11: "0"}.get(11 - s % 11, str(11 - s % 11))
    return code[17] == USCC_CHARS[(31 - total % 31) % 31] and org[8] == org_check


def id_valid(number: str) -> bool:
    """GB 11643 check character (ISO 7064 MOD 11-2)."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(a) * w for a, w in zip(number[:17], weights, strict=True))
    return number[17] == "10X98765432"[total % 11]


assert id_valid("11010519491231002X")
CN_DIGITS = "〇一二三四五六七八九"
UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def ymd(iso: str) -> str:
    x = d(iso)
    return f"{x.year}年{x.month}月{x.day}日"


def ymd_upper(iso: str) -> str:
    """二〇二三年六月六日 style, as printed on decisions."""

    def small(n: int) -> str:
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
        return head + (CN_DIGITS[ones] if ones else "")

    x = d(iso)
    year = "".join(CN_DIGITS[int(c)] for c in str(x.year))
    return f"{year}年{small(x.month)}月{small(x.day)}日"


def rmb_upper(n: int) -> str:
    """Whole-yuan amount in capitals: 20000 -> 贰万元整, 10500 -> 壹万零伍佰元整."""
    s, out, zero = str(n), "", False
    for i, ch in enumerate(s):
        pos = len(s) - 1 - i
        if ch == "0":
            zero = True
        else:
            out += (
                ("零" if zero and out else "")
                + UPPER_DIGITS[int(ch)]
                + ["", "拾", "佰", "仟"][pos % 4]
            )
            zero = False
        if pos % 4 == 0 and pos > 0 and int(s[max(0, i - 3) : i + 1]):
            out += ["", "万", "亿"][pos // 4]
    return out + "元整"


def rmb(n: int) -> str:
    return f"人民币{rmb_upper(n)}（¥{n:,.2f}）"


assert rmb_upper(20000) == "贰万元整" and rmb_upper(10500) == "壹万零伍佰元整"


def add_workdays(iso: str, n: int) -> dt.date:
    day = d(iso)
    while n:
        day += dt.timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day


def penalty_text(c: dict, fine_text: str | None = None) -> str:
    kinds = [p["kind"] for p in c["penalties"]]
    fine = f"罚款{fine_text or rmb(c['fine'])}" if c["fine"] else ""
    return "警告，并处" + fine if "警告" in kinds and fine else (fine or "警告")


# --- seals (raster images: a seal is not part of the text layer) ------------------------------


@cache
def seal_image(name: str, px: int = 360) -> Image.Image:
    """Round official seal: name around the upper arc, five-point star in the middle."""
    size = px * 2
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (206, 22, 30, 215)
    ring = int(size * 0.035)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=red, width=ring)
    cx = cy = size / 2
    star = []
    for k in range(10):
        ang, rr = -math.pi / 2 + k * math.pi / 5, size * (0.16 if k % 2 == 0 else 0.06)
        star.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(SEAL_FONT, int(size * 0.125), index=0)
    span = min(250.0, 22.0 * len(name) + 20)  # degrees of arc used by the name
    radius = size / 2 - ring * 2.6 - size * 0.06
    for i, ch in enumerate(name):
        ang = -90 - span / 2 + span * (i + 0.5) / len(name)
        tile = Image.new("RGBA", (int(size * 0.16),) * 2, (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((tile.width / 2,) * 2, ch, font=font, fill=red, anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.BICUBIC, expand=True)
        x = cx + radius * math.cos(math.radians(ang)) - tile.width / 2
        y = cy + radius * math.sin(math.radians(ang)) - tile.height / 2
        img.alpha_composite(tile, (round(x), round(y)))
    return img.resize((px, px), Image.LANCZOS)


@cache
def rect_stamp(lines: tuple[str, ...], px_w: int = 330, px_h: int = 150) -> Image.Image:
    """Rectangular bank stamp (收款银行 转讫)."""
    img = Image.new("RGBA", (px_w, px_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (200, 25, 35, 200)
    draw.rectangle((4, 4, px_w - 5, px_h - 5), outline=red, width=5)
    font = ImageFont.truetype(SEAL_FONT, int(px_h / (len(lines) + 1.2)), index=0)
    step = (px_h - 10) / len(lines)
    for i, text in enumerate(lines):
        draw.text((px_w / 2, 5 + step * (i + 0.5)), text, font=font, fill=red, anchor="mm")
    return img


# --- layout engine ----------------------------------------------------------------------------

NO_LINE_START = set("，。、；：？！）》」』”’〕】…%")
NO_LINE_END = set("（《「『“‘〔【¥")
TOKEN = re.compile(r"[A-Za-z0-9¥,.\-:/]+|.", re.S)


def width_of(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float, first: float | None = None) -> list[str]:
    """Break CJK text into lines; keep numbers whole, no closing punctuation at a line start."""
    lines: list[str] = []
    cur, cur_w, limit = "", 0.0, width if first is None else first
    for tok in TOKEN.findall(text):
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


def signed(label: str, name: str, date: str | None = None, align: str = "right") -> dict:
    parts = [S(label), K(name)] + ([S("　　"), K(date)] if date else [])
    return {"parts": parts, "align": align}


class Writer:
    """A canvas that records every string it draws, tracks documents and numbers pages."""

    LM, RM, TM, BM = 70, 62, 58, 70

    def __init__(self, fileobj, case: dict, plan: list[dict] | None = None):
        self.c = canvas.Canvas(fileobj, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setTitle(f"{case['agency']} {case['case_number']} 案卷（样例，虚构）")
        self.c.setAuthor(case["agency"])
        self.c.setCreator("samples/make_text_samples.py")
        self.case, self.plan = case, plan
        self.page, self.open = 0, False
        self.items: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
        self.docs: list[dict] = []
        self.footer = self.header = None
        self.bottom, self.y = self.BM, PAGE_H - self.TM
        self.base, self.spacing = 12.0, 1.8  # body size and line spacing (multiple of size)

    right = property(lambda self: PAGE_W - self.RM)
    width = property(lambda self: PAGE_W - self.LM - self.RM)

    # pages and documents
    def new_page(self) -> None:
        if self.open:
            self._close_page()
        self.page, self.open, self.y = self.page + 1, True, PAGE_H - self.TM
        if self.header:
            self.header()

    def _close_page(self) -> None:
        if self.footer:
            self.footer()
        self.text(PAGE_W / 2, 34, f"- {self.page} -", size=10.5, align="center")
        self.c.showPage()
        self.open = False

    def begin(
        self,
        dtype,
        title,
        *,
        docno=None,
        footer=None,
        header=None,
        bottom=None,
        title_size=20,
        agency=True,
    ):
        """Start a document on a new page: agency full name, centred title, document number."""
        if self.open:
            self._close_page()
        self.footer, self.header, self.bottom = footer, header, bottom or self.BM
        self.docs.append({"type": dtype, "title": title, "pages": [self.page + 1, None]})
        self.new_page()
        if agency:
            self.text(PAGE_W / 2, self.y - 16, self.case["agency"], size=16, align="center")
            self.y -= 30
        self.text(
            PAGE_W / 2, self.y - title_size, title, font="hei", size=title_size, align="center"
        )
        self.y -= title_size + 14
        if docno:
            self.text(self.right, self.y - 12, docno, size=12, align="right")
            self.y -= 28

    def end(self) -> None:
        self._close_page()
        self.docs[-1]["pages"][1] = self.page
        self.footer = self.header = None

    def doc_page(self) -> tuple[int, int]:
        """(page within the current document, its page count — known from the planning pass)."""
        first = self.docs[-1]["pages"][0]
        total = 1
        if self.plan:
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
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)
        if s.strip():
            self.items[self.page].append((round(y, 2), round(x, 2), s))
        return x + w

    def parts(self, x, y, parts, *, size=12.0, align="left") -> float:
        """A line of (font, text) parts; handwritten parts in ink, one point larger."""
        total = sum(width_of(t, f, size + (f == "kai")) for f, t in parts)
        x -= {"left": 0, "center": total / 2, "right": total}[align]
        for font, t in parts:
            x = self.text(
                x,
                y,
                t,
                font=font,
                size=size + (font == "kai"),
                color=INK if font == "kai" else BLACK,
            )
        return x

    def need(self, h: float) -> None:
        if self.y - h < self.bottom:
            self.new_page()

    def gap(self, h: float) -> None:
        self.y -= h

    def para(self, s, *, size=None, indent=2, font="song", hang=0.0, color=BLACK) -> None:
        size = size or self.base
        leading = size * self.spacing
        lines = wrap(s, font, size, self.width - hang, first=self.width - indent * size)
        for i, line in enumerate(lines):
            self.need(leading)
            x = self.LM + (indent * size if i == 0 else hang)
            self.text(x, self.y - size, line, font=font, size=size, color=color)
            self.y -= leading

    def line(self, parts, *, size=None, align="left") -> None:
        size = size or self.base
        self.need(size * self.spacing)
        x = {"left": self.LM, "right": self.right, "center": PAGE_W / 2}[align]
        self.parts(x, self.y - size, parts, size=size, align=align)
        self.y -= size * self.spacing

    def fields(self, specs, *, size=None, value_font="song") -> None:
        """Labelled fields with underlined values on one line: [(label, value, width), ...].
        Fields that do not fit their width get a full line each."""
        size = size or self.base
        leading = size * self.spacing * 1.16
        vsize = size + (value_font == "kai")

        def fits(spec):
            return (
                width_of(spec[0], "song", size) + width_of(spec[1], value_font, vsize) + 10
                <= spec[2]
            )

        if len(specs) > 1 and not all(fits(sp) for sp in specs):
            for label, value, _ in specs:
                self.fields([(label, value, self.width)], size=size, value_font=value_font)
            return
        self.need(leading)
        x, base = self.LM, self.y - size - 3
        for label, value, w in specs:
            end = self.text(x, base, label, size=size)
            if not fits((label, value, w)):
                raise ValueError(f"field value too wide: {label}{value}")
            self.text(
                end + 3,
                base,
                value,
                font=value_font,
                size=vsize,
                color=INK if value_font == "kai" else BLACK,
            )
            self.c.setLineWidth(0.5)
            self.c.line(end + 1, base - 3, x + w - 6, base - 3)
            x += w
        self.y -= leading

    def table(self, rows, *, size=10.5, pad=5.0) -> None:
        """Ruled table. A row is a list of cells: dict(w=width, lines=[...], align, valign, min_h).
        A line is a str (printed, wrapped), a list of parts, or dict(parts=..., align=...)."""
        leading = size * 1.65
        for row in rows:
            laid = []
            for cell in row:
                out, align = [], cell.get("align", "left")
                for entry in cell.get("lines", []):
                    if isinstance(entry, str):
                        out += [
                            ([S(ln)], align)
                            for ln in wrap(entry, "song", size, cell["w"] - 2 * pad)
                        ]
                    elif isinstance(entry, dict):
                        out.append((entry["parts"], entry.get("align", "left")))
                    else:
                        out.append((entry, align))
                laid.append(out)
            h = max(
                max(c.get("min_h", 0), 2 * pad + len(o) * leading)
                for c, o in zip(row, laid, strict=True)
            )
            self.need(h)
            x = self.LM
            self.c.setLineWidth(0.7)
            for cell, out in zip(row, laid, strict=True):
                self.c.rect(x, self.y - h, cell["w"], h, stroke=1, fill=0)
                top = self.y - (
                    pad if cell.get("valign") != "middle" else (h - len(out) * leading) / 2
                )
                for i, (parts, align) in enumerate(out):
                    px = {"center": x + cell["w"] / 2, "right": x + cell["w"] - pad}.get(
                        align, x + pad
                    )
                    self.parts(px, top - i * leading - size * 1.1, parts, size=size, align=align)
                x += cell["w"]
            self.y -= h

    def form(self, rows, *, label_w=100.0, size=10.5) -> None:
        """Two-column approval-form table: rows of (label, lines[, min_h])."""
        cells = []
        for label, lines, *rest in rows:
            lines = [lines] if isinstance(lines, str) else lines
            cells.append(
                [
                    {"w": label_w, "lines": [label], "align": "center", "valign": "middle"},
                    {"w": self.width - label_w, "lines": lines, "min_h": rest[0] if rest else 0},
                ]
            )
        self.table(cells, size=size)

    def seal(self, cx, cy, name=None, size=118.0) -> None:
        img = ImageReader(seal_image(name or self.case["agency"]))
        self.c.drawImage(img, cx - size / 2, cy - size / 2, size, size, mask="auto")

    def agency_block(self, date_text: str) -> None:
        """Agency name and date at the right with the round seal over them."""
        self.need(120)
        self.gap(34)
        cx = self.right - 80
        self.text(cx, self.y - 12, self.case["agency"], size=12.5, align="center")
        self.text(cx, self.y - 36, date_text, size=12.5, align="center")
        self.seal(cx, self.y - 22)
        self.y -= 90

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


# --- documents --------------------------------------------------------------------------------


def names(c) -> str:
    return "　".join(o["name"] for o in c["officers"])


def names_list(c) -> str:
    return "、".join(o["name"] for o in c["officers"])


def officers_with_certs(c) -> str:
    return "、".join(f"{o['name']}（{o['certificate']}）" for o in c["officers"])


def defect_value(c, key, default):
    return next((x["value"] for x in c["defects"] if x["key"] == key), default)


def sig_footer(w: Writer, pairs):
    """Signature line at the bottom of every page of a record (笔录)."""

    def draw():
        w.c.setLineWidth(0.5)
        w.c.line(w.LM, 78, w.right, 78)
        parts = [p for label, name in pairs for p in (S(label), K(name), S("　　"))]
        w.parts(w.LM, 58, parts[:-1], size=11)

    return draw


def record_header(w: Writer):
    def draw():
        page, total = w.doc_page()
        w.text(w.right, PAGE_H - 36, f"第 {page} 页  共 {total} 页", size=10.5, align="right")

    return draw


def begin_record(w: Writer, c, dtype, title, signer_label, signer):
    footer = sig_footer(w, [(signer_label, signer), ("执法人员签名：", names(c))])
    w.begin(dtype, title, header=record_header(w), footer=footer, bottom=92)


def findings(w: Writer, items) -> None:
    for i, text in enumerate(items, 1):
        w.para(f"{i}．{text}")
    w.para("（以下空白）", indent=0)


def doc_acceptance(w: Writer, c):
    a, p, dd = c["acceptance"], c["party"], c["dates"]
    w.begin("acceptance_record", "案件来源登记表")
    sources = "□监督检查　■投诉举报　□上级交办　□下级报请　□有关部门移送　□其他"
    w.form(
        [
            ("案件来源", [sources, f"（{a['channel']}）"]),
            ("受理时间", f"{ymd(dd['accepted'])}　受理方式：{a['how']}"),
            ("举报人", f"{a['reporter']}（要求保密）"),
            ("被举报单位（人）", f"{p['name']}　地址：{p['address']}"),
            ("案情摘要", a["summary"], 120),
            (
                "受理人意见",
                [
                    "反映情况属本机关管辖，建议安排执法人员进行现场核查。",
                    signed("受理人：", c["officers"][1]["name"], ymd(dd["accepted"])),
                ],
                90,
            ),
            (
                "负责人意见",
                [
                    f"同意。请{names_list(c)}尽快核查。",
                    signed("负责人：", c["chief"], ymd(dd["accepted"])),
                ],
                90,
            ),
            ("备注", "\\", 40),
        ]
    )
    w.end()


def doc_filing(w: Writer, c):
    p, dd = c["party"], c["dates"]
    w.begin("filing_report", "立案报告")
    party = [
        f"名称：{p['name']}",
        f"统一社会信用代码：{p['credit_code']}",
        f"法定代表人（负责人）：{p['legal_representative']}　　联系电话：{p['phone']}",
        f"地址：{p['address']}",
    ]
    summary = (
        f"{ymd(dd['inspected'])}，执法人员{names_list(c)}对{p['name']}进行现场检查，发现当事人涉嫌{c['violation_short']}。"
        f"当事人的行为涉嫌违反{c['violated_text']}的规定，符合立案条件。"
    )
    filed = ymd(dd["filed"])
    w.form(
        [
            ("案由", c["cause"]),
            ("案件来源", c["source"]),
            ("受理时间", ymd(dd["accepted"])),
            ("当事人", party),
            ("简要案情", summary, 110),
            (
                "承办人意见",
                [f"建议立案调查，由{names_list(c)}承办。", signed("承办人：", names(c), filed)],
                80,
            ),
            (
                "科室负责人意见",
                ["同意立案，请报局领导审批。", signed("签名：", c["chief"], filed)],
                70,
            ),
            (
                "负责人审批意见",
                [f"同意立案。由{names_list(c)}承办。", signed("签名：", c["head"], filed)],
                70,
            ),
            ("立案日期", filed),
        ]
    )
    w.end()


def doc_inspection(w: Writer, c):
    p, dd, ins = c["party"], c["dates"], c["inspection"]
    t0, t1 = c["times"]["inspection"]
    begin_record(w, c, "inspection_record", "现场笔录", "被检查人签名：", p["legal_representative"])
    w.fields([("被检查单位：", p["name"], 300), ("联系电话：", p["phone"], w.width - 300)])
    w.fields([("地址：", p["address"], w.width)])
    rep = p["legal_representative"]
    w.fields(
        [
            ("法定代表人（负责人）：", rep, 230),
            ("统一社会信用代码：", p["credit_code"], w.width - 230),
        ]
    )
    w.fields([("检查时间：", f"{ymd(dd['inspected'])}{t0}至{t1}", w.width)])
    w.fields([("检查地点：", ins["place"], w.width)])
    w.fields(
        [
            ("执法人员：", officers_with_certs(c), 360),
            ("记录人：", c["officers"][1]["name"], w.width - 360),
        ]
    )
    w.fields([("在场人员：", ins["present"], w.width)])
    w.gap(4)
    w.para(
        f"执法人员{names_list(c)}向被检查人出示了执法证件，说明了检查事由，告知被检查人有陈述、申辩和申请执法人员回避的权利，"
        "被检查人表示不申请回避。现场检查情况如下："
    )
    findings(w, ins["findings"])
    w.gap(6)
    w.line([S("被检查人意见："), K("以上笔录我已看过，情况属实。")])
    w.line(signed("被检查人签名：", rep, ymd(dd["inspected"]))["parts"], align="right")
    w.end()


def doc_opinion(w: Writer, c):
    p, dd, op = c["party"], c["dates"], c["opinion"]
    w.begin("supervision_opinion", "卫生监督意见书", docno=op["number"])
    w.para(f"{p['name']}：", indent=0)
    w.para(op["text"])
    w.agency_block(ymd(dd["inspected"]))
    certs = "、".join(o["certificate"] for o in c["officers"])
    w.line([S("执法人员："), K(names(c)), S(f"　（执法证号：{certs}）")])
    w.line(signed("被监督单位签收：", p["legal_representative"], ymd(dd["inspected"]))["parts"])
    w.para("本意见书一式两份，一份交被监督单位，一份存档。", size=10.5, indent=0)
    w.end()


def doc_interview(w: Writer, c):
    iv, dd, p = c["interviewee"], c["dates"], c["party"]
    t0, t1 = c["times"]["interview"]
    begin_record(w, c, "interview_record", "询问笔录", "被询问人签名：", iv["name"])
    w.fields([("询问时间：", f"{ymd(dd['interview'])}{t0}至{t1}", w.width)])
    w.fields([("询问地点：", f"{c['agency']}询问室（{c['agency_address']}）", w.width)])
    w.fields(
        [
            ("询问人：", officers_with_certs(c), 360),
            ("记录人：", c["officers"][1]["name"], w.width - 360),
        ]
    )
    w.fields(
        [
            ("被询问人：", iv["name"], 150),
            ("性别：", iv["sex"], 80),
            ("出生日期：", iv["birth"], w.width - 230),
        ]
    )
    w.fields([("身份证号码：", iv["id_number"], 260), ("联系电话：", iv["mobile"], w.width - 260)])
    w.fields([("工作单位：", p["name"], 270), ("职务：", iv["post"], w.width - 270)])
    w.fields([("住址：", iv["home"], w.width)])
    w.gap(4)
    for who, text in c["interview_qa"]:
        w.para(f"{who}：{text}", indent=0, hang=24)
    w.para("（以下空白）", indent=0)
    w.gap(4)
    w.line(signed("被询问人签名：", iv["name"], ymd(dd["interview"]))["parts"], align="right")
    w.end()


def provider_block(w: Writer, c, *, seal=True):
    """Provider's confirmation under a copied document, with the party's seal over it."""
    p, date = c["party"], ymd(c["dates"]["inspected"])
    w.line([S("提供人意见："), K("此复印件与原件核对无误。")])
    y_sig = w.y
    w.line(signed("提供人签名：", p["legal_representative"], date, "left")["parts"])
    w.line([S("取证人："), K(names(c)), S("　　取证时间："), K(date)])
    if seal:
        w.seal(w.LM + 250, y_sig - 8, p["name"], size=92)


def certificate_copy(w: Writer, title, rows, issuer, issued, *, label_w=90, height=400):
    """A copied certificate: double frame, title, labelled rows, issuer's seal."""
    top, x0, x1 = w.y - 8, w.LM + 20, w.right - 20
    w.c.setLineWidth(2.2)
    w.c.rect(x0, top - height, x1 - x0, height)
    w.c.setLineWidth(0.6)
    w.c.rect(x0 + 6, top - height + 6, x1 - x0 - 12, height - 12)
    w.text((x0 + x1) / 2, top - 44, title, font="hei", size=22, align="center")
    w.text((x0 + x1) / 2, top - 66, "（副　本）", size=12, align="center")
    for i, (label, value) in enumerate(rows):
        w.text(x0 + 30, top - 100 - 26 * i, label + "：", size=12)
        w.text(x0 + 30 + label_w, top - 100 - 26 * i, value, size=12)
    w.text(x1 - 100, top - height + 56, issuer if issued else "登记机关", size=11, align="center")
    if issued:
        w.text(x1 - 100, top - height + 38, "发证日期：" + issued, size=11, align="center")
    w.seal(x1 - 100, top - height + 50, issuer, size=96)
    w.y = top - height - 20


def doc_licence_copy(w: Writer, c):
    p = c["party"]
    w.begin("evidence", "证据材料", title_size=18)
    w.para(
        "证据名称：《医疗机构执业许可证》（副本）复印件　　证据来源：当事人提供", indent=0, size=11
    )
    rows = [
        ("机构名称", p["name"]),
        ("地　　址", p["address"]),
        ("负 责 人", p["legal_representative"]),
        ("法定代表人", p["legal_representative"]),
        ("所有制形式", "社会办（非营利性）"),
        ("诊疗科目", p["subjects"]),
        ("登 记 号", p["licence"]),
        ("有效期限", p["licence_valid"]),
    ]
    certificate_copy(w, "医疗机构执业许可证", rows, c["agency"], p["licence_valid"].split("至")[0])
    provider_block(w, c)
    w.end()


def doc_infusion_log(w: Writer, c):
    w.begin("evidence", "证据材料", title_size=18)
    w.para(f"证据名称：{c['infusion_log']['title']}", indent=0, size=11)
    w.para("证据来源：现场提取", indent=0, size=11)
    cols = [58, 62, 100, 120, 72, w.width - 412]
    head = ["日期", "患者", "药品", "规格/用法", "穿刺者", "备注"]
    rows = [[{"w": cw, "lines": [t], "align": "center"} for cw, t in zip(cols, head, strict=True)]]
    for r in c["infusion_log"]["rows"]:
        cells = []
        for i, (cw, t) in enumerate(zip(cols, r, strict=True)):
            line = [K(t)] if i in (1, 4, 5) and t else (t or "\\")  # hand-written columns
            cells.append({"w": cw, "lines": [line], "align": "center"})
        rows.append(cells)
    w.table(rows, size=10)
    w.gap(12)
    w.para("注：患者姓名已由取证人员在复印件上作部分遮挡。", size=10.5, indent=0)
    w.gap(6)
    provider_block(w, c)
    w.end()


def draw_photo(w: Writer, x, y, pw, ph, variant):
    """A crude line drawing standing in for a site photograph (no text inside)."""
    cv = w.c
    cv.setFillColor(Color(0.86, 0.86, 0.84))
    cv.rect(x, y, pw, ph, stroke=1, fill=1)
    cv.setFillColor(Color(0.72, 0.72, 0.70))
    cv.rect(x, y, pw, ph * 0.28, stroke=0, fill=1)
    bx, bw = x + pw * (0.30 if variant == 1 else 0.25), pw * (0.36 if variant == 1 else 0.5)
    cv.setFillColor(Color(0.15, 0.15, 0.17))
    cv.rect(bx, y + ph * 0.12, bw, ph * 0.55, stroke=0, fill=1)  # waste bin
    cv.setFillColor(Color(0.97, 0.97, 0.97))
    for i in range(9):  # cotton balls
        cv.circle(
            bx + bw * (0.15 + 0.08 * i), y + ph * (0.62 + 0.03 * ((i * 7) % 3)), pw * 0.018, 0, 1
        )
    cv.setFillColor(Color(0.55, 0.10, 0.10))
    cv.circle(bx + bw * 0.4, y + ph * 0.66, pw * 0.008, 0, 1)
    cv.setFillColor(Color(0.35, 0.55, 0.85))
    cv.rect(bx + bw * 0.6, y + ph * 0.6, bw * 0.22, ph * 0.07, stroke=0, fill=1)  # glove
    cv.setFillColor(BLACK)


def doc_photos(w: Writer, c):
    w.begin("evidence", "现场照片", title_size=18)
    for i, cap in enumerate(c["photos"], 1):
        w.need(320)
        draw_photo(w, w.LM + 40, w.y - 250, w.width - 80, 250, i)
        w.y -= 260
        w.para(cap, size=11, indent=0)
        w.gap(8)
    w.line(
        [
            S("拍摄人："),
            K(c["officers"][0]["name"]),
            S("　　见证人："),
            K(c["party"]["legal_representative"]),
        ]
        + [S("　　执法人员："), K(names(c))],
        size=11,
    )
    w.end()


def evidence_lines(c):
    return [f"{i}．{name}，{what}。" for i, (name, what) in enumerate(c["evidence"], 1)]


def order_text(c, you="当事人"):
    return c["correction"].split("（")[0].replace("当事人", you)


def doc_investigation_report(w: Writer, c):
    p, dd = c["party"], c["dates"]
    w.begin("investigation_report", "案件调查终结报告")
    w.fields([("案由：", c["cause"], w.width)])
    w.fields(
        [("当事人：", p["name"], 225), ("统一社会信用代码：", p["credit_code"], w.width - 225)]
    )
    w.fields(
        [
            ("法定代表人（负责人）：", p["legal_representative"], 200),
            ("地址：", p["address"], w.width - 200),
        ]
    )
    w.fields([("案件来源：", c["source"], 330), ("立案日期：", ymd(dd["filed"]), w.width - 330)])
    w.fields([("承办人：", names_list(c), 260), ("承办机构：", c["section"], w.width - 260)])
    w.gap(4)
    steps = f"{ymd(dd['inspected'])}，执法人员对当事人进行现场检查，制作了现场笔录"
    steps += "，并当场制作卫生监督意见书责令改正" if c.get("opinion") else ""
    steps += (
        f"；{ymd(dd['filed'])}经批准立案；{ymd(dd['interview'])}，执法人员对当事人负责人{p['legal_representative']}"
        "进行了询问，制作了询问笔录，并依法收集了相关书证。现调查终结。"
    )
    law = (
        f"当事人{c['violation_short']}的行为，违反了{c['violated_text']}“{c['violated_quote']}”的规定，"
        f"依据{c['basis_text']}的规定，应予处罚。"
    )
    advice = (
        f"建议依据{c['basis_text']}的规定，{order_text(c)}，并对当事人作出如下行政处罚：{penalty_text(c)}。"
        "本案拟罚款数额未达到较大数额标准，不适用听证程序。"
    )
    sections = [
        ("一、调查经过", [steps]),
        ("二、违法事实", [c["facts"]]),
        ("三、证据", evidence_lines(c)),
        ("四、违法性质及法律适用", [law]),
        ("五、裁量理由", [c["discretion"]]),
        ("六、处理意见", [advice]),
    ]
    for head, paras in sections:
        w.para(head, indent=0, font="hei")
        for text in paras:
            w.para(text)
    w.gap(6)
    w.line(signed("承办人签名：", names(c), ymd(dd["report"]))["parts"], align="right")
    w.gap(6)
    w.line([S("承办机构负责人意见："), K("同意承办人意见，提交合议。")])
    w.line(signed("签名：", c["chief"], ymd(dd["report"]))["parts"], align="right")
    w.end()


def doc_panel(w: Writer, c):
    dd, o = c["dates"], c["officers"]
    t0, t1 = c["times"]["panel"]
    members = [c["chief"], o[0]["name"], o[1]["name"], c["panel_extra"]]
    w.begin("panel_discussion", "合议记录")
    w.fields([("案由：", c["cause"], w.width)])
    w.fields(
        [
            ("合议时间：", f"{ymd(dd['panel'])}{t0}至{t1}", 300),
            ("合议地点：", "本局三楼会议室", w.width - 300),
        ]
    )
    w.fields(
        [
            ("主持人：", c["chief"], 150),
            ("参加人员：", "、".join(members), 250),
            ("记录人：", o[1]["name"], w.width - 400),
        ]
    )
    w.gap(4)
    w.para(
        "回避情况：主持人询问参加合议人员是否与本案有利害关系，参加人员均表示无应当回避的情形。",
        indent=0,
    )
    w.para(
        f"案情介绍：承办人{o[0]['name']}介绍了案件来源、调查经过、违法事实和证据，以及承办人的处理意见。",
        indent=0,
    )
    w.para("合议意见：", indent=0)
    w.para(f"{c['chief']}：本案执法主体合法，承办人员均持有执法证件；当事人主体认定准确。")
    w.para(f"{o[0]['name']}：违法事实清楚，现场笔录、询问笔录和书证相互印证，证据确凿。")
    w.para(
        f"{o[1]['name']}：当事人行为违反{c['violated_text']}的规定，适用{c['basis_text']}正确；立案、调查程序合法。"
    )
    w.para(f"{c['panel_extra']}：{c['discretion']}拟处罚意见在法定幅度内，裁量适当。")
    w.para(
        f"合议结论：经合议，参加人员一致同意承办人意见，拟依据{c['basis_text']}的规定，对当事人作出{penalty_text(c)}"
        "的行政处罚。报法制审核后制作行政处罚事先告知书。",
        indent=0,
    )
    w.para("（以下空白）", indent=0)
    w.gap(8)
    w.line([S("参加合议人员签名："), K("　".join(members))])
    w.line(signed("记录人签名：", o[1]["name"], ymd(dd["panel"]), "left")["parts"])
    w.end()


def doc_legal_review(w: Writer, c):
    dd, rv, p = c["dates"], c["reviewer"], c["party"]
    date = ymd(dd["legal_review"])
    items = [
        "执法主体合法",
        "执法人员具备执法资格",
        "案件事实清楚",
        "证据合法、确凿、充分",
        "定性准确、适用法律正确",
    ]
    items += ["程序合法", "行政裁量适当", "执法文书规范"]
    checks = [
        [S(f"■{a}"), S("　" * (12 - len(a))), S(f"■{b}")]
        for a, b in zip(items[::2], items[1::2], strict=True)
    ]
    opinion = (
        f"经审核，本案执法主体合法，执法人员具备执法资格；当事人{c['violation_short']}的事实清楚，证据确凿；"
        f"违反{c['violated_text']}的规定，依据{c['basis_text']}予以处罚，适用法律正确；立案、调查程序合法；"
        "拟处罚种类和幅度在法定范围内，裁量适当。同意承办机构的处理意见，可以制作行政处罚事先告知书。"
    )
    reviewer = {
        "parts": [
            S("审核人："),
            K(rv["name"]),
            S(f"（法律职业资格证书编号：{rv['qualification']}）"),
        ],
        "align": "right",
    }
    w.begin("legal_review", "法制审核意见书")
    w.form(
        [
            ("案由", c["cause"]),
            ("当事人", f"{p['name']}（统一社会信用代码：{p['credit_code']}）"),
            ("承办机构", f"{c['section']}　承办人：{names_list(c)}"),
            ("拟处理意见", f"依据{c['basis_text']}的规定，给予{penalty_text(c)}的行政处罚。"),
            ("审核内容", checks),
            ("审核意见", [opinion, reviewer, {"parts": [K(date)], "align": "right"}], 150),
            ("法制机构负责人意见", ["同意审核意见。", signed("签名：", rv["head"], date)], 70),
        ],
        label_w=110,
    )
    w.end()


def doc_advance_notice(w: Writer, c):
    dd = c["dates"]
    name = defect_value(c, "notice_party_name", c["party"]["name"])
    evidence = "、".join(re.sub(r"\d+[份张]$", "", n) for n, _ in c["evidence"])
    w.begin("advance_notice", "行政处罚事先告知书", docno=c["notice_number"])
    w.para(f"{name}：", indent=0)
    w.para(f"经查，{c['facts']}")
    w.para(f"以上事实有{evidence}等证据为证。")
    w.para(
        f"你单位的上述行为违反了{c['violated_text']}的规定。依据{c['basis_text']}的规定，本机关拟对你单位作出如下行政处罚："
    )
    w.para(f"{penalty_text(c)}。")
    w.para(
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位享有陈述、申辩的权利。"
        "如需陈述、申辩，请于收到本告知书之日起三个工作日内向本机关提出；逾期未提出的，视为放弃上述权利。"
    )
    w.para(f"联系人：{names_list(c)}　　联系电话：{c['agency_phone']}")
    w.para(f"联系地址：{c['agency_address']}")
    w.agency_block(ymd_upper(dd["notice_issued"]))
    w.end()


def doc_receipt(w: Writer, c, doc_name, doc_number, date, time):
    p = c["party"]
    methods = "■直接送达　□留置送达　□委托送达　□邮寄送达　□电子送达　□公告送达"
    w.begin("service_receipt", "送达回执")
    w.form(
        [
            ("送达文书名称及文号", f"《{doc_name}》（{doc_number}）", 50),
            ("受送达人", p["name"], 40),
            ("送达地点", p["address"], 40),
            ("送达方式", methods, 40),
            (
                "收件人签名",
                [
                    [K(p["legal_representative"]), S("（负责人）")],
                    {"parts": [K(f"{ymd(date)}{time}")], "align": "right"},
                ],
                80,
            ),
            ("代收人及代收理由", "\\", 50),
            ("送达人签名", [[K(names(c))], {"parts": [K(ymd(date))], "align": "right"}], 70),
            ("见证人", "\\", 40),
            ("备注", "\\", 60),
        ],
        label_w=130,
    )
    w.end()


def doc_defence(w: Writer, c):
    p, dd, dfn = c["party"], c["dates"], c["defence"]
    t0, t1 = c["times"]["defence"]
    begin_record(
        w, c, "defence_record", "陈述和申辩笔录", "陈述申辩人签名：", p["legal_representative"]
    )
    w.fields([("案由：", c["cause"], w.width)])
    w.fields(
        [
            ("时间：", f"{ymd(dd['defence'])}{t0}至{t1}", 270),
            ("地点：", f"{c['agency']}询问室", w.width - 270),
        ]
    )
    w.fields(
        [
            ("陈述申辩人：", p["legal_representative"], 200),
            ("身份：", f"{p['name']}负责人", w.width - 200),
        ]
    )
    w.fields(
        [
            ("执法人员：", officers_with_certs(c), 360),
            ("记录人：", c["officers"][1]["name"], w.width - 360),
        ]
    )
    w.gap(4)
    w.para(
        f"执法人员出示执法证件后告知：本机关已于{ymd(dd['notice_served'])}向你单位送达{c['notice_number']}"
        "《行政处罚事先告知书》，你单位可以就告知书认定的事实、理由、依据及拟作出的行政处罚进行陈述和申辩。",
        indent=0,
    )
    w.para(f"陈述申辩内容：{dfn['text']}", indent=0)
    w.para("（以下空白）", indent=0)
    w.gap(6)
    w.line([S("陈述申辩人意见："), K("以上笔录我已看过，与我所说相符。")])
    w.line(signed("签名：", p["legal_representative"], ymd(dd["defence"]))["parts"], align="right")
    if dfn.get("recheck"):
        w.gap(8)
        w.c.setLineWidth(0.5)
        w.c.line(w.LM, w.y, w.right, w.y)
        w.gap(6)
        w.para(f"复核意见：{dfn['recheck']}", indent=0)
        w.line(signed("复核人：", names(c), ymd(dd["recheck"]))["parts"], align="right")
    w.end()


def doc_decision_approval(w: Writer, c):
    p, dd, dfn = c["party"], c["dates"], c["defence"]
    date = ymd(dd["approval"])
    if dfn["waived"]:
        defence = f"当事人于{ymd(dd['defence'])}书面表示放弃陈述和申辩权利。"
    else:
        defence = f"当事人于{ymd(dd['defence'])}提出陈述申辩，经复核，申辩理由不成立，不予采纳。"
    notice = f"{ymd(dd['notice_issued'])}作出{c['notice_number']}《行政处罚事先告知书》，{ymd(dd['notice_served'])}直接送达。"
    w.begin("decision_approval", "行政处罚决定审批表")
    w.form(
        [
            ("案由", c["cause"]),
            (
                "当事人",
                [
                    f"{p['name']}　统一社会信用代码：{p['credit_code']}",
                    f"法定代表人（负责人）：{p['legal_representative']}　地址：{p['address']}",
                ],
            ),
            ("违法事实", c["facts"]),
            ("告知及陈述申辩情况", notice + defence),
            ("违反条款", c["violated_text"]),
            ("处罚依据", c["basis_text"]),
            (
                "承办人意见",
                [
                    f"建议{order_text(c)}，并给予{penalty_text(c)}的行政处罚。",
                    signed("承办人：", names(c), date),
                ],
            ),
            ("承办机构审核意见", ["同意承办人意见。", signed("签名：", c["chief"], date)]),
            (
                "法制审核意见",
                [
                    f"已于{ymd(dd['legal_review'])}审核通过。",
                    signed("签名：", c["reviewer"]["name"], date),
                ],
            ),
            ("负责人审批意见", ["同意。", signed("签名：", c["head"], date)], 70),
        ]
    )
    w.end()


def doc_decision(w: Writer, c):
    p, dd, dfn = c["party"], c["dates"], c["defence"]
    w.begin("decision", "行政处罚决定书", docno=c["case_number"])
    for label, key in [
        ("当事人", "name"),
        ("统一社会信用代码", "credit_code"),
        ("法定代表人（负责人）", "legal_representative"),
        ("地址", "address"),
    ]:
        w.para(f"{label}：{p[key]}", indent=0)
    w.gap(4)
    if c.get("acceptance"):
        w.para(
            f"{ymd(dd['accepted'])}，本机关接到{c['acceptance']['channel']}，反映你单位存在违法行为。"
            f"本机关于{ymd(dd['inspected'])}进行现场检查，于{ymd(dd['filed'])}立案调查。经查明："
        )
    else:
        w.para(
            f"本机关于{ymd(dd['inspected'])}对你单位进行监督检查，发现你单位涉嫌违法，于{ymd(dd['filed'])}立案调查。经查明："
        )
    w.para(c["facts"])
    w.para("上述事实有以下证据证明：")
    for line in evidence_lines(c):
        w.para(line)
    if dfn["waived"]:
        defence = f"你单位于{ymd(dd['defence'])}书面表示放弃陈述、申辩权利。"
    else:
        defence = f"你单位于{ymd(dd['defence'])}提出陈述、申辩，{dfn['recheck_decision']}"
    w.para(
        f"本机关于{ymd(dd['notice_issued'])}作出{c['notice_number']}《行政处罚事先告知书》，并于{ymd(dd['notice_served'])}"
        "送达你单位，告知你单位拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩权利。"
        + defence
    )
    w.para(
        f"本机关认为，你单位{c['violation_short']}的行为，违反了{c['violated_text']}的规定。{c['discretion']}"
    )
    w.para(
        f"依据{c['basis_text']}的规定，本机关{order_text(c, '你单位')}，并决定对你单位作出如下行政处罚："
    )
    w.para(penalty_text(c, defect_value(c, "decision_fine_text", None)) + "。")
    w.para(
        f"请你单位自收到本决定书之日起十五日内，持本决定书到{c['payment']}缴纳罚款。到期不缴纳罚款的，本机关将依据"
        "《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。"
    )
    w.para(
        f"如不服本处罚决定，可以在收到本决定书之日起六十日内向{c['review_body']}申请行政复议，"
        f"也可以在收到本决定书之日起六个月内直接向{c['court']}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行。"
    )
    w.agency_block(ymd_upper(dd["decided"]))
    w.para("（本决定书一式三份，一份送达当事人，一份归档，一份交执行机构。）", size=10.5, indent=0)
    w.end()


def doc_payment(w: Writer, c):
    p, dd, fine = c["party"], c["dates"], c["fine"]
    w.begin("payment_receipt", "浙江省政府非税收入一般缴款书", agency=False, title_size=18)
    w.text(w.LM, w.y - 4, f"填制日期：{ymd(dd['paid'])}", size=10.5)
    w.text(
        w.right,
        w.y - 4,
        "No 33" + dd["paid"].replace("-", "")[2:] + "0417",
        size=10.5,
        color=RED,
        align="right",
    )
    w.gap(16)
    half, lab, ww = w.width / 2, 26, w.width
    payee = [
        f"全称：{c['review_body'].replace('人民政府', '财政局')}非税收入汇缴结算户",
        f"执收单位：{c['agency']}",
        "执收单位编码：\\",
    ]

    def cell(width, *lines, align="left", min_h=0, valign="top"):
        return {"w": width, "lines": list(lines), "align": align, "min_h": min_h, "valign": valign}

    rows = [
        [
            cell(lab, "缴", "款", "人", align="center", valign="middle"),
            cell(half - lab, f"全称：{p['name']}", "账号：\\", "开户银行：\\"),
            cell(lab, "收", "款", "人", align="center", valign="middle"),
            cell(half - lab, *payee),
        ],
        [
            cell(150, "项目编码", align="center"),
            cell(170, "收入项目名称", align="center"),
            cell(ww - 320, "金额（元）", align="center"),
        ],
        [
            cell(150, "103050199", align="center"),
            cell(170, "一般罚没收入", align="center"),
            cell(ww - 320, f"{fine:,.2f}", align="center"),
        ],
        [
            cell(150, "金额合计（大写）", align="center"),
            cell(ww - 150, f"人民币{rmb_upper(fine)}　　（小写）¥{fine:,.2f}"),
        ],
        [
            cell(150, "备注", align="center", valign="middle"),
            cell(
                ww - 150,
                f"行政处罚决定书文号：{c['case_number']}",
                f"缴款人统一社会信用代码：{p['credit_code']}",
                min_h=60,
            ),
        ],
        [
            cell(half, "执收单位（盖章）", "", "经办人：\\", min_h=90),
            cell(ww - half, "收款银行（盖章）", "", f"收款日期：{ymd(dd['paid'])}", min_h=90),
        ],
    ]
    w.table(rows)
    w.c.drawImage(
        ImageReader(rect_stamp(tuple(c["bank_stamp"]))),
        w.LM + half + 100,
        w.y + 22,
        120,
        54,
        mask="auto",
    )
    w.gap(10)
    w.para("第一联　收据（缴款人作收款凭证）", size=10.5, indent=0)
    w.end()


def doc_closing(w: Writer, c):
    p, dd = c["party"], c["dates"]
    date = ymd(dd["closed"])
    w.begin("closing_report", "结案报告")
    w.form(
        [
            ("案由", c["cause"]),
            ("当事人", f"{p['name']}（法定代表人（负责人）：{p['legal_representative']}）"),
            ("立案日期", ymd(dd["filed"])),
            (
                "处罚决定书文号",
                f"{c['case_number']}（{ymd(dd['decided'])}作出，{ymd(dd['decision_served'])}送达）",
            ),
            ("处罚内容", penalty_text(c)),
            ("执行方式", "■自觉履行　□强制执行　□其他"),
            (
                "执行情况",
                f"当事人于{ymd(dd['paid'])}缴纳罚款{rmb(c['fine'])}，有缴款书为证；违法行为已改正。",
                70,
            ),
            (
                "承办人意见",
                ["本案处罚决定已执行完毕，建议结案。", signed("承办人：", names(c), date)],
                70,
            ),
            ("承办机构意见", ["同意结案。", signed("签名：", c["chief"], date)], 60),
            ("负责人审批意见", ["同意结案。", signed("签名：", c["head"], date)], 60),
        ],
        label_w=110,
    )
    w.end()


INDEX_DATES = {
    "acceptance_record": "accepted",
    "filing_report": "filed",
    "interview_record": "interview",
    "investigation_report": "report",
    "panel_discussion": "panel",
    "legal_review": "legal_review",
    "advance_notice": "notice_issued",
    "defence_record": "defence",
    "decision_approval": "approval",
    "decision": "decided",
    "payment_receipt": "paid",
    "closing_report": "closed",
}


def doc_index(w: Writer, c):
    """卷内目录: page ranges come from the planning pass, so they match the PDF."""
    w.begin("file_index", "卷内目录")
    w.fields([("案由：", c["cause"], w.width)], size=11)
    w.fields(
        [("处罚决定书文号：", c["case_number"], 300), ("保管期限：", "永久", w.width - 300)],
        size=11,
    )
    cols = [30, 170, 112, 82, 40, w.width - 434]
    head = ["序号", "文件材料题名", "文号", "日期", "页号", "备注"]
    rows = [[{"w": cw, "lines": [t], "align": "center"} for cw, t in zip(cols, head, strict=True)]]
    receipts = iter(
        [
            (c["notice_number"], c["dates"]["notice_served"]),
            (c["case_number"], c["dates"]["decision_served"]),
        ]
    )
    numbers = {"advance_notice": c["notice_number"], "decision": c["case_number"]}
    docs = [x for x in (w.plan or []) if x["type"] not in ("file_index", "file_remarks")]
    for n, doc in enumerate(docs, 1):
        title, date = (
            doc.get("index_title", doc["title"]),
            c["dates"].get(INDEX_DATES.get(doc["type"], "inspected")),
        )
        if doc["type"] == "service_receipt":
            num, date = next(receipts)
            title = f"送达回执（{num}）"
        first, last = doc["pages"]
        values = [
            str(n),
            title,
            numbers.get(doc["type"], "\\"),
            ymd(date),
            str(first) if first == last else f"{first}-{last}",
            "",
        ]
        rows.append(
            [
                {"w": cw, "lines": [v], "align": "left" if i == 1 else "center"}
                for i, (cw, v) in enumerate(zip(cols, values, strict=True))
            ]
        )
    w.table(rows, size=10)
    w.end()


def doc_remarks(w: Writer, c):
    dd, plan = c["dates"], w.plan or []
    n_docs = sum(1 for x in plan if x["type"] not in ("file_index", "file_remarks"))
    n_pages = plan[-1]["pages"][1] if plan else 0
    date = ymd(dd["archived"])
    w.begin("file_remarks", "卷内备考表")
    notes = [
        f"本卷共有文件材料{n_docs}件，共{n_pages}页（含卷内目录、卷内备考表）。",
        "卷内材料齐全，按办案程序排列，页码连续。",
        "本案未举行听证，未采取证据先行登记保存及行政强制措施。",
    ]
    w.form(
        [
            ("本卷情况说明", notes, 260),
            ("立卷人", [[K(c["officers"][1]["name"]), S("　　"), K(date)]], 50),
            ("检查人", [[K(c["chief"]), S("　　"), K(date)]], 50),
            ("立卷时间", date, 40),
        ],
        label_w=110,
    )
    w.end()


EVIDENCE = {
    "licence": (doc_licence_copy, "证据材料：《医疗机构执业许可证》（副本）复印件"),
    "infusion_log": (doc_infusion_log, "证据材料：《输液登记本》复印件"),
    "photos": (doc_photos, "证据材料：现场照片"),
}


def build_ordinary(w: Writer, c):
    dd, t = c["dates"], c["times"]
    doc_index(w, c)
    if c.get("acceptance"):
        doc_acceptance(w, c)
    doc_filing(w, c)
    doc_inspection(w, c)
    if c.get("opinion"):
        doc_opinion(w, c)
    doc_interview(w, c)
    for key in c["evidence_pages"]:
        builder, index_title = EVIDENCE[key]
        builder(w, c)
        w.docs[-1]["index_title"] = index_title
    doc_investigation_report(w, c)
    doc_panel(w, c)
    doc_legal_review(w, c)
    doc_advance_notice(w, c)
    doc_receipt(
        w, c, "行政处罚事先告知书", c["notice_number"], dd["notice_served"], t["notice_served"]
    )
    doc_defence(w, c)
    doc_decision_approval(w, c)
    doc_decision(w, c)
    doc_receipt(
        w, c, "行政处罚决定书", c["case_number"], dd["decision_served"], t["decision_served"]
    )
    doc_payment(w, c)
    doc_closing(w, c)
    doc_remarks(w, c)


def build_simple(w: Writer, c):
    """Pre-printed, numbered 当场行政处罚决定书 (fill-ins by hand), 现场笔录, licence copy."""
    p, dd, o = c["party"], c["dates"], c["officers"]
    w.begin("onsite_decision", "当场行政处罚决定书")
    w.base, w.spacing = 11.5, 1.62  # the printed form is denser than typed documents
    w.text(w.right, PAGE_H - 40, c["form_serial"], size=11, color=RED, align="right")
    w.text(w.LM, PAGE_H - 40, "（本联存档）", size=10.5)
    w.text(w.right, w.y - 10, c["case_number"], font="kai", size=13, color=INK, align="right")
    w.gap(24)
    w.fields([("当事人：", p["name"], w.width)], value_font="kai")
    w.fields(
        [
            ("统一社会信用代码：", p["credit_code"], 260),
            ("经营者：", p["legal_representative"], w.width - 260),
        ],
        value_font="kai",
    )
    w.fields(
        [("身份证号码：", p["id_number"], 260), ("联系电话：", p["phone"], w.width - 260)],
        value_font="kai",
    )
    w.fields([("地址：", p["address"], w.width)], value_font="kai")
    w.gap(4)
    w.para("违法事实：", indent=0)
    w.para(c["facts"], font="kai", color=INK)
    w.para(
        f"你（单位）的上述行为违反了{c['violated_text']}的规定。依据{c['basis_text']}的规定，本机关当场作出如下行政处罚：",
        indent=0,
    )
    w.line([S("■警告　　□罚款人民币"), K("　\\　"), S("元（大写："), K("　\\　"), S("）")])
    w.para(f"同时责令你（单位）立即改正：{c['correction']}", font="kai", color=INK, indent=0)
    w.para(
        "罚款缴纳方式：□当场缴纳（依法当场收缴的，由执法人员出具专用票据）　□自收到本决定书之日起十五日内到指定银行或者"
        "通过电子支付系统缴纳。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。",
        size=10.5,
        indent=0,
    )
    w.para(
        f"当事人对本处罚决定不服的，依照《中华人民共和国行政复议法》第二十三条的规定，应当自收到本决定书之日起六十日内先向"
        f"{c['review_body']}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。",
        size=10.5,
        indent=0,
    )
    w.fields([("处罚地点：", c["place"], w.width)], value_font="kai")
    w.fields(
        [("处罚时间：", f"{ymd(dd['decided'])}{c['times']['decision']}", w.width)], value_font="kai"
    )
    certs = [S("执法人员签名："), K(o[0]["name"]), S(f"（执法证号：{o[0]['certificate']}）　")]
    w.line(certs + [K(o[1]["name"]), S(f"（执法证号：{o[1]['certificate']}）")])
    receipt = [
        S("当事人签收："),
        K("本决定书已当场收到。"),
        S("　签名："),
        K(p["legal_representative"]),
    ]
    w.line(receipt + [S("　"), K(ymd(dd["decision_served"]))])
    w.agency_block(ymd(dd["decided"]))
    w.c.setLineWidth(0.5)
    w.c.setDash(3, 2)
    w.c.line(w.LM, w.y + 6, w.right, w.y + 6)
    w.c.setDash()
    w.para(
        f"备案：本决定已于{ymd(dd['recorded'])}报{c['agency']}备案。　备案登记人：{c['recorder']}",
        size=10.5,
        indent=0,
    )
    w.base, w.spacing = 12.0, 1.8
    w.end()

    t0, t1 = c["times"]["inspection"]
    begin_record(w, c, "inspection_record", "现场笔录", "被检查人签名：", p["legal_representative"])
    w.fields(
        [("被检查人：", p["name"], 300), ("经营者：", p["legal_representative"], w.width - 300)]
    )
    w.fields([("地址：", p["address"], 300), ("联系电话：", p["phone"], w.width - 300)])
    w.fields([("检查时间：", f"{ymd(dd['inspected'])}{t0}至{t1}", w.width)])
    w.fields([("检查地点：", c["inspection"]["place"], w.width)])
    w.fields(
        [("执法人员：", officers_with_certs(c), 360), ("记录人：", c["recorder"], w.width - 360)]
    )
    w.gap(4)
    w.para(
        "执法人员向被检查人出示了执法证件，说明了检查事由，告知其有陈述、申辩和申请回避的权利，被检查人表示不申请回避。现场检查情况如下："
    )
    findings(w, c["inspection"]["findings"])
    w.gap(6)
    w.line([S("被检查人意见："), K("以上情况属实。")])
    w.line(
        signed("被检查人签名：", p["legal_representative"], ymd(dd["inspected"]))["parts"],
        align="right",
    )
    w.end()

    bl = c["business_licence"]
    w.begin("evidence", "证据材料", title_size=18)
    w.para("证据名称：营业执照（副本）复印件　　证据来源：当事人提供", indent=0, size=11)
    rows = [
        ("统一社会信用代码", p["credit_code"]),
        ("名　　称", p["name"]),
        ("类　　型", bl["kind"]),
        ("经 营 者", p["legal_representative"]),
        ("经营场所", p["address"]),
        ("组成形式", bl["form"]),
        ("经营范围", bl["scope"]),
        ("注册日期", bl["registered"]),
    ]
    certificate_copy(w, "营 业 执 照", rows, bl["registrar"], None, label_w=120, height=330)
    provider_block(w, c, seal=False)
    w.end()


# --- checks, truth, output -------------------------------------------------------------------


def check_case(c) -> None:
    """Fail loudly if the invented data breaks a rule the clean parts of a sample must obey."""
    cid, dd, p = c["case_id"], c["dates"], c["party"]
    assert uscc_valid(p["credit_code"]), (cid, p["credit_code"])
    for number in (p.get("id_number"), c.get("interviewee", {}).get("id_number")):
        assert number is None or id_valid(number), (cid, number)
    for key, value in dd.items():
        assert value is None or chinese_calendar.is_workday(d(value)), (cid, key, value)
    assert len(c["officers"]) >= 2, cid
    if c["procedure"] == "simple":
        assert c["fine"] is None or c["fine"] <= (200 if p["type"] == "individual" else 3000), cid
        return
    lo, hi = c["fine_range"]
    assert lo <= c["fine"] <= hi, (cid, c["fine"])
    assert c["fine"] < HEARING_THRESHOLD[p["type"] if p["type"] == "organisation" else "citizen"], (
        cid
    )
    assert d(dd["accepted"]) <= d(dd["filed"]) <= d(dd["accepted"]) + dt.timedelta(days=7), cid
    order = [
        "filed",
        "interview",
        "report",
        "panel",
        "legal_review",
        "notice_issued",
        "notice_served",
    ]
    order += ["defence", "approval", "decided", "decision_served", "paid", "closed", "archived"]
    assert [dd[k] for k in order] == sorted(dd[k] for k in order), cid
    assert d(dd["decided"]) > add_workdays(dd["notice_served"], 3), cid  # 3 working days to defend
    assert (d(dd["decided"]) - d(dd["filed"])).days <= 90, cid
    assert d(dd["decision_served"]) <= add_workdays(dd["decided"], 7), cid
    assert d(dd["paid"]) <= d(dd["decision_served"]) + dt.timedelta(days=15), cid


def truth_for(c, w: Writer) -> dict:
    pages_text = w.pages_text()
    defects = []
    for defect in c["defects"]:
        doc = next(x for x in w.docs if x["type"] == defect["document"])
        first, last = doc["pages"]
        hits = [pg for pg in range(first, last + 1) if defect["needle"] in pages_text[str(pg)]]
        assert len(hits) == 1, (defect, hits)
        defects.append({k: defect[k] for k in ("type", "document", "detail")} | {"page": hits[0]})
    simple = c["procedure"] == "simple"
    notes = [
        "全部人名、单位名称、地址、电话、身份证号码和统一社会信用代码均为虚构；身份证号码和统一社会信用代码的校验位按 GB 11643、GB 32100 计算。",
        f"听证“较大数额罚款”标准为本样例假设：公民 {HEARING_THRESHOLD['citizen']} 元以上、法人或者其他组织 "
        f"{HEARING_THRESHOLD['organisation']} 元以上；本案罚款未达到该标准，未告知听证权利。",
        "pages_text 为生成时绘制的文字（按行自上而下、行内自左向右，同一行的不同文字块以空格分隔）；印章为图片，不在文字层中。",
    ]
    if simple:
        notes[1] = (
            "简易程序：仅给予警告，无罚款，不涉及听证。当场作出的行政处罚决定适用复议前置（行政复议法2023年修订第二十三条第一款第（一）项）。"
        )
        notes.append(
            "当事人为个体工商户：party.type 记为 individual，legal_representative 记经营者姓名，id_number 为经营者身份证号码。"
        )
    notes += [x["note"] for x in c["defects"] if x.get("note")]
    remedy = {"review_body": c["review_body"], "review_days": 60, "court": c["court"]}
    remedy |= {"litigation_months": None if simple else 6, "review_first": simple}
    if simple:
        remedy["litigation_days_after_review"] = 15
    date_keys = [
        "accepted",
        "filed",
        "inspected",
        "notice_issued",
        "notice_served",
        "hearing_notice_served",
    ]
    date_keys += ["decided", "decision_served", "paid", "closed"]
    return {
        "case_id": c["case_id"],
        "procedure": c["procedure"],
        "case_number": c["case_number"],
        "agency": c["agency"],
        "party": {
            k: c["party"][k]
            for k in ("name", "type", "credit_code", "id_number", "legal_representative", "address")
        },
        "officers": c["officers"],
        "documents": [{k: x[k] for k in ("type", "title", "pages")} for x in w.docs],
        "dates": {k: c["dates"].get(k) for k in date_keys},
        "violated_provisions": c["violated"],
        "penalty_basis": c["basis"],
        "penalties": c["penalties"],
        "fine_total": c["fine"],
        "remedy": remedy,
        "defects": defects,
        "notes": notes,
        "pages_text": pages_text,
    }


def render(c, plan=None) -> tuple[bytes, Writer]:
    buf = io.BytesIO()
    saved = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: reportlab's default ASCII85 wrapping makes them a quarter larger
    try:
        w = Writer(buf, c, plan)
        (build_simple if c["procedure"] == "simple" else build_ordinary)(w, c)
        w.c.save()
    finally:
        rl_config.useA85 = saved
    return buf.getvalue(), w


def make_case(c, out_dir: Path) -> dict:
    check_case(c)
    _, first = render(c)  # planning pass: page ranges for the file index and record headers
    pdf, w = render(c, plan=first.docs)
    assert [x["pages"] for x in w.docs] == [x["pages"] for x in first.docs], (
        "layout differs between passes"
    )
    case_dir = out_dir / c["case_id"]
    case_dir.mkdir(parents=True, exist_ok=True)
    (case_dir / "case.pdf").write_bytes(pdf)
    text = json.dumps(truth_for(c, w), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (case_dir / "truth.json").write_text(text, encoding="utf-8")
    return {"case_id": c["case_id"], "pages": w.page, "bytes": len(pdf), "documents": len(w.docs)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--out", default=str(HERE / "cases"), help="output folder (default: samples/cases)"
    )
    ap.add_argument(
        "--data", default=str(DATA), help="case data (default: samples/text_cases.yaml)"
    )
    args = ap.parse_args(argv)
    register_fonts()
    cases = yaml.safe_load(Path(args.data).read_text(encoding="utf-8"))["cases"]
    for c in cases:
        info = make_case(c, Path(args.out))
        print(
            f"{info['case_id']}: {info['pages']} pages, {info['documents']} documents, {info['bytes']:,} bytes"
        )


if __name__ == "__main__":
    main()
