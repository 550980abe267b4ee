"""Investigation documents of a hand-made case: source register, filing report, on-site and
interview records, supervision opinion, evidence copies and photos."""

from __future__ import annotations

from reportlab.lib.colors import Color

from ..layout import BLACK, K, S, signed
from ..util import ymd
from .writer import HandWriter, begin_record, findings, names, names_list, officers_with_certs


def doc_acceptance(w: HandWriter, c):
    a, p, dd = c["acceptance"], c["party"], c["dates"]
    w.begin("acceptance_record", "案件来源登记表")
    sources = "□监督检查　■投诉举报　□上级交办　□下级报请　□有关部门移送　□其他"
    w.form(
        [
            ("案件来源", [sources, f"（{a['channel']}）"]),
            ("受理时间", f"{ymd(dd['accepted'])}　受理方式：{a['how']}"),
            ("举报人", f"{a['reporter']}（要求保密）"),
            ("被举报单位（人）", f"{p['name']}　地址：{p['address']}"),
            ("案情摘要", a["summary"], 120),
            (
                "受理人意见",
                [
                    "反映情况属本机关管辖，建议安排执法人员进行现场核查。",
                    signed("受理人：", c["officers"][1]["name"], ymd(dd["accepted"])),
                ],
                90,
            ),
            (
                "负责人意见",
                [
                    f"同意。请{names_list(c)}尽快核查。",
                    signed("负责人：", c["chief"], ymd(dd["accepted"])),
                ],
                90,
            ),
            ("备注", "\\", 40),
        ]
    )
    w.end()


def doc_filing(w: HandWriter, c):
    p, dd = c["party"], c["dates"]
    w.begin("filing_report", "立案报告")
    party = [
        f"名称：{p['name']}",
        f"统一社会信用代码：{p['credit_code']}",
        f"法定代表人（负责人）：{p['legal_representative']}　　联系电话：{p['phone']}",
        f"地址：{p['address']}",
    ]
    summary = (
        f"{ymd(dd['inspected'])}，执法人员{names_list(c)}对{p['name']}进行现场检查，发现当事人涉嫌{c['violation_short']}。"
        f"当事人的行为涉嫌违反{c['violated_text']}的规定，符合立案条件。"
    )
    filed = ymd(dd["filed"])
    w.form(
        [
            ("案由", c["cause"]),
            ("案件来源", c["source"]),
            ("受理时间", ymd(dd["accepted"])),
            ("当事人", party),
            ("简要案情", summary, 110),
            (
                "承办人意见",
                [f"建议立案调查，由{names_list(c)}承办。", signed("承办人：", names(c), filed)],
                80,
            ),
            (
                "科室负责人意见",
                ["同意立案，请报局领导审批。", signed("签名：", c["chief"], filed)],
                70,
            ),
            (
                "负责人审批意见",
                [f"同意立案。由{names_list(c)}承办。", signed("签名：", c["head"], filed)],
                70,
            ),
            ("立案日期", filed),
        ]
    )
    w.end()


def doc_inspection(w: HandWriter, c):
    p, dd, ins = c["party"], c["dates"], c["inspection"]
    t0, t1 = c["times"]["inspection"]
    begin_record(w, c, "inspection_record", "现场笔录", "被检查人签名：", p["legal_representative"])
    w.fields([("被检查单位：", p["name"], 300), ("联系电话：", p["phone"], w.width - 300)])
    w.fields([("地址：", p["address"], w.width)])
    rep = p["legal_representative"]
    w.fields(
        [
            ("法定代表人（负责人）：", rep, 230),
            ("统一社会信用代码：", p["credit_code"], w.width - 230),
        ]
    )
    w.fields([("检查时间：", f"{ymd(dd['inspected'])}{t0}至{t1}", w.width)])
    w.fields([("检查地点：", ins["place"], w.width)])
    w.fields(
        [
            ("执法人员：", officers_with_certs(c), 360),
            ("记录人：", c["officers"][1]["name"], w.width - 360),
        ]
    )
    w.fields([("在场人员：", ins["present"], w.width)])
    w.gap(4)
    w.para(
        f"执法人员{names_list(c)}向被检查人出示了执法证件，说明了检查事由，告知被检查人有陈述、申辩和申请执法人员回避的权利，"
        "被检查人表示不申请回避。现场检查情况如下："
    )
    findings(w, ins["findings"])
    w.gap(6)
    w.line([S("被检查人意见："), K("以上笔录我已看过，情况属实。")])
    w.line(signed("被检查人签名：", rep, ymd(dd["inspected"]))["parts"], align="right")
    w.end()


