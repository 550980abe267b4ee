"""The reviewer's side file: sign-off (评查人, 复核人, 日期) and a comment per finding,
kept beside the case like its waivers and overrides, shown in the report and the notice.

``review.yaml`` inside a case folder, or ``<file>.review.yaml`` beside a single file::

    signoff: {reviewer: 张三, checker: 李四, date: 2026-11-01}
    comments:
      DOC003: 已与办案人员核实，系笔误。
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from audit.atomic import write_atomic
from audit.sidefiles import exists

SIGNOFF_KEYS = {"reviewer": "评查人", "checker": "复核人", "date": "日期"}


@dataclass(slots=True)
class Review:
    signoff: dict[str, str] = field(default_factory=lambda: dict.fromkeys(SIGNOFF_KEYS, ""))
    comments: dict[str, str] = field(default_factory=dict)
    problem: str = ""  # a bilingual line when the side file could not be read


def review_path(source: Path | str) -> Path:
    from audit.sidefiles import side_path

    source = Path(source)
    return source / "review.yaml" if source.is_dir() else side_path(source.parent, source.name, ".review.yaml")


def load_review(source: Path | str) -> Review:
    """The case's review side file; an empty review when there is none or it is unreadable."""
    path = review_path(source)
    review = Review()
    if not exists(path):  # a name too long for the file system counts as absent, not a crash
        return review
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError("not a mapping")
    except (OSError, ValueError, yaml.YAMLError) as exc:
        review.problem = f"评查意见文件无法读取：{path.name}（已忽略） / cannot read review file {path.name}: {exc}"
        return review
    signoff = data.get("signoff") or {}
    if isinstance(signoff, dict):
        review.signoff.update({k: str(signoff.get(k) or "") for k in SIGNOFF_KEYS})
    comments = data.get("comments") or {}
    if isinstance(comments, dict):
        review.comments = {str(k).upper(): str(v) for k, v in comments.items() if v}
    return review


def save_comment(source: Path | str, rule: str, comment: str) -> Path:
    """Set (or, with an empty comment, remove) the reviewer's comment on ``rule``."""
    return _save(source, lambda data: _set(data.setdefault("comments", {}), rule.upper(), comment))


def save_signoff(source: Path | str, **values: str) -> Path:
    """Set sign-off fields (reviewer, checker, date)."""
    unknown = set(values) - set(SIGNOFF_KEYS)
    if unknown:
        raise ValueError(f"unknown sign-off fields: {sorted(unknown)}")
    return _save(source, lambda data: data.setdefault("signoff", {}).update(values))


def _set(table: dict[str, Any], key: str, value: str) -> None:
    if value.strip():
        table[key] = value.strip()
    else:
        table.pop(key, None)


def _save(source: Path | str, change) -> Path:
    path = review_path(source)
    data: dict[str, Any] = {}
    if exists(path):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = loaded if isinstance(loaded, dict) else {}
    change(data)
    return write_atomic(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
