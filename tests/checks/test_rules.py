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


def _rule_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for path in sorted(Path("checklists/rules").glob("*.yaml")):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def test_validated_rule_set_is_cached_and_a_changed_file_is_validated_again(tmp_path: Path, monkeypatch):
    from audit.checks import rules as rules_module

    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    folder = _rule_folder(tmp_path)
    load = rules_module.load_rules.__wrapped__  # without the per-process memo
    first = load(str(folder))
    assert first == RULES
    assert list((tmp_path / "cache" / "rules").glob("*.pickle"))

    def not_again(path):
        raise AssertionError(f"validated again: {path}")

    monkeypatch.setattr(rules_module, "load_rule_file", not_again)
    assert load(str(folder)) == first  # unchanged inputs: taken from the cache
    monkeypatch.undo()
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cache"))

    party = folder / "party.yaml"
    title = next(r.title for r in first if r.source == "party.yaml")
    party.write_text(party.read_text(encoding="utf-8").replace(title, title + "（改）", 1), encoding="utf-8")
    changed = load(str(folder))  # a changed file: loaded and validated again, not the stored set
    assert next(r.title for r in changed if r.source == "party.yaml") == title + "（改）"


def test_broken_rule_file_is_reported_every_time_cache_or_not(tmp_path: Path, monkeypatch):
    from audit.checks import rules as rules_module

    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    folder = _rule_folder(tmp_path)
    load = rules_module.load_rules.__wrapped__
    load(str(folder))  # the good set is cached
    data = yaml.safe_load((folder / "party.yaml").read_text(encoding="utf-8"))
    del data["rules"][0]["examples"]
    (folder / "party.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleFileError, match="party.yaml"):
            load(str(folder))
    extra = folder / "zz-extra.yaml"  # a new file joins the key too: validated, not skipped
    (folder / "party.yaml").write_bytes(Path("checklists/rules/party.yaml").read_bytes())
    extra.write_text("rules: [{code: X}]\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="zz-extra.yaml"):
        load(str(folder))
