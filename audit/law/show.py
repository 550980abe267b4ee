"""What ``audit law show`` and ``audit law search`` print: article views and word search."""

from __future__ import annotations

import datetime as dt
from typing import Any

from audit.law.penalty import provision_penalty
from audit.law.registry import Article, InstrumentVersion, Registry, normalize_text
from audit.law.resolve import (
    Resolution,
    Status,
    article_label,
    date_cn,
    parse_citation_text,
    resolve,
    version_cn,
)

Date = dt.date

STATUS_CN = {
    Status.RESOLVED: "已找到",
    Status.NO_INSTRUMENT: "未载明法规名称",
    Status.UNKNOWN_INSTRUMENT: "法规库未收录该法规",
    Status.NO_TEXT: "法规库无该法规条文数据",
    Status.EXCERPT_GAP: "法规库仅收录摘录，未含该条",
    Status.ARTICLE_NOT_FOUND: "条文不存在",
    Status.PARAGRAPH_NOT_FOUND: "款不存在",
    Status.ITEM_NOT_FOUND: "项不存在",
    Status.NOT_IN_FORCE: "该日期不在施行期内",
    Status.RENUMBERED: "条文编号已变更",
}


def _version_json(registry: Registry, version: InstrumentVersion | None) -> dict[str, Any]:
    if version is None:
        return {"version": None, "version_id": None, "version_label": None, "effective_from": None,
                "effective_to": None, "issuer": None, "successor": None}
    successor = registry.versions.get(version.successor) if version.successor else None
    return {
        "version": version.version_date.isoformat() if version.version_date else None,
        "version_id": version.id,
        "version_label": version_cn(version) or None,
        "effective_from": version.effective_from.isoformat() if version.effective_from else None,
        "effective_to": version.effective_to.isoformat() if version.effective_to else None,
        "issuer": version.issuer,
        "successor": registry.works[successor.work].title if successor else None,
    }


def _paragraphs_json(art: Article) -> list[dict[str, Any]]:
    return [{"number": i, "text": p.text, "items": list(p.items)} for i, p in enumerate(art.paragraphs, start=1)]


def show(query: str, on: Date | None = None, registry: Registry | None = None) -> dict[str, Any]:
    """The JSON of ``audit law show``: instrument, version, article, paragraph, text, penalty …

    Raises ValueError when ``query`` holds no citation.
    """
    reg = registry or Registry.load()
    citations = parse_citation_text(query)
    if not citations:
        raise ValueError(f"未能从“{query}”中识别出条文引用（示例：《医疗机构管理条例》第四十三条）")
    c = citations[0]
    res = resolve(c, on=on, registry=reg)
    shown = res.article
    text = res.text
    if res.status is Status.NOT_IN_FORCE and res.version is not None and res.version.has_text:
        # show the last text the instrument had, with the status saying it no longer applies
        shown = reg.article(res.version.id, c.article)
        text = _text_of(shown, c) if shown else None
    number = shown.number if shown else c.article
    paragraph = c.paragraph if res.status is not Status.RENUMBERED else _renumbered_paragraph(res)
    penalty = excluded = competent = None
    if shown is not None and res.version is not None:
        competent = _competent_json(reg, shown.instrument_id, number, paragraph)
        penalty = provision_penalty(reg, shown.instrument_id, number, paragraph)
        if penalty is None:
            ex = reg.excluded(shown.instrument_id, number, paragraph)
            excluded = {"reason": ex.reason, "note": ex.note, "authority": ex.authority} if ex else None
    return {
        "query": query,
        "date": on.isoformat() if on else None,
        "status": res.status.value,
        "status_text": _status_text(res),
        "reason": res.reason,
        "instrument": res.work.title if res.work else c.instrument,
        "work": res.work.key if res.work else None,
        "instrument_kind": res.work.kind if res.work else None,  # 法律 / 行政法规 / 部门规章
        **_version_json(reg, res.version),
        "article": number,
        "label": article_label(number, paragraph, c.item),
        "paragraph": paragraph,
        "item": c.item,
        "chapter": shown.chapter if shown else None,
        "text": text,
        "article_text": shown.text if shown else None,
        "paragraphs": _paragraphs_json(shown) if shown else [],
        "penalty": penalty,
        "penalty_excluded": excluded,  # a 法律责任 article (款) that is not a penalty provision, and why
        "competent_authority": competent,  # who may impose its penalties (职权与管辖), see audit.law.authority
        "suggestion": res.suggestion,
        "cited": {"article": c.article, "paragraph": c.paragraph, "item": c.item,
                  "label": article_label(c.article, c.paragraph, c.item)},
    }


