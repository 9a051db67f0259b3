"""Hybrid paragraph search: BM25 and dense scores fused over the union of both candidate sets.

Each ranker proposes candidates; every candidate then gets both scores exactly (BM25 scores
come for the whole corpus at once, dense scores from the stored vectors), each normalised by
the best candidate's score, and the two are mixed with ``dense_weight``. Exact fusion beats
rank fusion when one ranker finds a paragraph the other ranks just below its cut.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from kg.catalog import Catalog
from kg.generation import Generation
from kg.records import SearchHit

CANDIDATES = 50


class QueryEmbedder(Protocol):
    """Anything that embeds a query into a normalised vector."""

    def embed_query(self, text: str) -> np.ndarray: ...


class HybridSearch:
    """Searches one generation; cheap to build, so a new one is made per generation."""

    def __init__(self, generation: Generation, catalog: Catalog, embedder: QueryEmbedder, dense_weight: float = 0.5) -> None:
        self.generation = generation
        self.catalog = catalog
        self.embedder = embedder
        self.dense_weight = dense_weight

    def scored_rows(self, query: str, k: int) -> list[tuple[int, float]]:
        """(index row, fused score) of the best ``k`` paragraphs, best first."""
        dense, lexical = self.generation.dense, self.generation.lexical
        if len(lexical.rows) == 0 or not query.strip():
            return []
        pool = max(CANDIDATES, 3 * k)
        bm25_all = lexical.scores(query)
        top_lex = np.argsort(-bm25_all)[:pool]
        lex_rows = lexical.rows[top_lex[bm25_all[top_lex] > 0]]
        qvec = self.embedder.embed_query(query)
        dense_rows, _ = dense.search(qvec, pool)
        candidates = np.unique(np.concatenate([lex_rows, dense_rows]).astype(np.int64))
        if len(candidates) == 0:
            return []
        positions = np.searchsorted(lexical.rows, candidates)
        lex = bm25_all[np.clip(positions, 0, len(lexical.rows) - 1)]
        cos = dense.scores_for(qvec, candidates)
        lex_norm = lex / lex.max() if lex.max() > 0 else lex
        cos_norm = np.clip(cos, 0, None)
        cos_norm = cos_norm / cos_norm.max() if cos_norm.max() > 0 else cos_norm
        fused = self.dense_weight * cos_norm + (1 - self.dense_weight) * lex_norm
        order = np.argsort(-fused, kind="stable")[:k]
        return [(int(candidates[i]), float(fused[i])) for i in order]

    def search(self, query: str, k: int = 10) -> list[SearchHit]:
        """The best ``k`` paragraphs for ``query`` with their document's title and file."""
        scored = self.scored_rows(query, k)
        stored = self.catalog.paragraphs_by_rows([r for r, _ in scored])
        docs: dict[str, tuple[str | None, str]] = {}
        hits = []
        for row, score in scored:
            sp = stored.get(row)
            if sp is None:  # committed after this generation was opened; skip rather than guess
                continue
            p = sp.paragraph
            if p.document_id not in docs:
                entry = self.catalog.document(p.document_id)
                docs[p.document_id] = (entry.meta.title, entry.file_name)
            title, file_name = docs[p.document_id]
            hits.append(
                SearchHit(
                    paragraph_id=p.id, document_id=p.document_id, text=p.text, title=title,
                    file=file_name, paragraph=p.number, page=p.page, score=round(score, 4),
                )
            )
        return hits
