"""The documents of a case file, drawn from a scenario in the scenario's template.

One function per document type. Wording and layout follow the template (titles, party-block
layout, labels, money and date styles, generic approval forms); defects reach the documents
only through ``sc.mod(...)`` hooks and ``sc.omit`` (see ``defects.py``).
"""

from __future__ import annotations

import datetime as dt
import re

from . import law
from .layout import INK, PAGE_H, RED, K, S, Writer, signed
from .scenario import Scenario
from .templates import GENERIC_TICKS
from .util import rmb, rmb_upper, ymd, ymd_upper

# --- wording helpers ---------------------------------------------------------------------------


def you(sc: Scenario) -> str:
    return "你单位" if sc.party["type"] == "organisation" else "你"


def party_name(sc: Scenario, doc: str) -> str:
    return sc.mod(f"{doc}.party_name", sc.party["name"])


def money(sc: Scenario, n: int) -> str:
    return rmb(n, style=sc.template.money_style)


def date_cn(sc: Scenario, day: dt.date) -> str:
    return ymd_upper(day, sc.template.zero) if sc.template.upper_date else ymd(day)


def cites(refs, on: dt.date) -> str:
    return "、".join(r.text(on) for r in refs)


def violated_text(sc: Scenario, doc: str = "") -> str:
    return sc.mod(f"{doc}.violated_text") or sc.mod("violated_text") or cites(sc.setting.violated, sc.decided)


def basis_text(sc: Scenario, doc: str = "") -> str:
    return sc.mod(f"{doc}.basis_text") or sc.mod("basis_text") or cites(sc.setting.basis, sc.decided)


def penalty_list(sc: Scenario, doc: str) -> list[dict]:
    return sc.mod(f"{doc}.penalties") or sc.mod("penalties") or sc.penalties


def penalty_text(sc: Scenario, doc: str = "decision", fine_text: str | None = None) -> str:
    """警告，没收违法所得人民币…，并处罚款人民币…"""
    parts = []
    items = penalty_list(sc, doc)
    for i, p in enumerate(items):
        kind = p["kind"]
        if kind == "警告":
            parts.append("警告")
        elif kind == "通报批评":
            parts.append("通报批评")
        elif kind == "没收违法所得":
            parts.append(f"没收违法所得{money(sc, p['amount'])}")
        elif kind == "没收非法财物":
            parts.append(f"没收{sc.story.goods}")
        elif kind == "罚款":
            amount = fine_text or money(sc, p["amount"])
            parts.append(("并处" if i else "") + f"罚款{amount}")
        else:
            parts.append(kind)
    return "，".join(parts)


def fine_of(sc: Scenario, doc: str) -> int | None:
    return next((p["amount"] for p in penalty_list(sc, doc) if p["kind"] == "罚款"), None)


def order_text(sc: Scenario, subject: str = "当事人") -> str:
    return sc.story.correction.replace("当事人", subject, 1)


def evidence_lines(sc: Scenario) -> list[str]:
    return [f"{i}．{name}，{what}。" for i, (name, what) in enumerate(sc.story.evidence, 1)]


def names(sc: Scenario, sep: str = "　") -> str:
    return sep.join(o.name for o in sc.officers)


def record_officers(sc: Scenario, doc: str) -> list:
    return sc.mod(f"{doc}.officers") or sc.officers


def officers_with_certs(sc: Scenario, doc: str = "") -> str:
    offs = record_officers(sc, doc)
    if sc.mod(f"{doc}.no_certificates"):
        return "、".join(o.name for o in offs)
    return "、".join(f"{o.name}（{o.certificate}）" for o in offs)


def rep_label(sc: Scenario) -> str:
    return sc.template.labels.get("rep", "法定代表人（负责人）")


def addr_label(sc: Scenario) -> str:
    return sc.template.labels.get("address", "地址")


def fill(sc: Scenario) -> str:
    return sc.template.style.fill_font


def rec_font(sc: Scenario) -> str:
    return sc.template.style.record_font


def credit(sc: Scenario, doc: str) -> str | None:
    return sc.mod(f"{doc}.credit_code", sc.party.get("credit_code"))


def id_number(sc: Scenario, doc: str) -> str | None:
    return sc.mod(f"{doc}.id_number", sc.party.get("id_number"))


def date_text(sc: Scenario, key: str, doc: str = "") -> str:
    """A date as signed on a form (a defect may print it without the day, or leave it blank)."""
    override = sc.mod(f"{doc}.date_text")
    return override if override is not None else ymd(sc.dates[key])


def rights_articles(sc: Scenario, key: str) -> str:
    on = sc.dates["notice_issued"] if key in ("notice_pair", "hearing") else sc.decided
    return sc.mod(f"articles.{key}") or law.penalty_law_articles(on)[key]


def review_sentence(sc: Scenario) -> str:
    rem = law.remedy_text(sc.district, sc.decided, simple=False)
    body = sc.mod("decision.review_body", rem["review_body"])
    days = sc.mod("decision.review_days", "六十日")
    months = sc.mod("decision.litigation_months", "六个月")
    return (f"如不服本处罚决定，可以在收到本决定书之日起{days}内向{body}申请行政复议，也可以在收到本决定书之日起{months}内"
            f"直接向{rem['court']}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行。")


def sig_footer(w: Writer, pairs):
    """Signature line at the bottom of every page of a record (笔录)."""

    def draw():
        w.c.setLineWidth(0.5)
        w.c.line(w.LM, 78, w.right, 78)
        skip = getattr(w, "unsigned_pages", set())
        parts = []
        for label, name in pairs:
            parts += [S(label), K("" if (label.startswith("被") or label.startswith("陈述")) and w.page in skip else name),
                      S("　　")]
        w.parts(w.LM, 58, parts[:-1], size=11)

    return draw


def record_header(w: Writer):
    def draw():
        page, total = w.doc_page()
        y = PAGE_H - 36 if w.style.page_numbers != "stamp_top_right" else PAGE_H - 60
        w.text(w.right, y, f"第 {page} 页  共 {total} 页", size=10.5, align="right")

    return draw


def begin_record(w: Writer, sc: Scenario, dtype, signer_label, signer, doc: str):
    offs = record_officers(sc, doc)
    footer = sig_footer(w, [(signer_label, signer), ("执法人员签名：", "　".join(o.name for o in offs))])
    w.begin(dtype, sc.template.title(dtype), header=record_header(w), footer=footer, bottom=92)


def party_block(w: Writer, sc: Scenario, doc: str) -> None:
    """当事人 … lines at the head of a notice/decision, in the template's layout."""
    p, tpl = sc.party, sc.template
    name = party_name(sc, doc)
    code = credit(sc, doc)
    rows: list[tuple[str, str]] = []
    if p["type"] == "organisation":
        rows = [("当事人", name), ("统一社会信用代码", code), (rep_label(sc), p["legal_representative"]),
                (addr_label(sc), p["address"])]
        if tpl.party_layout == "lines_alt":
            rows = [rows[0], rows[3], rows[1], rows[2]]
    elif p.get("credit_code"):  # 个体工商户
        rows = [("当事人", name), ("统一社会信用代码", code), ("经营者", p["legal_representative"]),
                ("身份证号码", id_number(sc, doc)), (addr_label(sc), p["address"])]
    else:
        rows = [("当事人", name), ("性别", p["sex"]), ("出生日期", ymd(p["birth"])), ("身份证号码", id_number(sc, doc)),
                ("住址", p["address"])]
    if tpl.party_layout == "inline":
        w.para("，".join(f"{k}：{v}" for k, v in rows) + "。", indent=0)
    else:
        for k, v in rows:
            w.para(f"{k}：{v}", indent=0)
    w.gap(4)


# --- documents -------------------------------------------------------------------------------


