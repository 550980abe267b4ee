"""``audit samples generate``: deterministic output (same seed, byte-identical truth.json and PDFs)."""

import json

from click.testing import CliRunner

from audit.samples_cli import samples_group
from tests.generator.generator_testutil import ROOT, needs_fonts


@needs_fonts
def test_same_seed_gives_identical_files(tmp_path, gen):
    runner = CliRunner()
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = runner.invoke(samples_group, ["generate", "--seed", "7", "--count", "3", "--out", str(out),
                                               "--no-scanned"])
        assert result.exit_code == 0, result.output
        assert "共 3 个案卷" in result.output
        outs.append(out)
    files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.is_file())
    assert {p.name for p in files} == {"text.pdf", "truth.json"}
    for rel in files:
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes(), rel
    truth = json.loads((outs[0] / "g7-000" / "truth.json").read_text(encoding="utf-8"))
    for key in ("case_number", "agency", "party", "officers", "documents", "dates", "violated_provisions",
                "penalty_basis", "penalties", "fine_total", "remedy", "pages_text", "defects"):
        assert key in truth


@needs_fonts
def test_other_seed_gives_other_cases(tmp_path, gen):
    a = gen.build.build("x", "1:0").truth
    b = gen.build.build("x", "2:0").truth
    assert a["pages_text"] != b["pages_text"]


@needs_fonts
def test_scanned_rendering_is_deterministic_and_has_no_text_layer(tmp_path, gen):
    import pypdfium2 as pdfium

    spec = {"template": "zhejiang", "violation": "publicplace_health_cert", "procedure": "simple", "year": 2023,
            "defects": []}
    sizes = []
    for name in ("a", "b"):
        built = gen.build.build("scan-case", "scan-test", spec)
        gen.build.write(built, tmp_path / name, scanned=True)
        sizes.append((tmp_path / name / "scan-case" / "scanned.pdf").read_bytes())
    assert sizes[0] == sizes[1]
    pdf = pdfium.PdfDocument(tmp_path / "a" / "scan-case" / "scanned.pdf")
    try:
        for page in pdf:
            assert page.get_textpage().count_chars() == 0
    finally:
        pdf.close()


def test_missing_generator_is_reported(monkeypatch, tmp_path):
    import audit.samples_cli as cli

    monkeypatch.setattr(cli, "GENERATOR", tmp_path / "nowhere")
    monkeypatch.delitem(__import__("sys").modules, cli.PACKAGE, raising=False)
    result = CliRunner().invoke(cli.samples_group, ["generate", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "源码检出" in result.output


def test_scan_command_is_the_scan_module(tmp_path, gen):
    simple = ROOT / "samples" / "cases" / "simple-2024-publicplace" / "case.pdf"
    out = tmp_path / "cli.pdf"
    result = CliRunner().invoke(samples_group, ["scan", str(simple), str(out), "--seed", "3", "--storage", "compact"])
    assert result.exit_code == 0, result.output
    gen.scan.render_scanned_pdf(simple, tmp_path / "module.pdf", seed=3, storage="compact")
    assert out.read_bytes() == (tmp_path / "module.pdf").read_bytes()
