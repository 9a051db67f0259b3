"""A decision traced: body, meeting, the reports and their authors behind it, the follow-ups.

The trace is a small graph of :class:`TraceNode` in layers (people → reports → decision →
meeting and body → follow-ups) for the page to draw, plus the same facts as lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.pages.rows import plain, unique


@dataclass(frozen=True)
class TraceNode:
    """A node of the trace: an IRI, its label, what it is, and its layer left to right."""

    iri: str
    label: str
    kind: str
    layer: int


@dataclass(frozen=True)
class TraceEdge:
    """A labelled edge between two trace nodes (by IRI)."""

    source: str
    target: str
    label: str


@dataclass(frozen=True)
class DecisionTrace:
    """Everything the decision page shows."""

    context: dict[str, str]
    reports: list[dict[str, str]]
    followups: list[dict[str, str]]
    nodes: tuple[TraceNode, ...]
    edges: tuple[TraceEdge, ...]


def trace(graph, decision_iri: str, label: str) -> DecisionTrace:
    """The trace of one decision from the graph."""
    rows = plain(graph, "decision_context", node=decision_iri)
    context = rows[0] if rows else {}
    reports = plain(graph, "decision_reports", node=decision_iri)
    followups = unique(plain(graph, "decision_followups", node=decision_iri), "node")
    nodes: dict[str, TraceNode] = {decision_iri: TraceNode(decision_iri, label, "decision", 2)}
    edges: list[TraceEdge] = []

    def add(iri: str | None, text: str | None, kind: str, layer: int) -> bool:
        if not iri:
            return False
        nodes.setdefault(iri, TraceNode(iri, text or kind, kind, layer))
        return True

    if add(context.get("meeting"), context.get("meetingLabel"), "meeting", 3):
        edges.append(TraceEdge(decision_iri, context["meeting"], "made at"))
    if add(context.get("body"), context.get("bodyLabel"), "body", 3):
        edges.append(TraceEdge(decision_iri, context["body"], "decided by"))
    for r in reports:
        if add(r.get("doc"), r.get("title"), "report", 1):
            edges.append(TraceEdge(r["doc"], decision_iri, "considered"))
        if add(r.get("person"), r.get("name"), "person", 0):
            post = f" ({r['postLabel']})" if r.get("postLabel") else ""
            edges.append(TraceEdge(r["person"], r["doc"], r.get("role", "author") + post))
    for f in followups:
        if add(f["node"], f.get("text"), f.get("kind", "follow-up"), 4 if f.get("kind") == "action" else 1):
            kind = f.get("kind")
            edges.append(TraceEdge(decision_iri, f["node"], "asks for") if kind == "action"
                         else TraceEdge(f["node"], decision_iri, "answered by"))
    distinct = list(dict.fromkeys(edges))
    return DecisionTrace(context, reports, followups,
                         tuple(nodes.values()), tuple(distinct))
