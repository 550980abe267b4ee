"""``audit samples …``: generate sample case files with ground truth (developer tool).

The generator lives in ``samples/generator`` of a source checkout (``samples/`` is not a
Python package and is not installed with the toolkit); :func:`load_generator` loads that
folder by path as the package ``casegen``. Drawing needs reportlab (``pip install -e '.[dev]'``)
and the CJK TrueType fonts named in ``samples/generator/layout.py``; scanned renderings use
``samples/scan.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import click

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "samples" / "generator"
PACKAGE = "casegen"


class GeneratorUnavailable(RuntimeError):
    pass


def load_generator() -> ModuleType:
    """The ``samples/generator`` package of this checkout, imported as ``casegen``."""
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    init = GENERATOR / "__init__.py"
    if not init.exists():
        raise GeneratorUnavailable(
            f"未找到样例生成器 {GENERATOR}：该命令需要在源码检出目录中运行 / "
            f"the sample generator needs a source checkout ({GENERATOR} not found)"
        )
    try:
        import reportlab  # noqa: F401
    except ImportError as exc:
        raise GeneratorUnavailable(
            "生成样例需要 reportlab：pip install -e '.[dev]' / the generator needs reportlab (pip install -e '.[dev]')"
        ) from exc
    spec = importlib.util.spec_from_file_location(PACKAGE, init, submodule_search_locations=[str(GENERATOR)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        del sys.modules[PACKAGE]
        raise
    return module


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)


def _loaded() -> ModuleType:
    try:
        gen = load_generator()
    except GeneratorUnavailable as exc:
        _fail(str(exc))
    layout = sys.modules[f"{PACKAGE}.layout"]
    missing = layout.missing_fonts()
    if missing:
        _fail("缺少生成样例所需的中文字体 / CJK fonts not installed: " + ", ".join(missing)
              + "\n(apt-get install fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei)")
    return gen


def _line(info: dict) -> str:
    defects = "、".join(info["defects"]) if info["defects"] else "无（合规案卷）"
    return (f"{info['case_id']}: {info['procedure']} {info['violation']} [{info['template']}] "
            f"{info['pages']} 页, {info['documents']} 份文书, {info['bytes'] / 1e6:.2f} MB; 缺陷: {defects}")


@click.group("samples")
def samples_group() -> None:
    """生成带标准答案的样例案卷 / Generate sample case files with ground truth."""


@samples_group.command("generate")
@click.option("--seed", type=int, default=1, show_default=True, help="随机种子 / random seed (same seed, same files).")
@click.option("--count", type=click.IntRange(1, 10000), default=10, show_default=True, help="案卷数 / number of cases.")
@click.option("--out", "out", type=click.Path(path_type=Path), required=True, help="输出目录 / output folder.")
@click.option("--scanned/--no-scanned", default=True, show_default=True,
              help="同时生成扫描件 scanned.pdf / also write the scanned rendering.")
@click.option("--images-every", type=int, default=0, show_default=True,
              help="每 N 个案卷生成一份页面图片文件夹 pages/（0 不生成）/ write pages/ for every Nth case.")
def generate_command(seed: int, count: int, out: Path, scanned: bool, images_every: int) -> None:
    """随机生成 COUNT 个案卷（确定性）/ Generate COUNT random cases from SEED into OUT.

    Each case folder holds text.pdf (text layer), scanned.pdf (image only), truth.json
    (ground truth: contract fields with document and page, page texts, injected defects) and,
    for some cases, pages/ (one image per page). About 30 % of the cases are clean.
    """
    gen = _loaded()
    out.mkdir(parents=True, exist_ok=True)
    infos = gen.generate(seed, count, out, scanned=scanned, images_every=images_every,
                         progress=lambda info: click.echo(_line(info)))
    clean = sum(1 for i in infos if not i["defects"])
    total = sum(i["bytes"] for i in infos)
    click.echo(f"共 {len(infos)} 个案卷（{clean} 个无缺陷），{total / 1e6:.1f} MB，写入 {out}")


@samples_group.command("corpus")
@click.option("--out", "out", type=click.Path(path_type=Path), default=ROOT / "samples" / "corpus", show_default=True,
              help="输出目录 / output folder.")
@click.option("--case", "cases", multiple=True, help="只生成这些案卷 / only these case ids.")
@click.option("--scanned", type=click.Choice(["spec", "all", "none"]), default="spec", show_default=True,
              help="扫描件：按精选清单（仅部分案卷提交扫描件）、全部或不生成 / scanned renderings: as listed, all, none.")
def corpus_command(out: Path, cases: tuple[str, ...], scanned: str) -> None:
    """重建提交在 samples/corpus 中的精选样例 / Rebuild the curated corpus (samples/corpus).

    Every case gets text.pdf and truth.json; scanned.pdf (and pages/) only where the list in
    samples/generator/corpus.py says, to keep the committed set small: ``--scanned all`` makes
    the scanned rendering of every case (about 2 MB per ordinary-procedure case).
    """
    gen = _loaded()
    infos = gen.build_corpus(out, scanned=scanned, only=list(cases) or None,
                             progress=lambda info: click.echo(_line(info)))
    total = sum(i["bytes"] for i in infos)
    click.echo(f"共 {len(infos)} 个案卷，{total / 1e6:.1f} MB，写入 {out}")
