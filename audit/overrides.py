"""Corrections of mis-read fields (人工更正), kept beside the case and applied after reading.

A reviewer or the officer who handles the case corrects what the reader got wrong (a date
the OCR misread, a case number with a smudged digit) without touching the file itself.
The corrections live in an override file beside the case:

- for a folder case: ``<folder>/overrides.json``;
- for a single file ``x.pdf``: ``x.overrides.json`` beside it.

The file is a JSON list; each entry corrects one field of one document::

    [
      {"document": "d16-decision",      # a document id, type code (decision) or name (行政处罚决定书)
       "field": "decided",              # the document's field key, as in ``audit extract``
       "value": "2023年9月11日",          # the correct value, as written on the page
       "reason": "OCR 将“11”识别为“17”",  # why
       "who": "张三", "date": "2026-11-01"}
    ]

Only scalar fields can be corrected (dates, numbers, names, case numbers, remedy periods…);
the value is normalised as the reader would (dates to ISO, case numbers to the official form)
and gets confidence 1.0 and ``detail["override"]`` that says it was corrected by hand, with
the reason, who, when and the value read before. The case-level facts are then derived again
from the documents, so every rule sees the corrected value. A later entry for the same field
wins. ``apply_overrides`` never raises for a bad file: it returns notes (also added to the
case's warnings) saying what was applied and what was not.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from audit.atomic import write_atomic
from audit.model import Case, Document, Field

OVERRIDES_NAME = "overrides.json"
OVERRIDES_SUFFIX = ".overrides.json"

# document field keys whose value is a date (ISO string), an int, or a bool
DATE_FIELDS = frozenset({
    "date", "accepted", "filed", "inspected", "interviewed", "decided", "served", "paid", "closed",
    "executed",
})
INT_FIELDS = frozenset({"review_days", "litigation_months"})
BOOL_FIELDS = frozenset({"hearing_right"})
CASE_NUMBER_FIELDS = frozenset({"case_number", "served_case_number"})
# names users see for the fields they may correct (the web page lists these first)
FIELD_NAMES: dict[str, str] = {
    "case_number": "文号",
    "agency": "执法机关",
    "party_name": "当事人",
    "legal_representative": "法定代表人（负责人）",
    "party_address": "地址",
    "cause": "案由",
    "case_source": "案件来源",
    "date": "落款日期",
    "accepted": "受理日期",
    "filed": "立案日期",
    "inspected": "检查日期",
    "interviewed": "询问日期",
    "interviewee": "被询问人",
    "decided": "决定日期",
    "served": "送达（签收）日期",
    "served_document": "送达文书",
    "served_case_number": "送达文书文号",
    "service_method": "送达方式",
    "recipient": "受送达人",
    "paid": "缴款日期",
    "closed": "结案日期",
    "executed": "执行日期",
    "review_body": "复议机关",
    "review_days": "复议期限（日）",
    "court": "管辖法院",
    "litigation_months": "诉讼期限（月）",
    "hearing_right": "告知听证权利",
}


@dataclass(slots=True)
class Override:
    document: str
    field: str
    value: Any
    reason: str = ""
    who: str = ""
    date: str = ""
    original: Any = None  # the value read before, kept for the record


def override_path(source: Path) -> Path:
    """Where the override file of the case at ``source`` lives."""
    source = Path(source)
    if source.is_dir():
        return source / OVERRIDES_NAME
    from audit.sidefiles import side_path

    return side_path(source.parent, source.stem, OVERRIDES_SUFFIX)


def load_overrides(source: Path) -> tuple[list[Override], list[str]]:
    """The entries of the case's override file (none when there is no file) and notes on
    entries that could not be used."""
    from audit.sidefiles import exists

    path = override_path(source)
    if not exists(path):
        return [], []
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [], [f"更正文件无法读取，已忽略：{path.name}（{exc}） / override file ignored: {path.name} ({exc})"]
    if not isinstance(data, list):
        return [], [f"更正文件应为列表，已忽略：{path.name} / override file must be a JSON list: {path.name}"]
    out, notes = [], []
    for i, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or not entry.get("document") or not entry.get("field") or "value" not in entry:
            notes.append(f"更正文件第 {i} 项缺少 document、field 或 value，已忽略 / override entry {i} "
                         "lacks document, field or value and was ignored")
            continue
        out.append(Override(
            document=str(entry["document"]), field=str(entry["field"]), value=entry["value"],
            reason=str(entry.get("reason", "")), who=str(entry.get("who", "")), date=str(entry.get("date", "")),
            original=entry.get("original"),
        ))
    return out, notes


def apply_overrides(case: Case, source: Path) -> list[str]:
    """Apply the override file of the case at ``source`` to ``case`` in place.

    Returns notes (one per entry applied or refused, and one for a bad file); they are also
    added to ``case.warnings``. The case-level facts are derived again from the documents
    when anything was applied. No file: nothing happens and no note.
    """
    entries, notes = load_overrides(source)
    applied = False
    for entry in entries:
        note, ok = _apply_one(case, entry)
        notes.append(note)
        applied = applied or ok
    if applied:
        from audit.parse.consolidate import consolidate

        consolidate(case)
    case.warnings.extend(n for n in notes if n not in case.warnings)
    return notes


def find_document(case: Case, ref: str) -> tuple[Document | None, str]:
    """The document named by ``ref`` (id, type code or Chinese name) and, when there is
    none or several, why."""
    exact = case.document(ref)
    if exact is not None:
        return exact, ""
    from audit.parse.segment import type_names

    names = type_names()
    matches = [d for d in case.documents if ref in (d.type, names.get(d.type), d.title)]
    if len(matches) == 1:
        return matches[0], ""
    if not matches:
        return None, f"案卷中没有文书“{ref}” / no document {ref!r} in the case"
    ids = "、".join(d.id for d in matches)
    return None, f"“{ref}”对应多份文书（{ids}），请改用文书编号 / {ref!r} names several documents ({ids}); use an id"


def _apply_one(case: Case, entry: Override) -> tuple[str, bool]:
    label = f"{entry.document}.{entry.field}"
    document, why = find_document(case, entry.document)
    if document is None:
        return f"更正未应用：{why}", False
    current = document.fields.get(entry.field)
    if isinstance(current, list):
        return (f"更正未应用：{label} 是多值字段，暂不支持更正 / override not applied: "
                f"{label} holds several values and cannot be corrected yet"), False
    try:
        value, detail = normalise(entry.field, entry.value)
    except ValueError as exc:
        return f"更正未应用：{label} 的值“{entry.value}”{exc}", False
    original = current.value if isinstance(current, Field) else None
    if isinstance(current, Field) and current.detail and "override" in current.detail:
        original = current.detail["override"].get("original")  # corrected again: keep what was read
    detail["override"] = {
        "corrected_by_hand": True, "reason": entry.reason, "who": entry.who, "date": entry.date,
        "original": original if entry.original is None else entry.original,
        "original_raw": current.raw if isinstance(current, Field) else None,
    }
    document.fields[entry.field] = Field(
        value=value,
        raw=str(entry.value),
        document=document.id,
        page=current.page if isinstance(current, Field) and current.page else document.first_page,
        box=current.box if isinstance(current, Field) else None,
        confidence=1.0,
        detail=detail,
    )
    from audit.parse.segment import type_names

    where = f"{type_names().get(document.type, '文书')}第{document.first_page}页"
    return f"已按人工更正：{where}的{FIELD_NAMES.get(entry.field, entry.field)}＝{value} / corrected by hand: {label}", True


def normalise(key: str, value: Any) -> tuple[Any, dict[str, Any]]:
    """The field value as the reader would have stored it, and its normaliser detail.

    Raises ValueError (message in Chinese) when ``value`` cannot be such a value."""
    text = str(value).strip() if value is not None else ""
    if key in BOOL_FIELDS:
        if isinstance(value, bool):
            return value, {}
        if text.lower() in ("true", "1", "是", "有"):
            return True, {}
        if text.lower() in ("false", "0", "否", "无"):
            return False, {}
        raise ValueError("不是“是”或“否” / is not yes or no")
    if not text:
        raise ValueError("为空 / is empty")
    if key in DATE_FIELDS:
        from audit.parse.dates import parse_date

        match = parse_date(text)
        if match is None or match.value is None:
            try:
                return dt.date.fromisoformat(text).isoformat(), {"precision": "day"}
            except ValueError:
                raise ValueError("不是完整的日期（例如 2023年9月11日） / is not a full date") from None
        detail: dict[str, Any] = {"precision": match.precision}
        if match.time:
            detail["time"] = match.time.strftime("%H:%M")
        return match.value.isoformat(), detail
    if key in INT_FIELDS:
        digits = "".join(ch for ch in text if ch.isdigit())
        if not digits:
            from audit.parse.numerals import chinese_to_int  # 六十 → 60

            number = chinese_to_int(text.rstrip("日天个月"))
            if number is None:
                raise ValueError("不是数字 / is not a number")
            return int(number), {}
        return int(digits), {}
    if key in CASE_NUMBER_FIELDS:
        from audit.parse.case_numbers import parse_case_number

        parsed = parse_case_number(text)
        if parsed is None:
            raise ValueError("不是可识别的文号（例如 杭拱卫医罚〔2023〕55号） / is not a case number")
        # the same detail as audit.parse.fields gives a number read from the page
        detail = {"key": list(parsed.key()), "nature": parsed.nature, "year": parsed.year, "issues": parsed.issues()}
        return parsed.normalized, detail
    return text, {}


def save_override(source: Path, entry: Override) -> Path:
    """Add ``entry`` to the case's override file (replacing an earlier entry for the same
    document and field), written atomically. Returns the file's path."""
    path = override_path(source)
    entries, _ = load_overrides(source)
    entries = [e for e in entries if (e.document, e.field) != (entry.document, entry.field)]
    if not entry.date:
        entry.date = dt.date.today().isoformat()
    entries.append(entry)
    data = [{k: v for k, v in asdict(e).items() if v is not None} for e in entries]
    return write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def remove_override(source: Path, document: str, field: str) -> bool:
    """Drop the entry for ``document``/``field`` from the override file; True if one was there."""
    path = override_path(source)
    entries, _ = load_overrides(source)
    kept = [e for e in entries if (e.document, e.field) != (document, field)]
    if len(kept) == len(entries):
        return False
    if kept:
        path.write_text(json.dumps([{k: v for k, v in asdict(e).items() if v is not None} for e in kept],
                                   ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        path.unlink()
    return True
