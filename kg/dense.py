"""Dense vector search over paragraph embeddings (FAISS), one index per segment.

A segment's vectors are stored once, as float16 (``vectors.npy``, memory-mapped: half the
bytes of float32, cosine error below 1e-3), and are the source of truth: merges and exact
rescoring read them. Its FAISS index is built from them by size: exact inner product below
``EXACT_LIMIT`` vectors, HNSW over 8-bit scalar-quantised codes above (a quarter of the
memory of float32 storage; candidates are rescored exactly by the caller through
:meth:`DenseIndex.scores_for`). Tombstoned paragraphs are excluded inside FAISS with a bitmap
selector, so a search never returns fewer than ``k`` live rows while ``k`` exist. A search
runs on one OpenMP thread (per calling thread; builds use all cores).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import faiss
import numpy as np

EXACT_LIMIT = 5_000
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 96
STORED_DTYPE = np.float16
# Map index files in place (codes and graph are paged in as searches touch them): at 1M
# paragraphs this opens 6x faster than IO_FLAG_MMAP and holds 350 MiB less (docs/benchmarks.md).
_READ_FLAGS = getattr(faiss, "IO_FLAG_MMAP_IFC", faiss.IO_FLAG_MMAP) | faiss.IO_FLAG_READ_ONLY


def build_faiss(vectors: np.ndarray) -> faiss.Index | None:
    """The FAISS index for one segment's vectors (float32 rows), by size."""
    if len(vectors) == 0:
        return None
    dim = vectors.shape[1]
    faiss.omp_set_num_threads(os.cpu_count() or 1)  # building is batch work: use every core
    if len(vectors) < EXACT_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.train(vectors)
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


@dataclass(frozen=True)
class DenseSegment:
    """One segment's stored vectors (float16) and FAISS index."""

    vectors: np.ndarray
    index: faiss.Index | None

    @classmethod
    def build(cls, vectors: np.ndarray) -> "DenseSegment":
        """Store ``vectors`` as float16 and index them."""
        stored = np.ascontiguousarray(vectors, dtype=STORED_DTYPE)
        return cls(stored, build_faiss(stored.astype(np.float32)))

    def save(self, directory: Path) -> None:
        """Write vectors and index into ``directory`` (created)."""
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "vectors.npy", self.vectors)
        if self.index is not None:
            faiss.write_index(self.index, str(directory / "dense.faiss"))

    @classmethod
    def load(cls, directory: Path) -> "DenseSegment":
        """Open a segment written by :meth:`save`; vectors and index are memory-mapped."""
        vectors = np.load(directory / "vectors.npy", mmap_mode="r")
        path = directory / "dense.faiss"
        index = faiss.read_index(str(path), _READ_FLAGS) if path.exists() else None
        return cls(vectors, index)

    @property
    def kind(self) -> str:
        """Which FAISS structure answers searches."""
        return "none" if self.index is None else type(self.index).__name__

    def search(self, query: np.ndarray, k: int, selector=None) -> tuple[np.ndarray, np.ndarray]:
        """Positions and inner products of the ``k`` best vectors (restricted by ``selector``)."""
        if self.index is None or k <= 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        k = min(k, self.index.ntotal)
        # One query is fastest on one thread, and on a busy machine OpenMP's spinning team is
        # 3-40x slower (measured in docs/benchmarks.md); the setting is per calling thread.
        faiss.omp_set_num_threads(1)
        if isinstance(self.index, faiss.IndexHNSW):
            params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))
        else:
            params = faiss.SearchParameters()
        if selector is not None:
            params.sel = selector
        scores, positions = self.index.search(query.reshape(1, -1), k, params=params)
        keep = positions[0] >= 0
        return positions[0][keep], scores[0][keep]


@dataclass(frozen=True)
class DensePart:
    """A segment seen through a generation: its rows, which positions are live, and a FAISS selector."""

    segment: DenseSegment
    rows: np.ndarray  # every position's row, ascending
    alive: np.ndarray | None  # bool per position; None when nothing is tombstoned
    selector: object | None = None
    bitmap: np.ndarray | None = None  # kept alive for the selector, which does not own it

    @classmethod
    def of(cls, segment: DenseSegment, rows: np.ndarray, alive: np.ndarray | None) -> "DensePart":
        """A part whose tombstoned positions FAISS will skip."""
        if alive is None or alive.all():
            return cls(segment, rows, None)
        bitmap = np.packbits(alive, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(alive), faiss.swig_ptr(bitmap))
        return cls(segment, rows, alive, selector, bitmap)


class DenseIndex:
    """Vectors of the live rows (ascending), searchable by inner product (= cosine)."""

    def __init__(self, rows: np.ndarray, parts: Sequence[DensePart], part_of: np.ndarray, position_of: np.ndarray) -> None:
        self.rows = rows
        self._parts = tuple(parts)
        self._part_of = part_of  # for rows[i]: which part holds it ...
        self._position_of = position_of  # ... and at which position

    @classmethod
    def build(cls, rows: np.ndarray, vectors: np.ndarray) -> "DenseIndex":
        """An in-memory, single-segment index; ``rows`` ascending and aligned with ``vectors``."""
        rows = np.asarray(rows, dtype=np.int64)
        if len(rows) and np.any(np.diff(rows) <= 0):
            raise ValueError("dense index rows must be strictly ascending")
        part = DensePart.of(DenseSegment.build(vectors), rows, None)
        return cls(rows, [part], np.zeros(len(rows), np.int32), np.arange(len(rows), dtype=np.int64))

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def kind(self) -> str:
        """The FAISS structures that answer searches, largest segment first."""
        return "+".join(p.segment.kind for p in sorted(self._parts, key=lambda p: -len(p.rows))) or "none"

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` nearest live rows and their scores, best first."""
        query = np.ascontiguousarray(query, dtype=np.float32)
        found_rows, found_scores = [], []
        for part in self._parts:
            positions, scores = part.segment.search(query, k, part.selector)
            found_rows.append(part.rows[positions])
            found_scores.append(scores)
        if not found_rows:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        rows, scores = np.concatenate(found_rows), np.concatenate(found_scores)
        best = np.argsort(-scores, kind="stable")[:k]
        return rows[best], scores[best]

    def scores_for(self, query: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Exact cosine scores for given rows (rows absent from the index score 0)."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.zeros(len(rows), dtype=np.float32)
        if len(self.rows) == 0 or len(rows) == 0:
            return out
        at = np.clip(np.searchsorted(self.rows, rows), 0, len(self.rows) - 1)
        present = np.flatnonzero(self.rows[at] == rows)
        query = np.asarray(query, dtype=np.float32)
        parts = self._part_of[at[present]]
        for p in np.unique(parts):
            mine = present[parts == p]
            positions = self._position_of[at[mine]]
            order = np.argsort(positions)  # ascending reads from the memory map
            block = np.asarray(self._parts[p].segment.vectors[positions[order]], dtype=np.float32)
            out[mine[order]] = block @ query
        return out
