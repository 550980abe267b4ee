"""Small, safe corrections of what recognisers misread in these files, applied to every engine.

Each rule is narrow enough not to touch correct text: it only rewrites shapes that cannot
be right in a Chinese administrative file.
"""

from __future__ import annotations

import regex

# (pattern, replacement, why)
RULES: list[tuple[regex.Pattern[str], str, str]] = [
    # "250m1": the letter l of a volume unit read as the digit 1 (毫升 is ml / mL)
    (regex.compile(r"(?<=\d)\s?m1(?![\d\p{Latin}])"), "ml", "ml read as m1"),
    (regex.compile(r"(?<=\d)\s?mI(?![\d\p{Latin}])"), "ml", "ml read as mI"),
    # "〔2022]87号": the closing bracket of a document number's year read as ] (mixed pairs cannot be right)
    (regex.compile(r"〔(\d{4})[\]】）)]"), r"〔\1〕", "〕 read as ]"),
    (regex.compile(r"[\[【（(](\d{4})〕"), r"〔\1〕", "〔 read as ["),
    # a ticked form box read as a full block
    (regex.compile(r"[█▇]"), "■", "ticked box read as a block"),
    # a title bracket pair read half as 〈〉: 《医疗机构执业许可证〉 (mixed pairs cannot be right)
    (regex.compile(r"《([^《》〈〉\n]{1,40})〉"), r"《\1》", "》 read as 〉"),
    (regex.compile(r"〈([^《》〈〉\n]{1,40})》"), r"《\1》", "《 read as 〈"),
    # "二二三年": the 〇 of 二〇二三 dropped; a year in numerals has four digits
    (regex.compile(r"(?<![〇○零一二三四五六七八九十百千0-9])二([一二])([〇○零一二三四五六七八九])(?=年)"), r"二〇\1\2",
     "〇 of a 20xx year dropped"),
]

# Traditional forms the recogniser returns for characters of simplified text (the 兑
# component drawn as 兌): files written in simplified Chinese never use them.
_VARIANTS = str.maketrans("悅說稅脫銳閱兌註", "悦说税脱锐阅兑注")


# "22023年": a stuttered first digit of a year (five digits before 年 cannot be a year)
_STUTTERED_YEAR = regex.compile(r"(?<!\d)(\d)(\1\d{3})(?=\s?年)")


def _year(match: regex.Match[str]) -> str:
    year = match.group(2)
    return year if 1949 <= int(year) <= 2099 else match.group(0)


def fix_text(text: str) -> str:
    text = text.translate(_VARIANTS)
    for pattern, replacement, _why in RULES:
        text = pattern.sub(replacement, text)
    return _STUTTERED_YEAR.sub(_year, text)
