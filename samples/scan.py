"""Scanned renderings of text-layer sample PDFs: what a scanner or a phone makes of paper.

    python samples/scan.py samples/cases/ord-2024-waste/case.pdf out.pdf --seed 7 --rotate 3:90

Each page is rasterised with pypdfium2 and degraded the way paper scans are: a small skew
(±2°), blur, sensor noise, an uneven paper tone, JPEG artefacts; chosen pages are turned
90/180/270° (fed sideways or upside down) and chosen pages are "photographed" (perspective,
uneven light, a desk border). The output PDF holds only the JPEG page images: no text layer.

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

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

PAPER = (246, 243, 234)  # slightly warm white
DESK = (92, 84, 74)  # what shows around a photographed page
JPEG_QUALITY = (20, 28)  # range drawn per page; ~75-95 KB for a text-dense A4 page at 200 dpi


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
) -> list[dict[str, Any]]:
    """Write an image-only PDF of ``text_pdf``; return the parameters applied to each page.

    ``rotations`` maps 1-based page numbers to a clockwise turn (90, 180, 270);
    ``photographed`` lists 1-based pages rendered as phone photos; ``pages`` keeps only
    these source pages (all by default). ``max_skew`` bounds the random skew (degrees).
    """
    jpegs, params = [], []
    for number, image in _rendered_pages(Path(text_pdf), dpi, pages):
        scanned, p = degrade(image, _rng(seed, number), number=number, dpi=dpi,
                             rotation=(rotations or {}).get(number, 0),
                             photographed=number in (photographed or set()), max_skew=max_skew)
        jpegs.append((_jpeg(scanned, p["jpeg_quality"]), scanned.size))
        params.append(p)
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(image_pdf(jpegs, dpi))
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
) -> tuple[Image.Image, dict[str, Any]]:
    """Turn a clean page raster into a scan (or photo); return it with the parameters used."""
    if rotation not in (0, 90, 180, 270):
        raise ValueError(f"rotation must be 0, 90, 180 or 270, not {rotation}")
    nrng = np.random.default_rng(rng.randrange(2**32))
    p: dict[str, Any] = {
        "page": number,
        "dpi": dpi,
        "skew": round(rng.uniform(-max_skew, max_skew), 2) if max_skew > 0 else 0.0,
        "blur": round(rng.uniform(0.5, 1.0), 2),
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
        img = img.transpose({90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                             270: Image.Transpose.ROTATE_90}[rotation])
    return img, p


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
    objects: list[bytes] = []
    n = len(jpegs)
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for i, (data, (w, h)) in enumerate(jpegs):
        pw, ph = w * 72 / dpi, h * 72 / dpi
        content, image = 4 + 3 * i, 5 + 3 * i  # page object: 3 + 3 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
            f"/Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>".encode()
        )
        stream = zlib.compress(f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode())
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB "
            f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>\nstream\n".encode()
            + data + b"\nendstream"
        )
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


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text_pdf", type=Path)
    ap.add_argument("out", type=Path, help="output PDF, or a folder with --images")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--rotate", default="", help="pages to turn clockwise, e.g. 3:90,7:180")
    ap.add_argument("--photo", default="", help="pages to render as photos, e.g. 2,5")
    ap.add_argument("--images", action="store_true", help="write page images instead of a PDF")
    args = ap.parse_args(argv)
    photos = {int(x) for x in args.photo.split(",") if x}
    if args.images:
        render_page_images(args.text_pdf, args.out, seed=args.seed, dpi=args.dpi,
                           rotations=_pages_arg(args.rotate), photographed=photos)
    else:
        render_scanned_pdf(args.text_pdf, args.out, seed=args.seed, dpi=args.dpi,
                           rotations=_pages_arg(args.rotate), photographed=photos)


if __name__ == "__main__":
    main()
