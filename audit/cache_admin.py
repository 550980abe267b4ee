"""The caches that hold case text and images, and how long they are kept.

Three caches live under the cache root (``$AUDIT_CACHE_DIR``, else
``~/.cache/casefile-audit``): ``ocr/`` (page readings, JSON), ``crops/`` (report crops,
JPEG in JSON) and ``cases/`` (extracted cases, pickles). They hold case text unmasked, so
they are kept for a limited time: every entry older than the retention (30 days;
``--cache-days``, ``$AUDIT_CACHE_DAYS``; 0 keeps nothing past the run) is deleted when a
batch or the self-check page starts, and ``audit cache clear`` deletes them at once.
The self-check page keeps its caches inside each case's folder, so deleting a case there
deletes everything read from it. Beside them, ``rules/`` and ``yaml/`` keep the validated rule
set and parsed checklist files, keyed by their content (no case data); they are pruned and
cleared the same way, so stale versions do not pile up, and rebuilt on the next run.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import click

FOLDERS = ("ocr", "crops", "cases", "rules", "yaml")  # rules/, yaml/: parsed checklists, no case data
DEFAULT_DAYS = 30.0
DAY_S = 86400.0


def retention_days() -> float:
    try:
        return float(os.environ.get("AUDIT_CACHE_DAYS", DEFAULT_DAYS))
    except ValueError:
        return DEFAULT_DAYS


def cache_root() -> Path:
    from audit.config import ocr_options

    return ocr_options().cache_root()


@dataclass(slots=True)
class Swept:
    files: int = 0
    bytes: int = 0


def prune(root: Path | None = None, days: float | None = None) -> Swept:
    """Delete cache entries older than ``days`` (default: the retention) under ``root``."""
    root = Path(root) if root is not None else cache_root()
    days = retention_days() if days is None else days
    cutoff = time.time() - days * DAY_S
    swept = Swept()
    for folder in FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(base):
            for name in files:
                path = Path(dirpath) / name
                try:
                    info = path.lstat()
                    if info.st_mtime <= cutoff:
                        path.unlink()
                        swept.files += 1
                        swept.bytes += info.st_size
                except OSError:
                    continue
        _remove_empty_dirs(base)
    return swept


def clear(root: Path | None = None) -> Swept:
    """Delete every cache entry under ``root``."""
    root = Path(root) if root is not None else cache_root()
    swept = usage(root)
    for folder in FOLDERS:
        shutil.rmtree(root / folder, ignore_errors=True)
    return swept


def usage(root: Path | None = None) -> Swept:
    root = Path(root) if root is not None else cache_root()
    swept = Swept()
    for folder in FOLDERS:
        for dirpath, _dirs, files in os.walk(root / folder):
            for name in files:
                try:
                    swept.bytes += (Path(dirpath) / name).lstat().st_size
                    swept.files += 1
                except OSError:
                    continue
    return swept


def _remove_empty_dirs(base: Path) -> None:
    for dirpath, _dirs, _files in sorted(os.walk(base), key=lambda t: -len(t[0])):
        if Path(dirpath) != base:
            try:
                os.rmdir(dirpath)
            except OSError:
                pass


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


@click.group(name="cache")
def cache_group() -> None:
    """缓存（识别结果、截图、案卷读取结果）/ The caches of page readings, crops and read cases."""


@cache_group.command(name="clear")
@click.option("--older-than", "days", type=float, default=None,
              help="只删除早于该天数的条目 / delete only entries older than this many days.")
def clear_command(days: float | None) -> None:
    """删除缓存中的案卷文字和图像 / Delete the cached case text and images."""
    root = cache_root()
    swept = clear(root) if days is None else prune(root, days)
    click.echo(f"已删除 {swept.files} 个缓存文件（{_mb(swept.bytes)}）：{root} / "
               f"deleted {swept.files} cache files ({_mb(swept.bytes)}): {root}")


@cache_group.command(name="info")
def info_command() -> None:
    """显示缓存位置、大小和保留期限 / Show where the caches are, their size and retention."""
    root = cache_root()
    swept = usage(root)
    days = retention_days()
    click.echo(f"缓存位置：{root}\n共 {swept.files} 个文件，{_mb(swept.bytes)}；保留 {days:g} 天 / "
               f"{swept.files} files, {_mb(swept.bytes)}; kept {days:g} days")
