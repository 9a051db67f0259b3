"""Search maps every index row to its document in one catalog query."""

from __future__ import annotations

import numpy as np

from kg.catalog import Catalog
from kg.datadir import Layout
from kg.generation import Generation
from kg.search import HybridSearch
from kg.writer import StoreWriter
from tests.kg.storekit import make_document
from tests.kg.test_writer import MINTER, stage


def test_rows_map_to_their_documents(tmp_path):
    layout = Layout(tmp_path / "data")
    docs = [make_document(name, [f"{name} {i}" for i in range(n)]) for name, n in (("a", 3), ("b", 1), ("c", 4))]
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(d) for d in docs[:2]])
        w.commit([stage(docs[2])], remove=["b"])
    catalog = Catalog(layout.catalog, read_only=True)
    rows, ids = catalog.row_documents()
    assert sorted(set(ids.tolist())) == ["a", "c"] and len(rows) == 7
    search = HybridSearch(Generation.open(layout, catalog.generation()), catalog, embedder=None)
    doc_of = search._documents()
    lexical_rows = search.generation.lexical.rows
    by_doc: dict[int, set[str]] = {}
    for row, ordinal in zip(np.asarray(lexical_rows).tolist(), doc_of.tolist()):
        by_doc.setdefault(ordinal, set()).add(catalog.paragraphs_by_rows([row])[row].paragraph.document_id)
    assert all(len(v) == 1 for v in by_doc.values()) and len(by_doc) == 2
    assert -1 not in by_doc
