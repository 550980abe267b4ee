"""Real case records for the statistics and history tests: the bundled samples audited by
the pipeline, a re-audit with a reviewer's waiver, and copies placed in other handling
units and months; written as batch output folders the way ``audit batch`` writes them."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from audit.pipeline import audit_case
from audit.report.records import case_record, rule_set_version

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"


def audit_record(folder: Path) -> dict:
    audit = audit_case(folder)
    digest = hashlib.sha256()
    for path in sorted(folder.glob("case.*")):
        digest.update(path.read_bytes())
    return case_record(audit.case, audit.findings, audit.score, digest.hexdigest())


def write_run(folder: Path, run: dict, records: list[dict]) -> Path:
    """A batch output folder: <case_id>/record.json per case and run.json."""
    folder.mkdir(parents=True)
    for r in records:
        (folder / r["case_id"]).mkdir()
        (folder / r["case_id"] / "record.json").write_text(json.dumps(r, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "run.json").write_text(
        json.dumps({**run, "cases": [r["case_id"] for r in records]}, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


def variant(record: dict, case_id: str, **changes) -> dict:
    """A copy of a real record standing for another case (other number, unit, month…)."""
    r = copy.deepcopy(record)
    r.update(case_id=case_id, source=f"samples/variants/{case_id}", content_hash=hashlib.sha256(case_id.encode()).hexdigest())
    r.update(changes)
    return r


@pytest.fixture(scope="session")
def sample_records() -> dict[str, dict]:
    return {p.name: audit_record(p) for p in sorted(SAMPLES.iterdir()) if p.is_dir()}


@pytest.fixture(scope="session")
def waived_record(tmp_path_factory) -> dict:
    """ord-2024-waste audited again after a reviewer waived its amount-in-capitals finding."""
    folder = tmp_path_factory.mktemp("reaudit") / "ord-2024-waste"
    shutil.copytree(SAMPLES / "ord-2024-waste", folder)
    (folder / "waivers.yaml").write_text(
        "waivers:\n  - {rule: DOC002, reason: 已当场更正并经当事人签字确认, who: 张三, date: 2024-06-03}\n", encoding="utf-8")
    return audit_record(folder)


@pytest.fixture(scope="session")
def runs(tmp_path_factory, sample_records, waived_record) -> dict:
    """Two batches: May (three samples + two cases of other units/months) and June
    (the waste case re-audited with a waiver, the public-place case, one new case)."""
    base = tmp_path_factory.mktemp("results")
    staff, waste, place = (sample_records[k] for k in ("ord-2023-medinst-staff", "ord-2024-waste", "simple-2024-publicplace"))
    may_extra = [
        variant(waste, "xh-2024-007", case_number="杭西卫医罚〔2024〕7号", agency="杭州市西湖区卫生健康局",
                officers=["王建平", "刘洋"], decided="2024-02-20", filed="2024-01-25", closed="2024-03-05"),
        variant(staff, "yz-2024-003", case_number="甬鄞卫医罚〔2024〕3号", agency="宁波市鄞州区卫生健康局",
                officers=["周海军", "陈丽萍"], decided="2024-02-08", filed="2024-01-10", closed="2024-02-27"),
    ]
    june_extra = [
        variant(waste, "yc-2024-031", case_number="绍越卫医罚〔2024〕31号", agency="绍兴市越城区卫生健康局",
                officers=["赵明"], decided="2024-05-14", filed="2024-04-12", closed="2024-05-30"),
    ]
    version = rule_set_version()
    may_run = {"run_id": "2024-05-batch", "started": "2024-05-06T09:00:00+08:00", "finished": "2024-05-06T09:03:00+08:00",
               "rule_set_version": version, "profile": "national-default", "standard": "health-default",
               "source": str(SAMPLES)}
    june_run = {**may_run, "run_id": "2024-06-batch", "started": "2024-06-05T09:00:00+08:00",
                "finished": "2024-06-05T09:02:00+08:00"}
    may = [staff, waste, place, *may_extra]
    june = [waived_record, place, *june_extra]
    return {
        "may": (write_run(base / "2024-05-batch", may_run, may), may_run, may),
        "june": (write_run(base / "2024-06-batch", june_run, june), june_run, june),
        "base": base,
    }
