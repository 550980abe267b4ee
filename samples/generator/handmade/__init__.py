"""The three hand-made cases in ``samples/cases``: entries of ``cases.yaml`` drawn page by page.

Unlike the random and curated cases (``scenario.py``), whose text comes from the story builders,
these cases carry every sentence in their entry (interview questions and answers, findings,
evidence) and their documents are laid out by hand (``records``, ``decisions``, ``closing``), on
the generator's ``Writer``. Other tests read their exact wording and pages, so they stay as they
are; ``build_cases`` redraws them byte-identically.

- ``ord-2023-medinst-staff``: ordinary procedure, a clinic using a non-health-technical worker
  (医疗机构管理条例 2022 第二十七条 / 第四十七条); clean file.
- ``ord-2024-waste``: ordinary procedure, medical waste mixed into domestic waste
  (医疗废物管理条例 第十四条第二款 / 第四十七条第（一）项); two injected defects.
- ``simple-2024-publicplace``: simple procedure (当场处罚), warning for a barber's shop
  (公共场所卫生管理条例 2019 第七条 / 第十四条第一款第（二）项); review-first remedy notice.

Before drawing, ``check_case`` checks the data: check characters of ID numbers (GB 11643) and
credit codes (GB 32100), working days, the statutory periods and the fine range.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import yaml
from reportlab import rl_config

from ..layout import register_fonts
from ..util import add_workdays, d, id_valid, is_workday, uscc_valid
from .closing import build_ordinary, build_simple
from .writer import HandWriter

DATA = Path(__file__).with_name("cases.yaml")
HEARING_THRESHOLD = {"citizen": 10000, "organisation": 100000}  # this sample set's assumption


def load_cases(path: Path = DATA) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def check_case(c) -> None:
    """Fail loudly if the invented data breaks a rule the clean parts of a sample must obey."""
    cid, dd, p = c["case_id"], c["dates"], c["party"]
    assert uscc_valid(p["credit_code"]), (cid, p["credit_code"])
    for number in (p.get("id_number"), c.get("interviewee", {}).get("id_number")):
        assert number is None or id_valid(number), (cid, number)
    for key, value in dd.items():
        assert value is None or is_workday(d(value)), (cid, key, value)
    assert len(c["officers"]) >= 2, cid
    if c["procedure"] == "simple":
        assert c["fine"] is None or c["fine"] <= (200 if p["type"] == "individual" else 3000), cid
        return
    lo, hi = c["fine_range"]
    assert lo <= c["fine"] <= hi, (cid, c["fine"])
    assert c["fine"] < HEARING_THRESHOLD[p["type"] if p["type"] == "organisation" else "citizen"], (
        cid
    )
    assert d(dd["accepted"]) <= d(dd["filed"]) <= d(dd["accepted"]) + dt.timedelta(days=7), cid
    order = [
        "filed",
        "interview",
        "report",
        "panel",
        "legal_review",
        "notice_issued",
        "notice_served",
    ]
    order += ["defence", "approval", "decided", "decision_served", "paid", "closed", "archived"]
    assert [dd[k] for k in order] == sorted(dd[k] for k in order), cid
    assert d(dd["decided"]) > add_workdays(dd["notice_served"], 3), cid  # 3 working days to defend
    assert (d(dd["decided"]) - d(dd["filed"])).days <= 90, cid
    assert d(dd["decision_served"]) <= add_workdays(dd["decided"], 7), cid
    assert d(dd["paid"]) <= d(dd["decision_served"]) + dt.timedelta(days=15), cid


def truth_for(c, w: HandWriter) -> dict:
    pages_text = w.pages_text()
    defects = []
    for defect in c["defects"]:
        doc = next(x for x in w.docs if x["type"] == defect["document"])
        first, last = doc["pages"]
        hits = [pg for pg in range(first, last + 1) if defect["needle"] in pages_text[str(pg)]]
        assert len(hits) == 1, (defect, hits)
        defects.append({k: defect[k] for k in ("type", "document", "detail")} | {"page": hits[0]})
    simple = c["procedure"] == "simple"
    notes = [
        "全部人名、单位名称、地址、电话、身份证号码和统一社会信用代码均为虚构；身份证号码和统一社会信用代码的校验位按 GB 11643、GB 32100 计算。",
        f"听证“较大数额罚款”标准为本样例假设：公民 {HEARING_THRESHOLD['citizen']} 元以上、法人或者其他组织 "
        f"{HEARING_THRESHOLD['organisation']} 元以上；本案罚款未达到该标准，未告知听证权利。",
        "pages_text 为生成时绘制的文字（按行自上而下、行内自左向右，同一行的不同文字块以空格分隔）；印章为图片，不在文字层中。",
    ]
    if simple:
        notes[1] = (
            "简易程序：仅给予警告，无罚款，不涉及听证。当场作出的行政处罚决定适用复议前置（行政复议法2023年修订第二十三条第一款第（一）项）。"
        )
        notes.append(
            "当事人为个体工商户：party.type 记为 individual，legal_representative 记经营者姓名，id_number 为经营者身份证号码。"
        )
    notes += [x["note"] for x in c["defects"] if x.get("note")]
    remedy = {"review_body": c["review_body"], "review_days": 60, "court": c["court"]}
    remedy |= {"litigation_months": None if simple else 6, "review_first": simple}
    if simple:
        remedy["litigation_days_after_review"] = 15
    date_keys = [
        "accepted",
        "filed",
        "inspected",
        "notice_issued",
        "notice_served",
        "hearing_notice_served",
    ]
    date_keys += ["decided", "decision_served", "paid", "closed"]
    return {
        "case_id": c["case_id"],
        "procedure": c["procedure"],
        "case_number": c["case_number"],
        "agency": c["agency"],
        "party": {
            k: c["party"][k]
            for k in ("name", "type", "credit_code", "id_number", "legal_representative", "address")
        },
        "officers": c["officers"],
        "documents": [{k: x[k] for k in ("type", "title", "pages")} for x in w.docs],
        "dates": {k: c["dates"].get(k) for k in date_keys},
        "violated_provisions": c["violated"],
        "penalty_basis": c["basis"],
        "penalties": c["penalties"],
        "fine_total": c["fine"],
        "remedy": remedy,
        "defects": defects,
        "notes": notes,
        "pages_text": pages_text,
    }


def render(c: dict, plan: list[dict] | None = None) -> tuple[bytes, HandWriter]:
    buf = io.BytesIO()
    saved = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: reportlab's default ASCII85 wrapping makes them a quarter larger
    try:
        w = HandWriter(buf, c, plan)
        (build_simple if c["procedure"] == "simple" else build_ordinary)(w, c)
        w.c.save()
    finally:
        rl_config.useA85 = saved
    return buf.getvalue(), w


def build_case(c: dict) -> tuple[bytes, dict, HandWriter]:
    """(case.pdf bytes, truth, writer) of one entry, after checking its data."""
    check_case(c)
    _, first = render(c)  # planning pass: page ranges for the file index and record headers
    pdf, w = render(c, plan=first.docs)
    if [x["pages"] for x in w.docs] != [x["pages"] for x in first.docs]:
        raise AssertionError(f"{c['case_id']}: layout differs between passes")
    return pdf, truth_for(c, w), w


def build_cases(out: Path, *, only: list[str] | None = None,
                progress: Callable[[dict], None] | None = None) -> list[dict]:
    """Write ``<out>/<case_id>/case.pdf`` and ``truth.json`` for every entry (or those in ``only``)."""
    register_fonts()
    cases = load_cases()
    unknown = sorted(set(only or ()) - {c["case_id"] for c in cases})
    if unknown:
        raise ValueError(f"unknown hand-made case: {', '.join(unknown)}")
    infos = []
    for c in cases:
        if only and c["case_id"] not in only:
            continue
        pdf, truth, w = build_case(c)
        folder = out / c["case_id"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "case.pdf").write_bytes(pdf)
        text = json.dumps(truth, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        (folder / "truth.json").write_text(text, encoding="utf-8")
        info = {"case_id": c["case_id"], "procedure": c["procedure"], "violation": c["violated_text"],
                "template": "hand-made", "pages": w.page, "bytes": len(pdf),
                "documents": len(w.docs), "defects": [x["type"] for x in c["defects"]]}
        infos.append(info)
        if progress:
            progress(info)
    return infos
