import pytest

from audit.model import Finding, Severity, Status
from audit.score import load_standard, score


def f(rule, dimension, points, status=Status.FAIL, severity=Severity.MAJOR, waiver=None):
    return Finding(rule, rule, dimension, severity, status, points=points, waiver=waiver)


def test_clean_file_scores_full_marks_and_top_grade():
    s = score([f("PRO001", "程序合法", 5, Status.PASS)])
    assert s.total == 100 and s.grade == "优秀" and not s.vetoed


def test_deductions_capped_per_section_and_needs_review_never_deducts():
    findings = [
        f("AUT001", "执法主体", 10), f("AUT002", "执法主体", 3),  # cap 10: only 10 lost
        f("DOC002", "文书规范", 3),
        f("PRO004", "程序合法", 3, Status.NEEDS_REVIEW),
    ]
    s = score(findings)
    assert s.by_dimension["执法主体"] == 0 and s.by_dimension["文书规范"] == 7
    assert s.total == 87 and s.grade == "良好"
    assert s.deductions == {"AUT001": 10, "AUT002": 0, "DOC002": 3}
    assert s.needs_review_points == 3


def test_veto_fails_the_file_whatever_the_points():
    s = score([f("PRO005", "程序合法", 10, severity=Severity.VETO)])
    assert s.total == 90 and s.vetoed and s.grade == "不合格"


def test_waived_findings_do_not_count():
    s = score([f("DOC003", "文书规范", 1, waiver={"reason": "历史文号", "who": "张三", "date": "2026-11-01"})])
    assert s.total == 100


@pytest.mark.parametrize("vetoed", [False, True])
def test_legality_form_shape(vetoed):
    standard = load_standard("legality-form-50-50")
    findings = [f("DOC002", "文书规范", 3)]
    if vetoed:
        findings.append(f("PRO005", "程序合法", 10, severity=Severity.VETO))
    s = score(findings, standard)
    assert s.by_dimension == {"合法性": 50.0 if not vetoed else 0.0, "规范性": 47.0}
    assert s.total == (97 if not vetoed else 47)
    assert s.grade == ("优秀" if not vetoed else "不合格")
