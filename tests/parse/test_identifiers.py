"""Credit codes, ID numbers, phone numbers, their check characters and masking."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.parse.identifiers import (
    CREDIT_CHARS,
    credit_code_check_char,
    find_credit_codes,
    find_id_numbers,
    find_phones,
    id_birth_date,
    id_check_char,
    id_sex,
    is_valid_credit_code,
    is_valid_id_number,
    mask_id_number,
    mask_phone,
    mask_text,
)
from audit.parse.identifiers import _mask_found as mask_text_slow

VALID_CREDIT = ["91110000802100433B", "9144030071526726XG", "91330100716105852F", "91350100M000100Y43",
                "123300004700010072", "91330106MA2H3K7Q5U"]


@pytest.mark.parametrize("code", VALID_CREDIT)
def test_valid_credit_codes(code):
    assert is_valid_credit_code(code)
    assert credit_code_check_char(code[:17]) == code[17]
    assert is_valid_credit_code(code.lower())


INVALID_CREDIT = [
    ("91110000802100433C", "check"), ("9111000080210043", "short"), ("91110000802100433BB", "long"),
    ("91110000802I00433B", "letter-I"), ("91110000802O00433B", "letter-O"), ("9111000080210043SB", "letter-S"),
    ("", "empty"),
]


@pytest.mark.parametrize("code", [c for c, _ in INVALID_CREDIT], ids=[i for _, i in INVALID_CREDIT])
def test_invalid_credit_codes(code):
    assert not is_valid_credit_code(code)


ID_CASES = [
    ("11010519491231002X", True, dt.date(1949, 12, 31), "女"),
    ("11010519491231002x", True, dt.date(1949, 12, 31), "女"),
    ("330106199003071236", True, dt.date(1990, 3, 7), "男"),
    ("330106199003071230", False, dt.date(1990, 3, 7), "男"),
    ("110105194902310021", False, None, "女"),
    ("110105491231002", True, dt.date(1949, 12, 31), "女"),
    ("110105491331002", False, None, "女"),
    ("1101051949123100", False, None, None),
]


@pytest.mark.parametrize(("number", "valid", "birth", "sex"), ID_CASES, ids=[c[0] for c in ID_CASES])
def test_id_numbers(number, valid, birth, sex):
    assert is_valid_id_number(number) is valid
    assert id_birth_date(number) == birth
    assert id_sex(number) == sex


def test_id_check_char_sample():
    assert id_check_char("11010519491231002") == "X"


# (text, kind of the 18-character token, valid)
DISAMBIGUATION = [
    ("11010519491231002X", "id_number", True),  # valid ID, X at the end
    ("330106199003071236", "id_number", True),  # valid ID, all digits
    ("330106199003010679", "id_number", True),  # passes both checks: ID wins
    ("123300004700010072", "credit_code", True),  # all digits, valid credit code, no birth date
    ("91330100716105852F", "credit_code", True),  # letters
    ("91110000802100433C", "credit_code", False),  # letters, wrong check char: still found
    ("330106199003071230", "id_number", False),  # birth date, wrong check
    ("统一社会信用代码：330106199003071230", "credit_code", False),  # label decides
    ("身份证号：123300004700010073", "id_number", False),  # label decides
]


@pytest.mark.parametrize(("text", "kind", "valid"), DISAMBIGUATION, ids=[d[0] for d in DISAMBIGUATION])
def test_credit_code_or_id(text, kind, valid):
    codes, ids = find_credit_codes(text), find_id_numbers(text)
    found = codes + ids
    assert len(found) == 1
    assert found[0].kind == kind and found[0].valid is valid
    assert (codes if kind == "credit_code" else ids) == found


def test_not_identifiers():
    text = "账号622202123456789012，票据号0012345678，日期2023-05-12，金额20000.00元，文号金卫公罚〔2022〕11号"
    assert find_credit_codes(text) == [] and find_id_numbers(text) == [] and find_phones(text) == []


def test_identifier_spans_and_values():
    text = "当事人：某诊所，统一社会信用代码：９１３３０１００７１６１０５８５２ｆ；负责人身份证号 110105 19491231 002x。"
    (code,) = find_credit_codes(text)
    assert code.value == "91330100716105852F" and code.valid
    assert text[slice(*code.span)] == code.raw
    (person,) = find_id_numbers(text)
    assert person.value == "11010519491231002X" and person.valid and person.raw == "110105 19491231 002x"


def test_legacy_15_digit_registration_number_is_not_an_id():
    assert find_id_numbers("注册号：330106000123456") == []
    assert find_id_numbers("身份证：110105491231002")[0].valid


PHONES = [
    ("13805712345", "13805712345"), ("电话：138-0571-2345", "13805712345"), ("138 0571 2345", "13805712345"),
    ("+86 13805712345", "13805712345"), ("0571-88881234", "057188881234"), ("(0571)88881234", "057188881234"),
    ("（0571）88881234", "057188881234"), ("010-62345678", "01062345678"),
]


@pytest.mark.parametrize(("text", "value"), PHONES, ids=[p[0] for p in PHONES])
def test_phones(text, value):
    (phone,) = find_phones(text)
    assert phone.value == value and phone.kind == "phone" and phone.valid is None
    assert text[slice(*phone.span)] == phone.raw


NOT_PHONES = ["12345678901", "2023-05-12", "11010519491231002X", "91330100716105852F", "138057123456", "0571-8888"]


@pytest.mark.parametrize("text", NOT_PHONES, ids=NOT_PHONES)
def test_not_phones(text):
    assert find_phones(text) == []


MASKS = [
    (mask_id_number, "11010519491231002X", "110105********002X"),
    (mask_id_number, "110105491231002", "110105*****1002"),
    (mask_phone, "13812345678", "138****5678"),
    (mask_phone, "138-1234-5678", "138-****-5678"),
    (mask_phone, "+86 13812345678", "+86 138****5678"),
    (mask_phone, "0571-88881234", "0571-******34"),
    (mask_phone, "(0571)88881234", "(0571)******34"),
    (mask_phone, "010-62345678", "010-******78"),
]


@pytest.mark.parametrize(("fn", "raw", "masked"), MASKS, ids=[m[1] for m in MASKS])
def test_masks(fn, raw, masked):
    assert fn(raw) == masked


def test_mask_text():
    text = "统一社会信用代码：91330100716105852F，负责人张三，身份证号11010519491231002X，电话13805712345，座机0571-88881234。"
    masked = mask_text(text)
    assert masked == ("统一社会信用代码：91330100716105852F，负责人张三，身份证号110105********002X，"
                      "电话138****2345，座机0571-******34。")
    assert len(masked) == len(text)



@pytest.mark.parametrize(("fn", "raw", "masked"), MASKS, ids=[m[1] for m in MASKS])
def test_mask_text_masks_every_form_in_a_sentence(fn, raw, masked):
    """Each masked form, also written with full-width digits and separators, passes the fast path."""
    full = raw.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789-()+"} | {ord(" "): 0x3000})
    for form, expected in ((raw, masked), (full, None)):
        text = f"联系人张三，号码{form}。"
        assert mask_text(text) == mask_text_slow(text)
        if expected is not None:
            assert mask_text(text) == f"联系人张三，号码{expected}。"
        else:
            assert mask_text(text) != text


MASK_ALPHABET = st.sampled_from(list("0123456789０１２３４５６７８９Xx-－ \u3000()（）+86电话身份证号代码年月日，a"))


@given(st.lists(MASK_ALPHABET, max_size=40).map("".join))
def test_mask_text_fast_path_never_changes_the_answer(text):
    assert mask_text(text) == mask_text_slow(text)


@given(st.sampled_from([m[1] for m in MASKS] + ["11010519491231002X", "110105 19491231 002X", "130503670401001",
                                                "13805712345", "+86 138 0571 2345"]),
       st.lists(MASK_ALPHABET, max_size=12).map("".join), st.lists(MASK_ALPHABET, max_size=12).map("".join))
def test_mask_text_fast_path_around_numbers(number, before, after):
    text = before + number + after
    assert mask_text(text) == mask_text_slow(text)

PREFIX = st.builds(
    lambda area, birth, seq: f"{area:06d}{birth:%Y%m%d}{seq:03d}",
    st.integers(min_value=110000, max_value=829999),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(min_value=0, max_value=999),
)


@given(PREFIX, st.data())
def test_id_check_detects_single_substitution(prefix, data):
    number = prefix + id_check_char(prefix)
    assert is_valid_id_number(number)
    position = data.draw(st.integers(min_value=0, max_value=17))
    alphabet = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    assert not is_valid_id_number(number[:position] + replacement + number[position + 1:])


@given(st.text(alphabet=CREDIT_CHARS, min_size=17, max_size=17), st.data())
def test_credit_check_detects_single_substitution(prefix, data):
    code = prefix + credit_code_check_char(prefix)
    assert is_valid_credit_code(code)
    position = data.draw(st.integers(min_value=0, max_value=17))
    replacement = data.draw(st.sampled_from([c for c in CREDIT_CHARS if c != code[position]]))
    assert not is_valid_credit_code(code[:position] + replacement + code[position + 1:])