def doc_index(w: Writer, sc: Scenario):
    """卷内目录: page ranges come from the planning pass, so they match the PDF."""
    w.begin("file_index", sc.template.title("file_index"))
    w.fields([("案由：", cause(sc), w.width)], size=11)
    w.fields([("处罚决定书文号：", sc.case_number, 300), ("保管期限：", "永久", w.width - 300)], size=11)
    cols = [30, 170, 112, 82, 40, w.width - 434]
    head = ["序号", "文件材料题名", "文号", "日期", "页号", "备注"]
    rows = [[{"w": cw, "lines": [t], "align": "center"} for cw, t in zip(cols, head, strict=True)]]
    docs = [x for x in (w.plan or []) if x["type"] not in ("file_index", "file_remarks")]
    wrong = sc.mod("index.wrong_row")
    for n, doc in enumerate(docs, 1):
        first, last = doc["pages"]
        if wrong is not None and n == wrong:
            first, last = first + 1, last + 1
        values = [str(n), doc.get("index_title", doc["title"]), doc.get("number") or "\\",
                  ymd(doc["date"]) if doc.get("date") else "\\", str(first) if first == last else f"{first}-{last}", ""]
        rows.append([{"w": cw, "lines": [v], "align": "left" if i == 1 else "center"}
                     for i, (cw, v) in enumerate(zip(cols, values, strict=True))])
    w.table(rows, size=10)
    w.end()


def cause(sc: Scenario) -> str:
    return f"{sc.party['name']}{sc.story.cause_short}案"


def doc_acceptance(w: Writer, sc: Scenario):
    a, p, dd = sc.complaint, sc.party, sc.dates
    w.begin("acceptance_record", sc.template.title("acceptance_record"))
    src = sc.mod("acceptance.source_boxes", "□监督检查　■投诉举报　□上级交办　□下级报请　□有关部门移送　□其他")
    w.form([
        ("案件来源", [src, f"（{a['channel']}）"]),
        ("受理时间", f"{ymd(dd['accepted'])}"),
        ("举报人", a["reporter"]),
        ("被举报单位（人）", f"{p['name']}　{addr_label(sc)}：{p['address']}"),
        ("案情摘要", a["summary"], 90),
        ("受理人意见", ["反映情况属本机关管辖，建议安排执法人员进行现场核查。",
                        signed("受理人：", sc.officers[1].name, ymd(dd["accepted"]))], 80),
        ("负责人意见", [f"同意。请{sc.officer_names()}核查。", signed("负责人：", sc.chief, ymd(dd["accepted"]))], 80),
        ("备注", "\\", 40),
    ])
    w.end()


def _generic_ticks(dtype: str) -> str:
    items = ["立案", "先行登记保存", "查封扣押", "听证告知", "行政处罚", "结案"]
    chosen = GENERIC_TICKS[dtype]
    return "　".join(("■" if it == chosen else "□") + it for it in items)


def _approval_title(w: Writer, sc: Scenario, dtype: str, docno: str | None = None) -> None:
    tpl = sc.template
    index_title = {"filing_report": "立案审批表", "decision_approval": "行政处罚决定审批表",
                   "closing_report": "结案审批表"}[dtype] if dtype in tpl.generic_approval else None
    w.begin(dtype, tpl.title(dtype), docno=docno, index_title=index_title)
    if dtype in tpl.generic_approval:
        w.para(_generic_ticks(dtype), indent=0, size=10.5)
        w.gap(2)


def doc_filing(w: Writer, sc: Scenario):
    p, dd, tpl = sc.party, sc.dates, sc.template
    _approval_title(w, sc, "filing_report")
    rep = sc.mod("filing.rep", p["legal_representative"])
    address = sc.mod("filing.address", p["address"])
    if p["type"] == "organisation":
        party = [f"名称：{party_name(sc, 'filing')}", f"统一社会信用代码：{credit(sc, 'filing')}",
                 f"{rep_label(sc)}：{rep}　　联系电话：{p['phone']}", f"{addr_label(sc)}：{address}"]
    elif p.get("credit_code"):
        party = [f"名称：{party_name(sc, 'filing')}", f"统一社会信用代码：{credit(sc, 'filing')}",
                 f"经营者：{rep}　　联系电话：{p['phone']}", f"{addr_label(sc)}：{address}"]
    else:
        party = [f"姓名：{p['name']}　　性别：{p['sex']}", f"身份证号码：{id_number(sc, 'filing')}",
                 f"住址：{address}　　联系电话：{p['phone']}"]
    summary = (f"{ymd(dd['inspected'])}，执法人员{sc.officer_names()}对{p['name']}进行现场检查，发现当事人涉嫌"
               f"{sc.story.violation_short}。当事人的行为涉嫌违反{cites(sc.setting.violated, dd['filed'])}的规定，符合立案条件。")
    filed = date_text(sc, "filed", "filing")
    source = sc.mod("filing.source", sc.source)
    rows = [("案由", sc.mod("filing.cause", cause(sc))), ("案件来源", source), ("受理时间", ymd(dd["accepted"])),
            ("当事人", party),
            ("简要案情", summary, 100),
            ("承办人意见", [f"建议立案调查，由{sc.officer_names()}承办。", signed("承办人：", names(sc), filed)], 70),
            ("科室负责人意见", ["同意立案，请领导审批。", signed("签名：", sc.chief, filed)], 60),
            ("负责人审批意见", [f"同意立案，由{sc.officer_names()}承办。", signed("签名：", sc.head, filed)], 60),
            ("立案日期", filed)]
    if sc.mod("filing.no_head"):
        rows[7] = ("负责人审批意见", "", 60)
    if tpl.key == "jiangsu":
        rows = [rows[0], rows[3], rows[1], rows[2], rows[4], rows[8], rows[5], rows[6], rows[7]]
    if sc.mod("filing.blank_source"):
        rows = [(k, "" if k == "案件来源" else v, *rest) for k, v, *rest in rows]
    w.form(rows, label_w=100 if tpl.key != "sichuan" else 96)
    w.end()


def doc_inspection(w: Writer, sc: Scenario, *, simple: bool = False):
    p, dd, st = sc.party, sc.dates, sc.story
    t0, t1 = sc.times["inspection"]
    signer = p["legal_representative"] or p["name"]
    begin_record(w, sc, "inspection_record", "被检查人签名：", signer, "inspection")
    if sc.mod("inspection.no_party_signature"):
        w.unsigned_pages = set(range(w.page, w.page + 5))
    label = "被检查单位：" if p["type"] == "organisation" else "被检查人："
    w.fields([(label, party_name(sc, "inspection"), 300), ("联系电话：", p["phone"], w.width - 300)])
    w.fields([(f"{addr_label(sc)}：", p["address"], w.width)])
    if p.get("credit_code"):
        w.fields([(f"{rep_label(sc) if p['type'] == 'organisation' else '经营者'}：", p["legal_representative"], 200),
                  ("统一社会信用代码：", credit(sc, "inspection"), w.width - 200)])
    else:
        w.fields([("身份证号码：", id_number(sc, "inspection"), w.width)])
    when = f"{ymd(dd['inspected'])}{t0}" + ("" if sc.mod("inspection.no_end_time") else f"至{t1}")
    w.fields([("检查时间：", when, w.width)])
    w.fields([("检查地点：", st.place, w.width)])
    offs = record_officers(sc, "inspection")
    w.fields([("执法人员：", officers_with_certs(sc, "inspection"), 360), ("记录人：", offs[-1].name, w.width - 360)])
    present = f"{p['legal_representative'] or p['name']}（{sc.interviewee_role if p['type'] != 'individual' else '当事人'}）"
    w.fields([("在场人员：", present, w.width)])
    w.gap(4)
    w.para(f"执法人员{'、'.join(o.name for o in offs)}向被检查人出示了执法证件，说明了检查事由，告知被检查人有陈述、申辩和申请执法人员回避的权利，"
           "被检查人表示不申请回避。现场检查情况如下：", font=rec_font(sc))
    for i, text in enumerate(st.findings, 1):
        w.para(f"{i}．{text}", font=rec_font(sc))
    if sc.mod("inspection.conclusion"):
        w.para(sc.mod("inspection.conclusion"), font=rec_font(sc))
    w.para("（以下空白）", indent=0)
    w.gap(6)
    w.line([S("被检查人意见："), K("以上笔录我已看过，情况属实。")])
    if not sc.mod("inspection.no_party_signature"):
        w.line(signed("被检查人签名：", signer, ymd(dd["inspected"]))["parts"], align="right")
    w.end()


