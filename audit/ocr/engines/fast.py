"""faster-paddle: PP-OCRv6 tiny (or small) in Rust on its own ONNX Runtime, models in the wheel.

``faster-paddle`` (MIT) ships the tiny and small PP-OCRv6 detector and recogniser inside its
wheel; its ``medium`` size downloads on first use, so only ``tiny`` and ``small`` are ever
accepted here (anything else is refused before the package is touched). Around it:
- the page's small skew is measured (projection profile) and undone before reading, and the
  boxes are turned back, so lines carry true quads and the skew, like the other engines';
- orientation: boxes standing upright mean the page lies on its side (turn 90°, read
  again); the line classifier is asked about up/down only when the widest lines read
  doubtfully (an upright page reads them with high confidence);
- lines read with doubt are read again with the bundled small recogniser (rapidocr wheel),
  which keeps the better reading; a lone stroke is checked for a slant ("\\" vs "1").
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import cv2
import numpy as np

from audit.ocr.engines import EngineSpec, register
from audit.ocr.engines.base import Box, EngineSettings, EngineUnavailable, RawLine, Reading
from audit.ocr.geometry import overlap_share, quad_angle, rotate_box

SIZES = ("tiny", "small")  # bundled in the wheel; "medium" downloads and is never used
DEFAULT_SIZE = "tiny"
DET_SIDE = 1600  # the tiny detector misses small print of forms at 1280 (order-free CER 1.37 → 0.88 % at 1600)
FP_REC_BATCH = 8  # lines per tiny-recogniser call (16 bench pages: 0.585 → 0.570 CPU s/page bare, CER 0.453 → 0.440 %)
REREAD_BELOW = 0.95  # lines read with less confidence are read again by the small recogniser
SEALED_SCORE = 0.8  # under a seal, the small recogniser's reading wins from this confidence
UPRIGHT_CONFIDENCE = 0.85  # median confidence of the widest lines above which a page is upright
UPRIGHT_SAMPLE = 12
SKEW_RANGE = 5.0  # degrees searched either way
SKEW_MIN = 0.2  # smaller skews are left alone
SKEW_WORK_SIDE = 1000  # long side of the image the skew is measured on
# Its boxes are unclipped by 1.4 where rapidocr's are by 2.0 (a line's core height c becomes
# 2.4c, not 3.0c): each side is moved out by (3.0 - 2.4) / 2 / 2.4 of the height, so that
# rows group and line boxes come out the size the layout and the ink checks were measured on.
PAD_SHARE = 0.125
SLASH_LEAN = (15.0, 70.0)  # degrees from the vertical: a slanted stroke, neither "1" nor "一"


def _size(settings: EngineSettings) -> str:
    return str(dict(settings.extra).get("size", DEFAULT_SIZE))


def probe(settings: EngineSettings) -> None:
    size = _size(settings)
    if size not in SIZES:
        raise EngineUnavailable(
            f"faster-paddle 模型规格只能是 {'、'.join(SIZES)}（{size} 需联网下载，本工具不联网下载模型）",
            f"faster-paddle model size must be one of {', '.join(SIZES)} ({size} would be downloaded; "
            "this tool never downloads models)",
        )
    try:
        import faster_paddle  # noqa: F401
    except ImportError as exc:
        raise EngineUnavailable("未安装 faster-paddle：请执行 pip install faster-paddle",
                                "faster-paddle is not installed: pip install faster-paddle") from exc
    from audit.ocr.engines import rapid

    rapid.probe(settings)  # the re-reading recogniser and the line classifier


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("faster-paddle")
    except PackageNotFoundError:  # pragma: no cover - an unpacked copy
        import faster_paddle

        return str(getattr(faster_paddle, "__version__", "?"))


def identity(settings: EngineSettings) -> str:
    from audit.ocr.engines import rapid

    return (f"faster-paddle-{_version()}-{_size(settings)}:det{settings.det_side or DET_SIDE}:batch{FP_REC_BATCH}"
            f":score{settings.text_score}"
            f":reread{dict(settings.extra).get('reread', REREAD_BELOW)}+brackets+seals<{rapid.identity(settings)}:skew{SKEW_MIN}")


class FasterPaddleEngine:
    """faster-paddle reads the page; rapidocr's small recogniser re-reads doubtful lines."""

    name = "faster-paddle"

    def __init__(self, settings: EngineSettings) -> None:
        import faster_paddle

        size = _size(settings)
        if size not in SIZES:  # never reach the download of another size
            raise EngineUnavailable("faster-paddle 模型规格无效", f"invalid faster-paddle size: {size}")
        self.settings = settings
        self._fp = faster_paddle.OcrEngine(model_size=size, threads=max(1, settings.threads),
                                           det_max_side=settings.det_side or DET_SIDE, rec_batch=FP_REC_BATCH)
        self._rapid = None

    def identity(self) -> str:
        return identity(self.settings)

    def read(self, grey: np.ndarray, *, orient: bool = True, doubt: Sequence[Box] = ()) -> Reading:
        timings: dict[str, float] = {}
        rotation = 0
        height, width = grey.shape[:2]
        page, skew, lines = self._read_straight(grey, timings)
        if orient and _lying(lines):
            turned = cv2.rotate(grey, cv2.ROTATE_90_CLOCKWISE)
            page2, skew2, lines2 = self._read_straight(turned, timings)
            if len(lines2) >= len(lines) // 2 and not _lying(lines2):
                grey, page, skew, lines, rotation = turned, page2, skew2, lines2, 90
        if orient and lines and not _reads_upright(lines) and self._upside_down(page, lines, timings):
            grey = cv2.rotate(grey, cv2.ROTATE_180)
            page, skew, lines = self._read_straight(grey, timings)
            rotation = (rotation + 180) % 360
        hard = [rotate_box(b, rotation, width, height) for b in doubt]
        lines = self._reread(page, lines, timings, hard)
        lines += form_boxes(page, lines)
        out = _unskew(lines, skew, grey.shape)
        angles = [quad_angle(r.quad) for r in out if _wide(r.quad)]
        measured = float(np.median(angles)) if angles else (skew if skew else None)
        return Reading(lines=[r for r in out if r.confidence >= self.settings.text_score],
                       rotation=rotation, skew=measured, timings=timings)

    def _read_straight(self, grey: np.ndarray, timings: dict[str, float]) -> tuple[np.ndarray, float, list[RawLine]]:
        """Measure and undo the skew, read the page; boxes are in the straightened frame."""
        t = time.perf_counter()
        skew = estimate_skew(grey)
        page = straighten(grey, skew) if abs(skew) >= SKEW_MIN else grey
        timings["skew"] = timings.get("skew", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        ok, buf = cv2.imencode(".bmp", page)
        if not ok:  # pragma: no cover
            raise EngineUnavailable("图像编码失败", "could not encode the page image")
        result = self._fp.ocr(buf.tobytes())
        timings["fp"] = timings.get("fp", 0.0) + time.perf_counter() - t
        lines = []
        for b in result["bounds"].values():
            text = str(b["text"]).strip()
            if not text:
                continue
            (x0, y0), (x1, y1) = b["topLeftCoord"], b["bottomRightCoord"]
            pad = PAD_SHARE * (y1 - y0)
            x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
            lines.append(RawLine(text, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], float(b["confidence"])))
        return page, (skew if abs(skew) >= SKEW_MIN else 0.0), lines

    def _helper(self):
        if self._rapid is None:
            from audit.ocr.engines.rapid import RapidOcrEngine

            self._rapid = RapidOcrEngine(EngineSettings(threads=self.settings.threads,
                                                        rec_batch=self.settings.rec_batch,
                                                        model_dirs=self.settings.model_dirs))
        return self._rapid

    def _upside_down(self, page: np.ndarray, lines: list[RawLine], timings: dict[str, float]) -> bool:
        crops = [c for c in (_crop(page, r.quad, r.text) for r in lines) if c is not None]
        if not crops:
            return False
        bgr = [cv2.cvtColor(c, cv2.COLOR_GRAY2BGR) for c in crops]
        return self._helper()._upside_down(bgr, timings)

    def _reread(self, page: np.ndarray, lines: list[RawLine], timings: dict[str, float],
                hard: Sequence[Box] = ()) -> list[RawLine]:
        """Read doubtful lines again with the small recogniser; keep the more confident reading.

        Doubtful: read with less confidence than ``reread``, with a bracket left open (the
        tiny recogniser drops a closing bracket at a line's end while sure of the rest), or
        lying in a ``hard`` box — under a seal, where the tiny recogniser misreads dates it is
        sure of ("二〇.二四年", "九月十-…日", "2021年↓月28日" at 0.99): there the small
        recogniser's reading is taken when it reaches ``SEALED_SCORE``.
        """
        from audit.ocr.engines.rapid import STROKES, _stroke

        below = float(dict(self.settings.extra).get("reread", REREAD_BELOW))
        under_seal = {i for i, r in enumerate(lines) if any(overlap_share(_box(r.quad), h) > 0 for h in hard)}
        doubtful = [i for i, r in enumerate(lines) if r.confidence < below or _unbalanced(r.text) or i in under_seal]
        crops = {i: _crop(page, lines[i].quad, lines[i].text) for i in doubtful}
        crops = {i: c for i, c in crops.items() if c is not None}
        if crops:
            from rapidocr.ch_ppocr_rec import TextRecInput

            t = time.perf_counter()
            rec = self._helper().recogniser()
            order = list(crops)
            out = rec(TextRecInput(img=[cv2.cvtColor(crops[i], cv2.COLOR_GRAY2BGR) for i in order],
                                   return_word_box=False))
            timings["reread"] = time.perf_counter() - t
            for i, text, score in zip(order, out.txts or (), out.scores or (), strict=False):
                text = text.strip()
                mended = _unbalanced(lines[i].text) and not _unbalanced(text) and float(score) >= below
                sealed = i in under_seal and float(score) >= SEALED_SCORE  # the small model reads through seals better
                if text and (float(score) > lines[i].confidence or mended or sealed):
                    lines[i] = RawLine(text, lines[i].quad, float(score))
        for i, r in enumerate(lines):
            if r.text in STROKES:
                crop = _crop(page, r.quad, r.text)
                if crop is not None:
                    lines[i] = RawLine(_stroke(crop, r.text), r.quad, r.confidence)
            elif r.text == "一":  # tiny reads a lone "\\" (不适用 in forms) as 一: the ink's lean decides
                crop = _crop(page, r.quad, r.text)
                if crop is not None and SLASH_LEAN[0] <= abs(_lean(crop)) <= SLASH_LEAN[1]:
                    lines[i] = RawLine(_stroke(crop, "1"), r.quad, r.confidence)
        return lines


