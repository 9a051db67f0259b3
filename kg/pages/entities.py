"""Any node of the graph as a page: its label, kinds, statements both ways, and sources.

This is the generic model every entity page starts from; the person, body, meeting, decision
and measure pages add their own sections (see :mod:`kg.pages.sections`) on top of it, so a page
still says everything the graph knows when the extraction vocabulary grows.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from kg import vocab as v
from kg.pages.sparql import Term, select

LABELS = (v.RDFS_LABEL, v.SKOS + "prefLabel", v.FOAF + "name", v.SCHEMA + "name", v.DC_TITLE)
HIDDEN = {v.PROV_DERIVED}


@dataclass(frozen=True)
class Statement:
    """One edge as a page lists it: the property, the other end, and that end's label."""

    predicate: str
    other: Term
    label: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Source:
    """A paragraph a node was read from."""

    paragraph_id: str
    document_id: str
    title: str | None
    number: str | None
    text: str


@dataclass(frozen=True)
class EntityView:
    """A node with everything the graph says about it."""

    iri: str
    label: str
    kinds: tuple[str, ...]
    outgoing: tuple[Statement, ...]
    incoming: tuple[Statement, ...]
    sources: tuple[Source, ...]

    def values(self, *predicates: str) -> list[Statement]:
        """Outgoing statements through any of ``predicates``, in that order of preference."""
        return [s for p in predicates for s in self.outgoing if s.predicate == p]

    def first(self, *predicates: str) -> str | None:
        """The value of the first of ``predicates`` that the node has."""
        found = self.values(*predicates)
        return found[0].other.value if found else None

    def pointing(self, *predicates: str) -> list[Statement]:
        """Incoming statements through any of ``predicates``."""
        return [s for s in self.incoming if s.predicate in predicates]


def describe(graph, iri: str, minter: v.IriMinter) -> EntityView | None:
    """The view of ``iri``, or None when the graph says nothing about it."""
    out_rows = select(graph, "node_out", node=iri)
    in_rows = select(graph, "node_in", node=iri)
    if not out_rows and not in_rows:
        return None
    outgoing = tuple(
        Statement(r["p"].value, r["o"], r["label"].value if "label" in r else None)
        for r in out_rows if r["p"].value not in HIDDEN
    )
    incoming = tuple(
        Statement(r["p"].value, r["s"], r["label"].value if "label" in r else None,
                  r["type"].value if "type" in r else None)
        for r in in_rows if r["p"].value not in HIDDEN and r["p"].value != v.IN_DOCUMENT
    )
    kinds = tuple(sorted({s.other.value for s in outgoing if s.predicate == v.RDF_TYPE}))
    label = next((s.other.value for p in LABELS for s in outgoing if s.predicate == p), None)
    return EntityView(iri, label or local_name(iri), kinds, outgoing, incoming, sources(graph, iri, minter))


def sources(graph, iri: str, minter: v.IriMinter) -> tuple[Source, ...]:
    """The paragraphs the node, or facts about it, were derived from."""
    prefix = minter.paragraph("")
    doc_prefix = minter.document("")
    found: dict[str, Source] = {}
    for r in select(graph, "node_sources", node=iri):
        para, doc = r["para"].value, r["doc"].value
        if not para.startswith(prefix) or not doc.startswith(doc_prefix):
            continue
        pid = unquote(para[len(prefix):])
        found.setdefault(pid, Source(
            pid, unquote(doc[len(doc_prefix):]), r["title"].value if "title" in r else None,
            r["number"].value if "number" in r else None, r["text"].value if "text" in r else "",
        ))
    return tuple(found.values())


def local_name(iri: str) -> str:
    """The last segment of an IRI, readable: ``…/person/josie-iles`` → ``josie iles``."""
    tail = iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return unquote(tail).replace("-", " ").replace("_", " ") or iri


@dataclass(frozen=True)
class KindCount:
    """A type of node and how many the graph holds."""

    iri: str
    count: int


def kinds(graph) -> list[KindCount]:
    """The graph's node types, most common first (documents and paragraphs aside)."""
    return [KindCount(r["type"].value, int(r["n"].value))
            for r in select(graph, "labels_of_types") if r.get("type") and r["type"].is_iri]


def nodes_of(graph, type_iri: str) -> list[Statement]:
    """Nodes of one type with their labels."""
    return [Statement(v.RDF_TYPE, r["s"], r["label"].value if "label" in r else None)
            for r in select(graph, "nodes_of_type", type=type_iri) if r["s"].is_iri]
