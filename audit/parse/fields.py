"""Generic field readers over a :class:`DocText`: labelled values, party block, officers,
agency name, dates, amounts, identifiers, case numbers, citations by role.

Length: the generic readers share one label grammar (labels.yaml) and one way of returning a
Field with provenance; the document-specific readers live in their own modules.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from audit.model import Field
from audit.parse import vocabulary
from audit.parse.case_numbers import find_case_numbers
from audit.parse.cited import citations_in, penalty_basis, violated_provisions  # noqa: F401 (exported for the extractors)
from audit.parse.dates import DateMatch, find_dates
from audit.parse.doctext import DocText
from audit.parse.identifiers import find_credit_codes, find_id_numbers, find_phones
from audit.parse.money import find_amounts
from audit.parse.officers import officers  # noqa: F401 (exported for the extractors)

# A value runs to the end of the line or to the next "label：" on the same line.
# labels that end a value even with no space before them (OCR often drops the gap between
# two fields on one line: 负责人：张三联系电话：0816-…)
_NEXT_LABEL = r"(?:联系电话|联系方式|电话|手机|统一社会信用代码|公民身份号码|身份证号码?|性别|年龄|职务|邮政编码|邮编)"
_VALUE = (
    r"[ \t\u3000_]*(?P<v>[^\n]*?)[ \t\u3000_]*"
    r"(?=[ \t\u3000]+[\p{Han}（）()]{2,14}[：:]|[，,；;][ \t\u3000]*[\p{Han}（）()]{2,14}[：:]"
    rf"|(?<=\S)[（(]?{_NEXT_LABEL}[：:]|\n|$)"
)
BLANK_VALUES = {"", "/", "\\", "／", "无", "—", "--", "-", "（空）", "空白"}

PARTY_NAME_LABELS = vocabulary.labels("party_name")
LEGAL_REP_LABELS = vocabulary.labels("legal_representative", near_party=False)
ADDRESS_LABELS = vocabulary.labels("address")
CAUSE_LABELS = ("案由",)
AGENCY_SUFFIX = (
    r"(卫生健康委员会|卫生健康局|卫生和计划生育委员会|卫生和计划生育局|卫生计生委|卫生计生局|卫生局|卫生健康综合监督执法局|"
    r"卫生监督所|卫生健康综合行政执法队|疾病预防控制局)"
)
_AGENCY_LINE = regex.compile(rf"^(?P<a>[\p{{Han}}]{{2,24}}{AGENCY_SUFFIX})(（印章）|（盖章）)?$")
_ORG_SUFFIX = regex.compile(
    r"(诊所|医院|卫生院|卫生室|卫生所|门诊部|中心|公司|厂|店|馆|站|院|部|室|所|会|社|学校|幼儿园|酒店|宾馆|旅馆|浴室|KTV|俱乐部)$"
)


def labelled(dt: DocText, labels: Iterable[str], multiline: bool = False) -> Field | None:
    """First non-blank value given for one of ``labels``.

    Four layouts: ``label：value`` anywhere on a line; ``label value`` at the start of a
    line (ruled forms without colons); the value in the table cell beside the label; a label
    alone on its line with the value on the next line.
    """
    labels = tuple(labels)
    alternatives = "|".join(regex.escape(label) for label in sorted(labels, key=len, reverse=True))
    colon = regex.compile(rf"(?:^|(?<=[\s\u3000]))(?:{alternatives})[ \t\u3000]*[：:]{_VALUE}", regex.M)
    spaced = regex.compile(rf"^[ \t\u3000]*(?:{alternatives})[ \t\u3000]+(?![：:]){_VALUE}", regex.M)
    # a label alone on its line, its value on the next line (or in the next table cell, which
    # .docx and PDF text layers give as the next line)
    alone = regex.compile(
        rf"^[ \t\u3000]*(?:{alternatives})[ \t\u3000]*[：:]?[ \t\u3000_]*\n[ \t\u3000]*"
        rf"(?![\p{{Han}}（）()]{{2,14}}[ \t\u3000]*[：:])(?P<v>[^\n]+?)[ \t\u3000]*$", regex.M)
    found_at: tuple[int, Field] | None = None
    for pattern in (colon, spaced):
        for match in pattern.finditer(dt.text):
            value = match.group("v").strip(" \t\u3000_")
            if value in BLANK_VALUES:
                continue
            start = match.start("v") + match.group("v").find(value)
            found_at = (start, dt.field(value, start, start + len(value)))
            break
        if found_at:
            break
    sentence = _in_sentence(dt, alternatives)
    if sentence and (found_at is None or sentence[0] < found_at[0]):
        return sentence[1]
    if found_at:
        return found_at[1]
    found = dt.cell(labels)
    if found is None or found.value.strip() in BLANK_VALUES:
        return _value_below(dt, alone)
    if not multiline and "\n" in found.value:
        first = found.value.split("\n", 1)[0]
        if "：" in first or ":" in first:
            return None  # a block of labelled lines, not a single value
        found.value = found.raw = first
    return found


def _value_below(dt: DocText, alone: regex.Pattern) -> Field | None:
    """The value on the line below a label that stands alone on its line."""
    for match in alone.finditer(dt.text):
        value = match.group("v").strip(" \t\u3000_")
        if value in BLANK_VALUES or vocabulary.is_label(value) or regex.search(r"[□■☑☐√✓✔▇☒]", value):
            continue  # another label, or a row of tick boxes: not this label's value
        start = match.start("v") + match.group("v").find(value)
        return dt.field(value, start, start + len(value))
    return None


def _in_sentence(dt: DocText, alternatives: str) -> tuple[int, Field] | None:
    """A value in a sentence-style block, after a comma: ``当事人：某诊所，负责人：张三，住所：…。``

    Read on the flat text, so a value wrapped onto the next line (``负责人：贺\\n国强``) is whole;
    the value ends at the next comma, semicolon or full stop.
    """
    pattern = regex.compile(rf"(?<=[，,；;])[ \u3000]*(?:{alternatives})[ \u3000]*[：:][ \u3000]*(?P<v>[^，,；;。：:]{{1,60}}?)[ \u3000]*(?=[，,；;。])")
    for match in pattern.finditer(dt.flat):
        value = match.group("v")
        if value in BLANK_VALUES:
            continue
        start, end = dt.unflatten(match.start("v"), match.end("v"))
        return start, dt.field(value, start, end)
    return None


_TICKED = regex.compile(r"[■☑√✓✔▇☒]\s*(?P<item>[\p{Han}“”、]{2,16})")
_SOURCE_WORDS = regex.compile(r"投诉|举报|检查|移送|交办|报请|抽查")


def case_source(dt: DocText) -> Field | None:
    """Where the case came from: the ticked item of a source tick row (■投诉举报), else the
    value written after 案件来源."""
    for offset, text in dt.lines():
        if "□" not in text or not _SOURCE_WORDS.search(text):
            continue
        m = _TICKED.search(text)
        if m:
            return dt.field(m.group("item"), offset + m.start("item"), offset + m.end("item"))
    found = labelled(dt, ("案件来源", "案源"))
    if found is not None and "□" in found.value:
        return None  # the row of boxes itself, no tick read
    return found


_NAME_NOTE = regex.compile(
    r"[（(][^（）()]*(?:法定代表人|负责人|经营者|业主|信用代码|身份证|注册号|营业执照|[男女]|\d{1,3}\s*岁|性别|年龄|职务|"
    r"店主|老板|院长|主任|医师|护士|员工|工作人员|本人|个体)[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)?[）)]$"
)


def plain_name(name: str) -> str:
    """A person's or organisation's name without a trailing note: 刘志强（男，41岁） → 刘志强."""
    cleaned = _NAME_NOTE.sub("", name).strip()
    return cleaned or name


def party_name(dt: DocText) -> Field | None:
    """The party's name, without a trailing note such as （法定代表人：某某）."""
    found = labelled(dt, PARTY_NAME_LABELS)
    if found is not None:
        found.value = plain_name(found.value)
    return found