_PAIRS = ("(（", ")）"), ("《", "》"), ("〔[【", "〕]】"), ("〈<", "〉>")


def _unbalanced(text: str) -> bool:
    """A bracket opened and not closed (or closed and not opened) in one line."""
    return any(sum(map(text.count, opens)) != sum(map(text.count, closes)) for opens, closes in _PAIRS)


def form_boxes(page: np.ndarray, lines: list[RawLine]) -> list[RawLine]:
    """Tick boxes (□ empty, ■ ticked) that no piece of text covers: the tiny detector skips them.

    A box is a closed square outline about the size of a character (0.4-1.1 × the median
    height of the pieces read), found among all contours of the inked page; inner and outer
    outlines of one box count once; more than half inked inside is ticked.
    """
    heights = [quad_box_h(r.quad) for r in lines if len(r.text) >= 2]
    if not heights:
        return []
    ref = float(np.median(heights))
    lo, hi = 0.4 * ref, 1.1 * ref
    ink = (page < 128).astype(np.uint8)
    contours, _ = cv2.findContours(ink, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    found: list[tuple[int, int, int, int]] = []
    for c in sorted(contours, key=cv2.contourArea, reverse=True):  # a box's outer outline before its inner one
        x, y, w, h = cv2.boundingRect(c)
        if not (lo <= w <= hi and lo <= h <= hi and 0.8 <= w / h <= 1.25):
            continue
        if cv2.contourArea(c) < 0.8 * w * h or len(cv2.approxPolyDP(c, 0.08 * (w + h), True)) != 4:
            continue
        if any(_overlap((x, y, x + w, y + h), f) > 0.3 for f in found):
            continue
        found.append((x, y, x + w, y + h))
    out = []
    for x0, y0, x1, y1 in found:
        if any(_overlap((x0, y0, x1, y1), _box(r.quad)) > 0.3 for r in lines):
            continue
        m = max(2, (x1 - x0) // 4)
        inside = ink[y0 + m:y1 - m, x0 + m:x1 - m]
        if inside.size == 0:
            continue
        text = "■" if float(inside.mean()) > 0.5 else "□"
        out.append(RawLine(text, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], 0.9))
    return out


def quad_box_h(quad: list[tuple[float, float]]) -> float:
    return _sides(quad)[1]


def _box(quad: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Share of ``a``'s area inside ``b``."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = (a[2] - a[0]) * (a[3] - a[1])
    return w * h / area if w > 0 and h > 0 and area > 0 else 0.0


def estimate_skew(grey: np.ndarray) -> float:
    """Angle (degrees, counter-clockwise positive) of the text lines, by projection profile.

    Ink pixels of a small copy are projected across candidate angles; the angle whose row
    histogram is sharpest (largest sum of squares) wins: coarse 0.5° steps, then 0.1°.
    """
    factor = min(1.0, SKEW_WORK_SIDE / max(grey.shape[:2]))
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey
    ys, xs = np.nonzero(small < 128)
    if xs.size < 200:
        return 0.0
    if xs.size > 60000:
        pick = np.random.default_rng(0).choice(xs.size, 60000, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float32) - small.shape[1] / 2
    ys = ys.astype(np.float32)
    bins = small.shape[0] + small.shape[1]

    def sharpness(angle: float) -> float:
        a = np.radians(angle)
        rows = ys + xs * np.float32(np.tan(a))  # y of the ink on a line tilted by ``angle``
        hist = np.bincount(np.clip(rows + small.shape[1] / 2, 0, bins - 1).astype(np.int32), minlength=bins)
        return float(np.dot(hist, hist))

    coarse = max(np.arange(-SKEW_RANGE, SKEW_RANGE + 1e-6, 0.5), key=sharpness)
    return float(round(max(np.arange(coarse - 0.4, coarse + 0.41, 0.1), key=sharpness), 2))


def straighten(grey: np.ndarray, skew: float) -> np.ndarray:
    """The page turned so that lines tilted by ``skew`` run level (same size, white fill)."""
    h, w = grey.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -skew, 1.0)
    return cv2.warpAffine(grey, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _unskew(lines: list[RawLine], skew: float, shape: tuple[int, ...]) -> list[RawLine]:
    """Quads from the straightened frame back to the page's frame."""
    if not skew:
        return lines
    h, w = shape[:2]
    back = cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0)
    out = []
    for r in lines:
        pts = np.hstack([np.array(r.quad, dtype=np.float64), np.ones((4, 1))]) @ back.T
        out.append(RawLine(r.text, [(float(x), float(y)) for x, y in pts], r.confidence))
    return out


def _crop(page: np.ndarray, quad: list[tuple[float, float]], text: str = "") -> np.ndarray | None:
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    x0, y0 = max(0, int(min(xs))), max(0, int(min(ys)))
    x1, y1 = min(page.shape[1], int(round(max(xs)))), min(page.shape[0], int(round(max(ys))))
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    crop = page[y0:y1, x0:x1]
    if crop.shape[0] >= 1.5 * crop.shape[1] and len(text) >= 2:  # a vertical piece: read it lying down
        crop = cv2.rotate(crop, cv2.ROTATE_90_COUNTERCLOCKWISE)
    return np.ascontiguousarray(crop)


def _lean(crop: np.ndarray) -> float:
    """Angle of the ink's principal axis from the vertical (degrees, positive like "\\")."""
    darkest = int(crop.min())
    ys, xs = np.nonzero(crop < (darkest + 255) // 2)
    if darkest > 200 or xs.size < 8:
        return 0.0
    cov = np.cov(np.vstack([xs, ys]).astype(np.float64))
    return float(0.5 * np.degrees(np.arctan2(2 * cov[0, 1], cov[1, 1] - cov[0, 0])))


def _sides(quad: list[tuple[float, float]]) -> tuple[float, float]:
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    return max(xs) - min(xs), max(ys) - min(ys)


def _wide(quad: list[tuple[float, float]]) -> bool:
    w, h = _sides(quad)
    return w >= 4 * h


def _lying(lines: list[RawLine]) -> bool:
    """Most elongated pieces stand upright: the text runs down the page."""
    tall = wide = 0
    for r in lines:
        w, h = _sides(r.quad)
        if h >= 1.5 * w and len(r.text) >= 2:
            tall += 1
        elif w >= 1.5 * h:
            wide += 1
    return tall + wide > 0 and tall / (tall + wide) > 0.5


def _reads_upright(lines: list[RawLine]) -> bool:
    """The widest lines read with high confidence: the page is the right way up."""
    widest = sorted(lines, key=lambda r: -_sides(r.quad)[0])[:UPRIGHT_SAMPLE]
    return bool(widest) and float(np.median([r.confidence for r in widest])) >= UPRIGHT_CONFIDENCE


register(EngineSpec("faster-paddle", FasterPaddleEngine, identity, probe,
                    "PP-OCRv6 tiny (faster-paddle, models in the wheel) with small-model re-reading, CPU, offline"))
