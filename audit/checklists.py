"""Find and read the data under ``checklists/`` (rules, document types, law data)."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import yaml

ENV_VAR = "AUDIT_CHECKLISTS"


def checklists_dir() -> Path:
    """The checklists folder: ``$AUDIT_CHECKLISTS`` or the one beside the package."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    return _bundled()


@functools.cache
def _bundled() -> Path:
    """Resolved once: ``resolve()`` costs a system call per path part, and the law registry
    asks for this folder hundreds of times per case (measured: 22 ms of a 280 ms re-audit)."""
    return Path(__file__).resolve().parent.parent / "checklists"


# libyaml's safe loader where PyYAML was built with it: several times faster on the law files
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


PARSED_MIN_CHARS = 4096  # smaller texts parse faster than a cache look-up


def safe_load(stream: Any) -> Any:
    """``yaml.safe_load`` with the C loader when available (same results, same safety).

    Larger texts (the law and rule files) are kept parsed in the cache folder, keyed by the
    text itself: building the Python objects is the slow part of PyYAML even with libyaml
    (measured: 0.8 s of a 2.3 s ``audit check``), unpickling them takes milliseconds.
    """
    text = stream if isinstance(stream, str | bytes) else stream.read()
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if len(text) < PARSED_MIN_CHARS:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
    return _parsed(text)


def cache_root() -> Path:
    """Where parsed checklist data is kept: ``$AUDIT_CACHE_DIR``, else ``~/.cache/casefile-audit``."""
    return Path(os.environ.get("AUDIT_CACHE_DIR") or Path.home() / ".cache" / "casefile-audit")


def _parsed(text: str) -> Any:
    import hashlib
    import pickle
    import sys

    digest = hashlib.sha256(f"{yaml.__version__}|{sys.version_info[:2]}|{text}".encode()).hexdigest()
    path = cache_root() / "yaml" / digest[:2] / f"{digest}.pickle"
    try:
        return pickle.loads(path.read_bytes())  # noqa: S301 - our own entry, keyed by the text it holds
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        pass
    data = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
    try:
        from audit.atomic import write_atomic

        write_atomic(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # a read-only or full disk: parsing again next time is all it costs
        pass
    return data


@functools.cache
def load_yaml(relative: str) -> Any:
    """Parse one YAML file under the checklists folder (cached)."""
    path = checklists_dir() / relative
    with path.open(encoding="utf-8") as fh:
        return safe_load(fh)
