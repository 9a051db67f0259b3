"""Dense vector index over paragraph embeddings (FAISS).

The vectors themselves (``vectors.npy``) and their index rows (``rows.npy``, ascending) are the
source of truth; the FAISS index is built from them, its type chosen by size: exact inner
product below ``EXACT_LIMIT`` vectors, HNSW above (sub-millisecond at 100k, recall ≈ 0.99).
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

EXACT_LIMIT = 50_000
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 96


class DenseIndex:
    """Vectors aligned with ascending index rows, searchable by inner product (= cosine)."""

    def __init__(self, rows: np.ndarray, vectors: np.ndarray, index: faiss.Index | None) -> None:
        self.rows = rows
        self.vectors = vectors
        self._index = index

    @classmethod
    def build(cls, rows: np.ndarray, vectors: np.ndarray) -> "DenseIndex":
        """Build an index; ``rows`` must be ascending and aligned with ``vectors``."""
        rows = np.asarray(rows, dtype=np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if len(rows) and np.any(np.diff(rows) <= 0):
            raise ValueError("dense index rows must be strictly ascending")
        return cls(rows, vectors, _make_index(vectors))

    def save(self, directory: Path) -> None:
        """Write vectors, rows and the FAISS index into ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "rows.npy", self.rows)
        np.save(directory / "vectors.npy", self.vectors)
        if self._index is not None:
            faiss.write_index(self._index, str(directory / "dense.faiss"))

    @classmethod
    def load(cls, directory: Path) -> "DenseIndex":
        """Open an index written by :meth:`save`; vectors are memory-mapped."""
        rows = np.load(directory / "rows.npy")
        vectors = np.load(directory / "vectors.npy", mmap_mode="r")
        path = directory / "dense.faiss"
        index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP) if path.exists() else None
        if isinstance(index, faiss.IndexHNSW):
            index.hnsw.efSearch = HNSW_EF_SEARCH
        return cls(rows, vectors, index)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def kind(self) -> str:
        """Which FAISS structure answers searches."""
        return "none" if self._index is None else type(self._index).__name__

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` nearest rows and their cosine scores, best first."""
        if self._index is None or k <= 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        scores, positions = self._index.search(query.reshape(1, -1).astype(np.float32), min(k, len(self.rows)))
        keep = positions[0] >= 0
        return self.rows[positions[0][keep]], scores[0][keep]

    def scores_for(self, query: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Exact cosine scores for given rows (rows absent from the index score 0)."""
        out = np.zeros(len(rows), dtype=np.float32)
        if len(self.rows) == 0:
            return out
        positions = np.clip(np.searchsorted(self.rows, rows), 0, len(self.rows) - 1)
        present = self.rows[positions] == rows
        if np.any(present):
            out[present] = np.asarray(self.vectors[positions[present]]) @ query.astype(np.float32)
        return out

    def without(self, drop_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Rows and vectors left after dropping ``drop_rows`` (for building the next generation)."""
        keep = ~np.isin(self.rows, drop_rows)
        return self.rows[keep], np.asarray(self.vectors[keep])


def _make_index(vectors: np.ndarray) -> faiss.Index | None:
    if len(vectors) == 0:
        return None
    dim = vectors.shape[1]
    if len(vectors) < EXACT_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = HNSW_EF_SEARCH
    index.add(vectors)
    return index
