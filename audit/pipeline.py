"""The flow as plain functions: source → pages → documents → case → findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audit.checks import load_rules, run_checks, select_rules
from audit.checks.profile import DEFAULT_PROFILE, load_profile
from audit.ingest import load_pages
from audit.model import Case, Finding, Score
from audit.parse.consolidate import consolidate
from audit.parse.extract import extract_documents
from audit.parse.segment import segment, split_text_pages
from audit.score import load_standard, score
from audit.waivers import apply_waivers, load_waivers


def case_id_for(path: Path) -> str:
    path = Path(path)
    return path.name if path.is_dir() else path.stem


def read_case(path: Path) -> Case:
    """Ingest, segment and extract one case (a file or a folder)."""
    path = Path(path)
    pages, warnings = load_pages(path)
    pages = split_text_pages(pages)
    case = Case(case_id=case_id_for(path), source=str(path), pages=pages, warnings=warnings)
    unread = [p.number for p in pages if p.needs_ocr]
    if unread:
        case.warnings.append(
            f"第 {_ranges(unread)} 页无可用文字层，需经 OCR 识别后方能审查 / "
            f"pages {_ranges(unread)} have no usable text layer and need OCR"
        )
    case.documents = segment(pages)
    extract_documents(case)
    consolidate(case)
    return case


def check_case(
    case: Case,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    profile: str = DEFAULT_PROFILE,
) -> list[Finding]:
    """Run the selected rules over an extracted case, then apply the case's waivers."""
    findings = run_checks(case, select_rules(load_rules(), select, ignore), load_profile(profile))
    return apply_waivers(findings, load_waivers(Path(case.source)))


@dataclass(slots=True)
class CaseAudit:
    case: Case
    findings: list[Finding]
    score: Score


def audit_case(
    path: Path,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    profile: str = DEFAULT_PROFILE,
    standard: str | None = None,
) -> CaseAudit:
    """Read, check and score one case."""
    case = read_case(path)
    findings = check_case(case, select, ignore, profile)
    chosen = standard or load_profile(profile).get("scoring_standard")
    return CaseAudit(case, findings, score(findings, load_standard(chosen) if chosen else None))


def _ranges(numbers: list[int]) -> str:
    out, start, prev = [], numbers[0], numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return "、".join(out)
