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

from audit.ocr.engines import register
from audit.ocr.engines.base import EngineSettings, EngineUnavailable, RawLine, Reading
from audit.ocr.geometry import quad_angle, rotate_quads

MODEL_FILES = {
    "det": "PP-OCRv6_det_small.onnx",
    "rec": "PP-OCRv6_rec_small.onnx",
    "cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
ORIENT_SAMPLE = 16  # lines the classifier looks at to decide whether a page is upside down
UPSIDE_DOWN_SHARE = 0.6  # share of the classifier's confidence needed to turn a page over
TALL_SHARE = 0.5  # share of tall boxes above which the page is lying on its side


def model_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


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
        try:
            from importlib.metadata import version

            from rapidocr import RapidOCR
            from rapidocr.utils.log import logger as rapid_logger
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise EngineUnavailable(
                "未安装 rapidocr 或 onnxruntime，请执行 pip install rapidocr onnxruntime",
                f"rapidocr or onnxruntime is not installed ({exc}); pip install rapidocr onnxruntime",
            ) from exc
        rapid_logger.setLevel("ERROR")
        folder = Path(dict(settings.model_dirs).get("rapidocr", model_dir()))
        self.paths = {role: folder / fname for role, fname in MODEL_FILES.items()}
        missing = [str(p) for p in self.paths.values() if not p.is_file()]
        if missing:
            raise EngineUnavailable(
                f"rapidocr 模型文件缺失：{'、'.join(missing)}（请重新安装 rapidocr 轮子，本工具不联网下载模型）",
                f"rapidocr model files are missing: {', '.join(missing)} (reinstall the rapidocr "
                "wheel; this tool never downloads models)",
            )
        self.settings = settings
        threads = max(1, settings.threads)
        params = {
            "Global.log_level": "error",
            "Global.model_root_dir": str(folder),
            "Det.model_path": str(self.paths["det"]),
            "Rec.model_path": str(self.paths["rec"]),
            "Cls.model_path": str(self.paths["cls"]),
            "Det.limit_type": "max",
            "Det.limit_side_len": settings.det_side,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        ocr = RapidOCR(params=params)
        self._det = ocr._load_det_model()
        self._cls = ocr._load_cls_model()
        self._rec = ocr._load_rec_model()
        self._version = f"rapidocr-{version('rapidocr')}-{_model_digest(tuple(self.paths.values()))}"

    def identity(self) -> str:
        s = self.settings
        return f"{self._version}:det{s.det_side}:max{s.max_side}:score{s.text_score}"

    def read(self, grey: np.ndarray, *, orient: bool = True) -> Reading:
        timings: dict[str, float] = {}
        scale = min(1.0, self.settings.max_side / max(grey.shape[:2]))
        small = grey if scale == 1.0 else cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        img = cv2.cvtColor(small, cv2.COLOR_GRAY2BGR)

        rotation = 0
        quads = self._detect(img, timings)
        if orient and _lying(quads):
            img = cv2.rotate(img, cv2.ROTATE_90_CLOCKWISE)
            rotation = 90
            quads = self._detect(img, timings)
        crops = [_crop(img, q) for q in quads]
        if orient and crops and self._upside_down(crops, timings):
            h, w = img.shape[:2]
            quads = rotate_quads(quads, 180, w, h)
            crops = [cv2.rotate(c, cv2.ROTATE_180) for c in crops]
            rotation = (rotation + 180) % 360

        lines: list[RawLine] = []
        if crops:
            from rapidocr.ch_ppocr_rec import TextRecInput

            t = time.perf_counter()
            out = self._rec(TextRecInput(img=crops, return_word_box=False))
            timings["rec"] = time.perf_counter() - t
            for quad, text, score in zip(quads, out.txts or (), out.scores or (), strict=False):
                text = text.strip()
                if text and score >= self.settings.text_score:
                    lines.append(RawLine(text, [(x / scale, y / scale) for x, y in quad], float(score)))
        angles = [quad_angle(r.quad) for r in lines if _wide(r.quad)]
        skew = float(np.median(angles)) if angles else None
        return Reading(lines=lines, rotation=rotation, skew=skew, timings=timings)

    def _detect(self, img: np.ndarray, timings: dict[str, float]) -> list[list[tuple[float, float]]]:
        t = time.perf_counter()
        out = self._det(img)
        timings["det"] = timings.get("det", 0.0) + time.perf_counter() - t
        if out.boxes is None:
            return []
        return [[(float(x), float(y)) for x, y in box] for box in out.boxes]

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


def _crop(img: np.ndarray, quad: list[tuple[float, float]]) -> np.ndarray:
    from rapidocr.utils.process_img import get_rotate_crop_image

    return get_rotate_crop_image(img, np.array(quad, dtype=np.float32))


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


@register("rapidocr")
def _factory(settings: EngineSettings) -> RapidOcrEngine:
    return RapidOcrEngine(settings)
