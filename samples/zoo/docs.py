"""The documents of a zoo case, written in a family's layout and wording (``Style``).

One function per document type; each returns a :class:`Doc`. The wording variants (titles,
labels, the three ways of writing 出示执法证件, approver rows, headed decision sections) are the
family's, as described in samples/zoo/<family>/SOURCE.md. The legal content is the story's.
"""

from __future__ import annotations

import datetime as dt

from samples.generator.util import rmb_upper, ymd, ymd_upper
from samples.zoo.model import Block, Doc, Style
from samples.zoo.story import DEFENCE_DAYS, Story

CN_NUM = "零一二三四五六七八九十"


def day(x: dt.date) -> str:
    return ymd(x)


def sign_day(st: Style, x: dt.date) -> str:
    return ymd_upper(x) if st.date == "upper" else ymd(x)


def kv(st: Style, label: str, value: str, kind: str | None = None) -> Block:
    return Block(kind or st.kv, text=value, label=label)


def para(text: str) -> Block:
    return Block("para", text=text)


def right(text: str) -> Block:
    return Block("right", text=text)


def header(s: Story, title: str, number: str | None = None) -> list[Block]:
    out = [Block("head", text=s.agency.name), Block("head", text=title)]
    if number:
        out.append(Block("number", text=number))
    return out


def seal(s: Story, st: Style, x: dt.date) -> Block:
    return Block("seal" if s.seal else "unsealed", text=s.agency.name, label=sign_day(st, x))


def rep_name(s: Story, st: Style, on: dt.date) -> str:
    r = s.party.rep
    return f"{r.name}（{r.sex}，{r.age_on(on)}岁）" if st.name_details else r.name


def officers_with_certs(s: Story) -> str:
    return "、".join(f"{n}（{c}）" for n, c in s.officers)


def certificate_sentence(s: Story, st: Style, whom: str) -> str:
    (n1, c1), (n2, c2) = s.officers[:2]
    if st.certificate_phrase == "numbers":
        return (f"我们是{s.agency.name}的执法人员{n1}、{n2}，执法证件编号分别是：{c1}、{c2}，现依法向你出示。"
                f"今天依法对你单位进行检查（调查），请予以配合。")
    if st.certificate_phrase == "oral":
        return (f"你好，我们是{s.agency.name}执法人员{n1}、{n2}，这是我们的执法证件（出示证件）。"
                f"现依法对你单位进行检查，请予以配合。")
    return f"执法人员{n1}、{n2}向{whom}出示了执法证件，说明了检查事由。"


def penalty_sentence(s: Story) -> str:
    return s.penalty_words()


# --- documents ----------------------------------------------------------------------------------


def filing_report(s: Story, st: Style) -> Doc:
    d = s.dates
    title = st.titles.get("filing_report", "立案报告")
    b = header(s, title)
    if title.startswith("卫生行政执法事项审批表"):
        b.append(para("审批事项：■立案　□事先告知　□行政处罚　□结案"))
    b += [kv(st, "案由", s.cause()), kv(st, "案件来源", "日常监督检查"), kv(st, "受理时间", day(d["accepted"])),
          kv(st, st.party_label, s.party.name), kv(st, "统一社会信用代码", s.party.credit_code),
          kv(st, st.rep_label, s.party.rep.name), kv(st, "地址", s.party.address),
          kv(st, "联系电话", s.party.phone)]
    summary = (f"{day(d['inspected'])}，执法人员{s.officer_names()}对{s.party.name}进行监督检查，发现{s.findings[1]}"
               f"当事人的行为涉嫌违反{s.violated_text()}的规定。")
    if st.filing_signers == "经办人":
        b += [kv(st, "案情摘要", summary),
              para(f"经初步审查，当事人的行为涉嫌违反了{s.violated_text()}的规定，申请予以立案。"),
              right(f"经办人1：{s.officers[0][0]}"), right(f"经办人2：{s.officers[1][0]}"), right(day(d["filed"]))]
    else:
        b += [kv(st, "简要案情", summary), kv(st, "承办人意见", f"建议立案调查，由{s.officer_names()}承办。"),
              right(f"承办人：{s.officer_names('　')}　{day(d['filed'])}")]
    if st.approver_rows:
        b += [kv(st, "承办部门负责人意见", "同意立案，请领导审批。"), right(f"负责人：{s.chief}　{day(d['filed'])}"),
              kv(st, "审批意见", f"同意立案，由{s.officer_names()}承办。"), right(f"负责人：{s.head}　{day(d['filed'])}")]
    else:
        b += [kv(st, "负责人审批意见", "同意立案。"), right(f"签名：{s.head}　{day(d['filed'])}")]
    b.append(kv(st, "立案日期", day(d["filed"])))
    return Doc("filing_report", title, b)


