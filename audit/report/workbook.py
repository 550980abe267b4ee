"""The batch workbook (XLSX): cases, all findings, per-rule counts; Chinese headers,
frozen header rows, filters and column widths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.utils import get_column_letter

from audit import labels
from audit.atomic import write_via
from audit.parse.segment import type_names

DIMENSIONS = tuple(labels.DIMENSION)
LINKED_SHEETS = ("案卷", "问题明细")  # the 案卷 cell of each row opens that case's report


def _cases_frame(records: list[dict[str, Any]], errors: list[dict[str, str]]) -> pd.DataFrame:
    rows = []
    for r in records:
        fails = [f for f in r["findings"] if f["status"] == "fail" and not f["waived"]]
        row = {
            "案卷": r["case_id"], "文号": r["case_number"], "当事人": r["party"], "办案单位": r["agency"],
            "执法人员": "、".join(r["officers"]), "程序": labels.procedure(r["procedure"]),
            "立案日期": r["filed"], "决定日期": r["decided"], "结案日期": r["closed"], "罚款（元）": r["fine_total"],
            "得分": r["score"], "等级": r["grade"], "否决项": labels.YES_NO[bool(r["vetoed"])],
            "不符合": r["counts"].get("fail", 0), "待人工核查": r["counts"].get("needs_review", 0),
        }
        for d in DIMENSIONS:
            row[f"{d}扣分问题数"] = sum(1 for f in fails if f["dimension"] == d)
        row["状态"] = "已审查（案卷不完整）" if r.get("incomplete") else "已审查"
        rows.append(row)
    for e in errors:
        rows.append({"案卷": e["case_id"], "状态": "无法审查", "说明": e["error"]})
    return pd.DataFrame(rows)


def _findings_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    names = type_names()
    rows = [
        {
            "案卷": r["case_id"], "文号": r["case_number"], "办案单位": r["agency"], "规则": f["rule"],
            "事项": f["title"], "维度": f["dimension"], "严重程度": labels.severity(f["severity"]),
            "结果": labels.status(f["status"]), "分值": f["points"],
            "文书": names.get(f["document"], f["document"]) if f["document"] else None, "页码": f["page"],
            "问题描述": f["observed"], "依据": f["basis"], "整改建议": f["fix"], "已豁免": "是" if f["waived"] else "",
        }
        for r in records for f in r["findings"]
    ]
    return pd.DataFrame(rows, columns=["案卷", "文号", "办案单位", "规则", "事项", "维度", "严重程度", "结果", "分值",
                                       "文书", "页码", "问题描述", "依据", "整改建议", "已豁免"])


def _rules_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    findings = _findings_frame(records)
    if findings.empty:
        return pd.DataFrame(columns=["规则", "事项", "维度", "不符合案卷数", "待人工核查案卷数", "不符合占比"])
    total = max(len(records), 1)
    grouped = findings.groupby(["规则", "事项", "维度"])
    table = pd.DataFrame({
        "不符合案卷数": grouped.apply(lambda g: g.loc[g["结果"] == "不符合", "案卷"].nunique(), include_groups=False),
        "待人工核查案卷数": grouped.apply(lambda g: g.loc[g["结果"] == "待人工核查", "案卷"].nunique(), include_groups=False),
    }).reset_index()
    table["不符合占比"] = (table["不符合案卷数"] / total).round(4)
    return table.sort_values(["不符合案卷数", "待人工核查案卷数", "规则"], ascending=[False, False, True])


def write_workbook(records: list[dict[str, Any]], errors: list[dict[str, str]], path: Path,
                   duplicates: dict[str, str] | None = None) -> Path:
    """Write the batch workbook with sheets 案卷, 问题明细, 规则统计 (and 重复提交 when inputs
    repeated others: named there, counted nowhere else)."""
    sheets = {"案卷": _cases_frame(records, errors), "问题明细": _findings_frame(records), "规则统计": _rules_frame(records)}
    if duplicates:
        sheets["重复提交"] = pd.DataFrame([{"文件": c, "说明": line.split(" / ", 1)[0]} for c, line in duplicates.items()])
    return write_via(path, lambda tmp: _write(sheets, tmp))


def _write(sheets: dict[str, pd.DataFrame], path: Path) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            if sheet.max_row >= 1 and sheet.max_column >= 1:
                sheet.auto_filter.ref = sheet.dimensions
            if name in LINKED_SHEETS and "案卷" in frame.columns:
                _link_reports(sheet, frame)
            for i, column in enumerate(frame.columns, start=1):
                values = [str(column)] + [str(v) for v in frame[column].head(200) if v is not None]
                width = min(60, max(6, max(sum(2 if ord(ch) > 127 else 1 for ch in v) for v in values) + 2))
                sheet.column_dimensions[get_column_letter(i)].width = width


def _link_reports(sheet, frame: pd.DataFrame) -> None:
    """Each row's 案卷 cell links to ``<case>/report.html`` beside the workbook (rows of cases
    that could not be audited link to the batch index)."""
    from openpyxl.styles import Font

    column = list(frame.columns).index("案卷") + 1
    audited = frame["状态"] != "无法审查" if "状态" in frame.columns else None
    for row, case_id in enumerate(frame["案卷"], start=2):
        ok = audited is None or bool(audited.iloc[row - 2])
        cell = sheet.cell(row=row, column=column)
        cell.hyperlink = f"{case_id}/report.html" if ok else "index.html"
        cell.font = Font(color="0563C1", underline="single")
