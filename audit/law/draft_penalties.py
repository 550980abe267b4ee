"""Draft penalty facts (checklists/law/penalties.yaml entries) from the indexed statute texts.

Usage::

    python -m audit.law.draft_penalties [--instrument ID ...] [--all] [--out FILE]

For every article of a 法律责任 / 罚则 chapter (and the articles listed in ``PENALTY_ARTICLES`` for
texts without chapters) that ``penalties.yaml`` does not curate yet, the script writes a draft
entry per 款 in the file's shape: conduct, obligations named by the text (本法/本条例第X条), the
authority, corrective orders, and tiers (base, 情节严重的, 逾期不改正的 …) with their sanctions —
kind, verbatim phrase, mode (并处 -> mandatory, 可以并处 -> optional, 或者 -> alternative), fine
range (amounts, multiples of 违法所得 / 货值金额 …, 不足X元的按X元计算 floors, no-income ranges).
A 款 that imposes no administrative penalty becomes an ``excluded`` draft with the reason detected
(刑事责任, 民事责任, 处分, another authority, only corrective orders).

The drafts are a starting point, never the data: every draft is reviewed against the text and
curated by hand in ``penalties.yaml``. A draft carries ``unsettled`` reasons for what the patterns
could not decide (a target other than the party, several authorities, a referral, percentages,
words the kind table does not know …); ``curation: drafted`` marks an entry taken over after
review, ``curation: hand`` one the drafting could not settle. ``tests/law/test_law_penalties.py``
checks every curated quote, phrase, figure, mode and obligation against the text.

Length: a curation tool run by hand, never by an audit. Its patterns for 法律责任 wording form
one table read top to bottom, and each draft rule sits beside the pattern it fills.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.law.registry import Article, Registry, law_dir
from audit.parse.numerals import amount_to_yuan, chinese_to_int

PENALTY_CHAPTER = re.compile(r"(法律责任|罚\s*则|奖励与处罚|章\s*处\s*罚)$")
# Texts whose 法律责任 part is not a chapter of its own (no chapter headings, an excerpt without its
# chapter title, a penalty article inside another chapter): the articles that make it up.
PENALTY_ARTICLES: dict[str, tuple[int, int]] = {
    "blood-donation-law-1997": (18, 23),
    "public-places-hygiene-regulation-implementing-rules-2011": (38, 41),  # excerpt of 第四章 罚则
    "physician-practice-registration-measures-2017": (23, 23),  # in 第四章 注册变更
}

CN = "零〇一二两三四五六七八九十百千"
AMOUNT = rf"(?:[0-9]+(?:\.[0-9]+)?|[{CN}]+(?:万[{CN}]+)?)(?:万元|千元|元)"
MULT = r"(?:(?:[0-9]+|[一二两三四五六七八九十]+)倍|百分之[一二三四五六七八九十]+|[0-9]+%)"
BASE = r"违法所得|非法所得|货值金额|交易额|所获收入|违法收入"
VERB = r"(?:并?可以(?:根据情节)?(?:并处以|并处|处以|处)|并处以|并处|处以|处)"

HEALTH = re.compile(r"卫生|疾病预防控制|中医药|计划生育|原发证部门|原登记部门|原执业|原备案部门|原审查部门"
                    r"|发给证书的|省级以上人民政府卫生")
OTHER = re.compile(r"公安|药品监督管理|市场监督|工商|生态环境|环境保护|建设行政|医疗保障|教育行政|价格|红十字会"
                   r"|畜牧兽医|财政部门|监察机关|人民政府责令改正|上级行政机关")


@dataclass
class Fine:
    min: int | None = None
    max: int | None = None
    multiple_of: str | None = None
    min_multiple: float | None = None
    max_multiple: float | None = None
    income_floor: int | None = None
    floor_if_no_income: dict[str, int | None] | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.multiple_of:
            out: dict[str, Any] = {"multiple_of": self.multiple_of, "min_multiple": self.min_multiple,
                                   "max_multiple": self.max_multiple}
            if self.income_floor is not None:
                out["income_floor"] = self.income_floor
            if self.floor_if_no_income:
                out["floor_if_no_income"] = self.floor_if_no_income
            return out
        return {"min": self.min, "max": self.max}


@dataclass
class Sanction:
    kind: str
    phrase: str
    start: int
    end: int
    mode: str = "mandatory"
    fine: Fine | None = None
    fine_note: str | None = None
    term: str | None = None
    target: str | None = None


@dataclass
class Tier:
    condition: str | None
    quote: str
    sanctions: list[Sanction] = field(default_factory=list)
    authority: str | None = None


@dataclass
class Draft:
    instrument: str
    article: int
    paragraph: int | None
    conduct: str
    enforces: list[int]
    enforces_complete: bool
    authority: str | None
    orders: list[str]
    tiers: list[Tier]
    refers_to: dict[str, Any] | None = None
    notes: str | None = None
    unsettled: list[str] = field(default_factory=list)


@dataclass
class Exclusion:
    instrument: str
    article: int
    paragraph: int | None
    reason: str
    note: str


# ----------------------------------------------------------------------------- numbers


def multiple_value(text: str) -> float | None:
    """二倍 -> 2, 10倍 -> 10, 百分之五十 -> 0.5, 30% -> 0.3."""
    if text.endswith("倍"):
        body = text[:-1]
        return float(body) if body.isdigit() else chinese_to_int(body)
    if text.startswith("百分之"):
        n = chinese_to_int(text[3:])
        return None if n is None else n / 100
    if text.endswith("%"):
        return int(text[:-1]) / 100
    return None


def _num(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


# ----------------------------------------------------------------------------- masking


# Parts of a sentence that are not administrative penalties by the authority: 处分, criminal and
# civil liability, 治安管理处罚 / 拘留 by the police. Masked (same length) before kinds are read.
_MASKS = (
    re.compile(r"对(?:(?!罚款|，对|吊销|暂停)[^；。]){0,80}?(?:依法)?给予[^；。]{0,40}?处分"),
    re.compile(r"(?:依法)?给予[^，；。]{0,30}?处分"),
    re.compile(r"[^，；。]*?(?:构成犯罪|刑事责任)[^；。]*"),
    re.compile(r"[^，；。]*?(?:民事责任|赔偿)[^，；。]*"),
    re.compile(r"由公安机关[^；。]*?(?:拘留|处罚)"),
    re.compile(r"[^，；。]*?治安管理处罚[^，；。]*"),
    re.compile(r"引咎辞职"),
)


def mask(text: str) -> str:
    out = text
    for pattern in _MASKS:
        out = pattern.sub(lambda m: "＿" * len(m[0]), out)
    return out


# ----------------------------------------------------------------------------- kinds

_FINE_MULT = re.compile(rf"(?P<verb>{VERB})(?P<target>对[^，；]*?)?(?P<pre>[^，；]*?)(?P<base>{BASE})(?P<lo>{MULT})以上(?P<hi>{MULT})以下的?罚款")
_FINE_MULT_MAX = re.compile(rf"(?P<verb>{VERB})(?P<pre>[^，；]*?)(?P<base>{BASE})(?P<hi>{MULT})以下的?罚款")
_FINE_RANGE = re.compile(rf"(?P<verb>{VERB})(?P<lo>{AMOUNT})以上(?P<hi>{AMOUNT})以下的?罚款")
_FINE_MAX = re.compile(rf"(?P<verb>{VERB})(?P<hi>{AMOUNT})以下的?罚款")
_FINE_BARE = re.compile(rf"(?:{VERB})?罚款")
_FLOOR = re.compile(rf"(?P<base>{BASE})不足(?P<a>{AMOUNT})的，按(?P<b>{AMOUNT})计算")
_NO_INCOME = re.compile(rf"没有(?:{BASE})或者(?:{BASE})不足(?P<below>{AMOUNT})的，(?:可以)?并?处(?:以)?(?P<lo>{AMOUNT})以上(?P<hi>{AMOUNT})以下的?罚款")
_INCOME_ABOVE = re.compile(rf"(?:{BASE})(?P<a>{AMOUNT})以上的，")

KIND_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("警告", re.compile(r"(?:给予|予以)?警告")),
    ("通报批评", re.compile(r"通报批评")),
    ("没收违法所得", re.compile(r"没收(?:违法|非法)所得")),
    ("没收非法财物", re.compile(r"没收[^，；]*(?:药品|器械|疫苗|物品|财物|工具|设备|血液|器官|制剂|饮片|材料|装置)")),
    ("暂扣许可证件", re.compile(r"暂扣")),
    ("吊销许可证件", re.compile(r"(?:直至)?吊销[^，；]*?(?:许可证件|许可证》?|执照|证书|证件|诊疗科目|资格|批准证明文件|“卫生许可证”)"
                             r"(?:或者[^，；由]*?(?:许可证件|许可证》?|证书|证件))?|(?:依法)?取消[^，；]*?资格|撤销[^，；]*?(?:登记|批准文件)")),
    ("降低资质等级", re.compile(r"降低资质等级")),
    ("责令停产停业", re.compile(r"责令(?:[^，；]{0,12})?(?:停产停业整顿|停产停业|停业整顿)|停业整顿|责令停止[^，；]*?作业|责令停止[^，；]*?活动(?=[，；。]|$)(?<!执业活动)")),
    ("责令停止执业活动", re.compile(r"责令(?:其)?停止(?:相应)?执业活动")),
    ("责令暂停执业活动", re.compile(r"(?:责令)?暂停(?:其)?[^，；]*?执业活动")),
    ("责令关闭", re.compile(r"责令(?:停建、)?关闭")),
    ("限制从业", re.compile(r"[^，；]*?禁止(?:其)?[^，；]*?从事[^，；]*|[^，；]*?年内不得[^，；]*")),
)
FINE_KIND = "罚款"

UNLICENSED = re.compile(r"未取得[^，；]*?(?:许可证|执业证书|合格证书)|擅自执业|非医师行医|未经[^，；]*?(?:登记|批准|许可)")
ORDER_RE = re.compile(
    r"责令(?:其)?(?:限期|立即)?(?:改正|治理|补办[^，；。]*?手续|停止违法行为|停止非法执业活动|停止违法活动)|予以取缔|予以制止|批评教育"
    r"|责令(?:其)?停止执业活动")

COND_RE = re.compile(r"(?:(?<=[，；])|^)(?P<cond>[^，；：]{1,60}?)的，")
SANCTION_WORD = re.compile(r"警告|罚款|没收|吊销|暂扣|停业|停产|暂停|关闭|禁止|取缔|责令|处分|刑事|依照|依法给予|处罚|计算")
AUTH_RE = re.compile(r"由([^，；。由]{0,40}?(?:部门|机构|机关)|[^，；。由]{0,40}?(?:人民政府|红十字会)(?![^，；。由]{0,30}?(?:部门|机构|机关)))")


def _fines(text: str, masked: str, offset: int = 0) -> list[Sanction]:
    """Fine sanctions in ``masked`` (same length as ``text``), most specific pattern first."""
    out: list[Sanction] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    no_income = [m for m in _NO_INCOME.finditer(masked)]
    for m in no_income:
        taken.append(m.span())
    for pattern in (_FINE_MULT, _FINE_MULT_MAX, _FINE_RANGE, _FINE_MAX):
        for m in pattern.finditer(masked):
            a, b = m.span()
            if not free(a, b):
                continue
            taken.append((a, b))
            gd = m.groupdict()
            if "base" in gd and gd.get("base"):
                base = "违法所得" if gd["base"] == "非法所得" and "违法所得" not in text else gd["base"]
                base = gd["base"]
                fine = Fine(multiple_of=base, min_multiple=_num(multiple_value(gd["lo"])) if gd.get("lo") else None,
                            max_multiple=_num(multiple_value(gd["hi"])))
            else:
                fine = Fine(min=amount_to_yuan(gd["lo"]) if gd.get("lo") else None, max=amount_to_yuan(gd["hi"]))
            out.append(Sanction(FINE_KIND, text[a:b], offset + a, offset + b, fine=fine))
    for m in _FINE_BARE.finditer(masked):
        a, b = m.span()
        if free(a, b) and not text[max(0, a - 2):a].endswith(("加处", "对单位")):
            taken.append((a, b))
            out.append(Sanction(FINE_KIND, text[a:b], offset + a, offset + b,
                                fine_note="条文未规定罚款数额"))
    # floors and no-income ranges attach to the multiple before them
    for m in _FLOOR.finditer(masked):
        prior = [s for s in out if s.fine and s.fine.multiple_of and s.end - offset <= m.start()]
        if prior:
            prior[-1].fine.income_floor = amount_to_yuan(m["b"])  # type: ignore[union-attr]
    for m in no_income:
        prior = [s for s in out if s.fine and s.fine.multiple_of and s.end - offset <= m.start()]
        if prior:
            prior[-1].fine.floor_if_no_income = {  # type: ignore[union-attr]
                "below": amount_to_yuan(m["below"]), "min": amount_to_yuan(m["lo"]), "max": amount_to_yuan(m["hi"])}
        else:
            a, b = m.span()
            out.append(Sanction(FINE_KIND, text[a:b], offset + a, offset + b,
                                fine=Fine(min=amount_to_yuan(m["lo"]), max=amount_to_yuan(m["hi"]))))
    return out


def sanctions_in(text: str, unlicensed: bool = False) -> list[Sanction]:
    """Sanctions of one tier's text, in text order, with a first guess at their mode."""
    masked = mask(text)
    found = _fines(text, masked)
    spans = [(s.start, s.end) for s in found]
    for kind, pattern in KIND_RES:
        for m in pattern.finditer(masked):
            a, b = m.span()
            phrase = text[a:b].lstrip("，；、")
            a = b - len(phrase)
            if not phrase or any(not (b <= x or a >= y) for x, y in spans):
                if kind == "没收非法财物" and text[a:b].startswith("没收"):
                    pass  # 没收违法所得和药品…: both kinds share the words (existing curation style)
                else:
                    continue
            if kind == "责令停产停业" and "执业活动" in phrase:
                continue
            found.append(Sanction(kind, phrase, a, b))
            spans.append((a, b))
    found.sort(key=lambda s: (s.start, s.end))
    if unlicensed:
        found = [s for s in found if s.kind != "责令停止执业活动" or "拒不" in text[:s.start]]
    _modes(masked, found)
    for s in found:
        if s.kind in ("责令暂停执业活动", "限制从业"):
            m = re.search(r"(?:[0-9一二三四五六七八九十]+个?(?:月|年)以上)?[0-9一二三四五六七八九十]+个?(?:月|年)(?:以下)?(?:直至终身)?|终身", s.phrase)
            if m:
                s.term = m[0]
        before = re.split(r"[，；]", text[:s.start])[-1]
        t = re.search(r"对([^，；]+?)(?:依法)?(?:责令|由[^，；]*|可以)?(?:并?处以?|给予)?$", before)
        if t:
            s.target = t[1]
    return found


