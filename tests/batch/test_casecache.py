"""The extracted-case cache: a hit is the cold reading; inputs, reader and options decide it;
the reviewers' corrections are applied after it, never stored in it."""

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from audit.batch import casecache
from audit.batch.casecache import CaseCache, case_key, load_case
from audit.contract import to_contract
from audit.model import to_dict
from audit.ocr.options import OcrOptions
from audit.overrides import OVERRIDES_NAME
from audit.pipeline import check_case, read_case

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
CASE = "simple-2024-publicplace"  # three text-layer pages: seals are looked for, nothing is OCRed


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLES / CASE, tmp_path / "in" / CASE))


@pytest.fixture
def options(tmp_path: Path) -> OcrOptions:
    return OcrOptions(cache_dir=tmp_path / "cache")


def _findings(case) -> list:
    return [to_dict(f) for f in check_case(case)]


def test_hit_gives_the_contract_and_findings_of_a_cold_read(case_dir: Path, options: OcrOptions):
    cold = load_case(case_dir, options)
    hit = load_case(case_dir, options)
    assert not cold.from_cache and hit.from_cache and cold.key == hit.key
    plain = read_case(case_dir, dataclasses.replace(options, no_cache=True))  # no cache anywhere
    assert to_contract(hit.case) == to_contract(cold.case) == to_contract(plain)
    assert _findings(hit.case) == _findings(cold.case) == _findings(plain)
    assert CaseCache(options.cache_root()).path(hit.key).is_file()


def test_same_files_elsewhere_hit_and_keep_their_own_name_and_place(case_dir: Path, options: OcrOptions,
                                                                    tmp_path: Path):
    first = load_case(case_dir, options)
    elsewhere = Path(shutil.copytree(case_dir, tmp_path / "other" / "renamed"))
    again = load_case(elsewhere, options)
    assert again.from_cache
    assert again.case.case_id == "renamed" and again.case.source == str(elsewhere)
    a, b = to_contract(first.case), to_contract(again.case)
    for key in ("case_id", "source"):
        a.pop(key), b.pop(key)
    assert a == b


def test_changed_input_file_misses(case_dir: Path, options: OcrOptions):
    load_case(case_dir, options)
    pdf = case_dir / "case.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n% one more byte\n")
    assert not load_case(case_dir, options).from_cache
    assert load_case(case_dir, options).from_cache


def test_side_files_do_not_change_the_key_but_a_new_page_file_does(case_dir: Path, options: OcrOptions):
    key = case_key(case_dir, options)
    (case_dir / "notes.md").write_text("复核意见", encoding="utf-8")
    (case_dir / "case.waivers.yaml").write_text("[]\n", encoding="utf-8")
    (case_dir / OVERRIDES_NAME).write_text("[]\n", encoding="utf-8")
    assert case_key(case_dir, options) == key
    (case_dir / "extra.txt").write_text("补充材料", encoding="utf-8")
    assert case_key(case_dir, options) != key


def test_reading_options_decide_the_key_threads_and_cache_settings_do_not(case_dir: Path, options: OcrOptions):
    key = case_key(case_dir, options)
    assert case_key(case_dir, dataclasses.replace(options, threads=7, workers=3)) == key
    assert case_key(case_dir, dataclasses.replace(options, cache_dir=Path("/elsewhere"))) == key
    assert case_key(case_dir, dataclasses.replace(options, dpi=300)) != key
    assert case_key(case_dir, dataclasses.replace(options, engine="none")) != key


def test_overrides_are_applied_after_the_cache_and_never_stored(case_dir: Path, options: OcrOptions):
    cold = load_case(case_dir, options)
    read = cold.case.document("d01-onsite_decision").fields["case_number"].value
    correction = [{"document": "d01-onsite_decision", "field": "case_number", "value": "绍越卫公当罚〔2024〕16号",
                   "reason": "测试", "who": "张三", "date": "2026-01-02"}]
    (case_dir / OVERRIDES_NAME).write_text(json.dumps(correction, ensure_ascii=False), encoding="utf-8")

    corrected = load_case(case_dir, options)
    assert corrected.from_cache  # the override file is not part of the key
    field = corrected.case.document("d01-onsite_decision").fields["case_number"]
    assert field.value == "绍越卫公当罚〔2024〕16号" and field.detail["override"]["original"] == read
    assert corrected.case.case_number.value == "绍越卫公当罚〔2024〕16号"  # the case facts derived again
    stored = CaseCache(options.cache_root()).get(corrected.key)
    assert stored is not None and stored.document("d01-onsite_decision").fields["case_number"].value == read
    assert stored.case_number.value == read and "override" not in (stored.case_number.detail or {})

    (case_dir / OVERRIDES_NAME).unlink()  # correction withdrawn: the reading as it was
    back = load_case(case_dir, options)
    assert back.from_cache and back.case.document("d01-onsite_decision").fields["case_number"].value == read
    assert to_contract(back.case) == to_contract(cold.case)


def test_cold_read_with_overrides_equals_the_pipeline(case_dir: Path, options: OcrOptions):
    correction = [{"document": "onsite_decision", "field": "case_number", "value": "绍越卫公当罚〔2024〕17号"}]
    (case_dir / OVERRIDES_NAME).write_text(json.dumps(correction, ensure_ascii=False), encoding="utf-8")
    cached = load_case(case_dir, options)
    plain = read_case(case_dir, options)
    assert to_contract(cached.case) == to_contract(plain)
    assert cached.case.case_number.value == "绍越卫公当罚〔2024〕17号"


def test_no_cache_reads_and_writes_nothing(case_dir: Path, options: OcrOptions):
    loaded = load_case(case_dir, options, use_cache=False)
    assert not loaded.from_cache and loaded.case.documents
    assert not (options.cache_root() / "cases").exists()


def test_page_cache_off_rereads_but_stores(case_dir: Path, options: OcrOptions):
    load_case(case_dir, options)
    again = load_case(case_dir, dataclasses.replace(options, no_cache=True))
    assert not again.from_cache  # "OCR again" must not be answered from a stored reading
    assert load_case(case_dir, options).from_cache


def test_a_case_with_unread_pages_is_not_stored(case_dir: Path, options: OcrOptions, monkeypatch):
    real = casecache.read_as_read

    def unread(source, opts, progress=None):
        case = real(source, opts, progress)
        case.pages[0].needs_ocr = True  # e.g. an OCR worker died on this page
        return case

    monkeypatch.setattr(casecache, "read_as_read", unread)
    assert not load_case(case_dir, options).from_cache
    assert not load_case(case_dir, options).from_cache


def test_damaged_entry_is_a_miss(case_dir: Path, options: OcrOptions):
    first = load_case(case_dir, options)
    CaseCache(options.cache_root()).path(first.key).write_text("{not json", encoding="utf-8")
    assert not load_case(case_dir, options).from_cache
    assert load_case(case_dir, options).from_cache


def test_reader_code_changes_the_version(tmp_path: Path, monkeypatch):
    package = tmp_path / "audit"
    for name in casecache.READER_CODE:
        target = package / name
        if name.endswith(".py"):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("# module\n")
        else:
            target.mkdir(parents=True)
            (target / "x.py").write_text("A = 1\n")
    monkeypatch.setattr(casecache, "PACKAGE", package)
    casecache.reader_version.cache_clear()
    try:
        before = casecache.reader_version()
        (package / "parse" / "x.py").write_text("A = 2\n")
        casecache.reader_version.cache_clear()
        assert casecache.reader_version() != before
    finally:
        casecache.reader_version.cache_clear()
