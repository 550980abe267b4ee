"""Waivers: a reviewer's decision to accept a finding for one case, kept beside the case.

A case's waivers live in ``waivers.yaml`` inside a case folder, or ``<file>.waivers.yaml``
beside a single file::

    - {rule: DOC003, reason: 沿用2018年文号格式, who: 张三, date: 2026-11-01}

(or the same list under a top-level ``waivers:`` key). A file that cannot be used leaves the
case audited without waivers and a warning naming the file and the line.

A waived finding keeps its status but carries the waiver; it deducts no points and does
not make ``audit check`` exit 1. A waiver that matches no failing finding is reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from audit.errors import InputError
from audit.model import Finding, Severity, Status

STALE_RULE = "WAI001"


def waiver_path(source: Path) -> Path:
    source = Path(source)
    if source.is_dir():
        return source / "waivers.yaml"
    from audit.sidefiles import side_path

    return side_path(source.parent, source.name, ".waivers.yaml")


REQUIRED = ("rule", "reason", "who")


def read_waivers(source: Path) -> tuple[list[dict[str, Any]], str | None]:
    """The case's waivers and, when the file cannot be used, a bilingual line naming the file
    and the line (the case is then audited without waivers).

    Two forms are accepted: a list at the top (``- {rule: …}``, as the README shows) and a
    ``waivers:`` key holding that list.
    """
    from audit.sidefiles import exists

    path = waiver_path(source)
    if not exists(path):
        return [], None
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except UnicodeDecodeError:
        return [], _problem(path, 1, "不是 UTF-8 编码", "not UTF-8 text")
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return [], _problem(path, line, "YAML 语法错误", f"YAML syntax error: {getattr(exc, 'problem', exc)}")
    if root is None:
        return [], None
    if isinstance(root, yaml.MappingNode):
        items = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
        if set(items) - {"waivers"} or "waivers" not in items:
            return [], _problem(path, root.start_mark.line + 1, "顶层只能是豁免列表或 waivers: 键",
                                "top level must be a list of waivers or a 'waivers:' key")
        root = items["waivers"]
    if isinstance(root, yaml.ScalarNode) and root.value in ("", "null", "~"):
        return [], None
    if not isinstance(root, yaml.SequenceNode):
        return [], _problem(path, root.start_mark.line + 1, "豁免记录应为列表", "waivers must be a list")
    entries = []
    for node in root.value:
        entry = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.MappingNode) else None
        missing = [k for k in REQUIRED if not isinstance(entry, dict) or not entry.get(k)]
        if missing:
            return [], _problem(path, node.start_mark.line + 1, f"缺少 {'、'.join(missing)}",
                                f"missing {', '.join(missing)}")
        entries.append(entry)
    return entries, None


def _problem(path: Path, line: int, zh: str, en: str) -> str:
    return (f"豁免文件格式错误：{path.name} 第 {line} 行（{zh}），本案未采用任何豁免 / "
            f"invalid waiver file {path.name}, line {line} ({en}); the case was audited without waivers")


def load_waivers(source: Path) -> list[dict[str, Any]]:
    """The case's waivers; raise :class:`InputError` naming file and line when unusable."""
    entries, problem = read_waivers(source)
    if problem:
        raise InputError("bad_waivers", *problem.split(" / ", 1))
    return entries


def apply_waivers(findings: list[Finding], waivers: list[dict[str, Any]]) -> list[Finding]:
    """Mark waived findings and append a notice for each waiver that matches nothing."""
    by_rule = {f.rule: f for f in findings}
    stale = []
    for w in waivers:
        target = by_rule.get(str(w["rule"]).upper())
        if target is not None and target.status in (Status.FAIL, Status.NEEDS_REVIEW):
            target.waiver = {k: str(w.get(k, "")) for k in ("reason", "who", "date")}
        else:
            stale.append(w)
    for w in stale:
        findings.append(
            Finding(
                rule=STALE_RULE,
                title="豁免记录应与现存问题对应",
                dimension="案卷管理",
                severity=Severity.ADVICE,
                status=Status.NEEDS_REVIEW,
                expected="每条豁免记录都应对应一条仍存在的不符合或待核查问题。",
                observed=f"豁免记录（规则 {w['rule']}，{w.get('who', '')} {w.get('date', '')}）已不对应任何问题，请删除或更新。",
                fix="删除已失效的豁免记录。",
            )
        )
    return findings
