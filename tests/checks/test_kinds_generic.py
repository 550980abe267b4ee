"""Generic and coded check kinds: which rules a trainer can change in their YAML alone, the merged
kinds with modes, and the special cases of the ``period`` kind kept as data (checklists/procedure.yaml)."""

from __future__ import annotations

import inspect
import json

import pytest
from click.testing import CliRunner

from audit import labels
from audit.checks import load_rules
from audit.checks.examples import case_from_example
from audit.checks.kinds import procedure as procedure_kinds
from audit.checks.registry import KINDS, check_kind, is_generic, variant_key
from audit.checks.timeline import procedure
from audit.cli import main
from audit.report.places import rule_place_labels

RULES = {r.code: r for r in load_rules()}


def test_every_kind_says_whether_it_is_generic():
    assert all(isinstance(k.generic, bool) for k in KINDS.values())
    generic = {k for k, v in KINDS.items() if v.generic}
    # the kinds whose parameters describe the whole check
    assert {"text_patterns", "required_documents", "consistent_across_documents", "period", "threshold_duty",
            "form_cells_filled", "blank_form_cells", "document_implies", "same_category", "officers"} <= generic
    # kinds whose logic is law or arithmetic in code
    assert not generic & {"amounts_agree", "law_fine_range", "timeline_order", "evidence_elements"}


def test_check_kind_takes_generic_by_keyword_only():
    with pytest.raises(TypeError):
        check_kind("never_registered", True)  # type: ignore[misc]
    assert "never_registered" not in KINDS
    assert is_generic("text_patterns") and not is_generic("law_fine_range") and not is_generic("no_such_kind")


def test_the_merged_kinds_replace_the_single_use_ones():
    for old in ("officers_per_record", "certificates_present", "money_forms_agree", "receipt_amount_matches"):
        assert old not in KINDS
    assert {RULES[c].params["mode"] for c in ("AUT001", "AUT002")} == {"count", "certificates"}
    assert {RULES[c].params["compare"] for c in ("DOC002", "DOC008")} == {"capitals_digits", "fine"}
    # the words for how each rule inspects stay those of its mode
    assert labels.inspection("officers", variant_key("officers", RULES["AUT001"].params)) == "核对执法人员人数"
    assert labels.inspection("officers", variant_key("officers", RULES["AUT002"].params)) == "核对执法证件信息"
    assert labels.inspection("amounts_agree", variant_key("amounts_agree", RULES["DOC008"].params)) == "核对缴款金额"
    # and so do the lines a finding about a missing officer or certificate is shown at
    assert rule_place_labels("AUT001")[0] == "执法人员" and rule_place_labels("AUT002")[0] == "执法证号"


@pytest.mark.parametrize(("kind", "params"), [
    ("officers", {"documents": ["inspection_record"], "mode": "headcount"}),
    ("officers", {"documents": ["inspection_record"], "mode": "count"}),  # count without min
    ("amounts_agree", {"compare": "digits"}),
])
def test_a_bad_mode_is_named(kind, params):
    case = case_from_example({"documents": [{"type": "inspection_record", "text": "执法人员：王建平"}]})
    with pytest.raises(ValueError, match=kind):
        KINDS[kind].fn(case, params)


def test_audit_rules_shows_what_a_trainer_can_change():
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["rules", "--format", "json"]).output)
    assert {r["code"]: r["configurable"] for r in data} == {c: is_generic(r.kind) for c, r in RULES.items()}
    assert any(r["configurable"] for r in data) and not all(r["configurable"] for r in data)
    text = runner.invoke(main, ["rules"]).output
    line = next(x for x in text.splitlines() if x.startswith("AUT001"))
    assert "规则文件可调" in line
    assert "需改代码" in next(x for x in text.splitlines() if x.startswith("LAW007"))
    assert f"共 {len(RULES)} 条规则，其中 {sum(is_generic(r.kind) for r in RULES.values())} 条规则文件可调" in text


def test_audit_explain_shows_whether_the_rule_is_configurable():
    runner = CliRunner()
    assert "调整方式：规则文件可调" in runner.invoke(main, ["explain", "PRO005"]).output
    assert "调整方式：需改代码" in runner.invoke(main, ["explain", "DOC008"]).output
    assert json.loads(runner.invoke(main, ["explain", "DOC008", "--format", "json"]).output)["configurable"] is False


def test_the_period_kind_names_no_period_in_code():
    """The notice's own period and the party's waiver are properties of the period in the data."""
    assert "defence_period" not in inspect.getsource(procedure_kinds)
    spec = procedure()["periods"]["defence_period"]
    assert spec["stated_in"] == {"document": "advance_notice", "field": "defence_period", "unit": "days"}
    assert spec["ended_by"]["document"] == "defence_record" and spec["ended_by"]["field"] == "defence_waived"
    # a period that is stated or ended by a document names both the document type and its field
    for name, period in procedure()["periods"].items():
        for key in ("stated_in", "ended_by"):
            if key in period:
                assert {"document", "field"} <= set(period[key]), (name, key)


def test_the_rules_readme_lists_every_generic_kind():
    from audit.checklists import checklists_dir

    readme = (checklists_dir() / "rules" / "README.md").read_text(encoding="utf-8")
    for name, kind in KINDS.items():
        assert (f"| `{name}` |" in readme) == kind.generic, name


def _example(code: str, status: str, index: int = 0):
    return case_from_example(RULES[code].examples[status][index])


def test_ocr_near_miss_is_a_parameter_not_a_property_of_the_name_comparator():
    """One character off in a scanned copy asks for a manual check where the rule says so."""
    from audit.model import LineSource

    rule = RULES["EVI002"]
    assert rule.params["compare"] == "name" and rule.params["ocr_near_miss"] == "review"
    case = case_from_example({"documents": [
        {"type": "decision", "text": "当事人：杭州西湖某某口腔诊所"},
        {"type": "advance_notice", "text": "当事人：杭州西湖某某口腔诊斩"},
    ]})
    for line in case.pages[1].lines:
        line.source = LineSource.OCR
    fn = KINDS[rule.kind].fn
    assert fn(case, rule.params).status.value == "needs_review"
    strict = {k: v for k, v in rule.params.items() if k != "ocr_near_miss"}
    assert fn(case, strict).status.value == "fail"
    # a text layer is read as written: the same miss fails even with the parameter
    for line in case.pages[1].lines:
        line.source = LineSource.TEXT_LAYER
    assert fn(case, rule.params).status.value == "fail"


def test_the_enforcement_window_words_the_months_it_is_given():
    rule = RULES["PRO041"]
    case = _example("PRO041", "fail")
    fn = KINDS[rule.kind].fn
    assert "晚于期限届满后三个月（2024年3月7日）" in fn(case, rule.params).values["problem"]
    assert "晚于期限届满后两个月（2024年2月7日）" in fn(case, rule.params | {"apply_months": 2}).values["problem"]


def test_the_words_of_a_manual_check_on_a_different_address_come_from_the_rule():
    rule = RULES["FAC003"]
    case = _example("FAC003", "needs_review")
    fn = KINDS[rule.kind].fn
    assert "（可能是注册地址与经营地址之别，请人工核实）" in fn(case, rule.params).note
    plain = {k: v for k, v in rule.params.items() if k != "review_note"}
    assert fn(case, plain).note.endswith("（请人工核实）")
