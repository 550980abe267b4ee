"""The 规则统计 sheet counted in plain Python gives pandas groupby's table, row for row."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.report.workbook import _findings_frame, _rules_frame, _rules_frame_grouped

FINDING = st.fixed_dictionaries({
    "rule": st.sampled_from(["DOC001", "PRO005", "LAW008", "AUT001"]),
    "title": st.sampled_from(["立案审批", "送达", None]),
    "dimension": st.sampled_from(["程序合法", "法律适用", None]),
    "status": st.sampled_from(["fail", "needs_review", "pass"]),
    "severity": st.just("major"), "points": st.just(2.0), "document": st.just(None), "page": st.just(None),
    "observed": st.just(""), "basis": st.just(""), "fix": st.just(""), "waived": st.booleans(),
})
RECORD = st.builds(lambda case_id, findings: {"case_id": case_id, "case_number": None, "agency": None,
                                              "findings": findings},
                   st.sampled_from(["a", "b", "c", "d"]), st.lists(FINDING, max_size=8))


@settings(max_examples=60, deadline=None)
@given(st.lists(RECORD, max_size=5))
def test_rules_table_equals_the_groupby_table(records):
    findings = _findings_frame(records)
    if findings.empty:
        return
    try:
        theirs = _rules_frame_grouped(findings, max(len(records), 1))
    except ValueError:  # every key missing: pandas cannot build the table (nor can we, the same way)
        with pytest.raises(ValueError):
            _rules_frame(records, findings)
        return
    ours = _rules_frame(records, findings)
    if theirs.empty:
        assert ours.empty
        return
    pd.testing.assert_frame_equal(ours, theirs)
