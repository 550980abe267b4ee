"""Check kinds over ruled forms: cells that must be filled, blank cells, signing dates."""

from __future__ import annotations

from typing import Any

import regex

from audit.checks.evidence import doc_field, doc_name, is_ocr
from audit.checks.registry import Outcome, check_kind
from audit.model import Case, Document, Field, Status
from audit.parse import search
from audit.parse.dates import find_dates
from audit.parse.forms import form_cells, read_on
from audit.parse.recognise import CONTENT_CONFIDENCE
from audit.parse.signatures import SigningBlock, signing_blocks, signing_dates
from audit.parse.text import compact
from audit.parse.vocabulary import is_label, label_family


def _docs(case: Case, params: dict[str, Any]) -> list[Document]:
    docs = [d for d in case.documents if d.type in params["documents"]]
    if params.get("when"):
        docs = [d for d in docs if search.has(case, d, params["when"])]
    return docs


def _outcome(case: Case, problems: list[str], evidence: list[Field], docs: list[Document], count: int) -> Outcome:
    if not problems:
        return Outcome(Status.PASS, {"count": count})
    values = {"problems": "；".join(problems), "count": count}
    if any(is_ocr(case, d) for d in docs):
        return Outcome(Status.NEEDS_REVIEW, values, evidence,
                       note="；".join(problems) + "（OCR识别文本，手写内容和“\\”等符号可能漏识，请核对原件）")
    return Outcome(Status.FAIL, values, evidence)


@check_kind(
    "form_cells_filled", generic=True,
    documents="document types to check",
    cells="list of {name, labels, pattern_, text_, otherwise_, signed_}: cells that must hold content; signed: "
          "a cell holding only the printed signing place and date (签名：　年月日) is blank",
    when_="regex: only documents whose text matches it are checked",
)
def form_cells_filled(case: Case, params: dict[str, Any]) -> Outcome:
    """Cells of a form that must be filled in: not blank, not only struck through (\\).

    Each item names the labels of its cell. A cell found on the form must hold content (and
    match ``pattern`` when given). Where the form shows no such cell, the item still counts
    as stated when the document's text matches ``text`` (free-text documents) or names the
    label in a layout that cannot be judged; otherwise it is missing. ``otherwise`` is an
    alternative that satisfies the item whatever the cell holds (e.g. a photo record instead
    of a witness).
    """
    docs = _docs(case, params)
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需检查的文书")
    problems: list[str] = []
    unplaced: list[str] = []
    evidence: list[Field] = []
    flagged: list[Document] = []
    for doc in docs:
        flat = search.text_of(case, doc)
        flat_compact = compact(flat)
        cells = form_cells(case, doc)
        for item in params["cells"]:
            if item.get("otherwise") and regex.search(item["otherwise"], flat):
                continue
            labels = {compact(v) for label in item["labels"] for v in label_family(label)}
            found = [c for c in cells if compact(c.label) in labels]
            # the form's other rows end the reading; a short word taken for a label (a signer's
            # name on its own line) does not
            stop = {compact(c.label) for c in cells if is_label(c.label) or len(compact(c.label)) > 4} - labels
            ordered = read_on(case, doc, labels, stop) if item.get("signed") else None
            if ordered is not None and ordered.state == "blank":
                found = [ordered]  # read in order, the cell holds only the printed signing place and date
            if found:
                good = [c for c in found if c.state == "filled" and (not item.get("pattern") or regex.search(item["pattern"], c.text))]
                if good:
                    continue
                cell = found[0]
                how = {"blank": "空白", "struck": "只划“\\”，未填写"}.get(cell.state, "未填写所需内容")
                problems.append(f"{doc_name(doc.type)}（第{cell.page}页）“{item['name']}”栏{how}")
                evidence.append(cell.field(doc))
            elif any(label in flat_compact for label in labels):
                continue  # the label is there, in a layout whose cell cannot be judged
            elif item.get("text") and regex.search(item["text"], flat):
                continue
            elif doc.confidence <= CONTENT_CONFIDENCE:
                # absence needs positive evidence: the label is nowhere in the text, but the form
                # was recognised by its content only, so where the item belongs is not known
                unplaced.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）未找到“{item['name']}”栏")
                evidence.append(doc_field(case, doc))
                continue
            else:
                problems.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）未载明{item['name']}")
                evidence.append(doc_field(case, doc))
            if doc not in flagged:
                flagged.append(doc)
    if unplaced and not problems:
        values = {"problems": "；".join(unplaced), "count": len(docs)}
        return Outcome(Status.NEEDS_REVIEW, values, evidence, note="；".join(unplaced) + "，请人工核对")
    return _outcome(case, problems + unplaced, evidence, flagged, len(docs))


