"""Paddle inference folders made here from the PP-OCR ONNX models in the rapidocr wheel.

No package ships PaddleOCR's own model files and this tool never downloads, so for tests and
``make bench-paddle`` the detector and recogniser that the rapidocr wheel carries (PP-OCRv6
small, exported from Paddle to ONNX by its authors) are converted back with x2paddle, into
a folder per model in the layout PaddleOCR 3.x / PaddleX reads for a local model:
``inference.json`` + ``inference.pdiparams`` (the program and weights) and ``inference.yml``
(model name, pre-processing and post-processing, the recogniser's character list).

    python -m audit.ocr.engines.paddle_models OUT_DIR   # prints det=... rec=...

Needs the optional extra ``[paddle]`` plus ``x2paddle`` and ``onnx``; never part of the
default install.
"""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import yaml

MODELS = {  # role -> (file in the rapidocr wheel, PaddleX model name)
    "det": ("PP-OCRv6_det_small.onnx", "PP-OCRv6_small_det"),
    "rec": ("PP-OCRv6_rec_small.onnx", "PP-OCRv6_small_rec"),
}
DET_CONFIG = {
    "PreProcess": {"transform_ops": [
        {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
        {"DetLabelEncode": None},
        {"DetResizeForTest": {"resize_long": 960}},
        {"NormalizeImage": {"mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "scale": "1./255.",
                            "order": "hwc"}},
        {"ToCHWImage": None},
        {"KeepKeys": {"keep_keys": ["image", "shape", "polys", "ignore_tags"]}},
    ]},
    "PostProcess": {"name": "DBPostProcess", "thresh": 0.3, "box_thresh": 0.6, "max_candidates": 1000,
                    "unclip_ratio": 1.5},
}
REC_CONFIG = {
    "PreProcess": {"transform_ops": [
        {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
        {"MultiLabelEncode": {"gtc_encode": "NRTRLabelEncode"}},
        {"RecResizeImg": {"image_shape": [3, 48, 320]}},
        {"KeepKeys": {"keep_keys": ["image", "label_ctc", "label_gtc", "length", "valid_ratio"]}},
    ]},
}


def _onnx_compat() -> None:
    """x2paddle 1.6 reads ``onnx.version`` and ``onnx.mapping``, which onnx ≥ 1.16 removed."""
    import onnx
    from onnx import TensorProto, helper

    if not hasattr(onnx, "version"):
        onnx.version = types.SimpleNamespace(version=onnx.__version__)  # type: ignore[attr-defined]
    if "onnx.mapping" not in sys.modules:
        try:
            import onnx.mapping  # noqa: F401
        except ImportError:
            mapping = types.ModuleType("onnx.mapping")
            table = {}
            for value in TensorProto.DataType.values():
                try:
                    table[value] = helper.tensor_dtype_to_np_dtype(value)
                except (KeyError, ValueError, TypeError):
                    continue
            mapping.TENSOR_TYPE_TO_NP_TYPE = table  # type: ignore[attr-defined]
            sys.modules["onnx.mapping"] = mapping
            onnx.mapping = mapping  # type: ignore[attr-defined]


def characters(onnx_path: Path) -> list[str]:
    """The recogniser's character list, stored in the ONNX file's metadata by its exporter."""
    import onnxruntime

    session = onnxruntime.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    return session.get_modelmeta().custom_metadata_map["character"].split("\n")


def convert(role: str, out: Path) -> Path:
    """One Paddle inference folder for ``role`` (det / rec) under ``out``; returns the folder."""
    from x2paddle.convert import onnx2paddle

    from audit.ocr.engines.rapid import model_dir

    _onnx_compat()
    source_name, model_name = MODELS[role]
    source = model_dir() / source_name
    folder = out / model_name
    if (folder / "inference.pdiparams").is_file():
        return folder
    work = out / f".x2paddle-{role}"
    shutil.rmtree(work, ignore_errors=True)
    onnx2paddle(str(source), str(work), convert_to_lite=False, lite_valid_places="arm",
                lite_model_type="naive_buffer", disable_feedback=True, enable_onnx_checker=False)
    folder.mkdir(parents=True, exist_ok=True)
    made = work / "inference_model"
    for suffix in (".json", ".pdiparams"):
        shutil.move(str(made / f"model{suffix}"), str(folder / f"inference{suffix}"))
    config = {"Global": {"model_name": model_name}, **(DET_CONFIG if role == "det" else REC_CONFIG)}
    if role == "rec":
        config["PostProcess"] = {"name": "CTCLabelDecode", "character_dict": characters(source)}
    (folder / "inference.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                          encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return folder


def build(out: Path, timeout_s: float = 900) -> dict[str, str]:
    """Every role converted under ``out``: ``{"det": folder, "rec": folder}``.

    Each conversion runs in its own process: x2paddle names parameters per process, and a
    second model converted in the same process collides with the first.
    """
    import subprocess

    out.mkdir(parents=True, exist_ok=True)
    folders = {}
    for role, (_, model_name) in MODELS.items():
        folder = out / model_name
        if not (folder / "inference.pdiparams").is_file():
            done = subprocess.run([sys.executable, "-m", "audit.ocr.engines.paddle_models", str(out), role],
                                  capture_output=True, text=True, timeout=timeout_s)
            if done.returncode != 0:
                raise RuntimeError(f"x2paddle conversion of {role} failed: "
                                   + ((done.stderr or done.stdout).strip().splitlines() or ["?"])[-1])
        folders[role] = str(folder)
    return folders


if __name__ == "__main__":
    if len(sys.argv) > 2:
        print(convert(sys.argv[2], Path(sys.argv[1])))
    else:
        print(" ".join(f"{role}={folder}" for role, folder in build(Path(sys.argv[1])).items()))