def doc_opinion(w: Writer, sc: Scenario):
    p, dd = sc.party, sc.dates
    w.begin("supervision_opinion", sc.template.title("supervision_opinion"),
            docno=f"编号：{dd['inspected']:%Y%m%d}{sc.case_number[-4:-1].strip('〕')}")
    w.para(f"{p['name']}：", indent=0)
    w.para(sc.story.opinion)
    w.agency_block(sc.agency, date_cn(sc, dd["inspected"]))
    certs = "、".join(o.certificate for o in sc.officers)
    w.line([S("执法人员："), K(names(sc)), S(f"　（执法证号：{certs}）")])
    w.line(signed("被监督单位（人）签收：", p["legal_representative"] or p["name"], ymd(dd["inspected"]))["parts"])
    w.para("本意见书一式两份，一份交被监督单位（人），一份存档。", size=10.5, indent=0)
    w.end()


def doc_interview(w: Writer, sc: Scenario):
    iv, dd, p = sc.interviewee, sc.dates, sc.party
    t0, t1 = sc.times["interview"]
    begin_record(w, sc, "interview_record", "被询问人签名：", iv.name, "interview")
    if sc.mod("interview.unsigned_page"):
        w.unsigned_pages = {w.page}
    w.fields([("询问时间：", f"{ymd(dd['interview'])}{t0}" + ("" if sc.mod("interview.no_end_time") else f"至{t1}"), w.width)])
    w.fields([("询问地点：", f"{sc.agency}询问室", w.width)])
    offs = record_officers(sc, "interview")
    w.fields([("询问人：", officers_with_certs(sc, "interview"), 360), ("记录人：", offs[-1].name, w.width - 360)])
    if sc.mod("interview.no_identity"):
        w.fields([("被询问人：", iv.name, 150), ("联系电话：", iv.mobile, w.width - 150)])
    else:
        w.fields([("被询问人：", iv.name, 150), ("性别：", iv.sex, 80), ("出生日期：", ymd(iv.birth), w.width - 230)])
        w.fields([("身份证号码：", sc.mod("interview.id_number", iv.id_number), 260),
                  ("联系电话：", iv.mobile, w.width - 260)])
    if p["type"] == "organisation" or p.get("credit_code"):
        w.fields([("工作单位：", p["name"], 290), ("职务：", sc.interviewee_role, w.width - 290)])
    else:
        w.fields([("与当事人关系：", "本人", 200), ("职业：", "医师" if p.get("licence") else "无", w.width - 200)])
    w.fields([("住址：", iv.home, w.width)])
    w.gap(4)
    qa = list(sc.story.qa)
    if sc.mod("interview.no_rights"):
        qa[0] = ("问", f"今天就{sc.story.cause_short}有关情况向你了解，请如实回答。")
        qa[1] = ("答", "好的。")
    for who, text in qa:
        w.para(f"{who}：{text}", indent=0, hang=24, font=rec_font(sc))
    w.para("（以下空白）", indent=0)
    w.gap(4)
    w.line(signed("被询问人签名：", iv.name, ymd(dd["interview"]))["parts"], align="right")
    w.end()


def provider_block(w: Writer, sc: Scenario, *, seal=True):
    p, date = sc.party, ymd(sc.dates["inspected"])
    if sc.mod("evidence.no_verification"):
        w.line([S("取证人："), K(names(sc)), S("　　取证时间："), K(date)])
        return
    w.line([S("提供人意见："), K("此复印件与原件核对无误。")])
    y_sig = w.y
    w.line(signed("提供人签名：", p["legal_representative"] or p["name"], date, "left")["parts"])
    w.line([S("取证人："), K(names(sc)), S("　　取证时间："), K(date)])
    if seal and p["type"] == "organisation":
        w.seal(w.LM + 250, y_sig - 8, p["name"], size=88)


def certificate_copy(w: Writer, title, rows, issuer, issued, *, label_w=90, height=380):
    """A copied certificate: double frame, title, labelled rows, issuer's seal."""
    top, x0, x1 = w.y - 8, w.LM + 20, w.right - 20
    w.c.setLineWidth(2.2)
    w.c.rect(x0, top - height, x1 - x0, height)
    w.c.setLineWidth(0.6)
    w.c.rect(x0 + 6, top - height + 6, x1 - x0 - 12, height - 12)
    w.text((x0 + x1) / 2, top - 44, title, font="hei", size=22, align="center")
    w.text((x0 + x1) / 2, top - 66, "（副　本）", size=12, align="center")
    for i, (label, value) in enumerate(rows):
        w.text(x0 + 30, top - 100 - 26 * i, label + "：", size=12)
        w.text(x0 + 30 + label_w, top - 100 - 26 * i, value, size=12 if len(value) < 26 else 10.5)
    w.text(x1 - 100, top - height + 56, issuer, size=11, align="center")
    if issued:
        w.text(x1 - 100, top - height + 38, "发证日期：" + issued, size=11, align="center")
    w.seal(x1 - 100, top - height + 50, issuer, size=92)
    w.y = top - height - 20


def doc_evidence(w: Writer, sc: Scenario, kind: str, data: dict):
    p = sc.party
    if kind == "licence":
        w.begin("evidence", sc.template.title("evidence"), title_size=18,
                index_title=f"证据材料：《{data['title']}》复印件")
        w.para(f"证据名称：《{data['title']}》（副本）复印件　　证据来源：当事人提供", indent=0, size=11)
        issuer = sc.agency if data["title"] != "医师执业证书" else sc.district.city_health
        certificate_copy(w, data["title"], data["rows"], issuer,
                         p.get("licence_valid", "").split("至")[0] or None)
        provider_block(w, sc)
    elif kind == "business_licence":
        w.begin("evidence", sc.template.title("evidence"), title_size=18, index_title="证据材料：营业执照复印件")
        w.para("证据名称：营业执照（副本）复印件　　证据来源：当事人提供", indent=0, size=11)
        kind_text = "个体工商户" if p["type"] != "organisation" else "有限责任公司（自然人投资或控股）"
        rep = "经 营 者" if p["type"] != "organisation" else "法定代表人"
        rows = [("统一社会信用代码", p["credit_code"]), ("名　　称", p["name"]), ("类　　型", kind_text),
                (rep, p["legal_representative"]), ("经营场所" if p["type"] != "organisation" else "住　　所", p["address"]),
                ("成立日期", ymd(sc.dates["inspected"] - dt.timedelta(days=900)))]
        certificate_copy(w, "营 业 执 照", rows, f"{sc.district.city}{sc.district.name}市场监督管理局", None,
                         label_w=120, height=300)
        provider_block(w, sc)
    elif kind == "table":
        w.begin("evidence", sc.template.title("evidence"), title_size=18,
                index_title="证据材料：" + data["title"].split("（")[0])
        w.para(f"证据名称：{data['title']}", indent=0, size=11)
        w.para("证据来源：现场提取", indent=0, size=11)
        cols = list(data["widths"]) + [w.width - sum(data["widths"])]
        rows = [[{"w": cw, "lines": [t], "align": "center"} for cw, t in zip(cols, data["cols"], strict=True)]]
        for r in data["rows"]:
            cells = []
            for i, (cw, t) in enumerate(zip(cols, r, strict=True)):
                line = [K(t)] if i in data["hand"] and t else (t or "\\")
                cells.append({"w": cw, "lines": [line], "align": "center"})
            rows.append(cells)
        w.table(rows, size=10)
        w.gap(10)
        provider_block(w, sc)
    elif kind == "photos":
        w.begin("evidence", "现场照片", title_size=18, index_title="证据材料：现场照片")
        for i, cap in enumerate(data["captions"], 1):
            w.need(300)
            draw_photo(w, w.LM + 40, w.y - 230, w.width - 80, 230, i)
            w.y -= 240
            w.para(cap, size=11, indent=0)
            w.gap(8)
        w.line([S("拍摄人："), K(sc.officers[0].name), S("　　见证人："), K(p["legal_representative"] or p["name"]),
                S("　　执法人员："), K(names(sc))], size=11)
    elif kind == "test_report":
        w.begin("evidence", "检验报告", title_size=18, index_title=f"证据材料：检验报告（{data['report_no']}）")
        lab = f"{sc.district.city}{sc.district.name}疾病预防控制中心"
        w.para(f"报告编号：{data['report_no']}", indent=0, size=11)
        w.form([("样品名称", "二次供水（水箱出水）"), ("样品编号", data["sample_no"]), ("送检单位", sc.agency),
                ("采样地点", f"{data['estate']}二次供水水箱出水口"), ("采样日期", ymd(sc.dates["sampled"])),
                ("检验依据", "GB/T 5750-2023《生活饮用水标准检验方法》"), ("报告日期", ymd(sc.dates["test_report"]))],
               label_w=110)
        w.gap(6)
        rows = [[{"w": 140, "lines": ["检验项目"], "align": "center"}, {"w": 120, "lines": ["标准限值"], "align": "center"},
                 {"w": 120, "lines": ["检验结果"], "align": "center"}, {"w": w.width - 380, "lines": ["单项判定"], "align": "center"}],
                [{"w": 140, "lines": [data["item"]], "align": "center"}, {"w": 120, "lines": [data["limit"]], "align": "center"},
                 {"w": 120, "lines": [data["value"]], "align": "center"}, {"w": w.width - 380, "lines": ["不合格"], "align": "center"}],
                [{"w": 140, "lines": ["余氯（游离氯）"], "align": "center"}, {"w": 120, "lines": [">=0.05mg/L"], "align": "center"},
                 {"w": 120, "lines": ["0.08mg/L"], "align": "center"}, {"w": w.width - 380, "lines": ["合格"], "align": "center"}]]
        w.table(rows)
        w.gap(8)
        w.para(f"检验结论：所检项目中{data['item']}不符合GB 5749-2022《生活饮用水卫生标准》的要求。", indent=0)
        w.agency_block(lab, ymd(sc.dates["test_report"]), seal_name=lab)
    w.end()


