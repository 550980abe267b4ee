"""Build the format zoo into a folder: one sub-folder per case with its renderings and truth.json.

    python -m samples.zoo.build --out reports/zoo-cases [--only FAMILY] [--no-pdf]

Each case folder holds ``case.docx`` (python-docx), ``text.pdf`` (reportlab, CJK font from
fonts-wqy-zenhei; skipped with a note in truth.json when the font is missing) and, for the families
published as web pages, ``case.txt`` (the page text). ``truth.json`` uses the plain-value format of
samples/cases (read by audit/eval/truth.py), with ``generator.template = "zoo:<family>"``, the planted
``defects`` and ``pages_text`` (one page per document) for the metamorphic tests. Output is
deterministic: the same command writes the same text and truth.
"""

from __future__ import annotations

import argparse
import copy
import json
from dataclasses import replace
from pathlib import Path

from samples.zoo import render
from samples.zoo.defects import PLANTS, Plant
from samples.zoo.families import DOCS, FAMILIES, STYLES, WEB_FAMILIES, clean_story
from samples.zoo.model import Block, Doc
from samples.zoo.story import Story

TRUTH_VERSION = "zoo/1"
NOTES = [
    "全部当事人、人员姓名、地址、电话、执法证号、身份证号码和统一社会信用代码均为虚构；校验位按 GB 11643、GB 32100 计算。",
    "条文与罚款幅度取自 samples/generator/law.py（依据 checklists/law 与 shared/laws）；期限按工作日计算（行政处罚法第八十五条）。",
    "事先告知书载明的陈述、申辩期限为五个工作日。",
]


def case_specs(only: str | None = None, *, clean_only: bool = False) -> list[tuple[str, str, Plant | None]]:
    """(case id, family, plant) for every zoo case, clean ones first."""
    out: list[tuple[str, str, Plant | None]] = []
    for family in FAMILIES:
        if only and family != only:
            continue
        out.append((clean_story(family).case_id, family, None))
    if not clean_only:
        out += [(p.case_id, p.family, p) for p in PLANTS if not only or p.family == only]
    return out


def make_case(family: str, plant: Plant | None) -> tuple[Story, list[Doc]]:
    story = clean_story(family)
    problems = story.check()
    if problems:
        raise ValueError(f"{family}: clean story is not lawful: {problems}")
    if plant is not None:
        story = replace(story, case_id=plant.case_id, dates=dict(story.dates))
        if plant.story:
            plant.story(story)
    docs = DOCS[family](story, STYLES[family])
    if plant is not None:
        docs = [_plant(d, plant) if d.type == plant.document else d for d in docs]
        _require_applied(docs, plant)
    return story, docs


def _plant(doc: Doc, plant: Plant) -> Doc:
    blocks = []
    for b in doc.blocks:
        text, label, cells = b.text, b.label, b.cells
        for find, repl in plant.edits:
            text, label = text.replace(find, repl), label.replace(find, repl)
            cells = tuple(c.replace(find, repl) for c in cells)
        kind = "unsealed" if plant.unseal and b.kind == "seal" else b.kind
        blocks.append(Block(kind, text, label, cells))
    return Doc(doc.type, doc.title, blocks)


def _require_applied(docs: list[Doc], plant: Plant) -> None:
    """Every edit of a plant must have changed its document (a typo would plant nothing)."""
    target = [d for d in docs if d.type == plant.document]
    if not target:
        raise ValueError(f"{plant.case_id}: no document {plant.document}")
    text = "\n".join(render.doc_text(d) for d in target)
    for find, repl in plant.edits:
        if repl and repl not in text:
            raise ValueError(f"{plant.case_id}: edit {find!r} matched nothing")
    if plant.unseal and "（印章）" in text:
        raise ValueError(f"{plant.case_id}: seal still drawn")


def truth(story: Story, docs: list[Doc], plant: Plant | None) -> dict:
    d = story.dates
    family = story.family
    single = family in WEB_FAMILIES
    simple = story.procedure == "simple"
    keys = (["decided"] if family == "credit-publicity" else ["inspected", "filed", "decided"] if single
            else ["inspected", "decided", "decision_served", "paid"] if simple
            else ["accepted", "filed", "inspected", "notice_issued", "notice_served", "decided", "decision_served",
                  "closed"] + (["paid"] if story.fine else []))
    on = story.on
    data = {
        "case_id": story.case_id,
        "truth_version": TRUTH_VERSION,
        "generator": {"template": f"zoo:{family}", "family": family, "violation": story.violation},
        "clean": plant is None,
        "procedure": story.procedure,
        "case_number": story.case_number("当罚" if simple else "罚"),
        "agency": story.agency.name,
        "party": {"name": story.party.name, "type": story.party.type, "credit_code": story.party.credit_code,
                  "legal_representative": story.party.rep.name, "address": story.party.address},
        "dates": {k: d[k].isoformat() for k in keys},
        "fine_total": story.fine or None,
        "penalties": ([{"kind": "警告", "amount": None}] if story.warning else [])
        + ([{"kind": "罚款", "amount": story.fine}] if story.fine else []),
        "violated_provisions": [r.truth(on) for r in story.setting.violated],
        "penalty_basis": [r.truth(on) for r in story.setting.basis],
        "defects": [] if plant is None else [{"type": plant.type, "document": plant.document, "detail": plant.detail}],
        "document_titles": [doc.title for doc in docs],
        "notes": NOTES,
        "pages_text": {str(i): render.doc_text(doc) for i, doc in enumerate(docs, 1)},
    }
    if not single:
        data["officers"] = [{"name": n, "certificate": c} for n, c in story.officers]
    if family == "credit-publicity":
        for k in ("legal_representative",):
            data["party"][k] = story.party.rep.name
        del data["party"]["address"]
    if plant is not None:
        data.update(copy.deepcopy(plant.truth))
    return data


def build(out: Path, *, only: str | None = None, pdf: bool = True, clean_only: bool = False) -> list[Path]:
    """Write every zoo case under ``out``; the case folders written."""
    out.mkdir(parents=True, exist_ok=True)
    missing = render.fonts_missing() if pdf else "PDF rendering not asked for"
    folders = []
    for case_id, family, plant in case_specs(only, clean_only=clean_only):
        story, docs = make_case(family, plant)
        folder = out / case_id
        folder.mkdir(exist_ok=True)
        t = truth(story, docs, plant)
        render.to_docx(docs, folder / "case.docx")
        if family in WEB_FAMILIES:
            (folder / "case.txt").write_text(render.to_text(docs), encoding="utf-8")
        if missing:
            t["notes"] = t["notes"] + [f"未生成 text.pdf：{missing}"]
        else:
            render.to_pdf(docs, folder / "text.pdf")
        (folder / "truth.json").write_text(json.dumps(t, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                           encoding="utf-8")
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Build the format zoo (samples/zoo) into a folder.")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", choices=FAMILIES)
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--clean-only", action="store_true", help="only the lawful file of each family")
    args = ap.parse_args(argv)
    folders = build(args.out, only=args.only, pdf=not args.no_pdf, clean_only=args.clean_only)
    print(f"{len(folders)} zoo cases written to {args.out}")


if __name__ == "__main__":
    main()