def doc_opinion(w: HandWriter, c):
    p, dd, op = c["party"], c["dates"], c["opinion"]
    w.begin("supervision_opinion", "卫生监督意见书", docno=op["number"])
    w.para(f"{p['name']}：", indent=0)
    w.para(op["text"])
    w.agency_block(ymd(dd["inspected"]))
    certs = "、".join(o["certificate"] for o in c["officers"])
    w.line([S("执法人员："), K(names(c)), S(f"　（执法证号：{certs}）")])
    w.line(signed("被监督单位签收：", p["legal_representative"], ymd(dd["inspected"]))["parts"])
    w.para("本意见书一式两份，一份交被监督单位，一份存档。", size=10.5, indent=0)
    w.end()


def doc_interview(w: HandWriter, c):
    iv, dd, p = c["interviewee"], c["dates"], c["party"]
    t0, t1 = c["times"]["interview"]
    begin_record(w, c, "interview_record", "询问笔录", "被询问人签名：", iv["name"])
    w.fields([("询问时间：", f"{ymd(dd['interview'])}{t0}至{t1}", w.width)])
    w.fields([("询问地点：", f"{c['agency']}询问室（{c['agency_address']}）", w.width)])
    w.fields(
        [
            ("询问人：", officers_with_certs(c), 360),
            ("记录人：", c["officers"][1]["name"], w.width - 360),
        ]
    )
    w.fields(
        [
            ("被询问人：", iv["name"], 150),
            ("性别：", iv["sex"], 80),
            ("出生日期：", iv["birth"], w.width - 230),
        ]
    )
    w.fields([("身份证号码：", iv["id_number"], 260), ("联系电话：", iv["mobile"], w.width - 260)])
    w.fields([("工作单位：", p["name"], 270), ("职务：", iv["post"], w.width - 270)])
    w.fields([("住址：", iv["home"], w.width)])
    w.gap(4)
    for who, text in c["interview_qa"]:
        w.para(f"{who}：{text}", indent=0, hang=24)
    w.para("（以下空白）", indent=0)
    w.gap(4)
    w.line(signed("被询问人签名：", iv["name"], ymd(dd["interview"]))["parts"], align="right")
    w.end()


def provider_block(w: HandWriter, c, *, seal=True):
    """Provider's confirmation under a copied document, with the party's seal over it."""
    p, date = c["party"], ymd(c["dates"]["inspected"])
    w.line([S("提供人意见："), K("此复印件与原件核对无误。")])
    y_sig = w.y
    w.line(signed("提供人签名：", p["legal_representative"], date, "left")["parts"])
    w.line([S("取证人："), K(names(c)), S("　　取证时间："), K(date)])
    if seal:
        w.seal(w.LM + 250, y_sig - 8, p["name"], size=92)


def certificate_copy(w: HandWriter, title, rows, issuer, issued, *, label_w=90, height=400):
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
        w.text(x0 + 30 + label_w, top - 100 - 26 * i, value, size=12)
    w.text(x1 - 100, top - height + 56, issuer if issued else "登记机关", size=11, align="center")
    if issued:
        w.text(x1 - 100, top - height + 38, "发证日期：" + issued, size=11, align="center")
    w.seal(x1 - 100, top - height + 50, issuer, size=96)
    w.y = top - height - 20