def inspection_record(s: Story, st: Style, *, simple: bool = False) -> Doc:
    d = s.dates
    title = st.inspection_title
    b = header(s, title)
    b += [kv(st, "被检查单位", s.party.name), kv(st, "地址", s.party.address),
          kv(st, st.rep_label, rep_name(s, st, d["inspected"])), kv(st, "联系电话", s.party.phone),
          kv(st, "检查时间", f"{day(d['inspected'])}9时30分至10时20分"), kv(st, "检查地点", s.place),
          kv(st, "执法人员", officers_with_certs(s)), kv(st, "记录人", s.officers[1][0]),
          para(certificate_sentence(s, st, "被检查人")
               + "告知被检查人有陈述、申辩和申请执法人员回避的权利，被检查人表示不申请回避。现场检查情况如下：")]
    b += [para(f"{i}．{f}") for i, f in enumerate(s.findings, 1)]
    b += [para("（以下空白）"), kv(st, "被检查人意见", "以上笔录属实。" if st.certificate_phrase == "oral" else "以上笔录我已看过，情况属实。"),
          right(f"被检查人签名：{s.party.rep.name}　{day(d['inspected'])}"),
          right(f"执法人员签名：{s.officer_names('　')}")]
    return Doc("inspection_record", title, b)


def interview_record(s: Story, st: Style) -> Doc:
    d, r = s.dates, s.party.rep
    on = d["interview"]
    title = st.interview_title
    b = header(s, title)
    b += [kv(st, "询问时间", f"{day(on)}14时00分至14时50分"), kv(st, "询问地点", f"{s.agency.name}询问室"),
          kv(st, "询问人", officers_with_certs(s)), kv(st, "记录人", s.officers[1][0]),
          kv(st, "被询问人", rep_name(s, st, on)), kv(st, "性别", r.sex), kv(st, "出生日期", day(r.birth)),
          kv(st, "身份证号码", r.id_number), kv(st, "联系电话", r.mobile), kv(st, "工作单位", s.party.name),
          kv(st, "职务", r.post), kv(st, "住址", r.home)]
    qa = [("问", certificate_sentence(s, st, "被询问人")
           + "你有如实回答询问的义务，也有陈述、申辩的权利；如认为执法人员与本案有利害关系，你有权申请回避。你是否申请回避？"),
          ("答", "看清楚了，不申请回避。"),
          ("问", "请介绍一下你的身份和你单位的基本情况。"),
          ("答", f"我叫{r.name}，是{s.party.name}的{r.post}。"),
          ("问", f"{day(d['inspected'])}检查时发现的情况是否属实？"),
          ("答", f"属实。{s.findings[1]}这是我们管理不到位。"),
          ("问", "检查后你单位采取了哪些整改措施？"),
          ("答", "已经当场改正，并组织员工重新学习了有关规定。"),
          ("问", "以上笔录请你核对，如记录有误或者遗漏，可以更正或者补充。"),
          ("答", "以上笔录我已看过，与我说的相符。")]
    b += [para(f"{q}：{a}") for q, a in qa]
    b += [para("（以下空白）"), right(f"被询问人签名：{r.name}　{day(on)}"), right(f"执法人员签名：{s.officer_names('　')}")]
    return Doc("interview_record", title, b)


