"""Ruled forms (审批表, 送达回证, 结案报告): the label column and what each label's cell holds.

A form page has a column of labels on the left (案由, 当事人, 执行情况, 见证人 …) and the
values to their right. In a text layer a label's text sits vertically centred in its row,
so the value may start above the label's own line and run below it; a label whose value
shares its baseline comes out on one line (``见证人 \\``). The cell of a label is everything
to the right of the label between the midpoints to the labels above and below it.

A cell is ``filled`` (content), ``struck`` (only a technical mark: ``\\``, ``/``, ``以下空白``)
or ``blank`` (nothing at all). Without boxes (plain text, .docx) only a label followed by a
colon can be judged: ``见证人：`` with nothing after it is blank; a bare label is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from audit.model import Case, Document, Field, Line

STRIKE_MARKS = {"\\", "/", "／", "＼", "—", "--", "-", "无", "以下空白", "（以下空白）", "此栏空白", "空白"}
_LABEL = regex.compile(
    r"^[ \u3000]*(?P<label>[\p{Han}（）()、]{2,12}?)[ \u3000]*"
    r"(?:(?P<colon>[：:])[ \u3000]*(?P<rest>.*?)|[ \u3000]+(?P<rest>\S.*?))?[ \u3000]*$"
)
_MIN_COLUMN = 3  # labels in one column before a page is taken for a form
_COLUMN_SLACK = 30.0  # points: label centres within this distance form one column


@dataclass(slots=True)
class Cell:
    label: str
    state: str  # filled | struck | blank | unknown
    text: str  # what the cell holds (joined lines), "" when blank
    page: int
    box: tuple | None
    line: Line

    def field(self, document: Document) -> Field:
        return Field(self.label, self.line.text, document.id, self.page, self.box)


def _state(parts: list[str]) -> str:
    content = [p.strip(" \u3000") for p in parts if p.strip(" \u3000")]
    if not content:
        return "blank"
    if all(p in STRIKE_MARKS or not p.strip("\\/／＼ \u3000") for p in content):
        return "struck"
    return "filled"


def _label_box(line: Line, length: int) -> tuple[float, float, float, float] | None:
    if line.box is None:
        return None
    stripped = len(line.text) - len(line.text.lstrip(" \u3000"))
    return line.span_box(stripped, stripped + length)


def _centre_y(box) -> float:
    return (box[1] + box[3]) / 2


def form_cells(case: Case, document: Document) -> list[Cell]:
    """Every label cell of the form pages of ``document``, in reading order."""
    cells: list[Cell] = []
    for number in document.pages:
        page = case.page(number)
        if page is None:
            continue
        cells.extend(_page_cells(page.number, page.lines))
    return cells


def _page_cells(number: int, lines: list[Line]) -> list[Cell]:
    boxed = [ln for ln in lines if ln.box is not None]
    if not boxed:
        return _text_cells(number, lines)
    left = min(ln.box[0] for ln in boxed)
    right = max(ln.box[2] for ln in boxed)
    candidates = []
    for ln in boxed:
        m = _LABEL.match(ln.text)
        if not m or _is_mark(m.group("label")):
            continue
        box = _label_box(ln, len(m.group("label")) + (1 if m.group("colon") else 0))
        if box is None or (box[0] + box[2]) / 2 > left + 0.3 * (right - left):
            continue
        candidates.append((ln, m, box))
    # a line right below a label that stands alone (立卷人： / 孟婷 2024年10月22日) is that label's
    # value, not a label of its own
    below = {id(v) for ln, m, _ in candidates if m.group("colon") and not (m.group("rest") or "").strip()
             if (v := _line_below(boxed, ln)) is not None}
    candidates = [c for c in candidates if id(c[0]) not in below or c[1].group("colon")]
    if len(candidates) < _MIN_COLUMN:
        return []
    centres = sorted((b[0] + b[2]) / 2 for _, _, b in candidates)
    median = centres[len(centres) // 2]
    column = [(ln, m, b) for ln, m, b in candidates if abs((b[0] + b[2]) / 2 - median) <= _COLUMN_SLACK]
    if len(column) < _MIN_COLUMN:
        return []
    column.sort(key=lambda c: _centre_y(c[2]))
    value_x = max(b[2] for _, _, b in column)  # the value column starts right of the widest label
    cells = []
    for i, (ln, m, box) in enumerate(column):
        centre = _centre_y(box)
        height = box[3] - box[1]
        top = (_centre_y(column[i - 1][2]) + centre) / 2 if i else centre - 3 * height
        bottom = (_centre_y(column[i + 1][2]) + centre) / 2 if i + 1 < len(column) else centre + 3 * height
        parts = [m.group("rest") or ""] + [o.text for o in _right_of(boxed, ln, box, value_x, top, bottom)]
        if i == 0 and _state(parts) == "blank":
            # the first row may be tall with its value at the top: reach up to the line above the table
            above = [o.box[3] for o in boxed if o.box[3] < box[1] and o.box[0] < min(value_x, box[2]) - 2]
            parts += [o.text for o in _right_of(boxed, ln, box, value_x, max(above, default=0.0), top)]
        if _state(parts) == "blank" and m.group("colon"):
            under = _line_below(boxed, ln)
            if under is not None:
                parts = [under.text.strip()]  # the value on the line below the label (a Word draft's paragraph)
        text = "\n".join(p for p in parts if p.strip())
        cells.append(Cell(m.group("label"), _state(parts), text, number, box, ln))
    if sum(c.state == "blank" for c in cells) * 2 > len(cells):
        return []  # headings over running text (一、调查经过 …), not a ruled form
    return cells


def _is_mark(label: str) -> bool:
    """A technical mark standing where a label would (（以下空白）) is not a label."""
    return label.strip("（）() \u3000") in {m.strip("（）() ") for m in STRIKE_MARKS} or "以下空白" in label


def _line_below(boxed: list[Line], label: Line) -> Line | None:
    """The value line right below a label alone on its line: starts within a few points of the
    label's left edge, no more than one and a half line heights lower, and is not a label."""
    height = label.box[3] - label.box[1]
    under = [o for o in boxed if o is not label and 0 <= o.box[1] - label.box[3] <= 1.5 * height
             and abs(o.box[0] - label.box[0]) <= 6]
    under.sort(key=lambda o: o.box[1])
    return under[0] if under and _value_line(under[0].text) else None


