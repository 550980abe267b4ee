import pytest

from samples.zoo.build import build


@pytest.fixture(scope="session")
def zoo_cases_meta(tmp_path_factory):
    out = tmp_path_factory.mktemp("zoo-cases-meta")
    build(out, clean_only=True)
    return out
