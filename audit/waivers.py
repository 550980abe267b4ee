"""Waivers: a reviewer's decision to accept a finding for one case, kept beside the case.

A case's waivers live in ``waivers.yaml`` inside a case folder, or ``<file>.waivers.yaml``
beside a single file::

    waivers:
      - {rule: DOC003, reason: 沿用2018年文号格式, who: 张三, date: 2026-11-01}

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


def load_waivers(source: Path) -> list[dict[str, Any]]:
    from audit.sidefiles import exists

    path = waiver_path(source)
    if not exists(path):
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries = data.get("waivers", [])
        if not all(isinstance(e, dict) and {"rule", "reason", "who"} <= set(e) for e in entries):
            raise ValueError("each waiver needs rule, reason and who")
    except (yaml.YAMLError, ValueError, AttributeError) as exc:
        raise InputError("bad_waivers", f"豁免文件格式错误：{path.name}（{exc}）", f"invalid waiver file {path.name}: {exc}") from exc
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
