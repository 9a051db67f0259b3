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


class _Axis:
    """Embeds every query as the first axis: dense scores then rank by that component alone."""

    def embed_query(self, text: str) -> np.ndarray:
        v = np.zeros(8, dtype=np.float32)
        v[0] = 1.0
        return v


def _scoped_store(tmp_path):
    layout = Layout(tmp_path / "data")
    docs = [make_document("a", ["budget overspend on transport", "budget for libraries", "parks report"]),
            make_document("b", ["budget overspend on transport and budget pressures"] * 2),
            make_document("c", ["minutes of the meeting"])]
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(d) for d in docs])
    catalog = Catalog(layout.catalog, read_only=True)
    return HybridSearch(Generation.open(layout, catalog.generation()), catalog, _Axis())


def test_search_within_documents_returns_only_their_paragraphs(tmp_path):
    search = _scoped_store(tmp_path)
    everywhere = search.search("budget overspend", 10)
    assert {h.document_id for h in everywhere} >= {"a", "b"}
    within_a = search.search("budget overspend", 10, ["a"])
    assert within_a and {h.document_id for h in within_a} == {"a"}
    # the best paragraph of "a" is the one the open search ranks first among a's paragraphs
    first_a = next(h for h in everywhere if h.document_id == "a")
    assert within_a[0].paragraph_id == first_a.paragraph_id
    both = search.search("budget overspend", 10, ["a", "c"])
    assert {h.document_id for h in both} <= {"a", "c"}
    assert search.search("budget overspend", 10, ["no-such-document"]) == []
    assert search.search("budget overspend", 10, []) == []


def test_scoped_dense_candidates_come_from_the_scope_even_when_the_index_is_used(tmp_path, monkeypatch):
    import kg.search as search_module

    search = _scoped_store(tmp_path)
    exact = [h.paragraph_id for h in search.search("parks", 5, ["a"])]
    monkeypatch.setattr(search_module, "EXACT_SCOPE", 0)  # force the widened index search
    widened = [h.paragraph_id for h in search.search("parks", 5, ["a"])]
    assert widened and all(p.startswith("a-") for p in widened)
    assert widened == exact
