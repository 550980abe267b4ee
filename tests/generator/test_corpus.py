"""The committed corpus (samples/corpus): shape, ground truth, defects, reproducibility."""

import json
import re

import pdfplumber
import pypdfium2 as pdfium
import pytest

from tests.generator.generator_testutil import CORPUS, needs_fonts

SAMPLES = CORPUS.parent

CASES = sorted(p for p in CORPUS.iterdir() if (p / "truth.json").exists()) if CORPUS.exists() else []
CONTRACT_KEYS = {"case_number", "agency", "cause", "party", "officers", "procedure", "documents", "dates",
                 "violated_provisions", "penalty_basis", "penalties", "fine_total", "remedy"}
pytestmark = pytest.mark.skipif(not CASES, reason="no committed corpus")


def _truth(folder):
    return json.loads((folder / "truth.json").read_text(encoding="utf-8"))


def _compact(text):
    return "".join(text.split())


FURNITURE = re.compile(r"^(- \d+ -|第 \d+ 页|\d{3}|第 \d+ 页  共 \d+ 页)$")


def _pages(truth):
    """Page texts without whitespace, page numbers and running headers (a value may run on to the next page)."""
    return {int(k): "".join(_compact(line) for line in v.split("\n") if not FURNITURE.match(line.strip()))
            for k, v in truth["pages_text"].items()}


def _scalars(truth):
    for key in ("case_number", "agency", "cause", "procedure", "fine_total"):
        yield key, truth[key]
    for group in ("party", "dates", "remedy"):
        for key, value in truth[group].items():
            yield f"{group}.{key}", value
    for o in truth["officers"]:
        yield "officer.name", o["name"]
        yield "officer.certificate", o["certificate"]
    for p in truth["penalties"]:
        yield "penalty.kind", p["kind"]
        yield "penalty.amount", p["amount"]


def test_corpus_shape():
    truths = [_truth(c) for c in CASES]
    assert len(truths) >= 12
    assert len({t["generator"]["template"] for t in truths}) >= 3
    assert len({t["generator"]["violation"] for t in truths}) >= 10
    assert {t["procedure"]["value"] for t in truths} == {"ordinary", "simple"}
    assert {t["party"]["type"]["value"] for t in truths} == {"organisation", "individual"}
    clean = sum(1 for t in truths if not t["defects"])
    assert 0.2 <= clean / len(truths) <= 0.5
    assert len({d["type"] for t in truths for d in t["defects"]}) >= 40
    assert all((c / "scanned.pdf").exists() for c in CASES) and any((c / "pages").is_dir() for c in CASES)
    storages = {t["scan"]["storage"] for t in truths}
    assert storages == {"compact", "colour"}, storages
    assert any(t["scan"]["rotations"] for t in truths) and any(t["scan"]["photographed"] for t in truths)


SAMPLES_LIMIT = 16_500_000  # bytes under samples/ (corpus, bundled cases, generator): measured 15.9 MB


