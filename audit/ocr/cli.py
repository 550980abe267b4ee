"""``audit ocr PATH... [--engine NAME] [--dpi N] [--no-cache] [--format text|json]``.

Several paths are the pages of one case, in the order given. A page with a usable text
layer shows that layer (``source: text_layer``); the others are OCRed (``source: ocr``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from audit.errors import AuditError
from audit.model import Page, to_dict
from audit.ocr import engines
from audit.ocr.options import OcrOptions


def _model_dirs(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in values:
        role, sep, folder = value.partition("=")
        if not sep or not role or not folder:
            raise click.BadParameter(f"应为 角色=文件夹，如 det=/models/det / expected ROLE=FOLDER, e.g. det=/models/det: {value}",
                                     param_hint="--model-dir")
        out[role.strip()] = folder.strip()
    return out


def load_case_pages(paths: list[Path]) -> tuple[list[Page], Path, list[str]]:
    """Pages of several files or folders as one case, numbered in order; returns the common root."""
    from audit.ingest import load_pages

    loaded = []
    for path in paths:
        pages, warnings = load_pages(path)
        base = path.resolve() if path.is_dir() else path.resolve().parent
        loaded.append((pages, base, warnings))
    root = Path(os.path.commonpath([str(base) for _, base, _ in loaded]))
    out: list[Page] = []
    notes: list[str] = []
    for pages, base, warnings in loaded:
        for page in pages:
            page.number = len(out) + 1
            page.source_file = str((base / page.source_file).relative_to(root))
            out.append(page)
        notes += warnings
    return out, root, notes


def page_json(page: Page) -> dict[str, Any]:
    return {
        "page": page.number,
        "source": "ocr" if page.text_engine in engines.names() else "text_layer",
        "text": page.text,
        "lines": [{"text": ln.text, "box": list(ln.box) if ln.box else None, "confidence": round(ln.confidence, 4)}
                  for ln in page.lines],
        "seals": [to_dict(s) for s in page.seals],
        "file": page.source_file,
        "source_page": page.source_page,
        "engine": page.text_engine,
        "rotation": page.rotation,
        "skew": page.skew,
        "ink": page.ink_regions,
        "note": page.note,
    }


def page_text(page: Page) -> str:
    info = page_json(page)
    head = [f"第 {page.number} 页 / page {page.number}", f"{page.source_file} p.{page.source_page}"]
    head.append(f"OCR {page.text_engine}" if info["source"] == "ocr" else f"文字层 / text layer ({page.text_engine})")
    if page.rotation:
        head.append(f"旋转 / turned {page.rotation}°")
    if page.seals:
        head.append(f"印章 / seals {len(page.seals)}")
    if page.needs_ocr:
        head.append(f"未识别 / not read: {page.note}")
    rows = [f"=== {' · '.join(head)} ==="]
    for ln in page.lines:
        box = "[" + ",".join(f"{v:.0f}" for v in ln.box) + "]" if ln.box else "[]"
        rows.append(f"{ln.confidence:.2f}  {box:<22} {ln.text}")
    return "\n".join(rows)


@click.command("ocr")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--engine", type=click.Choice(engines.names()), default=engines.DEFAULT_ENGINE, show_default=True,
              help="OCR 引擎 / OCR engine.")
@click.option("--dpi", type=click.IntRange(50, 600), default=OcrOptions().dpi, show_default=True,
              help="PDF 页面渲染分辨率 / rasterisation of PDF pages.")
@click.option("--no-cache", is_flag=True, help="不使用 OCR 缓存 / bypass the OCR cache.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--model-dir", multiple=True, metavar="ROLE=FOLDER",
              help="本地模型文件夹（paddleocr：det、rec、cls）/ local model folder (paddleocr: det, rec, cls).")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="进程数 / worker processes.")
@click.option("--no-mask", is_flag=True, help="显示完整的身份证号和电话号码（默认遮盖）/ show ID and phone numbers unmasked.")
def ocr_command(paths: tuple[Path, ...], engine: str, dpi: int, no_cache: bool, fmt: str,
                model_dir: tuple[str, ...], workers: int | None, no_mask: bool) -> None:
    """识别扫描页并输出逐行文字、置信度和位置 / Print the text of each page with confidence and boxes.

    Several PATHs are the pages of one case, in the order given. ID and phone numbers are
    masked unless --no-mask, as in every other output.
    """
    from audit.ocr.pages import ocr_pages
    from audit.privacy import mask

    options = OcrOptions(engine=engine, dpi=dpi, no_cache=no_cache, workers=workers,
                         model_dirs=_model_dirs(model_dir))
    try:
        pages, root, warnings = load_case_pages(list(paths))
        stats = ocr_pages(pages, root, options)
    except AuditError as exc:
        click.echo(exc.message(), err=True)
        sys.exit(exc.exit_code)
    for warning in warnings:
        click.echo(warning, err=True)
    protect = (lambda x: x) if no_mask else mask
    if fmt == "json":
        click.echo(json.dumps(protect({"pages": [page_json(p) for p in pages]}), ensure_ascii=False, indent=2))
    else:
        click.echo(protect("\n\n".join(page_text(p) for p in pages)))
    click.echo(stats.summary(), err=True)
