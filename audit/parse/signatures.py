"""Signing blocks of forms (签名：某某 2024年4月12日): who signed, and the date written beside.

The labels of a signing block come from the rule (``signers``, a regex in YAML). A date on
the next line belongs to the block; a date wrapped inside its table cell (``2024年4月`` on the
line, ``12日`` below) is read whole, not as an incomplete date.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from audit.model import Case, Document, Field
from audit.parse.dates import DateMatch, find_dates
from audit.parse.doctext import DocText

_NAMES = r"[\p{Han}]{2,4}(?:[ \u3000、，,]+[\p{Han}]{2,4}){0,4}"
_DAY_BELOW = regex.compile(r"^\s*[0-9一二三四五六七八九十]{1,3}\s*[日号]\s*$")


@dataclass(slots=True)
class SigningBlock:
    names: str  # what follows the label ("" when nothing)
    rest: str  # what follows the names on the block (its date, or other words)
    field: Field  # the block as read


def _joined(lines: list[tuple[int, str]], i: int) -> str:
    """The line ``i`` with the next line joined when it holds only this block's date or the
    day of a date wrapped in its cell."""
    text = lines[i][1]
    if i + 1 >= len(lines):
        return text
    below = lines[i + 1][1].strip()
    dates = find_dates(below)
    if (dates and dates[0].span == (0, len(below))) or _DAY_BELOW.match(below):
        return f"{text}{'' if _DAY_BELOW.match(below) else ' '}{below}"
    return text


def signing_blocks(case: Case, doc: Document, signers: str) -> list[SigningBlock]:
    """Lines that are signing blocks: ``签名：某某 [date]`` with nothing else on the line."""
    pattern = regex.compile(rf"(?:^|[\s\u3000])(?:{signers})[：:][ \u3000]*(?P<names>{_NAMES})(?P<rest>[ \u3000]*.*)$")
    dt = DocText.of(case, doc)
    lines = dt.lines()
    out = []
    for i, (offset, text) in enumerate(lines):
        m = pattern.search(text)
        if not m:
            continue
        dates = find_dates(m.group("rest"))
        if not m.group("rest").strip() or (dates and dates[-1].error == "incomplete"):
            joined = _joined(lines, i)
            if joined != text and pattern.search(joined):
                text, m = joined, pattern.search(joined)
        f = dt.field(text.strip(), offset + m.start(), offset + min(len(text), len(lines[i][1])))
        out.append(SigningBlock(m.group("names"), m.group("rest"), f))
    return out


@dataclass(slots=True)
class SigningDate:
    date: DateMatch
    field: Field


def signing_dates(case: Case, doc: Document, signers: str) -> list[SigningDate]:
    """The date that closes each line carrying a signing label (label, then a date at its end);
    a date wrapped in its cell is joined with the day below."""
    signer = regex.compile(rf"(?:{signers})[：:]?")
    dt = DocText.of(case, doc)
    lines = dt.lines()
    out = []
    for i, (offset, text) in enumerate(lines):
        m = signer.search(text)
        if not m:
            continue
        joined = _joined(lines, i) if _DAY_BELOW.match(lines[i + 1][1] if i + 1 < len(lines) else "") else text
        dates = find_dates(joined[m.end():])
        if not dates or joined[m.end() + dates[-1].span[1]:].strip():
            continue  # a signing date closes the line
        last = dates[-1]
        start = offset + m.end() + last.span[0]
        end = min(start + len(last.raw), offset + len(text))
        out.append(SigningDate(last, dt.field(last.raw, start, end)))
    return out


def page_signed(lines: list, label: str) -> bool:
    """Whether a page carries a signature after the signer's label (``被询问人签名：赵明``);
    ``label`` is the rule's regex of the signer's label."""
    pattern = regex.compile(rf"(?:{label})[：:]?[ \u3000]*(?!签名|签字|签章|盖章)(?P<name>[\p{{Han}}]{{2,4}})")
    alone = regex.compile(rf"(?:{label})[：:]?[ \u3000]*$")
    name_below = regex.compile(r"^[ \u3000]*[\p{Han}]{2,4}(?:[ \u3000]+.*)?$")
    for i, line in enumerate(lines):
        if pattern.search(line.text):
            return True
        # the label alone on its line, the name on the next (the signature cell below the label)
        if alone.search(line.text) and i + 1 < len(lines) and name_below.match(lines[i + 1].text):
            return True
    return False


@dataclass(slots=True)
class PartySignature:
    state: str  # signed | refused | blank
    field: Field  # the names (signed), the refusal note (refused) or the block as read (blank)


def party_signature(dt: DocText, labels: tuple[str, ...]) -> PartySignature | None:
    """The party's own signature on a document handed over on the spot (当场行政处罚决定书).

    The block starts at one of ``labels`` (当事人签收 / 当事人签名 …, checklists/labels.yaml);
    inside it the party signs after a signing place (签名：, wording.yaml ``签名处``) when the
    block has one, else right after the label. ``blank`` only when the block was found and the
    signing place holds nothing but a printed date; None when the block is not found or its
    content cannot be judged (a printed sentence and no signing place).
    """
    from audit.parse.vocabulary import find_phrase

    alternatives = "|".join(regex.escape(label) for label in labels)
    head = regex.compile(rf"(?:{alternatives})[ \u3000]*[：:]?")
    lines = dt.lines()
    for i, (offset, text) in enumerate(lines):
        m = head.search(text)
        if not m:
            continue
        rest, start = text[m.end():], offset + m.end()
        if not rest.strip(" \u3000") and i + 1 < len(lines):
            rest, start = lines[i + 1][1], lines[i + 1][0]
        refusal = find_phrase("拒绝签收", rest)
        if refusal:
            return PartySignature("refused", dt.field(refusal.group(), start + refusal.start(), start + refusal.end()))
        place = None
        for found in _all_places(rest, find_phrase):
            place = found
        after = rest[place.end():] if place else rest
        shift = place.end() if place else 0
        value = after
        for d in sorted(find_dates(after), key=lambda d: d.span[0], reverse=True):
            value = value[: d.span[0]] + " " * (d.span[1] - d.span[0]) + value[d.span[1]:]
        name = regex.search(r"\S.*\S|\S", value)
        if name is None:  # the signing place holds nothing, or only the printed date
            return PartySignature("blank", dt.field(text.strip(), offset, offset + len(text)))
        if place is None and not regex.fullmatch(_NAMES, name.group()):
            return None  # a printed sentence (本决定书已当场收到。) and no signing place: cannot be judged
        s = start + shift + name.start()
        return PartySignature("signed", dt.field(name.group(), s, s + len(name.group())))
    return None


def _all_places(text: str, find_phrase) -> list[regex.Match]:
    """Every signing place (签名：) in ``text``, in order."""
    out, pos = [], 0
    while (m := find_phrase("签名处", text[pos:])) is not None and m.end() > 0:
        out.append(_Shifted(m, pos))
        pos += m.end()
    return out


class _Shifted:
    """A match found in a slice, with its offsets in the whole text."""

    def __init__(self, match: regex.Match, by: int) -> None:
        self._m, self._by = match, by

    def end(self) -> int:
        return self._m.end() + self._by
