"""The 典型问题汇编 (casebook) for trainers: each rule that found defects, with its basis,
what was found, how to fix it, and the cases that show it — a link to each case's report
at that finding, and the crop of the page where it was found. HTML, and DOCX for handouts."""

from __future__ import annotations

import html
import os
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from audit import labels
from audit.atomic import write_atomic, write_via
from audit.stats.dataset import Dataset, defects, latest_audits

CASES_PER_RULE = 6  # cases listed under a rule; the crops of the first few are shown
CROPS_PER_RULE = 3


def _case_folder(runs: dict[str, dict[str, Any]], record: dict[str, Any]) -> Path | None:
    output = (runs.get(record["run_id"]) or {}).get("output")
    folder = Path(output) / str(record["case_id"]) if output else None
    return folder if folder is not None and folder.is_dir() else None


def casebook_entries(data: Dataset) -> list[dict[str, Any]]:
    """Rules by the number of cases they found a defect in, each with its example cases."""
    runs = {r["run_id"]: r for r in data.runs}
    by_rule: dict[str, dict[str, Any]] = {}
    cases: dict[str, list[dict[str, Any]]] = defaultdict(list)
    records = latest_audits(data)
    for record in records:
        for f in {f["rule"]: f for f in defects(record)}.values():
            entry = by_rule.setdefault(f["rule"], {
                "rule": f["rule"], "title": f.get("title") or "", "dimension": f.get("dimension") or "",
                "severity": labels.severity(f.get("severity")), "basis": f.get("basis") or "",
                "fix": f.get("fix") or ""})
            folder = _case_folder(runs, record)
            crop = folder / "crops" / f"{f['rule']}.jpg" if folder else None
            cases[f["rule"]].append({
                "case_id": record["case_id"], "number": record.get("case_number") or "",
                "agency": record.get("agency") or "", "observed": f.get("observed") or "",
                "report": folder / "report.html" if folder and (folder / "report.html").is_file() else None,
                "crop": crop if crop is not None and crop.is_file() else None,
            })
            entry["count"] = len(cases[f["rule"]])
    total = len(records)
    out = sorted(by_rule.values(), key=lambda e: (-e["count"], e["rule"]))
    for entry in out:
        entry["share"] = entry["count"] / total if total else 0
        entry["cases"] = sorted(cases[entry["rule"]], key=lambda c: (c["crop"] is None, str(c["case_id"])))
    return out


def _link(target: Path, page: Path) -> str:
    return quote(os.path.relpath(target, page.parent).replace(os.sep, "/"))


def render_casebook_html(entries: list[dict[str, Any]], page: Path, title: str) -> str:
    e = html.escape
    parts = [f"<h1>{e(title)}</h1>",
             f'<p class="muted">共 {len(entries)} 类问题，按涉及案卷数排列。点击案卷可打开其评查报告中的该问题。</p>']
    for n, entry in enumerate(entries, start=1):
        parts.append(f'<section id="{e(entry["rule"])}"><h2>{n}. {e(entry["title"])}</h2>')
        parts.append(f'<p class="muted">{e(entry["dimension"])} · {e(entry["severity"])} · 涉及 {entry["count"]} 个案卷'
                     f'（{entry["share"] * 100:.0f}%） · 规则 {e(entry["rule"])}</p>')
        if entry["basis"]:
            parts.append(f"<p><b>依据：</b>{e(entry['basis'])}</p>")
        if entry["fix"]:
            parts.append(f"<p><b>整改要求：</b>{e(entry['fix'])}</p>")
        parts.append("<ul>")
        for i, case in enumerate(entry["cases"][:CASES_PER_RULE]):
            name = e(f"{case['case_id']}（{case['number']}）" if case["number"] else str(case["case_id"]))
            link = (f'<a href="{_link(case["report"], page)}#f-{quote(entry["rule"])}">{name}</a>'
                    if case["report"] else name)
            crop = (f'<br><img src="{_link(case["crop"], page)}" alt="{name} 原文位置">'
                    if case["crop"] and i < CROPS_PER_RULE else "")
            parts.append(f"<li>{link}：{e(case['observed'])}{crop}</li>")
        parts.append("</ul></section>")
    style = ("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:960px;margin:24px auto;"
             "padding:0 16px;line-height:1.6;color:#1d1d1f}h1{text-align:center}h2{font-size:17px;border-left:5px solid "
             "#a61b1b;padding-left:8px}.muted{color:#666;font-size:13px}img{max-width:460px;border:1px solid #ccc;"
             "margin:4px 0}li{margin:6px 0}")
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title)}</title>'
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>\n")


def write_casebook_docx(entries: list[dict[str, Any]], path: Path, title: str) -> Path:
    from docx import Document
    from docx.shared import Cm

    document = Document()
    document.add_heading(title, level=0)
    for n, entry in enumerate(entries, start=1):
        document.add_heading(f"{n}. {entry['title']}", level=1)
        document.add_paragraph(f"{entry['dimension']} · {entry['severity']} · 涉及 {entry['count']} 个案卷")
        if entry["basis"]:
            document.add_paragraph(f"依据：{entry['basis']}")
        if entry["fix"]:
            document.add_paragraph(f"整改要求：{entry['fix']}")
        for i, case in enumerate(entry["cases"][:CASES_PER_RULE]):
            label = f"{case['case_id']}（{case['number']}）" if case["number"] else str(case["case_id"])
            document.add_paragraph(f"{label}：{case['observed']}", style="List Bullet")
            if case["crop"] and i < CROPS_PER_RULE:
                document.add_picture(str(case["crop"]), width=Cm(12))
    return write_via(path, lambda tmp: document.save(str(tmp)))


def write_casebook(data: Dataset, results: Any, folder: Path) -> list[Path]:
    """Write 典型问题汇编.html and .docx under ``folder``; return their paths."""
    names = [r.get("name") for r in data.runs if r.get("name")]
    title = f"典型问题汇编（{'、'.join(names)}）" if names else "典型问题汇编"
    entries = casebook_entries(data)
    page = Path(folder) / "典型问题汇编.html"
    return [write_atomic(page, render_casebook_html(entries, page, title)),
            write_casebook_docx(entries, Path(folder) / "典型问题汇编.docx", title)]
