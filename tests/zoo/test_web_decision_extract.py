"""A decision published as a web page (title and 文号 on one line, 被处罚人, "罚款人民币3000元整",
"违反了《…》第十六条第一款的规定", "依据…的规定") must be read as a decision with its key fields.

The target of issue 14 for `audit extract`: case number, party, fine, violated and basis articles.
"""

import json

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.eval.truth import flatten
from samples.zoo.build import build


@pytest.fixture(scope="module")
def web_case(tmp_path_factory):
    out = tmp_path_factory.mktemp("web")
    build(out, only="web-decision", pdf=False, clean_only=True)
    folder = out / "zoo-web-decision-clean"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["extract", str(folder / "case.txt"), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return truth, json.loads(result.output)


@pytest.mark.parametrize("field", ["case_number", "party.name", "fine_total", "violated_provisions", "penalty_basis"])
def test_key_field_read(web_case, field):
    truth, got = web_case
    expected = flatten(truth, truth=True)[field].value
    assert expected not in (None, ())
    assert flatten(got, truth=False)[field].value == expected


def test_recognised_as_a_decision(web_case):
    _, got = web_case
    assert [d["type"] for d in got["documents"]] == ["decision"]
