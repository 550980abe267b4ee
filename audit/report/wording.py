"""Official register for documents that leave the review team (the 整改通知书): no rule codes,
no internal notes, no talk of software, names kept whole, articles by number with a short
quotation."""

from __future__ import annotations

import regex

CODE = r"(?<![A-Za-z0-9/])[A-Z]{3}\d{3}(?![0-9-])"  # a rule code (DOC002), never a standard number
RULE_CODE = regex.compile(CODE)
# a parenthesis that speaks to the reviewer, not to the handling unit
INTERNAL_NOTE = regex.compile(r"[（(][^（）()]*(?:" + CODE + r"|规则|软件|系统|人工判断|识别)[^（）()]*[）)]")
BY_RULE = regex.compile(r"由\s*" + CODE + r"\s*(?:核查|报告|检查|处理)")  # "由LAW006核查"
SOFTWARE = [("软件未作结论", "经评查尚未作出结论"), ("软件无法确定", "尚待核实"), ("软件", "评查")]
LONG_PAREN = 60  # characters inside a parenthesis beyond which it is an article pasted whole
HAN_BREAK = regex.compile(r"(?<=\p{Han})\s*\n\s*(?=\p{Han})")
# compiled once: a pattern given as a string is looked up in the regex module's cache on every
# call, which cost more than the matching in these short texts
_BREAK = regex.compile(r"\s*\n\s*")
_SPACE_RUN = regex.compile(r"[ \t]{2,}")
_SPACES = regex.compile(r"\s+")
_ITEM_NUMBER = regex.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_CLAUSE_END = regex.compile(r"(?<=[。；])")
_CITE_AND_TEXT = regex.compile(r"^(《[^》]+》[^：:“]{0,30}?)[：:]\s*(.+)$", regex.S)
QUOTE_LEN = 36


def official(text: str) -> str:
    """``text`` in the register of an official notice."""
    text = HAN_BREAK.sub("", text or "")  # "贺\n国强" → "贺国强": a line break never splits a name
    text = _BREAK.sub(" ", text)
    text = INTERNAL_NOTE.sub("", text)
    text = BY_RULE.sub("另行核查", text)
    text = RULE_CODE.sub("", text)
    for old, new in SOFTWARE:
        text = text.replace(old, new)
    text = _shorten_long_parentheses(text)  # no article pasted whole
    return _SPACE_RUN.sub(" ", text).strip()


def short_quote(article: str, limit: int = QUOTE_LEN) -> str:
    """The part of an article a reader needs to recognise it: the item cited (after "……"),
    else the first clause, cut at ``limit`` characters."""
    text = _SPACES.sub("", article or "")
    if "……" in text:
        text = text.rsplit("……", 1)[1] or text
    text = _ITEM_NUMBER.sub("", text)  # the item's own number is in the citation
    clause = _CLAUSE_END.split(text, maxsplit=1)[0].rstrip("。；，")
    return clause if len(clause) <= limit else clause[:limit].rstrip("，、；") + "……"


def sentence(text: str) -> str:
    """``text`` ending with a full stop (or the mark it already ends with)."""
    text = text.rstrip()
    return text if not text or text[-1] in "。！？；：”」）)" else text + "。"


def _shorten_long_parentheses(text: str) -> str:
    """Each outermost parenthesis holding more than :data:`LONG_PAREN` characters (nested
    ones such as "第（五）项" included) becomes its citation and a short quotation."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            if depth == 0:
                out.append(text[start:i])
                start = i
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0:
                inner = text[start + 1:i]
                out.append(f"（{_cite_and_quote(inner)}）" if len(inner) > LONG_PAREN else text[start:i + 1])
                start = i + 1
    out.append(text[start:])
    return "".join(out)


def _cite_and_quote(inner: str) -> str:
    """"《法》第N条：article text…" → "《法》第N条：“short quotation”"."""
    m = _CITE_AND_TEXT.match(inner)
    if m:
        return f"{m.group(1)}：“{short_quote(m.group(2))}”"
    return f"“{short_quote(inner)}”"


WORD_JOINER = "\u2060"  # no line break here: Word, WPS and LibreOffice keep the name on one line
QUOTED = regex.compile(r"(?<=“)\p{Han}{2,6}(?=”)")


def keep_whole(text: str, names: list[str]) -> str:
    """Join the characters of each person's name (and each short quoted name) so that a line
    never breaks inside it ("贺" at a line's end and "国强" on the next)."""
    def join(name: str) -> str:
        return WORD_JOINER.join(name)

    for name in sorted({n for n in names if n and 2 <= len(n) <= 6}, key=len, reverse=True):
        text = text.replace(name, join(name))
    return QUOTED.sub(lambda m: join(m.group(0)) if WORD_JOINER not in m.group(0) else m.group(0), text)
