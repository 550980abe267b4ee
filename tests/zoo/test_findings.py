"""Zoo findings: no false alarm on a clean file, every planted defect found.

Today's failures are listed in samples/zoo/known_false_alarms.yaml; each is an xfail(strict=True)
test here, so a fix that removes one fails the suite until its entry is deleted.
"""

from functools import cache
from pathlib import Path

import pytest

from audit.checks import load_rules
from audit.eval.metamorphic import fails_of
from samples.zoo.build import case_specs
from samples.zoo.defects import PLANTS
from samples.zoo.families import WEB_FAMILIES
from samples.zoo.record import ZOO_RENDERINGS, known_params, known_set

pytestmark = pytest.mark.slow


def _renderings(family: str) -> list[str]:
    return ["text", "docx"] + (["web"] if family in WEB_FAMILIES else [])


CLEAN = [(cid, r) for cid, fam, plant in case_specs() if plant is None for r in _renderings(fam)]
PLANTED = [(p, r) for p in PLANTS for r in _renderings(p.family)]


@pytest.fixture(scope="module")
def fails(zoo_cases):
    @cache
    def get(case_id: str, rendering: str) -> frozenset[str]:
        path = Path(zoo_cases) / case_id / ZOO_RENDERINGS[rendering]
        if not path.exists():
            pytest.skip(f"{path.name} not built (CJK font missing)")
        return frozenset(fails_of(path))
    return get


@pytest.mark.parametrize("case_id,rendering", CLEAN, ids=[f"{c}-{r}" for c, r in CLEAN])
def test_clean_zoo_file_has_no_new_false_alarm(fails, case_id, rendering):
    unexpected = set(fails(case_id, rendering)) - known_set(case_id, "none", rendering)
    assert not unexpected, "; ".join(f"false alarm on clean {case_id} [{rendering}]: {r}" for r in sorted(unexpected))


@pytest.mark.parametrize("sample,transformation,rendering,rule", known_params(lambda t: t == "none"))
def test_known_false_alarm_on_clean_zoo_file(fails, sample, transformation, rendering, rule):
    assert rule not in fails(sample, rendering), f"{sample} [{rendering}]: {rule} still fails"


DETECTS = {r.code: set(r.detects) for r in load_rules()}


def _found(fails, case_id: str, rendering: str, defect_type: str) -> bool:
    rules = {c for c, types in DETECTS.items() if defect_type in types}
    return bool(set(fails(case_id, rendering)) & rules)


@pytest.mark.parametrize("plant,rendering", [pytest.param(p, r, id=f"{p.case_id}-{r}-{p.type}") for p, r in PLANTED
                                             if p.type not in known_set(p.case_id, "missed", r)])
def test_planted_defect_is_found(fails, plant, rendering):
    assert _found(fails, plant.case_id, rendering, plant.type), f"{plant.case_id} [{rendering}]: {plant.type} missed"


@pytest.mark.parametrize("sample,transformation,rendering,rule", known_params(lambda t: t == "missed"))
def test_known_missed_defect(fails, sample, transformation, rendering, rule):
    assert _found(fails, sample, rendering, rule), f"{sample} [{rendering}]: {rule} still missed"