def investigation_report(s: Story, st: Style) -> Doc:
    d = s.dates
    b = header(s, st.titles.get("investigation_report", "案件调查终结报告"))
    b += [kv(st, "案由", s.cause()), kv(st, st.party_label, s.party.name), kv(st, "统一社会信用代码", s.party.credit_code),
          kv(st, st.rep_label, s.party.rep.name), kv(st, "地址", s.party.address), kv(st, "案件来源", "日常监督检查"),
          kv(st, "立案日期", day(d["filed"])), kv(st, "承办人", s.officer_names()),
          para("一、调查经过"),
          para(f"{day(d['inspected'])}，执法人员对当事人进行现场检查，制作了现场笔录；{day(d['filed'])}经批准立案；"
               f"{day(d['interview'])}，执法人员对当事人{s.party.rep.post}{s.party.rep.name}进行了询问，制作了询问笔录。现调查终结。"),
          para("二、违法事实"), para(s.facts),
          para("三、证据"), *[para(e) for e in evidence_list(s)],
          para("四、违法性质及法律适用"),
          para(f"当事人的上述行为违反了{s.violated_text()}的规定，依据{s.basis_text()}的规定，应予处罚。"),
          para("五、裁量理由"), para(discretion(s)),
          para("六、处理意见"),
          para(f"建议依据{s.basis_text()}的规定，责令当事人改正，并给予{penalty_sentence(s)}的行政处罚。"),
          right(f"承办人签名：{s.officer_names('　')}　{day(d['report'])}"),
          kv(st, "承办机构负责人意见", "同意承办人意见，提交合议。"), right(f"签名：{s.chief}　{day(d['report'])}")]
    return Doc("investigation_report", "案件调查终结报告", b)


def evidence_list(s: Story) -> list[str]:
    d = s.dates
    return [f"1．{day(d['inspected'])}现场笔录1份，证明检查时发现的违法事实。",
            f"2．{day(d['interview'])}对{s.party.rep.name}的询问笔录1份，证明违法行为的经过。",
            "3．当事人营业执照、许可证复印件各1份，证明当事人的主体资格。"]


def discretion(s: Story) -> str:
    return "当事人系初次违法，检查时当场改正，积极配合调查，未造成危害后果。综合上述情节，在法定幅度内从轻处罚。"


def panel_discussion(s: Story, st: Style) -> Doc:
    d = s.dates
    members = [s.chief, *[n for n, _ in s.officers], s.panel_extra]
    b = header(s, "合议记录")
    b += [kv(st, "案由", s.cause()), kv(st, "合议时间", f"{day(d['panel'])}9时00分至9时40分"),
          kv(st, "合议地点", "本机关会议室"), kv(st, "主持人", s.chief), kv(st, "参加人员", "、".join(members)),
          kv(st, "记录人", s.officers[1][0]),
          para(f"案情介绍：承办人{s.officers[0][0]}介绍了案件来源、调查经过、违法事实和证据及处理意见。"),
          para(f"合议意见：{s.chief}：执法主体合法，程序合法。{s.officers[0][0]}：违法事实清楚，证据确凿。"
               f"{s.officers[1][0]}：适用法律正确。{s.panel_extra}：裁量适当。"),
          para(f"合议结论：经合议，一致同意依据{s.basis_text()}的规定，对当事人作出{penalty_sentence(s)}的行政处罚。"),
          right(f"参加合议人员签名：{'　'.join(members)}"), right(f"记录人签名：{s.officers[1][0]}　{day(d['panel'])}")]
    return Doc("panel_discussion", "合议记录", b)


def advance_notice(s: Story, st: Style) -> Doc:
    d = s.dates
    b = header(s, "行政处罚事先告知书", s.notice_number())
    b += [para(f"{s.party.name}："),
          para(f"经查，{s.facts}"),
          para(f"你单位的上述行为违反了{s.violated_text()}的规定。依据{s.basis_text()}的规定，"
               f"本机关拟对你单位作出如下行政处罚：{penalty_sentence(s)}。"),
          para(f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位享有陈述、申辩的权利。"
               f"如需陈述、申辩，请于收到本告知书之日起{CN_NUM[DEFENCE_DAYS]}个工作日内向本机关提出；逾期未提出的，视为放弃上述权利。"),
          para(f"联系人：{s.officer_names()}　联系电话：{s.agency.phone}"), para(f"联系地址：{s.agency.address}"),
          seal(s, st, d["notice_issued"])]
    return Doc("advance_notice", "行政处罚事先告知书", b)


def service_receipt(s: Story, st: Style, which: str) -> Doc:
    d = s.dates
    name, number, on, time = (("行政处罚事先告知书", s.notice_number(), d["notice_served"], "15时20分") if which == "notice"
                              else ("行政处罚决定书", s.case_number(), d["decision_served"], "10时05分"))
    title = st.titles.get("service_receipt", "送达回执")
    kind = "kv_cell" if st.receipt_table else st.kv
    b = header(s, title)
    b += [kv(st, "送达文书名称及文号", f"《{name}》（{number}）", kind), kv(st, "受送达人", s.party.name, kind),
          kv(st, "送达地点", s.party.address, kind), kv(st, "送达方式", "直接送达", kind),
          kv(st, "收件人签名", f"{s.party.rep.name}　{day(on)}{time}", kind),
          kv(st, "送达人签名", f"{s.officer_names('　')}　{day(on)}", kind), kv(st, "备注", "无", kind)]
    return Doc("service_receipt", title, b)


