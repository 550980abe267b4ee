"""Plain-text (Chinese) renderings for the terminal: the extraction and the findings."""

from __future__ import annotations

from audit import labels
from audit.model import DATE_KEYS, Case, Field, Finding, Score, Status
from audit.parse.segment import type_names

STATUS_NAMES = {s: labels.status(s) for s in Status}  # kept for callers; the words live in audit.labels
SEVERITY_NAMES = labels.names(labels.SEVERITY)
STATUS_ORDER = [Status.FAIL, Status.NEEDS_REVIEW, Status.ERROR, Status.PASS, Status.NOT_APPLICABLE]
DATE_NAMES = {
    "accepted": "受理", "filed": "立案", "inspected": "现场检查", "notice_issued": "告知书作出",
    "notice_served": "告知书送达", "hearing_notice_served": "听证告知送达", "decided": "处罚决定",
    "decision_served": "决定书送达", "paid": "缴款", "closed": "结案",
    # facts read by audit/parse/procedure_facts.py (shown where a view lists every date)
    "act_began": "违法行为开始", "act_ended": "违法行为终了", "hearing_summons_served": "听证通知送达",
    "hearing_held": "举行听证", "extension_approved": "延期审批", "preserved": "先行登记保存",
    "preservation_handled": "先行登记保存处理", "published": "公示", "demand_served": "催告书送达",
    "enforcement_applied": "申请强制执行", "defence_heard": "陈述申辩",
}
PROCEDURE_NAMES = labels.names(labels.PROCEDURE)


def _v(f: Field | None) -> str:
    return "—" if f is None or f.value in (None, "") else str(f.value)


def _where(case: Case, f: Field) -> str:
    doc = case.document(f.document) if f.document else None
    name = type_names().get(doc.type, doc.type) if doc else "—"
    box = f"[{', '.join(f'{x:.0f}' for x in f.box)}]" if f.box else ""
    return f"{name} 第{f.page}页 {box}".rstrip()


def case_summary(case: Case) -> list[str]:
    procedure = labels.procedure(case.procedure.value if case.procedure else None)
    lines = [
        f"案卷：{case.case_id}（{case.source}）",
        f"文号：{_v(case.case_number)}　当事人：{_v(case.party.name)}　程序：{procedure}",
        f"执法机关：{_v(case.agency)}　页数：{len(case.pages)}{_ocr_note(case)}　文书：{len(case.documents)} 份",
    ]
    lines += [f"提示：{w}" for w in case.warnings]
    return lines


def extraction_text(case: Case) -> str:
    """The extracted case, field by field, with where each value was read."""
    out = case_summary(case) + ["", "【文书】"]
    names = type_names()
    for d in case.documents:
        span = f"{d.pages[0]}" if len(d.pages) == 1 else f"{d.pages[0]}-{d.pages[-1]}"
        out.append(f"  第{span}页  {names.get(d.type, d.type)}（{d.title}）")
    out.append("")
    out.append("【字段】")

    def row(label: str, f: Field | None) -> None:
        if f is not None:
            out.append(f"  {label}：{_v(f)}　〔{_where(case, f)}〕")
        else:
            out.append(f"  {label}：—")

    row("文号", case.case_number)
    row("执法机关", case.agency)
    row("案由", case.cause)
    row("当事人", case.party.name)
    kind = case.party.type
    out.append(f"  当事人类型：{labels.party_kind(kind.value)}　〔{_where(case, kind)}〕" if kind else "  当事人类型：—")
    row("统一社会信用代码", case.party.credit_code)
    row("公民身份号码", case.party.id_number)
    row("法定代表人（负责人）", case.party.legal_representative)
    row("地址", case.party.address)
    for o in case.officers:
        row(f"执法人员 {_v(o.name)} 执法证号", o.certificate)
    for key in DATE_KEYS:
        row(f"{DATE_NAMES[key]}日期", case.dates.get(key))
    for c in case.violated_provisions:
        out.append(f"  违反条款：{c.raw}　〔{_where(case, Field(None, c.raw, c.document, c.page, c.box))}〕")
    for c in case.penalty_basis:
        out.append(f"  处罚依据：{c.raw}　〔{_where(case, Field(None, c.raw, c.document, c.page, c.box))}〕")
    for p in case.penalties:
        amount = f" {p.amount.value:,.2f}元" if p.amount and p.amount.value is not None else ""
        out.append(f"  处罚：{_v(p.kind)}{amount}")
    row("罚款合计（元）", case.fine_total)
    row("复议机关", case.remedy.review_body)
    row("复议期限（日）", case.remedy.review_days)
    row("管辖法院", case.remedy.court)
    row("诉讼期限（月）", case.remedy.litigation_months)
    return "\n".join(out)


