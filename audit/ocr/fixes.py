"""Small, safe corrections of what recognisers misread in these files, applied to every engine.

Each rule is narrow enough not to touch correct text: it only rewrites shapes that cannot
be right in a Chinese administrative file.
"""

from __future__ import annotations

import regex

# (pattern, replacement, why)
RULES: list[tuple[regex.Pattern[str], str, str]] = [
    # "250m1": the letter l of a volume unit read as the digit 1 (毫升 is ml / mL)
    (regex.compile(r"(?<=\d)\s?m1(?![\d\p{L}])"), "ml", "ml read as m1"),
    (regex.compile(r"(?<=\d)\s?mI(?![\d\p{L}])"), "ml", "ml read as mI"),
    # a ticked form box read as a full block
    (regex.compile(r"[█▇]"), "■", "ticked box read as a block"),
]


# "22023年": a stuttered first digit of a year (five digits before 年 cannot be a year)
_STUTTERED_YEAR = regex.compile(r"(?<!\d)(\d)(\1\d{3})(?=\s?年)")


def _year(match: regex.Match[str]) -> str:
    year = match.group(2)
    return year if 1949 <= int(year) <= 2099 else match.group(0)


def fix_text(text: str) -> str:
    for pattern, replacement, _why in RULES:
        text = pattern.sub(replacement, text)
    return _STUTTERED_YEAR.sub(_year, text)
