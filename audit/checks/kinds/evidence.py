"""Evidence sufficiency as a graph: elements to prove ↔ documents that support them.

The violation type comes from the violated provisions (instrument and article, by the
version in force). Each element of that type (and the common elements of every case)
becomes a node; every document whose wording supports it is linked to it. An element
with no linked document is reported for manual check.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import networkx as nx
import regex

from audit.checklists import load_yaml
from audit.checks.evidence import date_of, doc_field
from audit.checks.registry import Outcome, check_kind
from audit.model import Case, Status
from audit.parse import search


@functools.cache
def catalogue() -> dict[str, Any]:
    return load_yaml("evidence_elements.yaml")


def violation_types(case: Case) -> list[str]:
    """Violation types whose provisions the case cites as violated."""
    on = date_of(case.dates.get("inspected")) or date_of(case.dates.get("decided"))
    found = []
    for key, vt in catalogue()["violation_types"].items():
        for p in vt["provisions"]:
            if on and ((p.get("from") and on < _d(p["from"])) or (p.get("to") and on > _d(p["to"]))):
                continue
            if any(c.instrument and p["instrument"] in c.instrument and c.article in p["articles"]
                   for c in case.violated_provisions):
                found.append(key)
                break
    return found


def _d(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def evidence_graph(case: Case) -> nx.Graph:
    """Bipartite graph: element nodes (kind=element) linked to supporting document nodes."""
    graph = nx.Graph()
    procedure = case.procedure.value if case.procedure else None
    elements = {k: e for k, e in catalogue()["common"].items() if procedure in e.get("procedures", [procedure])}
    for vt in violation_types(case):
        elements.update(catalogue()["violation_types"][vt]["elements"])
    texts = {d.id: search.text_of(case, d) for d in case.documents}
    for key, element in elements.items():
        graph.add_node(key, kind="element", name=element["name"])
        for ev in element["evidence"]:
            for doc in case.documents:
                if doc.type in ev["documents"] and regex.search(ev["pattern"], texts[doc.id]):
                    graph.add_node(doc.id, kind="document")
                    graph.add_edge(key, doc.id)
    return graph


@check_kind("evidence_elements")
def evidence_elements(case: Case, params: dict[str, Any]) -> Outcome:
    """Every element the violation requires is supported by at least one piece of evidence."""
    types = violation_types(case)
    graph = evidence_graph(case)
    elements = [n for n, d in graph.nodes(data=True) if d["kind"] == "element"]
    unsupported = [graph.nodes[n]["name"] for n in elements if graph.degree(n) == 0]
    names = "、".join(catalogue()["violation_types"][t]["name"] for t in types) or "（未能识别违法行为类型，仅检查通用要素）"
    values = {"violation": names, "count": len(elements), "missing": "；".join(unsupported)}
    if not unsupported:
        supported = sorted({d for n in elements for d in graph.neighbors(n)})
        return Outcome(Status.PASS, values, [doc_field(case, case.document(d)) for d in supported[:3]])
    evidence = [doc_field(case, d) for d in case.documents if d.type in ("inspection_record", "interview_record", "evidence")][:3]
    return Outcome(Status.FAIL, values, evidence)
