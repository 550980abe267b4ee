"""The hand-made samples are reproducible: the generator redraws samples/cases byte-identically."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.samples_cli import load_generator, samples_group

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "samples" / "cases"


@pytest.fixture(scope="module")
def handmade():
    pytest.importorskip("reportlab")
    missing = load_generator("layout").missing_fonts()
    if missing:
        pytest.skip(f"CJK fonts not installed (CI installs them): {missing}")
    return load_generator("handmade")


def test_regenerated_samples_are_byte_identical(tmp_path: Path, handmade):
    result = CliRunner().invoke(samples_group, ["cases", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    committed = sorted(p.relative_to(CASES) for p in CASES.rglob("*.*"))
    assert {p.parts[0] for p in committed} == {c["case_id"] for c in handmade.load_cases()}
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.*")) == committed
    for rel in committed:
        assert (tmp_path / rel).read_bytes() == (CASES / rel).read_bytes(), rel


def test_case_data_that_breaks_a_rule_is_refused(handmade):
    case = next(c for c in handmade.load_cases() if c["case_id"] == "ord-2023-medinst-staff")
    broken = {**case, "dates": {**case["dates"], "decided": "2023-06-10"}}  # a Saturday
    with pytest.raises(AssertionError, match="decided"):
        handmade.check_case(broken)


def test_unknown_case_is_a_clear_error(tmp_path: Path, handmade):
    result = CliRunner().invoke(samples_group, ["cases", "--out", str(tmp_path), "--case", "no-such-case"])
    assert result.exit_code == 2 and "未知的手工样例" in result.output
