"""Build cases: scenario → defects → text PDF → scanned PDF / page images → truth.json.

``generate(seed, count, out)`` makes a random, deterministic set (for benchmarks; never
committed); ``build_corpus(out)`` makes the curated set committed under ``samples/corpus``
from the specs in ``corpus.py``. The same seed (or spec) gives byte-identical truth.json and
text PDFs; scanned renderings (``scan.py``) are byte-identical too.
"""

from __future__ import annotations

import json
import random
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path

from . import defects as DF
from .render import render
from .scenario import Scenario, check_clean, make_scenario
from .truth import build_truth

CLEAN_SHARE = 0.3


@dataclass
class Built:
    scenario: Scenario
    pdf: bytes
    truth: dict


def make_case(case_id: str, seed_label: str, spec: dict | None = None) -> Scenario:
    """A scenario with its defects injected (spec keys: see corpus.py)."""
    spec = dict(spec or {})
    rng = random.Random(f"casegen:{seed_label}")
    sc = make_scenario(case_id, rng, template=spec.get("template"), violation=spec.get("violation"),
                       procedure=spec.get("procedure"), year=spec.get("year"), month=spec.get("month"),
                       defence_mode=spec.get("defence"), hearing_held=spec.get("hearing_held"),
                       complaint=spec.get("complaint"))
    sc.seed = seed_label
    problems = check_clean(sc)
    if problems:  # a bug in the scenario generator, never a wanted defect
        raise AssertionError(f"{case_id}: clean scenario breaks the rules: {problems}")
    wanted = spec.get("defects")
    if wanted is None:  # random: a share stays clean, the rest get 1-4 defects
        if rng.random() < CLEAN_SHARE:
            return sc
        types = sorted(DF.INJECTORS)
        rng.shuffle(types)
        target = rng.randrange(1, 6)
        DF.inject(sc, rng, types[:target + 3], limit=target)
        return sc
    for key, value in (spec.get("options") or {}).items():  # e.g. which document missing_document drops
        sc.mods[f"_opt.{key}"] = value
    applied = DF.inject(sc, rng, list(wanted))
    missing = [t for t in wanted if t not in applied]
    if missing:
        raise ValueError(f"{case_id}: defects not applicable to this case: {missing}")
    return sc


def build(case_id: str, seed_label: str, spec: dict | None = None) -> Built:
    sc = make_case(case_id, seed_label, spec)
    pdf, writer = render(sc)
    return Built(sc, pdf, build_truth(sc, writer))


def scan_plan(seed_label: str, pages: int, spec: dict | None = None) -> dict:
    """Which pages a scanner turns or a phone photographs (some cases only), and how the scan is stored.

    ``storage`` (see ``scan.py``): ``compact`` (1-bit text over a small paper image,
    as office scanners' high-compression PDFs) or ``colour`` (full-page JPEGs); a random case
    draws it (two in three compact), a spec may name it.
    """
    spec = spec or {}
    rng = random.Random(f"scanplan:{seed_label}")
    rotations: dict[int, int] = {}
    photographed: list[int] = []
    if "rotations" in spec:
        rotations = {int(k): v for k, v in spec["rotations"].items()}
    elif pages > 3 and rng.random() < 0.5:
        rotations[rng.randrange(2, pages + 1)] = rng.choice((90, 180, 270))
    if "photographed" in spec:
        photographed = list(spec["photographed"])
    elif pages > 3 and rng.random() < 0.4:
        photographed = [p for p in [rng.randrange(2, pages + 1)] if p not in rotations]
    storage = spec.get("storage") or ("compact" if rng.random() < 2 / 3 else "colour")
    return {"seed": zlib.crc32(seed_label.encode()), "dpi": 200, "rotations": rotations,
            "photographed": sorted(photographed), "storage": storage}


def write(built: Built, out: Path, *, scanned: bool = True, images: bool = False, scan_spec: dict | None = None) -> dict:
    """Write text.pdf, scanned.pdf (and pages/), truth.json into ``out/<case_id>``."""
    sc = built.scenario
    folder = Path(out) / sc.case_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "text.pdf").write_bytes(built.pdf)
    if not scanned and (folder / "scanned.pdf").exists():  # no stale rendering of an older build
        (folder / "scanned.pdf").unlink()
    if not images and (folder / "pages").is_dir():
        shutil.rmtree(folder / "pages")
    truth = dict(built.truth)
    pages = len(truth["pages_text"])
    plan = scan_plan(sc.seed, pages, scan_spec)
    renderings = {"text": "text.pdf"}
    if not (scanned or images):
        truth["scan"] = None
    else:
        from . import scan  # OpenCV and pdfium: loaded only when a scan is made

        info = {"dpi": plan["dpi"], "seed": plan["seed"], "rotations": {str(k): v for k, v in plan["rotations"].items()},
                "photographed": plan["photographed"]}
        if scanned:
            params = scan.render_scanned_pdf(folder / "text.pdf", folder / "scanned.pdf", seed=plan["seed"],
                                             dpi=plan["dpi"], rotations=plan["rotations"],
                                             photographed=set(plan["photographed"]), storage=plan["storage"])
            info["storage"] = plan["storage"]
            info["pages"] = params
            renderings["scanned"] = "scanned.pdf"
        if images:
            scan.render_page_images(folder / "text.pdf", folder / "pages", seed=plan["seed"] + 1, dpi=plan["dpi"],
                                    rotations=plan["rotations"], photographed=set(plan["photographed"]))
            renderings["images"] = "pages/"
        truth["scan"] = info
    truth["renderings"] = renderings
    text = json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"
    (folder / "truth.json").write_text(text, encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return {"case_id": sc.case_id, "pages": pages, "documents": len(truth["documents"]),
            "defects": [d["type"] for d in truth["defects"]], "bytes": size, "template": sc.template.key,
            "violation": sc.violation.key, "procedure": sc.procedure}


def case_id_for(seed: int, index: int, sc: Scenario) -> str:
    return f"g{seed}-{index:03d}"


def generate(seed: int, count: int, out: Path, *, scanned: bool = True, images_every: int = 0,
             progress=None) -> list[dict]:
    """``count`` random cases from ``seed`` into ``out`` (one folder per case)."""
    infos = []
    for i in range(count):
        label = f"{seed}:{i}"
        built = build(f"g{seed}-{i:03d}", label)
        info = write(built, out, scanned=scanned, images=bool(images_every) and i % images_every == 0)
        infos.append(info)
        if progress:
            progress(info)
    return infos


def build_corpus(out: Path, *, scanned: str = "spec", only: list[str] | None = None, progress=None) -> list[dict]:
    """The curated set; ``scanned``: "spec" (as each entry says), "all" or "none"."""
    from .corpus import CORPUS

    infos = []
    for entry in CORPUS:
        if only and entry["case_id"] not in only:
            continue
        built = build(entry["case_id"], entry["seed"], entry)
        scan = {"spec": entry.get("scanned", True), "all": True, "none": False}[scanned]
        images = entry.get("images", False) and scanned != "none"
        info = write(built, out, scanned=scan, images=images, scan_spec={"storage": "compact", **entry.get("scan", {})})
        infos.append(info)
        if progress:
            progress(info)
    return infos
