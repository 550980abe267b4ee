"""Visual templates: provincial variants of layout, titles, field order and wording.

Four templates, each tied to the districts of one province (``world.DISTRICTS``) and to a
profile of the settings the law leaves to local rules (the hearing "较大数额", when a case goes
to collective discussion, the defence period). The values are this sample set's assumptions,
recorded in every truth.json.

Titles are variants the project's classifier knows (checklists/document_types.yaml): a
template changes how a document looks and is worded, not what a reviewer would call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Style:
    margins: tuple[float, float, float, float] = (70, 62, 58, 70)  # left, right, top, bottom
    base_size: float = 12.0
    spacing: float = 1.8
    title_size: float = 20.0
    agency_size: float = 16.0
    agency_font: str = "song"
    agency_inline: bool = False  # agency name and title on one line
    spaced_titles: bool = False  # 立　案　报　告
    title_rule: str | None = None  # None | "black" | "red": double rule under the title
    docno_align: str = "right"
    page_numbers: str = "dash_center"  # dash_center | right_bottom | stamp_top_right
    frame: bool = False  # ruled frame round every page
    fill_font: str = "song"  # fill-ins of forms and records (song: typed in the body font)
    record_font: str = "song"  # body of 笔录 (kai: written by hand)
    unnumbered: tuple[str, ...] = ("file_index", "file_remarks")
    agency_name: str = ""
    wobble: bool = True  # handwriting drawn with a small baseline wobble


@dataclass(frozen=True)
class Profile:
    hearing_citizen: int  # 较大数额罚款 for citizens (yuan, at or above)
    hearing_organisation: int
    collective_fine: int  # fine at or above which the heads discuss the case collectively
    defence_days: int  # working days to make statements and defence after the notice
    source: str  # which local example the assumption follows


@dataclass(frozen=True)
class Template:
    key: str
    name: str  # Chinese label
    province: str  # key of world.DISTRICTS
    style: Style
    profile: Profile
    titles: dict[str, str]
    generic_approval: frozenset[str] = frozenset()  # types drawn as 卫生行政执法事项审批表
    hearing_separate: bool = True  # a separate 听证告知书 (else the notice carries the hearing rights)
    party_layout: str = "lines"  # lines | lines_alt | inline
    labels: dict[str, str] = field(default_factory=dict)
    upper_date: bool = True  # agency block date 二〇二三年六月六日
    zero: str = "〇"
    money_style: str = "paren"
    cert_style: str = "plain"
    payment_title: str = ""
    order: str = "chronological"  # chronological | closing_first (Guangdong)
    receipt_methods: str = "boxes"  # boxes | text

    def title(self, dtype: str) -> str:
        return self.titles[dtype]

    def with_agency(self, agency: str) -> Style:
        return replace(self.style, agency_name=agency)


# The thresholds follow checklists/profiles/national-default.yaml (the profile `audit check` and
# `audit eval` use), so that a clean sample is clean under the toolkit's own settings; the defence
# period differs by template (3 or 5 working days, stated in each notice).
NATIONAL = "公民1万元以上、法人或者其他组织10万元以上为较大数额罚款；罚款5万元以上的案件经负责人集体讨论（同 checklists/profiles/national-default.yaml）"

BASE_TITLES = {
    "file_index": "卷内目录", "file_remarks": "卷内备考表", "acceptance_record": "案件来源登记表",
    "filing_report": "立案报告", "inspection_record": "现场笔录", "interview_record": "询问笔录",
    "supervision_opinion": "卫生监督意见书", "sampling_record": "非产品样品采样记录", "evidence": "证据材料",
    "test_result_notice": "检验结果告知书", "investigation_report": "案件调查终结报告", "panel_discussion": "合议记录",
    "legal_review": "法制审核意见书", "collective_discussion": "重大案件集体讨论记录",
    "advance_notice": "行政处罚事先告知书", "hearing_notice": "行政处罚听证告知书",
    "hearing_summons": "行政处罚听证通知书", "hearing_record": "听证笔录", "hearing_report": "听证意见书",
    "defence_record": "陈述和申辩笔录", "decision_approval": "行政处罚决定审批表", "decision": "行政处罚决定书",
    "service_receipt": "送达回执", "payment_receipt": "罚没款票据", "closing_report": "结案报告",
    "onsite_decision": "当场行政处罚决定书",
}

TEMPLATES: dict[str, Template] = {
    "zhejiang": Template(
        "zhejiang", "浙江式（表格审批、居中页码）", "zhejiang", Style(),
        Profile(10000, 100000, 50000, 3, NATIONAL),
        titles=dict(BASE_TITLES), hearing_separate=False,
        labels={"address": "地址", "rep": "法定代表人（负责人）"},
        payment_title="浙江省政府非税收入一般缴款书",
    ),
    "jiangsu": Template(
        "jiangsu", "江苏式（双线标题、居中文号、打字填写）", "jiangsu",
        Style(title_rule="black", docno_align="center", page_numbers="right_bottom", fill_font="hei",
              record_font="hei", agency_font="hei", agency_size=15, spaced_titles=True, title_size=19,
              spacing=1.75),
        Profile(10000, 100000, 50000, 5, NATIONAL),
        titles=dict(BASE_TITLES) | {
            "filing_report": "立案审批表", "inspection_record": "现场检查笔录", "investigation_report": "调查终结报告",
            "panel_discussion": "案件合议记录", "legal_review": "法制审核表", "collective_discussion": "案件集体讨论记录",
            "hearing_notice": "听证告知书", "defence_record": "陈述申辩笔录", "decision_approval": "行政处罚审批表",
            "service_receipt": "送达回证", "closing_report": "结案审批表", "file_index": "卷内文件目录",
            "file_remarks": "备考表", "acceptance_record": "案件受理记录",
        },
        party_layout="lines_alt", labels={"address": "住所", "rep": "法定代表人"}, upper_date=False,
        money_style="yuan", cert_style="prefixed", payment_title="江苏省非税收入一般缴款书", receipt_methods="text",
    ),
    "sichuan": Template(
        "sichuan", "四川式（边框、页号章、手写填写、事项审批表）", "sichuan",
        Style(frame=True, page_numbers="stamp_top_right", agency_inline=True, fill_font="kai", record_font="kai",
              title_size=18, margins=(76, 68, 70, 74), spacing=1.85),
        Profile(10000, 100000, 50000, 3, NATIONAL),
        titles=dict(BASE_TITLES) | {
            "inspection_record": "卫生监督现场笔录", "interview_record": "询问（调查）笔录",
            "investigation_report": "案件调查报告", "panel_discussion": "行政处罚合议记录",
            "collective_discussion": "重大案件集体讨论笔录", "advance_notice": "行政处罚告知书",
            "service_receipt": "卫生行政执法文书送达回执", "file_remarks": "备考表",
            "filing_report": "卫生行政执法事项审批表", "decision_approval": "卫生行政执法事项审批表",
            "closing_report": "卫生行政执法事项审批表",
        },
        generic_approval=frozenset({"filing_report", "decision_approval", "closing_report"}),
        hearing_separate=False, party_layout="inline", labels={"address": "住所", "rep": "负责人"}, zero="○",
        cert_style="letters", payment_title="四川省非税收入一般缴款书",
    ),
    "guangdong": Template(
        "guangdong", "广东式（红线标题、结案材料在前）", "guangdong",
        Style(title_rule="red", page_numbers="right_bottom", fill_font="hei", agency_size=15, title_size=20),
        Profile(10000, 100000, 50000, 5, NATIONAL),
        titles=dict(BASE_TITLES) | {
            "interview_record": "调查笔录", "hearing_notice": "听证告知书", "defence_record": "陈述申辩笔录",
            "service_receipt": "送达回证", "collective_discussion": "集体讨论记录",
        },
        party_layout="lines", labels={"address": "住所", "rep": "负责人"}, order="closing_first",
        payment_title="广东省非税收入一般缴款书",
    ),
}

GENERIC_TICKS = {"filing_report": "立案", "decision_approval": "行政处罚", "closing_report": "结案"}
