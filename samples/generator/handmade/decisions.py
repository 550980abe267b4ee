"""Documents from the investigation report to the decision of a hand-made case: report, panel,
legal review, advance notice, service receipts, defence record, approval and decision."""

from __future__ import annotations

import re

from ..layout import K, S, signed
from ..util import ymd, ymd_upper
from .writer import (
    HandWriter,
    begin_record,
    defect_value,
    evidence_lines,
    names,
    names_list,
    officers_with_certs,
    order_text,
    penalty_text,
)


def doc_investigation_report(w: HandWriter, c):
    p, dd = c["party"], c["dates"]
    w.begin("investigation_report", "案件调查终结报告")
    w.fields([("案由：", c["cause"], w.width)])
    w.fields(
        [("当事人：", p["name"], 225), ("统一社会信用代码：", p["credit_code"], w.width - 225)]
    )
    w.fields(
        [
            ("法定代表人（负责人）：", p["legal_representative"], 200),
            ("地址：", p["address"], w.width - 200),
        ]
    )
    w.fields([("案件来源：", c["source"], 330), ("立案日期：", ymd(dd["filed"]), w.width - 330)])
    w.fields([("承办人：", names_list(c), 260), ("承办机构：", c["section"], w.width - 260)])
    w.gap(4)
    steps = f"{ymd(dd['inspected'])}，执法人员对当事人进行现场检查，制作了现场笔录"
    steps += "，并当场制作卫生监督意见书责令改正" if c.get("opinion") else ""
    steps += (
        f"；{ymd(dd['filed'])}经批准立案；{ymd(dd['interview'])}，执法人员对当事人负责人{p['legal_representative']}"
        "进行了询问，制作了询问笔录，并依法收集了相关书证。现调查终结。"
    )
    law = (
        f"当事人{c['violation_short']}的行为，违反了{c['violated_text']}“{c['violated_quote']}”的规定，"
        f"依据{c['basis_text']}的规定，应予处罚。"
    )
    advice = (
        f"建议依据{c['basis_text']}的规定，{order_text(c)}，并对当事人作出如下行政处罚：{penalty_text(c)}。"
        "本案拟罚款数额未达到较大数额标准，不适用听证程序。"
    )
    sections = [
        ("一、调查经过", [steps]),
        ("二、违法事实", [c["facts"]]),
        ("三、证据", evidence_lines(c)),
        ("四、违法性质及法律适用", [law]),
        ("五、裁量理由", [c["discretion"]]),
        ("六、处理意见", [advice]),
    ]
    for head, paras in sections:
        w.para(head, indent=0, font="hei")
        for text in paras:
            w.para(text)
    w.gap(6)
    w.line(signed("承办人签名：", names(c), ymd(dd["report"]))["parts"], align="right")
    w.gap(6)
    w.line([S("承办机构负责人意见："), K("同意承办人意见，提交合议。")])
    w.line(signed("签名：", c["chief"], ymd(dd["report"]))["parts"], align="right")
    w.end()


