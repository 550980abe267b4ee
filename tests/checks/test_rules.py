"""Every rule file validates, every rule's examples behave: the documentation is the test."""

from pathlib import Path

import pytest
import yaml

from audit.checks import load_rules, run_rule
from audit.checks.examples import case_from_example
from audit.checks.registry import KINDS, validate_params
from audit.checks.rules import RuleFileError, load_rule_file
from audit.model import Status

RULES = load_rules()


def _examples():
    for rule in RULES:
        for expected in ("fail", "needs_review", "pass"):
            for i, example in enumerate(rule.examples.get(expected, [])):
                yield pytest.param(rule, expected, example, id=f"{rule.code}-{expected}-{i}")


@pytest.mark.parametrize("rule, expected, example", list(_examples()))
def test_rule_examples(rule, expected, example):
    case = case_from_example(example)
    finding = run_rule(case, rule)
    assert finding.status is Status(expected), (finding.observed, finding.expected)
    if expected in ("fail", "needs_review"):
        assert finding.observed and finding.fix and finding.basis
        assert "—" not in finding.observed, finding.observed  # every placeholder was filled


def test_rule_codes_unique_and_kinds_known():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes)) >= 5
    assert all(r.kind in KINDS for r in RULES)


def test_every_rule_cites_a_basis_and_has_chinese_texts():
    for rule in RULES:
        assert rule.basis
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.title + rule.expect + rule.fix)


def test_bad_rule_file_is_rejected_with_its_name(tmp_path: Path):
    good = yaml.safe_load(Path("checklists/rules/party.yaml").read_text(encoding="utf-8"))
    del good["rules"][0]["examples"]
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(good, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleFileError, match="broken.yaml"):
        load_rule_file(path)


def test_unknown_kind_and_parameters_are_reported():
    assert "unknown check kind" in validate_params("no_such_kind", {})[0]
    problems = validate_params("consistent_across_documents", {"field": "x", "typo": 1})
    assert any("missing parameter 'compare'" in p for p in problems)
    assert any("unknown parameter 'typo'" in p for p in problems)
