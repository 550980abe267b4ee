"""The small document model of the zoo: documents made of blocks, and a family's layout style."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One visual unit. ``kind``:

    head (centred title line), number (right-aligned 文号/编号), para (body paragraph),
    right (right-aligned line: signatures, dates), kv (label：value on one line), kv_line (label on
    its own line, value in the next paragraph), kv_cell (label and value in two table cells), row
    (a table row of ``cells``), seal (agency name, "（印章）", date).
    """

    kind: str
    text: str = ""
    label: str = ""
    cells: tuple[str, ...] = ()


@dataclass
class Doc:
    """One document of a case file; ``type`` is the document type of checklists/document_types.yaml."""

    type: str
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Style:
    """How a template family lays out and words the same facts (all from its SOURCE.md)."""

    family: str
    kv: str = "kv"  # kv | kv_line | kv_cell: how label/value rows are drawn
    date: str = "arabic"  # arabic (2024年5月6日) | upper (二〇二四年五月六日) for the agency's date line
    titles: dict[str, str] = field(default_factory=dict)  # document type -> title used by the family
    party_label: str = "当事人"  # 当事人 / 被处罚人 / 被检查单位 …
    rep_label: str = "法定代表人（负责人）"
    interview_title: str = "询问笔录"
    inspection_title: str = "现场笔录"
    certificate_phrase: str = "shown"  # shown | numbers | oral (three ways of writing 出示证件)
    filing_signers: str = "承办人"  # 承办人 | 经办人 (经办人1/经办人2 rows)
    approver_rows: bool = False  # approval forms with "负责人：" rows of approvers
    decision_sections: bool = False  # decision with headed sections 违法事实 / 相关证据 / 行政处罚依据和种类
    name_details: bool = False  # "刘志强（男，41岁）"
    receipt_table: bool = True  # 送达回执 as a table (else free text)
