"""The zoo is built once per test session into a temporary folder (nothing large is committed)."""

import pytest

from samples.zoo.build import build


@pytest.fixture(scope="session")
def zoo_cases(tmp_path_factory):
    out = tmp_path_factory.mktemp("zoo-cases")
    build(out)
    return out
