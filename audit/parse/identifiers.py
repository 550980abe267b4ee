"""统一社会信用代码 (GB 32100-2015), 公民身份号码 (GB 11643-1999) and phone numbers.

An 18-character token is either a credit code or an ID number, never both. Disambiguation
(first rule that applies):
1. a letter anywhere except a final X -> credit code;
2. a valid ID number (MOD 11-2 and a real birth date in 1900–2099 at positions 7–14) -> ID;
3. a valid credit code (MOD 31) -> credit code;
4. a label in the 12 characters before it (信用代码/社会信用/执照 -> credit code;
   身份证/身份号码/证件号 -> ID);
5. a real birth date at positions 7–14 -> ID (with a wrong check digit);
6. otherwise (all digits, both checks fail, no label, no date: a bank account, a receipt
   number) it is neither and is not reported.
Both finders return invalid matches (``valid=False``) so a rule can report them.
A 15-digit number is a legacy ID when positions 7–12 are a real date in 1901–1999 and no
credit/registration label precedes it (15-digit 注册号 are otherwise confused with it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from audit.parse.text import normalize_width

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"

_TOKEN18 = regex.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{18}(?![0-9A-Za-z])")
# OCR reads the digits 0 and 1 of a credit code as the letters O and I, which the code's
# alphabet (GB 32100) leaves out: after a credit-code label such a token is read back.
_TOKEN18_MISREAD = regex.compile(r"(?<![0-9A-Za-z])(?=[0-9A-Za-z]{0,17}[OoIi])[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxyOoIi]{18}(?![0-9A-Za-z])")
_MISREAD_DIGITS = str.maketrans("OoIi", "0011")
_ID_SPACED = regex.compile(r"(?<![0-9A-Za-z])[0-9]{6} [0-9]{8} [0-9]{3}[0-9Xx](?![0-9A-Za-z])")
_ID15 = regex.compile(r"(?<![0-9A-Za-z])[0-9]{15}(?![0-9A-Za-z])")
_MOBILE = regex.compile(
    r"(?<![0-9A-Za-z+])(?:\+?86[- ]?)?1[3-9][0-9](?:[0-9]{8}|-[0-9]{4}-[0-9]{4}| [0-9]{4} [0-9]{4})(?![0-9A-Za-z])"
)
_LANDLINE = regex.compile(
    r"(?<![0-9A-Za-z])(?:\(0[1-9][0-9]{1,2}\) ?|0[1-9][0-9]{1,2}-)[2-9][0-9]{6,7}(?![0-9A-Za-z])"
)
_NON_DIGIT = regex.compile(r"[^0-9]")
_AREA_CODE = regex.compile(r"\D*(0[0-9]{1,3})\D")
_CREDIT_LABEL = regex.compile(r"信用代码|社会信用|执照|注册号|机构代码")
_ID_LABEL = regex.compile(r"身份证|身份号码|证件号")


@dataclass(frozen=True, slots=True)
class IdentifierMatch:
    """A credit code, ID number or phone number found in text."""

    kind: str  # 'credit_code' | 'id_number' | 'phone'
    value: str  # upper-case, without spaces
    raw: str
    span: tuple[int, int]
    valid: bool | None  # checksum (and birth date) result; None for phones


def credit_code_check_char(first17: str) -> str:
    """Check character (MOD 31) for the first 17 characters of a credit code."""
    total = sum(CREDIT_CHARS.index(ch) * w for ch, w in zip(first17.upper(), _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """18 characters from the 31-symbol set with a matching check character."""
    code = "".join(code.split()).upper()
    if len(code) != 18 or any(ch not in CREDIT_CHARS for ch in code):
        return False
    return credit_code_check_char(code[:17]) == code[17]


def id_check_char(first17: str) -> str:
    """Check character (ISO 7064 MOD 11-2) for the first 17 digits of an ID number."""
    total = sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _date(s: str) -> dt.date | None:
    try:
        day = dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    return day if 1900 <= day.year <= 2099 else None


def _normalize(s: str) -> str:
    return "".join(normalize_width(s).split()).upper()


def id_birth_date(s: str) -> dt.date | None:
    """Birth date of an 18-digit (YYYYMMDD) or 15-digit (YYMMDD, 19YY) ID number."""
    s = _normalize(s)
    if len(s) == 18 and s[:17].isdigit():
        return _date(s[6:14])
    if len(s) == 15 and s.isdigit():
        return _date("19" + s[6:12])
    return None


def id_sex(s: str) -> str | None:
    """'男' (odd sequence digit) or '女' (even): digit 17 of 18, or the last of 15."""
    s = _normalize(s)
    digit = s[16] if len(s) == 18 else s[14] if len(s) == 15 else None
    if digit is None or not digit.isdigit():
        return None
    return "男" if int(digit) % 2 else "女"


def is_valid_id_number(s: str) -> bool:
    """18 digits (last may be X) with a correct check and a real birth date; 15 digits with a real date."""
    s = _normalize(s)
    if len(s) == 15:
        return s.isdigit() and id_birth_date(s) is not None
    if len(s) != 18 or not s[:17].isdigit() or s[17] not in "0123456789X":
        return False
    return id_check_char(s[:17]) == s[17] and id_birth_date(s) is not None


def _classify18(value: str, before: str) -> str | None:
    """'credit_code', 'id_number' or None for an 18-character token (rules in the module docstring)."""
    if not value[:17].isdigit() or value[17] not in "0123456789X":
        return "credit_code"
    if is_valid_id_number(value):
        return "id_number"
    if is_valid_credit_code(value):
        return "credit_code"
    labels = [(m.end(), "credit_code") for m in _CREDIT_LABEL.finditer(before)]
    labels += [(m.end(), "id_number") for m in _ID_LABEL.finditer(before)]
    if labels:
        return max(labels)[1]
    return "id_number" if id_birth_date(value) else None


def _tokens18(text: str) -> list[tuple[str, IdentifierMatch]]:
    folded = normalize_width(text)
    out = []
    for pattern in (_TOKEN18, _ID_SPACED):
        for m in pattern.finditer(folded):
            value = _normalize(m.group())
            kind = _classify18(value, folded[max(0, m.start() - 12):m.start()])
            if kind is None:
                continue
            valid = is_valid_credit_code(value) if kind == "credit_code" else is_valid_id_number(value)
            out.append((kind, IdentifierMatch(kind, value, text[m.start():m.end()], m.span(), valid)))
    for m in _TOKEN18_MISREAD.finditer(folded):
        if not _CREDIT_LABEL.search(folded[max(0, m.start() - 12):m.start()]):
            continue
        value = _normalize(m.group().translate(_MISREAD_DIGITS))
        out.append(("credit_code", IdentifierMatch("credit_code", value, text[m.start():m.end()], m.span(),
                                                   is_valid_credit_code(value))))
    return sorted(out, key=lambda pair: pair[1].span)


def find_credit_codes(text: str) -> list[IdentifierMatch]:
    """Every 18-character credit code (valid or not) that is not an ID number."""
    return [m for kind, m in _tokens18(text) if kind == "credit_code"]


def find_id_numbers(text: str) -> list[IdentifierMatch]:
    """Every 18-digit ID number (valid or not) and every 15-digit legacy one with a real birth date."""
    found = [m for kind, m in _tokens18(text) if kind == "id_number"]
    folded = normalize_width(text)
    for m in _ID15.finditer(folded):
        before = folded[max(0, m.start() - 12):m.start()]
        birth = id_birth_date(m.group())
        if birth and birth.year > 1900 and not _CREDIT_LABEL.search(before):
            found.append(IdentifierMatch("id_number", m.group(), text[m.start():m.end()], m.span(), True))
    return sorted(found, key=lambda m: m.span)


def find_phones(text: str) -> list[IdentifierMatch]:
    """Mobile (1[3-9] + 9 digits; +86, dashes, spaces allowed) and landline numbers (0571-88881234,
    (0571)88881234). ``value`` is digits only, a mobile without its +86."""
    folded = normalize_width(text)
    found = []
    for pattern in (_MOBILE, _LANDLINE):
        for m in pattern.finditer(folded):
            value = _NON_DIGIT.sub("", m.group())
            value = value[2:] if pattern is _MOBILE and len(value) == 13 else value
            found.append(IdentifierMatch("phone", value, text[m.start():m.end()], m.span(), None))
    return sorted(found, key=lambda m: m.span)


def _mask(raw: str, head: int, tail: int) -> str:
    """Replace the alphanumerics of raw except the first ``head`` and last ``tail`` with '*'."""
    count = sum(ch.isalnum() for ch in raw)
    out, index = [], 0
    for ch in raw:
        if ch.isalnum():
            out.append(ch if index < head or index >= count - tail else "*")
            index += 1
        else:
            out.append(ch)
    return "".join(out)


def mask_id_number(s: str) -> str:
    """Keep the first 6 and last 4 characters (110105********002X); separators stay in place."""
    return _mask(s, 6, 4)


def mask_phone(s: str) -> str:
    """Mobile: 138****5678 (country code kept); landline: area code and last 2 digits (0571-******34)."""
    digits = _NON_DIGIT.sub("", normalize_width(s))
    country = 2 if digits.startswith("86") and len(digits) == 13 else 0
    if digits[country:country + 1] == "1":
        return _mask(s, country + 3, 4)
    area = _AREA_CODE.match(normalize_width(s))
    head = len(area.group(1)) if area else 3 if digits[:2] in ("01", "02") else 4
    return _mask(s, head, 2)


# Every number that is masked has, as written, a run of 7 digits (an ID number, a mobile, a
# landline without its area code) or is a mobile written 3-4-4 with dashes or spaces (full-width
# forms included: the finders fold them). A string without either is returned as it is; most
# strings of a case (titles, dates, names, the "2023年5月8日" of a date) never reach the finders.
_MAYBE_MASKED = regex.compile(r"[0-9０-９]{7}|[0-9０-９]{3}[-－ \u3000][0-9０-９]{4}[-－ \u3000][0-9０-９]{4}")


def mask_text(text: str) -> str:
    """Mask every ID number and phone number in ``text`` (credit codes are kept). Length-preserving."""
    if _MAYBE_MASKED.search(text) is None:  # most strings: nothing to look for (fast path)
        return text
    return _mask_found(text)


def _mask_found(text: str) -> str:
    """``mask_text`` without its fast path (the tests hold the two to the same answer)."""
    out = list(text)
    for match in find_id_numbers(text) + find_phones(text):
        start, end = match.span
        masked = mask_id_number(match.raw) if match.kind == "id_number" else mask_phone(match.raw)
        out[start:end] = masked
    return "".join(out)