def _modes(text: str, found: list[Sanction]) -> None:
    prev_end = 0
    prev: Sanction | None = None
    optional_scope = False
    for s in found:
        gap = text[prev_end:s.start] + s.phrase[:6]
        if "可以" in gap:
            optional_scope = True
        elif re.search(r"并处|[；]", gap):
            optional_scope = "可以" in gap
        if prev is not None and re.search(r"或者|直至|或$", text[prev_end:s.start] + s.phrase[:2]):
            prev.mode = "optional_alternative" if prev.mode.startswith("optional") else "alternative"
            s.mode = "optional_alternative" if optional_scope else "alternative"
        elif prev is not None and re.fullmatch(r"[、]", text[prev_end:s.start]):
            s.mode = prev.mode
        else:
            s.mode = "optional" if optional_scope else "mandatory"
        prev_end, prev = s.end, s
        if prev_end < s.start:
            prev_end = s.start


# ----------------------------------------------------------------------------- one 款


def _region_start(lead: str) -> int:
    """Where the sanctions start: at 由<authority>, else after the conduct's first "的，"."""
    m = AUTH_RE.search(lead)
    cond = re.search(r"的，|的,", lead)
    if m and (cond is None or m.start() <= cond.end() + 2):
        return m.start()
    if cond:
        return cond.end()
    m2 = re.search(r"(?:由|依照|按照|依据)", lead)
    return m2.start() if m2 else 0