def _competent_json(reg: Registry, version_id: str, article: int, paragraph: int | None) -> dict[str, Any] | None:
    from audit.law.authority import authority_for

    a = authority_for(reg, version_id, article, paragraph)
    if a is None:
        return None
    return {"wording": a.wording, "departments": list(a.departments), "level": a.level, "joint": a.joint,
            "health": a.health, "source": a.source, "note": a.note,
            "other_bodies": [{"kind": b.kind, "wording": b.wording, "condition": b.condition, "referral": b.referral}
                             for b in a.other_bodies]}


def _status_text(res: Resolution) -> str:
    if res.status is Status.NO_TEXT and res.work is not None and res.work.kind == "部门规章":
        return "法规库未收录该规章全文"
    return STATUS_CN[res.status]


def exit_code(view: dict[str, Any]) -> int:
    """``audit law show`` exit status: 0 resolved; 0 too for a department rule whose text (or the cited
    article of its excerpt) the registry lacks — the rule is known, only its text is missing, and the
    output says so; 1 for every other provision that did not resolve."""
    if view["status"] == Status.RESOLVED.value:
        return 0
    missing = view["status"] in (Status.NO_TEXT.value, Status.EXCERPT_GAP.value)
    return 0 if missing and view.get("instrument_kind") == "部门规章" else 1


def _renumbered_paragraph(res: Resolution) -> int | None:
    pair = res.renumber
    if pair is None:
        return res.citation.paragraph
    return pair.to_paragraph if pair.from_paragraph is not None else res.citation.paragraph


def _text_of(art: Article, c) -> str:
    from audit.law.resolve import provision_text

    return provision_text(art, c)


def show_text(view: dict[str, Any]) -> str:
    """Plain-text rendering of :func:`show` for the terminal (Simplified Chinese)."""
    lines = []
    title = f"《{view['instrument']}》" if view["instrument"] else "（未载明法规名称）"
    head = title
    if view["version_label"]:
        when = []
        if view["effective_from"]:
            when.append(f"{date_cn(Date.fromisoformat(view['effective_from']))}起施行")
        if view["effective_to"]:
            when.append(f"{date_cn(Date.fromisoformat(view['effective_to']))}失效")
        head += f"（{view['version_label']}" + (f"，{'，'.join(when)}" if when else "") + "）"
    lines.append(f"{head}{view['label']}")
    if view["status"] != Status.RESOLVED.value:
        reason = view["reason"].removeprefix(f"{view['status_text']}：")
        lines.append(f"【{view['status_text']}】{reason}")
    if view["chapter"]:
        lines.append(view["chapter"])
    if view["text"]:
        lines.append(view["text"])
    penalty = view.get("penalty")
    if penalty:
        lines.append("")
        lines.extend(_penalty_lines(penalty))
    elif view.get("penalty_excluded"):
        lines.append("")
        lines.append(f"罚则说明：本条（款）不是卫生健康部门的行政处罚条款——{view['penalty_excluded']['note']}")
    competent = view.get("competent_authority")
    if competent and (view.get("penalty") or view.get("penalty_excluded")):
        level = f"（{competent['level']}）" if competent["level"] else ""
        lines.append(f"处罚职权：{'、'.join(competent['departments']) or competent['wording']}{level}；依据：{competent['source']}")
    return "\n".join(lines)


def _yuan(value: float | int | None) -> str:
    if value is None:
        return ""
    value = float(value)
    if value >= 10000 and value % 10000 == 0:
        return f"{int(value // 10000)}万元"
    return f"{value:.0f}元" if value.is_integer() else f"{value:.2f}元"


def fine_text(fine: dict[str, Any]) -> str:
    """罚款幅度 in words: 1万元以上10万元以下 / 违法所得2倍以上10倍以下（不足1万元按1万元计算）…"""
    kind = fine["kind"]
    if kind == "none":
        return "无罚款"
    if kind == "unspecified":
        return "条文未规定罚款数额"
    if kind == "tiered":
        return "；".join(f"{t['condition'] or '一般情形'}：{fine_text({**t, 'condition': None})}" for t in fine["tiers"])
    may = "可以" if fine.get("discretion") == "may" else ""
    if kind == "fixed":
        low, high = fine["min"], fine["max"]
        if low is not None and high is not None and low == high:
            span = _yuan(low)  # a fixed amount (处以三千元罚款)
        elif low is not None and high is not None:
            span = f"{_yuan(low)}以上{_yuan(high)}以下"
        elif high is not None:
            span = f"{_yuan(high)}以下"
        elif low is not None:
            span = f"{_yuan(low)}以上"
        else:
            span = "数额未规定"
    else:
        low, high = fine["min_multiple"], fine["max_multiple"]
        parts = [f"{low}倍以上" if low is not None else "", f"{high}倍以下" if high is not None else ""]
        span = f"{fine['base']}{''.join(parts)}"
        if fine.get("floor_base_yuan"):
            span += f"（{fine['base']}不足{_yuan(fine['floor_base_yuan'])}的，按{_yuan(fine['floor_base_yuan'])}计算）"
    cond = f"{fine['condition']}的，" if fine.get("condition") and kind != "tiered" else ""
    whom = f"对{fine['target']}" if fine.get("target") else ""
    return f"{cond}{whom}{may}处{span}罚款"


