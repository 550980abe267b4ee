"""faster-paddle engine: offline tiny models, sizes that download refused, skew, tick boxes, real pages."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import cv2
import numpy as np
import pytest

from audit.ocr import engines
from audit.ocr.engines.base import EngineSettings, EngineUnavailable, RawLine
from audit.ocr.fixes import fix_text

fast = pytest.importorskip("audit.ocr.engines.fast")
pytest.importorskip("faster_paddle", reason="faster-paddle is not installed (optional extra [fast])")

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"


def test_sizes_that_download_are_refused_before_the_package_is_used():
    for size in ("medium", "large", ""):
        with pytest.raises(EngineUnavailable) as err:
            engines.probe("faster-paddle", EngineSettings(extra=(("size", size),)))
        assert "不联网" in err.value.zh and "never downloads" in err.value.en
    engines.probe("faster-paddle", EngineSettings())  # tiny, bundled
    engines.probe("faster-paddle", EngineSettings(extra=(("size", "small"),)))


def _bars(angle: float) -> np.ndarray:
    """A white page with rows of dark "words", turned counter-clockwise by ``angle``."""
    page = np.full((1400, 1000), 255, np.uint8)
    rng = np.random.default_rng(3)
    for y in range(100, 1300, 60):
        x = 80
        while x < 900:
            w = int(rng.integers(30, 120))
            page[y:y + 24, x:x + w] = 30
            x += w + int(rng.integers(15, 40))
    matrix = cv2.getRotationMatrix2D((500, 700), angle, 1.0)
    return cv2.warpAffine(page, matrix, (1000, 1400), borderValue=255)


@pytest.mark.parametrize("angle", [-2.4, 0.0, 1.3, 3.0])
def test_skew_is_measured_with_its_sign(angle):
    assert fast.estimate_skew(_bars(angle)) == pytest.approx(angle, abs=0.15)


def test_straightening_and_turning_back_restore_the_quads():
    line = RawLine("x", [(100.0, 200.0), (400.0, 200.0), (400.0, 230.0), (100.0, 230.0)], 1.0)
    back = fast._unskew([line], 2.0, (1400, 1000))[0]
    assert back.quad != line.quad
    assert fast.quad_angle(back.quad) == pytest.approx(2.0, abs=0.01)  # the page's own tilt


def test_tick_boxes_the_detector_skipped_are_added():
    page = np.full((300, 600), 255, np.uint8)
    cv2.rectangle(page, (100, 100), (130, 130), 0, 2)  # empty box
    cv2.rectangle(page, (300, 100), (330, 130), 0, -1)  # ticked (filled)
    cv2.rectangle(page, (450, 100), (480, 130), 0, 2)  # covered by a piece of text: left alone
    words = [RawLine("直接送达", [(140, 98), (260, 98), (260, 134), (140, 134)], 0.99),
             RawLine("□留置", [(445, 96), (560, 96), (560, 134), (445, 134)], 0.99)]
    found = sorted((r.text, round(r.quad[0][0] / 10)) for r in fast.form_boxes(page, words))
    assert found == [("■", 30), ("□", 10)]


def test_fixes_for_tiny_model_misreadings():
    assert fix_text("500m1静滴") == "500ml静滴"
    assert fix_text("杭拱卫医罚〔2023]55号") == "杭拱卫医罚〔2023〕55号"
    assert fix_text("[2024〕7号") == "〔2024〕7号"
    assert fix_text("型号m1000") == "型号m1000" and fix_text("A1m1x") == "A1m1x"
    assert fix_text("备註") == "备注"


def _page(case: str, page: int) -> tuple[np.ndarray, str, int]:
    from audit.ocr.clean import recognition_grey
    from audit.ocr.raster import load_page_image

    truth = json.loads((CORPUS / case / "truth.json").read_text(encoding="utf-8"))
    image = load_page_image(CORPUS / case / "scanned.pdf", page, 200, 10**9)
    return recognition_grey(image.rgb), truth["pages_text"][str(page)], truth["scan"]["pages"][page - 1]["rotation"]


@pytest.fixture(scope="module")
def engine():
    return engines.create("faster-paddle", EngineSettings(threads=1))


def test_reads_a_real_scanned_page_offline(engine, monkeypatch):
    from audit.ocr.layout import assemble
    from audit.ocr.metrics import cer_unordered

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    grey, truth, _ = _page("gd-ord-2024-medinst-scope", 8)
    reading = engine.read(grey)
    text = "\n".join(line.text for line in assemble(reading.lines, reading.skew, 0.36))
    errors, total = cer_unordered(truth, text)
    assert total > 300 and errors / total <= 0.01
    assert engine.identity().startswith("faster-paddle-1.") and ":det1600:" in engine.identity()


def test_a_page_lying_on_its_side_is_turned(engine):
    grey, truth, turned = _page("js-ord-2025-radiation", 7)
    assert turned == 270
    reading = engine.read(grey)
    assert reading.rotation == 90
    assert sum(len(r.text) for r in reading.lines) > 0.8 * len("".join(truth.split()))


def test_a_line_with_an_open_bracket_is_read_again():
    assert fast._unbalanced("复印件（2022年8月1日至2022年9月5日，摘录第1页")
    assert fast._unbalanced("送达回执(行政处罚事先告知书宁江卫医罚告〔2021〕")
    assert not fast._unbalanced("蔡志刚（本人)") and not fast._unbalanced("《行政处罚决定书》〔2023〕")


def test_a_closing_bracket_the_tiny_model_drops_is_read(engine):
    """On this scanned page the tiny recogniser reads the line without its final ")"; the small one mends it."""
    from audit.ocr.metrics import normalise

    grey, _, _ = _page("zj-ord-2022-medinst-staff", 9)
    texts = [normalise(r.text) for r in engine.read(grey).lines]
    line = next(t for t in texts if "摘录第1页" in t)
    assert line.endswith("摘录第1页)")


@pytest.mark.parametrize(("case", "page", "date"), [
    ("gd-ord-2024-medinst-scope", 12, "二〇二四年三月二十五日"),  # tiny: "二〇.二四年…" at 0.96
    ("js-ord-2021-medinst-scope", 17, "2021年4月28日"),  # tiny: "2021年↓月28日" at 0.99
])
def test_lines_under_a_seal_are_read_by_the_small_recogniser(engine, case, page, date):
    from audit.ocr.clean import recognition_grey
    from audit.ocr.raster import load_page_image
    from audit.ocr.seals import find_seals, red_text_boxes

    image = load_page_image(CORPUS / case / "scanned.pdf", page, 200, 10**9)
    k = image.points_per_pixel
    seals = [tuple(int(round(v / k)) for v in s.box) for s in find_seals(image.rgb, k)]
    assert seals
    grey = recognition_grey(image.rgb, seals, red_text_boxes(image.rgb, seals))
    assert date in [r.text for r in engine.read(grey, doubt=seals).lines]