def _enforced(text: str) -> list[int]:
    out = []
    for m in re.finditer(r"本(?:法|条例)((?:第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+款)?(?:第（?[一二三四五六七八九十]+）?项)?[、和或者及]*)+)", text):
        tail = text[m.end():m.end() + 12]
        if re.match(r"(?:的)?规定(?:给予|予以)?(?:行政)?处罚|规定以外|(?:的)?规定予以处理", tail):
            continue
        for n in re.findall(r"第([一二三四五六七八九十百零]+)条", m[1]):
            v = chinese_to_int(n)
            if v is not None and v not in out:
                out.append(v)
    return out


def _split_tiers(region: str) -> list[tuple[str | None, str]]:
    """(condition, text) parts of the sanction region; the first has condition None."""
    cuts: list[tuple[int, str]] = []
    masked = mask(region)
    for m in COND_RE.finditer(region):
        cond = m["cond"]
        if SANCTION_WORD.search(cond) or "不足" in cond or re.search(rf"(?:{BASE})[^，；]*以上$", cond):
            continue
        if masked[m.start():m.end()].count("＿") > len(cond) // 2:
            continue
        cuts.append((m.start(), cond))
    parts: list[tuple[str | None, str]] = []
    starts = [0] + [c[0] for c in cuts]
    conds: list[str | None] = [None] + [c[1] for c in cuts]
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(region)
        chunk = region[start:end].strip("，；。： ")
        if chunk:
            parts.append((conds[i], chunk))
    return parts


