"""Hybrid paragraph search: BM25 and dense scores fused over the union of both candidate sets.

Each ranker proposes candidates; every candidate then gets both scores exactly (BM25 scores
come for the whole corpus at once, dense scores from the stored vectors), each normalised by
the best candidate's score, and the two are mixed with ``dense_weight``. Exact fusion beats
rank fusion when one ranker finds a paragraph the other ranks just below its cut.

Two context signals then re-rank the candidates, because an answer in committee papers is
rarely one isolated paragraph: it sits in an exchange of turns or a run of numbered
paragraphs, inside the one document that is about the subject.

- *neighbours*: a paragraph gains a share of the better of its two neighbours' fused scores
  (same document only), so the middle of a relevant passage outranks a stray lexical match;
- *document*: a paragraph gains a share of its document's best fused score, so two near-equal
  paragraphs are ordered by how much their document as a whole is about the question.

Both weights were chosen on the QMSum *train* split and are reported on *val* (``council-kg
eval --retrieval-qmsum``), beside the plain BM25 and dense baselines.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Collection, Protocol

import numpy as np

from kg.catalog import Catalog
from kg.generation import Generation
from kg.records import SearchHit

CANDIDATES = 50
EXACT_SCOPE = 50_000  # a scope this small gets exact dense scores (about 10 ms at 384 dimensions)
SCOPE_WIDENING = 20  # a larger scope takes this many times the pool from the index, then filters

# Words that frame a question ("what did X say about Y") but never distinguish passages;
# left in, they pull the dense vector towards any turn that reports speech.
_FRAMING = re.compile(
    r"\b(what|how|did|does|do|was|were|is|are|the|say|said|says|think|thought|discuss(?:ed|ion)?|"
    r"talk(?:ed)?|about|summari[sz]e|debate[d]?|respond(?:ed)?|towards?|meeting|when|talking|"
    r"mention(?:ed)?|opinion|view)\b",
    re.IGNORECASE,
)


class QueryEmbedder(Protocol):
    """Anything that embeds a query into a normalised vector."""

    def embed_query(self, text: str) -> np.ndarray: ...


@dataclass(frozen=True)
class Tuning:
    """Re-ranking weights; the defaults are the ones chosen on QMSum train."""

    neighbour: float = 0.2
    document: float = 0.0  # train: 0.838 at 0, 0.831 at 0.1 and 0.2
    strip_framing: bool = True


class HybridSearch:
    """Searches one generation; cheap to build, so a new one is made per generation."""

    def __init__(
        self, generation: Generation, catalog: Catalog, embedder: QueryEmbedder,
        dense_weight: float = 0.5, tuning: Tuning | None = None,
    ) -> None:
        self.generation = generation
        self.catalog = catalog
        self.embedder = embedder
        self.dense_weight = dense_weight
        self.tuning = tuning or Tuning()
        self._doc_of: np.ndarray | None = None
        self._doc_ids: np.ndarray | None = None
        self._lock = threading.Lock()

    def _documents(self) -> np.ndarray:
        """Document ordinal of every lexical row (built once per generation, on first use)."""
        with self._lock:
            if self._doc_of is None:
                rows = self.generation.lexical.rows
                doc_of = np.full(len(rows), -1, dtype=np.int64)
                # one catalog query for every paragraph: per-document queries took 4.3 s at 1M
                cat_rows, cat_docs = self.catalog.row_documents()
                ids, ordinal = np.unique(cat_docs, return_inverse=True)
                if len(rows) and len(cat_rows):
                    pos = np.searchsorted(rows, cat_rows)
                    ok = (pos < len(rows)) & (rows[np.clip(pos, 0, len(rows) - 1)] == cat_rows)
                    doc_of[pos[ok]] = ordinal[ok]
                self._doc_of, self._doc_ids = doc_of, ids
            return self._doc_of

    def _scope(self, documents: Collection[str]) -> np.ndarray:
        """Lexical positions of the paragraphs of the given documents (ids unknown here match nothing)."""
        doc_of = self._documents()
        wanted = np.flatnonzero(np.isin(self._doc_ids, np.asarray(list(documents), dtype=object)))
        return np.flatnonzero(np.isin(doc_of, wanted))

    def scored_rows(self, query: str, k: int, documents: Collection[str] | None = None) -> list[tuple[int, float]]:
        """(index row, fused score) of the best ``k`` paragraphs, best first; with ``documents``,
        only paragraphs of those documents compete (the scope is applied before ranking, so a
        small document is searched as thoroughly as the whole corpus)."""
        dense, lexical = self.generation.dense, self.generation.lexical
        if len(lexical.rows) == 0 or not query.strip():
            return []
        pool = max(CANDIDATES, 3 * k)
        bm25_all = lexical.scores(query)
        qvec = self.embedder.embed_query(self._dense_text(query))
        if documents is None:
            top_lex = np.argsort(-bm25_all)[:pool]
            dense_rows, _ = dense.search(qvec, pool)
            dense_pos = np.searchsorted(lexical.rows, np.asarray(dense_rows, dtype=np.int64))
            dense_pos = dense_pos[(dense_pos < len(lexical.rows))]
        else:
            scope = self._scope(documents)
            top_lex = scope[np.argsort(-bm25_all[scope])[:pool]]
            dense_pos = self._dense_in(qvec, scope, pool)
        top_lex = top_lex[bm25_all[top_lex] > 0]
        cand = np.unique(np.concatenate([top_lex, dense_pos]).astype(np.int64))
        if len(cand) == 0:
            return []
        fused = self._fuse(qvec, bm25_all, cand)
        t = self.tuning
        if t.neighbour > 0 or t.document > 0:
            fused = self._in_context(qvec, bm25_all, cand, fused)
        order = np.argsort(-fused, kind="stable")[:k]
        return [(int(lexical.rows[cand[i]]), float(fused[i])) for i in order]

    def _dense_in(self, qvec: np.ndarray, scope: np.ndarray, pool: int) -> np.ndarray:
        """Positions of the ``pool`` nearest paragraphs inside a scope: exact scores for a scope
        of up to ``EXACT_SCOPE`` paragraphs, else the index's nearest, widened and filtered."""
        rows = self.generation.lexical.rows
        if len(scope) <= EXACT_SCOPE:
            cos = self.generation.dense.scores_for(qvec, rows[scope])
            return scope[np.argsort(-cos, kind="stable")[:pool]]
        found, _ = self.generation.dense.search(qvec, pool * SCOPE_WIDENING)
        pos = np.searchsorted(rows, np.asarray(found, dtype=np.int64))
        pos = pos[pos < len(rows)]
        return pos[np.isin(pos, scope)][:pool]

    def _dense_text(self, query: str) -> str:
        if not self.tuning.strip_framing:
            return query
        stripped = re.sub(r"\s+", " ", _FRAMING.sub(" ", query)).strip(" ?")
        return stripped if len(stripped) >= 3 else query

    def _fuse(self, qvec: np.ndarray, bm25_all: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """Fused scores of lexical positions, normalised over the given set."""
        lex = bm25_all[positions]
        cos = self.generation.dense.scores_for(qvec, self.generation.lexical.rows[positions])
        lex_norm = lex / lex.max() if lex.max() > 0 else lex
        cos_norm = np.clip(cos, 0, None)
        cos_norm = cos_norm / cos_norm.max() if cos_norm.max() > 0 else cos_norm
        return self.dense_weight * cos_norm + (1 - self.dense_weight) * lex_norm

    def _in_context(self, qvec: np.ndarray, bm25_all: np.ndarray, cand: np.ndarray, fused: np.ndarray) -> np.ndarray:
        """Add the neighbour and document shares to the candidates' fused scores."""
        doc_of = self._documents()
        n = len(bm25_all)
        around = np.unique(np.concatenate([cand, np.clip(cand - 1, 0, n - 1), np.clip(cand + 1, 0, n - 1)]))
        base = self._fuse(qvec, bm25_all, around)
        score_at = dict(zip(around.tolist(), base.tolist()))
        own = np.array([score_at[c] for c in cand.tolist()])
        out = own.copy()
        t = self.tuning
        if t.neighbour > 0:
            best_side = np.zeros(len(cand))
            for i, c in enumerate(cand.tolist()):
                sides = [score_at[s] for s in (c - 1, c + 1)
                         if 0 <= s < n and doc_of[s] == doc_of[c] and s in score_at]
                best_side[i] = max(sides, default=0.0)
            out += t.neighbour * best_side
        if t.document > 0:
            best_doc: dict[int, float] = {}
            for c, s in zip(cand.tolist(), own.tolist()):
                d = int(doc_of[c])
                best_doc[d] = max(best_doc.get(d, 0.0), s)
            out += t.document * np.array([best_doc[int(doc_of[c])] for c in cand.tolist()])
        return out

    def search(self, query: str, k: int = 10, documents: Collection[str] | None = None) -> list[SearchHit]:
        """The best ``k`` paragraphs for ``query`` (within ``documents`` when given) with their
        document's title and file."""
        scored = self.scored_rows(query, k, documents)
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