def draw_photo(w: Writer, x, y, pw, ph, variant):
    """A crude drawing standing in for a site photograph (no text inside)."""
    from reportlab.lib.colors import Color

    cv = w.c
    cv.setFillColor(Color(0.86, 0.86, 0.84))
    cv.rect(x, y, pw, ph, stroke=1, fill=1)
    cv.setFillColor(Color(0.72, 0.72, 0.70))
    cv.rect(x, y, pw, ph * 0.28, stroke=0, fill=1)
    bx, bw = x + pw * (0.30 if variant == 1 else 0.22), pw * (0.36 if variant == 1 else 0.5)
    cv.setFillColor(Color(0.25, 0.27, 0.30))
    cv.rect(bx, y + ph * 0.12, bw, ph * 0.55, stroke=0, fill=1)
    cv.setFillColor(Color(0.97, 0.97, 0.97))
    for i in range(9):
        cv.circle(bx + bw * (0.15 + 0.08 * i), y + ph * (0.62 + 0.03 * ((i * 7) % 3)), pw * 0.018, 0, 1)
    cv.setFillColor(Color(0.35, 0.55, 0.85))
    cv.rect(bx + bw * 0.6, y + ph * 0.6, bw * 0.22, ph * 0.07, stroke=0, fill=1)
    cv.setFillColor(Color(0, 0, 0))


def doc_sampling(w: Writer, sc: Scenario):
    data, dd = sc.story.sampling, sc.dates
    t0, t1 = sc.times["inspection"]
    w.begin("sampling_record", sc.template.title("sampling_record"))
    w.form([
        ("被采样单位", sc.party["name"]), ("地址", sc.party["address"]),
        ("采样时间", f"{ymd(dd['sampled'])}{t0}至{t1}"), ("采样地点", f"{data['estate']}二次供水水箱出水口"),
        ("样品名称及编号", f"二次供水水样　{data['sample_no']}"), ("样品数量", "2份（每份500mL，一份送检，一份留存）"),
        ("封样情况", "样品经当事人确认后当场封存，封条由采样人和被采样单位签字"),
        ("采样人", [[K(names(sc)), S(f"（执法证号：{'、'.join(o.certificate for o in sc.officers)}）")]]),
        ("被采样单位签字", [[K(sc.party["legal_representative"]), S("　　"), K(ymd(dd["sampled"]))]], 50),
    ], label_w=120)
    w.end()


def doc_test_notice(w: Writer, sc: Scenario):
    data, dd = sc.story.sampling, sc.dates
    w.begin("test_result_notice", sc.template.title("test_result_notice"))
    w.para(f"{sc.party['name']}：", indent=0)
    w.para(f"本机关于{ymd(dd['sampled'])}在你单位采集的二次供水水样（样品编号：{data['sample_no']}），经{sc.district.city}"
           f"{sc.district.name}疾病预防控制中心检验（报告编号：{data['report_no']}），{data['item']}检验结果为{data['value']}，"
           f"不符合国家卫生标准（标准限值：{data['limit']}）。如对检验结果有异议，可以自收到本告知书之日起七日内向本机关书面申请复检。")
    w.agency_block(sc.agency, date_cn(sc, dd["test_notified"]))
    w.line(signed("当事人签收：", sc.party["legal_representative"], ymd(dd["test_notified"]))["parts"])
    w.end()


def doc_investigation_report(w: Writer, sc: Scenario):
    p, dd, st = sc.party, sc.dates, sc.story
    w.begin("investigation_report", sc.template.title("investigation_report"))
    w.fields([("案由：", cause(sc), w.width)])
    if p.get("credit_code"):
        w.fields([("当事人：", party_name(sc, "investigation"), 225), ("统一社会信用代码：", credit(sc, "investigation"), w.width - 225)])
    else:
        w.fields([("当事人：", party_name(sc, "investigation"), 160), ("身份证号码：", id_number(sc, "investigation"), w.width - 160)])
    w.fields([("案件来源：", sc.source, 330), ("立案日期：", ymd(dd["filed"]), w.width - 330)])
    w.fields([("承办人：", sc.officer_names(), 260), ("承办机构：", "卫生监督科", w.width - 260)])
    w.gap(4)
    steps = f"{ymd(dd['inspected'])}，执法人员对当事人进行现场检查，制作了现场笔录"
    steps += "，并当场制作卫生监督意见书责令改正" if st.opinion else ""
    if st.sampling:
        steps += "，现场采集水样送检"
    steps += (f"；{ymd(dd['filed'])}经批准立案；{ymd(dd['interview'])}，执法人员对{sc.interviewee.name}进行了询问，"
              "制作了询问笔录，并依法收集了相关书证。现调查终结。")
    facts = sc.mod("investigation.facts", st.facts)
    on = dd["report"]
    law_text = (f"当事人{st.violation_short}的行为，违反了{cites(sc.setting.violated, on)}的规定，"
                f"依据{cites(sc.setting.basis, on)}的规定，应予处罚。")
    residue = sc.mod("investigation.residue")
    hearing = ("本案拟处罚达到听证标准，应告知当事人有要求听证的权利。" if sc.hearing_right
               else "本案拟处罚未达到较大数额罚款标准，不适用听证程序。")
    advice = f"建议依据{cites(sc.setting.basis, on)}的规定，{order_text(sc)}，并对当事人作出如下行政处罚：{penalty_text(sc, 'notice')}。{hearing}"
    sections = [("一、调查经过", [steps]), ("二、违法事实", [facts]), ("三、证据", evidence_lines(sc)),
                ("四、违法性质及法律适用", [law_text]), ("五、裁量理由", [st.discretion]), ("六、处理意见", [advice])]
    if sc.mod("investigation.no_advice"):
        sections = sections[:4]
    for head, paras in sections:
        w.para(head, indent=0, font="hei")
        for text in paras:
            w.para(text)
    if residue:
        w.para(residue)
    w.gap(6)
    w.line(signed("承办人签名：", names(sc), ymd(dd["report"]))["parts"], align="right")
    w.line([S("承办机构负责人意见："), K("同意承办人意见，提交合议。")])
    w.line(signed("签名：", sc.chief, ymd(dd["report"]))["parts"], align="right")
    w.end()