def _health(authority: str | None) -> bool | None:
    if not authority:
        return None
    if HEALTH.search(authority):
        return True
    return False if OTHER.search(authority) or authority else None


def _exclusion_reason(text: str) -> tuple[str, str]:
    reasons = []
    if re.search(r"刑事责任|追究刑事", text):
        reasons.append("criminal")
    if re.search(r"民事责任|赔偿", text):
        reasons.append("civil")
    if "处分" in text or "引咎辞职" in text:
        reasons.append("officials")
    if re.search(r"治安管理处罚|公安机关", text) or OTHER.search(text):
        reasons.append("other_authority")
    if not reasons and ORDER_RE.search(text):
        reasons.append("no_penalty")
    return (reasons[0] if reasons else "no_penalty"), "、".join(reasons) or "no penalty words"


def draft_paragraph(art: Article, number: int | None, lead: str, items: tuple[str, ...],
                    scope_text: str) -> Draft | Exclusion:
    start = _region_start(lead)
    conduct_raw = lead[:start].rstrip("，,")
    region = lead[start:].rstrip("：:")
    conduct = re.sub(r"^违反本(?:法|条例)(?:第[^，]*?条)?(?:的)?规定，", "", conduct_raw)
    conduct = re.sub(r"，?有下列(?:行为|情形)之一(?:的)?$", "", conduct).removesuffix("的")
    if items:
        listed = "；".join(re.sub(r"[的；。，]+$", "", i) for i in items)
        conduct = f"{conduct}：{listed}" if conduct else listed
    authority_m = AUTH_RE.search(region)
    authority = authority_m[1] if authority_m and authority_m.start() < 6 else None
    orders = list(dict.fromkeys(m[0] for m in ORDER_RE.finditer(mask(region))))
    if not UNLICENSED.search(conduct_raw):
        orders = [o for o in orders if not re.fullmatch(r"责令(?:其)?停止执业活动", o)]
    tiers: list[Tier] = []
    unsettled: list[str] = []
    for cond, chunk in _split_tiers(region):
        sanctions = sanctions_in(chunk, unlicensed=cond is None and bool(UNLICENSED.search(conduct_raw)))
        if not sanctions:
            continue
        tier_auth = None
        am = AUTH_RE.search(chunk)
        if am and (cond is not None) and am[1] != authority:
            tier_auth = am[1]
        if cond and cond.startswith("对"):
            cond = cond[1:]
        tiers.append(Tier(cond, chunk, sanctions, tier_auth))
    refers = None
    ref = re.search(r"(?:依照|按照|依据)([^，；。]*?)(?:的)?规定(?:予以处罚|给予(?:行政)?处罚|追究法律责任|予以处理)", region)
    if ref and not tiers:
        target = ref[1]
        if "前款" in target:
            refers = {"instrument": art.instrument_id, "article": art.number, "paragraph": (number or 2) - 1}
        else:
            refers = {"text": target}
        tiers.append(Tier(None, region[region.find(ref[0]):region.find(ref[0]) + len(ref[0])], []))
        unsettled.append("referral: check refers_to")
    elif re.search(r"按生产假药给予处罚|按照前款的规定予以处罚", region) and not tiers:
        unsettled.append("referral wording")
    if not tiers:
        reason, note = _exclusion_reason(scope_text)
        return Exclusion(art.instrument_id, art.number, number, reason, note)
    enforces = _enforced(scope_text)
    lead_refs = _enforced(lead[:start])
    complete = bool(enforces) and (bool(lead_refs) or not items)
    if enforces and not complete:
        unsettled.append("obligations named by some 项 only")
    healthy = _health(authority)
    if healthy is False:
        unsettled.append(f"authority not a health authority: {authority}")
    if authority is None and not refers:
        unsettled.append("no authority found")
    masked = mask(scope_text)
    for word in ("百分之", "%", "千分之", "撤销", "取消", "核减", "不得", "取缔", "整顿", "禁止", "按照各自", "依据职责",
                 "依照职责", "终身", "对法定代表人", "对有关", "负有责任的", "对接种单位", "注销", "公告", "停建",
                 "提请", "可处", "可并处"):
        if word in masked:
            unsettled.append(f"word: {word}")
    for t in tiers:
        for s in t.sanctions:
            if s.kind == FINE_KIND and s.fine is None:
                unsettled.append("罚款 without amount")
    return Draft(art.instrument_id, art.number, number, conduct, enforces, complete, authority, orders, tiers,
                 refers_to=refers, unsettled=unsettled)


