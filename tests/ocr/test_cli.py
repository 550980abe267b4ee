"""``audit ocr``: JSON shape, several files as one case, clear errors."""

from __future__ import annotations

import json

import click
from click.testing import CliRunner

from audit.ocr.cli import ocr_command
from tests.ocr.conftest import SIMPLE


def _cli():
    @click.group()
    def main() -> None:
        pass

    main.add_command(ocr_command)
    return main


def test_json_pages_from_a_scan_and_a_text_pdf(scans):
    result = CliRunner().invoke(_cli(), ["ocr", str(scans / "p1.pdf"), str(SIMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    pages = data["pages"]
    assert [p["page"] for p in pages] == [1, 2, 3, 4]
    assert [p["source"] for p in pages] == ["ocr", "text_layer", "text_layer", "text_layer"]
    for page in pages:
        assert set(page) >= {"page", "source", "text", "lines", "seals"}
        for line in page["lines"]:
            assert set(line) == {"text", "box", "confidence"}
            assert len(line["box"]) == 4 and 0 <= line["confidence"] <= 1
        assert page["text"] == "\n".join(line["text"] for line in page["lines"])
    assert "当场行政处罚决定书" in pages[0]["text"] and pages[0]["seals"]
    assert set(pages[0]["seals"][0]) >= {"box", "score"}
    assert pages[1]["text"].startswith("绍兴市越城区卫生健康局") or "当场行政处罚决定书" in pages[1]["text"]


def test_text_format_and_errors(scans, tmp_path):
    result = CliRunner().invoke(_cli(), ["ocr", str(SIMPLE)])
    assert result.exit_code == 0 and "第 1 页" in result.stdout and "text layer" in result.stdout
    missing = CliRunner().invoke(_cli(), ["ocr", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 2 and "找不到" in missing.output and "Traceback" not in missing.output
    paddle = CliRunner().invoke(_cli(), ["ocr", str(scans / "p1.pdf"), "--engine", "paddleocr"])
    assert paddle.exit_code == 2
    assert "--model-dir" in paddle.output and "本地模型" in paddle.output and "Traceback" not in paddle.output
    bad = CliRunner().invoke(_cli(), ["ocr", str(SIMPLE), "--model-dir", "nonsense"])
    assert bad.exit_code == 2 and "ROLE=FOLDER" in bad.output