_PARTY_LINE = regex.compile(
    "(?:" + "|".join(regex.escape(label) for label in PARTY_NAME_LABELS) + r")[ \u3000]*[：:]|统一社会信用代码|身份证"
)
_APPROVAL_WORDS = regex.compile(r"审批|审核|意见|签名|签字|签章|同意|批准")


def legal_representative(dt: DocText) -> Field | None:
    """The party's legal representative (法定代表人（负责人）…).

    A bare 负责人 label counts only inside the party block (the party's line and the three
    lines after it): on approval and review forms 负责人 is the agency's approver.
    """
    found = labelled(dt, LEGAL_REP_LABELS)
    if found is not None:
        found.value = plain_name(found.value)  # 刘志强（男，41岁） is 刘志强
        return found
    near = vocabulary.labels("legal_representative", near_party=True)
    lines = dt.lines()
    for i, (_, text) in enumerate(lines):
        if not _PARTY_LINE.search(text):
            continue
        end = i + 1
        while end < min(len(lines), i + 4) and not _APPROVAL_WORDS.search(lines[end][1]):
            end += 1
        found = labelled(dt.sub(i, end), near)
        if found is not None and not _APPROVAL_WORDS.search(found.value):
            found.value = plain_name(found.value)
            return found
    return None


def seal_mark(dt: DocText) -> Field | None:
    """A seal shown as a text mark (（印章）) in the document's last lines, where it is signed."""
    lines = [(o, t) for o, t in dt.lines() if t.strip()][-8:]
    for offset, text in reversed(lines):
        m = vocabulary.find_phrase("印章标记", text)
        if m:
            return dt.field(m.group(0), offset + m.start(), offset + m.end())
    return None


