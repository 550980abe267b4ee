"""Citation resolution: a cited provision -> the instrument version in force -> article / 款 / 项.

``resolve(citation, on=date)`` answers with a :class:`Resolution`: either the provision and its
text, or a precise reason it does not resolve. The reasons split in two families:

- uncertain (``needs_review``, never a defect): no instrument named, instrument unknown to the
  registry, instrument known but without article data, article missing from an excerpt file;
- defects: article beyond the last one, 款 or 项 that does not exist, instrument not in force on
  the date (repealed, with its successor; or not yet in force), old article number of a
  renumbered instrument (with the right new number).

The date is the caller's choice: the act date for substance (违反条款, 处罚依据), the document or
decision date for procedure (告知, 陈述申辩, 听证, 加处罚款 …). See ``audit.checks.legal``.

Typical use::

    r = resolve("《医疗机构管理条例》第五十五条", on=date(2023, 1, 1))
    r.status            # Status.RENUMBERED
    r.suggestion        # "第五十三条"
    r.reason            # "《医疗机构管理条例》第五十五条是2016年版的条文编号……"
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from audit.law.registry import Article, InstrumentVersion, Registry, RenumberPair, Work
from audit.parse.numerals import article_label, int_to_chinese

if TYPE_CHECKING:
    from audit.law.authority import Authority

Date = dt.date


class CitationLike(Protocol):
    """Anything with the parts of a citation (model.Citation, parse.citations.Citation …)."""

    instrument: str | None
    article: int
    paragraph: int | None
    item: int | None


@dataclass(frozen=True, slots=True)
class SimpleCitation:
    """A citation built by hand or parsed from a short string."""

    instrument: str | None
    article: int
    paragraph: int | None = None
    item: int | None = None
    sub_item: int | None = None
    raw: str = ""


class Status(enum.StrEnum):
    RESOLVED = "resolved"
    # uncertain: needs_review, never a defect
    NO_INSTRUMENT = "no_instrument"
    UNKNOWN_INSTRUMENT = "unknown_instrument"
    NO_TEXT = "no_text"
    EXCERPT_GAP = "excerpt_gap"
    # defects
    ARTICLE_NOT_FOUND = "article_not_found"
    PARAGRAPH_NOT_FOUND = "paragraph_not_found"
    ITEM_NOT_FOUND = "item_not_found"
    NOT_IN_FORCE = "not_in_force"
    RENUMBERED = "renumbered"


UNCERTAIN = frozenset({Status.NO_INSTRUMENT, Status.UNKNOWN_INSTRUMENT, Status.NO_TEXT, Status.EXCERPT_GAP})
DEFECTS = frozenset({Status.ARTICLE_NOT_FOUND, Status.PARAGRAPH_NOT_FOUND, Status.ITEM_NOT_FOUND,
                     Status.NOT_IN_FORCE, Status.RENUMBERED})


def date_cn(day: Date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "（日期不详）"


def version_cn(version: InstrumentVersion) -> str:
    """2022年版 (by the year of the version date, else of the effective date; "" when unknown)."""
    day = version.version_date or version.effective_from
    return f"{day.year}年版" if day else ""


def count_cn(n: int) -> str:
    """Counts in statute style: 两款, 六项, 八十六条."""
    return "两" if n == 2 else int_to_chinese(n)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer for one citation on one date."""

    citation: CitationLike
    on: Date | None
    status: Status
    reason: str  # Chinese, for findings; "" when resolved
    work: Work | None = None
    version: InstrumentVersion | None = None
    article: Article | None = None
    text: str | None = None  # the article, 款 (with its 项) or 项 cited
    successor: InstrumentVersion | None = None  # NOT_IN_FORCE: the instrument that took over
    renumber: RenumberPair | None = None  # RENUMBERED: the curated pair
    suggestion: str | None = None  # RENUMBERED / NOT_IN_FORCE: the provision to cite instead

    @property
    def ok(self) -> bool:
        return self.status is Status.RESOLVED

    @property
    def uncertain(self) -> bool:
        return self.status in UNCERTAIN

    @property
    def defect(self) -> bool:
        return self.status in DEFECTS

    @property
    def title(self) -> str:
        """《full title》 of the instrument (as cited when unknown)."""
        if self.work is not None:
            return f"《{self.work.title}》"
        return f"《{self.citation.instrument}》" if self.citation.instrument else "（未载明法规名称）"

    @property
    def label(self) -> str:
        c = self.citation
        return article_label(c.article, c.paragraph, c.item)

    @property
    def display(self) -> str:
        return self.title + self.label


# ----------------------------------------------------------------------------- parsing


def parse_citation_text(text: str) -> list[SimpleCitation]:
    """Citations in a short string: 《医疗机构管理条例》第四十三条, 医疗机构管理条例第43条第一款."""
    from audit.parse.citations import parse_citations

    text = text.strip()
    found = parse_citations(text)
    if not found or found[0].instrument is None:
        head, sep, rest = text.partition("第")
        if sep and head.strip():
            found = parse_citations(f"《{head.strip().strip('《》')}》第{rest}")
    return [SimpleCitation(c.instrument, c.article, c.paragraph, c.item, c.sub_item, c.raw) for c in found]


