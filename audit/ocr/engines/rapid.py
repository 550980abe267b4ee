"""rapidocr: PaddleOCR's PP-OCR models shipped inside the ``rapidocr`` wheel, on ONNX Runtime.

Offline by construction: every model is given by its path inside the installed wheel, so
rapidocr's download code is never reached (a missing file is an error, not a download).
The pieces are driven one by one rather than through ``RapidOCR.__call__`` so that:
- text is detected on a smaller image (``det_side``) and cut from a larger one (``max_side``);
- the page orientation (0/90/180/270) is found once per page (the detector's box shapes
  give the axis, the line classifier on a few lines gives up/down), then lines are read
  without running the classifier on every line.
"""

from __future__ import annotations

import hashlib
import time
from functools import cache
from pathlib import Path

import cv2
import numpy as np

from audit.ocr.engines import EngineSpec, register
from audit.ocr.engines.base import EngineSettings, EngineUnavailable, RawLine, Reading
from audit.ocr.geometry import quad_angle, quad_box, rotate_quads

MODEL_FILES = {
    "det": "PP-OCRv6_det_small.onnx",
    "rec": "PP-OCRv6_rec_small.onnx",
    "cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
ORIENT_SAMPLE = 16  # lines the classifier looks at to decide whether a page is upside down
UPSIDE_DOWN_SHARE = 0.6  # share of the classifier's confidence needed to turn a page over
TALL_SHARE = 0.5  # share of tall boxes above which the page is lying on its side
SLANT_DEGREES = 12.0  # a lone stroke leaning more than this is "\\" or "/", not "1"
STROKES = {"1", "l", "I", "|", "丨", "\\", "/"}
UNCLIP_RATIO = 2.0  # detector box growth (default 1.6): keeps line-end punctuation and □/■ (CER 0.38 → 0.28 %)
DET_SIDE = 1280  # detector input long side (measured: the small detector misses nothing at 1280 on A4 at 200 dpi)
STEEP_ANGLE = 15.0  # degrees: a detected box slanted more than this is boxed upright


def model_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def model_paths(settings: EngineSettings) -> dict[str, Path]:
    folder = Path(settings.model_dir("rapidocr") or model_dir())
    return {role: folder / fname for role, fname in MODEL_FILES.items()}


def probe(settings: EngineSettings) -> None:
    try:
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError as exc:  # pragma: no cover - core dependencies
        raise EngineUnavailable(
            "未安装 rapidocr 或 onnxruntime，请执行 pip install rapidocr onnxruntime",
            f"rapidocr or onnxruntime is not installed ({exc}); run pip install rapidocr onnxruntime",
        ) from exc
    missing = [str(p) for p in model_paths(settings).values() if not p.is_file()]
    if missing:
        raise EngineUnavailable(
            f"rapidocr 模型文件缺失：{'、'.join(missing)}（请重新安装 rapidocr，本工具不联网下载模型）",
            f"rapidocr model files are missing: {', '.join(missing)} (reinstall rapidocr; "
            "this tool never downloads models)",
        )


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("rapidocr")
    except Exception:  # noqa: BLE001 - an unpacked copy without metadata
        from rapidocr._version import __version__

        return str(__version__)


def identity(settings: EngineSettings) -> str:
    s = settings
    extra = ",".join(f"{k}={v}" for k, v in sorted(s.extra))
    digest = _model_digest(tuple(model_paths(settings).values()))
    return (f"rapidocr-{_version()}-{digest}:det{s.det_side or DET_SIDE}:max{s.max_side}"
            f":score{s.text_score}:batch{s.rec_batch}:unclip{UNCLIP_RATIO}:{extra}")


@cache
def _model_digest(paths: tuple[Path, ...]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(str(path.stat().st_size).encode())
    return h.hexdigest()[:12]


class RapidOcrEngine:
    """PP-OCR detection + recognition (+ line classifier for orientation) on ONNX Runtime."""

    name = "rapidocr"

    def __init__(self, settings: EngineSettings) -> None:
        from rapidocr import RapidOCR
        from rapidocr.utils.log import logger as rapid_logger

        rapid_logger.setLevel("ERROR")
        self.settings = settings
        self.paths = model_paths(settings)
        params = {
            "Global.log_level": "error",
            "Global.model_root_dir": str(self.paths["det"].parent),
            "Det.model_path": str(self.paths["det"]),
            "Rec.model_path": str(self.paths["rec"]),
            "Cls.model_path": str(self.paths["cls"]),
            "Det.limit_type": "max",
            "Det.limit_side_len": settings.det_side or DET_SIDE,
            "Rec.rec_batch_num": max(1, settings.rec_batch),
            "Det.unclip_ratio": UNCLIP_RATIO,
            "EngineConfig.onnxruntime.intra_op_num_threads": max(1, settings.threads),
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        params.update({k: v for k, v in settings.extra if k.startswith(("Det.", "Rec.", "Cls.", "Global."))})
        self._ocr = RapidOCR(params=params)
        self._models: dict[str, object] = {}

    def _model(self, role: str):
        """A model session, loaded on first use (another engine may need only the recogniser)."""
        model = self._models.get(role)
        if model is None:
            model = getattr(self._ocr, f"_load_{role}_model")()
            self._models[role] = model
        return model

    def _det(self, img: np.ndarray):
        return self._model("det")(img)

    def _cls(self, crops: list[np.ndarray]):
        return self._model("cls")(crops)

    def _rec(self, args):
        return self._model("rec")(args)

    def recogniser(self):
        """The text-line recogniser (``TextRecInput`` in, texts and scores out)."""
        return self._model("rec")

    def identity(self) -> str:
        return identity(self.settings)

    def read(self, grey: np.ndarray, *, orient: bool = True, doubt=()) -> Reading:  # doubt: not used
        timings: dict[str, float] = {}
        scale = min(1.0, self.settings.max_side / max(grey.shape[:2]))
        small = grey if scale == 1.0 else cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        img = cv2.cvtColor(small, cv2.COLOR_GRAY2BGR)

        img, quads, crops, rotation = self._orient(img, orient, timings)

        lines: list[RawLine] = []
        if crops:
            from rapidocr.ch_ppocr_rec import TextRecInput

            t = time.perf_counter()
            out = self._rec(TextRecInput(img=crops, return_word_box=False))
            timings["rec"] = time.perf_counter() - t
            for quad, crop, text, score in zip(quads, crops, out.txts or (), out.scores or (), strict=False):
                text = _stroke(crop, text.strip())
                if text and score >= self.settings.text_score:
                    lines.append(RawLine(text, [(x / scale, y / scale) for x, y in quad], float(score)))
        angles = [quad_angle(r.quad) for r in lines if _wide(r.quad)]
        skew = float(np.median(angles)) if angles else None
        return Reading(lines=lines, rotation=rotation, skew=skew, timings=timings)

    def orientation(self, grey: np.ndarray) -> int:
        """The clockwise turn (0/90/180/270) that makes a page upright (for other engines)."""
        scale = min(1.0, (self.settings.det_side or DET_SIDE) / max(grey.shape[:2]))
        small = grey if scale == 1.0 else cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        return self._orient(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR), True, {})[3]

    def _orient(self, img: np.ndarray, orient: bool, timings: dict[str, float]):
        """Detect lines; with ``orient``, turn the page upright first. Returns image, quads, crops, turn."""
        rotation = 0
        quads = self._detect(img, timings)
        if orient and _lying(quads):
            img = cv2.rotate(img, cv2.ROTATE_90_CLOCKWISE)
            rotation = 90
            quads = self._detect(img, timings)
        crops = [_crop(img, q) for q in quads]
        if orient and crops and self._upside_down(crops, timings):
            h, w = img.shape[:2]
            img = cv2.rotate(img, cv2.ROTATE_180)
            quads = rotate_quads(quads, 180, w, h)
            crops = [cv2.rotate(c, cv2.ROTATE_180) for c in crops]
            rotation = (rotation + 180) % 360
        return img, quads, crops, rotation

    def _detect(self, img: np.ndarray, timings: dict[str, float]) -> list[list[tuple[float, float]]]:
        t = time.perf_counter()
        out = self._det(img)
        timings["det"] = timings.get("det", 0.0) + time.perf_counter() - t
        if out.boxes is None:
            return []
        return [_upright_quad([(float(x), float(y)) for x, y in box]) for box in out.boxes]

    def _upside_down(self, crops: list[np.ndarray], timings: dict[str, float]) -> bool:
        """Ask the line classifier about the widest lines: is the page upside down?"""
        ratios = [c.shape[1] / max(1, c.shape[0]) for c in crops]
        order = sorted(range(len(crops)), key=lambda i: -ratios[i])[:ORIENT_SAMPLE]
        sample = [crops[i] for i in order if ratios[i] >= 2.0] or [crops[i] for i in order]
        t = time.perf_counter()
        out = self._cls(sample)
        timings["cls"] = time.perf_counter() - t
        votes = {"0": 0.0, "180": 0.0}
        for label, score in out.cls_res or ():
            votes["180" if "180" in str(label) else "0"] += float(score)
        total = votes["0"] + votes["180"]
        return total > 0 and votes["180"] / total >= UPSIDE_DOWN_SHARE


def _stroke(crop: np.ndarray, text: str) -> str:
    """A lone upright stroke read as "1"/"|" may be a slanted "\\" or "/" (“不适用” in forms).

    The recogniser reads a lone backslash as "1"; the slant of the ink decides.
    """
    if text not in STROKES:
        return text
    grey = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    darkest = int(grey.min())
    ys, xs = np.nonzero(grey < (darkest + 255) // 2)  # faint thin strokes: relative threshold
    if darkest > 200 or xs.size < 8:
        return text
    cov = np.cov(np.vstack([xs, ys]).astype(np.float64))
    # angle of the principal axis from the vertical, positive when it leans like "\\"
    lean = 0.5 * np.degrees(np.arctan2(2 * cov[0, 1], cov[1, 1] - cov[0, 0]))
    if lean > SLANT_DEGREES:
        return "\\"
    if lean < -SLANT_DEGREES:
        return "/"
    return text if text not in ("\\", "/") else "1"


def _crop(img: np.ndarray, quad: list[tuple[float, float]]) -> np.ndarray:
    from rapidocr.utils.process_img import get_rotate_crop_image

    return get_rotate_crop_image(img, np.array(quad, dtype=np.float32))


def _upright_quad(quad: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A steeply slanted quad is one stroke (a lone "\\" or "/"), not a line: box it upright.

    The detector fits a minimum-area rectangle, which for a diagonal stroke runs along the
    stroke; cutting along it turns "\\" into "1". Pages are upright here within a few degrees.
    """
    angle = abs(quad_angle(quad)) % 90
    if STEEP_ANGLE < angle < 90 - STEEP_ANGLE:
        x0, y0, x1, y1 = quad_box(quad)
        return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return quad


def _sides(quad: list[tuple[float, float]]) -> tuple[float, float]:
    p = np.array(quad, dtype=np.float64)
    return float(np.linalg.norm(p[1] - p[0])), float(np.linalg.norm(p[3] - p[0]))


def _wide(quad: list[tuple[float, float]]) -> bool:
    w, h = _sides(quad)
    return w >= 4 * h


def _lying(quads: list[list[tuple[float, float]]]) -> bool:
    """True when most elongated boxes stand upright: text lines running down the page."""
    tall = wide = 0
    for quad in quads:
        w, h = _sides(quad)
        if h >= 1.5 * w:
            tall += 1
        elif w >= 1.5 * h:
            wide += 1
    return tall + wide > 0 and tall / (tall + wide) > TALL_SHARE


register(EngineSpec("rapidocr", RapidOcrEngine, identity, probe,
                    "PP-OCR (rapidocr wheel) on ONNX Runtime, CPU, offline"))
