"""The format zoo as data: families with sources, lawful clean files, planted defects, renderings."""

import json
import re
from pathlib import Path

import pytest
import yaml

from audit.eval.discover import find_cases
from audit.eval.truth import flatten
from samples.generator.util import add_workdays
from samples.zoo import render
from samples.zoo.build import build, case_specs, make_case
from samples.zoo.defects import PLANTS
from samples.zoo.families import FAMILIES, clean_story

ZOO = Path(__file__).resolve().parents[2] / "samples" / "zoo"
CATALOGUE = Path(__file__).resolve().parents[2] / "checklists" / "defects.yaml"


def test_at_least_eight_families_each_described_with_its_source():
    assert len(FAMILIES) >= 8
    for family in FAMILIES:
        text = (ZOO / family / "SOURCE.md").read_text(encoding="utf-8")
        assert "**Source.**" in text and "**Layout and wording.**" in text, family
        assert re.search(r"https?://|`[\w.-]+/[\w.-]+`", text), f"{family}: no address or repository"


def test_every_family_has_a_clean_case_and_the_zoo_plants_at_least_twenty_defects():
    specs = case_specs()
    assert {f for _, f, p in specs if p is None} == set(FAMILIES)
    assert len(PLANTS) >= 20
    types = {t["type"] for t in yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))["types"]}
    assert {p.type for p in PLANTS} <= types
    assert len({p.case_id for p in PLANTS}) == len(PLANTS)


@pytest.mark.parametrize("family", FAMILIES)
def test_clean_story_is_lawful(family):
    story = clean_story(family)
    assert story.check() == []
    if story.procedure == "ordinary":
        d = story.dates
        assert d["approval"] > add_workdays(d["notice_served"], 5)  # 5 working days for 陈述、申辩
        assert d["decision_served"] <= add_workdays(d["decided"], 7)
        assert d["decided"].year == 2024 and d["decided"] >= d["filed"]
    for ref in (*story.setting.violated, *story.setting.basis):
        assert ref.quote(story.on)  # the cited article exists in the law registry on the decision date


@pytest.mark.parametrize("plant", [p for p in PLANTS if p.story], ids=lambda p: p.case_id)
def test_story_defects_break_the_law_they_claim(plant):
    story, _ = make_case(plant.family, plant)
    if plant.type in ("fine_out_of_range", "simple_procedure_misused", "decision_before_defence_period_end",
                      "late_service"):
        assert story.check(), plant.case_id


@pytest.mark.fonts
def test_truth_is_readable_by_the_eval_and_renderings_exist(zoo_cases):
    cases = find_cases(zoo_cases)
    assert len(cases) == len(case_specs())
    for case in cases:
        fields = flatten(case.truth, truth=True)
        assert fields["case_number"].value and fields["party.name"].value
        assert "docx" in case.renderings
        assert case.truth["pages_text"] and case.truth["generator"]["template"].startswith("zoo:")
        if case.truth["generator"]["family"] in ("web-decision", "credit-publicity"):
            assert "web" in case.renderings


@pytest.mark.fonts
def test_pdf_has_one_page_per_document(zoo_cases):
    if render.fonts_missing():
        pytest.skip(render.fonts_missing())
    import pypdfium2

    for folder in sorted(zoo_cases.iterdir()):
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        pdf = pypdfium2.PdfDocument(str(folder / "text.pdf"))
        try:
            assert len(pdf) == len(truth["pages_text"]), folder.name
        finally:
            pdf.close()


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build(a, only="web-decision", pdf=False)
    build(b, only="web-decision", pdf=False)
    for folder in a.iterdir():
        for name in ("truth.json", "case.txt"):
            assert (folder / name).read_bytes() == (b / folder.name / name).read_bytes()


def test_no_real_personal_data_markers():
    """Parties are invented: ID numbers carry valid check digits but the birth dates and names are ours."""
    from samples.generator.util import id_valid, uscc_valid

    for family in FAMILIES:
        s = clean_story(family)
        assert uscc_valid(s.party.credit_code) and id_valid(s.party.rep.id_number)
