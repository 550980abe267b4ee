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
    # True: the rule's behaviour is fully described by its parameters, so a trainer can change
    # the rule in its YAML alone; False: the parameters tune logic that lives in code
    generic: bool = False


KINDS: dict[str, CheckKind] = {}


def check_kind(name: str, *, generic: bool = False, **params: str) -> Callable[[CheckFn], CheckFn]:
    """Register ``fn`` as the check kind ``name`` with its declared parameters.

    ``generic=True`` declares that the parameters describe the check completely (a rule of the
    kind can be changed in its YAML alone); the default marks a kind whose logic is coded.
    """

    def register(fn: CheckFn) -> CheckFn:
        if name in KINDS:
            raise ValueError(f"check kind {name!r} registered twice")
        KINDS[name] = CheckKind(name, fn, dict(params), (fn.__doc__ or "").strip(), generic)
        return fn

    return register


def is_generic(kind: str) -> bool:
    """Whether rules of ``kind`` can be changed in their YAML alone (see :func:`check_kind`)."""
    entry = KINDS.get(kind)
    return bool(entry and entry.generic)


def variant_key(kind: str, params: dict[str, Any]) -> str:
    """``kind.mode`` for a kind that works in modes (``mode`` or ``compare``), else ``kind``: the key
    under which the words for how a rule inspects (labels) and where its finding belongs (places) are kept."""
    variant = params.get("mode") or params.get("compare")
    return f"{kind}.{variant}" if isinstance(variant, str) else kind


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
