"""Scanned renderings of text-layer sample PDFs: what a scanner or a phone makes of paper.

    python samples/generator/scan.py samples/cases/ord-2024-waste/case.pdf out.pdf --seed 7 --rotate 3:90
    audit samples scan case.pdf out.pdf --storage compact --photo 5

Each page is rasterised with pypdfium2 and degraded the way paper scans are: a small skew
(±2°), blur, sensor noise, an uneven paper tone; chosen pages are turned 90/180/270° (fed
sideways or upside down) and chosen pages are "photographed" (perspective, uneven light, a
desk border). The output PDF holds only page images: no text layer. Two ways of storing a
scanned page, as office scanners do:

- ``colour`` (the default): one full-page colour JPEG (low quality: JPEG artefacts), ~100 KB
  a page at 200 dpi;
- ``compact``: the "high compression" PDF of office multifunction scanners (mixed raster
  content): the scanner binarises the page against the local paper tone and keeps the
  text as 1-bit CCITT G4 masks at full resolution, one per ink colour (print black, blue
  pen, red seals and red print) filled with that ink's scanned colour, over a 50 dpi JPEG
  of the paper (its tone, shading and JPEG artefacts). Thin strokes can break, as they do
  on a real binarising scanner; dust specks come through. About 20 KB a page at 200 dpi.
  Photographed pages stay full JPEG photos in either mode.

Deterministic: the same input, seed and options give byte-identical files (the PDF is
written here, without dates or ids). ``rotation`` in the returned parameters is the clockwise
turn applied to the page; the OCR stage reports the turn that makes it upright again,
``(360 - rotation) % 360``.
"""

from __future__ import annotations

import argparse
import io
import random
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

PAPER = (246, 243, 234)  # slightly warm white
DESK = (92, 84, 74)  # what shows around a photographed page
JPEG_QUALITY = (20, 28)  # range drawn per page; ~75-95 KB for a text-dense A4 page at 200 dpi
BLUR = (0.5, 1.0)  # optics: Gaussian radius in pixels at 200 dpi
STORAGES = ("colour", "compact")
# clockwise turns; PIL rotates counter-clockwise
_TURNS = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
# compact storage (mixed raster content), see compact_layers
INK_SHARE = (0.68, 0.76)  # a pixel is ink when darker than this share of the local paper tone
BACKGROUND_DPI = 50  # the paper image under the masks
BACKGROUND_QUALITY = (30, 45)
DUST = (0, 5)  # specks per page


def render_scanned_pdf(
    text_pdf: Path,
    out_pdf: Path,
    *,
    seed: int,
    dpi: int = 200,
    rotations: dict[int, int] | None = None,
    photographed: set[int] | None = None,
    max_skew: float = 2.0,
    pages: list[int] | None = None,
    storage: str = "colour",
) -> list[dict[str, Any]]:
    """Write an image-only PDF of ``text_pdf``; return the parameters applied to each page.

    ``rotations`` maps 1-based page numbers to a clockwise turn (90, 180, 270);
    ``photographed`` lists 1-based pages rendered as phone photos; ``pages`` keeps only
    these source pages (all by default). ``max_skew`` bounds the random skew (degrees).
    ``storage`` is ``colour`` (full-page JPEGs) or ``compact`` (1-bit text masks over a
    low-resolution paper image; photographed pages stay JPEG photos).
    """
    if storage not in STORAGES:
        raise ValueError(f"storage must be one of {', '.join(STORAGES)}, not {storage}")
    layouts, params = [], []
    for number, image in _rendered_pages(Path(text_pdf), dpi, pages):
        rng = _rng(seed, number)
        photo = number in (photographed or set())
        compact = storage == "compact" and not photo
        scanned, p = degrade(image, rng, number=number, dpi=dpi, rotation=(rotations or {}).get(number, 0),
                             photographed=photo, max_skew=max_skew)
        if compact:
            layers, extra = compact_layers(scanned, rng, dpi, seal_print=_seal_print(image, p))
            del p["jpeg_quality"]  # drawn (the other draws stay as they were) but not used
            p.update(extra)
            layouts.append((layers, scanned.size))
        else:
            p["storage"] = "jpeg"
            layouts.append(([_jpeg_layer(_jpeg(scanned, p["jpeg_quality"]), scanned)], scanned.size))
        params.append(p)
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(layered_pdf(layouts, dpi))
    return params


