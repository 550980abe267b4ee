"""Metamorphic suite: a meaning-preserving rewrite of a clean sample must not add a `fail`.

Clean samples: the hand-made cases and corpus cases whose truth.json lists no defect, and the clean
file of every zoo family. Each new `fail` is a false alarm; its test id names the sample, the
transformation and the rule. Today's false alarms are in samples/zoo/known_false_alarms.yaml
(xfail(strict=True)): a fix that removes one fails the suite until its entry is deleted.
"""

from functools import cache
from pathlib import Path

import pytest

from audit.eval.metamorphic import ALL, clean_samples, fails_of_pages, new_fails, pages_of
from samples.zoo.build import case_specs
from samples.zoo.record import known_params, known_set

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REPO_CLEAN = [case_id for case_id, _, _ in clean_samples(SAMPLES)]
ZOO_CLEAN = [cid for cid, _, plant in case_specs() if plant is None]
PAIRS = [(s, t) for s in REPO_CLEAN + ZOO_CLEAN for t in ALL]
TRANSFORMS = set(ALL)


@pytest.fixture(scope="module")
def meta(zoo_cases_meta):
    found = {cid: (folder, truth) for root in (SAMPLES, Path(zoo_cases_meta))
             for cid, folder, truth in clean_samples(root)}

    @cache
    def baseline(sample: str) -> frozenset[str] | None:
        pages = pages_of(found[sample][1])
        return frozenset(fails_of_pages(pages)) if pages else None

    @cache
    def get(sample: str, transformation: str) -> frozenset[str] | None:
        folder, truth = found[sample]
        got = new_fails(truth, folder, transformation, baseline=baseline(sample))
        return None if got is None else frozenset(got)
    return get


def test_there_are_clean_samples_of_every_kind():
    assert len(REPO_CLEAN) >= 4 and len(ZOO_CLEAN) >= 8


@pytest.mark.parametrize("sample,transformation", PAIRS, ids=[f"{s}-{t}" for s, t in PAIRS])
def test_transformation_adds_no_new_false_alarm(meta, sample, transformation):
    got = meta(sample, transformation)
    if got is None:
        pytest.skip("the transformation changes nothing in this sample (or no second rendering)")
    unexpected = set(got) - known_set(sample, transformation)
    assert not unexpected, "; ".join(f"false alarm: {sample} × {transformation} → {r}" for r in sorted(unexpected))


@pytest.mark.parametrize("sample,transformation,rendering,rule", known_params(lambda t: t in TRANSFORMS))
def test_known_false_alarm(meta, sample, transformation, rendering, rule):
    assert rule not in (meta(sample, transformation) or ()), f"{sample} × {transformation}: {rule} still fails"