def sign_off(dt: DocText) -> Field | None:
    """The agency's sign-off (落款): its name on a line of its own among the document's last
    lines, where the seal belongs. Found or not, it says whether the place of the seal was seen."""
    lines = [(o, t) for o, t in dt.lines() if t.strip()][-8:]
    for offset, text in reversed(lines):
        compact = regex.sub(r"\s+", "", text)
        match = _AGENCY_LINE.match(compact)
        if match:
            start = offset + len(text) - len(text.lstrip())
            return dt.field(match.group("a"), start, offset + len(text.rstrip()))
    return None


def agency(dt: DocText) -> Field | None:
    """The agency's name as printed at the top (or, failing that, the signature block)."""
    lines = dt.lines()
    for offset, text in lines[:4] + lines[-8:][::-1]:
        compact = regex.sub(r"\s+", "", text)
        match = _AGENCY_LINE.match(compact)
        if match:
            name = match.group("a")
            start = offset + text.find(name[0])
            return dt.field(name, start, start + len(text.strip()))
    return None


_ADDRESSEE = regex.compile(r"^[ \u3000]*(?P<name>[^\s：:，。、]{2,40})[：:][ \u3000]*$", regex.M)


def addressee(dt: DocText) -> Field | None:
    """The party a notice is addressed to: a line ``某某诊所：`` near the top."""
    head = sum(len(t) + 1 for _, t in dt.lines()[:8])
    for m in _ADDRESSEE.finditer(dt.text[:head]):
        name = m.group("name")
        if not any(name.startswith(w) for w in ("当事人", "地址", "联系", "被检查")):
            return dt.field(name, m.start("name"), m.end("name"))
    return None


def case_number(dt: DocText, head_only: bool = True) -> Field | None:
    """The document's own number (文号): the first one near the top of the document."""
    limit = sum(len(t) + 1 for _, t in dt.lines()[:8]) if head_only else len(dt.text)
    for cn in find_case_numbers(dt.text[:limit]):
        return dt.field(cn.normalized, cn.span[0], cn.span[1], detail=_case_number_detail(cn))
    return None


def all_case_numbers(dt: DocText) -> list[Field]:
    return [dt.field(cn.normalized, *cn.span, detail=_case_number_detail(cn)) for cn in find_case_numbers(dt.text)]


def _case_number_detail(cn) -> dict:
    return {
        "key": list(cn.key()),
        "nature": cn.nature,
        "year": cn.year,
        "issues": cn.issues(),
    }


def date_field(dt: DocText, match: DateMatch) -> Field:
    value = match.value.isoformat() if match.value else None
    detail = {"precision": match.precision}
    if match.time:
        detail["time"] = match.time.strftime("%H:%M")
    if match.end_time:
        detail["end_time"] = match.end_time.strftime("%H:%M")
    if match.blank:
        detail["blank"] = True
    if match.error:
        detail["error"] = match.error
    return dt.field(value, match.span[0], match.span[1], detail=detail)


