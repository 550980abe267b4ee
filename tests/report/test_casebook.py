"""`audit stats --by rule --casebook`: each rule linked to the cases and crops that show it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import docx
from click.testing import CliRunner

from audit.stats.cli import stats_command


def test_casebook_links_rules_to_reports_and_crops(sample_batch: Path, tmp_path: Path):
    out = tmp_path / "stats"
    result = CliRunner().invoke(stats_command, [str(sample_batch), "--by", "rule", "--casebook", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = (out / "典型问题汇编.html").read_text(encoding="utf-8")
    assert "<h1>典型问题汇编（2024年第一季度评查）</h1>" in page
    assert "金额大写与小写应一致" in page
    links = re.findall(r'<a href="([^"]+)#f-([A-Z]{3}\d{3})">', page)
    assert links
    for href, rule in links:
        report = (out / unquote(href)).resolve()
        assert report.is_file() and f'id="f-{rule}"' in report.read_text(encoding="utf-8")
    crops = re.findall(r'<img src="([^"]+)"', page)
    assert crops and all((out / unquote(c)).resolve().is_file() for c in crops)
    assert any(c.endswith("DOC002.jpg") for c in crops)
    handout = docx.Document(str(out / "典型问题汇编.docx"))
    text = "\n".join(p.text for p in handout.paragraphs)
    assert "金额大写与小写应一致" in text and "ord-2024-waste" in text
    assert len(handout.inline_shapes) >= 1  # the crops travel with the handout