def authority_of(citation: str, on: Date | None, registry: Registry) -> Authority | None:
    """:func:`authority_for` from a citation text such as "《医疗机构管理条例》第四十七条"."""
    from audit.law.authority import authority_for

    reg = registry
    citations = parse_citation_text(citation)
    if not citations or not citations[0].instrument:
        return None
    c = citations[0]
    return authority_for(reg, c.instrument, c.article, c.paragraph, on)


# ----------------------------------------------------------------------------- resolution


def resolve(citation: CitationLike | str, on: Date | None = None, registry: Registry | None = None,
            numbering: str | None = None) -> Resolution:
    """Resolve ``citation`` against the version in force on ``on`` (latest version when None).

    ``numbering``: a version id (or year, "2016") whose article numbering the citation is known to
    use; when it differs from the version in force, the citation is mapped through the curated
    renumbering and reported as RENUMBERED when the number changed.
    """
    reg = registry or Registry.load()
    if isinstance(citation, str):
        parsed = parse_citation_text(citation)
        if not parsed:
            raise ValueError(f"no citation found in {citation!r}")
        citation = parsed[0]
    if not citation.instrument:
        return Resolution(citation, on, Status.NO_INSTRUMENT, "引用未载明法律、法规或规章的名称，无法核对条文")
    work = reg.work(citation.instrument)
    if work is None:
        return Resolution(citation, on, Status.UNKNOWN_INSTRUMENT,
                          f"法规库未收录《{citation.instrument}》，无法核对该条文，请人工核查")
    version = reg.instrument(work.key, on=on)
    if version is None:
        return _not_in_force(reg, citation, on, work)
    if numbering is not None:
        mapped = _from_numbering(reg, citation, on, work, version, numbering)
        if mapped is not None:
            return mapped
    return _in_version(reg, citation, on, work, version)


def resolve_in(citation: CitationLike, version: InstrumentVersion, registry: Registry | None = None,
               on: Date | None = None) -> Resolution:
    """Resolve ``citation`` against a given version (the caller chose it, e.g. 从旧兼从轻)."""
    reg = registry or Registry.load()
    if not citation.instrument:
        return Resolution(citation, on, Status.NO_INSTRUMENT, "引用未载明法律、法规或规章的名称，无法核对条文")
    return _in_version(reg, citation, on, reg.works[version.work], version)


NO_TEXT_WORDS = {"部门规章": "该规章", "行政法规": "该行政法规", "法律": "该法律"}


def _no_text_reason(reg: Registry, citation: CitationLike, work: Work, version: InstrumentVersion,
                    where: str) -> str:
    """Why a provision of a version without text cannot be checked; names another version's text if any."""
    label = article_label(citation.article)
    reason = (f"法规库未收录{NO_TEXT_WORDS.get(work.kind, '该文本')}全文：{where}在法规库中没有条文数据，"
              f"无法核对{label}，请人工核查")
    other = [v for v in work.versions if v.has_text and reg.article(v.id, citation.article) is not None]
    if other:
        ref = other[-1]
        reason += f"（法规库另收有{version_cn(ref) or ref.id}文本的{label}，不是该日期施行的版本，仅供参考）"
    return reason


def _in_version(reg: Registry, citation: CitationLike, on: Date | None, work: Work,
                version: InstrumentVersion) -> Resolution:
    base = {"work": work, "version": version}
    title = f"《{work.title}》"
    where = f"{title}（{version_cn(version)}）" if version_cn(version) else title
    if not version.has_text:
        return Resolution(citation, on, Status.NO_TEXT, _no_text_reason(reg, citation, work, version, where), **base)
    art = reg.article(version.id, citation.article)
    if art is None:
        if reg.metadata(version.id).get("scope") != "全文":
            return Resolution(citation, on, Status.EXCERPT_GAP,
                              f"法规库仅收录{where}的摘录，未含{article_label(citation.article)}，请人工核查",
                              **base)
        moved = _renumbered_from_older(reg, citation, on, work, version)
        if moved is not None:
            return moved
        last = max(reg.articles(version.id))
        return Resolution(citation, on, Status.ARTICLE_NOT_FOUND,
                          f"{where}共{count_cn(last)}条，不存在{article_label(citation.article)}", **base)
    if citation.paragraph is not None and art.paragraph(citation.paragraph) is None:
        count = len(art.paragraphs)
        return Resolution(citation, on, Status.PARAGRAPH_NOT_FOUND,
                          f"{where}{art.label}共{count_cn(count)}款，不存在第{int_to_chinese(citation.paragraph)}款",
                          article=art, **base)
    if citation.item is not None:
        paragraph = citation.paragraph or item_paragraph(art)
        if art.item(paragraph, citation.item) is None:
            para = art.paragraph(paragraph)
            n_items = len(para.items) if para else 0
            scope = art.label + (f"第{int_to_chinese(paragraph)}款" if citation.paragraph else "")
            have = f"只有{count_cn(n_items)}项" if n_items else "不分项"
            return Resolution(citation, on, Status.ITEM_NOT_FOUND,
                              f"{where}{scope}{have}，不存在第（{int_to_chinese(citation.item)}）项",
                              article=art, **base)
    return Resolution(citation, on, Status.RESOLVED, "", article=art, text=provision_text(art, citation), **base)


