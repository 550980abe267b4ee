"""The one XLSX writer: sheets of a header and rows, Chinese headers styled, frozen and
filtered, columns sized to their content, number formats, links; written atomically. The
batch workbook and the statistics workbook both use it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.atomic import write_via

MAX_WIDTH, MIN_WIDTH = 60, 6


@dataclass(slots=True)
class Sheet:
    name: str
    columns: list[str]
    rows: list[list[Any]]
    formats: dict[int, str] = field(default_factory=dict)  # column index (0-based) → number format
    links: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column), 0-based → target
    note: str = ""


def text_width(text: str) -> int:
    return sum(2 if ord(ch) > 127 else 1 for ch in text)


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def write_sheets(path: Path, sheets: list[Sheet]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
    link_font = Font(color="0563C1", underline="single")
    for sheet in sheets:
        ws = book.create_sheet(sheet.name[:31])
        ws.append(list(sheet.columns))
        for cell in ws[1]:
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in sheet.rows:
            ws.append([_clean(v) for v in row])
        for (r, c), target in sheet.links.items():
            cell = ws.cell(row=r + 2, column=c + 1)
            cell.hyperlink, cell.font = target, link_font
        for j, title in enumerate(sheet.columns):
            letter = get_column_letter(j + 1)
            if j in sheet.formats:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
                    cell.number_format = sheet.formats[j]
            texts = [str(title)] + [str(r[j]) for r in sheet.rows[:200] if _clean(r[j]) is not None]
            ws.column_dimensions[letter].width = min(MAX_WIDTH, max(MIN_WIDTH, max(map(text_width, texts)) + 2))
        ws.freeze_panes = "A2"
        if sheet.columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(1, len(sheet.rows) + 1)}"
        if sheet.note:
            ws.cell(row=len(sheet.rows) + 3, column=1, value=f"注：{sheet.note}")
    return write_via(path, lambda tmp: book.save(tmp))
