"""Decision tracing for officers: decision → meeting → body → report → authors and posts →
recommendations → later report-backs, built with networkx over a projection of the graph.

The projection is the decision's neighbourhood (template ``decision_trace``) as a directed,
labelled multigraph; the trace is read off it in a fixed order of relations, so the same graph
always gives the same path, and the whole subgraph is returned for drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import networkx as nx

from kg.errors import NotFound, QueryError
from kg.qa import templates
from kg.vocab import IriMinter, slug

STEPS = ("made at", "held by", "decided by", "recorded in", "on agenda item", "has paper",
         "report from", "author", "lead officer", "holds post", "recommends", "arising from",
         "reported back in")


@dataclass(frozen=True)
class TraceEdge:
    """One labelled edge of a trace."""

    source: str
    relation: str
    target: str
    source_label: str | None
    target_label: str | None

    def to_json(self) -> dict:
        """A drawable edge."""
        return {"source": self.source, "relation": self.relation, "target": self.target,
                "source_label": self.source_label, "target_label": self.target_label}


@dataclass(frozen=True)
class Trace:
    """A decision's trace: the decision, its path in step order, and the SPARQL that built it."""

    decision: str
    label: str | None
    path: tuple[TraceEdge, ...]
    sparql: tuple[str, ...]

    def to_json(self) -> dict:
        """The trace as JSON: nodes with labels and the ordered edges."""
        nodes: dict[str, str | None] = {self.decision: self.label}
        for e in self.path:
            nodes.setdefault(e.source, e.source_label)
            nodes.setdefault(e.target, e.target_label)
        return {
            "decision": self.decision, "label": self.label,
            "nodes": [{"id": k, "label": v} for k, v in nodes.items()],
            "edges": [e.to_json() for e in self.path],
            "sparql": list(self.sparql),
        }


def resolve_decision(graph, minter: IriMinter, ref: str) -> tuple[str, str | None, str]:
    """(IRI, label, query) of the decision ``ref`` names: a full IRI or the key after ``decision/``."""
    if ref.startswith(("http://", "https://")):
        key = ref
    else:
        key = "decision/" + (ref if "/" not in ref else ref.rsplit("decision/", 1)[-1])
        key = minter.node("decision", "x").rsplit("decision/", 1)[0] + "decision/" + slug(key.split("decision/", 1)[1])
    query = templates.render("decision_lookup", key=key)
    rows = list(graph.query(query))
    if not rows:
        raise NotFound(f"no decision {ref!r}")
    row = rows[0]
    return row[0].value, (row[1].value if row[1] is not None else None), query


def projection(graph, decision_iri: str) -> tuple[nx.MultiDiGraph, str]:
    """The decision's neighbourhood as a labelled multigraph, and the query that read it."""
    query = templates.render("decision_trace", decision=templates.IriList((decision_iri,)))
    g = nx.MultiDiGraph()
    try:
        rows = list(graph.query(query))
    except QueryError:
        raise
    for s, rel, o, s_label, o_label in rows:
        g.add_node(s.value, label=s_label.value if s_label is not None else None)
        g.add_node(o.value, label=o_label.value if o_label is not None else None)
        g.add_edge(s.value, o.value, key=rel.value, relation=rel.value)
    return g, query


def trace_decision(graph, minter: IriMinter, ref: str) -> Trace:
    """The trace of one decision; NotFound when the graph holds no such decision."""
    iri, label, lookup = resolve_decision(graph, minter, ref)
    g, query = projection(graph, iri)
    reachable = nx.descendants(g, iri) | {iri} | set(g.predecessors(iri))
    edges = []
    for step in STEPS:
        for s, o, data in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
            if data["relation"] == step and (s in reachable or o in reachable):
                edges.append(TraceEdge(s, step, o, g.nodes[s].get("label"), g.nodes[o].get("label")))
    return Trace(iri, label, tuple(edges), (lookup, query))


def decision_key(iri: str) -> str:
    """The short id printed for a decision: what follows ``decision/`` in its IRI."""
    return iri.rsplit("decision/", 1)[-1] if "decision/" in iri else quote(iri, safe="")
