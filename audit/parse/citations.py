"""Law citations: 《医疗机构管理条例》第十四条第一款第（四）项 and its variants.

A citation run starts at 第N条 and goes on over 款/项/目 and over lists joined by 、 , 和 及
以及 与 或 (第八条、第九条及第十条; 第二十二条第一、第二款; 第（一）、（二）项). Each
combination is one :class:`Citation`; later ones inherit what they do not restate.

The instrument is the title written right before the run (a 《…》 title, an alias defined
with （以下简称《条例》）, or a back-reference such as 该条例/本法/同法/上述条例, which
points to the last instrument of that kind mentioned before). Parenthetical notes between
title and article (（2019年修订）) are skipped. A run with nothing written before it gets
``instrument=None``. ``raw``/``span`` of a citation run from its first own component (the
title for the first citation of a run) to the end of its last one.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from audit.parse.numerals import chinese_to_int
from audit.parse.text import GAP, normalize_width

_G = GAP
_NUM = r"(?:[0-9]{1,4}|[〇零一二两三四五六七八九十百千]{1,8})"
_SEPL = rf"{_G}(?:、|,|和|以及|及|与|或者|或){_G}"


def _list(piece: str, marker: str) -> str:
    return rf"(?P<pc>{piece})(?:{_SEPL}(?P<pc>{piece}))*{_G}{marker}"


_PIECE = rf"第?{_G}(?P<n>{_NUM}){_G}"
_PAREN_PIECE = rf"(?:第{_G})?\({_G}(?P<n>{_NUM}){_G}\)"
_LEVELS = (  # (level, pattern): 0 article, 1 paragraph, 2 item, 3 sub-item
    (0, regex.compile("(?=第)" + _list(_PIECE, "条"))),
    (1, regex.compile("(?=第)" + _list(_PIECE, "款"))),
    (2, regex.compile(r"(?=第|\()" + _list(_PAREN_PIECE, "项?"))),
    (2, regex.compile("(?=第)" + _list(_PIECE, "项"))),
    (3, regex.compile("(?=第)" + _list(_PIECE, "目"))),
)
_ARTICLE = _LEVELS[0][1]
_SEP = regex.compile(_SEPL)

_TITLE = regex.compile(r"《(?P<t>[^《》\n]{1,80})》")
_ALIAS = regex.compile(
    rf"《(?P<t>[^《》\n]{{1,80}})》{_G}\({_G}(?:以下|下文|下)?简称{_G}:?{_G}"
    r"(?:《(?P<a>[^《》\n]{1,30})》|“(?P<a>[^”\n]{1,30})”|\"(?P<a>[^\"\n]{1,30})\"|(?P<a>\p{Han}{1,15}))"
)
_BACKREF = regex.compile(r"(?<!基)(?:该|本|同|上述|前述|此)(?P<k>条例|法律|法规|规定|办法|细则|规则|决定|法)")
_BETWEEN = regex.compile(rf"(?:{_G}\([^()\n]{{0,60}}\))*{_G}(?:的)?{_G}")
LAW_SUFFIXES = ("法", "条例", "规定", "办法", "细则", "规则", "标准", "规范", "决定", "解释", "程序", "意见", "基准", "清单", "目录", "规程")


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited provision: instrument, article, paragraph (款), item (项), sub-item (目)."""

    instrument: str | None  # without 《》 and without a leading 中华人民共和国
    instrument_raw: str | None  # as written, incl. 《》, or the back-reference (该条例)
    article: int
    paragraph: int | None
    item: int | None
    sub_item: int | None
    raw: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    instrument: str | None
    is_law: bool


def normalize_title(title: str) -> str:
    """Title without 《》, spaces and a leading 中华人民共和国."""
    return "".join(title.split()).strip("《》").removeprefix("中华人民共和国")


def _value(s: str) -> int | None:
    return int(s) if s.isdigit() else chinese_to_int(s)