def defence_record(s: Story, st: Style) -> Doc:
    d = s.dates
    b = header(s, "陈述和申辩笔录")
    b += [kv(st, "案由", s.cause()), kv(st, "时间", f"{day(d['defence'])}9时30分至9时45分"),
          kv(st, "地点", f"{s.agency.name}询问室"), kv(st, "陈述申辩人", rep_name(s, st, d["defence"])),
          kv(st, "执法人员", officers_with_certs(s)), kv(st, "记录人", s.officers[1][0]),
          para(f"陈述申辩内容：我单位已收到{s.notice_number()}《行政处罚事先告知书》，对告知的违法事实、理由、依据及拟作出的"
               f"行政处罚没有异议，放弃陈述和申辩的权利。"),
          para("（以下空白）"), right(f"陈述申辩人签名：{s.party.rep.name}　{day(d['defence'])}"),
          right(f"执法人员签名：{s.officer_names('　')}")]
    return Doc("defence_record", "陈述和申辩笔录", b)


def decision_approval(s: Story, st: Style) -> Doc:
    d = s.dates
    title = st.titles.get("decision_approval", "行政处罚决定审批表")
    b = header(s, title)
    if title.startswith("卫生行政执法事项审批表"):
        b.append(para("审批事项：□立案　□事先告知　■行政处罚　□结案"))
    b += [kv(st, "案由", s.cause()), kv(st, st.party_label, f"{s.party.name}（统一社会信用代码：{s.party.credit_code}）")]
    proposal = (f"{s.facts}当事人的上述行为违反了{s.violated_text()}的规定，依据{s.basis_text()}的规定，"
                f"建议责令当事人改正，并给予{penalty_sentence(s)}的行政处罚。")
    if st.approver_rows:
        b += [kv(st, "当事人违法的主要事实和建议作出行政处罚决定的理由、依据及内容", proposal, "kv_line")]
    else:
        b += [kv(st, "违法事实", s.facts), kv(st, "违反条款", s.violated_text()), kv(st, "处罚依据", s.basis_text()),
              kv(st, "承办人意见", f"建议责令当事人改正，并给予{penalty_sentence(s)}的行政处罚。")]
    b += [kv(st, "陈述申辩情况", f"{day(d['notice_served'])}送达{s.notice_number()}《行政处罚事先告知书》，"
                                  + (f"当事人于{day(d['defence'])}书面表示放弃陈述和申辩的权利。" if s.waived
                                     else "当事人未提出陈述和申辩。")),
          right(f"承办人：{s.officer_names('　')}　{day(d['approval'])}")]
    if st.approver_rows:
        b += [kv(st, "承办部门审查意见", "同意承办人意见。", "kv_line"), right(f"负责人：{s.chief}　{day(d['approval'])}"),
              kv(st, "审批意见", "同意。", "kv_line"), right(f"负责人：{s.head}　{day(d['approval'])}")]
    else:
        b += [kv(st, "承办机构审核意见", "同意承办人意见。"), right(f"签名：{s.chief}　{day(d['approval'])}"),
              kv(st, "负责人审批意见", "同意。"), right(f"签名：{s.head}　{day(d['approval'])}")]
    return Doc("decision_approval", title, b)