def doc_panel(w: Writer, sc: Scenario):
    dd, o = sc.dates, sc.officers
    t0, t1 = sc.times["panel"]
    members = [sc.chief, o[0].name, o[1].name, sc.panel_extra]
    w.begin("panel_discussion", sc.template.title("panel_discussion"))
    w.fields([("案由：", cause(sc), w.width)])
    w.fields([("合议时间：", f"{ymd(dd['panel'])}{t0}至{t1}", 300), ("合议地点：", "本机关会议室", w.width - 300)])
    if sc.mod("panel.no_host"):
        w.fields([("参加人员：", "、".join(members), w.width)])
    else:
        w.fields([("主持人：", sc.chief, 150), ("参加人员：", "、".join(members), 250), ("记录人：", o[1].name, w.width - 400)])
    w.gap(4)
    on = dd["panel"]
    w.para("回避情况：主持人询问参加合议人员是否与本案有利害关系，参加人员均表示无应当回避的情形。", indent=0)
    w.para(f"案情介绍：承办人{o[0].name}介绍了案件来源、调查经过、违法事实和证据，以及承办人的处理意见。", indent=0)
    w.para("合议意见：", indent=0)
    w.para(f"{sc.chief}：本案执法主体合法，承办人员均持有执法证件；当事人主体认定准确。")
    w.para(f"{o[0].name}：违法事实清楚，现场笔录、询问笔录和书证相互印证，证据确凿。")
    w.para(f"{o[1].name}：当事人行为违反{cites(sc.setting.violated, on)}的规定，适用{cites(sc.setting.basis, on)}正确；立案、调查程序合法。")
    w.para(f"{sc.panel_extra}：{sc.story.discretion}拟处罚意见在法定幅度内，裁量适当。")
    conclusion = sc.mod("panel.penalty_text", penalty_text(sc, "notice"))
    if not sc.mod("panel.no_host"):
        w.para(f"合议结论：经合议，参加人员一致同意承办人意见，拟依据{cites(sc.setting.basis, on)}的规定，对当事人作出{conclusion}"
               "的行政处罚。报法制审核。", indent=0)
    w.para("（以下空白）", indent=0)
    w.gap(8)
    w.line([S("参加合议人员签名："), K("　".join(members))])
    w.line(signed("记录人签名：", o[1].name, ymd(dd["panel"]), "left")["parts"])
    w.end()


def doc_legal_review(w: Writer, sc: Scenario):
    dd, rv, p = sc.dates, sc.reviewer, sc.party
    date = ymd(dd["legal_review"])
    on = dd["legal_review"]
    items = ["执法主体合法", "执法人员具备执法资格", "案件事实清楚", "证据合法、确凿、充分", "定性准确、适用法律正确",
             "程序合法", "行政裁量适当", "执法文书规范"]
    checks = [[S(f"■{a}"), S("　" * (12 - len(a))), S(f"■{b}")] for a, b in zip(items[::2], items[1::2], strict=True)]
    opinion = (f"经审核，本案执法主体合法，执法人员具备执法资格；当事人{sc.story.violation_short}的事实清楚，证据确凿；"
               f"违反{cites(sc.setting.violated, on)}的规定，依据{cites(sc.setting.basis, on)}予以处罚，适用法律正确；"
               "立案、调查程序合法；拟处罚种类和幅度在法定范围内，裁量适当。同意承办机构的处理意见。")
    reviewer = {"parts": [S("审核人："), K(rv["name"]), S(f"（法律职业资格证书编号：{rv['qualification']}）")], "align": "right"}
    w.begin("legal_review", sc.template.title("legal_review"))
    ident = f"统一社会信用代码：{p['credit_code']}" if p.get("credit_code") else f"身份证号码：{p['id_number']}"
    w.form([
        ("案由", cause(sc)), ("当事人", f"{p['name']}（{ident}）"), ("承办机构", f"卫生监督科　承办人：{sc.officer_names()}"),
        ("拟处理意见", f"依据{cites(sc.setting.basis, on)}的规定，给予{penalty_text(sc, 'notice')}的行政处罚。"),
        ("审核内容", checks),
        ("审核意见", [opinion, reviewer, {"parts": [K(date)], "align": "right"}], 130),
        ("法制机构负责人意见", ["同意审核意见。", signed("签名：", rv["head"], date)], 60),
    ], label_w=110)
    w.end()


def doc_collective(w: Writer, sc: Scenario):
    dd, o = sc.dates, sc.officers
    t0, t1 = sc.times["collective"]
    on = dd["collective"]
    members = [sc.head, sc.deputy, sc.chief, sc.reviewer["head"]]
    w.begin("collective_discussion", sc.template.title("collective_discussion"))
    w.fields([("案由：", cause(sc), w.width)])
    w.fields([("讨论时间：", f"{ymd(on)}{t0}至{t1}", 300), ("地点：", "本机关党组会议室", w.width - 300)])
    w.fields([("主持人：", f"{sc.head}（局长）", 200), ("记录人：", o[1].name, w.width - 200)])
    w.fields([("出席人员：", f"{sc.head}（局长）、{sc.deputy}（副局长）、{sc.reviewer['head']}（法制机构负责人）", w.width)])
    w.fields([("列席人员：", f"{sc.chief}（卫生监督科科长）、{o[0].name}（承办人）", w.width)])
    w.gap(4)
    w.para(f"承办人{o[0].name}汇报案件调查情况、证据、法律适用、裁量理由及处理意见；法制机构汇报法制审核意见。", indent=0)
    w.para("讨论意见：", indent=0)
    w.para(f"{sc.deputy}：案件事实清楚，证据充分，同意承办人意见。")
    w.para(f"{sc.reviewer['head']}：法律适用正确，程序合法，拟处罚在法定幅度内。")
    w.para(f"{sc.head}：同意。")
    w.para(f"讨论决定：依据{cites(sc.setting.basis, on)}的规定，对当事人作出{penalty_text(sc, 'notice')}的行政处罚，"
           "依法告知当事人拟作出行政处罚的内容及陈述、申辩" + ("、要求听证" if sc.hearing_right else "") + "的权利。", indent=0)
    w.gap(8)
    w.line([S("出席人员签名："), K("　".join(members[:2] + [members[3]]))])
    w.line(signed("记录人签名：", o[1].name, ymd(on), "left")["parts"])
    w.end()


def doc_advance_notice(w: Writer, sc: Scenario):
    dd, st = sc.dates, sc.story
    on = dd["notice_issued"]
    ydw = you(sc)
    w.begin("advance_notice", sc.template.title("advance_notice"), docno=sc.notice_number)
    w.para(f"{party_name(sc, 'notice')}：", indent=0)
    if sc.mod("notice.credit_code"):
        w.para(f"（统一社会信用代码：{sc.mod('notice.credit_code')}）", indent=0)
    w.para(f"经查，{st.facts}")
    evidence = "、".join(re.sub(r"\d+[份张]$", "", n) for n, _ in st.evidence)
    w.para(f"以上事实有{evidence}等证据为证。")
    v_text = sc.mod("notice.violated_text") or cites(sc.setting.violated, on)
    b_text = sc.mod("notice.basis_text") or cites(sc.setting.basis, on)
    w.para(f"{ydw}的上述行为违反了{v_text}的规定。依据{b_text}的规定，本机关拟对{ydw}作出如下行政处罚：")
    w.para(f"{penalty_text(sc, 'notice')}。")
    days = sc.template.profile.defence_days
    cn_days = {3: "三", 5: "五"}[days]
    if not sc.mod("notice.no_rights"):
        w.para(f"根据《中华人民共和国行政处罚法》{rights_articles(sc, 'notice_pair')}的规定，{ydw}享有陈述、申辩的权利。"
               f"如需陈述、申辩，请于收到本告知书之日起{cn_days}个工作日内向本机关提出；逾期未提出的，视为放弃上述权利。")
    if sc.hearing_right and not sc.template.hearing_separate and not sc.mod("notice.no_hearing"):
        hd = {5: "五", 3: "三"}[law.hearing_request_days(on)]
        w.para(f"根据《中华人民共和国行政处罚法》{rights_articles(sc, 'hearing')}的规定，{ydw}有要求听证的权利。"
               f"如要求听证，应当在收到本告知书之日起{hd}个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。")
    if sc.mod("notice.residue"):
        w.para(sc.mod("notice.residue"))
    w.para(f"联系人：{sc.officer_names()}　　联系电话：{sc.district.phone_area}-{87000000 + int(sc.district.code[-3:]) * 11}")
    w.para(f"联系地址：{sc.district.city}{sc.district.name}{sc.district.agency_road}")
    w.agency_block(sc.agency, date_cn(sc, on))
    w.end()


