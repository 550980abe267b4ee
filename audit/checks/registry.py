"""Check kinds: code registered by name, with the parameters each declares.

A rule file under ``checklists/rules/`` names a kind and gives its parameters; the kind
is a function ``(case, params) -> Outcome``. New kinds register with :func:`check_kind`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from audit.model import Case, Field, Status


@dataclass(slots=True)
class Outcome:
    """What a check found: a status, the values for the message templates, the evidence."""

    status: Status
    values: dict[str, Any] = field(default_factory=dict)
    evidence: list[Field] = field(default_factory=list)
    note: str = ""  # why a needs_review / not_applicable, in Chinese


CheckFn = Callable[[Case, dict[str, Any]], Outcome]


@dataclass(frozen=True, slots=True)
class CheckKind:
    name: str
    fn: CheckFn
    params: dict[str, str]  # parameter name -> description (optional when the name ends with "_")
    doc: str


KINDS: dict[str, CheckKind] = {}


def check_kind(name: str, **params: str) -> Callable[[CheckFn], CheckFn]:
    """Register ``fn`` as the check kind ``name`` with its declared parameters."""

    def register(fn: CheckFn) -> CheckFn:
        if name in KINDS:
            raise ValueError(f"check kind {name!r} registered twice")
        KINDS[name] = CheckKind(name, fn, dict(params), (fn.__doc__ or "").strip())
        return fn

    return register


def validate_params(kind: str, params: dict[str, Any]) -> list[str]:
    """Problems with ``params`` for ``kind`` (unknown kind, missing or unknown parameters)."""
    if kind not in KINDS:
        return [f"unknown check kind {kind!r}; known: {', '.join(sorted(KINDS))}"]
    declared = KINDS[kind].params
    required = {k for k in declared if not k.endswith("_")}
    names = {k.rstrip("_") for k in declared}
    problems = [f"missing parameter {k!r}" for k in sorted(required - set(params))]
    problems += [f"unknown parameter {k!r}" for k in sorted(set(params) - names)]
    return problems
