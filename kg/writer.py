"""The one writer: commits documents to graph, indexes and catalog as a whole, or not at all.

Order of a commit (each step survives a crash at any point):

1. the journal names the new generation and the documents it touches;
2. each touched document's named graph is replaced (or removed) and the graph flushed;
3. the paragraphs added are written as one new index segment, the paragraphs dropped become
   tombstones, the merge policy may write merged segments, and a new generation manifest
   naming them is written beside the live one and renamed into place;
4. one catalog transaction swaps the documents' rows and names the new generation live;
5. the journal is cleared; generations older than the previous one, and segments no kept
   generation names, are deleted.

A commit therefore writes what it adds (plus, now and then, a merge), never the whole store.

After a crash, :meth:`StoreWriter.recover` finds the journal: if the catalog already names the
journal's generation the commit happened and only cleaning is left; otherwise the touched
graphs are rolled back to what the catalog says (rebuilt by the caller from the kept originals)
and the half-built generation and its segments are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

import numpy as np

from kg.catalog import Catalog, DocumentEntry
from kg.datadir import Journal, Layout, WriterLock
from kg.errors import NotFound, StoreError
from kg.generation import (
    Generation, folder_exists, next_name, previous_of, remove_generations, write_generation,
)
from kg.graphstore import GraphStore, OxigraphStore, Triple
from kg.lexical import Tokenizer
from kg.segments import Manifest, apply_merges, build_segment, segment_name
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

    def __init__(
        self, layout: Layout, minter: IriMinter, *, open_graph: Callable[[], GraphStore] | None = None,
    ) -> None:
        """Take the lock, then open the catalog and the graph (``open_graph``: another backend)."""
        self.layout = layout
        self.minter = minter
        self._tokenizer = Tokenizer()
        self._lock = WriterLock(layout).acquire()
        try:
            self.catalog = Catalog(layout.catalog)
            self.graph = open_graph() if open_graph else OxigraphStore(layout.graph)
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
        manifest = self._live_manifest(live)
        if dropped.size:
            manifest = manifest.with_tombstones(Generation.of(self.layout, live or "", manifest).locate(dropped))
        # rows are never reused, so a tombstone can only ever mean the paragraph it was made for
        row = max(self.catalog.next_row(), manifest.next_row)
        additions: list[tuple[Document, str | None, int]] = []
        vectors: list[np.ndarray] = []
        texts: list[str] = []
        for s in staged:
            count = len(s.document.paragraphs)
            additions.append((s.document, s.source_path, row))
            vectors.append(np.asarray(s.vectors, dtype=np.float32).reshape(count, -1))
            texts.extend(p.text for p in s.document.paragraphs)
            row += count
        if texts:
            manifest = self._add_segment(manifest, row - len(texts), np.concatenate(vectors), texts)
        manifest, _ = apply_merges(self.layout, manifest)
        write_generation(self.layout, name, manifest)
        self.catalog.commit(generation=name, add=additions, remove=remove)
        Journal.clear(self.layout)
        self._clean_generations(name)
        return name

    def _add_segment(self, manifest: Manifest, first: int, vectors: np.ndarray, texts: list[str]) -> Manifest:
        if manifest.dimension is not None and vectors.shape[1] != manifest.dimension:
            raise StoreError(f"vectors have {vectors.shape[1]} dimensions; the store holds {manifest.dimension} "
                             "(was it built with another embedding model?)")
        name = segment_name(manifest.next_segment)
        rows = np.arange(first, first + len(texts), dtype=np.int64)
        entry = build_segment(self.layout, name, rows, vectors, [self._tokenizer(t) for t in texts])
        return replace(manifest, segments=(*manifest.segments, entry), next_row=first + len(texts),
                       next_segment=manifest.next_segment + 1, dimension=int(vectors.shape[1]))

    def _live_manifest(self, live: str | None) -> Manifest:
        """The live generation's manifest; a pre-segment generation is upgraded to one segment."""
        if live is None:
            return Manifest()
        if folder_exists(self.layout, live):
            return Manifest.load(self.layout.generation(live))
        legacy = self.layout.generation(live) / "dense"
        if not (legacy / "rows.npy").exists():
            raise StoreError(f"{self.layout.generation(live)}: the live index generation is missing")
        rows = np.load(legacy / "rows.npy")
        vectors = np.load(legacy / "vectors.npy")
        texts = {sp.row: sp.paragraph.text for sp in self.catalog.paragraphs_by_rows(rows.tolist()).values()}
        if len(rows) == 0:
            return Manifest()
        entry = build_segment(self.layout, segment_name(1), rows, vectors,
                              [self._tokenizer(texts.get(int(r), "")) for r in rows])
        return Manifest((entry,), {}, int(rows[-1]) + 1, 2, int(vectors.shape[1]))
