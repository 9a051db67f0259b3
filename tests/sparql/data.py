"""Named test constants and builders for the SPARQL tests: a tiny council graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.settings import Settings
from kg.vocab import CKG, IriMinter

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
W3C = SHARED / "external" / "w3c-sparql11"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DECISION = ox.NamedNode(CKG + "Decision")
DOC_IDS = ("cfosc-2024-11-14-minutes", "cabinet-2024-12-03-report")
DECISIONS_PER_DOC = 5
ALL_DECISIONS = DECISIONS_PER_DOC * len(DOC_IDS)


def decision_triples(minter: IriMinter, doc_id: str) -> list[tuple]:
    """A handful of decisions with labels, all belonging to one document."""
    triples = []
    for n in range(DECISIONS_PER_DOC):
        node = ox.NamedNode(minter.node("decision", f"{doc_id}-{n}"))
        triples.append((node, RDF_TYPE, DECISION))
        triples.append((node, RDFS_LABEL, ox.Literal(f"Decision {n} of {doc_id}", language="en")))
    return triples


def build_data_dir(root: Path) -> Settings:
    """An on-disk graph store with two documents as named graphs; returns settings for it.

    Written with pyoxigraph directly (as the writer lays it out: ``DATA/graph``, one named graph
    per document), so these tests do not depend on the ingest pipeline or the index writer.
    """
    settings = Settings(data=root, sparql_workers=2)
    minter = IriMinter(settings.base_iri)
    store = ox.Store(str(root / "graph"))
    for doc_id in DOC_IDS:
        graph = ox.NamedNode(minter.document(doc_id))
        store.extend(ox.Quad(s, p, o, graph) for s, p, o in decision_triples(minter, doc_id))
    store.flush()
    del store
    return settings


class FixedGraph:
    """A knowledge base stand-in serving one on-disk store read-only as generation ``name``."""

    def __init__(self, settings: Settings, path: Path, name: str = "g000001") -> None:
        from kg.graphstore import OxigraphStore
        from kg.knowledge import Snapshot

        self.settings = settings
        self._snapshot = Snapshot(name, None, OxigraphStore(path, read_only=True), None)

    def current(self):
        return self._snapshot
