"""End to end over the bundled samples: extraction against ground truth, findings against
the injected defects."""

import json
from pathlib import Path

import jsonschema
import pytest

from audit.contract import schema, to_contract
from audit.model import Status
from audit.pipeline import check_case, read_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "cases"
CASES = sorted(p for p in SAMPLES.iterdir() if (p / "truth.json").exists())
# which rule must report each injected defect type
DEFECT_RULES = {
    "party_name_mismatch": "EVI002",
    "amount_capitals_digits_mismatch": "DOC002",
    "case_number_mismatch": "DOC001",
    "credit_code_check_digit": "EVI001",
    "id_number_check_digit": "EVI001",
    "missing_document": "FIL001",
}


@pytest.fixture(scope="module", params=CASES, ids=[p.name for p in CASES])
def sample(request):
    folder = request.param
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    case = read_case(folder / "case.pdf")
    return truth, case, to_contract(case)


def _value(scalar):
    return None if scalar is None else scalar["value"]


def _cite(c):
    return (c["instrument"], c["article"], c.get("paragraph"), c.get("item"))


def test_contract_validates(sample):
    _, _, contract = sample
    jsonschema.validate(contract, schema())


def test_documents_and_pages(sample):
    truth, _, contract = sample
    got = [(d["type"], d["pages"]) for d in contract["documents"]]
    want = [(d["type"], d["pages"]) for d in truth["documents"]]
    assert got == want


def test_scalar_fields_match_truth(sample):
    truth, _, c = sample
    got = {
        "procedure": _value(c["procedure"]),
        "case_number": _value(c["case_number"]),
        "agency": _value(c["agency"]),
        "fine_total": _value(c["fine_total"]),
        **{f"party.{k}": _value(v) for k, v in c["party"].items()},
        **{f"dates.{k}": _value(v) for k, v in c["dates"].items()},
        **{f"remedy.{k}": _value(v) for k, v in c["remedy"].items()},
    }
    want = {
        "procedure": truth["procedure"],
        "case_number": truth["case_number"],
        "agency": truth["agency"],
        "fine_total": truth["fine_total"],
        **{f"party.{k}": v for k, v in truth["party"].items()},
        **{f"dates.{k}": v for k, v in truth["dates"].items()},
        **{f"remedy.{k}": v for k, v in truth["remedy"].items() if k in c["remedy"]},
    }
    wrong = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
    assert not wrong, wrong


def test_citations_penalties_officers_match_truth(sample):
    truth, _, c = sample
    assert [_cite(x) for x in c["violated_provisions"]] == [_cite(x) for x in truth["violated_provisions"]]
    assert [_cite(x) for x in c["penalty_basis"]] == [_cite(x) for x in truth["penalty_basis"]]
    assert [(p["kind"]["value"], _value(p["amount"])) for p in c["penalties"]] == [
        (p["kind"], p["amount"]) for p in truth["penalties"]
    ]
    assert sorted((_value(o["name"]), _value(o["certificate"])) for o in c["officers"]) == sorted(
        (o["name"], o["certificate"]) for o in truth["officers"]
    )


def test_every_found_field_has_provenance(sample):
    _, _, c = sample
    scalars = [c["case_number"], c["agency"], c["fine_total"], *c["party"].values(), *c["dates"].values(),
               *c["remedy"].values()]
    for s in filter(None, scalars):
        assert s["document"] and s["page"] >= 1 and s["raw"], s
        x0, top, x1, bottom = s["box"]
        assert 0 <= x0 < x1 and 0 <= top < bottom, s


def test_findings_report_exactly_the_injected_defects(sample):
    truth, case, _ = sample
    findings = check_case(case)
    failed = {f.rule for f in findings if f.status is Status.FAIL}
    expected = {DEFECT_RULES[d["type"]] for d in truth["defects"] if d["type"] in DEFECT_RULES}
    assert failed == expected, [(f.rule, f.observed) for f in findings if f.status is Status.FAIL]
    assert not [f for f in findings if f.status is Status.ERROR]
