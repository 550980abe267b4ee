"""The bundled samples are reproducible: regenerating them gives byte-identical files."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "samples" / "make_text_samples.py"
FONTS = [Path("/usr/share/fonts/truetype/arphic/uming.ttc"), Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
         Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")]


@pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts not installed (CI installs them)")
def test_regenerated_samples_are_byte_identical(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("make_text_samples", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_text_samples"] = module
    spec.loader.exec_module(module)
    module.main(["--out", str(tmp_path)])
    committed = sorted(p.relative_to(ROOT / "samples" / "cases") for p in (ROOT / "samples" / "cases").rglob("*.*"))
    assert committed, "no committed samples"
    for rel in committed:
        assert (tmp_path / rel).read_bytes() == (ROOT / "samples" / "cases" / rel).read_bytes(), rel
