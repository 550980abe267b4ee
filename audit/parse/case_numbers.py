"""Health penalty case numbers (文号): 地区简称 + 卫/卫健 + 执法类别 + 执法性质 + 〔年份〕 + 序号 + 号.

Tolerated: any bracket pair (〔〕【】[]()（）﹝﹞), 字 before the bracket, 第 before the serial,
zero padding, alphanumeric serials and OCR spaces around the bracket and serial. Only
numbers with the 卫 marker count: lab report numbers (金（市）疾控检字第22060115号) and
test-result notices without 卫 (金公检告[2022]YYC02号) are not health case numbers. Without a
nature (罚, 告…) the category must be a known one (医, 公, 食…), so policy-document numbers
such as 浙卫发〔2023〕5号 are not taken.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from audit.parse.text import GAP, normalize_brackets, normalize_width

NATURES = ("罚告", "听告", "催告", "不罚", "责改", "罚", "告", "强", "改", "听", "封", "撤")
SECTORS = "医公食妆职放传水消学血妇母计中综监疾"

_PATTERN = regex.compile(
    rf"(?P<region>[\p{{Han}}A-Z×]{{0,8}}?)(?P<agency>卫健|卫)"
    rf"(?:(?P<sector>\p{{Han}}{{0,2}}?)(?P<nature>{'|'.join(NATURES)})|(?P<sector>[{SECTORS}]))"
    rf"(?P<zi>字)?{GAP}(?P<open>〔){GAP}(?P<year>(?:19|20)[0-9]{{2}}){GAP}(?P<close>〕){GAP}"
    rf"(?P<di>第)?{GAP}(?P<serial>[0-9A-Za-z][0-9A-Za-z\-]{{0,9}}){GAP}号"
)
# Words that cannot belong to a region abbreviation: the region starts after the last one.
_LEAD_IN = regex.compile(
    r"^.*(?:根据|依据|按照|依照|作出|下达|送达|文号|编号|案号|决定书|告知书|通知书|意见书|"
    r"[的了是为对将把被在向据及与或见以经即并其该号书])"
)


@dataclass(frozen=True, slots=True)
class CaseNumber:
    """A parsed health case number with its format deviations."""

    raw: str
    span: tuple[int, int]
    region: str
    agency_marker: str  # '卫' | '卫健'
    sector: str
    nature: str | None
    year: int
    serial: str
    bracket_style: str  # 'official' for 〔〕, else the two bracket characters seen
    has_zi: bool
    has_di: bool
    zero_padded: bool
    normalized: str  # official form: 〔〕, no 第, no 字, serial without padding

    def serial_value(self) -> int | str:
        """The serial as an int when numeric (011 -> 11), else upper-cased."""
        return int(self.serial) if self.serial.isdigit() else self.serial.upper()

    def key(self) -> tuple[str, str, int, int | str]:
        """(region, sector, year, serial), ignoring the nature: pairs 金卫公罚告〔2022〕11号 with 金卫公罚〔2022〕11号."""
        return (self.region, self.sector, self.year, self.serial_value())

    def issues(self) -> list[str]:
        """Deviations from the official form."""
        checks = (
            (self.bracket_style != "official", "non_official_brackets"),
            (self.zero_padded, "zero_padded"),
            (self.has_di, "has_di"),
            (self.has_zi, "has_zi"),
            (not self.region, "missing_region"),
        )
        return [code for failed, code in checks if failed]


def _build(text: str, m: regex.Match) -> CaseNumber:
    region = m.group("region")
    lead_in = _LEAD_IN.match(region)
    if lead_in:
        region = region[lead_in.end():]
    start = m.start("agency") - len(region)
    serial = m.group("serial")
    zero_padded = serial.isdigit() and len(serial) > 1 and serial.startswith("0")
    brackets = text[m.start("open")] + text[m.start("close")]
    number = str(int(serial)) if serial.isdigit() else serial
    normalized = f"{region}{m.group('agency')}{m.group('sector')}{m.group('nature') or ''}〔{m.group('year')}〕{number}号"
    return CaseNumber(
        raw=text[start:m.end()],
        span=(start, m.end()),
        region=region,
        agency_marker=m.group("agency"),
        sector=m.group("sector"),
        nature=m.group("nature"),
        year=int(m.group("year")),
        serial=serial,
        bracket_style="official" if brackets == "〔〕" else brackets,
        has_zi=bool(m.group("zi")),
        has_di=bool(m.group("di")),
        zero_padded=zero_padded,
        normalized=normalized,
    )


def find_case_numbers(text: str) -> list[CaseNumber]:
    """All health case numbers in ``text``, in order."""
    folded = normalize_brackets(normalize_width(text))
    return [_build(text, m) for m in _PATTERN.finditer(folded)]


def parse_case_number(text: str) -> CaseNumber | None:
    """The first health case number in ``text``, or None."""
    found = find_case_numbers(text)
    return found[0] if found else None
