"""Engines: registry by name, offline rapidocr, optional engines that say what they need."""

from __future__ import annotations

import socket

import pypdfium2 as pdfium
import pytest

from audit.ocr import engines
from audit.ocr.clean import recognition_grey
from audit.ocr.engines.base import EngineSettings, EngineUnavailable


def _grey(pdf, index=0):
    doc = pdfium.PdfDocument(pdf)
    try:
        return recognition_grey(doc[index].render(scale=200 / 72, rev_byteorder=True).to_numpy()[:, :, :3])
    finally:
        doc.close()


def test_registry_knows_the_engines_and_refuses_unknown_names():
    assert {"rapidocr", "paddleocr", "tesseract"} <= set(engines.names())
    assert "rapidocr" in engines.available()
    with pytest.raises(EngineUnavailable) as err:
        engines.create("nope")
    assert "未知" in err.value.zh and "unknown" in err.value.en


def test_rapidocr_reads_offline(scans, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    engine = engines.create("rapidocr", EngineSettings(threads=1, det_side=1111))  # a fresh load
    reading = engine.read(_grey(scans / "p3.pdf"))
    assert reading.rotation == 0
    assert any("证据材料" in line.text for line in reading.lines)
    assert engine.identity().startswith("rapidocr-3.")


def test_paddleocr_without_models_or_paddle_says_what_to_provide(tmp_path):
    with pytest.raises(EngineUnavailable) as err:
        engines.probe("paddleocr", EngineSettings())
    assert "--model-dir det=" in err.value.en and "不联网" in err.value.zh
    bad = EngineSettings(model_dirs=(("det", str(tmp_path)), ("rec", str(tmp_path / "x"))))
    with pytest.raises(EngineUnavailable) as err:
        engines.probe("paddleocr", bad)
    assert "inference.pdiparams" in err.value.en
    for role in ("det", "rec"):
        (tmp_path / role).mkdir()
        (tmp_path / role / "inference.pdiparams").write_bytes(b"")
        (tmp_path / role / "inference.json").write_text("{}")
    good = EngineSettings(model_dirs=(("det", str(tmp_path / "det")), ("rec", str(tmp_path / "rec"))))
    try:
        import paddle  # noqa: F401
    except ImportError:
        with pytest.raises(EngineUnavailable) as err:
            engines.probe("paddleocr", good)
        assert "casefile-audit[paddle]" in err.value.en and "PaddlePaddle" in err.value.zh


@pytest.mark.skipif("tesseract" not in engines.available(), reason="tesseract with chi_sim not installed")
def test_tesseract_turns_and_reads(scans):
    engine = engines.create("tesseract", EngineSettings(threads=1))
    reading = engine.read(_grey(scans / "p2-180.pdf"))
    assert reading.rotation == 180
    assert any("现场" in line.text for line in reading.lines)