def item_paragraph(art: Article) -> int:
    """The 款 an item cited without its 款 belongs to: the only 款 that has items (else the first)."""
    with_items = [i for i, p in enumerate(art.paragraphs, start=1) if p.items]
    return with_items[0] if len(with_items) == 1 else 1


def provision_text(art: Article, citation: CitationLike) -> str:
    """Text of the article, the cited 款 (with its 项) or the cited 项."""
    if citation.item is not None:
        para = citation.paragraph or item_paragraph(art)
        return art.item(para, citation.item) or art.text
    if citation.paragraph is not None:
        p = art.paragraph(citation.paragraph)
        return p.full_text if p else art.text
    return art.text


def _not_in_force(reg: Registry, citation: CitationLike, on: Date | None, work: Work) -> Resolution:
    title = f"《{work.title}》"
    first, last = work.versions[0], work.versions[-1]
    if on is not None and first.effective_from is not None and on < first.effective_from:
        return Resolution(citation, on, Status.NOT_IN_FORCE,
                          f"{title}自{date_cn(first.effective_from)}起施行，{date_cn(on)}尚未施行", work=work,
                          version=first)
    successor = reg.versions.get(last.successor) if last.successor else None
    reason = f"{title}已于{date_cn(last.effective_to)}失效"
    suggestion = None
    pair = None
    if successor is not None:
        succ_title = f"《{reg.works[successor.work].title}》"
        reason += f"，自{date_cn(successor.effective_from)}起由{succ_title}（{version_cn(successor)}）取代"
        pair = reg.renumber_pair(work.key, citation.article, last.id, successor.id, citation.paragraph)
        if pair is not None and pair.to_article is not None:
            suggestion = article_label(pair.to_article, pair.to_paragraph)
            reason += f"，原{article_label(citation.article)}的内容现为{succ_title}{suggestion}"
    reason += f"；{date_cn(on)}不应再引用"
    return Resolution(citation, on, Status.NOT_IN_FORCE, reason, work=work, version=last, successor=successor,
                      renumber=pair, suggestion=suggestion)


def _renumbered_from_older(reg: Registry, citation: CitationLike, on: Date | None, work: Work,
                           version: InstrumentVersion) -> Resolution | None:
    """An article absent from ``version`` that is an old number of a renumbered predecessor."""
    for older in reversed(work.versions):
        if older.id == version.id or (older.effective_from and version.effective_from
                                      and older.effective_from >= version.effective_from):
            continue
        if older.has_text and reg.article(older.id, citation.article) is None:
            continue
        pair = reg.renumber_pair(work.key, citation.article, older.id, version.id, citation.paragraph)
        if pair is None or pair.to_article == citation.article:
            continue
        return _renumbered_resolution(reg, citation, on, work, version, older, pair)
    return None


def _from_numbering(reg: Registry, citation: CitationLike, on: Date | None, work: Work,
                    version: InstrumentVersion, numbering: str) -> Resolution | None:
    older = reg.version_for(work, numbering)
    if older is None or older.id == version.id:
        return None
    pair = reg.renumber_pair(work.key, citation.article, older.id, version.id, citation.paragraph)
    if pair is None or pair.to_article == citation.article and (pair.to_paragraph or citation.paragraph) == citation.paragraph:
        return None
    return _renumbered_resolution(reg, citation, on, work, version, older, pair)


def _renumbered_resolution(reg: Registry, citation: CitationLike, on: Date | None, work: Work,
                           version: InstrumentVersion, older: InstrumentVersion, pair: RenumberPair) -> Resolution:
    title = f"《{work.title}》"
    old = article_label(citation.article, citation.paragraph)
    if pair.to_article is None:
        reason = (f"{title}{old}是{version_cn(older)}的条文，{version_cn(version)}（{date_cn(version.effective_from)}"
                  f"起施行）已删去该条")
        return Resolution(citation, on, Status.RENUMBERED, reason, work=work, version=version, renumber=pair)
    if pair.rewritten:  # 款 and 项 were renumbered with the text: name the article only
        new = article_label(pair.to_article, pair.to_paragraph)
    else:
        paragraph = pair.to_paragraph if pair.from_paragraph is not None else citation.paragraph
        new = article_label(pair.to_article, paragraph, citation.item)
    reason = (f"{title}{old}是{version_cn(older)}的条文编号，{version_cn(version)}（{date_cn(version.effective_from)}"
              f"起施行）中相应条文为{new}")
    if pair.rewritten:
        reason += "（条文内容已修改，适用的款、项请对照新条文确定）"
    art = reg.article(version.id, pair.to_article)
    text = art.text if art else None
    return Resolution(citation, on, Status.RENUMBERED, reason, work=work, version=version, article=art, text=text,
                      renumber=pair, suggestion=new)