def test_committed_samples_stay_small():
    """Larger sets are generated on demand (``audit samples generate``), never committed."""
    files = [p for p in SAMPLES.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    size = sum(p.stat().st_size for p in files)
    assert size <= SAMPLES_LIMIT, f"samples/ grew to {size / 1e6:.1f} MB: keep large sets out of the repository"


def _page_dpi(page) -> float:
    """Effective resolution of an image-only page: its sharpest image, in pixels per inch."""
    best = 0.0
    for image in page.images:
        w_px, _ = image["srcsize"]
        w_pt = image["x1"] - image["x0"]
        if w_pt > 0:
            best = max(best, w_px / (w_pt / 72))
    return best


def test_every_case_has_an_image_only_scan_of_at_least_200_dpi():
    for folder in CASES:
        truth = _truth(folder)
        assert truth["renderings"].get("scanned") == "scanned.pdf", folder.name
        with pdfplumber.open(folder / "scanned.pdf") as pdf:
            assert len(pdf.pages) == len(truth["pages_text"]), folder.name
            for number, page in enumerate(pdf.pages, start=1):
                assert not page.chars, (folder.name, number)
                assert _page_dpi(page) >= 199.5, (folder.name, number, _page_dpi(page))


def test_truth_carries_the_contract_fields_with_where_they_are_printed():
    for folder in CASES:
        truth = _truth(folder)
        assert CONTRACT_KEYS <= set(truth), folder.name
        pages = _pages(truth)
        assert sorted(pages) == list(range(1, len(pages) + 1))
        assert truth["documents"][-1]["pages"][1] == len(pages)
        for name, value in _scalars(truth):
            if value is None:
                continue
            assert set(value) >= {"value", "raw", "document", "page"}, (folder.name, name)
            here = pages[value["page"]] + pages.get(value["page"] + 1, "")
            assert _compact(value["raw"]) in here, (folder.name, name, value)
        for cite in truth["violated_provisions"] + truth["penalty_basis"]:
            assert _compact(cite["raw"]) in pages[cite["page"]] + pages.get(cite["page"] + 1, ""), (folder.name, cite)


def test_every_defect_is_recorded_with_its_page_and_shows_there():
    for folder in CASES:
        truth = _truth(folder)
        types = {d["type"] for d in truth["documents"]}
        pages = _pages(truth)
        for d in truth["defects"]:
            assert d["type"] and d["document"] and d["detail"], d
            if d["evidence"]["kind"] == "absent":
                assert d["page"] is None
                if d["document"] != "service_receipt":
                    assert d["document"] not in types, (folder.name, d)
                continue
            text = _compact(d["evidence"]["text"])
            if d["document"] == "file":  # a defect of the file itself (page numbering): on the page as printed
                assert text in _compact(truth["pages_text"][str(d["page"])]), (folder.name, d)
                continue
            assert text in pages[d["page"]] + pages.get(d["page"] + 1, ""), (folder.name, d)


def test_seals_and_renderings():
    for folder in CASES:
        truth = _truth(folder)
        assert (folder / "text.pdf").exists()
        assert set(truth["renderings"]) <= {"text", "scanned", "images"}
        defects = {d["type"] for d in truth["defects"]}
        seal_pages = {s["page"] for s in truth["seals"]}
        decision = next(d for d in truth["documents"] if d["type"] in ("decision", "onsite_decision"))
        on_decision = seal_pages & set(range(decision["pages"][0], decision["pages"][1] + 1))
        assert bool(on_decision) == ("seal_missing" not in defects), folder.name
        if (folder / "scanned.pdf").exists():
            pdf = pdfium.PdfDocument(folder / "scanned.pdf")
            try:
                assert len(pdf) == len(truth["pages_text"])
                assert all(page.get_textpage().count_chars() == 0 for page in pdf), folder.name
            finally:
                pdf.close()
            assert truth["scan"]["dpi"] >= 200 and len(truth["scan"]["pages"]) == len(truth["pages_text"])
        if (folder / "pages").is_dir():
            assert len(list((folder / "pages").iterdir())) == len(truth["pages_text"])


@needs_fonts
def test_corpus_regenerates_byte_identical(gen):
    specs = {e["case_id"]: e for e in gen.corpus.CORPUS}
    assert {c.name for c in CASES} == set(specs)
    for folder in CASES:
        built = gen.build.build(folder.name, specs[folder.name]["seed"], specs[folder.name])
        assert built.pdf == (folder / "text.pdf").read_bytes(), folder.name
        committed = _truth(folder)
        for key in ("scan", "renderings", "notes"):
            committed.pop(key, None)
        fresh = json.loads(json.dumps({k: v for k, v in built.truth.items() if k != "notes"}, ensure_ascii=False,
                                      sort_keys=True, default=str))
        assert fresh == committed, folder.name