def _penalty_lines(penalty: dict[str, Any]) -> list[str]:
    out = [f"违法行为：{penalty['conduct']}"]
    if penalty["authority"]:
        out.append(f"处罚机关：{penalty['authority']}")
    if penalty["refers_to"]:
        ref = penalty["refers_to"]
        target = ref["text"] or f"《{ref['instrument']}》{ref['label']}"
        out.append(f"处罚方式：依照{target}的规定处罚")
    out.append(f"处罚种类：{'、'.join(penalty['kinds']) or '（条文未列明）'}")
    referral = [t for t in penalty["tiers"] if t.get("referral")]
    if referral:
        kinds = "、".join(dict.fromkeys(s["kind"] for t in referral for s in t["sanctions"]))
        out.append(f"提请处理：{kinds}由{referral[0]['authority']}决定，本部门只能提请，不得自行作出")
    out.append(f"罚款幅度：{fine_text(penalty['fine'])}")
    for tier in penalty["tiers"]:
        if tier["condition"]:
            kinds = "、".join(s["kind"] for s in tier["sanctions"])
            out.append(f"  {tier['condition']}：{kinds}（原文：{tier['quote']}）")
    if penalty["orders"]:
        out.append(f"责令改正：{'、'.join(penalty['orders'])}")
    for ob in penalty["obligations"]:
        out.append(f"对应义务条款：{ob['label']} {ob['text'] or ''}".rstrip())
    if penalty.get("obligation_note"):
        out.append(f"对应义务条款（整理说明）：{penalty['obligation_note']}")
    if penalty.get("notes"):
        out.append(f"说明：{penalty['notes']}")
    return out


# ----------------------------------------------------------------------------- search


def search(words: list[str] | tuple[str, ...], on: Date | None = None, registry: Registry | None = None,
           limit: int = 20) -> list[dict[str, Any]]:
    """Articles whose text holds every word (punctuation and spaces ignored).

    With ``on``: only versions in force on that date. Without: every indexed version, versions in
    force today first. Each hit names the 款 where the first word occurs.
    """
    reg = registry or Registry.load()
    keys = [normalize_text(w) for w in words if normalize_text(w)]
    if not keys:
        return []
    today = Date.today()
    versions = [v for v in reg.versions.values() if v.has_text and (on is None or v.in_force(on))]
    versions.sort(key=lambda v: (not v.in_force(today), reg.works[v.work].title, v.id))
    hits: list[dict[str, Any]] = []
    for version in versions:
        work = reg.works[version.work]
        for number, art in sorted(reg.articles(version.id).items()):
            flat = normalize_text(art.text)
            if not all(k in flat for k in keys):
                continue
            paragraph = next((i for i, p in enumerate(art.paragraphs, start=1)
                              if keys[0] in normalize_text(p.full_text)), None)
            hits.append({
                "instrument": work.title,
                "version": version.version_date.isoformat() if version.version_date else None,
                "version_id": version.id,
                "version_label": version_cn(version) or None,
                "in_force": version.in_force(on or today),
                "article": number,
                "label": art.label,
                "paragraph": paragraph if len(art.paragraphs) > 1 else None,
                "chapter": art.chapter,
                "text": art.text,
            })
            if len(hits) >= limit:
                return hits
    return hits


def search_text(words: list[str] | tuple[str, ...], hits: list[dict[str, Any]]) -> str:
    if not hits:
        return f"未找到同时含有“{'”“'.join(words)}”的条文。"
    lines = [f"共找到 {len(hits)} 条（含有“{'”“'.join(words)}”）："]
    for h in hits:
        state = "" if h["in_force"] else "（非现行）"
        where = article_label(h["article"], h["paragraph"])
        lines.append("")
        lines.append(f"《{h['instrument']}》（{h['version_label'] or '版本不详'}）{state}{where}")
        lines.append(h["text"])
    return "\n".join(lines)