def doc_licence_copy(w: HandWriter, c):
    p = c["party"]
    w.begin("evidence", "证据材料", title_size=18)
    w.para(
        "证据名称：《医疗机构执业许可证》（副本）复印件　　证据来源：当事人提供", indent=0, size=11
    )
    rows = [
        ("机构名称", p["name"]),
        ("地　　址", p["address"]),
        ("负 责 人", p["legal_representative"]),
        ("法定代表人", p["legal_representative"]),
        ("所有制形式", "社会办（非营利性）"),
        ("诊疗科目", p["subjects"]),
        ("登 记 号", p["licence"]),
        ("有效期限", p["licence_valid"]),
    ]
    certificate_copy(w, "医疗机构执业许可证", rows, c["agency"], p["licence_valid"].split("至")[0])
    provider_block(w, c)
    w.end()


def doc_infusion_log(w: HandWriter, c):
    w.begin("evidence", "证据材料", title_size=18)
    w.para(f"证据名称：{c['infusion_log']['title']}", indent=0, size=11)
    w.para("证据来源：现场提取", indent=0, size=11)
    cols = [58, 62, 100, 120, 72, w.width - 412]
    head = ["日期", "患者", "药品", "规格/用法", "穿刺者", "备注"]
    rows = [[{"w": cw, "lines": [t], "align": "center"} for cw, t in zip(cols, head, strict=True)]]
    for r in c["infusion_log"]["rows"]:
        cells = []
        for i, (cw, t) in enumerate(zip(cols, r, strict=True)):
            line = [K(t)] if i in (1, 4, 5) and t else (t or "\\")  # hand-written columns
            cells.append({"w": cw, "lines": [line], "align": "center"})
        rows.append(cells)
    w.table(rows, size=10)
    w.gap(12)
    w.para("注：患者姓名已由取证人员在复印件上作部分遮挡。", size=10.5, indent=0)
    w.gap(6)
    provider_block(w, c)
    w.end()


def draw_photo(w: HandWriter, x, y, pw, ph, variant):
    """A crude line drawing standing in for a site photograph (no text inside)."""
    cv = w.c
    cv.setFillColor(Color(0.86, 0.86, 0.84))
    cv.rect(x, y, pw, ph, stroke=1, fill=1)
    cv.setFillColor(Color(0.72, 0.72, 0.70))
    cv.rect(x, y, pw, ph * 0.28, stroke=0, fill=1)
    bx, bw = x + pw * (0.30 if variant == 1 else 0.25), pw * (0.36 if variant == 1 else 0.5)
    cv.setFillColor(Color(0.15, 0.15, 0.17))
    cv.rect(bx, y + ph * 0.12, bw, ph * 0.55, stroke=0, fill=1)  # waste bin
    cv.setFillColor(Color(0.97, 0.97, 0.97))
    for i in range(9):  # cotton balls
        cv.circle(
            bx + bw * (0.15 + 0.08 * i), y + ph * (0.62 + 0.03 * ((i * 7) % 3)), pw * 0.018, 0, 1
        )
    cv.setFillColor(Color(0.55, 0.10, 0.10))
    cv.circle(bx + bw * 0.4, y + ph * 0.66, pw * 0.008, 0, 1)
    cv.setFillColor(Color(0.35, 0.55, 0.85))
    cv.rect(bx + bw * 0.6, y + ph * 0.6, bw * 0.22, ph * 0.07, stroke=0, fill=1)  # glove
    cv.setFillColor(BLACK)


def doc_photos(w: HandWriter, c):
    w.begin("evidence", "现场照片", title_size=18)
    for i, cap in enumerate(c["photos"], 1):
        w.need(320)
        draw_photo(w, w.LM + 40, w.y - 250, w.width - 80, 250, i)
        w.y -= 260
        w.para(cap, size=11, indent=0)
        w.gap(8)
    w.line(
        [
            S("拍摄人："),
            K(c["officers"][0]["name"]),
            S("　　见证人："),
            K(c["party"]["legal_representative"]),
        ]
        + [S("　　执法人员："), K(names(c))],
        size=11,
    )
    w.end()
