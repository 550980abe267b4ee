"""Score the toolkit against cases whose truth is known (the work of ``audit eval``).

For every case folder under the given directory (a folder with ``truth.json``), each
rendering present is read through the public pipeline (``audit.pipeline.read_case`` then
``audit.contract.to_contract`` for the fields, ``audit.pipeline.check_case`` for the findings)
and compared with the truth. Renderings: ``text`` (text.pdf, or case.pdf for the hand-made
samples), ``scanned`` (scanned.pdf, image only) and ``images`` (pages/, one image per page).

The JSON keeps stable key names (see :func:`evaluate`); the counting rules are in
:mod:`audit.eval.score`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from audit.eval.discover import CaseDir, find_cases
from audit.eval.score import DefectStats, FieldStats, Outcome, ratio
from audit.eval.truth import flatten, is_corpus_truth
from audit.model import Status

RENDERINGS = ("text", "scanned", "images", "docx", "web")
BASE_RENDERINGS = ("text", "scanned", "images")  # always listed in by_rendering (the corpus renderings)
EVAL_VERSION = "1"


def _detects() -> dict[str, tuple[str, ...]]:
    from audit.checks import load_rules

    return {r.code: tuple(r.detects) for r in load_rules()}


def _catalogue() -> list[str]:
    import yaml

    from audit.checklists import checklists_dir

    path = checklists_dir() / "defects.yaml"
    if not path.exists():
        return []
    return [t["type"] for t in yaml.safe_load(path.read_text(encoding="utf-8")).get("types", [])]


def _template(case: CaseDir) -> str:
    gen = case.truth.get("generator") or {}
    return gen.get("template") or ("hand-made" if not is_corpus_truth(case.truth) else "unknown")


def _run(path: Path) -> tuple[dict[str, Any] | None, Outcome | None, dict[str, Any]]:
    """Read and check one rendering; never raises (errors are reported)."""
    from audit.contract import to_contract
    from audit.pipeline import check_case, read_case

    info: dict[str, Any] = {}
    started = time.perf_counter()
    try:
        case = read_case(path)
        contract = to_contract(case)
        info["pages"] = len(case.pages)
        info["pages_without_text"] = sum(1 for p in case.pages if p.needs_ocr)
        findings = check_case(case)
    except Exception as exc:  # a broken case must not stop the evaluation
        info["error"] = f"{type(exc).__name__}: {exc}"
        info["seconds"] = round(time.perf_counter() - started, 3)
        return None, None, info
    info["seconds"] = round(time.perf_counter() - started, 3)
    outcome = Outcome(
        fails={f.rule for f in findings if f.status is Status.FAIL},
        reviews={f.rule for f in findings if f.status is Status.NEEDS_REVIEW},
        errors={f.rule for f in findings if f.status is Status.ERROR},
    )
    return contract, outcome, info


def evaluate(root: Path, renderings: Iterable[str] = RENDERINGS,
             progress: Callable[[str, str, dict], None] | None = None) -> dict[str, Any]:
    """Evaluate every case under ``root``; the report as a JSON-ready dict.

    Keys: ``cases``; ``fields`` {``accuracy``, ``by_field``, ``by_rendering`` {``text``,
    ``scanned``, ``images``}, ``by_document``, ``by_template``, ``evaluated``, ``spurious``,
    ``provenance``}; ``defects`` {``precision``, ``recall``, ``recall_all``, ``injected``,
    ``by_type`` {type: {``tp``, ``fp``, ``fn``, ``needs_review``, ``injected``, ``rules``}},
    ``by_rendering``}; ``rules`` {code: {``detects``, ``tp``, ``fp``, ``fn``, ``needs_review``,
    ``precision``, ``recall``}}; ``clean_cases``; ``clean_cases_with_fail``; ``notes``;
    ``errors``; details (``field_misses``, ``missed_defects``, ``false_alarms``, ``clean_fails``).
    """
    wanted = [r for r in RENDERINGS if r in set(renderings)]
    cases = find_cases(root)
    detects = _detects()
    fields = {r: FieldStats() for r in wanted}
    defects = {r: DefectStats() for r in wanted}
    counts = {r: 0 for r in wanted}
    unread_pages = {r: 0 for r in wanted}
    total_pages = {r: 0 for r in wanted}
    seconds = {r: 0.0 for r in wanted}
    errors: list[dict[str, str]] = []
    clean_fails: dict[str, dict[str, dict]] = {r: {} for r in wanted}  # rendering -> template -> tally
    for case in cases:
        expected = flatten(case.truth, truth=True)
        injected = case.truth.get("defects") or []
        for rendering in wanted:
            path = case.renderings.get(rendering)
            if path is None:
                continue
            contract, outcome, info = _run(path)
            if progress:
                progress(case.case_id, rendering, info)
            counts[rendering] += 1
            seconds[rendering] += info.get("seconds", 0.0)
            if contract is None:
                errors.append({"case": case.case_id, "rendering": rendering, "error": info["error"]})
                contract, outcome = {}, Outcome(set(), set(), set())
            total_pages[rendering] += info.get("pages", 0)
            unread_pages[rendering] += info.get("pages_without_text", 0)
            fields[rendering].add_case(case.case_id, _template(case), expected, flatten(contract, truth=False))
            defects[rendering].add_case(case.case_id, injected, outcome, detects)
            if not injected:
                _tally_clean(clean_fails[rendering], _template(case), case.case_id, outcome)
            for code in sorted(outcome.errors):
                errors.append({"case": case.case_id, "rendering": rendering, "error": f"rule {code} answered error"})
    report = _report(cases, wanted, counts, fields, defects, detects, unread_pages, total_pages, seconds, errors)
    report["false_alarms_by_template"] = {r: dict(sorted(clean_fails[r].items())) for r in wanted if counts[r]}
    return report


def _tally_clean(by_template: dict[str, dict], template: str, case_id: str, outcome: Outcome) -> None:
    """False alarms on clean files (every ``fail`` there is one), per template family."""
    entry = by_template.setdefault(template, {"clean_files": 0, "files_with_fail": 0, "fails": 0, "by_rule": {},
                                              "files": {}})
    entry["clean_files"] += 1
    entry["files_with_fail"] += bool(outcome.fails)
    entry["fails"] += len(outcome.fails)
    for code in sorted(outcome.fails):
        entry["by_rule"][code] = entry["by_rule"].get(code, 0) + 1
    entry["files"][case_id] = sorted(outcome.fails)


def _report(cases, wanted, counts, fields, defects, detects, unread_pages, total_pages, seconds, errors) -> dict:
    # the headline figures are those of the text layer; of the first rendering present otherwise
    main = next((r for r in wanted if counts[r]), wanted[0] if wanted else "text")
    fs = fields.get(main) or FieldStats()
    ds = defects.get(main) or DefectStats()
    catalogue = _catalogue()
    rule_types = {t for types in detects.values() for t in types}
    all_types = sorted(set(catalogue) | set(ds.by_type) | rule_types)
    by_type = {}
    for t in all_types:
        entry = ds.by_type.get(t, {})
        by_type[t] = {"injected": entry.get("injected", 0), "tp": entry.get("tp", 0), "fp": entry.get("fp", 0),
                      "fn": entry.get("fn", 0), "needs_review": entry.get("needs_review", 0),
                      "rules": sorted(code for code, types in detects.items() if t in types)}
    rules = {}
    for code, types in sorted(detects.items()):
        st = ds.by_rule.get(code, {})
        tp, fp, fn = st.get("tp", 0), st.get("fp", 0), st.get("fn", 0)
        rules[code] = {"detects": list(types), "tp": tp, "fp": fp, "fn": fn, "needs_review": st.get("needs_review", 0),
                       "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn + st.get("needs_review_on_defect", 0))
                       if types else None}
    notes = []
    for r in wanted:
        if counts[r] and total_pages[r] and unread_pages[r] == total_pages[r]:
            notes.append(f"{r}: 全部 {total_pages[r]} 页均未能识别出文字（OCR 引擎未运行或已关闭），字段准确率接近 0 / "
                         f"no page of the {r} renderings could be read (OCR engine off or unavailable), "
                         "so field accuracy is near 0")
        elif counts[r] and unread_pages[r]:
            notes.append(f"{r}: {unread_pages[r]}/{total_pages[r]} 页未能识别出文字 / pages that could not be read")
    return {
        "eval_version": EVAL_VERSION,
        "cases": len(cases),
        "renderings": {r: counts[r] for r in wanted if counts[r] or r in BASE_RENDERINGS},
        "headline_rendering": main,
        "fields": {
            "accuracy": fs.overall.accuracy,
            "evaluated": fs.overall.total,
            "spurious": fs.overall.spurious,
            "provenance": ratio(fs.overall.located, fs.overall.comparable),
            "by_field": {k: v.accuracy for k, v in sorted(fs.by_field.items())},
            "by_rendering": {r: (fields[r].overall.accuracy if counts[r] else None) for r in RENDERINGS
                             if r in fields and (counts[r] or r in BASE_RENDERINGS)}
            | {r: None for r in ("text", "scanned") if r not in fields},
            "by_document": {k: v.accuracy for k, v in sorted(fs.by_document.items())},
            "by_template": {k: v.accuracy for k, v in sorted(fs.by_template.items())},
            "by_rendering_field": {r: {k: v.accuracy for k, v in sorted(fields[r].by_field.items())}
                                   for r in wanted if counts[r]},
        },
        "defects": {
            "precision": ds.precision,
            "recall": ds.recall,
            "recall_all": ds.recall_all,
            "injected": ds.injected,
            "detectable": ds.detectable,
            "tp": ds.tp,
            "fails": ds.fails,
            "by_type": by_type,
            "types_without_rule": sorted(t for t in all_types if not by_type[t]["rules"]),
            "by_rendering": {r: {"precision": defects[r].precision, "recall": defects[r].recall,
                                 "clean_cases_with_fail": defects[r].clean_with_fail}
                             for r in wanted if counts[r]},
        },
        "rules": rules,
        "clean_cases": ds.clean_cases,
        "clean_cases_with_fail": ds.clean_with_fail,
        "seconds": {r: round(seconds[r], 2) for r in wanted if counts[r] or r in BASE_RENDERINGS},
        "notes": notes,
        "errors": errors,
        "field_misses": fs.misses,
        "missed_defects": ds.missed,
        "false_alarms": ds.false_alarms,
        "clean_fails": ds.clean_fails,
    }
