"""Metamorphic evaluation: meaning-preserving rewrites of a clean case must not change its findings.

A clean sample (truth.json without defects, with ``pages_text``) is written as a text file (one page
per form feed) and checked; then each transformation rewrites the same pages and the case is
checked again. A rule that fails on the rewrite but not on the original is a false alarm of that
transformation. ``docx_vs_pdf`` compares the .docx and the text PDF of the same file instead.

Transformations (all keep the legal meaning of the file):

- ``label_synonyms``: titles and labels by their variants (询问调查笔录, 被处罚人 …);
- ``label_own_line``: "标签：值" becomes "标签：" with the value on the next line;
- ``cell_wrap``: a date in a form row wraps after its month, as in a narrow table cell;
- ``date_upper`` / ``date_dotted``: 2024年5月6日 as 二〇二四年五月六日 / 2024.05.06;
- ``fullwidth_digits``: digits as full-width characters (２０２４);
- ``halfwidth_punct``: full-width colon and brackets as half-width (: ( ));
- ``name_details``: the interviewee's name with sex and age, "刘志强（男，41岁）";
- ``reorder_rows``: two adjacent optional party rows (地址 / 联系电话 …) swapped.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

Pages = list[str]

CN_DIGITS = "〇一二三四五六七八九"
DATE = re.compile(r"(?<![\d.])(\d{4})年(\d{1,2})月(\d{1,2})日")
LABEL = re.compile(r"^(?P<label>[\u4e00-\u9fff（）()、]{2,16})：(?P<value>\S.*)$")

# title (whole line) and label variants: each is a wording real forms use (see samples/zoo/*/SOURCE.md
# and shared/domain/case-file-review.md §1.2 naming variants)
TITLE_SYNONYMS = {
    "询问笔录": "询问调查笔录",
    "现场笔录": "现场检查笔录",
    "送达回执": "送达回证",
    "陈述和申辩笔录": "陈述申辩笔录",
    "案件调查终结报告": "调查终结报告",
    "立案报告": "立案审批表",
}
LABEL_SYNONYMS = {
    "当事人": "被处罚人",
    "法定代表人（负责人）": "法定代表人",
    "被检查单位": "被检查单位（人）",
    "询问人": "调查人",
}
OPTIONAL_ROWS = ("地址", "联系电话", "统一社会信用代码", "法定代表人（负责人）", "住址", "工作单位", "职务", "身份证号码",
                 "联系方式", "性别", "出生日期")


def _upper_year(y: str) -> str:
    return "".join(CN_DIGITS[int(c)] for c in y)


def _upper_small(n: int) -> str:
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones else "")


def _lines(pages: Pages, fn: Callable[[str], list[str]]) -> Pages:
    return ["\n".join(out for line in page.split("\n") for out in fn(line)) for page in pages]


def label_synonyms(pages: Pages) -> Pages:
    """Document names by a variant everywhere (title, index, references), labels where they open a row."""
    def fn(line: str) -> list[str]:
        for old, new in TITLE_SYNONYMS.items():
            if new not in line:
                line = line.replace(old, new)
        s = line.strip()
        for old, new in LABEL_SYNONYMS.items():
            if s.startswith(old + "：") or s.startswith(old + " "):
                return [line.replace(old, new, 1)]
        return [line]
    return _lines(pages, fn)


def label_own_line(pages: Pages) -> Pages:
    def fn(line: str) -> list[str]:
        m = LABEL.match(line.strip())
        if not m or "：" in m["value"]:
            return [line]
        return [m["label"] + "：", m["value"]]
    return _lines(pages, fn)


def cell_wrap(pages: Pages) -> Pages:
    def fn(line: str) -> list[str]:
        m = LABEL.match(line.strip()) or re.match(r"^(?P<label>[\u4e00-\u9fff]{2,10}) (?P<value>\S.*)$", line.strip())
        if not m:
            return [line]
        d = DATE.search(line)
        if not d:
            return [line]
        cut = d.start(3)  # after "月"
        return [line[:cut], line[cut:]]
    return _lines(pages, fn)


def date_upper(pages: Pages) -> Pages:
    def sub(m: re.Match) -> str:
        return f"{_upper_year(m[1])}年{_upper_small(int(m[2]))}月{_upper_small(int(m[3]))}日"
    return [DATE.sub(sub, p) for p in pages]


def date_dotted(pages: Pages) -> Pages:
    return [DATE.sub(lambda m: f"{m[1]}.{int(m[2]):02d}.{int(m[3]):02d}", p) for p in pages]


def fullwidth_digits(pages: Pages) -> Pages:
    table = str.maketrans("0123456789", "０１２３４５６７８９")
    return [p.translate(table) for p in pages]


def halfwidth_punct(pages: Pages) -> Pages:
    table = str.maketrans({"：": ":", "（": "(", "）": ")", "，": ",", "；": ";"})
    return [p.translate(table) for p in pages]


def name_details(pages: Pages) -> Pages:
    """Add "（男，41岁）" after the interviewee's name where the record states sex and birth date."""
    out = []
    for page in pages:
        name = re.search(r"被询问人[：:]\s*([\u4e00-\u9fff]{2,4})(?=\s|$|性别)", page, re.M)
        sex = re.search(r"性别[：:]\s*([男女])", page)
        birth = re.search(r"出生日期[：:]\s*(\d{4})年(\d{1,2})月(\d{1,2})日", page)
        when = DATE.search(page[page.find("询问时间"):]) if "询问时间" in page else None
        if not (name and sex and birth and when):
            out.append(page)
            continue
        b = dt.date(int(birth[1]), int(birth[2]), int(birth[3]))
        w = dt.date(int(when[1]), int(when[2]), int(when[3]))
        age = w.year - b.year - ((w.month, w.day) < (b.month, b.day))
        start, end = name.span(1)
        out.append(page[:end] + f"（{sex[1]}，{age}岁）" + page[end:])
    return out