@check_kind(
    "blank_form_cells", generic=True,
    documents="form document types to check",
    ignore_labels_="labels whose cells other rules judge (approval opinions …)",
    signers_="regex: labels of signing blocks (签名|承办人 …) that must carry a date",
)
def blank_form_cells(case: Case, params: dict[str, Any]) -> Outcome:
    """No cell of a form is left blank: an unused cell is struck through (\\) or marked
    以下空白; a signing block (签名：某某) carries its date, not a blank 年 月 日."""
    docs = _docs(case, params)
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需检查的表格类文书")
    ignore = {compact(label) for label in params.get("ignore_labels", [])}
    problems: list[str] = []
    evidence: list[Field] = []
    flagged: list[Document] = []
    judged = 0
    for doc in docs:
        cells = [c for c in form_cells(case, doc) if compact(c.label) not in ignore]
        signing = _signing_lines(case, doc, params.get("signers"))
        undated = _undated_signatures(case, doc, signing)
        judged += bool(cells or signing)
        blank = [c for c in cells if c.state == "blank"]
        if blank:
            names = "、".join(f"“{c.label}”" for c in blank)
            problems.append(f"{doc_name(doc.type)}（第{blank[0].page}页）{names}栏空白，未作技术处理")
            evidence += [c.field(doc) for c in blank]
        if undated:
            shown = "、".join(f"“{f.raw.strip()}”" for f in undated[:3])
            problems.append(f"{doc_name(doc.type)}（第{undated[0].page}页）签署处未填写日期：{shown}")
            evidence += undated
        if blank or undated:
            flagged.append(doc)
    if not judged:
        return Outcome(Status.NOT_APPLICABLE, note="未能识别表格类文书的栏目和签署栏")
    return _outcome(case, problems, evidence, flagged, judged)


def _signing_lines(case: Case, doc: Document, signers: str | None) -> list[SigningBlock]:
    """The signing blocks of a document (read by :mod:`audit.parse.signatures`)."""
    return signing_blocks(case, doc, signers) if signers else []


def _undated_signatures(case: Case, doc: Document, signing: list[SigningBlock]) -> list[Field]:
    bad = []
    for block in signing:
        dates = find_dates(block.rest)
        if dates and not dates[-1].blank:
            continue  # dated (an incomplete date is another rule's finding)
        if not dates and block.rest.strip():
            continue  # something else follows the names: not a bare signature
        bad.append(block.field)
    return bad


@check_kind(
    "signing_dates_complete", generic=True,
    documents="document types with signing blocks",
    signers="regex: the labels of a signing block (签名|承办人|审核人 …)",
)
def signing_dates_complete(case: Case, params: dict[str, Any]) -> Outcome:
    """Every signing date gives year, month and day (not 2022年9月); a blank date is a blank field."""
    docs = _docs(case, params)
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需检查的审批类文书")
    problems: list[str] = []
    evidence: list[Field] = []
    flagged: list[Document] = []
    blocks = 0
    for doc in docs:
        bad = []
        for signed in signing_dates(case, doc, params["signers"]):
            blocks += 1
            if signed.date.error == "incomplete":
                bad.append(signed.field)
        if bad:
            shown = "、".join(f"“{f.raw.strip()}”" for f in bad)
            problems.append(f"{doc_name(doc.type)}（第{bad[0].page}页）签署日期{shown}不完整")
            evidence += bad
            flagged.append(doc)
    if not blocks:
        return Outcome(Status.NOT_APPLICABLE, note="未识别到带日期的签署栏")
    return _outcome(case, problems, evidence, flagged, blocks)


@check_kind(
    "party_signed",
    documents="document types the party signs on receipt (当场行政处罚决定书)",
    signed="document field: the party's signature or the noted refusal, as read",
    blank="document field: the signing place, found and empty",
)
def party_signed(case: Case, params: dict[str, Any]) -> Outcome:
    """The party signed the document where it was handed over, or its refusal is noted.

    A ``fail`` needs the signing place found empty; a document where the place was not found
    asks for a manual check (absence needs positive evidence).
    """
    docs = _docs(case, params)
    if not docs:
        return Outcome(Status.NOT_APPLICABLE, note="案卷中无需检查的文书")
    problems: list[str] = []
    unplaced: list[str] = []
    evidence: list[Field] = []
    flagged: list[Document] = []
    for doc in docs:
        if isinstance(doc.fields.get(params["signed"]), Field):
            continue
        blank = doc.fields.get(params["blank"])
        if isinstance(blank, Field):
            problems.append(f"{doc_name(doc.type)}（第{blank.page}页）“{blank.raw}”签名处空白，也未注明拒绝签收")
            evidence.append(blank)
            flagged.append(doc)
        else:
            unplaced.append(f"{doc_name(doc.type)}（第{doc.pages[0]}页）未找到当事人签收栏")
            evidence.append(doc_field(case, doc))
    if not problems and unplaced:
        values = {"problems": "；".join(unplaced), "count": len(docs)}
        return Outcome(Status.NEEDS_REVIEW, values, evidence, note="；".join(unplaced) + "，请人工核对")
    return _outcome(case, problems + unplaced, evidence, flagged, len(docs))