def decision(s: Story, st: Style, *, web: bool = False) -> Doc:
    d = s.dates
    b: list[Block] = []
    if web:  # title and number on one line, as published on an agency's site
        b.append(Block("head", text=f"{s.agency.name}行政处罚决定书（{s.case_number()}）"))
    else:
        b += header(s, "行政处罚决定书", s.case_number())
    label = "被处罚人" if web or st.decision_sections else st.party_label
    b += [kv(st, label, s.party.name, "kv"), kv(st, "统一社会信用代码", s.party.credit_code, "kv"),
          kv(st, "法定代表人" if web else st.rep_label, s.party.rep.name, "kv"), kv(st, "地址", s.party.address, "kv")]
    course = (f"本机关于{day(d['inspected'])}对你单位进行监督检查，发现你单位涉嫌违法，于{day(d['filed'])}立案调查。")
    notice = (f"本机关于{day(d['notice_issued'])}作出{s.notice_number()}《行政处罚事先告知书》，并于{day(d['notice_served'])}"
              f"送达你单位，告知你单位拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩权利。"
              + (f"你单位于{day(d['defence'])}书面表示放弃陈述、申辩权利。" if s.waived else "你单位未提出陈述、申辩。"))
    law_sentence = (f"你单位的上述行为违反了{s.violated_text()}的规定。依据{s.basis_text()}的规定，本机关责令你单位立即改正，"
                    f"并决定给予如下行政处罚：{penalty_sentence(s)}。")
    if web:
        law_sentence = (f"你单位的上述行为违反了{s.violated_text()}的规定，依据{s.basis_text()}的规定，本机关责令你单位立即改正，"
                        f"并决定给予{'警告，并处' if s.warning else ''}罚款人民币{s.fine}元整的行政处罚。")
    pay = ("请你单位自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，本机关可以依据"
           "《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款。")
    remedy = (f"如不服本处罚决定，可以在收到本决定书之日起六十日内向{s.review_body()}申请行政复议，也可以在收到本决定书之日起"
              f"六个月内直接向{s.agency.court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行。")
    if st.decision_sections:
        b += [para(course), para("违法事实"), para(s.facts), para("相关证据"), *[para(e) for e in evidence_list(s)],
              para("告知及陈述申辩情况"), para(notice), para("行政处罚依据和种类"), para(discretion(s)), para(law_sentence),
              para("行政处罚的履行方式和期限"), para(pay), para("救济途径和期限"), para(remedy)]
    else:
        b += [para(course + "经查明：" + s.facts),
              para("上述事实有" + "、".join(e[2:].split("，")[0] for e in evidence_list(s)) + "等证据证明。")]
        if not web:
            b.append(para(notice))
        b += [para("本机关认为，" + discretion(s)), para(law_sentence), para(pay), para(remedy)]
    if web:
        b += [right(s.agency.name), right(day(d["decided"]))]
    else:
        b.append(seal(s, st, d["decided"]))
    return Doc("decision", "行政处罚决定书", b)


def payment_receipt(s: Story, st: Style) -> Doc:
    d = s.dates
    b = [Block("head", text="非税收入一般缴款书"), kv(st, "填制日期", day(d["paid"]), "kv"),
         Block("row", cells=("缴款人全称", s.party.name, "执收单位", s.agency.name)),
         Block("row", cells=("项目名称", "一般罚没收入", "金额（元）", f"{s.fine:,.2f}")),
         Block("row", cells=("金额合计（大写）", f"人民币{rmb_upper(s.fine)}", "（小写）", f"¥{s.fine:,.2f}")),
         kv(st, "行政处罚决定书文号", s.case_number("当罚" if s.procedure == "simple" else "罚"), "kv"),
         kv(st, "收款日期", day(d["paid"]), "kv")]
    return Doc("payment_receipt", "非税收入一般缴款书", b)


def closing_report(s: Story, st: Style) -> Doc:
    d = s.dates
    title = st.titles.get("closing_report", "结案报告")
    b = header(s, title)
    if title.startswith("卫生行政执法事项审批表"):
        b.append(para("审批事项：□立案　□事先告知　□行政处罚　■结案"))
    paid = (f"当事人于{day(d['paid'])}缴纳罚款人民币{rmb_upper(s.fine)}，有缴款书为证；" if s.fine else "")
    b += [kv(st, "案由", s.cause()), kv(st, st.party_label, s.party.name), kv(st, "立案日期", day(d["filed"])),
          kv(st, "处罚决定书文号", f"{s.case_number()}（{day(d['decided'])}作出，{day(d['decision_served'])}送达）"),
          kv(st, "处罚内容", penalty_sentence(s)), kv(st, "执行方式", "自觉履行"),
          kv(st, "执行情况", f"{paid}违法行为已改正。本案处罚决定已执行完毕，建议结案。"),
          right(f"承办人：{s.officer_names('　')}　{day(d['closed'])}")]
    if st.approver_rows:
        b += [kv(st, "审批意见", "同意结案。", "kv_line"), right(f"负责人：{s.head}　{day(d['closed'])}")]
    else:
        b += [kv(st, "负责人审批意见", "同意结案。"), right(f"签名：{s.head}　{day(d['closed'])}")]
    return Doc("closing_report", title, b)