def draft_article(art: Article) -> list[Draft | Exclusion]:
    paras = art.paragraphs
    if len(paras) == 1:
        p = paras[0]
        return [draft_paragraph(art, None, p.text, p.items, art.text)]
    return [draft_paragraph(art, i, p.text, p.items, p.full_text) for i, p in enumerate(paras, 1)]


def penalty_articles(reg: Registry, version_id: str) -> list[Article]:
    """The articles of the 法律责任 part of an indexed text."""
    arts = reg.articles(version_id)
    if version_id in PENALTY_ARTICLES:
        lo, hi = PENALTY_ARTICLES[version_id]
        return [arts[n] for n in sorted(arts) if lo <= n <= hi]
    return [arts[n] for n in sorted(arts) if arts[n].chapter and PENALTY_CHAPTER.search(arts[n].chapter.strip())]


# ----------------------------------------------------------------------------- YAML


_PLAIN_BAD = re.compile(r"[:{}\[\],#&*!|>'\"%@`]|^[-?\s]|\s$")


def q(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(_num(value))
    s = str(value)
    if not s or _PLAIN_BAD.search(s) or s in ("null", "true", "false", "yes", "no") or s[0].isdigit():
        return json.dumps(s, ensure_ascii=False)
    return s


def flow(d: dict[str, Any]) -> str:
    parts = []
    for k, v in d.items():
        parts.append(f"{k}: {flow(v) if isinstance(v, dict) else q(v)}")
    return "{" + ", ".join(parts) + "}"


def sanction_dict(s: Sanction) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": s.kind, "phrase": s.phrase, "mode": s.mode}
    if s.fine is not None:
        out["fine"] = s.fine.as_dict()
    if s.fine_note:
        out["fine_note"] = s.fine_note
    if s.term:
        out["term"] = s.term
    if s.target:
        out["target"] = s.target
    return out


def emit_draft(d: Draft) -> str:
    lines = [f"  - instrument: {d.instrument}", f"    article: {d.article}"]
    if d.paragraph is not None:
        lines.append(f"    paragraph: {d.paragraph}")
    lines.append(f"    conduct: {q(d.conduct)}")
    lines.append(f"    enforces: [{', '.join(str(n) for n in d.enforces)}]")
    if d.enforces and not d.enforces_complete:
        lines.append("    enforces_complete: false")
    lines.append(f"    authority: {q(d.authority)}")
    lines.append(f"    orders: [{', '.join(q(o) for o in d.orders)}]")
    if d.refers_to:
        lines.append(f"    refers_to: {flow(d.refers_to)}")
    lines.append("    tiers:")
    for t in d.tiers:
        lines.append(f"      - condition: {q(t.condition)}")
        lines.append(f"        quote: {q(t.quote)}")
        if t.authority:
            lines.append(f"        authority: {q(t.authority)}")
        if not t.sanctions:
            lines.append("        sanctions: []")
            continue
        lines.append("        sanctions:")
        for s in t.sanctions:
            lines.append(f"          - {flow(sanction_dict(s))}")
    if d.unsettled:
        lines.append(f"    unsettled: [{', '.join(q(u) for u in dict.fromkeys(d.unsettled))}]")
    lines.append("    curation: drafted")
    return "\n".join(lines)


def emit_exclusion(e: Exclusion) -> str:
    para = f", paragraph: {e.paragraph}" if e.paragraph is not None else ""
    return (f"  - {{instrument: {e.instrument}, article: {e.article}{para}, reason: {e.reason}, "
            f"note: {q(e.note)}}}")


def curated_keys(root: Path) -> set[tuple[str, int, int | None]]:
    import yaml

    data = yaml.safe_load((root / "penalties.yaml").read_text(encoding="utf-8"))
    keys = {(p["instrument"], p["article"], p.get("paragraph")) for p in data.get("penalties") or ()}
    keys |= {(p["instrument"], p["article"], p.get("paragraph")) for p in data.get("excluded") or ()}
    return keys


def covered(keys: set[tuple[str, int, int | None]], version_id: str, article: int, paragraph: int | None) -> bool:
    return (version_id, article, None) in keys or (version_id, article, paragraph) in keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=None, help="checklists/law folder")
    parser.add_argument("--instrument", action="append", default=[], help="version id (repeatable)")
    parser.add_argument("--all", action="store_true", help="draft curated articles too")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    root = args.root or law_dir()
    reg = Registry.load(root)
    keys = set() if args.all else curated_keys(root)
    ids = args.instrument or sorted(v.id for v in reg.versions.values() if v.has_text)
    drafts, exclusions = [], []
    for vid in ids:
        for art in penalty_articles(reg, vid):
            for item in draft_article(art):
                if covered(keys, vid, item.article, item.paragraph):
                    continue
                (drafts if isinstance(item, Draft) else exclusions).append(item)
    text = "penalties:\n\n" + "\n\n".join(emit_draft(d) for d in drafts) + "\n\nexcluded:\n" + \
        "\n".join(emit_exclusion(e) for e in exclusions) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(drafts)} drafts ({sum(1 for d in drafts if d.unsettled)} unsettled), "
          f"{len(exclusions)} exclusion drafts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