def score_line(score: Score) -> str:
    parts = "，".join(f"{k} {v:g}" for k, v in score.by_dimension.items())
    veto = "；存在否决项" if score.vetoed else ""
    if score.vetoes:
        veto += "（" + "、".join(score.vetoes) + "）"
    review = f"；待人工核查涉及 {score.needs_review_points:g} 分（未扣分）" if score.needs_review_points else ""
    return f"评分：{score.total:g} 分，等级：{score.grade}{veto}（{parts}）{review}"


def findings_text(case: Case, findings: list[Finding], score: Score | None = None) -> str:
    """The findings, defects first, each with expected, observed, evidence, basis and fix."""
    counts = {s: sum(1 for f in findings if f.status is s) for s in STATUS_ORDER}
    out = case_summary(case)
    if score is not None:
        out.append(score_line(score))
    out.append(
        f"共执行 {len(findings)} 条规则：不符合 {counts[Status.FAIL]} 条，待人工核查 {counts[Status.NEEDS_REVIEW]} 条，"
        f"符合 {counts[Status.PASS]} 条，不适用 {counts[Status.NOT_APPLICABLE]} 条"
        + (f"，执行出错 {counts[Status.ERROR]} 条" if counts[Status.ERROR] else "")
    )
    for status in STATUS_ORDER:
        for f in (x for x in findings if x.status is status):
            out.append("")
            head = f"【{STATUS_NAMES[status]}】{f.rule} {f.title}（{f.dimension}"
            if status in (Status.FAIL, Status.NEEDS_REVIEW):
                head += f"，{SEVERITY_NAMES[f.severity.value]}，涉及 {f.points:g} 分"
            out.append(head + "）")
            if f.waiver:
                out.append(f"  已豁免：{f.waiver.get('reason', '')}（{f.waiver.get('who', '')} {f.waiver.get('date', '')}）")
            if status in (Status.PASS, Status.NOT_APPLICABLE):
                out.append(f"  结果：{f.observed}")
                continue
            out.append(f"  应当：{f.expected}")
            out.append(f"  实际：{f.observed}")
            for e in f.evidence:
                out.append(f"  证据：{_where(case, e)}　“{e.raw}”")
            basis = "；".join(cite(b.instrument, b.article) for b in f.basis)
            out.append(f"  依据：{basis}")
            if status is Status.FAIL and (why := (score.vetoes.get(f.rule) if score else None) or f.veto_basis):
                out.append(f"  否决理由：{why}")
            if f.fix:
                out.append(f"  整改：{f.fix}")
    return "\n".join(out)


def cite(instrument: str, article: str) -> str:
    """《法》第X条 for laws; standards (GB …) are named without title marks."""
    if instrument.startswith(("GB", "GB/T")):
        return f"{instrument} {article}"
    return f"《{instrument}》{article}"


def _ocr_note(case: Case) -> str:
    count = sum(1 for p in case.pages if p.lines and p.lines[0].source.value == "ocr")
    return f"（其中 {count} 页经 OCR 识别）" if count else ""
