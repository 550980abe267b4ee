"""Paths and markers shared by the generator tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"
FONTS = [Path("/usr/share/fonts/truetype/arphic/uming.ttc"), Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
         Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")]
HAVE_FONTS = all(f.exists() for f in FONTS)
needs_fonts = pytest.mark.skipif(not HAVE_FONTS, reason="CJK fonts not installed (CI installs them)")
