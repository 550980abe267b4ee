"""The JSON of the case files: the standard library's text, character for character."""

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from audit.report.jsontext import dumps

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text()
TREES = st.recursive(SCALARS, lambda children: st.lists(children, max_size=4)
                     | st.dictionaries(st.text(max_size=5), children, max_size=4), max_leaves=30)


def _library(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@given(TREES)
def test_same_text_as_the_library(data):
    assert dumps(data) == _library(data)


def test_the_shapes_of_a_case_file():
    data = {"rule": "DOC001", "status": "fail", "points": 2.0, "page": None, "waived": False, "n": 3,
            "evidence": [{"raw": "统一社会信用代码：“91330100716105852F”\n\t\\", "box": [1.5, 2, 3e-7, 1e21]}],
            "empty": {}, "none": [], "tuple": (1, "二"), "控制": "\x00\x1f\u2028"}
    assert dumps(data) == _library(data)


def test_what_the_library_would_convert_or_reject_goes_to_it():
    import enum

    class Kind(enum.StrEnum):
        A = "甲"

    for data in ({1: "int key"}, {"k": Kind.A}, [math.nan, math.inf], {None: 1, True: 2, 1.5: 3}):
        assert dumps(data) == _library(data)
