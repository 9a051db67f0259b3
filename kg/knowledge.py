"""The read side: the committed catalog, graph and indexes of a data directory, kept current.

Opened once per process (by the app factory or a CLI command). Before each use,
:meth:`KnowledgeBase.current` checks the catalog's live generation and, when a writer has
committed a newer one, reopens the indexes and the read-only graph store. An empty data
directory is valid: searches return nothing until something is ingested.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Collection

from kg.catalog import Catalog
from kg.datadir import Layout
from kg.embedding import Embedder
from kg.errors import StoreError
from kg.generation import Generation
from kg.graphstore import GraphStore, open_graph_store
from kg.search import HybridSearch
from kg.settings import Settings
from kg.vocab import IriMinter


@dataclass(frozen=True)
class Snapshot:
    """One committed state: everything a request reads, consistent with itself."""

    generation: str | None
    catalog: Catalog | None
    graph: GraphStore | None
    search: HybridSearch | None


class KnowledgeBase:
    """Read-only access to a data directory, refreshed when a new generation is committed."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.layout = Layout(settings.data)
        self.minter = IriMinter(settings.base_iri)
        self.embedder = embedder or Embedder.from_settings(settings)
        self._lock = threading.Lock()
        self._snapshot = Snapshot(None, None, None, None)

    def current(self) -> Snapshot:
        """The latest committed snapshot (reopened only when the generation changed)."""
        if not self.layout.catalog.exists():
            return self._snapshot
        with self._lock:
            catalog = self._snapshot.catalog or Catalog(self.layout.catalog, read_only=True)
            live = catalog.generation()
            if live is not None and live != self._snapshot.generation:
                self._snapshot = self._open(catalog, live)
            elif self._snapshot.catalog is None:
                self._snapshot = Snapshot(None, catalog, None, None)
            return self._snapshot

    def _open(self, catalog: Catalog, live: str) -> Snapshot:
        try:
            generation = Generation.open(self.layout, live)
            graph = open_graph_store(self.settings, read_only=True)
        except (OSError, StoreError) as exc:
            raise StoreError(f"{self.layout.root}: cannot open generation {live}: {exc}") from exc
        search = HybridSearch(generation, catalog, self.embedder, self.settings.dense_weight)
        return Snapshot(live, catalog, graph, search)

    def search(self, query: str, k: int = 10, documents: Collection[str] | None = None):
        """Hybrid search over the latest committed paragraphs, or only those of ``documents``
        (ids; an id not in the store raises :class:`NotFound` naming it)."""
        snap = self.current()
        if snap.search is None:
            return []
        if documents is not None:
            for doc_id in documents:
                snap.catalog.document(doc_id)
        return snap.search.search(query, k, documents)
