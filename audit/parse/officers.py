"""Officers named with their enforcement certificate numbers, in every way records write them:
王建平（执法证号：33010621003）, 王建平　李晓燕（执法证号：…、…）, and the numbers given
"respectively" after the names (执法证件编号分别是：…，现依法向你出示)."""

from __future__ import annotations

import regex

from audit.model import Field
from audit.parse.doctext import DocText

_CERT_LABEL = r"(?:执法证号|执法证件号|执法证编号|执法证件编号|证件号码?|证号)"
_CERT = r"[A-Za-z0-9]*\d{6,}[A-Za-z0-9]*"
_OFFICER = regex.compile(
    rf"(?P<name>[\p{{Han}}]{{2,4}})[ \u3000\n]*[（(][ \u3000]*(?:{_CERT_LABEL}[：:\s]*)?(?P<cert>{_CERT})[ \u3000]*[）)]|"
    rf"(?P<name2>[\p{{Han}}]{{2,4}})[ \u3000]*{_CERT_LABEL}[：:\s]*(?P<cert2>{_CERT})"
)
# 王建平　李晓燕（执法证号：33010621003、33010621017）: names, then numbers in the same order
_OFFICER_LIST = regex.compile(
    rf"(?P<names>[\p{{Han}}]{{2,4}}(?:[、，,\s\u3000]+[\p{{Han}}]{{2,4}})+)[\s\u3000]*[（(]?[\s\u3000]*{_CERT_LABEL}[：:\s]*"
    rf"(?P<certs>{_CERT}(?:[、，,\s\u3000]+{_CERT})+)"
)
_ROLE_PREFIXES = ("执法人员", "检查人员", "检查人", "询问人", "调查人", "记录人", "承办人", "送达人", "人员")
# words that sit where a name would before a certificate label but are not names
_NOT_NAMES = {"执法", "身份", "证件", "号码", "编号", "人员", "执法人员", "公民", "居民", "有效", "工作", "上岗"}


def officers(dt: DocText) -> list[Field]:
    """Officers named with their enforcement certificate numbers."""
    found: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _OFFICER_LIST.finditer(dt.text):
        names = regex.split(r"[、，,\s\u3000]+", m.group("names").strip())
        certs = regex.split(r"[、，,\s\u3000]+", m.group("certs").strip())
        if len(names) > len(certs) >= 2:
            names = names[-len(certs):]  # a label before the names (采样人 秦欣怡 黎晓东（执法证号：…、…）)
        if len(names) == len(certs):
            found += [(m.start(), m.end(), n, c) for n, c in zip(names, certs, strict=True)]
            taken.append(m.span())
    for m in _OFFICER.finditer(dt.text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        name, cert = (m.group("name"), m.group("cert")) if m.group("name") else (m.group("name2"), m.group("cert2"))
        found.append((m.start(), m.end(), name, cert))
    if not found:
        found += _certificates_respectively(dt)
    out: list[Field] = []
    seen: set[str] = set()
    for start, end, name, cert in sorted(found, key=lambda t: t[0]):
        for prefix in _ROLE_PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix):
                name = name[len(prefix):]
        if name in seen or len(name) < 2 or name in _ROLE_PREFIXES or name in _NOT_NAMES:
            continue
        seen.add(name)
        out.append(dt.field({"name": name, "certificate": cert}, start, end))
    return out


# 执法证件编号分别是：32010021001、32010021002，现依法向你出示 (the names stand before, in the
# same sentence or after a role label of the record): numbers paired with the names in order
_RESPECTIVELY = regex.compile(
    rf"(?:证件?|证)(?:号码?|编号)?[ \u3000]*分别[是为]?[：:]?[ \u3000]*(?P<certs>{_CERT}(?:[ \u3000]*[、，,和及][ \u3000]*{_CERT})+)"
)
_NAMES_BEFORE = regex.compile(
    r"(?:执法人员|监督员|检查人员|调查人员|执法人)[：:]?[ \u3000]*(?P<names>[\p{Han}]{2,4}(?:[、和及][\p{Han}]{2,4})+)[ \u3000]*[，,]?[^，。；]{0,12}$"
)


def _certificates_respectively(dt: DocText) -> list[tuple[int, int, str, str]]:
    from audit.parse.statements import named_officers

    out: list[tuple[int, int, str, str]] = []
    for m in _RESPECTIVELY.finditer(dt.flat):
        certs = regex.split(r"[ \u3000]*[、，,和及][ \u3000]*", m.group("certs"))
        head = dt.flat[max(0, m.start() - 80):m.start()]
        before = _NAMES_BEFORE.search(head[max(head.rfind("。"), head.rfind("；")) + 1:])
        names = regex.split(r"[、和及]", before.group("names")) if before else [f.value for f in named_officers(dt)]
        if len(names) != len(certs):
            continue
        start, end = dt.unflatten(m.start(), m.end())
        out += [(start, end, n, c) for n, c in zip(names, certs, strict=True)]
    return out


_NAME_SEPARATORS = regex.compile(r"[、，,；;\s]+")


def person_names(value: str) -> set[str]:
    """The personal names in a field value listing people ("张三、李四" → {张三, 李四})."""
    return {n for n in _NAME_SEPARATORS.split(value) if 2 <= len(n) <= 4}
