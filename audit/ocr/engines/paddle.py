"""paddleocr (optional): PaddleOCR 3.x on PaddlePaddle, for sites with GPUs, local models only.

PaddleOCR normally downloads its models on first use; here it must not. The model folders
are given by the user (``--model-dir det=PATH --model-dir rec=PATH``, optionally
``cls=PATH`` for the text-line orientation model) and checked before PaddleOCR is
imported, so a missing piece gives one clear bilingual message instead of a download
attempt and a traceback. Page orientation (0/90/180/270) is found with the bundled
rapidocr detector and line classifier, then PaddleOCR reads the upright page.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from audit.ocr.engines import EngineSpec, register
from audit.ocr.engines.base import EngineSettings, EngineUnavailable, RawLine, Reading

ROLES = {"det": "text_detection", "rec": "text_recognition", "cls": "textline_orientation"}
REQUIRED = ("det", "rec")
HOW_TO = (
    "在联网的机器上从 PaddleOCR 官方模型列表下载推理模型（如 PP-OCRv5_server_det、PP-OCRv5_server_rec），"
    "解压后复制到本机，再以 --model-dir det=文件夹 --model-dir rec=文件夹 指定",
    "on a connected machine download the inference models from PaddleOCR's model list (e.g. "
    "PP-OCRv5_server_det, PP-OCRv5_server_rec), copy the unpacked folders here and pass "
    "--model-dir det=FOLDER --model-dir rec=FOLDER",
)


def _folder_ok(folder: Path) -> bool:
    names = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    return "inference.pdiparams" in names and bool(names & {"inference.json", "inference.pdmodel"})


def probe(settings: EngineSettings) -> None:
    missing = [role for role in REQUIRED if not settings.model_dir(role)]
    if missing:
        raise EngineUnavailable(
            f"paddleocr 引擎需要本地模型文件夹（缺少 {'、'.join(missing)}）；本工具不联网下载模型。{HOW_TO[0]}",
            f"the paddleocr engine needs local model folders (missing: {', '.join(missing)}); "
            f"this tool never downloads models. {HOW_TO[1]}",
        )
    bad = [f"{role}={settings.model_dir(role)}" for role in ROLES
           if settings.model_dir(role) and not _folder_ok(Path(settings.model_dir(role) or ""))]
    if bad:
        raise EngineUnavailable(
            f"以下模型文件夹不存在或不是 Paddle 推理模型（应含 inference.pdiparams 与 inference.json）：{'、'.join(bad)}",
            f"these model folders are missing or not Paddle inference models (expected inference.pdiparams "
            f"and inference.json): {', '.join(bad)}",
        )
    try:
        import paddle  # noqa: F401
    except ImportError as exc:
        raise EngineUnavailable(
            "未安装 PaddlePaddle：请执行 pip install 'casefile-audit[paddle]'（GPU 机器请按 CUDA 版本安装 paddlepaddle-gpu）",
            "PaddlePaddle is not installed: pip install 'casefile-audit[paddle]' (on GPU machines install "
            "the paddlepaddle-gpu build for your CUDA version)",
        ) from exc
    try:
        import paddleocr  # noqa: F401
    except ImportError as exc:
        raise EngineUnavailable("未安装 paddleocr：请执行 pip install 'casefile-audit[paddle]'",
                                "paddleocr is not installed: pip install 'casefile-audit[paddle]'") from exc


def identity(settings: EngineSettings) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("paddleocr")
    except PackageNotFoundError:
        v = "?"
    models = ",".join(f"{r}={Path(settings.model_dir(r) or '').name}" for r in ROLES if settings.model_dir(r))
    return f"paddleocr-{v}:{models}:score{settings.text_score}"


def _model_name(folder: str) -> str | None:
    """PaddleX model folders name their model in inference.yml (Global.model_name)."""
    path = Path(folder) / "inference.yml"
    try:
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return str(data["Global"]["model_name"])
    except (OSError, KeyError, TypeError, ValueError, ImportError):
        return None


class PaddleOcrEngine:
    name = "paddleocr"

    def __init__(self, settings: EngineSettings) -> None:
        os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")  # no network probe
        from paddleocr import PaddleOCR

        self.settings = settings
        kwargs: dict[str, object] = {"use_doc_orientation_classify": False, "use_doc_unwarping": False,
                                     "use_textline_orientation": bool(settings.model_dir("cls")),
                                     "text_rec_score_thresh": settings.text_score,
                                     "cpu_threads": max(1, settings.threads),
                                     # Paddle 3.3's oneDNN executor fails on these programs ("ConvertPirAttribute2
                                     # RuntimeAttribute not support ArrayAttribute<DoubleAttribute>"): plain CPU kernels
                                     "enable_mkldnn": False}
        for role, prefix in ROLES.items():
            folder = settings.model_dir(role)
            if folder:
                kwargs[f"{prefix}_model_dir"] = folder
                name = _model_name(folder)
                if name:
                    kwargs[f"{prefix}_model_name"] = name
        self._ocr = PaddleOCR(**kwargs)
        self._orienter = None

    def identity(self) -> str:
        return identity(self.settings)

    def read(self, grey: np.ndarray, *, orient: bool = True, doubt=()) -> Reading:  # doubt: not used
        import cv2

        rotation = self._orientation(grey) if orient else 0
        if rotation:
            grey = cv2.rotate(grey, {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
                                     270: cv2.ROTATE_90_COUNTERCLOCKWISE}[rotation])
        lines: list[RawLine] = []
        for res in self._ocr.predict(cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)):
            for text, score, poly in zip(res["rec_texts"], res["rec_scores"], res["rec_polys"], strict=False):
                if text.strip() and score >= self.settings.text_score:
                    quad = [(float(x), float(y)) for x, y in np.asarray(poly)[:4]]
                    lines.append(RawLine(text.strip(), quad, float(score)))
        return Reading(lines=lines, rotation=rotation, skew=None)

    def _orientation(self, grey: np.ndarray) -> int:
        if self._orienter is None:
            from audit.ocr.engines.rapid import RapidOcrEngine

            self._orienter = RapidOcrEngine(EngineSettings(threads=self.settings.threads))
        return self._orienter.orientation(grey)


register(EngineSpec("paddleocr", PaddleOcrEngine, identity, probe,
                    "PaddleOCR 3.x on PaddlePaddle with local model folders (optional extra [paddle])"))
