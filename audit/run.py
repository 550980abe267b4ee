"""Batch execution: every case in a folder, each isolated, outputs written atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.contract import to_contract
from audit.errors import AuditError
from audit.ingest import supported
from audit.model import Status, to_dict
from audit.privacy import mask


@dataclass(slots=True)
class CaseResult:
    case_id: str
    source: str
    counts: dict[str, int] = field(default_factory=dict)
    score: float | None = None
    grade: str | None = None
    error: str | None = None


@dataclass(slots=True)
class BatchSummary:
    output: Path
    results: list[CaseResult] = field(default_factory=list)

    def text(self) -> str:
        lines = [f"共 {len(self.results)} 个案卷，报告已写入 {self.output}"]
        for r in self.results:
            if r.error:
                lines.append(f"  ✗ {r.case_id}：无法审查 — {r.error}")
            else:
                lines.append(
                    f"  {r.case_id}：{r.score:g} 分（{r.grade}），不符合 {r.counts.get('fail', 0)} 条，"
                    f"待人工核查 {r.counts.get('needs_review', 0)} 条，符合 {r.counts.get('pass', 0)} 条"
                )
        return "\n".join(lines)


def find_cases(folder: Path) -> list[Path]:
    """Sub-folders and supported files directly under ``folder``, each one case."""
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    return [p for p in entries if p.is_dir() or (p.is_file() and supported(p))]


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename (never a half file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def content_hash(source: Path) -> str:
    """SHA-256 over the bytes of a case's input files (names included for folders)."""
    digest = hashlib.sha256()
    files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
    for path in files:
        if source.is_dir():
            digest.update(str(path.relative_to(source)).encode("utf-8"))
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def write_case_outputs(target: Path, result_, masked: bool, rule_set: str, profile: str, record: dict) -> None:
    """Everything a reader gets for one case: JSON, text, HTML report, DOCX notice."""
    from audit.report.html import render_html
    from audit.report.notice import write_notice
    from audit.report.text import findings_text

    protect = mask if masked else (lambda x: x)
    case, findings = result_.case, result_.findings
    write_atomic(target / "extraction.json", _dump(protect(to_contract(case))))
    write_atomic(target / "findings.json", _dump(protect([to_dict(f) for f in findings])))
    write_atomic(target / "score.json", _dump(to_dict(result_.score)))
    write_atomic(target / "record.json", _dump(protect(record)))
    write_atomic(target / "report.txt", protect(findings_text(case, findings, result_.score)) + "\n")
    write_atomic(target / "report.html", render_html(case, findings, result_.score, masked, rule_set, profile))
    tmp = target / ".notice.docx.tmp"
    write_notice(case, findings, tmp, masked=masked)
    os.replace(tmp, target / "notice.docx")


def run_batch(folder: Path, out: Path, select=None, ignore=None, profile: str = "national-default",
              standard: str | None = None, masked: bool = True, history: Path | None = None) -> BatchSummary:
    """Audit every case under ``folder``; write per-case outputs, the workbook and the run
    manifest under ``out``, and record the run in the history database."""
    from audit.pipeline import audit_case
    from audit.report.records import case_record, rule_set_version
    from audit.report.workbook import write_workbook

    started = dt.datetime.now().isoformat(timespec="seconds")
    rule_set = rule_set_version()
    summary = BatchSummary(out)
    records: list[dict] = []
    for source in find_cases(folder):
        result = CaseResult(case_id=source.stem if source.is_file() else source.name, source=str(source))
        target = out / result.case_id
        try:
            result_ = audit_case(source, select, ignore, profile, standard)
            findings = result_.findings
            record = case_record(result_.case, findings, result_.score, content_hash(source))
            write_case_outputs(target, result_, masked, rule_set, profile, record)
        except AuditError as exc:
            result.error = f"{exc.zh} / {exc.en}"
        except Exception as exc:  # one bad file must never stop the batch
            result.error = f"处理时发生意外错误 / unexpected error: {type(exc).__name__}: {exc}"
        else:
            result.counts = {s.value: sum(1 for f in findings if f.status is s) for s in Status}
            result.score, result.grade = result_.score.total, result_.score.grade
            records.append(record)
        summary.results.append(result)
    errors = [{"case_id": r.case_id, "error": r.error} for r in summary.results if r.error]
    write_workbook(records, errors, out / ".workbook.xlsx.tmp")
    os.replace(out / ".workbook.xlsx.tmp", out / "workbook.xlsx")
    run = {
        "run_id": f"{out.name}-{started}",
        "started": started,
        "finished": dt.datetime.now().isoformat(timespec="seconds"),
        "rule_set_version": rule_set,
        "profile": profile,
        "standard": standard or "",
        "source": str(folder),
        "cases": [r.case_id for r in summary.results],
    }
    write_atomic(out / "run.json", _dump(run))
    write_atomic(out / "summary.json", _dump([to_dict(r) for r in summary.results]))
    write_atomic(out / "summary.txt", summary.text() + "\n")
    _record_history(history, run, [mask(r) if masked else r for r in records])
    return summary


def _record_history(history: Path | None, run: dict, records: list[dict]) -> None:
    """Add the run to the SQLite history (trends across batches); optional until it exists."""
    try:
        from audit import store
    except ImportError:
        return
    store.record_run(history or store.default_db_path(), run, records)