def doc_panel(w: HandWriter, c):
    dd, o = c["dates"], c["officers"]
    t0, t1 = c["times"]["panel"]
    members = [c["chief"], o[0]["name"], o[1]["name"], c["panel_extra"]]
    w.begin("panel_discussion", "合议记录")
    w.fields([("案由：", c["cause"], w.width)])
    w.fields(
        [
            ("合议时间：", f"{ymd(dd['panel'])}{t0}至{t1}", 300),
            ("合议地点：", "本局三楼会议室", w.width - 300),
        ]
    )
    w.fields(
        [
            ("主持人：", c["chief"], 150),
            ("参加人员：", "、".join(members), 250),
            ("记录人：", o[1]["name"], w.width - 400),
        ]
    )
    w.gap(4)
    w.para(
        "回避情况：主持人询问参加合议人员是否与本案有利害关系，参加人员均表示无应当回避的情形。",
        indent=0,
    )
    w.para(
        f"案情介绍：承办人{o[0]['name']}介绍了案件来源、调查经过、违法事实和证据，以及承办人的处理意见。",
        indent=0,
    )
    w.para("合议意见：", indent=0)
    w.para(f"{c['chief']}：本案执法主体合法，承办人员均持有执法证件；当事人主体认定准确。")
    w.para(f"{o[0]['name']}：违法事实清楚，现场笔录、询问笔录和书证相互印证，证据确凿。")
    w.para(
        f"{o[1]['name']}：当事人行为违反{c['violated_text']}的规定，适用{c['basis_text']}正确；立案、调查程序合法。"
    )
    w.para(f"{c['panel_extra']}：{c['discretion']}拟处罚意见在法定幅度内，裁量适当。")
    w.para(
        f"合议结论：经合议，参加人员一致同意承办人意见，拟依据{c['basis_text']}的规定，对当事人作出{penalty_text(c)}"
        "的行政处罚。报法制审核后制作行政处罚事先告知书。",
        indent=0,
    )
    w.para("（以下空白）", indent=0)
    w.gap(8)
    w.line([S("参加合议人员签名："), K("　".join(members))])
    w.line(signed("记录人签名：", o[1]["name"], ymd(dd["panel"]), "left")["parts"])
    w.end()


def doc_legal_review(w: HandWriter, c):
    dd, rv, p = c["dates"], c["reviewer"], c["party"]
    date = ymd(dd["legal_review"])
    items = [
        "执法主体合法",
        "执法人员具备执法资格",
        "案件事实清楚",
        "证据合法、确凿、充分",
        "定性准确、适用法律正确",
    ]
    items += ["程序合法", "行政裁量适当", "执法文书规范"]
    checks = [
        [S(f"■{a}"), S("　" * (12 - len(a))), S(f"■{b}")]
        for a, b in zip(items[::2], items[1::2], strict=True)
    ]
    opinion = (
        f"经审核，本案执法主体合法，执法人员具备执法资格；当事人{c['violation_short']}的事实清楚，证据确凿；"
        f"违反{c['violated_text']}的规定，依据{c['basis_text']}予以处罚，适用法律正确；立案、调查程序合法；"
        "拟处罚种类和幅度在法定范围内，裁量适当。同意承办机构的处理意见，可以制作行政处罚事先告知书。"
    )
    reviewer = {
        "parts": [
            S("审核人："),
            K(rv["name"]),
            S(f"（法律职业资格证书编号：{rv['qualification']}）"),
        ],
        "align": "right",
    }
    w.begin("legal_review", "法制审核意见书")
    w.form(
        [
            ("案由", c["cause"]),
            ("当事人", f"{p['name']}（统一社会信用代码：{p['credit_code']}）"),
            ("承办机构", f"{c['section']}　承办人：{names_list(c)}"),
            ("拟处理意见", f"依据{c['basis_text']}的规定，给予{penalty_text(c)}的行政处罚。"),
            ("审核内容", checks),
            ("审核意见", [opinion, reviewer, {"parts": [K(date)], "align": "right"}], 150),
            ("法制机构负责人意见", ["同意审核意见。", signed("签名：", rv["head"], date)], 70),
        ],
        label_w=110,
    )
    w.end()


def doc_advance_notice(w: HandWriter, c):
    dd = c["dates"]
    name = defect_value(c, "notice_party_name", c["party"]["name"])
    evidence = "、".join(re.sub(r"\d+[份张]$", "", n) for n, _ in c["evidence"])
    w.begin("advance_notice", "行政处罚事先告知书", docno=c["notice_number"])
    w.para(f"{name}：", indent=0)
    w.para(f"经查，{c['facts']}")
    w.para(f"以上事实有{evidence}等证据为证。")
    w.para(
        f"你单位的上述行为违反了{c['violated_text']}的规定。依据{c['basis_text']}的规定，本机关拟对你单位作出如下行政处罚："
    )
    w.para(f"{penalty_text(c)}。")
    w.para(
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位享有陈述、申辩的权利。"
        "如需陈述、申辩，请于收到本告知书之日起三个工作日内向本机关提出；逾期未提出的，视为放弃上述权利。"
    )
    w.para(f"联系人：{names_list(c)}　　联系电话：{c['agency_phone']}")
    w.para(f"联系地址：{c['agency_address']}")
    w.agency_block(ymd_upper(dd["notice_issued"]))
    w.end()


