"""The ``audit`` command. Thin: parse options, call the pipeline, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from audit import __version__
from audit.cli_guard import AuditGroup
from audit.contract import to_contract
from audit.errors import AuditError
from audit.model import Status, to_dict
from audit.privacy import mask


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _fail_cleanly(exc: AuditError) -> None:
    click.echo(exc.message(), err=True)
    sys.exit(exc.exit_code)


mask_option = click.option(
    "--no-mask", is_flag=True, help="显示完整的身份证号和电话号码（默认遮盖）/ show ID and phone numbers unmasked."
)
select_options = [
    click.option("--select", multiple=True, help="只运行这些规则（代码、前缀或维度）/ run only these rule codes, prefixes or dimensions."),
    click.option("--ignore", multiple=True, help="跳过这些规则（代码、前缀或维度）/ skip these rule codes, prefixes or dimensions."),
    click.option("--profile", default=None, help="评查配置（地方阈值等）/ profile name or file (default: national-default)."),
    click.option("--standard", default=None, help="评分标准 / scoring standard name or file (default: the profile's)."),
]


def _settings(select, ignore, profile, standard):
    """Command-line options over audit.toml / [tool.audit] settings."""
    from audit.config import load_settings

    s = load_settings()
    return (_split(select) or s.select or None, _split(ignore) or s.ignore or None, profile or s.profile,
            standard or s.standard)


def _split(values) -> list[str]:
    """``--select A,B --select C`` → [A, B, C] (commas and Chinese commas both separate)."""
    return [v.strip() for value in values for v in value.replace("，", ",").replace("、", ",").split(",") if v.strip()]


def with_selection(fn):
    for option in reversed(select_options):
        fn = option(fn)
    return fn


# Commands that live beside the modules they drive, imported only when run (or listed by --help)
LAZY_COMMANDS = {
    "cache": "audit.cache_admin:cache_group",
    "stats": "audit.stats.cli:stats_command",
    "history": "audit.stats.cli:history_command",
    "law": "audit.law.cli:law_group",
    "eval": "audit.eval.command:eval_command",
    "samples": "audit.samples_cli:samples_group",
    "ocr": "audit.ocr.cli:ocr_command",
    "serve": "audit.web.command:serve_command",
}


@click.group(cls=AuditGroup, lazy_commands=LAZY_COMMANDS)
@click.version_option(__version__, prog_name="audit")
def main() -> None:
    """卫生健康行政处罚案卷评查工具 / Audit health administrative penalty case files."""


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@mask_option
def extract(path: Path, fmt: str, no_mask: bool) -> None:
    """读取案卷并输出提取的字段及其出处 / Print the case facts read from PATH with provenance.

    The JSON form is the extraction contract (unmasked: it is the data itself); the text
    form masks ID and phone numbers unless --no-mask.
    """
    from audit.pipeline import read_case
    from audit.report.text import extraction_text

    try:
        case = read_case(path)
    except AuditError as exc:
        _fail_cleanly(exc)
    if fmt == "json":
        _echo_json(to_contract(case))
    else:
        text = extraction_text(case)
        click.echo(text if no_mask else mask(text))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--self", "self_check", is_flag=True,
              help="执法人员自查：只运行准确率高的规则，按先改什么排列，不显示评分 / officer self-check: "
                   "precise rules only, what to fix first, plain wording, no score.")
@click.option("--score", "show_score", is_flag=True, help="自查时也显示评分 / show the score in a self-check.")
@click.option("-o", "--output", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="把评查报告、整改通知书等写入该文件夹（与批量评查每个案卷的输出相同）/ write the per-case "
                   "outputs (report.html, notice.docx, report.txt, JSON) to this folder, as a batch does.")
@with_selection
@mask_option
def check(path: Path, fmt: str, self_check: bool, show_score: bool, out: Path | None, select, ignore, profile,
          standard, no_mask: bool) -> None:
    """审查案卷并列出问题 / Run the checklist rules on PATH and print the findings and score.

    With --self: the officer's self-check (checklists/profiles/self-check.yaml): only the rules
    measured to raise no false alarm, defects before manual checks, veto and major first.
    Exit code: 0 no defect found, 1 at least one defect (fail, not waived), 2 unusable input.
    """
    from audit.checks.profile import DEFAULT_PROFILE
    from audit.checks.rules import RuleFileError
    from audit.pipeline import audit_case
    from audit.report.text import findings_text
    from audit.selfcheck import fix_order, self_check_selection, self_check_text

    sel, ign, prof, std = _settings(select, ignore, profile, standard)
    try:
        if self_check:
            prof, sel, ign = self_check_selection(prof, sel, ign)
        if path.exists():  # read from the extracted-case cache when the case is unchanged
            from audit.batch.run import BatchOptions
            from audit.batch.worker import audit_source
            from audit.config import ocr_options

            result = audit_source(path, BatchOptions(sel, ign, prof or DEFAULT_PROFILE, std), ocr_options())
        else:
            result = audit_case(path, sel, ign, prof or DEFAULT_PROFILE, std)
    except AuditError as exc:
        _fail_cleanly(exc)
    except RuleFileError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(2)
    findings = fix_order(result.findings) if self_check else result.findings
    if out is not None:
        _write_case_outputs(path, out, result, prof or DEFAULT_PROFILE, not no_mask)
    if fmt == "json":
        data = {"case": to_contract(result.case), "findings": [to_dict(f) for f in findings]}
        if not self_check or show_score:
            data["score"] = to_dict(result.score)
        _echo_json(data if no_mask else mask(data))
    elif self_check:
        text = self_check_text(result.case, result.findings, result.score if show_score else None)
        click.echo(text if no_mask else mask(text))
    else:
        text = findings_text(result.case, result.findings, result.score)
        click.echo(text if no_mask else mask(text))
    sys.exit(1 if any(f.status is Status.FAIL and not f.waiver for f in result.findings) else 0)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default=Path("reports/latest"),
              show_default=True, help="输出文件夹 / output folder.")
@click.option("--history", type=click.Path(path_type=Path), default=None,
              help="历史记录数据库 / results history database (default: reports/history.sqlite or $AUDIT_HISTORY_DB).")
@click.option("--jobs", "-j", type=int, default=0, help="并行进程数（默认每核一个）/ worker processes (default: one per core).")
@click.option("--timeout", type=float, default=None, help="单个案卷的处理时限（秒）/ per-case time limit in seconds.")
@click.option("--max-pages", type=int, default=None, help="单个案卷的页数上限 / page limit per case.")
@click.option("--no-resume", is_flag=True, help="重新审查全部案卷，不沿用已有结果 / audit every case again.")
@click.option("--scheduler", default=None,
              help="在 Dask 集群上运行（tcp://主机:8786，或 local）/ run on a Dask cluster (tcp://HOST:8786, or local).")
@click.option("--ocr-engine", default=None,
              help="扫描页的识别引擎（rapidocr、paddleocr、tesseract；none 不识别）/ OCR engine for scanned pages "
                   "(rapidocr, paddleocr, tesseract; none leaves them unread). Default: the settings'.")
@click.option("--dpi", type=int, default=None, help="扫描页的识别分辨率 / resolution scanned PDF pages are read at (default 200).")
@click.option("--no-ocr-cache", is_flag=True,
              help="重新识别每一页（不用页面识别缓存，也不用已缓存的案卷读取结果）/ OCR every page again "
                   "(neither the OCR page cache nor cached case readings are used; new readings are stored).")
@click.option("--no-cache", is_flag=True,
              help="不读也不写任何缓存（页面识别与案卷读取）/ use no cache at all (OCR pages and case readings).")
@click.option("--no-pdf", is_flag=True,
              help="不生成整改通知书 PDF（默认在装有 LibreOffice 时整批一次生成）/ make no notice.pdf (by default "
                   "made for the whole batch in one LibreOffice call where it is installed).")
@click.option("--cache-days", type=float, default=None,
              help="缓存保留天数，更早的条目在开始时删除（默认 30）/ days cache entries are kept; older ones are "
                   "deleted at the start (default 30, $AUDIT_CACHE_DAYS).")
@click.option("--name", "run_name", default="",
              help="本批次的名称，如“2024年第一季度评查”，显示在索引页、统计和趋势中 / a name for this run, shown in "
                   "the index, statistics and trends.")
@with_selection
@mask_option
def batch(folder: Path, out: Path, history: Path | None, jobs: int, timeout: float | None, max_pages: int | None,
          no_resume: bool, scheduler: str | None, ocr_engine: str | None, dpi: int | None, no_ocr_cache: bool,
          no_cache: bool, no_pdf: bool, cache_days: float | None, run_name: str, select, ignore, profile, standard,
          no_mask: bool) -> None:
    """批量审查文件夹中的案卷 / Audit every case in FOLDER and write reports to OUT.

    Each sub-folder, PDF, DOCX or TXT file directly under FOLDER is one case. For each case
    OUT/<case>/ holds report.html (评查报告), notice.docx (整改通知书), report.txt and JSON;
    OUT/workbook.xlsx gathers all cases. A case that cannot be read is reported and skipped.
    Exit code: 0 the batch ran, 2 every case was unusable, 3 an end-of-run write failed (the
    finished cases' reports are complete), 130/143 interrupted (finished cases are kept).

    Each case worker reads its scanned pages with cores ÷ jobs OCR threads. A case read
    before (same files, same reader, same OCR settings) is taken from the case cache, so a
    re-audit after a rule change only runs the checks and writes the reports.
    """
    from audit.batch.run import BatchOptions, run_batch
    from audit.cache_admin import prune
    from audit.config import ocr_options
    from audit.limits import LIMITS

    if not folder.is_dir():
        from audit import errors

        _fail_cleanly(errors.not_found(str(folder)) if not folder.exists() else errors.InputError(
            "not_a_folder", f"批量评查需要一个文件夹：{folder}（单个案卷请用 audit check）",
            f"audit batch needs a folder: {folder} (use audit check for one case)"))

    if max_pages:
        LIMITS.max_pages = max_pages
    sel, ign, prof, std = _settings(select, ignore, profile, standard)
    ocr = ocr_options(engine=ocr_engine, dpi=dpi, no_cache=True if no_ocr_cache or no_cache else None)
    prune(ocr.cache_root(), cache_days)  # the retention: older cached case text is deleted
    options = BatchOptions(sel, ign, prof, std, masked=not no_mask, jobs=jobs, timeout_s=timeout,
                           resume=not no_resume, scheduler=scheduler, ocr=ocr, cache=not no_cache, name=run_name,
                           pdf=not no_pdf)
    from audit.checks.rules import RuleFileError

    try:
        summary = run_batch(folder, out, options, history=history, progress=_progress_printer())
    except AuditError as exc:
        _fail_cleanly(exc)
    except RuleFileError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(2)
    click.echo(summary.text())
    for problem in summary.problems:
        click.echo(f"错误：{problem}", err=True)
    sys.exit(summary.exit_code())


def _write_case_outputs(path: Path, out: Path, result, profile: str, masked: bool) -> None:
    """The files a batch writes for one case, under ``out``."""
    from audit.batch.run import content_hash
    from audit.report.outputs import write_case_outputs
    from audit.report.records import case_record, rule_set_version

    record = case_record(result.case, result.findings, result.score, content_hash(Path(path)))
    written = write_case_outputs(out, result, masked, rule_set_version(), profile, record)
    from audit.batch.notices import make_pdfs

    if make_pdfs([out]):  # as a batch does, where LibreOffice is installed
        written.append(out / "notice.pdf")
    click.echo(f"已写入 {out}：{'、'.join(p.name for p in written)}", err=True)


def _progress_printer():
    """One updating line on a terminal; plain lines otherwise (logs, CI)."""
    stream = sys.stderr
    if stream.isatty():
        return lambda line: click.echo("\r\033[K" + line, nl=False, err=True)
    return lambda line: click.echo(line, err=True)


@main.command(name="rules")
@click.option("--dimension", default=None, help="只列出该维度的规则 / only rules of this dimension.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_cmd(dimension: str | None, fmt: str) -> None:
    """列出审查规则 / List the checklist rules."""
    from audit.checks import load_rules
    from audit.checks.explain import CONFIGURABLE
    from audit.checks.registry import is_generic

    rules = [r for r in load_rules() if not dimension or r.dimension == dimension]
    if fmt == "json":
        _echo_json([
            {"code": r.code, "name": r.name, "title": r.title, "dimension": r.dimension,
             "severity": r.severity.value, "points": r.points, "kind": r.kind, "configurable": is_generic(r.kind),
             "applies_to": list(r.applies_to), "basis": [to_dict(b) for b in r.basis], "detects": list(r.detects),
             "status": r.status}
            for r in rules
        ])
        return
    from audit import labels

    for r in rules:
        click.echo(f"{r.code}  {r.dimension:<8}  {labels.severity(r.severity):<4} {r.points:>4g}分  "
                   f"{CONFIGURABLE[is_generic(r.kind)].ljust(6, chr(0x3000))}  {r.title}")
    configurable = sum(is_generic(r.kind) for r in rules)
    click.echo(f"共 {len(rules)} 条规则，其中 {configurable} 条{CONFIGURABLE[True]}（只改规则文件即可调整），"
               f"{len(rules) - configurable} 条{CONFIGURABLE[False]}")


@main.command()
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def explain(code: str, fmt: str) -> None:
    """说明一条规则：内容、依据、示例 / Explain one rule: what it checks, why, and its basis.

    Placeholders in the message templates print as "…"; the first failing example is run so
    that the sentence a reviewer sees is shown filled in. ``--format json`` gives the same as data.
    """
    from audit.checks.explain import UnknownRule, explain_rule, explain_text, find_rule

    try:
        rule = find_rule(code)
    except UnknownRule as exc:
        hint = f"（是否要找：{', '.join(exc.near)}）" if exc.near else ""
        click.echo(f"错误：没有规则 {code}{hint} / Error: no rule {code}", err=True)
        sys.exit(2)
    data = explain_rule(rule)
    if fmt == "json":
        _echo_json(data)
    else:
        click.echo(explain_text(data))


if __name__ == "__main__":
    main()