def onsite_decision(s: Story, st: Style) -> Doc:
    d = s.dates
    on = d["decided"]
    b = header(s, "当场行政处罚决定书", s.case_number("当罚"))
    b += [kv(st, "当事人", s.party.name, "kv"), kv(st, "统一社会信用代码", s.party.credit_code, "kv"),
          kv(st, st.rep_label, s.party.rep.name, "kv"), kv(st, "地址", s.party.address, "kv"),
          para(f"违法事实：{s.facts}"),
          para(f"你单位的上述行为违反了{s.violated_text()}的规定。依据{s.basis_text()}的规定，本机关当场作出如下行政处罚："
               f"{penalty_sentence(s)}。同时责令你单位立即改正。"),
          para("罚款缴纳方式：自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳。到期不缴纳罚款的，每日按罚款数额的"
               "百分之三加处罚款。"),
          para(f"当事人对本处罚决定不服的，应当自收到本决定书之日起六十日内先向{s.review_body()}申请行政复议；"
               f"对行政复议决定不服的，可以依法向{s.agency.court}提起行政诉讼。"),
          kv(st, "处罚地点", s.place, "kv"), kv(st, "处罚时间", f"{day(on)}10时40分", "kv"),
          para("执法人员签名：" + "　".join(f"{n}（执法证号：{c}）" for n, c in s.officers)),
          para(f"当事人签收：本决定书已当场收到。签名：{s.party.rep.name}　{day(on)}"),
          seal(s, st, on),
          para(f"备案：本决定已于{day(d['filed_record'])}报{s.agency.name}备案。")]
    return Doc("onsite_decision", "当场行政处罚决定书", b)


def credit_publicity(s: Story, st: Style) -> Doc:
    d = s.dates
    kinds = "警告；罚款" if s.warning else "罚款"
    rows = [("行政处罚决定书文号", s.case_number()), ("处罚类别", kinds), ("处罚决定日期", f"{d['decided']:%Y/%m/%d}"),
            ("处罚内容", f"{penalty_sentence(s)}"), ("罚款金额（万元）", f"{s.fine / 10000:g}"),
            ("行政相对人名称", s.party.name), ("行政相对人类别", "法人及非法人组织"), ("统一社会信用代码", s.party.credit_code),
            ("法定代表人", s.party.rep.name), ("违法行为类型", law_name(s)), ("违法事实", s.facts),
            ("处罚依据", f"违反了{s.violated_text()}的规定，依据{s.basis_text()}的规定"),
            ("处罚机关", s.agency.name), ("数据来源单位", s.agency.name)]
    b = [Block("head", text="行政处罚信息公示"), *[kv(st, k, v, "kv_cell") for k, v in rows]]
    return Doc("publication", "行政处罚信息公示", b)


def law_name(s: Story) -> str:
    from samples.generator.law import VIOLATIONS
    return VIOLATIONS[s.violation].name


def file_index(s: Story, st: Style, docs: list[Doc], dates: list[dt.date | None]) -> Doc:
    """卷内目录: one row per document (序号, 题名, 日期, 页号); the index is page 1, documents follow."""
    b = [Block("head", text=s.agency.name), Block("head", text="卷内目录"), kv(st, "案由", s.cause(), "kv"),
         kv(st, "处罚决定书文号", s.case_number(), "kv"), Block("row", cells=("序号", "文件材料题名", "日期", "页号"))]
    for i, (doc, when) in enumerate(zip(docs, dates, strict=True), 1):
        b.append(Block("row", cells=(str(i), doc.title, day(when) if when else "", str(i + 1))))
    return Doc("file_index", "卷内目录", b)


def file_remarks(s: Story, st: Style, count: int) -> Doc:
    d = s.dates
    b = [Block("head", text=s.agency.name), Block("head", text="卷内备考表"),
         kv(st, "本卷情况说明", f"本卷共有文件材料{count}件，共{count + 2}页（含卷内目录、卷内备考表）。卷内材料齐全，按办案程序排列。"),
         kv(st, "立卷人", f"{s.officers[1][0]}　{day(d['closed'])}"), kv(st, "检查人", f"{s.chief}　{day(d['closed'])}"),
         kv(st, "立卷时间", day(d["closed"]))]
    return Doc("file_remarks", "卷内备考表", b)
