"""tesseract (optional baseline): the ``tesseract`` binary with ``chi_sim``, through its TSV output.

Orientation comes from tesseract's own OSD (``osd.traineddata``) when installed. One
OpenMP thread per call (``OMP_THREAD_LIMIT``): its default threading was 3-4× slower here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache

import cv2
import numpy as np

from audit.ocr.engines import EngineSpec, register
from audit.ocr.engines.base import EngineSettings, EngineUnavailable, RawLine, Reading

LANG = "chi_sim"
TIMEOUT_S = 120
_ASCII_WORD = re.compile(r"[A-Za-z0-9]$")


@cache
def _binary() -> str | None:
    return shutil.which("tesseract")


@cache
def _langs(binary: str) -> frozenset[str]:
    out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    return frozenset(line.strip() for line in out.stdout.splitlines()[1:])


@cache
def _version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
    return (out.stdout or out.stderr).splitlines()[0].strip()


def probe(settings: EngineSettings) -> None:
    binary = _binary()
    if binary is None:
        raise EngineUnavailable(
            "未找到 tesseract 程序；请安装：apt-get install tesseract-ocr tesseract-ocr-chi-sim",
            "the tesseract binary was not found; install it: apt-get install tesseract-ocr tesseract-ocr-chi-sim",
        )
    if LANG not in _langs(binary):
        raise EngineUnavailable(
            "tesseract 缺少简体中文语言包 chi_sim；请安装：apt-get install tesseract-ocr-chi-sim",
            "tesseract lacks the chi_sim language data; install it: apt-get install tesseract-ocr-chi-sim",
        )


def identity(settings: EngineSettings) -> str:
    binary = _binary() or "tesseract"
    return f"{_version(binary)}:{LANG}:psm3"


class TesseractEngine:
    name = "tesseract"

    def __init__(self, settings: EngineSettings) -> None:
        self.settings = settings
        self.binary = _binary() or "tesseract"
        self.env = {**os.environ, "OMP_THREAD_LIMIT": str(max(1, settings.threads))}
        self.has_osd = "osd" in _langs(self.binary)

    def identity(self) -> str:
        return identity(self.settings)

    def read(self, grey: np.ndarray, *, orient: bool = True, doubt=()) -> Reading:  # doubt: not used
        rotation = self._orientation(grey) if orient and self.has_osd else 0
        if rotation:
            grey = cv2.rotate(grey, {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
                                     270: cv2.ROTATE_90_COUNTERCLOCKWISE}[rotation])
        tsv = self._run(grey, ["-l", LANG, "--psm", "3", "tsv"])
        return Reading(lines=_lines(tsv, self.settings.text_score), rotation=rotation, skew=None)

    def _orientation(self, grey: np.ndarray) -> int:
        """Tesseract OSD on a smaller copy: 'Rotate: N' is the clockwise turn to upright."""
        scale = min(1.0, 1600 / max(grey.shape[:2]))
        small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
        try:
            out = self._run(small, ["--psm", "0"])
        except EngineUnavailable:
            return 0  # too little text to tell: leave the page as it is
        match = re.search(r"Rotate:\s*(\d+)", out)
        return int(match.group(1)) % 360 if match else 0

    def _run(self, grey: np.ndarray, args: list[str]) -> str:
        ok, png = cv2.imencode(".png", grey)
        if not ok:  # pragma: no cover
            raise EngineUnavailable("图像编码失败", "could not encode the page image")
        proc = subprocess.run([self.binary, "stdin", "stdout", *args], input=png.tobytes(),
                              capture_output=True, env=self.env, timeout=TIMEOUT_S)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise EngineUnavailable(f"tesseract 运行失败：{err[0]}", f"tesseract failed: {err[0]}")
        return proc.stdout.decode("utf-8", "replace")


def _lines(tsv: str, min_score: float) -> list[RawLine]:
    """Words of the TSV grouped by (block, paragraph, line) into pieces of text."""
    groups: dict[tuple[str, str, str], list[tuple[str, int, int, int, int, float]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        groups.setdefault((cols[2], cols[3], cols[4]), []).append(
            (cols[11].strip(), left, top, width, height, float(cols[10])))
    out = []
    for words in groups.values():
        text = ""
        for word, *_ in words:
            if text and _ASCII_WORD.search(text) and word[:1].isascii() and word[:1].isalnum():
                text += " "
            text += word
        conf = sum(w[5] for w in words) / len(words) / 100.0
        if conf < min_score:
            continue
        x0 = min(w[1] for w in words)
        y0 = min(w[2] for w in words)
        x1 = max(w[1] + w[3] for w in words)
        y1 = max(w[2] + w[4] for w in words)
        out.append(RawLine(text, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], round(conf, 4)))
    return out


register(EngineSpec("tesseract", TesseractEngine, identity, probe,
                    "tesseract + chi_sim (optional baseline)"))
