"""The counting rules of ``audit eval``: fields, defects per type and per rule."""

from audit.eval.score import DefectStats, FieldStats, FieldTally, Outcome
from audit.eval.truth import Value, flatten

DETECTS = {"R1": ("party_name_mismatch",), "R2": ("credit_code_check_digit", "id_number_check_digit"),
           "R3": ("late_service",), "R4": ()}


def test_field_tally_counts_only_stated_fields():
    t = FieldTally()
    assert t.add(Value("a", "decision"), Value("a", "decision"))
    assert not t.add(Value("b"), Value("c"))
    assert t.add(Value(None), None)  # not stated, not read: not scored
    t.add(Value(None), Value("x"))  # not stated, read anyway: spurious
    assert (t.correct, t.total, t.spurious, t.located, t.comparable) == (1, 2, 1, 1, 1)
    assert t.accuracy == 0.5


def test_flatten_corpus_and_plain_truth_alike():
    corpus = {"case_number": {"value": "杭西卫医罚〔2023〕12号", "raw": "x", "document": "decision", "page": 3},
              "party": {"name": {"value": "某诊所", "document": "decision", "page": 3}, "credit_code": None},
              "fine_total": {"value": 8000, "document": "decision", "page": 4},
              "penalties": [{"kind": {"value": "罚款", "document": "decision"}, "amount": {"value": 8000.0}}]}
    plain = {"case_number": "杭西卫医罚〔2023〕12号", "party": {"name": "某诊所", "credit_code": None},
             "fine_total": 8000.0, "penalties": [{"kind": "罚款", "amount": 8000}]}
    a, b = flatten(corpus, truth=True), flatten(plain, truth=True)
    assert {k: v.value for k, v in a.items()} == {k: v.value for k, v in b.items()}
    assert a["case_number"].document == "decision" and b["case_number"].document is None
    assert "party.address" not in a  # not stated by the truth: not scored
    assert a["party.credit_code"].value is None


def test_detected_missed_review_and_false_alarm():
    stats = DefectStats()
    defects = [{"type": "party_name_mismatch", "page": 3}, {"type": "late_service", "page": 9},
               {"type": "id_number_check_digit", "page": 5}, {"type": "facts_contradict", "page": 7}]
    stats.add_case("c1", defects, Outcome(fails={"R1", "R4"}, reviews={"R3"}, errors=set()), DETECTS)
    stats.add_case("c2", [], Outcome(fails={"R2"}, reviews=set(), errors=set()), DETECTS)
    t = stats.by_type
    assert (t["party_name_mismatch"]["tp"], t["late_service"]["needs_review"], t["id_number_check_digit"]["fn"]) == (1, 1, 1)
    assert t["facts_contradict"]["fn"] == 1  # no rule detects it
    # R2 failed on a case without either of its types: one fp, charged to both types it declares
    assert t["credit_code_check_digit"]["fp"] == 1 and t["id_number_check_digit"]["fp"] == 1
    assert stats.by_rule["R1"]["tp"] == 1 and stats.by_rule["R2"]["fp"] == 1 and stats.by_rule["R2"]["fn"] == 1
    assert stats.by_rule["R3"]["needs_review"] == 1
    assert "R4" not in stats.by_rule  # rules that declare no defect type are not scored
    assert stats.precision == 0.5  # R1 explained, R2 not
    assert stats.recall == round(1 / 3, 4)  # 3 detectable defects, 1 found (needs_review is not found)
    assert stats.recall_all == 0.25
    assert (stats.clean_cases, stats.clean_with_fail) == (1, 1)


def test_field_stats_group_by_document_and_template():
    fs = FieldStats()
    expected = {"party.name": Value("某诊所", "decision", 3), "dates.filed": Value("2023-05-10", "filing_report", 2)}
    got = {"party.name": Value("某诊所", "decision"), "dates.filed": Value(None)}
    fs.add_case("c1", "jiangsu", expected, got)
    assert fs.overall.accuracy == 0.5
    assert fs.by_document["decision"].accuracy == 1.0 and fs.by_document["filing_report"].accuracy == 0.0
    assert fs.by_template["jiangsu"].accuracy == 0.5
    assert fs.misses == [{"case": "c1", "field": "dates.filed", "expected": "2023-05-10", "got": None,
                          "document": "filing_report", "page": 2}]
