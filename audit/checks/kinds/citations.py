"""Checks on the citations themselves: present, precise, existing, in force, consistent, current numbering.

Each function takes the case and the rule parameters and returns an :class:`Outcome`; each is
registered as a check kind beside its function. Missing data gives ``needs_review`` or
``not_applicable`` with the reason in Chinese, never ``fail``.

Length: six kinds that share the case readings of citations (role, document, candidate
version) and their messages; each kind is short, the shared readers sit between them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from audit.checks.evidence import first_line_field
from audit.checks.legal import (
    Cited,
    Reading,
    act_date,
    act_date_stated,
    candidates,
    cited,
    decision_date,
    doc_name,
    document_date,
    excerpt,
    mismatched,
    readings,
    review_note,
    where,
)
from audit.checks.registry import Outcome, check_kind
from audit.law.registry import Registry
from audit.law.resolve import (
    SimpleCitation,
    Status,
    article_label,
    count_cn,
    date_cn,
    item_paragraph,
    resolve,
    resolve_in,
    version_cn,
)
from audit.model import Case, Document, Field
from audit.model import Status as S
from audit.parse.recognise import CONTENT_CONFIDENCE

Date = dt.date

DOCS = "document types whose citations are checked (e.g. [decision, onsite_decision, advance_notice])"
LOOKBACK = "years before the decision an act of unknown date may lie in (行政处罚法 第三十六条); no lookback when absent"



def _docs(case: Case, types: list[str]) -> list[Document]:
    return sorted((d for d in case.documents if d.type in types), key=lambda d: d.pages[0])


def doc_field(case: Case, doc: Document) -> Field:
    """Evidence pointing at a document as a whole (its first line)."""
    return first_line_field(case, doc)


def _join(parts: list[str]) -> str:
    return "；".join(dict.fromkeys(parts))


# ----------------------------------------------------------------------------- present

ROLE_CN = {"violated": "违反条款（违法行为所违反的法律规定）", "basis": "处罚依据（据以处罚的法律条款）"}


@check_kind("law_citations_present", documents=DOCS, roles_="violated and/or basis (default both)")
def citations_present(case: Case, params: dict[str, Any]) -> Outcome:
    """The documents state both the provision violated and the penalty basis."""
    docs = _docs(case, params["documents"])
    if not docs:
        names = "、".join(doc_name(t) for t in params["documents"])
        return Outcome(S.NOT_APPLICABLE, note=f"案卷中未识别到{names}")
    missing: list[str] = []
    unsure: list[str] = []
    evidence: list[Field] = []
    uev: list[Field] = []
    for doc in docs:
        if not _readable(case, doc):
            unsure.append(f"{doc_name(doc.type)}无可读文字")
            uev.append(doc_field(case, doc))
            continue
        for role in params.get("roles", ["violated", "basis"]):
            if any(c.field.document == doc.id for c in cited(case, role, [doc.type])):
                continue
            hint = doc.fields.get(f"{role}_hint")
            title_only = doc.fields.get(f"{role}_title_only")
            if isinstance(hint, Field):
                unsure.append(f"{doc_name(doc.type)}似有{ROLE_CN[role][:4]}表述（“{hint.value[:40]}”），但未能识别出具体条款")
                uev.append(hint)
            elif isinstance(title_only, Field):
                missing.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）的{ROLE_CN[role][:4]}只写明法律文件名称"
                               f"（“{title_only.value[:40]}”），未引用到具体条文")
                evidence.append(title_only)
            elif doc.confidence <= CONTENT_CONFIDENCE:
                # absence needs positive evidence: the document's type was not read from its own title
                unsure.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）未识别到{ROLE_CN[role]}")
                uev.append(doc_field(case, doc))
            else:
                missing.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）未载明{ROLE_CN[role]}")
                evidence.append(doc_field(case, doc))
    values = {"problems": _join(missing), "documents": "、".join(doc_name(d.type) for d in docs)}
    if missing:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, evidence + uev, note=review_note(unsure))
    return Outcome(S.PASS, values)


# ----------------------------------------------------------------------------- readings per case


LOOKBACK = "unknown_act_lookback_years"


def case_readings(reg: Registry, case: Case, params: dict[str, Any]) -> tuple[list[Cited], list[Cited], dict[str, Reading]]:
    docs = params["documents"]
    violated = cited(case, "violated", docs)
    basis = cited(case, "basis", docs)
    return violated, basis, readings(reg, case, violated, basis, params.get(LOOKBACK))


def _reading_of(reg: Registry, reads: dict[str, Reading], c: Cited) -> Reading | None:
    work = reg.work(c.citation.instrument or "")
    return reads.get(work.key) if work else None


# ----------------------------------------------------------------------------- precise


def _decision_first(reg: Registry, items: list[Cited]) -> list[Cited]:
    """Each distinct citation once, read from the decision when it cites it. A citation that other
    documents make and the decision does not is left to LAW010 (告知书与决定书不一致)."""
    decided = [c for c in items if c.doc_type in ("decision", "onsite_decision")]
    keys = {_key(reg, c) for c in decided}
    out, seen = [], set()
    for c in decided + [c for c in items if c not in decided]:
        key = _key(reg, c)
        if key in seen or (decided and key not in keys):
            continue
        seen.add(key)
        out.append(c)
    return out


def precision_problem(art, c: SimpleCitation) -> str | None:
    """Why a citation of ``art`` is not precise to 条/款/项 (None when it is)."""
    paras = art.paragraphs
    if c.paragraph is not None and len(paras) == 1:
        return f"{art.label}只有一款，不应写“第{count_cn(c.paragraph)}款”" if c.paragraph == 1 else None
    if c.item is not None:
        with_items = [i for i, p in enumerate(paras, start=1) if p.items]
        if c.paragraph is None and len(with_items) > 1:
            return f"{art.label}有{count_cn(len(paras))}款且多款分项，引用项时应写明所属的款"
        return None
    if c.paragraph is None and len(paras) > 1:
        return f"{art.label}共{count_cn(len(paras))}款，应写明适用的款"
    para = art.paragraph(c.paragraph or 1)
    if para is not None and para.items:
        scope = art.label + (f"第{count_cn(c.paragraph)}款" if c.paragraph else "")
        return f"{scope}分为{count_cn(len(para.items))}项，应写明适用的项"
    return None


@check_kind("law_citations_precise", documents=DOCS, unknown_act_lookback_years_=LOOKBACK)
def citations_precise(case: Case, params: dict[str, Any]) -> Outcome:
    """Citations go down to 款/项 where the article has them; no 第一款 on a one-paragraph article."""
    reg = Registry.load()
    violated, basis, reads = case_readings(reg, case, params)
    items = _decision_first(reg, violated) + _decision_first(reg, basis)
    if not items:
        return Outcome(S.NOT_APPLICABLE, note="未识别到违反条款或处罚依据，无可核对的引用")
    problems, evidence, unsure, uev = [], [], [], []
    checked = 0
    for c in items:
        reading = _reading_of(reg, reads, c)
        if reading is None or not reading.versions:
            res = resolve(c.citation, registry=reg)
            if res.uncertain:
                unsure.append(f"“{c.raw}”：{res.reason}")
                uev.append(c.field)
            continue
        if c.role == "basis" and mismatched(reg, c, violated, reads):
            continue  # the wrong provision altogether: LAW005 reports it
        answers = []
        for v in reading.versions:
            res = resolve_in(c.citation, v, registry=reg)
            if res.uncertain:
                unsure.append(f"“{c.raw}”：{res.reason}")
                uev.append(c.field)
                answers = []
                break
            if not res.ok:
                answers = []  # reported by the existence / in-force rules
                break
            answers.append((res, precision_problem(res.article, c.citation)))
        if not answers:
            continue
        checked += 1
        if all(p for _, p in answers):
            res, problem = answers[0]
            problems.append(f"{where(case, c.field)}“{c.raw}”：{problem}（{res.title}{res.article.label}："
                            f"{excerpt(res.article.text)}）")
            evidence.append(c.field)
    values = {"problems": _join(problems), "count": checked}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, evidence + uev, note=review_note(unsure))
    if checked == 0:
        return Outcome(S.NOT_APPLICABLE, values, note="引用的条文均无法在法规库中核对")
    return Outcome(S.PASS, values)


# ----------------------------------------------------------------------------- exist


@check_kind("law_articles_exist", documents=DOCS, unknown_act_lookback_years_=LOOKBACK)
def cited_articles_exist(case: Case, params: dict[str, Any]) -> Outcome:
    """Every cited article, 款 and 项 exists in the version that applies."""
    reg = Registry.load()
    violated, basis, reads = case_readings(reg, case, params)
    items = violated + basis
    if not items:
        return Outcome(S.NOT_APPLICABLE, note="未识别到违反条款或处罚依据，无可核对的引用")
    problems, evidence, unsure, uev = [], [], [], []
    checked = 0
    for c in items:
        reading = _reading_of(reg, reads, c)
        if reading is None:
            res = resolve(c.citation, registry=reg)
            unsure.append(f"“{c.raw}”：{res.reason}")
            uev.append(c.field)
            continue
        if reading.old is not None or not reading.versions:
            continue  # old numbering or instrument out of force: the in-force rule reports it
        results = [resolve_in(c.citation, v, registry=reg) for v in reading.versions]
        if any(r.uncertain for r in results):
            unsure.append(f"“{c.raw}”：{next(r.reason for r in results if r.uncertain)}")
            uev.append(c.field)
            continue
        checked += 1
        if any(r.status is Status.RENUMBERED for r in results):
            continue  # old number of a renumbered article: the in-force rule reports it
        bad = [r for r in results if r.status in (Status.ARTICLE_NOT_FOUND, Status.PARAGRAPH_NOT_FOUND,
                                                   Status.ITEM_NOT_FOUND)]
        if len(bad) == len(results):
            problems.append(f"{where(case, c.field)}“{c.raw}”：{bad[0].reason}")
            evidence.append(c.field)
        elif not reading.dated:
            unsure.append(f"“{c.raw}”：案卷日期不详，无法确定适用的版本")
            uev.append(c.field)
    values = {"problems": _join(problems), "count": checked}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, evidence + uev, note=review_note(unsure))
    return Outcome(S.PASS, values)


# ----------------------------------------------------------------------------- notice vs decision


def _key(reg: Registry, c: Cited) -> tuple:
    v = c.citation
    work = reg.work(v.instrument or "")
    name = work.key if work else "".join((v.instrument or "").split())
    return (name, v.article, v.paragraph, v.item)


def _show(keys: set[tuple], reg: Registry) -> str:
    out = []
    for name, art, para, item in sorted(keys, key=lambda k: (k[0], k[1], k[2] or 0, k[3] or 0)):
        work = reg.work(name)
        out.append(f"《{work.title if work else name}》{article_label(art, para, item)}")
    return "、".join(out) or "（无）"


@check_kind("law_notice_matches_decision", ignore_instruments_="instruments left out of the comparison")
def notice_matches_decision(case: Case, params: dict[str, Any]) -> Outcome:
    """The advance notice and the decision cite the same violated provisions and penalty basis."""
    reg = Registry.load()
    decisions = _docs(case, ["decision", "onsite_decision"])
    notices = _docs(case, ["advance_notice"])
    if not decisions or not notices:
        return Outcome(S.NOT_APPLICABLE, note="案卷中未同时识别到行政处罚事先告知书和行政处罚决定书")
    ignore = {reg.work(n).key if reg.work(n) else n for n in params.get("ignore_instruments", [])}
    decision = decisions[0]
    problems, evidence, unsure, uev = [], [], [], []
    compared = 0
    for notice in notices:
        for role, label in (("violated", "违反条款"), ("basis", "处罚依据")):
            d_items = [c for c in cited(case, role, [decision.type]) if c.field.document == decision.id]
            n_items = [c for c in cited(case, role, ["advance_notice"]) if c.field.document == notice.id]
            d_items = [c for c in d_items if _key(reg, c)[0] not in ignore]
            n_items = [c for c in n_items if _key(reg, c)[0] not in ignore]
            if not d_items or not n_items:
                unsure.append(f"{'告知书' if not n_items else '决定书'}未识别到{label}，未作比对")
                uev += [c.field for c in d_items + n_items][:2]
                continue
            if any(c.citation.instrument is None for c in d_items + n_items):
                unsure.append(f"{label}中有未载明法规名称的引用，未作比对")
                uev += [c.field for c in d_items + n_items if c.citation.instrument is None]
                continue
            compared += 1
            d_keys = {_key(reg, c) for c in d_items}
            n_keys = {_key(reg, c) for c in n_items}
            unknown = {k for k in d_keys ^ n_keys if reg.work(k[0]) is None}
            if unknown:
                unsure.append(f"{label}中有法规库未收录的名称（{'、'.join(sorted({k[0] for k in unknown}))}），"
                              f"可能是识别错误，未作比对")
                uev += [c.field for c in d_items + n_items if _key(reg, c) in unknown]
                continue
            if d_keys != n_keys:
                problems.append(
                    f"{label}：{where(case, n_items[0].field)}为{_show(n_keys, reg)}，"
                    f"{where(case, d_items[0].field)}为{_show(d_keys, reg)}")
                evidence += [n_items[0].field, d_items[0].field]
    values = {"problems": _join(problems), "count": compared}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if compared == 0:
        return Outcome(S.NOT_APPLICABLE if not unsure else S.NEEDS_REVIEW, values, uev,
                       note=_join(unsure) or "无可比对的引用")
    return Outcome(S.PASS, values)


# ----------------------------------------------------------------------------- in force


@check_kind(
    "law_instrument_in_force", documents=DOCS, unknown_act_lookback_years_=LOOKBACK,
    report_="aspects reported: repealed (instrument out of force) and/or superseded (old numbering)",
    procedure_documents_="documents whose procedure citations are judged on the document date",
    procedure_instruments_="instruments judged on the document date (卫生行政处罚程序 …)",
)
def instrument_in_force(case: Case, params: dict[str, Any]) -> Outcome:
    """The cited instruments (and their numbering) were in force when they applied (行政处罚法 第三十七条).

    ``report`` selects the aspects: ``repealed`` (an instrument in force on neither the act date nor
    the decision date; a procedure instrument out of force on the document date) and ``superseded``
    (citations that fit the numbering of an older version of an instrument still in force).
    """
    reg = Registry.load()
    report = set(params.get("report", ["repealed", "superseded"]))
    violated, basis, reads = case_readings(reg, case, params)
    act, act_field = act_date(case)
    decided, _ = decision_date(case)
    problems, evidence, unsure, ok, uev = [], [], [], [], []
    items = violated + basis
    stated = act_date_stated(case)
    proxy = "" if stated or not act else f"（按{_date_source(case, act_field)}{date_cn(act)}推定违法行为发生时间）"
    earliest = act - dt.timedelta(days=round(365.25 * PROXY_LOOKBACK_YEARS)) if act and not stated else None
    for key, reading in reads.items():
        work = reading.work
        mine = [c for c in items if reg.work(c.citation.instrument or "") is work]
        if not reading.dated:
            if len(work.versions) > 1 or work.versions[-1].effective_to is not None:
                unsure.append(f"《{work.title}》：案卷中未识别到检查、立案或决定日期，无法判断适用的版本")
                uev.append(mine[0].field)
            continue
        va = reg.instrument(key, on=act) if act else None
        vd = reg.instrument(key, on=decided) if decided else None
        if va is None and vd is None or va is None and act is not None:
            if "repealed" not in report:
                continue
            if act is None and candidates(reg, work, None, decided, params.get(LOOKBACK)):
                last = work.versions[-1]
                unsure.append(f"《{work.title}》于{date_cn(last.effective_to)}失效，作出决定时已不施行；案卷中未识别到受理、"
                              f"检查或立案日期，无法判断违法行为是否发生在失效之前（从旧兼从轻）")
                uev.append(mine[0].field)
            elif vd is None and earliest and reg.instrument(key, on=earliest) is not None:
                unsure.append(f"《{work.title}》作出决定时已不施行；案卷未载明违法行为发生时间{proxy}，违法行为"
                              f"可能发生在其施行期间，请核实违法行为发生时间后确定适用的版本")
                uev.append(mine[0].field)
            elif vd is None:
                res = resolve(mine[0].citation, on=act or decided, registry=reg)
                problems.append(f"{where(case, mine[0].field)}“{mine[0].raw}”：{res.reason}{proxy}")
                evidence.append(mine[0].field)
            else:
                unsure.append(f"《{work.title}》自{date_cn(work.versions[0].effective_from)}起施行，违法行为发生时"
                              f"{proxy}尚未施行；适用新法须以新法处罚较轻为前提（从旧兼从轻）")
                uev.append(mine[0].field)
            continue
        if (reading.old is not None and "superseded" in report and earliest and reading.old.effective_to
                and reading.old.effective_to >= earliest):
            unsure.append(f"引用的《{work.title}》条文与{version_cn(reading.old)}相符；案卷未载明违法行为发生时间{proxy}，"
                          f"违法行为可能发生在该版本施行期间，请核实违法行为发生时间后确定适用的版本")
            uev.append(mine[0].field)
            continue
        if reading.old is not None and "superseded" in report:
            moves = _old_number_moves(reg, mine, reading)
            how = ("条文编号一致，决定书认定的事实也是该版本条文的内容" if reading.described
                   else "条文编号及对应关系一致")
            problems.append(f"{where(case, mine[0].field)}引用的《{work.title}》条文（{'、'.join(dict.fromkeys(c.raw for c in mine))}）"
                            f"与{version_cn(reading.old)}的{how}，而违法行为发生时{proxy}和作出决定时"
                            f"适用的是{'、'.join(version_cn(v) for v in reading.candidates)}" + (f"：{moves}" if moves else ""))
            evidence.extend(c.field for c in mine)
            continue
        labels = "、".join(version_cn(v) for v in reading.versions if version_cn(v)) or "版本不详"
        ok.append(f"《{work.title}》（{labels}）")
    if "repealed" in report:
        for doc in _docs(case, params.get("procedure_documents", [])):
            day, _ = document_date(case, doc)
            if day is None:
                continue
            for found, f in _procedure_citations(case, doc, params.get("procedure_instruments", [])):
                res = resolve(found, on=day, registry=reg)
                if res.status is Status.NOT_IN_FORCE:
                    problems.append(f"{where(case, f)}“{f.raw}”：{res.reason}")
                    evidence.append(f)
    values = {"problems": _join(problems), "instruments": "、".join(ok) or "—"}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if unsure:
        return Outcome(S.NEEDS_REVIEW, values, evidence + uev, note=review_note(unsure))
    if not reads or not ok:
        return Outcome(S.NOT_APPLICABLE, values, note="未识别到可核对施行期间的引用")
    return Outcome(S.PASS, values)


# The act may precede its discovery by up to the limitation period (行政处罚法 第三十六条第一款).
PROXY_LOOKBACK_YEARS = 2


def _date_source(case: Case, f: Field | None) -> str:
    for key, name in (("accepted", "受理日期"), ("inspected", "检查日期"), ("filed", "立案日期")):
        if f is not None and case.dates.get(key) is f:
            return name
    return "案卷日期"


def _old_number_moves(reg: Registry, mine: list[Cited], reading: Reading) -> str:
    target = reading.candidates[-1]
    out = []
    for c in mine:
        res = resolve(c.citation, registry=reg, on=target.effective_from, numbering=reading.old.id)
        if res.status is Status.RENUMBERED and res.suggestion:
            out.append(f"“{c.raw}”应为{res.title}{res.suggestion}")
        elif res.status is Status.RENUMBERED:
            out.append(f"“{c.raw}”：{res.reason}")
    return "；".join(dict.fromkeys(out))


def _procedure_citations(case: Case, doc: Document, names: list[str]) -> list[tuple[SimpleCitation, Field]]:
    reg = Registry.load()
    wanted = {reg.work(n).key for n in names if reg.work(n)}
    out = []
    for f in doc.fields.get("citations", []):
        v = f.value
        work = reg.work(v["instrument"] or "")
        if work is None or work.key not in wanted:
            continue
        out.append((SimpleCitation(v["instrument"], v["article"], v["paragraph"], v["item"], v["sub_item"], f.raw),
                    Field(f.raw, f.raw, f.document, f.page, f.box, f.confidence)))
    return out


def _readable(case: Case, doc: Document) -> bool:
    return any((p := case.page(n)) is not None and any(line.text.strip() for line in p.lines) for n in doc.pages)


# ----------------------------------------------------------------------------- procedure numbering


@check_kind(
    "law_procedure_numbering", instrument="renumbered law whose procedure articles are checked",
    topics="[{old, keywords, unless, items}]: old article numbers, words that show the topic they were cited for, "
           "words that show the 2021 meaning instead, whether the old article had 项",
    window_before_="characters read before a citation (default 30)",
    window_after_="characters read after a citation (default 40)",
)
def procedure_numbering(case: Case, params: dict[str, Any]) -> Outcome:
    """Procedure articles of a renumbered law use the numbering in force on the document date."""
    reg = Registry.load()
    work = reg.work(params["instrument"])
    if work is None:
        return Outcome(S.ERROR, note=f"法规库中没有《{params['instrument']}》")
    topics = {int(t["old"]): t for t in params["topics"]}
    problems, evidence, uev = [], [], []
    checked = 0
    undated = []
    for doc in sorted(case.documents, key=lambda d: d.pages[0]):
        found = [c for c in doc.fields.get("citations", []) if reg.work(c.value["instrument"] or "") is work]
        if not found:
            continue
        day, _ = document_date(case, doc)
        if day is None:
            undated.append(doc_name(doc.type))
            uev.append(doc_field(case, doc))
            continue
        version = reg.instrument(work.key, on=day)
        if version is None:
            continue
        for f in found:
            c = SimpleCitation(f.value["instrument"], f.value["article"], f.value["paragraph"], f.value["item"],
                               f.value["sub_item"], f.raw)
            checked += 1
            topic = topics.get(c.article)
            if topic is None:
                continue
            pair = _pair_into(reg, work, version, c.article)
            if pair is None or pair.to_article == c.article:
                continue
            if (c.item is not None or c.paragraph is not None) and not topic.get("items"):
                continue  # the old article had no 款/项: a 款/项 cited is the 2021 article's
            context = _context(f, params.get("window_before", 30), params.get("window_after", 40))
            cue = next((k for k in topic["keywords"] if k in context), None)
            if cue is None or any(k in context for k in topic.get("unless", [])):
                continue
            art = reg.article(version.id, c.article)
            if art is not None and any(k in art.text for k in topic["keywords"]):
                continue  # the current article of that number is about the same topic
            new = [pair.to_article, *pair.also]
            new_label = "、".join(article_label(n) for n in new)
            f = Field(c.raw, c.raw, f.document, f.page, f.box, f.confidence)
            current = f"（现行{article_label(c.article)}为：{excerpt(art.text, 60)}）" if art else ""
            problems.append(
                f"{where(case, f)}（{date_cn(day)}）就“{cue}”引用“{c.raw}”，该条号为{date_cn(version.effective_from)}"
                f"前的旧条号，应引用{new_label}{current}")
            evidence.append(f)
    values = {"problems": _join(problems), "count": checked, "instrument": work.title}
    if problems:
        return Outcome(S.FAIL, values, evidence)
    if checked == 0:
        note = f"未识别到《{work.title}》的条文引用"
        if undated:
            return Outcome(S.NEEDS_REVIEW, values, uev,
                           note=f"{'、'.join(undated)}的日期不详，无法判断适用的条文编号")
        return Outcome(S.NOT_APPLICABLE, values, note=note)
    return Outcome(S.PASS, values)


def _pair_into(reg: Registry, work, version, article: int):
    """The renumbering pair that sends an old ``article`` into ``version`` (None: not an old number)."""
    for m in reg.renumber_maps:
        if m.to_version != version.id:
            continue
        pair = m.lookup(article, None)
        if pair is not None:
            return pair
    return None


def _context(f: Field, before: int, after: int) -> str:
    """The clause around a citation as read (:mod:`audit.parse.mentions`): up to
    ``before``/``after`` characters, not across 。；"""
    detail = f.detail or {}
    head, tail = detail.get("before", ""), detail.get("after", "")
    return head[max(0, len(head) - before):] + f.raw + tail[:after]


__all__ = [
    "citations_present", "citations_precise", "cited_articles_exist", "instrument_in_force",
    "item_paragraph", "notice_matches_decision", "precision_problem", "procedure_numbering",
]
