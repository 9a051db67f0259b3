"""Test helpers: a document's full graph (document + paragraphs + facts) as rdflib or pyoxigraph."""

from __future__ import annotations

from datetime import datetime, timezone

import pyoxigraph as ox

from ingest.extract import default_extractors
from kg.triples import document_triples
from kg.vocab import IriMinter

STAMP = datetime(2024, 1, 1, tzinfo=timezone.utc)


def document_graph(doc, minter: IriMinter | None = None) -> list:
    """Every triple ingest would write to the document's named graph."""
    minter = minter or IriMinter()
    triples = list(document_triples(doc, minter, ingested_at=STAMP))
    for extract in default_extractors():
        triples.extend(extract(doc, minter))
    return triples


def to_rdflib(triples):
    """The triples as an rdflib Graph (for pyshacl), via N-Triples."""
    import io

    import rdflib

    buf = io.BytesIO()
    ox.serialize([ox.Triple(*t) for t in triples], buf, ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=buf.getvalue().decode("utf-8"), format="nt")
    return graph


def medway_store(docs, minter: IriMinter | None = None) -> ox.Store:
    """An in-memory store with one named graph per document, as ingest builds it."""
    minter = minter or IriMinter()
    store = ox.Store()
    for doc in docs:
        graph = ox.NamedNode(minter.document(doc.id))
        store.extend([ox.Quad(s, p, o, graph) for s, p, o in document_graph(doc, minter)])
    return store
