"""Closing documents of a hand-made case (payment, closing report, file index and remarks) and
the order of the documents in an ordinary and a simple case."""

from __future__ import annotations

from reportlab.lib.utils import ImageReader

from ..layout import INK, PAGE_H, RED, K, S, signed
from ..util import rmb, rmb_upper, ymd
from .decisions import (
    doc_advance_notice,
    doc_decision,
    doc_decision_approval,
    doc_defence,
    doc_investigation_report,
    doc_legal_review,
    doc_panel,
    doc_receipt,
)
from .records import (
    certificate_copy,
    doc_acceptance,
    doc_filing,
    doc_infusion_log,
    doc_inspection,
    doc_interview,
    doc_licence_copy,
    doc_opinion,
    doc_photos,
    provider_block,
)
from .writer import (
    HandWriter,
    begin_record,
    findings,
    names,
    officers_with_certs,
    penalty_text,
    rect_stamp,
)


def doc_payment(w: HandWriter, c):
    p, dd, fine = c["party"], c["dates"], c["fine"]
    w.begin("payment_receipt", "浙江省政府非税收入一般缴款书", agency=False, title_size=18)
    w.text(w.LM, w.y - 4, f"填制日期：{ymd(dd['paid'])}", size=10.5)
    w.text(
        w.right,
        w.y - 4,
        "No 33" + dd["paid"].replace("-", "")[2:] + "0417",
        size=10.5,
        color=RED,
        align="right",
    )
    w.gap(16)
    half, lab, ww = w.width / 2, 26, w.width
    payee = [
        f"全称：{c['review_body'].replace('人民政府', '财政局')}非税收入汇缴结算户",
        f"执收单位：{c['agency']}",
        "执收单位编码：\\",
    ]

    def cell(width, *lines, align="left", min_h=0, valign="top"):
        return {"w": width, "lines": list(lines), "align": align, "min_h": min_h, "valign": valign}

    rows = [
        [
            cell(lab, "缴", "款", "人", align="center", valign="middle"),
            cell(half - lab, f"全称：{p['name']}", "账号：\\", "开户银行：\\"),
            cell(lab, "收", "款", "人", align="center", valign="middle"),
            cell(half - lab, *payee),
        ],
        [
            cell(150, "项目编码", align="center"),
            cell(170, "收入项目名称", align="center"),
            cell(ww - 320, "金额（元）", align="center"),
        ],
        [
            cell(150, "103050199", align="center"),
            cell(170, "一般罚没收入", align="center"),
            cell(ww - 320, f"{fine:,.2f}", align="center"),
        ],
        [
            cell(150, "金额合计（大写）", align="center"),
            cell(ww - 150, f"人民币{rmb_upper(fine)}　　（小写）¥{fine:,.2f}"),
        ],
        [
            cell(150, "备注", align="center", valign="middle"),
            cell(
                ww - 150,
                f"行政处罚决定书文号：{c['case_number']}",
                f"缴款人统一社会信用代码：{p['credit_code']}",
                min_h=60,
            ),
        ],
        [
            cell(half, "执收单位（盖章）", "", "经办人：\\", min_h=90),
            cell(ww - half, "收款银行（盖章）", "", f"收款日期：{ymd(dd['paid'])}", min_h=90),
        ],
    ]
    w.table(rows)
    w.c.drawImage(
        ImageReader(rect_stamp(tuple(c["bank_stamp"]))),
        w.LM + half + 100,
        w.y + 22,
        120,
        54,
        mask="auto",
    )
    w.gap(10)
    w.para("第一联　收据（缴款人作收款凭证）", size=10.5, indent=0)
    w.end()


def doc_closing(w: HandWriter, c):
    p, dd = c["party"], c["dates"]
    date = ymd(dd["closed"])
    w.begin("closing_report", "结案报告")
    w.form(
        [
            ("案由", c["cause"]),
            ("当事人", f"{p['name']}（法定代表人（负责人）：{p['legal_representative']}）"),
            ("立案日期", ymd(dd["filed"])),
            (
                "处罚决定书文号",
                f"{c['case_number']}（{ymd(dd['decided'])}作出，{ymd(dd['decision_served'])}送达）",
            ),
            ("处罚内容", penalty_text(c)),
            ("执行方式", "■自觉履行　□强制执行　□其他"),
            (
                "执行情况",
                f"当事人于{ymd(dd['paid'])}缴纳罚款{rmb(c['fine'])}，有缴款书为证；违法行为已改正。",
                70,
            ),
            (
                "承办人意见",
                ["本案处罚决定已执行完毕，建议结案。", signed("承办人：", names(c), date)],
                70,
            ),
            ("承办机构意见", ["同意结案。", signed("签名：", c["chief"], date)], 60),
            ("负责人审批意见", ["同意结案。", signed("签名：", c["head"], date)], 60),
        ],
        label_w=110,
    )
    w.end()


