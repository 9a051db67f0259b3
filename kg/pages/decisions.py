"""A decision traced for its page: the drawing and lists come from :func:`kg.trace.trace_decision`,
the same trace ``GET /api/decisions/<id>/trace`` returns, so the page and the API agree.

The trace's edges are labelled with relations (``made at``, ``has paper``, ``author``, ...);
each relation says what its two ends are, which gives every node a kind and a column of the
drawing: posts → people → papers → meeting and recommendations → decision → body, minutes,
agenda item and report-backs → the later papers that appear to answer them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.pages.actions import ReportBack, report_backs
from kg.pages.rows import plain
from kg.trace import Trace, trace_decision
from kg.vocab import IriMinter

# relation: ((kind, column) of the source, (kind, column) of the target); None is the decision.
ROLES: dict[str, tuple[tuple[str, int] | None, tuple[str, int] | None]] = {
    "made at": (None, ("meeting", 3)),
    "held by": (("meeting", 3), ("body", 5)),
    "decided by": (None, ("body", 5)),
    "recorded in": (None, ("minutes", 5)),
    "on agenda item": (None, ("agenda item", 5)),
    "has paper": (("meeting", 3), ("paper", 2)),
    "report from": (("paper", 2), ("person", 1)),
    "author": (("paper", 2), ("person", 1)),
    "lead officer": (("paper", 2), ("person", 1)),
    "holds post": (("person", 1), ("post", 0)),
    "recommends": (("paper", 2), ("recommendation", 3)),
    "arising from": (("report-back", 5), None),
    "reported back in": (("report-back", 5), ("later paper", 6)),
}
DECISION_COLUMN = 4
OTHER = ("node", 6)
PEOPLE = ("report from", "author", "lead officer")


@dataclass(frozen=True)
class TraceNode:
    """A node of the trace: an IRI, its label, what it is, and its column left to right."""

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
    """Everything the decision page shows: context, the trace drawn and listed, report-backs."""

    context: dict[str, str]
    trace: Trace
    nodes: tuple[TraceNode, ...]
    edges: tuple[TraceEdge, ...]
    papers: list[dict]
    report_backs: list[ReportBack]

    @property
    def key(self) -> str:
        """The decision's id as the trace API takes it."""
        return self.trace.decision.rsplit("decision/", 1)[-1]


def _label(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def drawable(t: Trace) -> tuple[tuple[TraceNode, ...], tuple[TraceEdge, ...]]:
    """The trace's nodes with kinds and columns (first relation naming a node decides), and its edges."""
    nodes: dict[str, TraceNode] = {t.decision: TraceNode(t.decision, t.label or _label(t.decision), "decision",
                                                         DECISION_COLUMN)}
    for e in t.path:
        source_role, target_role = ROLES.get(e.relation, (OTHER, OTHER))
        for iri, label, role in ((e.source, e.source_label, source_role), (e.target, e.target_label, target_role)):
            if iri not in nodes:
                kind, column = role or ("decision", DECISION_COLUMN)
                nodes[iri] = TraceNode(iri, label or _label(iri), kind, column)
    edges = tuple(dict.fromkeys(TraceEdge(e.source, e.target, e.relation) for e in t.path))
    return tuple(nodes.values()), edges


def _papers(t: Trace, nodes: dict[str, TraceNode]) -> list[dict]:
    """The papers of the trace with their people (role, posts) and recommendations."""
    posts: dict[str, list[str]] = {}
    for e in t.path:
        if e.relation == "holds post":
            posts.setdefault(e.source, []).append(e.target_label or _label(e.target))
    papers: dict[str, dict] = {}
    for n in nodes.values():
        if n.kind == "paper":
            papers[n.iri] = {"doc": n.iri, "title": n.label, "people": [], "recommendations": []}
    for e in t.path:
        paper = papers.get(e.source)
        if paper is None:
            continue
        if e.relation in PEOPLE:
            paper["people"].append({"person": e.target, "name": e.target_label or _label(e.target),
                                    "role": e.relation, "posts": posts.get(e.target, [])})
        elif e.relation == "recommends":
            paper["recommendations"].append({"rec": e.target, "text": e.target_label or _label(e.target)})
    return list(papers.values())


def trace(graph, minter: IriMinter, decision_iri: str) -> DecisionTrace:
    """The decision page's model: its context row, its trace (as the API gives it), report-backs."""
    rows = plain(graph, "decision_context", node=decision_iri)
    t = trace_decision(graph, minter, decision_iri)
    nodes, edges = drawable(t)
    return DecisionTrace(rows[0] if rows else {}, t, nodes, edges,
                         _papers(t, {n.iri: n for n in nodes}), report_backs(graph, decision_iri))
