"""The one writer: commits documents to graph, indexes and catalog as a whole, or not at all.

Order of a commit (each step survives a crash at any point):

1. the journal names the new generation and the documents it touches;
2. each touched document's named graph is replaced (or removed) and the graph flushed;
3. the new index generation is written beside the live one and renamed into place;
4. one catalog transaction swaps the documents' rows and names the new generation live;
5. the journal is cleared and generations older than the previous one are deleted.

After a crash, :meth:`StoreWriter.recover` finds the journal: if the catalog already names the
journal's generation the commit happened and only cleaning is left; otherwise the touched
graphs are rolled back to what the catalog says (rebuilt by the caller from the kept originals)
and the half-built generation is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np

from kg.catalog import Catalog, DocumentEntry
from kg.datadir import Journal, Layout, WriterLock
from kg.errors import NotFound
from kg.generation import (
    Generation, folder_exists, next_name, previous_of, remove_generations, write_generation,
)
from kg.graphstore import OxigraphStore, Triple
from kg.records import Document
from kg.vocab import IriMinter


@dataclass(frozen=True)
class StagedDocument:
    """A document with everything a commit writes for it."""

    document: Document
    source_path: str | None
    vectors: np.ndarray
    triples: tuple[Triple, ...]


RestoreGraph = Callable[[DocumentEntry], Iterable[Triple]]


class StoreWriter:
    """Holds the data directory's lock and the read-write graph store and catalog."""

    def __init__(self, layout: Layout, minter: IriMinter) -> None:
        self.layout = layout
        self.minter = minter
        self._lock = WriterLock(layout).acquire()
        try:
            self.catalog = Catalog(layout.catalog)
            self.graph = OxigraphStore(layout.graph)
        except Exception:
            self._lock.release()
            raise

    def close(self) -> None:
        """Release the store and the lock."""
        self.graph.close()
        self.catalog.close()
        self._lock.release()

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- recovery ------------------------------------------------------------------------

    def recover(self, restore: RestoreGraph) -> list[str]:
        """Finish or roll back an interrupted commit; returns the documents rolled back."""
        journal = Journal.read(self.layout)
        rolled: list[str] = []
        live = self.catalog.generation()
        if journal is not None and journal.generation != live:
            for doc_id in journal.documents:
                try:
                    entry = self.catalog.document(doc_id)
                except NotFound:
                    self.graph.remove_graph(self.minter.document(doc_id))
                else:
                    self.graph.replace_graph(self.minter.document(doc_id), restore(entry))
                rolled.append(doc_id)
            self.graph.flush()
        self._drop_orphan_graphs()
        if journal is not None:
            Journal.clear(self.layout)
        self._clean_generations(live)
        return rolled

    def _drop_orphan_graphs(self) -> None:
        known = {self.minter.document(e.id) for e in self.catalog.documents()}
        prefix = self.minter.document("")
        for name in self.graph.graph_names():
            if name.startswith(prefix) and name not in known:
                self.graph.remove_graph(name)

    def _clean_generations(self, live: str | None) -> None:
        keep = {g for g in (live, previous_of(live) if live else None) if g}
        remove_generations(self.layout, keep)

    # -- the commit ----------------------------------------------------------------------

    def commit(self, staged: Sequence[StagedDocument], remove: Sequence[str] = ()) -> str:
        """Make ``staged`` documents live and ``remove`` documents gone, in one commit."""
        live = self.catalog.generation()
        name = next_name(live)
        touched = [s.document.id for s in staged] + [d for d in remove if d not in {s.document.id for s in staged}]
        Journal(name, tuple(touched)).write(self.layout)

        for s in staged:
            self.graph.replace_graph(self.minter.document(s.document.id), s.triples)
        for doc_id in remove:
            self.graph.remove_graph(self.minter.document(doc_id))
        self.graph.flush()

        dropped = np.asarray(self.catalog.rows_of(touched), dtype=np.int64)
        first = self.catalog.next_row()
        additions: list[tuple[Document, str | None, int]] = []
        new_rows: list[np.ndarray] = []
        new_vectors: list[np.ndarray] = []
        row = first
        for s in staged:
            count = len(s.document.paragraphs)
            additions.append((s.document, s.source_path, row))
            new_rows.append(np.arange(row, row + count, dtype=np.int64))
            new_vectors.append(np.asarray(s.vectors, dtype=np.float32).reshape(count, -1))
            row += count

        old_rows, old_vectors = self._live_vectors(live, dropped, new_vectors)
        lex_rows, lex_texts = self.catalog.all_rows_and_texts()
        drop_set = set(dropped.tolist())
        kept = [(r, t) for r, t in zip(lex_rows, lex_texts) if r not in drop_set]
        for doc, _, start in additions:
            kept.extend((start + i, p.text) for i, p in enumerate(doc.paragraphs))
        write_generation(
            self.layout,
            name,
            dense_rows=np.concatenate([old_rows, *new_rows]) if new_rows else old_rows,
            vectors=np.concatenate([old_vectors, *new_vectors]) if new_vectors else old_vectors,
            lexical_rows=[r for r, _ in kept],
            lexical_texts=[t for _, t in kept],
        )
        self.catalog.commit(generation=name, add=additions, remove=remove)
        Journal.clear(self.layout)
        self._clean_generations(name)
        return name

    def _live_vectors(
        self, live: str | None, dropped: np.ndarray, new_vectors: list[np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray]:
        if live and folder_exists(self.layout, live):
            return Generation.open(self.layout, live).dense.without(dropped)
        dim = new_vectors[0].shape[1] if new_vectors else 0
        return np.empty(0, dtype=np.int64), np.empty((0, dim), dtype=np.float32)
