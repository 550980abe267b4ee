"""Planted defects: one per defective zoo case, each a copy of a family's clean story changed in
one place. Types are those of checklists/defects.yaml; ``detail`` says what is wrong, in Chinese.

A defect changes the story (dates, fine, seal) and/or replaces text in one document type.
``truth`` overrides fields of the truth where the file itself states a different value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from samples.generator.util import add_workdays
from samples.zoo.story import Story


@dataclass(frozen=True)
class Plant:
    case_id: str
    family: str
    type: str
    document: str  # document type where the defect shows
    detail: str
    story: Callable[[Story], None] | None = None  # changes the story in place
    edits: tuple[tuple[str, str], ...] = ()  # (find, replace) in the document's text, each must match
    unseal: bool = False  # the document carries no "（印章）"
    truth: dict = field(default_factory=dict)


def _decide_early(s: Story) -> None:
    d = s.dates
    s.waived = False
    d["approval"] = add_workdays(d["notice_served"], 2)
    d["decided"] = d["approval"]
    d["decision_served"] = add_workdays(d["decided"], 1)
    d["paid"] = d["decision_served"] + dt.timedelta(days=6)
    d["closed"] = add_workdays(d["paid"], 3)


def _serve_late(s: Story) -> None:
    d = s.dates
    d["decision_served"] = add_workdays(d["decided"], 12)
    d["paid"] = d["decision_served"] + dt.timedelta(days=6)
    d["closed"] = add_workdays(d["paid"], 3)


def _close_before_paid(s: Story) -> None:
    d = s.dates
    d["closed"] = d["paid"] - dt.timedelta(days=3)


def _file_late(s: Story) -> None:
    d = s.dates
    d["filed"] = d["inspected"] + dt.timedelta(days=16)
    d["filed"] = add_workdays(d["filed"], 0)
    for key, gap in (("interview", 2), ("report", 4), ("panel", 1), ("notice_issued", 2)):
        prev = {"interview": "filed", "report": "interview", "panel": "report", "notice_issued": "panel"}[key]
        d[key] = add_workdays(d[prev], gap)
    d["notice_served"] = d["notice_issued"]
    d["defence"] = add_workdays(d["notice_served"], 2)
    d["approval"] = add_workdays(d["notice_served"], 7)
    d["decided"] = add_workdays(d["approval"], 1)
    d["decision_served"] = add_workdays(d["decided"], 1)
    d["paid"] = d["decision_served"] + dt.timedelta(days=6)
    d["closed"] = add_workdays(d["paid"], 3)


def _fine(n: int) -> Callable[[Story], None]:
    def change(s: Story) -> None:
        s.fine = n
    return change


PLANTS: tuple[Plant, ...] = (
    # --- national 2012 formats --------------------------------------------------------------
    Plant("zoo-nat2012-seal", "nat2012", "seal_missing", "decision", "行政处罚决定书落款处未加盖行政机关印章。", unseal=True),
    Plant("zoo-nat2012-capitals", "nat2012", "amount_capitals_digits_mismatch", "decision",
          "决定书罚款大写为捌仟元整，小写误写为¥800.00。",
          edits=(("并决定给予如下行政处罚：警告，并处罚款人民币捌仟元整（¥8,000.00）",
                  "并决定给予如下行政处罚：警告，并处罚款人民币捌仟元整（¥800.00）"),)),
    Plant("zoo-nat2012-early", "nat2012", "decision_before_defence_period_end", "decision",
          "事先告知书送达后第二个工作日即作出处罚决定，未待五个工作日的陈述申辩期届满，当事人也未明确放弃。",
          story=_decide_early),
    Plant("zoo-nat2012-remedy", "nat2012", "remedy_period_wrong", "decision", "决定书告知的行政复议期限为十五日（应为六十日）。",
          edits=(("可以在收到本决定书之日起六十日内", "可以在收到本决定书之日起十五日内"),)),
    # --- 当场处罚 -------------------------------------------------------------------------------
    Plant("zoo-onsite-review-first", "nat2012-onsite", "review_first_notice_missing", "onsite_decision",
          "当场处罚决定书告知可以申请复议或直接起诉，未告知应当先申请行政复议（行政复议法第二十三条）。",
          edits=(("应当自收到本决定书之日起六十日内先向", "可以自收到本决定书之日起六十日内向"),
                 ("申请行政复议；对行政复议决定不服的，可以依法向", "申请行政复议，也可以自收到本决定书之日起六个月内依法向"))),
    Plant("zoo-onsite-unsigned", "nat2012-onsite", "party_signature_missing", "onsite_decision",
          "当场处罚决定书当事人签收栏无当事人签名。", edits=(("本决定书已当场收到。签名：马建新", "本决定书已当场收到。签名："),)),
    Plant("zoo-onsite-over-limit", "nat2012-onsite", "simple_procedure_misused", "onsite_decision",
          "对单位当场罚款5000元，超过简易程序三千元的上限（行政处罚法第五十一条）。", story=_fine(5000)),
    # --- system print forms -----------------------------------------------------------------------
    Plant("zoo-system-no-certificates", "system-forms", "certificates_not_shown", "inspection_record",
          "现场检查笔录未记载执法人员出示执法证件。",
          edits=(("执法证件编号分别是：41010522013、41010522028，现依法向你出示。", ""),)),
    Plant("zoo-system-party-name", "system-forms", "party_name_mismatch", "advance_notice",
          "事先告知书中当事人名称写作“郑州金水安和门诊部”，其他文书为“郑州金水安和诊所”。",
          edits=(("郑州金水安和诊所：", "郑州金水安和门诊部："),)),
    Plant("zoo-system-late-service", "system-forms", "late_service", "service_receipt",
          "行政处罚决定书作出后第十二个工作日才送达（应在七个工作日内）。", story=_serve_late),
    Plant("zoo-system-filing-late", "system-forms", "filing_late", "filing_report",
          "受理后十六日才立案（卫生行政处罚程序规定七日内立案）。", story=_file_late),
    # --- web decision ------------------------------------------------------------------------------
    Plant("zoo-web-over-range", "web-decision", "fine_out_of_range", "decision",
          "罚款6000元，超过《医疗废物管理条例》第四十六条“可以并处5000元以下的罚款”的上限。", story=_fine(6000)),
    Plant("zoo-web-no-violated", "web-decision", "missing_violated_or_basis", "decision",
          "决定书未写明违反的法律条款（只写“违反了有关规定”）。",
          edits=(("违反了《医疗废物管理条例》第十六条第一款的规定", "违反了有关规定"),),
          truth={"violated_provisions": []}),
    Plant("zoo-web-review-body", "web-decision", "review_body_wrong", "decision",
          "2024年1月1日后的决定告知向上一级卫生健康部门申请复议（应向本级人民政府申请）。",
          edits=(("向南昌市东湖区人民政府申请行政复议", "向南昌市卫生健康委员会申请行政复议"),)),
    # --- credit publicity ----------------------------------------------------------------------------
    Plant("zoo-credit-over-range", "credit-publicity", "fine_out_of_range", "publication",
          "罚款12000元，超过《医疗废物管理条例》第四十七条“并处5000元以上1万元以下的罚款”的上限。", story=_fine(12000)),
    Plant("zoo-credit-number", "credit-publicity", "case_number_malformed", "publication",
          "决定书文号年份用方括号“[2024]”书写（应为六角括号〔2024〕）。",
          edits=(("昆五卫医罚〔2024〕12号", "昆五卫医罚[2024]12号"),), truth={"case_number": "昆五卫医罚[2024]12号"}),
    # --- Word drafts -----------------------------------------------------------------------------------
    Plant("zoo-word-no-basis", "word-draft", "missing_violated_or_basis", "decision",
          "决定书“行政处罚依据和种类”一节未写处罚依据条款。",
          edits=(("依据《医疗废物管理条例》第四十七条第（一）项的规定，本机关责令", "本机关责令"),),
          truth={"penalty_basis": []}),
    Plant("zoo-word-seal", "word-draft", "seal_missing", "decision", "行政处罚决定书落款处未加盖行政机关印章。", unseal=True),
    Plant("zoo-word-no-recusal", "word-draft", "interview_rights_missing", "interview_record",
          "询问笔录未告知被询问人申请回避的权利。",
          edits=(("你有如实回答询问的义务，也有陈述、申辩的权利；如认为执法人员与本案有利害关系，你有权申请回避。你是否申请回避？",
                  "请如实回答询问。"), ("看清楚了，不申请回避。", "好的。"))),
    Plant("zoo-word-no-time", "word-draft", "record_time_missing", "inspection_record", "现场笔录未记载检查起止时间。",
          edits=(("2024年9月9日9时30分至10时20分", "2024年9月9日"),)),
    # --- generic matter approval form ---------------------------------------------------------------------
    Plant("zoo-matter-unapproved", "matter-approval", "approval_missing", "decision_approval",
          "行政处罚决定审批表负责人审批意见栏空白，无负责人签名。",
          edits=(("同意。", ""), ("签名：朱卫东　", "签名：　"))),
    Plant("zoo-matter-closed-early", "matter-approval", "closing_before_payment", "closing_report",
          "结案日期早于罚款缴纳日期。", story=_close_before_paid),
    Plant("zoo-matter-heavier", "matter-approval", "penalty_heavier_than_notice", "decision",
          "决定书罚款15000元，重于事先告知书拟处罚的10000元，且无重新告知。",
          edits=(("并决定给予如下行政处罚：罚款人民币壹万元整（¥10,000.00）", "并决定给予如下行政处罚：罚款人民币壹万伍仟元整（¥15,000.00）"),),
          truth={"fine_total": 15000, "penalties": [{"kind": "罚款", "amount": 15000}]}),
    # --- spoken-record wording -------------------------------------------------------------------------------
    Plant("zoo-spoken-no-order", "spoken-record", "no_order_to_correct", "decision", "决定书未责令当事人改正违法行为。",
          edits=(("本机关责令你单位立即改正，并决定给予", "本机关决定给予"),)),
    Plant("zoo-spoken-citation", "spoken-record", "notice_decision_citation_mismatch", "advance_notice",
          "事先告知书引用的处罚依据为第十四条第一款第（一）项，决定书为第（二）项。",
          edits=(("依据《公共场所卫生管理条例》第十四条第一款第（二）项的规定", "依据《公共场所卫生管理条例》第十四条第一款第（一）项的规定"),)),
    Plant("zoo-spoken-code", "spoken-record", "credit_code_check_digit", "decision",
          "决定书所载统一社会信用代码校验位错误。", edits=(("92131003MA07K5N37D", "92131003MA07K5N378"),)),
)
