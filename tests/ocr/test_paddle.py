"""PaddleOCR for real: the rapidocr wheel's PP-OCR models converted to Paddle folders, read offline.

Runs where paddlepaddle, paddleocr and x2paddle are installed (``make bench-paddle`` makes
such an environment); skips with the reason elsewhere. ``AUDIT_PADDLE_MODELS`` names a folder
of converted models to reuse (a conversion takes about a minute per model).
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

for module, why in (("paddle", "paddlepaddle is not installed (make bench-paddle)"),
                    ("paddleocr", "paddleocr is not installed (make bench-paddle)"),
                    ("x2paddle", "x2paddle is not installed (make bench-paddle)")):
    pytest.importorskip(module, reason=why)

from audit.ocr import engines  # noqa: E402
from audit.ocr.engines.base import EngineSettings  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "samples" / "corpus" / "zj-simple-2024-waste"


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, str]:
    from audit.ocr.engines.paddle_models import build

    out = Path(os.environ.get("AUDIT_PADDLE_MODELS") or tmp_path_factory.mktemp("paddle-models"))
    return build(out)


def test_converted_folders_have_what_paddlex_reads(folders):
    for folder in folders.values():
        names = {p.name for p in Path(folder).iterdir()}
        assert {"inference.json", "inference.pdiparams", "inference.yml"} <= names


def test_paddleocr_reads_a_scanned_page_offline(folders, monkeypatch):
    from audit.ocr.clean import recognition_grey
    from audit.ocr.layout import assemble
    from audit.ocr.metrics import cer_unordered
    from audit.ocr.raster import load_page_image

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    settings = EngineSettings(threads=2, model_dirs=tuple(sorted(folders.items())))
    engine = engines.create("paddleocr", settings)
    image = load_page_image(CASE / "scanned.pdf", 1, 200, 10**9)
    reading = engine.read(recognition_grey(image.rgb))
    text = "\n".join(line.text for line in assemble(reading.lines, reading.skew, image.points_per_pixel))
    truth = json.loads((CASE / "truth.json").read_text(encoding="utf-8"))["pages_text"]["1"]
    errors, total = cer_unordered(truth, text)
    assert total > 300 and errors / total <= 0.02, text
    assert engine.identity().startswith("paddleocr-3.")
