"""The ``audit eval`` click command and its text rendering."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

TOP_MISSES = 25


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def render_text(report: dict[str, Any]) -> str:
    """The report for people to read (Chinese headings)."""
    f, d = report["fields"], report["defects"]
    out = [f"评测案卷 {report['cases']} 个；渲染件：" + "，".join(f"{k} {v}" for k, v in report["renderings"].items())]
    out.append("")
    out.append("一、字段提取（精确匹配，仅计标准答案中有值的字段）")
    out.append(f"  文字层准确率 {_pct(f['accuracy'])}（{f['evaluated']} 个字段；多读 {f['spurious']} 个；"
               f"出处文书一致率 {_pct(f['provenance'])}）")
    out.append("  按渲染件：" + "，".join(f"{k} {_pct(v)}" for k, v in f["by_rendering"].items()))
    out.append("  按模板：" + "，".join(f"{k} {_pct(v)}" for k, v in f["by_template"].items()))
    out.append("  按字段：")
    for name, acc in sorted(f["by_field"].items(), key=lambda kv: (kv[1] is None, kv[1] or 0)):
        out.append(f"    {name:<32} {_pct(acc)}")
    out.append("  按文书类型（字段的权威出处）：")
    for name, acc in sorted(f["by_document"].items()):
        out.append(f"    {name:<32} {_pct(acc)}")
    out.append("")
    out.append("二、缺陷检出（文字层）")
    out.append(f"  注入缺陷 {d['injected']} 个，其中有规则声明可检出的 {d['detectable']} 个；检出 {d['tp']} 个")
    out.append(f"  精确率 {_pct(d['precision'])}，召回率 {_pct(d['recall'])}（全部缺陷计 {_pct(d['recall_all'])}）")
    out.append(f"  无缺陷案卷 {report['clean_cases']} 个，其中出现“不符合”结论的 {report['clean_cases_with_fail']} 个")
    for r, v in d["by_rendering"].items():
        out.append(f"  {r}: 精确率 {_pct(v['precision'])}，召回率 {_pct(v['recall'])}，无缺陷案卷误报 {v['clean_cases_with_fail']}")
    out.append("  按缺陷类型（tp/fp/fn/待核查，注入数）：")
    for t, v in d["by_type"].items():
        if v["injected"] or v["fp"] or v["tp"]:
            rules = ",".join(v["rules"]) or "无规则"
            out.append(f"    {t:<36} {v['tp']}/{v['fp']}/{v['fn']}/{v['needs_review']}  注入 {v['injected']}  [{rules}]")
    out.append("  按规则（tp/fp/fn/待核查，精确率，召回率）：")
    for code, v in report["rules"].items():
        if v["tp"] or v["fp"] or v["fn"] or v["needs_review"]:
            out.append(f"    {code:<8} {v['tp']}/{v['fp']}/{v['fn']}/{v['needs_review']}  "
                       f"{_pct(v['precision'])}  {_pct(v['recall'])}  {','.join(v['detects'])}")
    if report["notes"]:
        out.append("")
        out.append("说明：")
        out += [f"  {n}" for n in report["notes"]]
    if report["errors"]:
        out.append("")
        out.append(f"错误 {len(report['errors'])} 个：")
        out += [f"  {e['case']} [{e['rendering']}] {e['error']}" for e in report["errors"][:TOP_MISSES]]
    out += _false_alarm_lines(report)
    misses = [m for m in report["field_misses"]]
    if misses:
        out.append("")
        out.append(f"字段未读准（前 {min(TOP_MISSES, len(misses))} 个，共 {len(misses)} 个）：")
        for m in misses[:TOP_MISSES]:
            out.append(f"  {m['case']} {m['field']}: 应为 {m['expected']!r}，读得 {m['got']!r}"
                       + (f"（{m['document']} 第{m['page']}页）" if m.get("page") else ""))
    return "\n".join(out)


def _false_alarm_lines(report: dict[str, Any]) -> list[str]:
    """False alarms on clean files per template family, and the metamorphic suite's, for people."""
    out = []
    by_template = report.get("false_alarms_by_template") or {}
    if by_template:
        out += ["", "三、无缺陷案卷的误报（每个“不符合”都是误报；按渲染件、模板）"]
        for rendering, templates in by_template.items():
            for name, v in templates.items():
                rules = "，".join(f"{k}×{n}" for k, n in v["by_rule"].items()) or "无"
                out.append(f"  {rendering} {name:<24} 案卷 {v['clean_files']} 个，有误报 {v['files_with_fail']} 个，"
                           f"误报 {v['fails']} 条（平均每卷 {v['fails'] / v['clean_files']:.1f}）：{rules}")
    meta = report.get("metamorphic")
    if meta:
        out += ["", f"四、变形测试（{meta['samples']} 个无缺陷样本；变形后新增的“不符合”均为误报）", "  按变形："]
        for name, v in meta["by_transformation"].items():
            out.append(f"    {name:<18} 样本 {v['files']} 个，有新增误报 {v['files_with_new_fail']} 个，新增误报 {v['new_fails']} 条")
        out.append("  按模板：")
        for name, v in meta["by_template"].items():
            out.append(f"    {name:<24} 变形件 {v['files']} 个，有新增误报 {v['files_with_new_fail']} 个，新增误报 {v['new_fails']} 条")
    return out


@click.command("eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rendering", "renderings", multiple=True, type=click.Choice(["text", "scanned", "images", "docx", "web"]),
              help="只评测这些渲染件（默认全部）/ only these renderings (default: all present).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="同时把 JSON 报告写入文件 / also write the JSON report to this file.")
@click.option("--quiet", is_flag=True, help="不显示逐案进度 / no per-case progress on stderr.")
@click.option("--metamorphic", is_flag=True,
              help="对无缺陷样本做保持含义的变形并统计新增误报 / run the metamorphic suite on the clean samples.")
@click.option("--also", "also", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="变形测试另外包含此文件夹中的无缺陷样本 / more folders of clean samples for --metamorphic.")
def eval_command(directory: Path, fmt: str, renderings: tuple[str, ...], output: Path | None, quiet: bool,
                 metamorphic: bool, also: tuple[Path, ...]) -> None:
    """对照标准答案评测提取与审查结果 / Score extraction and findings against truth.json.

    DIRECTORY holds case folders with truth.json and their renderings (text.pdf or case.pdf,
    scanned.pdf, pages/, and for the format zoo case.docx and case.txt). Prints field accuracy (per
    field, document type, rendering and template), defect detection (tp / fp / fn / needs_review,
    precision and recall per defect type and per rule) and the false alarms on clean files per
    template family; with --metamorphic, the new false alarms per transformation.
    """
    from audit.eval.evaluate import RENDERINGS, evaluate

    def progress(case_id: str, rendering: str, info: dict) -> None:
        if not quiet:
            status = info.get("error") or f"{info.get('pages', 0)} 页 {info.get('seconds', 0):.1f}s"
            click.echo(f"  {case_id} [{rendering}] {status}", err=True)

    report = evaluate(directory, renderings or RENDERINGS, progress=progress)
    if metamorphic:
        from audit.eval.metamorphic import evaluate_metamorphic

        def meta_progress(case_id: str, transformation: str, got: set[str] | None) -> None:
            if not quiet and got:
                click.echo(f"  {case_id} [{transformation}] 新增误报 {','.join(sorted(got))}", err=True)

        report["metamorphic"] = evaluate_metamorphic([directory, *also], progress=meta_progress)
    text = json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text + "\n", encoding="utf-8")
    click.echo(text if fmt == "json" else render_text(report))
