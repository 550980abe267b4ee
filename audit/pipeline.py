"""The flow as plain functions: source → pages → documents → case → findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from audit.checks import load_rules, run_checks, select_rules
from audit.checks.profile import DEFAULT_PROFILE, load_profile, profile_selection
from audit.model import Case, Finding, Score
from audit.score import load_standard, score
from audit.waivers import apply_waivers, read_waivers

if TYPE_CHECKING:
    from audit.ocr.options import OcrOptions

# progress(pages_done, pages_total, stage) while a case is read
Progress = Callable[[int, int, str], None]


def case_id_for(path: Path) -> str:
    path = Path(path)
    return path.name if path.is_dir() else path.stem


def read_case(path: Path, ocr: OcrOptions | None = None, progress: Progress | None = None,
              overrides: bool = True) -> Case:
    """Ingest, OCR where needed, segment and extract one case (a file or a folder).

    Pages without a usable text layer are read by the OCR engine (``ocr``; default: the
    settings' engine, see :func:`audit.config.ocr_options`); every page with an image is also
    checked for red seals and signature ink. ``OcrOptions(engine="none")`` leaves scanned
    pages unread (the case then carries a warning and its rules answer "needs manual check").
    ``overrides=False`` gives the case as read, without the override file's corrections
    (what the case cache stores).
    """
    # the readers are imported here, not with the module: a case taken from the case cache
    # (audit check, a re-audit) is checked without importing them (PDF, Word, image libraries)
    from audit.ingest import load_pages
    from audit.overrides import apply_overrides
    from audit.parse.consolidate import consolidate
    from audit.parse.extract import extract_documents
    from audit.parse.segment import segment, split_text_pages

    path = Path(path)
    pages, warnings = load_pages(path)
    if progress:
        progress(0, len(pages), "read")
    case_root = path if path.is_dir() else path.parent
    _run_ocr(pages, case_root, ocr, progress)
    pages = split_text_pages(pages)
    case = Case(case_id=case_id_for(path), source=str(path), pages=pages, warnings=warnings)
    unread = [p.number for p in pages if p.needs_ocr]
    if unread:
        case.warnings.append(
            f"第 {_ranges(unread)} 页未能识别出文字，相关内容需人工核查 / "
            f"pages {_ranges(unread)} could not be read and need a manual check"
        )
    case.documents = segment(pages)
    extract_documents(case)
    consolidate(case)
    if overrides:  # hand corrections saved beside the case (audit serve, reviewers)
        apply_overrides(case, path)
    if progress:
        progress(len(pages), len(pages), "extracted")
    return case


def _run_ocr(pages: list, root: Path, ocr: OcrOptions | None, progress: Progress | None) -> None:
    """The OCR stage in place: scanned pages read, seals found; nothing to do for text files."""
    from audit.ocr.raster import has_raster

    if not any(p.needs_ocr or has_raster(p.source_file) for p in pages):
        return  # .docx / .txt: no page image to read or to look for seals on
    from audit.config import ocr_options
    from audit.ocr.pages import ocr_pages

    options = ocr if ocr is not None else ocr_options()
    if options.engine == "none":
        return
    ocr_pages(pages, root, options, progress=progress)  # a page it could not read keeps needs_ocr


def check_case(
    case: Case,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    profile: str = DEFAULT_PROFILE,
) -> list[Finding]:
    """Run the selected rules over an extracted case, then apply the case's waivers.

    The profile's own ``select`` / ``ignore`` keys join the caller's (the caller's
    ``select`` replaces the profile's; the ``ignore`` lists add up).
    """
    select, ignore = profile_selection(profile, select, ignore)
    findings = run_checks(case, select_rules(load_rules(), select, ignore), load_profile(profile))
    waivers, problem = read_waivers(Path(case.source))
    if problem and problem not in case.warnings:
        case.warnings.append(problem)  # audited without the waivers; the line says why
    return apply_waivers(findings, waivers)


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
    """Read, check and score one case; an input with no penalty case document is refused
    (:class:`audit.errors.InputError`, no score)."""
    from audit.parse.recognise import require_case_file

    case = read_case(path)
    require_case_file(case)
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
