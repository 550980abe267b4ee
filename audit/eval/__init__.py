"""``audit eval``: score the toolkit against cases whose truth is known.

- :mod:`audit.eval.evaluate` — every rendering of every case read and checked, scored against its truth;
- :mod:`audit.eval.score` and :mod:`audit.eval.truth` — the counting rules and the truth files;
- :mod:`audit.eval.discover` — case folders and their renderings;
- :mod:`audit.eval.metamorphic` — meaning-preserving rewrites that must not change a finding;
- :mod:`audit.eval.command` — the click command.
"""

from audit.eval.command import eval_command
from audit.eval.evaluate import BASE_RENDERINGS, RENDERINGS, evaluate

__all__ = ["evaluate", "eval_command", "RENDERINGS", "BASE_RENDERINGS"]
