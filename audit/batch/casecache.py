"""Extracted cases cached by content: a re-audit after a rule change reads no page again.

Reading a case (PDF parse, OCR — itself cached per page —, seal renders, segmentation,
extraction) costs far more than checking it. This cache keeps the extracted :class:`Case`
pickled under ``<cache root>/cases/<k[:2]>/<k>.pickle`` — the same
root as the OCR page cache (``$AUDIT_CACHE_DIR``, else ``~/.cache/casefile-audit``).

The key is the SHA-256 of

- the case's inputs: name and bytes of every file the reader looks at (for a folder, each
  file directly inside it except hidden ones and side files — overrides, waivers, ground
  truth, notes; for a single file, that file);
- the reader's version: a hash of the code that reads (``audit/ingest``, ``audit/parse``,
  ``audit/ocr``, the model and the pipeline), of ``checklists/document_types.yaml`` and of
  the versions of the libraries that read pages, computed once per process;
- the OCR options that change what is read (engine, resolutions, detector settings; not
  the number of processes or threads, nor the cache settings).

The case is stored *before* the reviewers' corrections (``overrides.json``): they are
applied after every load, so changing them never needs a new reading and never leaves a
stale correction behind. A case with pages that could not be read is not stored (the
failure may be transient: a worker out of memory). Writes are atomic; a damaged entry
counts as a miss. Nothing is ever evicted: delete the folder to reclaim the space.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import os
import pickle
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from audit.atomic import write_atomic
from audit.model import Case
from audit.ocr.options import OcrOptions

CACHE_VERSION = "case-2"  # bump when the stored form changes (2: pickle)
PACKAGE = Path(__file__).resolve().parent
READER_CODE = ("ingest", "parse", "ocr", "model.py", "pipeline.py", "limits.py", "errors.py", "checklists.py")
READER_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "pillow", "numpy",
                    "opencv-python-headless", "onnxruntime", "rapidocr")
# OcrOptions fields that do not change what is read
NOT_READING = frozenset({"workers", "threads", "no_cache", "cache_dir"})
SIDE_SUFFIXES = (".json", ".yaml", ".yml", ".md")  # as audit.ingest.SIDE_FILES, plus *.waivers.yaml

Progress = Callable[[int, int, str], None]


@functools.cache
def reader_version() -> str:
    """A hash of everything besides the input and the options that decides what is read."""
    from audit.checklists import checklists_dir

    digest = hashlib.sha256(CACHE_VERSION.encode())
    files: list[Path] = []
    for name in READER_CODE:
        path = PACKAGE / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    files.append(checklists_dir() / "document_types.yaml")
    for path in files:
        digest.update((path.relative_to(PACKAGE).as_posix() if path.is_relative_to(PACKAGE) else path.name).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"-")
    for lib in READER_LIBRARIES:
        try:
            digest.update(f"{lib}={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{lib}=-".encode())
    return digest.hexdigest()[:20]


def reading_options(options: OcrOptions) -> dict[str, Any]:
    """The OCR options that change what is read (JSON-able)."""
    return {f.name: getattr(options, f.name) for f in dataclasses.fields(options) if f.name not in NOT_READING}


def input_files(source: Path) -> list[Path]:
    """The files whose names and bytes decide how the case at ``source`` is read."""
    source = Path(source)
    if not source.is_dir():
        return [source]
    return sorted(
        p for p in source.iterdir()
        if p.is_file() and not p.name.startswith(".") and not p.name.lower().endswith(SIDE_SUFFIXES)
    )


def input_hash(source: Path) -> str:
    """SHA-256 over the names and bytes of :func:`input_files` (overrides and notes left out)."""
    digest = hashlib.sha256()
    for path in input_files(source):
        digest.update(os.fsencode(path.name) + b"\0")  # bytes: a name need not be valid UTF-8
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def case_key(source: Path, options: OcrOptions) -> str:
    blob = json.dumps([CACHE_VERSION, input_hash(source), reader_version(), reading_options(options)],
                      sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class CaseCache:
    """``get``/``put`` extracted cases by key; ``enabled=False`` is a no-op."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.root = Path(root) / "cases"
        self.enabled = enabled

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Case | None:
        # Pickle, not JSON: loading a case is 20× faster (from_dict walks ~30,000 objects).
        # The entries are this program's own, written under the user's cache folder, and the
        # key holds the reader's code version, so a stored object always fits the model.
        if not self.enabled:
            return None
        try:
            with open(self.path(key), "rb") as fh:
                blob = fh.read()
            with _gc_paused():  # a large tree of small objects: the collector only slows it down
                data = pickle.loads(blob)  # noqa: S301 - our own cache entry, see above
            if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("case"), Case):
                return None
            return data["case"]
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, KeyError, TypeError, AttributeError,
                ImportError, IndexError):
            return None

    def put(self, key: str, case: Case) -> None:
        if not self.enabled:
            return
        try:
            write_atomic(self.path(key), pickle.dumps({"key": key, "case": case}, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # a read-only or full disk must not stop the audit: the cache only saves time
            pass


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_as_read(source: Path, options: OcrOptions, progress: Progress | None = None) -> Case:
    """``read_case`` without the reviewers' corrections (the cache holds the case as read;
    ``load_case`` applies the overrides after the cache, for a hit and a miss alike)."""
    from audit.pipeline import read_case

    return read_case(source, options, progress, overrides=False)


@dataclasses.dataclass(slots=True)
class Loaded:
    case: Case
    from_cache: bool
    key: str | None = None


def load_case(source: Path, options: OcrOptions, use_cache: bool = True,
              progress: Progress | None = None) -> Loaded:
    """The case at ``source``, from the cache when its inputs, the reader and the reading
    options are unchanged, else read (and stored); the override file applied either way.

    ``use_cache=False`` neither reads nor writes the cache (``--no-cache``). With
    ``options.no_cache`` (the OCR page cache off) the stored case is not used — it would skip
    the OCR the caller asked to redo — but the fresh reading is stored.
    """
    from audit.overrides import apply_overrides
    from audit.pipeline import case_id_for

    source = Path(source)
    if not use_cache:
        from audit.pipeline import read_case

        return Loaded(read_case(source, options, progress), False)
    cache = CaseCache(options.cache_root())
    key = case_key(source, options)
    case = None if options.no_cache else cache.get(key)
    hit = case is not None
    if case is None:
        case = read_as_read(source, options, progress)
        if not any(p.needs_ocr for p in case.pages) or options.engine == "none":
            cache.put(key, case)
    else:
        case.case_id, case.source = case_id_for(source), str(source)  # the same bytes elsewhere
    apply_overrides(case, source)
    return Loaded(case, hit, key)