def labelled_date(dt: DocText, labels: Iterable[str]) -> Field | None:
    """Date written after one of ``labels`` (within 40 characters on its line), or in the
    table cell beside the label."""
    labels = tuple(labels)
    found = _inline_date(dt, labels)
    if found is not None:
        return found
    cell = dt.cell(labels)
    if cell is not None:
        dates = [d for d in find_dates(cell.raw) if d.value is not None]
        if dates:
            d = dates[0]
            detail = {"precision": d.precision, **({"time": d.time.strftime("%H:%M")} if d.time else {})}
            return Field(d.value.isoformat(), d.raw, cell.document, cell.page, cell.box, cell.confidence, detail)
    return None


def _inline_date(dt: DocText, labels: tuple[str, ...]) -> Field | None:
    alternatives = "|".join(regex.escape(label) for label in sorted(labels, key=len, reverse=True))
    for m in regex.finditer(rf"(?:{alternatives})[ \t\u3000]*[：:]?", dt.text):
        window_end = min(len(dt.text), m.end() + 40)
        line_end = dt.text.find("\n", m.end())
        window_end = min(window_end, line_end if line_end >= 0 else window_end)
        found = find_dates(dt.text[m.end():window_end])
        below = not dt.text[m.end():window_end].strip() and line_end >= 0  # the label alone on its line
        if below or (found and found[0].error == "incomplete" and line_end >= 0):
            # a date wrapped in its table cell (2024年5月 / 6日9时30分…): read it with the next line
            next_end = dt.text.find("\n", line_end + 1)
            window_end = next_end if next_end >= 0 else len(dt.text)
        for date in find_dates(dt.text[m.end():window_end]):
            if below and dt.text[m.end():m.end() + date.span[0]].strip():
                break  # the next line is not this label's date (prose with a date inside)
            shifted = _shift(date, m.end())
            return date_field(dt, shifted)
    return None


def row_date(dt: DocText, labels: Iterable[str]) -> Field | None:
    """The date of a form row that starts with one of ``labels`` (``讨论时间：2024年5月6日``),
    on the label's line or, for a label alone on its line, on the next line (a table cell)."""
    alternatives = "|".join(regex.escape(label) for label in sorted(labels, key=len, reverse=True))
    head = regex.compile(rf"^[ \t\u3000]*(?:{alternatives})[ \t\u3000]*[：:]?[ \t\u3000]*")
    lines = dt.lines()
    for i, (offset, text) in enumerate(lines):
        m = head.match(text)
        if not m:
            continue
        candidates = [(offset + m.end(), text[m.end():])]
        if not text[m.end():].strip() and i + 1 < len(lines):
            candidates.append(lines[i + 1])
        for start, rest in candidates:
            dates = find_dates(rest)
            if dates and dates[0].span[0] <= 2:
                return date_field(dt, _shift(dates[0], start))
    return None


def last_date(dt: DocText) -> Field | None:
    """The last date of a document: its signing date on most forms.

    When the signing date is written without its day (``2022年9月``), the document's date is
    unknown (``value`` None, ``detail.error`` 'incomplete'), not an earlier date in its text.
    """
    found = find_dates(dt.text)
    written = [d for d in found if not d.blank]
    if (found and found[-1].blank and _in_last_lines(dt, found[-1].span[0])
            and not (written and _in_last_lines(dt, written[-1].span[0]) and _signing_line(dt, written[-1]))):
        # the closing date was left blank (年 月 日) and no other signing date stands beside
        # it: the document's date is blank, never a date taken from its facts
        return date_field(dt, found[-1])
    if not written:
        return None
    if written[-1].value is None and written[-1].error == "incomplete":
        return date_field(dt, written[-1])
    dates = [d for d in written if d.value is not None]
    if not dates:
        return None
    if _signing_date_hidden(dt, dates[-1]):
        # the last date is in the body; the signing block below it was read under a seal
        # without a date: the signing date is unknown, not the body's date
        return Field(None, "", dt.document.id, *dt.locate(*dates[-1].span)[:2], 0.0,
                     {"error": "unreadable", "note": "落款日期可能被印章遮挡，未能识别"})
    return date_field(dt, dates[-1])


