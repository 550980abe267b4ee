"""Rule declarations: YAML files under ``checklists/rules/``, validated by a JSON Schema.

A rule set that loaded and validated is kept in the cache folder (``rules/<key>.pickle``),
keyed by the SHA-256 of every rule file's name and bytes, the schema, ``procedure.yaml``,
the code that validates and builds the rules (``audit/checks``, the model) and the versions of
Python, PyYAML and jsonschema: validating takes ~150 ms of an ``audit check``, unpickling a
few. Any change to those inputs is a new key, so a changed or new rule file is validated
again; a file that fails is never stored, so it fails every time with its message.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import pickle
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from audit.checklists import cache_root, checklists_dir, safe_load
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
    import jsonschema  # here: a rule set taken from the cache is not validated again

    schema = rule_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def load_rule_file(path: Path) -> list[Rule]:
    """Load and validate one rule file (a mapping with a ``rules`` list)."""
    import jsonschema

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
    """All rules under the rules folder, sorted by code; duplicate codes are an error.

    Taken from the rule-set cache when no input changed since they last validated (see the
    module's docstring); loaded, validated and stored otherwise.
    """
    root = Path(folder) if folder else checklists_dir() / "rules"
    paths = sorted(root.glob("*.yaml"))
    cached = _cached_rule_set(key := rule_set_key(paths))
    if cached is not None:
        return cached
    rules: list[Rule] = []
    for path in paths:
        rules.extend(load_rule_file(path))
    codes = [r.code for r in rules]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise RuleFileError(f"duplicate rule codes: {', '.join(dupes)}")
    result = tuple(sorted(rules, key=lambda r: r.code))
    _store_rule_set(key, result)
    return result


RULE_CACHE_VERSION = "rules-1"  # bump when the stored form changes
CODE = Path(__file__).resolve().parent  # audit/checks: the kinds declare the parameters validated


def rule_set_key(paths: list[Path]) -> str:
    """SHA-256 of everything that decides whether the rule files at ``paths`` load, and into what."""
    from importlib import metadata

    from audit import __version__

    digest = hashlib.sha256(f"{RULE_CACHE_VERSION}|{__version__}|{sys.version_info[:3]}|{yaml.__version__}".encode())
    try:
        digest.update(f"|jsonschema={metadata.version('jsonschema')}".encode())
    except metadata.PackageNotFoundError:
        digest.update(b"|jsonschema=-")
    package = CODE.parent
    inputs = [*sorted(CODE.rglob("*.py")), package / "model.py", package / "checklists.py",
              package / "schemas" / "rule.schema.json", checklists_dir() / "procedure.yaml", *paths]
    for path in inputs:
        digest.update(b"\0" + path.name.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


def _rule_set_path(key: str) -> Path:
    return cache_root() / "rules" / f"{key}.pickle"


def _cached_rule_set(key: str) -> tuple[Rule, ...] | None:
    try:
        data = pickle.loads(_rule_set_path(key).read_bytes())  # noqa: S301 - our own entry, keyed by its inputs
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError,
            IndexError, KeyError):
        return None
    if not (isinstance(data, dict) and data.get("key") == key and isinstance(data.get("rules"), tuple)
            and all(isinstance(r, Rule) for r in data["rules"])):
        return None
    return data["rules"]


def _store_rule_set(key: str, rules: tuple[Rule, ...]) -> None:
    from audit.atomic import write_atomic

    try:
        write_atomic(_rule_set_path(key), pickle.dumps({"key": key, "rules": rules}, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # a read-only or full disk: validating again next time is all it costs
        pass


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
