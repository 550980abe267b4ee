"""The officer's self-check: the precise rules only, what to fix first, in plain words.

The rule choice and the wording are data (``checklists/profiles/self-check.yaml``); this
module orders the findings and renders them for the terminal (``audit check --self``). The
web page (``audit serve``) uses the same ordering and labels.
"""

from __future__ import annotations

from typing import Any

from audit import labels
from audit.model import Case, Finding, Score, Severity, Status

SELF_CHECK_PROFILE = "self-check"
STATUS_RANK = {Status.FAIL: 0, Status.NEEDS_REVIEW: 1, Status.ERROR: 2}
SEVERITY_RANK = {Severity.VETO: 0, Severity.MAJOR: 1, Severity.MINOR: 2, Severity.ADVICE: 3}
SEVERITY_LABELS = {s: labels.severity(s) for s in Severity}
DEFAULT_WORDING: dict[str, Any] = {
    "show_score": False,
    "labels": {"fail": "需要修改", "needs_review": "请核对", "error": "未能检查"},
    "headings": {"fail": "需要修改的问题", "needs_review": "请自行核对的事项", "error": "未能完成的检查"},
    "none": "未发现需要修改的问题。",
    "closing": "",
}


def wording() -> dict[str, Any]:
    """The self-check's labels and headings (from the self-check profile)."""
    from audit.checks.profile import load_profile

    data = load_profile(SELF_CHECK_PROFILE).get("self_check") or {}
    return {**DEFAULT_WORDING, **data}


def self_check_selection(profile: str | None, select: list[str] | None, ignore: list[str] | None,
                         ) -> tuple[str, list[str] | None, list[str] | None]:
    """Profile name and rule selection of a self-check: the self-check's rules, with the
    thresholds of ``profile`` when one is given (a province's), else the self-check's own. The
    chosen profile's own selection is joined once, by :func:`audit.pipeline.check_case`."""
    from audit.checks.profile import profile_selection

    select, ignore = profile_selection(SELF_CHECK_PROFILE, select, ignore)
    return profile or SELF_CHECK_PROFILE, select, ignore


def fix_order(findings: list[Finding]) -> list[Finding]:
    """The findings an officer acts on, what to fix first first: defects before manual
    checks, veto before major before minor, then by page. Waived findings are left out."""
    todo = [f for f in findings if f.status in STATUS_RANK and not f.waiver]
    return sorted(todo, key=lambda f: (STATUS_RANK[f.status], SEVERITY_RANK[f.severity], _first_page(f), f.rule))


def _first_page(f: Finding) -> int:
    pages = [e.page for e in f.evidence if e.page]
    return min(pages) if pages else 10_000


def places(case: Case, f: Finding) -> list[str]:
    """Where a finding points, as 文书名 第N页, each place once."""
    from audit.parse.segment import type_names

    names = type_names()
    out = []
    for e in f.evidence:
        doc = case.document(e.document) if e.document else None
        if doc is not None and e.page:
            out.append(f"{names.get(doc.type, doc.type)}第{e.page}页")
        elif e.page:
            out.append(f"第{e.page}页")
    return list(dict.fromkeys(out))


def self_check_text(case: Case, findings: list[Finding], score: Score | None = None) -> str:
    """The self-check for the terminal: what to fix, where, why and how, in order."""
    from audit.report.text import cite, score_line

    words = wording()
    todo = fix_order(findings)
    counts = {s: sum(1 for f in todo if f.status is s) for s in STATUS_RANK}
    number = case.case_number.value if case.case_number else "（未识别）"
    party = case.party.name.value if case.party.name else "（未识别）"
    out = [
        f"案卷自查：{case.case_id}（{case.source}）",
        f"文号：{number}　当事人：{party}　共 {len(case.pages)} 页、{len(case.documents)} 份文书",
    ]
    out += [f"提示：{w}" for w in case.warnings]
    if score is not None:
        out.append(score_line(score))
    summary = f"{words['labels']['fail']} {counts[Status.FAIL]} 处，{words['labels']['needs_review']} {counts[Status.NEEDS_REVIEW]} 处"
    if counts[Status.ERROR]:
        summary += f"，{words['labels']['error']} {counts[Status.ERROR]} 处"
    out += ["", summary + "。"]
    if not counts[Status.FAIL]:
        out.append(words["none"])
    for status in STATUS_RANK:
        group = [f for f in todo if f.status is status]
        if not group:
            continue
        out += ["", f"【{words['headings'][status.value]}】"]
        for i, f in enumerate(group, start=1):
            tag = f"【{SEVERITY_LABELS[f.severity]}】" if status is Status.FAIL and f.severity is not Severity.MINOR else ""
            out.append(f"{i}. {tag}{f.title}")
            where = places(case, f)
            if where:
                out.append(f"   位置：{'、'.join(where)}")
            quoted = [e.raw.replace("\n", "") for e in f.evidence[:2] if e.raw]
            if quoted:
                out.append("   原文：" + "；".join(f"“{q}”" for q in quoted))
            out.append(f"   {'问题' if status is Status.FAIL else '情况'}：{f.observed}")
            if f.expected:
                out.append(f"   应当：{f.expected}")
            if f.fix and status is Status.FAIL:
                out.append(f"   怎么改：{f.fix}")
            if f.basis:
                out.append("   依据：" + "；".join(cite(b.instrument, b.article) for b in f.basis))
    passed = sum(1 for f in findings if f.status is Status.PASS)
    out += ["", f"另有 {passed} 项检查未发现问题。"]
    if words.get("closing"):
        out.append(words["closing"])
    return "\n".join(out)
