"""The defect catalogue and its injectors: every type can be injected and shows where recorded."""

import random

import pytest
import yaml

from tests.generator.generator_testutil import ROOT, needs_fonts

CATALOGUE = yaml.safe_load((ROOT / "checklists" / "defects.yaml").read_text(encoding="utf-8"))["types"]
DIMENSIONS = {"执法主体", "事实认定与证据", "法律适用", "程序合法", "行政裁量", "文书规范", "案卷管理"}
REQUIRED = (
    "missing_document party_name_mismatch amount_capitals_digits_mismatch case_number_mismatch credit_code_check_digit "
    "id_number_check_digit missing_violated_or_basis citation_imprecise article_not_found violation_basis_mismatch "
    "penalty_kind_not_allowed fine_out_of_range companion_penalty_missing old_penalty_law_numbering "
    "notice_decision_citation_mismatch repealed_instrument_cited review_body_wrong remedy_period_wrong "
    "review_first_notice_missing acts_out_of_order decision_before_defence_period_end late_service "
    "hearing_notice_missing legal_review_missing collective_discussion_missing single_officer certificate_missing "
    "seal_missing party_signature_missing blank_fields template_residue facts_contradict decision_late filing_late "
    "payment_receipt_mismatch closing_before_payment"
).split()


def _compact(text: str) -> str:
    return "".join(text.split())


def test_catalogue_shape():
    types = [t["type"] for t in CATALOGUE]
    assert len(types) == len(set(types)) >= 40
    assert set(REQUIRED) <= set(types)
    for t in CATALOGUE:
        assert t["dimension"] in DIMENSIONS, t
        assert t["severity"] in ("veto", "major", "minor"), t
        assert t["title"] and "injected_in" in t and "procedures" in t, t
        assert t["code"] is None or t["code"].startswith("D-"), t


def test_every_rule_detects_catalogued_types():
    from audit.checks import load_rules

    types = {t["type"] for t in CATALOGUE}
    for rule in load_rules():
        assert set(rule.detects) <= types, (rule.code, set(rule.detects) - types)


def test_every_generated_type_has_an_injector(gen):
    generated = {t["type"] for t in CATALOGUE if t.get("generated", True)}
    assert generated == set(gen.defects.INJECTORS)


def test_text_switch_rows_name_known_conditions_and_placeholders(gen):
    """Rows of defect_edits.yaml: known conditions and placeholders, documents the docs draw."""
    import string

    df = gen.defects
    rows = yaml.safe_load(df.EDITS.read_text(encoding="utf-8"))
    catalogue = {t["type"]: t for t in CATALOGUE}
    for row in rows:
        assert row["type"] in catalogue and row["slots"], row
        assert set(row.get("requires", ["ordinary"])) <= set(df.REQUIRES), row
        names = {f for _, f, _, _ in string.Formatter().parse(row["text"]) if f}
        assert names <= set(df.FIELDS), row
        assert row["mods"] and row["detail"].endswith("。"), row
    assert len(rows) >= 20


@pytest.fixture(scope="module")
def injected(gen):
    """For every injectable type, a rendered case carrying it (several types share a case)."""
    wanted = sorted(gen.defects.INJECTORS)
    found: dict[str, tuple] = {}
    cases = []
    for i in range(400):
        if len(found) == len(wanted):
            break
        rng = random.Random(f"inject-test:{i}")
        sc = gen.scenario.make_scenario(f"inj{i}", rng, procedure="simple" if i % 5 == 0 else None)
        todo = [t for t in wanted if t not in found]
        rng.shuffle(todo)
        applied = gen.defects.inject(sc, rng, todo, limit=6)
        if not applied:
            continue
        cases.append(sc)
        for t in applied:
            found[t] = sc
    return found


def test_every_injector_applies_somewhere(gen, injected):
    assert set(injected) == set(gen.defects.INJECTORS)


@needs_fonts
def test_injected_defects_are_recorded_and_visible(gen, injected):
    seen = set()
    for sc in {id(s): s for s in injected.values()}.values():
        pdf, writer = gen.render.render(sc)
        truth = gen.truth.build_truth(sc, writer)
        pages = {int(k): _compact(v) for k, v in truth["pages_text"].items()}
        doc_types = {d["type"] for d in truth["documents"]}
        for d in truth["defects"]:
            seen.add(d["type"])
            assert d["document"] and d["detail"] and d["code"] == next(
                t["code"] for t in CATALOGUE if t["type"] == d["type"])
            if d["evidence"]["kind"] == "absent":
                assert d["page"] is None
                if d["document"] not in ("service_receipt",):
                    assert d["document"] not in doc_types, d
                continue
            assert d["page"] in pages, d
            text = _compact(d["evidence"]["text"])
            here = pages[d["page"]] + pages.get(d["page"] + 1, "")
            assert text in here, d
    assert seen == set(gen.defects.INJECTORS)
