"""``audit samples …``: generate sample case files with ground truth (developer tool).

The generator lives in ``samples/generator`` of a source checkout (``samples/`` is not a
Python package and is not installed with the toolkit). :func:`load_generator` is the one way in
(the CLI, the Makefile through the CLI, the OCR benchmark and the tests): it loads that folder by
path as the package ``casegen`` and returns one of its modules. Drawing needs reportlab
(``pip install -e '.[dev]'``) and the CJK TrueType fonts named in ``samples/generator/layout.py``.
"""

from __future__ import annotations

import importlib
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


def _package() -> ModuleType:
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    init = GENERATOR / "__init__.py"
    if not init.exists():
        raise GeneratorUnavailable(
            f"未找到样例生成器 {GENERATOR}：该命令需要在源码检出目录中运行 / "
            f"the sample generator needs a source checkout ({GENERATOR} not found)"
        )
    spec = importlib.util.spec_from_file_location(PACKAGE, init, submodule_search_locations=[str(GENERATOR)])
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[PACKAGE] = module
    try:
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    except Exception:
        del sys.modules[PACKAGE]
        raise
    return module


def load_generator(module: str = "build") -> ModuleType:
    """A module of ``samples/generator`` (package ``casegen``): ``build`` (random and curated
    cases: ``build``, ``write``, ``generate``, ``build_corpus``), ``handmade`` (samples/cases),
    ``scan`` (scanned renderings), or any other of its modules."""
    _package()
    try:
        return importlib.import_module(f"{PACKAGE}.{module}")
    except ModuleNotFoundError as exc:
        if not exc.name or exc.name.split(".")[0] == PACKAGE:
            raise
        raise GeneratorUnavailable(
            f"样例生成器需要 {exc.name}：pip install -e '.[dev]' / "
            f"the sample generator needs {exc.name} (pip install -e '.[dev]')"
        ) from exc


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)


def _loaded(module: str = "build") -> ModuleType:
    try:
        gen = load_generator(module)
    except GeneratorUnavailable as exc:
        _fail(str(exc))
    missing = load_generator("layout").missing_fonts()
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


@samples_group.command("cases")
@click.option("--out", "out", type=click.Path(path_type=Path), default=ROOT / "samples" / "cases", show_default=True,
              help="输出目录 / output folder.")
@click.option("--case", "cases", multiple=True, help="只生成这些案卷 / only these case ids.")
def cases_command(out: Path, cases: tuple[str, ...]) -> None:
    """重建 samples/cases 中的三个手工样例 / Redraw the hand-made cases (samples/cases).

    Each case folder gets case.pdf (text layer) and truth.json; the text of every document is
    given in samples/generator/handmade/cases.yaml. Redrawing gives byte-identical files.
    """
    gen = _loaded("handmade")
    try:
        infos = gen.build_cases(out, only=list(cases) or None)
    except ValueError as exc:
        _fail(f"未知的手工样例 / {exc}")
    for info in infos:
        click.echo(_line(info))
    click.echo(f"共 {len(infos)} 个案卷，写入 {out}")


@samples_group.command("scan", context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                                 "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def scan_command(args: tuple[str, ...]) -> None:
    """生成扫描件（无文字层）/ Scanned rendering of a text-layer PDF (image only).

    The options are those of samples/generator/scan.py (``audit samples scan --help``), e.g.
    ``audit samples scan case.pdf scanned.pdf --storage compact --rotate 3:90 --photo 8``.
    """
    try:
        scan = load_generator("scan")
    except GeneratorUnavailable as exc:
        _fail(str(exc))
    scan.main(list(args), prog="audit samples scan")