def doc_hearing_notice(w: Writer, sc: Scenario):
    dd = sc.dates
    on = dd["notice_issued"]
    ydw = you(sc)
    w.begin("hearing_notice", sc.template.title("hearing_notice"), docno=sc.hearing_number)
    w.para(f"{party_name(sc, 'hearing_notice')}：", indent=0)
    hd = {5: "五", 3: "三"}[law.hearing_request_days(on)]
    w.para(f"本机关拟对{ydw}作出{penalty_text(sc, 'notice')}的行政处罚（详见{sc.notice_number}《行政处罚事先告知书》）。"
           f"根据《中华人民共和国行政处罚法》{rights_articles(sc, 'hearing')}的规定，{ydw}有要求听证的权利。"
           f"如要求听证，应当在收到本告知书之日起{hd}个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。")
    w.agency_block(sc.agency, date_cn(sc, on))
    w.end()


def doc_hearing_summons(w: Writer, sc: Scenario):
    dd = sc.dates
    t0, _ = sc.times["hearing"]
    w.begin("hearing_summons", sc.template.title("hearing_summons"),
            docno=(sc.hearing_number or sc.notice_number).replace("听告", "听通").replace("罚告", "听通"))
    w.para(f"{sc.party['name']}：", indent=0)
    w.para(f"根据{you(sc)}的申请，本机关决定于{ymd(dd['hearing'])}{t0}在本机关听证室就{cause(sc)}举行听证。"
           f"本次听证由{sc.panel_extra}担任主持人，{sc.reviewer['name']}担任记录员。{you(sc)}可以亲自参加听证，也可以委托一至二人代理；"
           "无正当理由不出席听证的，视为放弃听证权利。如申请主持人回避，请于听证前提出。")
    w.agency_block(sc.agency, date_cn(sc, dd["hearing_summons_served"]))
    w.end()


def doc_hearing_record(w: Writer, sc: Scenario):
    dd, p = sc.dates, sc.party
    t0, t1 = sc.times["hearing"]
    signer = p["legal_representative"] or p["name"]
    begin_record(w, sc, "hearing_record", "当事人签名：", signer, "hearing")
    w.fields([("案由：", cause(sc), w.width)])
    w.fields([("听证时间：", f"{ymd(dd['hearing'])}{t0}至{t1}", 300), ("地点：", "本机关听证室", w.width - 300)])
    w.fields([("主持人：", sc.panel_extra, 150), ("记录员：", sc.reviewer["name"], 150), ("当事人：", signer, w.width - 300)])
    w.fields([("案件调查人员：", sc.officer_names(), w.width)])
    w.gap(4)
    w.para("主持人宣布听证纪律，核对当事人身份，告知当事人有申请主持人回避的权利，当事人表示不申请回避。", indent=0, font=rec_font(sc))
    w.para(f"调查人员{sc.officers[0].name}陈述当事人违法的事实、证据和行政处罚建议。", indent=0, font=rec_font(sc))
    w.para(f"当事人陈述：{sc.story.defence or '对事实无异议，请求从轻处罚。'}", indent=0, font=rec_font(sc))
    w.para("质证：当事人对调查人员出示的证据的真实性无异议。", indent=0, font=rec_font(sc))
    w.para("最后陈述：请求从轻处罚。", indent=0, font=rec_font(sc))
    w.para("（以下空白）", indent=0)
    w.gap(6)
    w.line([S("当事人意见："), K("以上笔录已核对，记录属实。")])
    w.line(signed("当事人签名：", signer, ymd(dd["hearing"]))["parts"], align="right")
    w.end()


def doc_hearing_report(w: Writer, sc: Scenario):
    dd = sc.dates
    on = dd["hearing"]
    w.begin("hearing_report", sc.template.title("hearing_report"))
    w.form([
        ("案由", cause(sc)), ("听证时间", ymd(on)), ("主持人", sc.panel_extra),
        ("听证基本情况", f"当事人对违法事实无异议，请求从轻处罚。{sc.story.defence_accepted}", 80),
        ("主持人意见", [f"本案事实清楚，证据确凿，适用法律正确，建议维持拟作出的{penalty_text(sc, 'notice')}的行政处罚。",
                        signed("主持人：", sc.panel_extra, ymd(on))], 90),
    ], label_w=110)
    w.end()


def doc_receipt(w: Writer, sc: Scenario, key: str, doc_name: str, doc_number: str, date: dt.date, time: str):
    p, tpl = sc.party, sc.template
    number = sc.mod(f"receipt.{key}.number", doc_number)
    unsigned = sc.mod(f"receipt.{key}.unsigned")
    blank = sc.mod(f"receipt.{key}.blank")
    recipient = p["legal_representative"] or p["name"]
    w.begin("service_receipt", tpl.title("service_receipt"), index_title=f"送达回执（{doc_name}）")
    chosen = sc.mod(f"receipt.{key}.method", "直接送达")
    if tpl.receipt_methods == "boxes":
        method = "　".join(("■" if m == chosen else "□") + m for m in ("直接送达", "留置送达", "委托送达", "邮寄送达",
                                                                        "电子送达", "公告送达"))
    else:
        method = chosen
    if chosen == "电子送达":
        method += "（电子邮箱）"
    unsigned = unsigned or chosen in ("留置送达", "电子送达")
    sign_line = [] if unsigned else [[K(recipient), S(f"（{'负责人' if p['type'] == 'organisation' else '本人'}）")]]
    rows = [
        ("送达文书名称及文号", f"《{doc_name}》（{number}）", 46),
        ("受送达人", p["name"], 36),
        ("送达地点", p["address"], 36),
        ("送达方式", method, 36),
        ("收件人签名", sign_line + [{"parts": [K(f"{ymd(date)}{time}")], "align": "right"}], 70),
        ("代收人及代收理由", "" if blank else "\\", 44),
        ("送达人签名", [[K(names(sc))], {"parts": [K(ymd(date))], "align": "right"}], 60),
        ("见证人", "" if blank else "\\", 36),
        ("备注", sc.mod(f"receipt.{key}.note", "\\"), 50),
    ]
    if tpl.key == "sichuan":
        rows = [rows[0], rows[1], rows[3], rows[2], rows[4], rows[6], rows[5], rows[7], rows[8]]
    w.form(rows, label_w=130)
    w.end()


def doc_defence(w: Writer, sc: Scenario):
    p, dd, st = sc.party, sc.dates, sc.story
    signer = p["legal_representative"] or p["name"]
    t0, t1 = sc.times["defence"]
    begin_record(w, sc, "defence_record", "陈述申辩人签名：", signer, "defence")
    w.fields([("案由：", cause(sc), w.width)])
    w.fields([("时间：", f"{ymd(dd['defence'])}{t0}至{t1}", 270), ("地点：", f"{sc.agency}询问室", w.width - 270)])
    w.fields([("陈述申辩人：", signer, 200), ("身份：", sc.interviewee_role if p["type"] != "individual" else "当事人", w.width - 200)])
    w.fields([("执法人员：", officers_with_certs(sc), 360), ("记录人：", sc.officers[-1].name, w.width - 360)])
    w.gap(4)
    w.para(f"执法人员出示执法证件后告知：本机关已于{ymd(dd['notice_served'])}向{you(sc)}送达{sc.notice_number}《行政处罚事先告知书》，"
           f"{you(sc)}可以就告知书认定的事实、理由、依据及拟作出的行政处罚进行陈述和申辩。", indent=0)
    if sc.defence_mode == "waived":
        w.para(f"陈述申辩内容：已收到{sc.notice_number}《行政处罚事先告知书》，对告知书认定的违法事实、理由、依据及拟作出的行政处罚"
               "没有异议，放弃陈述和申辩的权利" + ("及要求听证的权利" if sc.hearing_right else "") + "。", indent=0, font=rec_font(sc))
    else:
        hearing = ""
        if sc.hearing_right:
            hearing = "我方要求举行听证。" if sc.mod("defence.hearing_request") else "本人不要求听证。"
        w.para(f"陈述申辩内容：{st.defence}{hearing}", indent=0, font=rec_font(sc))
    w.para("（以下空白）", indent=0)
    w.gap(6)
    w.line([S("陈述申辩人意见："), K("以上笔录我已看过，与我所说相符。")])
    w.line(signed("签名：", signer, ymd(dd["defence"]))["parts"], align="right")
    if sc.defence_mode == "raised" and dd.get("recheck") and not sc.mod("defence.no_recheck"):
        w.gap(8)
        w.c.setLineWidth(0.5)
        w.c.line(w.LM, w.y, w.right, w.y)
        w.gap(6)
        w.para(f"复核意见：经复核，{st.defence_accepted}维持原拟处罚意见。", indent=0)
        w.line(signed("复核人：", names(sc), ymd(dd["recheck"]))["parts"], align="right")
    w.end()


