"""Record today's false alarms and missed defects of the zoo and the metamorphic suite in
samples/zoo/known_false_alarms.yaml (the tests mark each entry xfail(strict=True)).

    python -m samples.zoo.record [--cases DIR]

Reasons already written in the file are kept; new entries get a guess from REASONS. When a fix
removes a false alarm, its xfail test passes unexpectedly and fails the suite: run this again (or
delete the entry by hand).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml

from audit.eval.metamorphic import ALL, clean_samples, fails_of, fails_of_pages, new_fails, pages_of

HERE = Path(__file__).parent
KNOWN = HERE / "known_false_alarms.yaml"
ZOO_RENDERINGS = {"text": "text.pdf", "docx": "case.docx", "web": "case.txt"}

# one-line guesses of the cause, by transformation (or "none") and rule; "*" for any rule
REASONS = {
    ("none", "DOC009"): "“（印章）” typed where the seal is, not taken as seal evidence in the PDF text layer",
    ("none", "DOC001"): "文号 with 当罚 compared as a different number",
    ("none", "DOC007"): "a label whose value is in the next paragraph or cell read as a blank field",
    ("none", "DOC012"): "立案审批表 wording (案情摘要, 经初步审查…申请予以立案, 经办人1/2) not accepted as the filing contents",
    ("none", "EVI008"): "“执法证件编号分别是：…，现依法向你出示” / spoken “这是我们的执法证件” not accepted as 出示执法证件",
    ("none", "EVI003"): "interview rights worded as in the family's form not accepted",
    ("none", "FAC002"): "an approver's “负责人：” row read as the party's legal representative",
    ("none", "DOC017"): "approval opinion on the line after its label read as blank",
    ("none", "DOC018"): "closing report cells read as blank in this layout",
    ("none", "EVI005"): "signature lines not found in this layout",
    ("none", "FIL002"): "卷内目录 / 备考表 not recognised in this layout",
    ("label_synonyms", "FIL003"): "index compared to titles by one wording only",
    ("label_synonyms", "*"): "a title or label variant (询问调查笔录, 被处罚人, 送达回证 …) not known to the reader",
    ("label_own_line", "DOC007"): "label on its own line read as a blank field",
    ("label_own_line", "EVI002"): "party name on the next line not read, so names compared with a blank",
    ("label_own_line", "EVI005"): "signature label and name on separate lines not read as a signature",
    ("label_own_line", "*"): "value on the line after its label not attached to the label",
    ("cell_wrap", "DOC023"): "date wrapped after 月 read as an incomplete date",
    ("cell_wrap", "EVI004"): "start time wrapped in a cell read as missing",
    ("cell_wrap", "*"): "value wrapped inside a table cell read as two values",
    ("date_dotted", "EVI004"): "record times with 2024.05.06 dates not read",
    ("date_dotted", "PRO001"): "2024.05.06 dates not read, so the order of acts is judged on other dates",
    ("date_dotted", "DOC004"): "decision date written 2024.05.06 not read as the date",
    ("date_dotted", "*"): "dates written 2024.05.06 not read",
    ("date_upper", "*"): "dates in Chinese numerals not read",
    ("fullwidth_digits", "*"): "full-width digits not normalised",
    ("halfwidth_punct", "*"): "half-width colon/brackets not normalised",
    ("name_details", "*"): "name with “（男，41岁）” compared with the bare name",
    ("reorder_rows", "*"): "rows read by position instead of by label",
    ("docx_vs_pdf", "DOC009"): "“（印章）” counts as a seal in .docx but not in the PDF",
    ("docx_vs_pdf", "*"): "the .docx and the PDF of the same file read differently (table cells vs lines)",
    ("missed", "*"): "the rule did not find the planted defect in this layout",
}


def reason(transformation: str, rule: str) -> str:
    return REASONS.get((transformation, rule)) or REASONS.get((transformation, "*")) or REASONS.get(("none", rule)) or (
        "cause not yet analysed")


def zoo_clean_false_alarms(cases: Path) -> list[dict]:
    out = []
    for case_id, folder, _truth in clean_samples(cases):
        for rendering, name in ZOO_RENDERINGS.items():
            if (folder / name).exists():
                out += [{"sample": case_id, "transformation": "none", "rendering": rendering, "rule": r}
                        for r in sorted(fails_of(folder / name))]
    return out


def missed_defects(cases: Path) -> list[dict]:
    from audit.checks import load_rules
    from audit.eval.discover import find_cases

    detects = {r.code: set(r.detects) for r in load_rules()}
    out = []
    for case in find_cases(cases):
        for d in case.truth.get("defects") or []:
            rules = {c for c, types in detects.items() if d["type"] in types}
            for rendering, name in ZOO_RENDERINGS.items():
                path = case.folder / name
                if path.exists() and not (fails_of(path) & rules):
                    out.append({"sample": case.case_id, "transformation": "missed", "rendering": rendering,
                                "rule": d["type"]})
    return out


def metamorphic_false_alarms(roots: list[Path]) -> list[dict]:
    out = []
    for root in roots:
        for case_id, folder, truth in clean_samples(root):
            pages = pages_of(truth)
            baseline = fails_of_pages(pages) if pages else None
            for t in ALL:
                got = new_fails(truth, folder, t, baseline=baseline)
                out += [{"sample": case_id, "transformation": t, "rule": r} for r in sorted(got or ())]
    return out


def load_known(path: Path = KNOWN) -> list[dict]:
    if not path.exists():
        return []
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("entries") or []


def key(e: dict) -> tuple:
    return (e["sample"], e["transformation"], e.get("rendering", ""), e["rule"])


def write_known(entries: list[dict], path: Path = KNOWN) -> None:
    old = {key(e): e.get("reason") for e in load_known(path)}
    rows = []
    for e in sorted(entries, key=key):
        e = dict(e)
        e["reason"] = old.get(key(e)) or reason(e["transformation"], e["rule"])
        rows.append(e)
    head = (
        "# Today's false alarms and missed planted defects (issue 14, part 6). Written by\n"
        "# `python -m samples.zoo.record`; each entry is one xfail(strict=True) test in tests/zoo and\n"
        "# tests/metamorphic, so a fix that removes it makes that test pass unexpectedly: delete the entry.\n"
        "# transformation: none (a clean zoo file as built), missed (a planted defect not found; rule =\n"
        "# the defect type), or a metamorphic transformation (audit/eval/metamorphic.py).\n"
        "# rendering: text (text.pdf), docx (case.docx), web (case.txt); metamorphic runs use a .txt.\n"
        "# reason: a one-line guess, not a diagnosis.\n"
    )
    body = yaml.safe_dump({"schema": "known-false-alarms/1", "entries": rows}, allow_unicode=True, sort_keys=False,
                          width=200)
    path.write_text(head + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    from samples.zoo.build import build

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, help="a built zoo (default: build one in a temporary folder)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zoo-") as tmp:
        cases = args.cases or Path(tmp)
        if not args.cases:
            build(cases)
        samples = HERE.parent
        entries = zoo_clean_false_alarms(cases) + missed_defects(cases) + metamorphic_false_alarms([samples, cases])
    write_known(entries)
    print(f"{len(entries)} entries written to {KNOWN}")


if __name__ == "__main__":
    main()


# --- for the tests (tests/zoo, tests/metamorphic) -------------------------------------------------


def known_params(keep) -> list:
    """One pytest param per known entry whose transformation passes ``keep``, marked xfail(strict=True)."""
    import pytest

    out = []
    for e in load_known():
        if not keep(e["transformation"]):
            continue
        rid = "-".join(x for x in (e["sample"], e["transformation"], e.get("rendering") or "", e["rule"]) if x)
        out.append(pytest.param(e["sample"], e["transformation"], e.get("rendering"), e["rule"], id=rid,
                                marks=pytest.mark.xfail(strict=True, reason=e["reason"])))
    return out


def known_set(sample: str, transformation: str, rendering: str | None = None) -> set[str]:
    return {e["rule"] for e in load_known() if e["sample"] == sample and e["transformation"] == transformation
            and (rendering is None or e.get("rendering") == rendering)}
