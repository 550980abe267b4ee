"""``audit law``: look up articles of the law registry (registered in ``audit.cli`` by the lead).

    audit law show "《医疗机构管理条例》第四十三条" [--date 2023-05-01] [--format text|json]
    audit law search 非卫生技术人员 [--date 2023-05-01] [--limit 20] [--format text|json]

``show`` exits 0 when the provision resolved, and for a department rule (部门规章) whose text or cited
article the registry lacks (the output says "法规库未收录该规章全文" or that only an excerpt is held);
1 when it did not resolve otherwise (unknown instrument, a law without text, article missing, not in
force, renumbered — the output says which); 2 on bad input.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from audit.law.show import exit_code, search, search_text, show, show_text


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"日期格式应为 YYYY-MM-DD：{value}") from exc


date_option = click.option(
    "--date", "on", callback=_date, metavar="YYYY-MM-DD",
    help="按该日期施行的版本查找（默认最新版本）/ use the version in force on this date.",
)
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                             show_default=True)


@click.group("law")
def law_group() -> None:
    """法律法规库：查看条文、检索条文 / Look up statute articles in the law registry."""


@law_group.command("show")
@click.argument("citation")
@date_option
@format_option
def show_command(citation: str, on: dt.date | None, fmt: str) -> None:
    """显示条文原文、版本及罚则 / Show an article's text, version and, for a penalty article, its kinds and range.

    CITATION: e.g. "《医疗机构管理条例》第四十三条" or "《行政处罚法》第五十九条第一款第（三）项".
    """
    try:
        view = show(citation, on=on)
    except ValueError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    if fmt == "json":
        _echo_json(view)
    else:
        click.echo(show_text(view))
    code = exit_code(view)
    if code:
        sys.exit(code)


@law_group.command("search")
@click.argument("words", nargs=-1, required=True)
@date_option
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@format_option
def search_command(words: tuple[str, ...], on: dt.date | None, limit: int, fmt: str) -> None:
    """按词语检索条文（须同时含有全部词语）/ Find articles containing all WORDS."""
    hits = search(list(words), on=on, limit=limit)
    if fmt == "json":
        _echo_json({"query": list(words), "date": on.isoformat() if on else None, "count": len(hits),
                    "results": hits})
    else:
        click.echo(search_text(words, hits))