INDEX_DATES = {
    "acceptance_record": "accepted",
    "filing_report": "filed",
    "interview_record": "interview",
    "investigation_report": "report",
    "panel_discussion": "panel",
    "legal_review": "legal_review",
    "advance_notice": "notice_issued",
    "defence_record": "defence",
    "decision_approval": "approval",
    "decision": "decided",
    "payment_receipt": "paid",
    "closing_report": "closed",
}


def doc_index(w: HandWriter, c):
    """卷内目录: page ranges come from the planning pass, so they match the PDF."""
    w.begin("file_index", "卷内目录")
    w.fields([("案由：", c["cause"], w.width)], size=11)
    w.fields(
        [("处罚决定书文号：", c["case_number"], 300), ("保管期限：", "永久", w.width - 300)],
        size=11,
    )
    cols = [30, 170, 112, 82, 40, w.width - 434]
    head = ["序号", "文件材料题名", "文号", "日期", "页号", "备注"]
    rows = [[{"w": cw, "lines": [t], "align": "center"} for cw, t in zip(cols, head, strict=True)]]
    receipts = iter(
        [
            (c["notice_number"], c["dates"]["notice_served"]),
            (c["case_number"], c["dates"]["decision_served"]),
        ]
    )
    numbers = {"advance_notice": c["notice_number"], "decision": c["case_number"]}
    docs = [x for x in (w.plan or []) if x["type"] not in ("file_index", "file_remarks")]
    for n, doc in enumerate(docs, 1):
        title, date = (
            doc.get("index_title", doc["title"]),
            c["dates"].get(INDEX_DATES.get(doc["type"], "inspected")),
        )
        if doc["type"] == "service_receipt":
            num, date = next(receipts)
            title = f"送达回执（{num}）"
        first, last = doc["pages"]
        values = [
            str(n),
            title,
            numbers.get(doc["type"], "\\"),
            ymd(date),
            str(first) if first == last else f"{first}-{last}",
            "",
        ]
        rows.append(
            [
                {"w": cw, "lines": [v], "align": "left" if i == 1 else "center"}
                for i, (cw, v) in enumerate(zip(cols, values, strict=True))
            ]
        )
    w.table(rows, size=10)
    w.end()


def doc_remarks(w: HandWriter, c):
    dd, plan = c["dates"], w.plan or []
    n_docs = sum(1 for x in plan if x["type"] not in ("file_index", "file_remarks"))
    n_pages = plan[-1]["pages"][1] if plan else 0
    date = ymd(dd["archived"])
    w.begin("file_remarks", "卷内备考表")
    notes = [
        f"本卷共有文件材料{n_docs}件，共{n_pages}页（含卷内目录、卷内备考表）。",
        "卷内材料齐全，按办案程序排列，页码连续。",
        "本案未举行听证，未采取证据先行登记保存及行政强制措施。",
    ]
    w.form(
        [
            ("本卷情况说明", notes, 260),
            ("立卷人", [[K(c["officers"][1]["name"]), S("　　"), K(date)]], 50),
            ("检查人", [[K(c["chief"]), S("　　"), K(date)]], 50),
            ("立卷时间", date, 40),
        ],
        label_w=110,
    )
    w.end()


EVIDENCE = {
    "licence": (doc_licence_copy, "证据材料：《医疗机构执业许可证》（副本）复印件"),
    "infusion_log": (doc_infusion_log, "证据材料：《输液登记本》复印件"),
    "photos": (doc_photos, "证据材料：现场照片"),
}


def build_ordinary(w: HandWriter, c):
    dd, t = c["dates"], c["times"]
    doc_index(w, c)
    if c.get("acceptance"):
        doc_acceptance(w, c)
    doc_filing(w, c)
    doc_inspection(w, c)
    if c.get("opinion"):
        doc_opinion(w, c)
    doc_interview(w, c)
    for key in c["evidence_pages"]:
        builder, index_title = EVIDENCE[key]
        builder(w, c)
        w.docs[-1]["index_title"] = index_title
    doc_investigation_report(w, c)
    doc_panel(w, c)
    doc_legal_review(w, c)
    doc_advance_notice(w, c)
    doc_receipt(
        w, c, "行政处罚事先告知书", c["notice_number"], dd["notice_served"], t["notice_served"]
    )
    doc_defence(w, c)
    doc_decision_approval(w, c)
    doc_decision(w, c)
    doc_receipt(
        w, c, "行政处罚决定书", c["case_number"], dd["decision_served"], t["decision_served"]
    )
    doc_payment(w, c)
    doc_closing(w, c)
    doc_remarks(w, c)


