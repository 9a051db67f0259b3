"""Named test constants and builders for the SPARQL tests: a tiny council graph."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyoxigraph as ox

from kg.records import Document, DocumentMeta, Paragraph
from kg.settings import Settings
from kg.vocab import CKG, IriMinter

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
W3C = SHARED / "external" / "w3c-sparql11"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DECISION = ox.NamedNode(CKG + "Decision")
DOC_IDS = ("cfosc-2024-11-14-minutes", "cabinet-2024-12-03-report")
DECISIONS_PER_DOC = 5


def decision_triples(minter: IriMinter, doc_id: str) -> list[tuple]:
    """A handful of decisions with labels, all belonging to one document."""
    triples = []
    for n in range(DECISIONS_PER_DOC):
        node = ox.NamedNode(minter.node("decision", f"{doc_id}-{n}"))
        triples.append((node, RDF_TYPE, DECISION))
        triples.append((node, RDFS_LABEL, ox.Literal(f"Decision {n} of {doc_id}", language="en")))
    return triples


def build_data_dir(root: Path) -> Settings:
    """A committed data directory with two documents; returns settings pointing at it."""
    from kg.datadir import Layout
    from kg.writer import StagedDocument, StoreWriter

    settings = Settings(data=root, sparql_workers=2)
    minter = IriMinter(settings.base_iri)
    staged = []
    for doc_id in DOC_IDS:
        para = Paragraph(id=f"{doc_id}-p1", document_id=doc_id, ordinal=0, text="The committee resolved.")
        doc = Document(id=doc_id, content_hash=doc_id, file_name=f"{doc_id}.txt", media_type="text/plain",
                       meta=DocumentMeta(title=doc_id), text=para.text, paragraphs=(para,))
        staged.append(StagedDocument(doc, None, np.zeros((1, 4), dtype=np.float32),
                                     tuple(decision_triples(minter, doc_id))))
    with StoreWriter(Layout(root), minter) as writer:
        writer.commit(staged)
    return settings
