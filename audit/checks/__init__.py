"""The rule engine: rule declarations from ``checklists/rules``, check kinds in code."""

from audit.checks.engine import run_checks, run_rule
from audit.checks.rules import Rule, load_rules, select_rules

__all__ = ["Rule", "load_rules", "run_checks", "run_rule", "select_rules"]
