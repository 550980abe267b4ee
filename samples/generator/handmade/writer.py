"""The hand-made cases' page: the generator's ``Writer`` in the default style, unnumbered
documents numbered too, no handwriting wobble, and the plain round seal these cases were first
drawn with; plus the helpers their documents share."""

from __future__ import annotations

from functools import cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader

from ..layout import PAGE_H, SEAL_FONT, K, S, Writer, seal_face
from ..templates import Style
from ..util import rmb

CREATOR = "samples/make_text_samples.py"  # kept so that the committed files stay byte-identical


@cache
def seal_image(name: str, px: int = 360) -> Image.Image:
    """Round official seal of the hand-made cases: the generator's seal face, a little denser ink."""
    return seal_face(name, px, 215).resize((px, px), Image.LANCZOS)


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


class HandWriter(Writer):
    """``Writer`` for one hand-made case (``case``: its entry in cases.yaml)."""

    def __init__(self, fileobj, case: dict, plan: list[dict] | None = None):
        style = Style(unnumbered=(), wobble=False, agency_name=case["agency"])
        super().__init__(fileobj, title=f"{case['agency']} {case['case_number']} 案卷（样例，虚构）",
                         author=case["agency"], style=style, plan=plan, creator=CREATOR)
        self.case = case

    def seal(self, cx, cy, name=None, size=118.0) -> None:  # type: ignore[override]
        img = ImageReader(seal_image(name or self.case["agency"]))
        self.c.drawImage(img, cx - size / 2, cy - size / 2, size, size, mask="auto")

    def agency_block(self, date_text: str) -> None:  # type: ignore[override]
        """Agency name and date at the right with the round seal over them."""
        self.need(120)
        self.gap(34)
        cx = self.right - 80
        self.text(cx, self.y - 12, self.case["agency"], size=12.5, align="center")
        self.text(cx, self.y - 36, date_text, size=12.5, align="center")
        self.seal(cx, self.y - 22)
        self.y -= 90


def penalty_text(c: dict, fine_text: str | None = None) -> str:
    kinds = [p["kind"] for p in c["penalties"]]
    fine = f"罚款{fine_text or rmb(c['fine'])}" if c["fine"] else ""
    return "警告，并处" + fine if "警告" in kinds and fine else (fine or "警告")


def names(c) -> str:
    return "　".join(o["name"] for o in c["officers"])


def names_list(c) -> str:
    return "、".join(o["name"] for o in c["officers"])


def officers_with_certs(c) -> str:
    return "、".join(f"{o['name']}（{o['certificate']}）" for o in c["officers"])


def defect_value(c, key, default):
    return next((x["value"] for x in c["defects"] if x["key"] == key), default)


def sig_footer(w: HandWriter, pairs):
    """Signature line at the bottom of every page of a record (笔录)."""

    def draw():
        w.c.setLineWidth(0.5)
        w.c.line(w.LM, 78, w.right, 78)
        parts = [p for label, name in pairs for p in (S(label), K(name), S("　　"))]
        w.parts(w.LM, 58, parts[:-1], size=11)

    return draw


def record_header(w: HandWriter):
    def draw():
        page, total = w.doc_page()
        w.text(w.right, PAGE_H - 36, f"第 {page} 页  共 {total} 页", size=10.5, align="right")

    return draw


def begin_record(w: HandWriter, c, dtype, title, signer_label, signer):
    footer = sig_footer(w, [(signer_label, signer), ("执法人员签名：", names(c))])
    w.begin(dtype, title, header=record_header(w), footer=footer, bottom=92)


def findings(w: HandWriter, items) -> None:
    for i, text in enumerate(items, 1):
        w.para(f"{i}．{text}")
    w.para("（以下空白）", indent=0)



def evidence_lines(c):
    return [f"{i}．{name}，{what}。" for i, (name, what) in enumerate(c["evidence"], 1)]


def order_text(c, you="当事人"):
    return c["correction"].split("（")[0].replace("当事人", you)