def reorder_rows(pages: Pages) -> Pages:
    def is_optional(line: str) -> bool:
        m = LABEL.match(line.strip())
        return bool(m) and m["label"] in OPTIONAL_ROWS
    out = []
    for page in pages:
        lines = page.split("\n")
        for i in range(len(lines) - 1):
            if is_optional(lines[i]) and is_optional(lines[i + 1]):
                lines[i], lines[i + 1] = lines[i + 1], lines[i]
                break
        out.append("\n".join(lines))
    return out


TRANSFORMS: dict[str, Callable[[Pages], Pages]] = {
    "label_synonyms": label_synonyms,
    "label_own_line": label_own_line,
    "cell_wrap": cell_wrap,
    "date_upper": date_upper,
    "date_dotted": date_dotted,
    "fullwidth_digits": fullwidth_digits,
    "halfwidth_punct": halfwidth_punct,
    "name_details": name_details,
    "reorder_rows": reorder_rows,
}
DOCX_VS_PDF = "docx_vs_pdf"
ALL = (*TRANSFORMS, DOCX_VS_PDF)


# --- running --------------------------------------------------------------------------------------


def pages_of(truth: dict) -> Pages | None:
    """The drawn text of a case, page by page (None when the truth does not record it)."""
    pt = truth.get("pages_text")
    if not pt:
        return None
    return [pt[k] for k in sorted(pt, key=int)]


def fails_of(path: Path) -> set[str]:
    """Rule codes that answer ``fail`` on one file or folder (the public pipeline)."""
    from audit.model import Status
    from audit.pipeline import check_case, read_case

    case = read_case(path, overrides=False)
    return {f.rule for f in check_case(case) if f.status is Status.FAIL}


def fails_of_pages(pages: Pages, name: str = "case") -> set[str]:
    with tempfile.TemporaryDirectory(prefix="audit-meta-") as tmp:
        path = Path(tmp) / f"{name}.txt"
        path.write_text("\f".join(pages) + "\n", encoding="utf-8")
        return fails_of(path)


def new_fails(truth: dict, folder: Path, transformation: str, *, baseline: set[str] | None = None) -> set[str] | None:
    """Rules failing on the transformed file but not on the original; None when not applicable."""
    if transformation == DOCX_VS_PDF:
        docx, pdf = folder / "case.docx", folder / "text.pdf"
        if not (docx.exists() and pdf.exists()):
            return None
        a, b = fails_of(pdf), fails_of(docx)
        return (a ^ b)
    pages = pages_of(truth)
    if pages is None:
        return None
    changed = TRANSFORMS[transformation](pages)
    if changed == pages:
        return None
    if baseline is None:
        baseline = fails_of_pages(pages)
    return fails_of_pages(changed) - baseline


def clean_samples(root: Path) -> list[tuple[str, Path, dict]]:
    """(case id, folder, truth) of every clean case under ``root`` that records its page text."""
    from audit.eval.discover import find_cases

    out = []
    for case in find_cases(root):
        if case.truth.get("defects"):
            continue
        if pages_of(case.truth) is None and not (case.folder / "case.docx").exists():
            continue
        out.append((case.case_id, case.folder, case.truth))
    return out


def evaluate_metamorphic(roots: list[Path], transformations: tuple[str, ...] = ALL,
                         progress: Callable[[str, str, set[str] | None], None] | None = None) -> dict:
    """False alarms per transformation and per template family on every clean sample under ``roots``.

    Keys: ``samples``; ``by_transformation`` {name: {``files``, ``files_with_new_fail``, ``new_fails``}};
    ``by_template`` {template: {``files``, ``files_with_new_fail``, ``new_fails``}}; ``false_alarms``
    [{``case``, ``template``, ``transformation``, ``rule``}].
    """
    samples = [s for root in roots for s in clean_samples(root)]
    by_t = {t: {"files": 0, "files_with_new_fail": 0, "new_fails": 0} for t in transformations}
    by_tmpl: dict[str, dict[str, int]] = {}
    alarms = []
    for case_id, folder, truth in samples:
        template = (truth.get("generator") or {}).get("template") or "hand-made"
        pages = pages_of(truth)
        baseline = fails_of_pages(pages) if pages else None
        for t in transformations:
            got = new_fails(truth, folder, t, baseline=baseline)
            if progress:
                progress(case_id, t, got)
            if got is None:
                continue
            entry = by_tmpl.setdefault(template, {"files": 0, "files_with_new_fail": 0, "new_fails": 0})
            for tally in (by_t[t], entry):
                tally["files"] += 1
                tally["files_with_new_fail"] += bool(got)
                tally["new_fails"] += len(got)
            alarms += [{"case": case_id, "template": template, "transformation": t, "rule": r} for r in sorted(got)]
    return {"samples": len(samples), "by_transformation": by_t, "by_template": dict(sorted(by_tmpl.items())),
            "false_alarms": alarms}