def _defence_summary(sc: Scenario) -> str:
    dd = sc.dates
    if sc.hearing_held:
        return f"当事人申请听证，本机关于{ymd(dd['hearing'])}举行听证，当事人对违法事实无异议，听证主持人建议维持拟处罚意见。"
    if sc.defence_mode == "waived":
        return f"当事人于{ymd(dd['defence'])}书面表示放弃陈述、申辩" + ("和听证" if sc.hearing_right else "") + "权利。"
    if sc.defence_mode == "raised":
        if sc.mod("defence.no_recheck"):
            return f"当事人于{ymd(dd['defence'])}提出陈述申辩。"
        return f"当事人于{ymd(dd['defence'])}提出陈述申辩，经复核，{sc.story.defence_accepted}"
    return "当事人在规定期限内未提出陈述、申辩" + ("，也未要求听证" if sc.hearing_right else "") + "。"


def doc_decision_approval(w: Writer, sc: Scenario):
    p, dd = sc.party, sc.dates
    date = date_text(sc, "approval", "approval")
    _approval_title(w, sc, "decision_approval")
    notice = f"{ymd(dd['notice_issued'])}作出{sc.notice_number}《行政处罚事先告知书》，{ymd(dd['notice_served'])}直接送达。"
    ident = f"统一社会信用代码：{p['credit_code']}" if p.get("credit_code") else f"身份证号码：{p['id_number']}"
    rows = [
        ("案由", cause(sc)),
        ("当事人", [f"{party_name(sc, 'approval')}　{ident}", f"{addr_label(sc)}：{p['address']}"]),
        ("违法事实", sc.story.facts),
        ("告知及陈述申辩情况", notice + _defence_summary(sc)),
        ("违反条款", violated_text(sc, "approval")),
        ("处罚依据", basis_text(sc, "approval")),
        ("承办人意见", [f"建议{order_text(sc)}，并给予{penalty_text(sc, 'decision')}的行政处罚。", signed("承办人：", names(sc), date)]),
        ("承办机构审核意见", ["同意承办人意见。", signed("签名：", sc.chief, date)]),
    ]
    if "legal_review" not in sc.omit:
        rows.append(("法制审核意见", [f"已于{ymd(dd['legal_review'])}审核通过。", signed("签名：", sc.reviewer["name"], date)]))
    if sc.mod("approval.no_head"):
        rows.append(("负责人审批意见", "", 60))
    else:
        rows.append(("负责人审批意见", ["同意。", signed("签名：", sc.head, date)], 60))
    w.form(rows)
    w.end()


def doc_decision(w: Writer, sc: Scenario):
    dd, st = sc.dates, sc.story
    ydw = you(sc)
    agency = sc.mod("decision.agency", sc.agency)
    number = sc.mod("decision.number", sc.case_number)
    w.style = _with_agency(w.style, agency)
    w.begin("decision", sc.template.title("decision"), docno=number)
    party_block(w, sc, "decision")
    if sc.complaint:
        w.para(f"{ymd(dd['accepted'])}，本机关接到{sc.complaint['channel']}的投诉举报，反映{ydw}存在违法行为。"
               f"本机关于{ymd(dd['inspected'])}进行现场检查，于{ymd(dd['filed'])}立案调查。经查明：")
    else:
        w.para(f"本机关于{ymd(dd['inspected'])}对{ydw}进行监督检查，发现{ydw}涉嫌违法，于{ymd(dd['filed'])}立案调查。经查明：")
    w.para(sc.mod("decision.facts", st.facts))
    w.para("上述事实有以下证据证明：")
    for line in evidence_lines(sc):
        w.para(line)
    notice = (f"本机关于{ymd(dd['notice_issued'])}作出{sc.notice_number}《行政处罚事先告知书》，并于{ymd(dd['notice_served'])}送达{ydw}，"
              f"告知{ydw}拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩" + ("、要求听证" if sc.hearing_right else "")
              + "的权利。")
    w.para(notice + _defence_summary(sc).replace("当事人", ydw))
    violated = "" if sc.mod("decision.no_violated") else f"违反了{violated_text(sc, 'decision')}的规定。"
    discretion = "" if sc.mod("decision.no_discretion") else st.discretion
    w.para(f"本机关认为，{ydw}{st.violation_short}的行为，{violated}{discretion}")
    basis = "" if sc.mod("decision.no_basis") else f"依据{basis_text(sc, 'decision')}的规定，"
    order = "" if sc.mod("decision.no_order") else f"{order_text(sc, ydw)}，并"
    w.para(f"{basis}本机关{order}决定对{ydw}作出如下行政处罚：")
    w.para(penalty_text(sc, "decision", sc.mod("decision.fine_text")) + "。")
    if fine_of(sc, "decision") or any(p["kind"] == "没收违法所得" for p in penalty_list(sc, "decision")):
        pay_days = sc.mod("decision.payment_days", "十五日")
        w.para(f"请{ydw}自收到本决定书之日起{pay_days}内，持本决定书到{sc.district.city}各代收银行营业网点或者通过统一公共支付平台缴纳罚没款。"
               f"到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》{rights_articles(sc, 'surcharge')}的规定，"
               "每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。")
    if not sc.mod("decision.no_remedy"):
        w.para(review_sentence(sc))
    w.agency_block(agency, date_cn(sc, dd["decided"]), seal=not sc.mod("decision.no_seal"))
    w.para("（本决定书一式三份，一份送达当事人，一份归档，一份交执行机构。）", size=10.5, indent=0)
    w.end()
    w.style = _with_agency(w.style, sc.agency)


def _with_agency(style, agency):
    from dataclasses import replace

    return replace(style, agency_name=agency)


def doc_payment(w: Writer, sc: Scenario):
    p, dd = sc.party, sc.dates
    fine = sc.mod("payment.fine", sc.fine or 0)
    income = sc.income or 0
    total = fine + income
    w.begin("payment_receipt", sc.template.payment_title, agency=False, title_size=18,
            index_title="罚没款缴款书")
    w.text(w.LM, w.y - 4, f"填制日期：{ymd(dd['paid'])}", size=10.5)
    w.text(w.right, w.y - 4, sc.payment_no, size=10.5, color=RED, align="right")
    w.gap(16)
    half, lab, ww = w.width / 2, 26, w.width

    def cell(width, *lines, align="left", min_h=0, valign="top"):
        return {"w": width, "lines": list(lines), "align": align, "min_h": min_h, "valign": valign}

    payee = [f"全称：{sc.district.finance}非税收入汇缴结算户", f"执收单位：{sc.agency}", "执收单位编码：\\"]
    rows = [
        [cell(lab, "缴", "款", "人", align="center", valign="middle"),
         cell(half - lab, f"全称：{p['name']}", "账号：\\", "开户银行：\\"),
         cell(lab, "收", "款", "人", align="center", valign="middle"), cell(half - lab, *payee)],
        [cell(150, "项目编码", align="center"), cell(170, "收入项目名称", align="center"),
         cell(ww - 320, "金额（元）", align="center")],
    ]
    if fine:
        rows.append([cell(150, "103050199", align="center"), cell(170, "一般罚没收入", align="center"),
                     cell(ww - 320, f"{fine:,.2f}", align="center")])
    if income:
        rows.append([cell(150, "103050101", align="center"), cell(170, "没收违法所得", align="center"),
                     cell(ww - 320, f"{income:,.2f}", align="center")])
    number = sc.mod("receipt.payment.number", sc.case_number)
    rows += [
        [cell(150, "金额合计（大写）", align="center"), cell(ww - 150, f"人民币{rmb_upper(total)}　　（小写）¥{total:,.2f}")],
        [cell(150, "备注", align="center", valign="middle"),
         cell(ww - 150, f"行政处罚决定书文号：{number}",
              f"缴款人{'统一社会信用代码' if p.get('credit_code') else '身份证号码'}：{p.get('credit_code') or p['id_number']}",
              min_h=50)],
        [cell(half, "执收单位（盖章）", "", "经办人：\\", min_h=80),
         cell(ww - half, "收款银行（盖章）", "", f"收款日期：{ymd(dd['paid'])}", min_h=80)],
    ]
    w.table(rows)
    w.stamp(w.LM + half + 100, w.y + 20, ("代收银行", f"{sc.district.city}分行营业部", f"{dd['paid']:%Y.%m.%d} 转讫"))
    w.gap(10)
    w.para("第一联　收据（缴款人作收款凭证）", size=10.5, indent=0)
    w.end()