def doc_receipt(w: HandWriter, c, doc_name, doc_number, date, time):
    p = c["party"]
    methods = "■直接送达　□留置送达　□委托送达　□邮寄送达　□电子送达　□公告送达"
    w.begin("service_receipt", "送达回执")
    w.form(
        [
            ("送达文书名称及文号", f"《{doc_name}》（{doc_number}）", 50),
            ("受送达人", p["name"], 40),
            ("送达地点", p["address"], 40),
            ("送达方式", methods, 40),
            (
                "收件人签名",
                [
                    [K(p["legal_representative"]), S("（负责人）")],
                    {"parts": [K(f"{ymd(date)}{time}")], "align": "right"},
                ],
                80,
            ),
            ("代收人及代收理由", "\\", 50),
            ("送达人签名", [[K(names(c))], {"parts": [K(ymd(date))], "align": "right"}], 70),
            ("见证人", "\\", 40),
            ("备注", "\\", 60),
        ],
        label_w=130,
    )
    w.end()


def doc_defence(w: HandWriter, c):
    p, dd, dfn = c["party"], c["dates"], c["defence"]
    t0, t1 = c["times"]["defence"]
    begin_record(
        w, c, "defence_record", "陈述和申辩笔录", "陈述申辩人签名：", p["legal_representative"]
    )
    w.fields([("案由：", c["cause"], w.width)])
    w.fields(
        [
            ("时间：", f"{ymd(dd['defence'])}{t0}至{t1}", 270),
            ("地点：", f"{c['agency']}询问室", w.width - 270),
        ]
    )
    w.fields(
        [
            ("陈述申辩人：", p["legal_representative"], 200),
            ("身份：", f"{p['name']}负责人", w.width - 200),
        ]
    )
    w.fields(
        [
            ("执法人员：", officers_with_certs(c), 360),
            ("记录人：", c["officers"][1]["name"], w.width - 360),
        ]
    )
    w.gap(4)
    w.para(
        f"执法人员出示执法证件后告知：本机关已于{ymd(dd['notice_served'])}向你单位送达{c['notice_number']}"
        "《行政处罚事先告知书》，你单位可以就告知书认定的事实、理由、依据及拟作出的行政处罚进行陈述和申辩。",
        indent=0,
    )
    w.para(f"陈述申辩内容：{dfn['text']}", indent=0)
    w.para("（以下空白）", indent=0)
    w.gap(6)
    w.line([S("陈述申辩人意见："), K("以上笔录我已看过，与我所说相符。")])
    w.line(signed("签名：", p["legal_representative"], ymd(dd["defence"]))["parts"], align="right")
    if dfn.get("recheck"):
        w.gap(8)
        w.c.setLineWidth(0.5)
        w.c.line(w.LM, w.y, w.right, w.y)
        w.gap(6)
        w.para(f"复核意见：{dfn['recheck']}", indent=0)
        w.line(signed("复核人：", names(c), ymd(dd["recheck"]))["parts"], align="right")
    w.end()


