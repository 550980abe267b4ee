"""Rule declarations: YAML files under ``checklists/rules/``, validated by a JSON Schema."""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from audit.checklists import checklists_dir, safe_load
from audit.checks.registry import validate_params
from audit.model import LegalBasis, Severity


class RuleFileError(ValueError):
    """A rule file that does not load; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    title: str
    dimension: str
    severity: Severity
    points: float
    basis: tuple[LegalBasis, ...]
    applies_to: tuple[str, ...]
    kind: str
    params: dict[str, Any]
    expect: str
    observed: str
    passed: str
    why: str
    fix: str
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None
    min_confidence: float = 0.85
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source: str = ""
    detects: tuple[str, ...] = ()  # defect types (checklists/defects.yaml) this rule reports
    status: str = "stable"
    whole_file: bool = False
    review_only: bool = False
    judged_on: str = "decided"  # the act whose date places the case in the rule's window
    unchanged: str = ""  # why the legal content never changed (rules without a window)
    lookback_years: float = 2.0  # judged_on violation, no stated act date: 行政处罚法 第三十六条
    veto_basis: dict[str, str] | None = None  # {instrument, article, version, why}: what makes it a veto


@functools.cache
def rule_schema() -> dict[str, Any]:
    text = resources.files("audit.schemas").joinpath("rule.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@functools.cache
def _rule_validator():
    """One validator for every rule file (``jsonschema.validate`` re-checks the schema each call)."""
    schema = rule_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def load_rule_file(path: Path) -> list[Rule]:
    """Load and validate one rule file (a mapping with a ``rules`` list)."""
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
        _rule_validator().validate(data)
    except (yaml.YAMLError, jsonschema.ValidationError) as exc:
        raise RuleFileError(f"{path.name}: {getattr(exc, 'message', exc)}") from exc
    rules = []
    for raw in data["rules"]:
        problems = validate_params(raw["check"]["kind"], raw["check"].get("params", {}))
        if problems:
            raise RuleFileError(f"{path.name}: rule {raw['code']}: {'; '.join(problems)}")
        effective = raw.get("effective", {})
        rules.append(
            Rule(
                code=raw["code"],
                name=raw["name"],
                title=raw["title"],
                dimension=raw["dimension"],
                severity=Severity(raw["severity"]),
                points=float(raw["points"]),
                basis=tuple(LegalBasis(**b) for b in raw["basis"]),
                applies_to=tuple(raw.get("applies_to", ["ordinary", "simple"])),
                kind=raw["check"]["kind"],
                params=raw["check"].get("params", {}),
                expect=raw["expect"],
                observed=raw["observed"],
                passed=raw.get("passed", "符合要求。"),
                why=raw["why"],
                fix=raw["fix"],
                effective_from=_date(effective.get("from")),
                effective_to=_date(effective.get("to")),
                min_confidence=float(raw.get("min_confidence", 0.85)),
                examples=raw["examples"],
                source=path.name,
                detects=tuple(raw.get("detects", [])),
                status=raw.get("status", "stable"),
                whole_file=bool(raw.get("whole_file", False)),
                review_only=bool(raw.get("review_only", False)),
                judged_on=_judged_on(path, raw["code"], effective.get("judged_on", "decided")),
                unchanged=effective.get("unchanged", ""),
                lookback_years=float(effective.get("lookback_years", 2)),
                veto_basis=raw.get("veto_basis"),
            )
        )
    return rules


def _judged_on(path: Path, code: str, key: str) -> str:
    """The act a rule's window is judged on: an act of checklists/procedure.yaml or ``violation``."""
    from audit.checks.timeline import procedure

    if key != "violation" and key not in procedure()["acts"]:
        raise RuleFileError(f"{path.name}: rule {code}: effective.judged_on {key!r} is not an act "
                            f"of checklists/procedure.yaml nor 'violation'")
    return key


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@functools.cache
def load_rules(folder: str | None = None) -> tuple[Rule, ...]:
    """All rules under the rules folder, sorted by code; duplicate codes are an error."""
    root = Path(folder) if folder else checklists_dir() / "rules"
    rules: list[Rule] = []
    for path in sorted(root.glob("*.yaml")):
        rules.extend(load_rule_file(path))
    codes = [r.code for r in rules]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise RuleFileError(f"duplicate rule codes: {', '.join(dupes)}")
    return tuple(sorted(rules, key=lambda r: r.code))


def _matches(rule: Rule, selector: str) -> bool:
    """A selector is a rule code, a code prefix (``PRO``, ``PRO00``) or a dimension name."""
    return rule.code.startswith(selector.upper()) or rule.dimension == selector


def select_rules(rules: tuple[Rule, ...], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Rules matched by a selector in ``select`` (all when empty) and by none in ``ignore``.

    A selector that matches no rule is an error naming the nearest codes, so a typo never
    silently turns a rule off.
    """
    import difflib

    for selector in [*(select or []), *(ignore or [])]:
        if not any(_matches(r, selector) for r in rules):
            near = difflib.get_close_matches(selector.upper(), [r.code for r in rules], n=3)
            hint = f"（是否要找：{'、'.join(near)}）" if near else ""
            raise RuleFileError(f"没有与“{selector}”匹配的规则{hint} / no rule matches {selector!r}")
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return [r for r in chosen if not ignore or not any(_matches(r, i) for i in ignore)]
