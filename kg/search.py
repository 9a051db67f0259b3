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
from typing import Protocol

import numpy as np

from kg.catalog import Catalog
from kg.generation import Generation
from kg.records import SearchHit

CANDIDATES = 50

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
    speaker: float = 0.0  # measured on QMSum train: no gain (0.827 at 0.15 vs 0.838 off); kept for corpora of transcripts


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
        self._speakers: Speakers | None = None
        self._lock = threading.Lock()

    def _documents(self) -> np.ndarray:
        """Document ordinal of every lexical row (built once per generation, on first use)."""
        with self._lock:
            if self._doc_of is None:
                rows = self.generation.lexical.rows
                doc_of = np.full(len(rows), -1, dtype=np.int64)
                # one catalog query for every paragraph: per-document queries took 4.3 s at 1M
                cat_rows, cat_docs = self.catalog.row_documents()
                if len(rows) and len(cat_rows):
                    _, ordinal = np.unique(cat_docs, return_inverse=True)
                    pos = np.searchsorted(rows, cat_rows)
                    ok = (pos < len(rows)) & (rows[np.clip(pos, 0, len(rows) - 1)] == cat_rows)
                    doc_of[pos[ok]] = ordinal[ok]
                self._doc_of = doc_of
            return self._doc_of

    def scored_rows(self, query: str, k: int) -> list[tuple[int, float]]:
        """(index row, fused score) of the best ``k`` paragraphs, best first."""
        dense, lexical = self.generation.dense, self.generation.lexical
        if len(lexical.rows) == 0 or not query.strip():
            return []
        pool = max(CANDIDATES, 3 * k)
        bm25_all = lexical.scores(query)
        top_lex = np.argsort(-bm25_all)[:pool]
        top_lex = top_lex[bm25_all[top_lex] > 0]
        qvec = self.embedder.embed_query(self._dense_text(query))
        dense_rows, _ = dense.search(qvec, pool)
        dense_pos = np.searchsorted(lexical.rows, np.asarray(dense_rows, dtype=np.int64))
        dense_pos = dense_pos[(dense_pos < len(lexical.rows))]
        cand = np.unique(np.concatenate([top_lex, dense_pos]).astype(np.int64))
        if len(cand) == 0:
            return []
        fused = self._fuse(qvec, bm25_all, cand)
        t = self.tuning
        if t.neighbour > 0 or t.document > 0:
            fused = self._in_context(qvec, bm25_all, cand, fused)
        if t.speaker > 0:
            fused = fused + t.speaker * self._speaker_match(query, cand)
        order = np.argsort(-fused, kind="stable")[:k]
        return [(int(lexical.rows[cand[i]]), float(fused[i])) for i in order]

    def _speaker_match(self, query: str, cand: np.ndarray) -> np.ndarray:
        """1 for candidates spoken by someone the query names (by name or by role), else 0."""
        with self._lock:
            if self._speakers is None:
                rows, texts = self.catalog.all_rows_and_texts()
                pos = np.searchsorted(self.generation.lexical.rows, np.asarray(rows, dtype=np.int64))
                self._speakers = Speakers.read(pos, texts, len(self.generation.lexical.rows))
        wanted = self._speakers.named_in(query)
        if not wanted:
            return np.zeros(len(cand))
        return np.isin(self._speakers.of[cand], list(wanted)).astype(float)

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


_SPEAKER = re.compile(r"^\s*([A-Z][\w.'\u2019-]*(?:\s+[A-Za-z][\w.'\u2019-]*){0,6}?)\s*(?:\(([^)]{2,80})\))?\s*:\s")
_HONORIFIC = frozenset("hon right rt mr mrs ms miss dr the am mp ms mla chair cllr councillor sir dame lord lady".split())


class Speakers:
    """Who speaks each paragraph of a transcript ("Hon. Bill Morneau: …"), and the roles given
    for them on first mention ("Right Hon. Justin Trudeau (Prime Minister): …"), so that "what did
    the Prime Minister say" finds the later turns that name only Mr Trudeau."""

    def __init__(self, of: np.ndarray, aliases: dict[str, int]) -> None:
        self.of = of
        self.aliases = aliases

    @classmethod
    def read(cls, positions: np.ndarray, texts: list[str], size: int) -> "Speakers":
        """Scan paragraph openings for speaker labels; positions index the lexical rows."""
        of = np.full(size, -1, dtype=np.int64)
        ids: dict[frozenset[str], int] = {}
        aliases: dict[str, int] = {}
        for pos, text in zip(positions.tolist(), texts):
            m = _SPEAKER.match(text)
            if m is None or pos >= size:
                continue
            words = [w for w in re.findall(r"[a-z][a-z'\u2019-]+", m.group(1).lower()) if w not in _HONORIFIC]
            if not words or len(words) > 4:
                continue
            key = frozenset(words)
            sid = ids.setdefault(key, len(ids))
            of[pos] = sid
            for w in words:
                if len(w) >= 4:
                    aliases.setdefault(w, sid)
            if m.group(2):
                role = re.sub(r"\s+", " ", m.group(2).lower()).strip()
                if re.search(r"minister|chair|secretary|leader|director|officer|commissioner|president|deputy", role):
                    aliases.setdefault(role, sid)
        return cls(of, aliases)

    def named_in(self, query: str) -> set[int]:
        """Speakers the query names by surname, first name or role."""
        q = query.lower()
        found = set()
        for alias, sid in self.aliases.items():
            if " " in alias:
                if alias in q:
                    found.add(sid)
            elif re.search(rf"\b{re.escape(alias)}\b", q):
                found.add(sid)
        return found
