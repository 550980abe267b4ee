"""首违不罚 list matching (行政处罚法（2021）第三十三条第一款) on facts read by
``audit.parse.first_offence``: advice, never a defect.

- ``first_offence_list``: the case's violated or penalty provision is an item of a published
  轻微违法行为不予处罚清单 (``checklists/lists/NAME.yaml``) that applies (the profile names the
  lists; a list applies where the deciding agency lies in its region, on the decision date inside
  its window), and the file shows the item's conditions may hold (初次违法, 及时改正, 危害后果轻微)
  while a penalty was imposed. Conditions the file does not state, and the item's own extra
  conditions, are named for a reviewer.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import regex

from audit.checklists import load_yaml
from audit.checks.registry import Outcome, check_kind
from audit.checks.timeline import act_dates
from audit.model import Case, Citation, Field, Status

_LABELS = {"first_offence": "初次违法", "corrected": "及时改正", "harm_slight": "危害后果轻微"}


@functools.cache
def load_list(name: str) -> dict[str, Any]:
    """A published list by name (``checklists/lists/NAME.yaml``)."""
    return load_yaml(f"lists/{name}.yaml")


def _norm(instrument: str | None) -> str:
    return regex.sub(r"^中华人民共和国|[《》\s]", "", instrument or "")


def _matches(entry: dict[str, Any], cit: Citation) -> bool:
    p = entry["provision"]
    if _norm(p["instrument"]) != _norm(cit.instrument) or p["article"] != cit.article:
        return False
    return all(p.get(k) is None or getattr(cit, k) is None or p[k] == getattr(cit, k) for k in ("paragraph", "item"))


def _in_window(lst: dict[str, Any], day: dt.date) -> bool:
    start, end = lst.get("effective_from"), lst.get("effective_to")
    return (start is None or start <= day) and (end is None or day <= end)


def _condition(case: Case, name: str) -> Field | None:
    """The file's word on a condition: a statement that it fails wins over one that it holds."""
    found = [d.fields[f"fo_{name}"] for d in case.documents if isinstance(d.fields.get(f"fo_{name}"), Field)]
    return next((f for f in found if f.value is False), None) or next(iter(found), None)


@check_kind("first_offence_list", lists="names of the published lists the profile applies (checklists/lists/)")
def first_offence_list(case: Case, params: dict[str, Any]) -> Outcome:
    """A penalty on an item of an applicable 不予处罚清单 whose conditions the file shows may hold."""
    names = params.get("lists") or []
    if not names:
        return Outcome(Status.NOT_APPLICABLE, note="评查配置未选用轻微违法行为不予处罚清单")
    if not case.penalties:
        return Outcome(Status.NOT_APPLICABLE, note="案卷未见给予行政处罚")
    decided = act_dates(case).get("decided")
    agency = str(case.agency.value) if case.agency and case.agency.value else None
    citations = [*case.penalty_basis, *case.violated_provisions]
    hits = []
    for name in names:
        lst = load_list(name)
        if decided is not None and not _in_window(lst, decided.date):
            continue
        if agency is not None and not any(r in agency for r in lst["region"]):
            continue
        for entry in lst["entries"]:
            cit = next((c for c in citations if _matches(entry, c)), None)
            if cit is not None:
                hits.append((lst, entry, cit))
    if not hits:
        return Outcome(Status.NOT_APPLICABLE, note="案件所适用的条款不在适用的轻微违法行为不予处罚清单中")
    lst, entry, cit = hits[0]
    values = {"list": f"《{lst['title']}》" + (f"（{lst['document_number']}）" if lst.get("document_number") else ""),
              "item": f"第{entry['id']}项“{entry['conduct']}”", "provision": cit.raw or entry["conduct"],
              "wording": entry["wording"], "relief": entry["relief"]}
    excluded = next((d.fields["fo_excluded"] for d in case.documents if isinstance(d.fields.get("fo_excluded"), Field)), None)
    if excluded is not None:
        return Outcome(Status.PASS, values | {"why": f"案卷载明系{excluded.value}，清单不适用"}, [excluded])
    facts = {name: _condition(case, name) for name in entry["conditions"]}
    failed = [n for n, f in facts.items() if f is not None and f.value is False]
    if failed:
        return Outcome(Status.PASS, values | {"why": "案卷载明不符合清单条件：" + "、".join(f"非{_LABELS[n]}" for n in failed)},
                       [facts[n] for n in failed])
    to_check = [_LABELS[n] for n, f in facts.items() if f is None] + list(entry.get("other_conditions") or [])
    if decided is None:
        to_check.append("处罚决定日期是否在清单施行期间")
    if agency is None:
        to_check.append(f"作出决定的机关是否属于{'、'.join(lst['region'])}")
    held = "、".join(_LABELS[n] for n, f in facts.items() if f is not None) or "清单所列违法行为"
    evidence = [f for f in facts.values() if f is not None]
    if to_check:
        problem = f"案卷载明{held}，仍给予行政处罚；请核实：" + "、".join(to_check)
        note = f"{values['provision']}属于{values['list']}{values['item']}（{entry['wording']}），{problem}"
        return Outcome(Status.NEEDS_REVIEW, values | {"held": held, "problem": problem}, evidence, note=note)
    return Outcome(Status.FAIL, values | {"held": held, "problem": f"案卷载明{held}，仍给予行政处罚"}, evidence)
