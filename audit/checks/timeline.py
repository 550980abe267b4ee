"""The procedure timeline as a graph: dated acts as nodes, required orderings as edges.

One pass finds every violated ordering between acts that are actually dated in the file:
an undated act (no legal review in this file, say) is bridged, so its neighbours are still
compared with each other, and a violation is reported once, between the nearest dated acts.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import networkx as nx

from audit.checklists import load_yaml
from audit.model import Case, Field


@dataclass(frozen=True, slots=True)
class Act:
    key: str
    name: str
    date: dt.date
    field: Field


@dataclass(frozen=True, slots=True)
class OrderViolation:
    before: Act
    after: Act


@functools.cache
def procedure() -> dict:
    return load_yaml("procedure.yaml")


def act_dates(case: Case) -> dict[str, Act]:
    """Every act of the case whose date could be read."""
    acts: dict[str, Act] = {}
    for key, spec in procedure()["acts"].items():
        f = _source(case, spec["from"])
        if f is not None and f.value:
            try:
                acts[key] = Act(key, spec["name"], dt.date.fromisoformat(f.value), f)
            except (TypeError, ValueError):
                continue
    return acts


def _source(case: Case, ref: str) -> Field | None:
    kind, _, rest = ref.partition(".")
    if kind == "case":
        return case.dates.get(rest)
    doc_type, _, key = rest.partition(".")
    for doc in sorted(case.documents_of(doc_type), key=lambda d: d.pages[0]):
        value = doc.fields.get(key)
        if isinstance(value, Field):
            return value
    return None


def ordering_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(procedure()["acts"])
    graph.add_edges_from(tuple(edge) for edge in procedure()["orderings"])
    if not nx.is_directed_acyclic_graph(graph):
        raise ValueError("checklists/procedure.yaml: orderings contain a cycle")
    return graph


def nearest_dated_successors(graph: nx.DiGraph, node: str, dated: set[str]) -> set[str]:
    """Dated acts reachable from ``node`` through undated acts only."""
    found, stack, seen = set(), list(graph.successors(node)), set()
    while stack:
        nxt = stack.pop()
        if nxt in seen:
            continue
        seen.add(nxt)
        if nxt in dated:
            found.add(nxt)
        else:
            stack.extend(graph.successors(nxt))
    return found


def order_violations(case: Case) -> tuple[list[OrderViolation], dict[str, Act]]:
    """Every pair of dated acts whose dates contradict a required ordering."""
    acts = act_dates(case)
    graph = ordering_graph()
    violations = []
    for key in nx.topological_sort(graph):
        if key not in acts:
            continue
        for succ in sorted(nearest_dated_successors(graph, key, set(acts))):
            if acts[succ].date < acts[key].date:
                violations.append(OrderViolation(acts[key], acts[succ]))
    return violations, acts