def _right_of(boxed: list[Line], label: Line, box, value_x: float, top: float, bottom: float) -> list[Line]:
    return [
        other for other in boxed
        if other is not label and other.box[0] >= min(value_x, box[2]) - 2 and top <= _centre_y(other.box) <= bottom
    ]


def _value_line(text: str) -> bool:
    """Whether a line is a value (not another ``label：`` line, not a known label, not empty)."""
    from audit.parse.vocabulary import is_label

    stripped = text.strip(" \u3000")
    if not stripped or is_label(stripped):
        return False
    m = _LABEL.match(stripped)
    return not (m and m.group("colon"))


def _text_cells(number: int, lines: list[Line]) -> list[Cell]:
    """Plain text: ``label：value`` lines; a bare label cannot be judged."""
    cells = []
    for i, ln in enumerate(lines):
        m = _LABEL.match(ln.text)
        if not m or _is_mark(m.group("label")):
            continue
        if m.group("colon"):
            parts = [m.group("rest") or ""]
            if not parts[0].strip() and i + 1 < len(lines) and _value_line(lines[i + 1].text):
                parts = [lines[i + 1].text.strip()]  # the value on the next line (the cell below the label)
            cells.append(Cell(m.group("label"), _state(parts), parts[0], number, None, ln))
        elif m.group("rest") is not None:
            cells.append(Cell(m.group("label"), _state([m.group("rest")]), m.group("rest"), number, None, ln))
    return cells


def read_on(case: Case, document: Document, labels: set[str], stop: set[str]) -> Cell | None:
    """A label's cell, read in reading order, that holds only the printed signing place: the rest of the label's line and the lines after
    it, up to the next line that starts with one of ``stop`` (the form's other labels).

    Where a form's labels sit at the top of their rows, the geometric cell of a label takes
    the last line of the row above (a signing line); the reading order does not. The cell is
    ``blank`` when it holds only the printed signing place and date (签名：　2024年6月27日):
    no opinion and no signature.
    """
    from audit.parse.dates import find_dates
    from audit.parse.vocabulary import find_phrase

    lines = [(number, ln) for number in document.pages if (page := case.page(number)) for ln in page.lines]
    for i, (number, ln) in enumerate(lines):
        m = _LABEL.match(ln.text)
        compact = regex.sub(r"[\s\u3000]+", "", m.group("label")) if m else ""
        if not m or compact not in labels:
            continue
        parts = [m.group("rest") or ""]
        for _, other in lines[i + 1:]:
            o = _LABEL.match(other.text)
            if o and regex.sub(r"[\s\u3000]+", "", o.group("label")) in stop:
                break
            parts.append(other.text)
        text = "\n".join(p for p in parts if p.strip())
        rest, places = text, 0
        for d in sorted(find_dates(rest), key=lambda d: d.span[0], reverse=True):
            rest = rest[: d.span[0]] + rest[d.span[1]:]
        while (place := find_phrase("签名处", rest)) is not None:
            rest, places = rest[: place.start()] + rest[place.end():], places + 1
        if places and not rest.strip(" \u3000\n"):
            return Cell(m.group("label"), "blank", text, number, ln.box, ln)
    return None  # no cell holding only the printed signing place: the geometric reading stands
