"""The hearing-notice defect the sample generator injects (hearing_notice_period_short) is found:
a generated ordinary case with a hearing held, its 听证通知书 served fewer than seven working days
before the hearing, read from its text-layer PDF."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from audit.cli import main

FONTS_NOTE = "the generator renders PDFs with the CJK fonts CI installs"


@pytest.fixture(scope="module")
def generated():
    pytest.importorskip("reportlab")
    from audit.samples_cli import load_generator

    gen = load_generator()
    spec = {"template": "sichuan", "violation": "medinst_unlicensed", "procedure": "ordinary", "year": 2023,
            "hearing_held": True}
    try:
        clean = gen.build("hearing-clean", "legal:hearing", dict(spec, defects=[]))
        short = gen.build("hearing-short", "legal:hearing", dict(spec, defects=["hearing_notice_period_short"]))
    except OSError as exc:  # fonts missing
        pytest.skip(f"{FONTS_NOTE}: {exc}")
    return clean, short


def _check(tmp_path, built, code: str) -> str:
    path = tmp_path / f"{built.truth['case_id']}.pdf"
    path.write_bytes(built.pdf)
    out = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", code])
    return json.loads(out.output)["findings"][0]["status"]


def test_injected_short_hearing_notice_is_found(generated, tmp_path):
    clean, short = generated
    assert any(d["type"] == "hearing_notice_period_short" for d in short.truth["defects"])
    assert _check(tmp_path, clean, "PRO032") == "pass"
    assert _check(tmp_path, short, "PRO032") == "fail"
    for code in ("PRO034", "PRO035"):  # presider and decision after the hearing: lawful in both
        assert _check(tmp_path, clean, code) == "pass", code
