"""Chinese words for the toolkit's enums, with their ranks: one table that every output
(report, notice, workbook, web page, statistics, terminal) reads, so that no internal
value (``veto``, ``ordinary``, ``organisation``, a check kind's name) reaches a reader."""

from __future__ import annotations

from enum import Enum

# value → (label, rank); rank orders the values from most to least serious / important
SEVERITY = {"veto": ("否决项", 0), "major": ("重要", 1), "minor": ("一般", 2), "advice": ("建议", 3)}
STATUS = {"fail": ("不符合", 0), "needs_review": ("待人工核查", 1), "error": ("执行出错", 2),
          "pass": ("符合", 3), "not_applicable": ("不适用", 4)}
PROCEDURE = {"ordinary": ("普通程序", 0), "simple": ("简易程序", 1)}
PARTY_KIND = {"organisation": ("单位", 0), "individual": ("个人", 1)}
DIMENSION = {name: (name, i) for i, name in enumerate(
    ("执法主体", "事实认定与证据", "法律适用", "程序合法", "行政裁量", "文书规范", "案卷管理"))}
# how a rule inspects the case (the check kind): what `audit explain` and `audit rules` show
INSPECTION = {
    "agency_name_current": "核对执法机关名称是否为行为时的名称",
    "case_number_format": "核对文号格式",
    "evidence_elements": "核对证据要素",
    "file_index_matches": "核对卷内目录与案卷内容",
    "identifier_checksums": "核对证件号码校验位",
    "law_articles_exist": "核对所引条款是否存在",
    "law_citations_precise": "核对引用是否具体到条款项",
    "law_citations_present": "核对是否引用法律依据",
    "law_notice_matches_decision": "核对告知书与决定书的依据是否一致",
    "law_obligation_link": "核对违法条款与处罚条款是否对应",
    "law_review_body": "核对复议机关",
    "law_review_first_notice": "核对复议前置告知",
    "amounts_agree.capitals_digits": "核对金额大小写",
    "officers.count": "核对执法人员人数",
    "officers.certificates": "核对执法证件信息",
    "pages_numbered": "核对页码",
    "penalty_not_heavier_than_notice": "核对决定是否重于告知",
    "period": "核对法定期限",
    "amounts_agree.fine": "核对缴款金额",
    "record_time_span": "核对笔录起止时间",
    "seal_present": "核对印章",
    "service_receipt_for_each": "核对送达回证",
    "signature_each_page": "核对逐页签名",
    "simple_procedure_limits": "核对简易程序适用条件",
    "timeline_order": "核对办案时间顺序",
    "text_patterns": "核对文书措辞与必备内容",
    "consistent_across_documents": "核对各文书记载是否一致",
    "form_cells_filled": "核对表格栏目是否填写",
    "blank_form_cells": "核对表格是否留有空白栏",
    "threshold_duty": "核对达到数额时的法定义务",
    "document_implies": "核对应附文书是否齐备",
    "required_documents": "核对必备文书是否齐全",
    "law_instrument_in_force": "核对所引法律文件是否有效",
    "law_penalty_kinds": "核对处罚种类是否在法定范围内",
    "law_fine_range": "核对罚款数额是否在法定幅度内",
    "law_companion_penalties": "核对应并处的处罚",
    "law_procedure_numbering": "核对程序条款引用",
    "law_remedy_periods": "核对复议和诉讼期限",
    "signing_dates_complete": "核对签署日期是否齐全",
    "same_category": "核对案由与违法行为类别是否一致",
    "same_statement_same_numbers": "核对同一陈述中的数字是否一致",
    "conclusion_matches_decision": "核对调查结论与处罚决定是否一致",
}
YES_NO = {True: "是", False: "否"}


def _value(value: object) -> str:
    return value.value if isinstance(value, Enum) else str(value)


def _label(table: dict, value: object, missing: str) -> str:
    if value is None or value == "":
        return missing
    entry = table.get(_value(value))
    return entry[0] if entry else missing


def severity(value: object, missing: str = "—") -> str:
    return _label(SEVERITY, value, missing)


def status(value: object, missing: str = "—") -> str:
    return _label(STATUS, value, missing)


def procedure(value: object, missing: str = "未能判断") -> str:
    return _label(PROCEDURE, value, missing)


def party_kind(value: object, missing: str = "未能判断") -> str:
    return _label(PARTY_KIND, value, missing)


def dimension(value: object, missing: str = "未分维度") -> str:
    return _label(DIMENSION, value, missing)


def inspection(kind: str, variant: str = "") -> str:
    """The inspection mode of a check kind, in words; an unlisted kind reads as a check.

    ``variant``: the key of the kind's mode (``officers.count``), looked up before the kind."""
    return INSPECTION.get(variant) or INSPECTION.get(kind, "专项核对")


def rank(table: dict, value: object) -> int:
    entry = table.get(_value(value))
    return entry[1] if entry else len(table)


def names(table: dict) -> dict[str, str]:
    """value → label, for templates and data frames."""
    return {k: v[0] for k, v in table.items()}
