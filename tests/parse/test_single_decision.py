"""A single document is a valid input: a decision as a .txt."""

from pathlib import Path

import jsonschema

from audit.contract import schema, to_contract
from audit.pipeline import read_case

DATA = Path(__file__).resolve().parents[1] / "data"


def test_decision_txt_yields_the_contract():
    case = read_case(DATA / "decision-2023.txt")
    c = to_contract(case)
    jsonschema.validate(c, schema())
    assert [d["type"] for d in c["documents"]] == ["decision"]
    assert c["procedure"]["value"] == "ordinary"
    assert c["case_number"]["value"] == "杭西卫医罚〔2023〕12号"
    assert c["agency"]["value"] == "杭州市西湖区卫生健康局"
    party = c["party"]
    assert party["name"]["value"] == "杭州西湖康宁口腔诊所"
    assert party["type"]["value"] == "organisation"
    assert party["credit_code"]["value"] == "91330106MA2H3K7Q5U"
    assert party["legal_representative"]["value"] == "王建国"
    assert party["address"]["value"] == "浙江省杭州市西湖区文三路188号"
    assert party["id_number"] is None
    assert c["dates"]["decided"]["value"] == "2023-06-05"
    assert [(v["instrument"], v["article"]) for v in c["violated_provisions"]] == [("医疗机构管理条例", 27)]
    assert [(v["instrument"], v["article"]) for v in c["penalty_basis"]] == [("医疗机构管理条例", 47)]
    assert [(p["kind"]["value"], p["amount"] and p["amount"]["value"]) for p in c["penalties"]] == [
        ("警告", None),
        ("罚款", 20000.0),
    ]
    assert c["fine_total"]["value"] == 20000.0
    remedy = c["remedy"]
    assert remedy["review_body"]["value"] == "杭州市西湖区人民政府"
    assert remedy["review_days"]["value"] == 60
    assert remedy["court"]["value"] == "杭州市西湖区人民法院"
    assert remedy["litigation_months"]["value"] == 6
    # every found scalar names its document and page
    for f in (c["case_number"], party["name"], c["dates"]["decided"], c["fine_total"], remedy["court"]):
        assert f["document"] == "decision" and f["page"] == 1 and f["raw"]
