"""Everything a reader gets for one audited case, from one writer table (file name → writer):
the batch and ``audit check -o`` write the same files. Each file is written atomically."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit.atomic import write_atomic
from audit.contract import to_contract
from audit.model import to_dict
from audit.privacy import mask
from audit.report.jsontext import dumps


@dataclass(slots=True)
class CaseOutput:
    """What the writers draw on: the audit (case, findings, score) and how to show it."""

    audit: Any  # audit.pipeline.CaseAudit
    masked: bool
    rule_set: str
    profile: str
    record: dict
    _pages: Any = None  # audit.report.crops.PageImages, made on first use

    def protect(self, data: Any) -> Any:
        return mask(data) if self.masked else data

    def pages(self):
        """The case's page images for the crops, one for every writer (source files hashed once)."""
        if self._pages is None:
            from audit.report.crops import PageImages

            self._pages = PageImages(self.audit.case, masked=self.masked)
        return self._pages


def dump(data: Any) -> str:
    return dumps(data) + "\n"  # json.dumps(data, ensure_ascii=False, indent=2), faster


def _report_txt(o: CaseOutput, path: Path) -> None:
    from audit.report.text import findings_text

    write_atomic(path, o.protect(findings_text(o.audit.case, o.audit.findings, o.audit.score)) + "\n")


def _report_html(o: CaseOutput, path: Path) -> None:
    from audit.report.html import render_html

    write_atomic(path, render_html(o.audit.case, o.audit.findings, o.audit.score, o.masked, o.rule_set, o.profile,
                                   pages=o.pages()))


def _notice(o: CaseOutput, path: Path) -> None:
    from audit.report.notice import write_notice

    write_notice(o.audit.case, o.audit.findings, path, masked=o.masked)
    # its PDF is made for the whole batch at the end, for changed notices only (audit.batch.notices)


def _crops(o: CaseOutput, folder: Path) -> None:
    """``crops/<rule>.jpg``: where each defect or manual check was found (its first evidence
    with a picture), for the 典型问题汇编 (``audit stats --casebook``)."""
    import base64

    from audit.model import Status
    from audit.report.places import crop_field

    images = o.pages()
    for f in o.audit.findings:
        if f.status not in (Status.FAIL, Status.NEEDS_REVIEW) or f.waiver:
            continue
        for e in f.evidence:
            target = crop_field(o.audit.case, f, e)
            uri = images.crop(target.page, target.box) if target else None
            if uri:
                write_atomic(folder / f"{f.rule}.jpg", base64.b64decode(uri.split(",", 1)[1]))
                break


Writer = Callable[[CaseOutput, Path], None]
WRITERS: dict[str, Writer] = {
    "extraction.json": lambda o, p: write_atomic(p, dump(o.protect(to_contract(o.audit.case)))),
    "findings.json": lambda o, p: write_atomic(p, dump(o.protect([to_dict(f) for f in o.audit.findings]))),
    "score.json": lambda o, p: write_atomic(p, dump(to_dict(o.audit.score))),
    "record.json": lambda o, p: write_atomic(p, dump(o.protect(o.record))),
    "report.txt": _report_txt,
    "report.html": _report_html,
    "notice.docx": _notice,
    "crops": _crops,
}


def write_case_outputs(target: Path, audit, masked: bool, rule_set: str, profile: str, record: dict) -> list[Path]:
    """Write every per-case file under ``target``; return their paths."""
    output = CaseOutput(audit, masked, rule_set, profile, record)
    paths = []
    for name, writer in WRITERS.items():
        writer(output, target / name)
        paths.append(target / name)
    return paths
