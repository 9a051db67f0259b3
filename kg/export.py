"""Whole-graph downloads: N-Quads and TriG keep the per-document named graphs."""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graphstore import GraphStore
from kg.vocab import PREFIXES

FORMATS = {
    "nquads": (ox.RdfFormat.N_QUADS, "application/n-quads"),
    "trig": (ox.RdfFormat.TRIG, "application/trig"),
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}


def export_graph(graph: GraphStore, fmt: str, output: BinaryIO) -> None:
    """Write every named graph; Turtle and JSON-LD flatten them into one graph."""
    try:
        rdf_format, _ = FORMATS[fmt]
    except KeyError:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    if rdf_format.supports_datasets:
        graph.dump(output, rdf_format)
        return
    triples = graph.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    ox.serialize(triples, output, rdf_format, prefixes=PREFIXES)