def _mentions(folded: str) -> list[_Mention]:
    """Instrument mentions in order: titles, bare aliases and back-references (resolved)."""
    aliases: dict[str, str] = {}
    bare: set[str] = set()
    for m in _ALIAS.finditer(folded):
        alias = normalize_title(m.group("a"))
        aliases[alias] = normalize_title(m.group("t"))
        if not folded[m.start("a") - 1] == "《":
            bare.add(alias)
    found = [(m.start(), m.end(), "title", m.group("t")) for m in _TITLE.finditer(folded)]
    found += [(m.start(), m.end(), "back", m.group("k")) for m in _BACKREF.finditer(folded)]
    if bare:
        taken = [(s, e) for s, e, _, _ in found]
        pattern = regex.compile("|".join(regex.escape(a) for a in sorted(bare, key=len, reverse=True)))
        for m in pattern.finditer(folded):
            if not any(s <= m.start() < e for s, e in taken):
                found.append((m.start(), m.end(), "alias", m.group()))
    out: list[_Mention] = []
    for start, end, kind, word in sorted(found):
        if kind == "back":
            laws = [m.instrument for m in out if m.is_law and m.instrument]
            suffix = "法" if word == "法律" else word
            target = next((t for t in reversed(laws) if t.endswith(suffix)), laws[-1] if laws else None)
            out.append(_Mention(start, end, target, False))
        else:
            title = normalize_title(word)
            title = aliases.get(title, title)
            out.append(_Mention(start, end, title, kind == "alias" or title.endswith(LAW_SUFFIXES)))
    return out


def _attached(folded: str, mentions: list[_Mention], start: int) -> _Mention | None:
    """The mention written right before ``start`` (only spaces, 的 or parentheticals between)."""
    for mention in reversed(mentions):
        if mention.end <= start and _BETWEEN.fullmatch(folded, mention.end, start):
            return mention
        if mention.end < start - 120:
            break
    return None


def _component(folded: str, pos: int) -> tuple[int, regex.Match] | None:
    for level, pattern in _LEVELS:
        m = pattern.match(folded, pos)
        if m and (level != 2 or m.group().startswith("第") or m.group().endswith("项")):
            return level, m
    return None


def _run(text: str, folded: str, start: int, mention: _Mention | None) -> tuple[list[Citation], int]:
    """Citations of the run whose first article token starts at ``start``; and the run's end."""
    out: list[Citation] = []
    instrument = mention.instrument if mention else None
    instrument_raw = text[mention.start:mention.end] if mention else None
    cur: list[int | None] = [None] * 4
    cur_start = mention.start if mention else start
    cur_end = pos = start

    def flush() -> None:
        raw = text[cur_start:cur_end].rstrip()
        out.append(Citation(instrument, instrument_raw, cur[0], cur[1], cur[2], cur[3],
                            raw, (cur_start, cur_start + len(raw))))

    while True:
        sep = _SEP.match(folded, pos) if pos > start else None
        found = _component(folded, sep.end() if sep else pos)
        if found is None or (pos == start and found[0] != 0):
            break
        level, m = found
        for value, (piece_start, _) in zip(m.captures("n"), m.spans("pc"), strict=True):
            if any(v is not None for v in cur[level:]):
                flush()
                cur[level:] = [None] * (4 - level)
                cur_start = piece_start
            cur[level] = _value(value)
            cur_end = m.end()
        pos = m.end()
    if cur[0] is not None:
        flush()
    return out, pos


def parse_citations(text: str) -> list[Citation]:
    """All citations in ``text`` in order of appearance."""
    folded = normalize_width(text)
    mentions = _mentions(folded)
    out: list[Citation] = []
    pos = 0
    while (m := _ARTICLE.search(folded, pos)) is not None:
        citations, pos = _run(text, folded, m.start(), _attached(folded, mentions, m.start()))
        out.extend(citations)
        pos = max(pos, m.end())
    return out
