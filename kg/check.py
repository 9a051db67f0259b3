"""Consistency check of a data directory: catalog, graph and indexes must agree."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kg.catalog import Catalog
from kg.datadir import Journal, Layout
from kg.generation import Generation
from kg.graphstore import GraphStore, OxigraphStore
from kg.vocab import PARAGRAPH, IriMinter


@dataclass(frozen=True)
class CheckReport:
    """What a check found; ``problems`` is empty for a consistent store."""

    documents: int
    paragraphs: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check(layout: Layout, minter: IriMinter, graph: GraphStore | None = None) -> CheckReport:
    """Compare the catalog's documents and paragraph rows with the graph and both indexes.

    ``graph`` is the store to compare (default: the embedded one in the data directory).
    """
    problems: list[str] = []
    if Journal.read(layout) is not None:
        problems.append("a commit journal is present (an interrupted commit awaits recovery)")
    if not layout.catalog.exists():
        return CheckReport(0, 0, tuple(problems))
    catalog = Catalog(layout.catalog, read_only=True)
    try:
        docs = catalog.documents()
        rows = set(catalog.rows_of([d.id for d in docs]))
        live = catalog.generation()
        if docs and live is None:
            problems.append("documents are committed but no generation is live")
        if live is not None:
            gen = Generation.open(layout, live)
            dense_rows = set(np.asarray(gen.dense.rows).tolist())
            lexical_rows = set(np.asarray(gen.lexical.rows).tolist())
            if dense_rows != rows:
                problems.append(f"dense index rows differ from the catalog: {len(dense_rows ^ rows)} rows")
            if lexical_rows != rows:
                problems.append(f"lexical index rows differ from the catalog: {len(lexical_rows ^ rows)} rows")
        if graph is None and layout.graph.exists():
            graph = OxigraphStore(layout.graph, read_only=True)
        names = graph.graph_names() if graph else set()
        prefix = minter.document("")
        doc_graphs = {n for n in names if n.startswith(prefix)}
        expected = {minter.document(d.id) for d in docs}
        for missing in sorted(expected - doc_graphs):
            problems.append(f"document graph missing: {missing}")
        for extra in sorted(doc_graphs - expected):
            problems.append(f"graph of an uncommitted document: {extra}")
        if graph is not None:
            for d in docs:
                n = _paragraph_count(graph, minter.document(d.id))
                if n != d.paragraphs:
                    problems.append(f"{d.id}: graph has {n} paragraphs, catalog {d.paragraphs}")
        return CheckReport(len(docs), len(rows), tuple(problems))
    finally:
        catalog.close()


def _paragraph_count(graph: GraphStore, doc_graph: str) -> int:
    rows = graph.query(
        f"SELECT (COUNT(?p) AS ?n) WHERE {{ GRAPH <{doc_graph}> {{ ?p a <{PARAGRAPH}> }} }}"
    )
    return int(next(iter(rows))[0].value)
