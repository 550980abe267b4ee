"""The engine protocol: a page image in, text lines with quadrilaterals and confidences out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:  # numpy only for annotations: `audit check` of a cached case never loads it
    import numpy as np

from audit.errors import AuditError

Quad = list[tuple[float, float]]  # four corners, clockwise from top-left, in pixels


@dataclass(slots=True)
class RawLine:
    """One piece of text as an engine reads it, in pixels of the upright image."""

    text: str
    quad: Quad
    confidence: float


@dataclass(slots=True)
class Reading:
    """What an engine read on one page image.

    ``rotation`` is the clockwise turn (0/90/180/270) the engine applied to the input to
    read it upright; ``lines`` are in the pixel frame of that upright image.
    ``skew`` is the residual small angle of the text lines (degrees, counter-clockwise
    positive), as measured by the engine, or ``None`` when it does not know.
    """

    lines: list[RawLine] = field(default_factory=list)
    rotation: int = 0
    skew: float | None = None
    timings: dict[str, float] = field(default_factory=dict)


Box = tuple[float, float, float, float]


@runtime_checkable
class Engine(Protocol):
    """An OCR engine. Instances are created once per worker process and reused."""

    name: str

    def identity(self) -> str:
        """Engine and model versions plus the settings that change results (cache key)."""
        ...

    def read(self, grey: np.ndarray, *, orient: bool = True, doubt: Sequence[Box] = ()) -> Reading:
        """Read a grey page image (uint8, H×W). With ``orient``, find 0/90/180/270 first.

        ``doubt``: boxes (pixels of ``grey``, x0, y0, x1, y1) where print is hard to read — under
        seals; an engine may read the lines there with more care (and may ignore them).
        """
        ...


class EngineUnavailable(AuditError):
    """The engine cannot run here; the message says what to install or provide (zh / en)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__("ocr_engine_unavailable", zh, en)


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """Settings every engine receives; engines ignore what they do not use."""

    threads: int = 1  # intra-op threads for this worker
    det_side: int | None = None  # long side (px) of the image the text detector sees; None: the engine's own
    max_side: int = 2000  # long side (px) of the image text lines are cut from
    text_score: float = 0.5  # drop pieces read with less confidence than this
    rec_batch: int = 2  # text lines per recogniser call (measured: 1-2 cost ~18% less CPU than 6)
    model_dirs: tuple[tuple[str, str], ...] = ()  # (role, folder) for engines with local models
    extra: tuple[tuple[str, Any], ...] = ()

    def model_dir(self, role: str) -> str | None:
        return dict(self.model_dirs).get(role)
