"""Check characters, numerals, money in capitals and working days of the generator."""

import datetime as dt
import random

import pytest

from audit.parse.identifiers import is_valid_credit_code, is_valid_id_number
from audit.parse.money import parse_capitals


def test_check_characters_agree_with_the_parsers(gen):
    u = gen.util
    assert u.id_valid("11010519491231002X")
    assert u.uscc_valid("52330106MJ9K2D5R3A")
    rng = random.Random(5)
    for district in [d for ds in gen.world.DISTRICTS.values() for d in ds]:
        w = gen.world.World(rng, district)
        code = w.credit_code(rng.choice(["52", "91", "92"]))
        person = w.person(on=dt.date(2023, 5, 1))
        assert u.uscc_valid(code) and is_valid_credit_code(code), code
        assert u.id_valid(person.id_number) and is_valid_id_number(person.id_number), person.id_number
        assert person.id_number[6:14] == person.birth.strftime("%Y%m%d")
        assert int(person.id_number[16]) % 2 == (1 if person.sex == "男" else 0)


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (14, "十四"), (27, "二十七"), (47, "四十七"), (99, "九十九"),
                                     (100, "一百"), (101, "一百零一"), (104, "一百零四"), (110, "一百一十"),
                                     (115, "一百一十五")])
def test_article_numerals(gen, n, text):
    assert gen.util.cn_number(n) == text


@pytest.mark.parametrize("n", [100, 500, 1005, 3600, 8000, 10000, 10500, 20000, 39000, 60000, 100000, 105000,
                               150030, 1000001])
def test_capitals_round_trip(gen, n):
    assert int(parse_capitals(gen.util.rmb_upper(n))) == n


def test_working_days_skip_holidays(gen):
    u = gen.util
    # 2023-09-29 .. 2023-10-06: Mid-Autumn + National Day; 2023-10-07 and 10-08 are make-up working days
    assert u.add_workdays("2023-09-28", 1) == dt.date(2023, 10, 7)
    assert u.workdays_between("2023-09-28", "2023-10-09") == 3
    assert not u.is_workday(dt.date(2024, 2, 12))