def doc_closing(w: Writer, sc: Scenario):
    p, dd = sc.party, sc.dates
    date = ymd(dd["closed"])
    _approval_title(w, sc, "closing_report")
    if dd.get("paid"):
        paid = sc.fine or 0
        done = f"当事人于{ymd(dd['paid'])}缴纳罚没款{money(sc, paid + (sc.income or 0))}，有缴款书为证；违法行为已改正。"
    else:
        done = f"行政处罚决定书已于{ymd(dd['decision_served'])}送达当事人，警告处罚已执行完毕；违法行为已改正。"
    w.form([
        ("案由", cause(sc)),
        ("当事人", f"{party_name(sc, 'closing')}" + (f"（{rep_label(sc)}：{p['legal_representative']}）" if p['legal_representative'] else "")),
        ("立案日期", ymd(dd["filed"])),
        ("处罚决定书文号", f"{sc.case_number}（{ymd(dd['decided'])}作出，{ymd(dd['decision_served'])}送达）"),
        ("处罚内容", penalty_text(sc, "decision")),
        ("执行方式", "" if sc.mod("closing.no_execution") else "■自觉履行　□强制执行　□其他"),
        ("执行情况", "" if sc.mod("closing.no_execution") else done, 60),
        ("承办人意见", ["本案处罚决定已执行完毕，建议结案。", signed("承办人：", names(sc), date)], 60),
        ("承办机构意见", ["同意结案。", signed("签名：", sc.chief, date)], 50),
        ("负责人审批意见", ["同意结案。", signed("签名：", sc.head, date)], 50),
    ], label_w=110)
    w.end()


def doc_remarks(w: Writer, sc: Scenario):
    dd, plan = sc.dates, w.plan or []
    n_docs = sum(1 for x in plan if x["type"] not in ("file_index", "file_remarks"))
    n_pages = plan[-1]["pages"][1] if plan else 0
    date = ymd(dd["archived"])
    w.begin("file_remarks", sc.template.title("file_remarks"))
    notes = [f"本卷共有文件材料{n_docs}件，共{n_pages}页（含卷内目录、备考表）。", "卷内材料齐全，按办案程序排列，页码连续。",
             "本案" + ("举行了听证" if sc.hearing_held else "未举行听证") + "，未采取行政强制措施。"]
    signers = [("立卷人", [[K(sc.officers[1].name), S("　　"), K(date)]], 46), ("检查人", [[K(sc.chief), S("　　"), K(date)]], 46)]
    if sc.mod("remarks.no_signers"):
        signers = [("立卷人", "", 46), ("检查人", "", 46)]
    w.form([("本卷情况说明", notes, 220), *signers, ("立卷时间", date, 36)], label_w=110)
    w.end()


# --- simple procedure ------------------------------------------------------------------------


def doc_onsite_decision(w: Writer, sc: Scenario):
    p, dd = sc.party, sc.dates
    on = dd["decided"]
    w.begin("onsite_decision", sc.template.title("onsite_decision"))
    base, spacing = w.base, w.spacing
    w.base, w.spacing = 11.5, 1.62
    w.text(w.right, PAGE_H - 40 - (20 if sc.template.style.page_numbers == "stamp_top_right" else 0), sc.form_serial,
           size=11, color=RED, align="right")
    w.text(w.LM, PAGE_H - 40, "（本联存档）", size=10.5)
    w.text(w.right, w.y - 10, sc.case_number, font="kai", size=13, color=INK, align="right")
    w.gap(24)
    w.fields([("当事人：", party_name(sc, "decision"), w.width)], value_font="kai")
    if p.get("credit_code"):
        w.fields([("统一社会信用代码：", credit(sc, "decision"), 270),
                  ("经营者：" if p["type"] != "organisation" else f"{rep_label(sc)}：", p["legal_representative"], w.width - 270)],
                 value_font="kai")
    if p.get("id_number"):
        w.fields([("身份证号码：", id_number(sc, "decision"), 270), ("联系电话：", p["phone"], w.width - 270)], value_font="kai")
    w.fields([(f"{addr_label(sc)}：", p["address"], w.width)], value_font="kai")
    w.gap(4)
    w.para("违法事实：", indent=0)
    w.para(sc.story.facts, font="kai")
    w.para(f"你（单位）的上述行为违反了{violated_text(sc, 'decision')}的规定。依据{basis_text(sc, 'decision')}的规定，"
           "本机关当场作出如下行政处罚：", indent=0)
    fine = fine_of(sc, "decision")
    if fine:
        w.line([S("■警告　　■罚款人民币"), K(f"　{fine}　"), S("元（大写："), K(rmb_upper(fine)), S("）")])
    else:
        w.line([S("■警告　　□罚款人民币"), K("　\\　"), S("元（大写："), K("　\\　"), S("）")])
    w.para(f"同时责令你（单位）立即改正：{order_text(sc, '你（单位）')}", font="kai", indent=0)
    w.para("罚款缴纳方式：□当场缴纳（依法当场收缴的，由执法人员出具专用票据）　" + ("■" if fine else "□") +
           "自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。",
           size=10.5, indent=0)
    review = law.remedy_text(sc.district, on, simple=True)["review_body"]
    if law.review_first_required(on) and not sc.mod("onsite.no_review_first"):
        w.para(f"当事人对本处罚决定不服的，依照《中华人民共和国行政复议法》第二十三条的规定，应当自收到本决定书之日起六十日内先向"
               f"{review}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。",
               size=10.5, indent=0)
    else:
        w.para(f"当事人对本处罚决定不服的，可以自收到本决定书之日起六十日内向{review}申请行政复议，也可以自收到本决定书之日起"
               f"六个月内依法向{sc.district.court}提起行政诉讼。", size=10.5, indent=0)
    w.fields([("处罚地点：", sc.story.place, w.width)], value_font="kai")
    w.fields([("处罚时间：", f"{ymd(on)}{sc.times['decision']}", w.width)], value_font="kai")
    offs = record_officers(sc, "decision")
    certs = []
    for off in offs:
        certs += [K(off.name), S(f"（执法证号：{off.certificate}）　")]
    w.line([S("执法人员签名：")] + certs)
    signer = p["legal_representative"] or p["name"]
    w.line([S("当事人签收："), K("本决定书已当场收到。"), S("　签名："), K(signer), S("　"), K(ymd(dd["decision_served"]))])
    w.agency_block(sc.agency, ymd(on), seal=not sc.mod("decision.no_seal"))
    w.c.setLineWidth(0.5)
    w.c.setDash(3, 2)
    w.c.line(w.LM, w.y + 6, w.right, w.y + 6)
    w.c.setDash()
    if not sc.mod("onsite.no_record"):
        w.para(f"备案：本决定已于{ymd(dd['recorded'])}报{sc.agency}备案。　备案登记人：{sc.recorder}", size=10.5, indent=0)
    w.base, w.spacing = base, spacing
    w.end()


def sc_title(sc: Scenario, dtype: str) -> str:
    return sc.template.title(dtype)