def doc_decision_approval(w: HandWriter, c):
    p, dd, dfn = c["party"], c["dates"], c["defence"]
    date = ymd(dd["approval"])
    if dfn["waived"]:
        defence = f"当事人于{ymd(dd['defence'])}书面表示放弃陈述和申辩权利。"
    else:
        defence = f"当事人于{ymd(dd['defence'])}提出陈述申辩，经复核，申辩理由不成立，不予采纳。"
    notice = f"{ymd(dd['notice_issued'])}作出{c['notice_number']}《行政处罚事先告知书》，{ymd(dd['notice_served'])}直接送达。"
    w.begin("decision_approval", "行政处罚决定审批表")
    w.form(
        [
            ("案由", c["cause"]),
            (
                "当事人",
                [
                    f"{p['name']}　统一社会信用代码：{p['credit_code']}",
                    f"法定代表人（负责人）：{p['legal_representative']}　地址：{p['address']}",
                ],
            ),
            ("违法事实", c["facts"]),
            ("告知及陈述申辩情况", notice + defence),
            ("违反条款", c["violated_text"]),
            ("处罚依据", c["basis_text"]),
            (
                "承办人意见",
                [
                    f"建议{order_text(c)}，并给予{penalty_text(c)}的行政处罚。",
                    signed("承办人：", names(c), date),
                ],
            ),
            ("承办机构审核意见", ["同意承办人意见。", signed("签名：", c["chief"], date)]),
            (
                "法制审核意见",
                [
                    f"已于{ymd(dd['legal_review'])}审核通过。",
                    signed("签名：", c["reviewer"]["name"], date),
                ],
            ),
            ("负责人审批意见", ["同意。", signed("签名：", c["head"], date)], 70),
        ]
    )
    w.end()


def doc_decision(w: HandWriter, c):
    p, dd, dfn = c["party"], c["dates"], c["defence"]
    w.begin("decision", "行政处罚决定书", docno=c["case_number"])
    for label, key in [
        ("当事人", "name"),
        ("统一社会信用代码", "credit_code"),
        ("法定代表人（负责人）", "legal_representative"),
        ("地址", "address"),
    ]:
        w.para(f"{label}：{p[key]}", indent=0)
    w.gap(4)
    if c.get("acceptance"):
        w.para(
            f"{ymd(dd['accepted'])}，本机关接到{c['acceptance']['channel']}，反映你单位存在违法行为。"
            f"本机关于{ymd(dd['inspected'])}进行现场检查，于{ymd(dd['filed'])}立案调查。经查明："
        )
    else:
        w.para(
            f"本机关于{ymd(dd['inspected'])}对你单位进行监督检查，发现你单位涉嫌违法，于{ymd(dd['filed'])}立案调查。经查明："
        )
    w.para(c["facts"])
    w.para("上述事实有以下证据证明：")
    for line in evidence_lines(c):
        w.para(line)
    if dfn["waived"]:
        defence = f"你单位于{ymd(dd['defence'])}书面表示放弃陈述、申辩权利。"
    else:
        defence = f"你单位于{ymd(dd['defence'])}提出陈述、申辩，{dfn['recheck_decision']}"
    w.para(
        f"本机关于{ymd(dd['notice_issued'])}作出{c['notice_number']}《行政处罚事先告知书》，并于{ymd(dd['notice_served'])}"
        "送达你单位，告知你单位拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩权利。"
        + defence
    )
    w.para(
        f"本机关认为，你单位{c['violation_short']}的行为，违反了{c['violated_text']}的规定。{c['discretion']}"
    )
    w.para(
        f"依据{c['basis_text']}的规定，本机关{order_text(c, '你单位')}，并决定对你单位作出如下行政处罚："
    )
    w.para(penalty_text(c, defect_value(c, "decision_fine_text", None)) + "。")
    w.para(
        f"请你单位自收到本决定书之日起十五日内，持本决定书到{c['payment']}缴纳罚款。到期不缴纳罚款的，本机关将依据"
        "《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。"
    )
    w.para(
        f"如不服本处罚决定，可以在收到本决定书之日起六十日内向{c['review_body']}申请行政复议，"
        f"也可以在收到本决定书之日起六个月内直接向{c['court']}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行。"
    )
    w.agency_block(ymd_upper(dd["decided"]))
    w.para("（本决定书一式三份，一份送达当事人，一份归档，一份交执行机构。）", size=10.5, indent=0)
    w.end()