def _signing_line(dt: DocText, date: DateMatch) -> bool:
    """Whether ``date`` stands in a signing block (a short line), not in a sentence of prose."""
    start = dt.text.rfind("\n", 0, date.span[0]) + 1
    end = dt.text.find("\n", date.span[1])
    line = dt.text[start:end if end >= 0 else len(dt.text)].replace(date.raw, "")
    return len(regex.findall(r"\p{Han}", line)) < 12


def _in_last_lines(dt: DocText, offset: int, count: int = 4) -> bool:
    """Whether ``offset`` lies in the last ``count`` non-empty lines of the document."""
    starts = [o for o, text in dt.lines() if text.strip()]
    return bool(starts) and offset >= starts[-min(count, len(starts))]


_PROSE_AFTER_DATE = regex.compile(r"^[^\n]*?[\p{Han}]{8}")


def _signing_date_hidden(dt: DocText, last: DateMatch) -> bool:
    """Whether an OCR document's signing date was lost under its seal.

    True when the last date sits inside a sentence (eight or more characters follow it on
    its line) and one of the lines after it was read under a seal (confidence capped).
    """
    from audit.model import SEAL_LINE_CONFIDENCE, LineSource

    tail = dt.text[last.span[1]:]
    if not _PROSE_AFTER_DATE.match(tail):
        return False
    after = [line for (offset, _), line in zip(dt.lines(), dt.segment_lines(), strict=True) if offset > last.span[1]]
    return any(line.source is LineSource.OCR and line.confidence <= SEAL_LINE_CONFIDENCE for line in after)


def first_date(dt: DocText) -> Field | None:
    dates = [d for d in find_dates(dt.text) if d.value is not None]
    return date_field(dt, dates[0]) if dates else None


def _shift(date: DateMatch, offset: int) -> DateMatch:
    from dataclasses import replace

    return replace(date, span=(date.span[0] + offset, date.span[1] + offset))


def money_field(dt: DocText, money, offset: int = 0) -> Field:
    """A Field for a Money found at ``offset`` in the flat text, both written forms kept."""
    detail = {
        "digits": _num(money.digits),
        "capitals": _num(money.capitals),
        "digits_raw": money.digits_raw,
        "capitals_raw": money.capitals_raw,
        "capitals_style": money.capitals_style,
    }
    # written both ways, the amount in capitals governs (以大写为准); a mismatch is a rule's finding
    value = money.capitals if money.capitals is not None and money.digits is not None else money.amount
    return dt.flat_field(_num(value), offset + money.span[0], offset + money.span[1], detail=detail)


def amounts(dt: DocText) -> list[Field]:
    """Every money amount, with both written forms kept for comparison."""
    # the flat text: capitals wrap across lines (人民币叁万玖\n仟元整)
    return [money_field(dt, money) for money in find_amounts(dt.flat)]


def _num(value) -> float | None:
    return None if value is None else float(value)


def identifiers(dt: DocText) -> dict[str, list[Field]]:
    """Credit codes, ID numbers and phone numbers, each with its checksum verdict."""
    out: dict[str, list[Field]] = {}
    for key, finder in (("credit_codes", find_credit_codes), ("id_numbers", find_id_numbers), ("phones", find_phones)):
        found = finder(dt.text)
        if found:
            out[key] = [dt.field(m.value, m.span[0], m.span[1], detail={"valid": m.valid}) for m in found]
    return out


def party_type(name: str | None, has_credit_code: bool, has_id: bool, credit_code_prefix: str = "") -> str | None:
    """organisation | individual, from the identifiers and the shape of the name."""
    if credit_code_prefix == "92":
        return "individual"  # 个体工商户: registered by 市场监管 (9) as an individual business (2)
    if has_credit_code:
        return "organisation"
    if name and _ORG_SUFFIX.search(name):
        return "organisation"
    if has_id or (name and regex.fullmatch(r"[\p{Han}·]{2,5}", name)):
        return "individual"
    return None