def build_simple(w: HandWriter, c):
    """Pre-printed, numbered 当场行政处罚决定书 (fill-ins by hand), 现场笔录, licence copy."""
    p, dd, o = c["party"], c["dates"], c["officers"]
    w.begin("onsite_decision", "当场行政处罚决定书")
    w.base, w.spacing = 11.5, 1.62  # the printed form is denser than typed documents
    w.text(w.right, PAGE_H - 40, c["form_serial"], size=11, color=RED, align="right")
    w.text(w.LM, PAGE_H - 40, "（本联存档）", size=10.5)
    w.text(w.right, w.y - 10, c["case_number"], font="kai", size=13, color=INK, align="right")
    w.gap(24)
    w.fields([("当事人：", p["name"], w.width)], value_font="kai")
    w.fields(
        [
            ("统一社会信用代码：", p["credit_code"], 260),
            ("经营者：", p["legal_representative"], w.width - 260),
        ],
        value_font="kai",
    )
    w.fields(
        [("身份证号码：", p["id_number"], 260), ("联系电话：", p["phone"], w.width - 260)],
        value_font="kai",
    )
    w.fields([("地址：", p["address"], w.width)], value_font="kai")
    w.gap(4)
    w.para("违法事实：", indent=0)
    w.para(c["facts"], font="kai", color=INK)
    w.para(
        f"你（单位）的上述行为违反了{c['violated_text']}的规定。依据{c['basis_text']}的规定，本机关当场作出如下行政处罚：",
        indent=0,
    )
    w.line([S("■警告　　□罚款人民币"), K("　\\　"), S("元（大写："), K("　\\　"), S("）")])
    w.para(f"同时责令你（单位）立即改正：{c['correction']}", font="kai", color=INK, indent=0)
    w.para(
        "罚款缴纳方式：□当场缴纳（依法当场收缴的，由执法人员出具专用票据）　□自收到本决定书之日起十五日内到指定银行或者"
        "通过电子支付系统缴纳。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。",
        size=10.5,
        indent=0,
    )
    w.para(
        f"当事人对本处罚决定不服的，依照《中华人民共和国行政复议法》第二十三条的规定，应当自收到本决定书之日起六十日内先向"
        f"{c['review_body']}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。",
        size=10.5,
        indent=0,
    )
    w.fields([("处罚地点：", c["place"], w.width)], value_font="kai")
    w.fields(
        [("处罚时间：", f"{ymd(dd['decided'])}{c['times']['decision']}", w.width)], value_font="kai"
    )
    certs = [S("执法人员签名："), K(o[0]["name"]), S(f"（执法证号：{o[0]['certificate']}）　")]
    w.line(certs + [K(o[1]["name"]), S(f"（执法证号：{o[1]['certificate']}）")])
    receipt = [
        S("当事人签收："),
        K("本决定书已当场收到。"),
        S("　签名："),
        K(p["legal_representative"]),
    ]
    w.line(receipt + [S("　"), K(ymd(dd["decision_served"]))])
    w.agency_block(ymd(dd["decided"]))
    w.c.setLineWidth(0.5)
    w.c.setDash(3, 2)
    w.c.line(w.LM, w.y + 6, w.right, w.y + 6)
    w.c.setDash()
    w.para(
        f"备案：本决定已于{ymd(dd['recorded'])}报{c['agency']}备案。　备案登记人：{c['recorder']}",
        size=10.5,
        indent=0,
    )
    w.base, w.spacing = 12.0, 1.8
    w.end()

    t0, t1 = c["times"]["inspection"]
    begin_record(w, c, "inspection_record", "现场笔录", "被检查人签名：", p["legal_representative"])
    w.fields(
        [("被检查人：", p["name"], 300), ("经营者：", p["legal_representative"], w.width - 300)]
    )
    w.fields([("地址：", p["address"], 300), ("联系电话：", p["phone"], w.width - 300)])
    w.fields([("检查时间：", f"{ymd(dd['inspected'])}{t0}至{t1}", w.width)])
    w.fields([("检查地点：", c["inspection"]["place"], w.width)])
    w.fields(
        [("执法人员：", officers_with_certs(c), 360), ("记录人：", c["recorder"], w.width - 360)]
    )
    w.gap(4)
    w.para(
        "执法人员向被检查人出示了执法证件，说明了检查事由，告知其有陈述、申辩和申请回避的权利，被检查人表示不申请回避。现场检查情况如下："
    )
    findings(w, c["inspection"]["findings"])
    w.gap(6)
    w.line([S("被检查人意见："), K("以上情况属实。")])
    w.line(
        signed("被检查人签名：", p["legal_representative"], ymd(dd["inspected"]))["parts"],
        align="right",
    )
    w.end()

    bl = c["business_licence"]
    w.begin("evidence", "证据材料", title_size=18)
    w.para("证据名称：营业执照（副本）复印件　　证据来源：当事人提供", indent=0, size=11)
    rows = [
        ("统一社会信用代码", p["credit_code"]),
        ("名　　称", p["name"]),
        ("类　　型", bl["kind"]),
        ("经 营 者", p["legal_representative"]),
        ("经营场所", p["address"]),
        ("组成形式", bl["form"]),
        ("经营范围", bl["scope"]),
        ("注册日期", bl["registered"]),
    ]
    certificate_copy(w, "营 业 执 照", rows, bl["registrar"], None, label_w=120, height=330)
    provider_block(w, c, seal=False)
    w.end()