def render_page_images(
    text_pdf: Path,
    out_dir: Path,
    *,
    seed: int,
    dpi: int = 200,
    rotations: dict[int, int] | None = None,
    photographed: set[int] | None = None,
    max_skew: float = 2.0,
    fmt: str = "jpg",
    pages: list[int] | None = None,
) -> list[Path]:
    """Write one photo/scan per page (``page-001.jpg`` …) into ``out_dir``; return the paths.

    Options as for :func:`render_scanned_pdf`; ``fmt`` is ``jpg`` or ``png``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, image in _rendered_pages(Path(text_pdf), dpi, pages):
        scanned, p = degrade(image, _rng(seed, number), number=number, dpi=dpi,
                             rotation=(rotations or {}).get(number, 0),
                             photographed=number in (photographed or set()), max_skew=max_skew)
        path = out_dir / f"page-{number:03d}.{fmt}"
        if fmt in ("jpg", "jpeg"):
            path.write_bytes(_jpeg(scanned, p["jpeg_quality"], dpi))
        else:
            buf = io.BytesIO()
            scanned.save(buf, format="PNG", dpi=(dpi, dpi), optimize=False)
            path.write_bytes(buf.getvalue())
        paths.append(path)
    return paths


def degrade(
    image: Image.Image,
    rng: random.Random,
    *,
    number: int = 1,
    dpi: int = 200,
    rotation: int = 0,
    photographed: bool = False,
    max_skew: float = 2.0,
    blur: tuple[float, float] = BLUR,
) -> tuple[Image.Image, dict[str, Any]]:
    """Turn a clean page raster into a scan (or photo); return it with the parameters used.

    ``blur`` is the range of the Gaussian blur's radius (pixels) drawn for the page.
    """
    if rotation not in (0, 90, 180, 270):
        raise ValueError(f"rotation must be 0, 90, 180 or 270, not {rotation}")
    nrng = np.random.default_rng(rng.randrange(2**32))
    p: dict[str, Any] = {
        "page": number,
        "dpi": dpi,
        "skew": round(rng.uniform(-max_skew, max_skew), 2) if max_skew > 0 else 0.0,
        "blur": round(rng.uniform(*blur), 2),
        "noise": round(rng.uniform(1.5, 4.0), 2),
        "shade": round(rng.uniform(0.03, 0.10), 3),
        "jpeg_quality": rng.randint(*JPEG_QUALITY),
        "rotation": rotation,
        "photographed": photographed,
    }
    arr = np.asarray(image.convert("RGB"), dtype=np.float32)
    # paper tone: ink stays dark, white becomes paper colour, with a smooth uneven shade
    paper = np.array(PAPER, dtype=np.float32) / 255.0
    arr = arr * paper * _shade(arr.shape[:2], p["shade"] * (2.5 if photographed else 1.0), nrng)[..., None]
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if p["skew"]:
        img = img.rotate(p["skew"], resample=Image.BICUBIC, fillcolor=PAPER)
    if photographed:
        img, corners = _perspective(img, rng)
        p["corners"] = corners
    arr = np.asarray(img, dtype=np.float32)
    arr += nrng.normal(0.0, p["noise"], arr.shape[:2])[..., None]  # grey sensor noise
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(p["blur"]))  # optics blur the noise too
    if rotation:
        # PIL rotates counter-clockwise; ``rotation`` is clockwise
        img = img.transpose(_TURNS[rotation])
    return img, p


def compact_layers(image: Image.Image, rng: random.Random, dpi: int,
                   seal_print: np.ndarray | None = None) -> tuple[list[dict], dict[str, Any]]:
    """Store a scanned page the way a scanner's "high compression" PDF mode does.

    The page is binarised against its local paper tone (estimated at ``BACKGROUND_DPI``
    with the ink filtered out); ink pixels are sorted into print black, blue pen and red
    (seals, red print) by hue, and each class becomes a 1-bit G4 stencil filled with the
    median scanned colour of its pixels. What is left is the paper: stored as a small JPEG.
    ``seal_print`` (boolean, the page's pixels) marks print under seal ink, which a
    segmenter tells from the seal by its darker red; it keeps its own dark red stencil.
    Returns the layers for :func:`layered_pdf` and the parameters drawn.
    """
    nrng = np.random.default_rng(rng.randrange(2**32))
    p: dict[str, Any] = {
        "storage": "compact",
        "ink_share": round(rng.uniform(*INK_SHARE), 3),
        "background_quality": rng.randint(*BACKGROUND_QUALITY),
        "dust": rng.randint(*DUST),
    }
    rgb = np.array(image.convert("RGB"))
    h, w = rgb.shape[:2]
    for _ in range(p["dust"]):  # dust on the glass: small dark specks
        y, x = int(nrng.integers(0, h - 4)), int(nrng.integers(0, w - 4))
        cv2.circle(rgb, (x, y), int(nrng.integers(1, 3)), (40, 40, 40), -1)
    f = max(1, round(dpi / BACKGROUND_DPI))
    bw, bh = max(1, w // f), max(1, h // f)
    small = cv2.resize(rgb, (bw, bh), interpolation=cv2.INTER_AREA)
    # paper: the brightest nearby, per channel (removes text, rules and seals), smoothed
    paper = cv2.GaussianBlur(cv2.dilate(small, np.ones((5, 5), np.uint8)), (0, 0), 2.0)
    paper_l = cv2.resize(cv2.cvtColor(paper, cv2.COLOR_RGB2GRAY), (w, h), interpolation=cv2.INTER_LINEAR)
    tone = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32) / np.maximum(paper_l, 1).astype(np.float32)
    r, g, b = (rgb[:, :, i].astype(np.int16) for i in range(3))
    reddish = r - np.maximum(g, b) > 45
    share = p["ink_share"]
    under = np.zeros((h, w), bool) if seal_print is None else seal_print & (tone < share)
    classes = {
        "red": reddish & ~under & (tone < 0.9),  # seal ink, red print
        "black": ~reddish & ~under & (b - r <= 25) & (tone < share),
        "blue": ~reddish & ~under & (b - r > 25) & (tone < share),  # blue-black pen
        "under_seal": under,  # print under seal ink: dark red
    }
    layers: list[dict] = [_jpeg_layer(_jpeg(Image.fromarray(paper), p["background_quality"]), Image.fromarray(paper))]
    for mask in classes.values():
        if not mask.any():
            continue
        # the ink's colour: where it is densest (the edges of strokes are paler)
        core = tone[mask] <= np.percentile(tone[mask], 10)
        colour = tuple(int(v) for v in np.median(rgb[mask][core], axis=0))
        layers.append({"kind": "stencil", "data": _g4(mask), "size": (w, h), "colour": colour})
    return layers, p


def _seal_print(clean: Image.Image, p: dict[str, Any]) -> np.ndarray | None:
    """Where print lies under seal ink on the clean page (dark red), moved as ``degrade`` moved the page."""
    rgb = np.asarray(clean.convert("RGB")).astype(np.int16)
    r, g, b = rgb[:, :, 0], rgb[:, :, 1], rgb[:, :, 2]
    marks = (r - np.maximum(g, b) > 45) & (g < 45) & (r < 185)  # red print alone is lighter: r ≈ 204
    if not marks.any():
        return None
    img = Image.fromarray(marks.astype(np.uint8) * 255)
    if p["skew"]:
        img = img.rotate(p["skew"], resample=Image.NEAREST, fillcolor=0)
    if p["rotation"]:
        img = img.transpose(_TURNS[p["rotation"]])
    grown = cv2.dilate(np.asarray(img), np.ones((3, 3), np.uint8))
    return grown > 0


def _g4(mask: np.ndarray) -> bytes:
    """CCITT Group 4 data of a boolean mask (True: ink), one strip, as PDF's CCITTFaxDecode reads it."""
    from PIL import TiffImagePlugin

    # PIL's bilevel TIFF is min-is-black, so a set bit (ink) is coded as a black run
    image = Image.fromarray(mask.astype(np.uint8) * 255).convert("1")
    buf = io.BytesIO()
    saved = TiffImagePlugin.STRIP_SIZE
    TiffImagePlugin.STRIP_SIZE = 1 << 31  # one strip for the whole page
    try:
        image.save(buf, format="TIFF", compression="group4")
    finally:
        TiffImagePlugin.STRIP_SIZE = saved
    with Image.open(io.BytesIO(buf.getvalue())) as tiff:
        offsets, counts = tiff.tag_v2[273], tiff.tag_v2[279]
    if len(offsets) != 1:
        raise RuntimeError("libtiff wrote more than one strip")
    return buf.getvalue()[offsets[0]:offsets[0] + counts[0]]


def _jpeg_layer(data: bytes, image: Image.Image) -> dict:
    return {"kind": "jpeg", "data": data, "size": image.size, "grey": image.mode == "L"}


def _shade(shape: tuple[int, int], depth: float, nrng: np.random.Generator) -> np.ndarray:
    """A smooth field in [1 - depth, 1]: low-frequency noise upsampled to the page."""
    coarse = nrng.random((4, 3)).astype(np.float32)
    field = Image.fromarray((coarse * 255).astype(np.uint8)).resize((shape[1], shape[0]), Image.BICUBIC)
    return 1.0 - depth * np.asarray(field, dtype=np.float32) / 255.0


def _perspective(img: Image.Image, rng: random.Random) -> tuple[Image.Image, list[list[float]]]:
    """Place the page on a desk seen slightly off-axis; return the page corners in the photo."""
    w, h = img.size
    margin = 0.05
    canvas_w, canvas_h = int(w * (1 + 2 * margin)), int(h * (1 + 2 * margin))
    jitter = [(rng.uniform(-0.035, 0.035) * w, rng.uniform(-0.025, 0.025) * h) for _ in range(4)]
    base = [(margin * w, margin * h), ((1 + margin) * w, margin * h),
            ((1 + margin) * w, (1 + margin) * h), (margin * w, (1 + margin) * h)]
    dst = [(x + dx, y + dy) for (x, y), (dx, dy) in zip(base, jitter, strict=True)]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _perspective_coeffs(dst, src)  # PIL maps output -> input
    desk = Image.new("RGB", (canvas_w, canvas_h), DESK)
    mask = Image.new("L", (w, h), 255).transform((canvas_w, canvas_h), Image.PERSPECTIVE, coeffs, Image.BILINEAR)
    page = img.transform((canvas_w, canvas_h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=DESK)
    desk.paste(page, (0, 0), mask)
    return desk, [[round(x, 1), round(y, 1)] for x, y in dst]


def _perspective_coeffs(out_pts: list[tuple[float, float]], in_pts: list[tuple[float, float]]) -> list[float]:
    rows, rhs = [], []
    for (x, y), (u, v) in zip(out_pts, in_pts, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return np.linalg.solve(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64)).tolist()


def _rendered_pages(text_pdf: Path, dpi: int, pages: list[int] | None = None) -> Iterable[tuple[int, Image.Image]]:
    pdf = pdfium.PdfDocument(text_pdf)
    try:
        for index in [n - 1 for n in pages] if pages else range(len(pdf)):
            page = pdf[index]
            try:
                yield index + 1, page.render(scale=dpi / 72).to_pil().convert("RGB")
            finally:
                page.close()
    finally:
        pdf.close()


def _rng(seed: int, number: int) -> random.Random:
    return random.Random(f"scan:{seed}:{number}")


def _jpeg(image: Image.Image, quality: int, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    extra = {"dpi": (dpi, dpi)} if dpi else {}
    image.save(buf, format="JPEG", quality=quality, subsampling=2, optimize=True, progressive=True, **extra)
    return buf.getvalue()


def image_pdf(jpegs: list[tuple[bytes, tuple[int, int]]], dpi: int) -> bytes:
    """A minimal PDF with one full-page JPEG (DCTDecode) per page, sized at ``dpi``."""
    return layered_pdf([([{"kind": "jpeg", "data": data, "size": size, "grey": False}], size)
                        for data, size in jpegs], dpi)


def layered_pdf(pages: list[tuple[list[dict], tuple[int, int]]], dpi: int) -> bytes:
    """A minimal PDF of image-only pages; each page is (layers, pixel size at ``dpi``).

    A layer is drawn over the whole page: ``jpeg`` (DCTDecode, colour or ``grey``) or
    ``stencil`` (a 1-bit CCITT G4 image mask painted in ``colour``).
    """
    objects: list[bytes] = [b"", b""]  # catalog and page tree, written last

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    kids = []
    for layers, (w, h) in pages:
        pw, ph = w * 72 / dpi, h * 72 / dpi
        names, ops = [], []
        for i, layer in enumerate(layers):
            lw, lh = layer["size"]
            data = layer["data"]
            if layer["kind"] == "jpeg":
                space = "/DeviceGray" if layer.get("grey") else "/DeviceRGB"
                head = (f"<< /Type /XObject /Subtype /Image /Width {lw} /Height {lh} /ColorSpace {space} "
                        f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>")
                paint = ""
            else:
                head = (f"<< /Type /XObject /Subtype /Image /Width {lw} /Height {lh} /ImageMask true "
                        f"/BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns {lw} "
                        f"/Rows {lh} /BlackIs1 false >> /Length {len(data)} >>")
                paint = "{:.3f} {:.3f} {:.3f} rg ".format(*(c / 255 for c in layer["colour"]))
            ref = add(head.encode() + b"\nstream\n" + data + b"\nendstream")
            names.append(f"/Im{i} {ref} 0 R")
            ops.append(f"q {paint}{pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im{i} Do Q")
        stream = zlib.compress(" ".join(ops).encode())
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
            f"/Resources << /XObject << {' '.join(names)} >> >> /Contents {content} 0 R >>".encode()
        ))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _pages_arg(text: str) -> dict[int, int]:
    out = {}
    for item in filter(None, text.split(",")):
        page, _, degrees = item.partition(":")
        out[int(page)] = int(degrees)
    return out


def main(argv: list[str] | None = None, prog: str | None = None) -> None:
    ap = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    ap.add_argument("text_pdf", type=Path)
    ap.add_argument("out", type=Path, help="output PDF, or a folder with --images")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--rotate", default="", help="pages to turn clockwise, e.g. 3:90,7:180")
    ap.add_argument("--photo", default="", help="pages to render as photos, e.g. 2,5")
    ap.add_argument("--storage", choices=STORAGES, default="colour", help="full-page JPEGs or compact (1-bit text)")
    ap.add_argument("--images", action="store_true", help="write page images instead of a PDF")
    args = ap.parse_args(argv)
    photos = {int(x) for x in args.photo.split(",") if x}
    if args.images:
        render_page_images(args.text_pdf, args.out, seed=args.seed, dpi=args.dpi,
                           rotations=_pages_arg(args.rotate), photographed=photos)
    else:
        render_scanned_pdf(args.text_pdf, args.out, seed=args.seed, dpi=args.dpi,
                           rotations=_pages_arg(args.rotate), photographed=photos, storage=args.storage)


if __name__ == "__main__":
    main()
