"""Inputs that are not a penalty case file: `audit check` must refuse them (exit 2, no grade)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main

NON_CASE = sorted((Path(__file__).resolve().parents[2] / "samples" / "zoo" / "non-case").glob("*.txt"))
GRADES = ("优秀", "良好", "合格", "不合格")


def test_the_non_case_inputs_are_there():
    assert {p.name for p in NON_CASE} >= {"meeting-notice.txt", "review-decision.txt", "article.txt"}


@pytest.mark.parametrize("path", NON_CASE, ids=lambda p: p.stem)
def test_check_refuses_a_non_case_input(path):
    result = CliRunner().invoke(main, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert not any(g in result.output for g in GRADES) and "评分" not in result.output
