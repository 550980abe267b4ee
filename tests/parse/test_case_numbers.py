"""Health penalty case numbers (文号)."""

import pytest

from audit.parse.case_numbers import find_case_numbers, parse_case_number

# (text, raw, region, agency, sector, nature, year, serial, bracket_style, normalized, issues)
CASES = [
    ("金卫公罚〔2022〕11号", "金卫公罚〔2022〕11号", "金", "卫", "公", "罚", 2022, "11", "official",
     "金卫公罚〔2022〕11号", []),
    ("金卫公罚告〔2022〕11号", "金卫公罚告〔2022〕11号", "金", "卫", "公", "罚告", 2022, "11", "official",
     "金卫公罚告〔2022〕11号", []),
    ("京卫食罚〔2002〕001号", "京卫食罚〔2002〕001号", "京", "卫", "食", "罚", 2002, "001", "official",
     "京卫食罚〔2002〕1号", ["zero_padded"]),
    ("济历城卫医罚【2018】016号", "济历城卫医罚【2018】016号", "济历城", "卫", "医", "罚", 2018, "016", "【】",
     "济历城卫医罚〔2018〕16号", ["non_official_brackets", "zero_padded"]),
    ("济历城卫医催告【2018】020号", "济历城卫医催告【2018】020号", "济历城", "卫", "医", "催告", 2018, "020", "【】",
     "济历城卫医催告〔2018〕20号", ["non_official_brackets", "zero_padded"]),
    ("X卫医罚字〔2023〕12号", "X卫医罚字〔2023〕12号", "X", "卫", "医", "罚", 2023, "12", "official",
     "X卫医罚〔2023〕12号", ["has_zi"]),
    ("杭西卫医罚[2023]5号", "杭西卫医罚[2023]5号", "杭西", "卫", "医", "罚", 2023, "5", "[]",
     "杭西卫医罚〔2023〕5号", ["non_official_brackets"]),
    ("杭西卫医罚(2023)第5号", "杭西卫医罚(2023)第5号", "杭西", "卫", "医", "罚", 2023, "5", "()",
     "杭西卫医罚〔2023〕5号", ["non_official_brackets", "has_di"]),
    ("杭西卫医罚（2023）第5号", "杭西卫医罚（2023）第5号", "杭西", "卫", "医", "罚", 2023, "5", "（）",
     "杭西卫医罚〔2023〕5号", ["non_official_brackets", "has_di"]),
    ("沪浦卫健监罚〔2024〕88号", "沪浦卫健监罚〔2024〕88号", "沪浦", "卫健", "监", "罚", 2024, "88", "official",
     "沪浦卫健监罚〔2024〕88号", []),
    ("苏锡卫职罚﹝2023﹞7号", "苏锡卫职罚﹝2023﹞7号", "苏锡", "卫", "职", "罚", 2023, "7", "﹝﹞",
     "苏锡卫职罚〔2023〕7号", ["non_official_brackets"]),
    ("京卫医罚字(1999)第12号", "京卫医罚字(1999)第12号", "京", "卫", "医", "罚", 1999, "12", "()",
     "京卫医罚〔1999〕12号", ["non_official_brackets", "has_di", "has_zi"]),
    ("金卫公罚 〔2022〕 11 号", "金卫公罚 〔2022〕 11 号", "金", "卫", "公", "罚", 2022, "11", "official",
     "金卫公罚〔2022〕11号", []),
    ("根据金卫公罚〔2022〕11号决定", "金卫公罚〔2022〕11号", "金", "卫", "公", "罚", 2022, "11", "official",
     "金卫公罚〔2022〕11号", []),
    ("送达《行政处罚决定书》（杭西卫医罚〔2023〕12号）", "杭西卫医罚〔2023〕12号", "杭西", "卫", "医", "罚", 2023,
     "12", "official", "杭西卫医罚〔2023〕12号", []),
    ("卫辉卫医罚〔2023〕5号", "卫辉卫医罚〔2023〕5号", "卫辉", "卫", "医", "罚", 2023, "5", "official",
     "卫辉卫医罚〔2023〕5号", []),
    ("京卫医〔2023〕5号", "京卫医〔2023〕5号", "京", "卫", "医", None, 2023, "5", "official", "京卫医〔2023〕5号", []),
    ("金卫公罚〔２０２２〕１１号", "金卫公罚〔２０２２〕１１号", "金", "卫", "公", "罚", 2022, "11", "official",
     "金卫公罚〔2022〕11号", []),
    ("卫医罚〔2023〕5号", "卫医罚〔2023〕5号", "", "卫", "医", "罚", 2023, "5", "official", "卫医罚〔2023〕5号",
     ["missing_region"]),
    ("京卫医听告〔2023〕5号", "京卫医听告〔2023〕5号", "京", "卫", "医", "听告", 2023, "5", "official",
     "京卫医听告〔2023〕5号", []),
    ("京卫医罚〔2023〕A05号", "京卫医罚〔2023〕A05号", "京", "卫", "医", "罚", 2023, "A05", "official",
     "京卫医罚〔2023〕A05号", []),
]


@pytest.mark.parametrize(
    ("text", "raw", "region", "agency", "sector", "nature", "year", "serial", "brackets", "normalized", "issues"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_case_numbers(text, raw, region, agency, sector, nature, year, serial, brackets, normalized, issues):
    cn = parse_case_number(text)
    assert cn is not None
    assert cn.raw == raw and text[slice(*cn.span)] == raw
    assert (cn.region, cn.agency_marker, cn.sector, cn.nature, cn.year, cn.serial) == (
        region, agency, sector, nature, year, serial)
    assert cn.bracket_style == brackets
    assert cn.normalized == normalized
    assert cn.issues() == issues


NEGATIVE = [
    "金（市）疾控检字第22060115号",  # lab report number: no 卫 marker
    "普洛塞斯（2022）第S08014号",  # third-party report
    "金公检告[2022]YYC02号",  # test-result notice without 卫
    "2022年11号文件",
    "〔2023〕第5号",
    "浙卫发〔2023〕5号",  # policy document: no penalty nature, unknown category
    "金华市卫健委〔2023〕5号",
    "X卫医罚字〔XXXX〕XX号",  # template placeholder
    "金卫公罚〔22〕11号",  # two-digit year
    "金卫公罚〔2022〕号",  # no serial
]


@pytest.mark.parametrize("text", NEGATIVE, ids=NEGATIVE)
def test_not_case_numbers(text):
    assert find_case_numbers(text) == []


def test_notice_pairs_with_decision():
    notice, decision = find_case_numbers("告知书文号：金卫公罚告〔2022〕11号；决定书文号：金卫公罚〔2022〕11号。")
    assert notice.nature == "罚告" and decision.nature == "罚"
    assert notice.key() == decision.key() == ("金", "公", 2022, 11)


def test_padded_and_unpadded_pair():
    padded = parse_case_number("济历城卫医罚【2018】016号")
    plain = parse_case_number("济历城卫医罚〔2018〕16号")
    assert padded.key() == plain.key()
    assert padded.normalized == plain.normalized


def test_different_serials_do_not_pair():
    a, b = find_case_numbers("金卫公罚〔2022〕11号、金卫公罚〔2022〕12号")
    assert a.key() != b.key()
    assert a.span[1] <= b.span[0]


def test_parse_case_number_none():
    assert parse_case_number("没有文号") is None
