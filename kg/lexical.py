"""BM25 over paragraphs: immutable per-segment postings, scored with corpus-wide statistics.

Each segment keeps, for its paragraphs, term-frequency postings (term hash → paragraph
positions and counts) and every paragraph's token length. A query is scored across all
segments at once with the document count, document frequencies and average length of the
*live* paragraphs (tombstoned ones are left out), so a segmented index ranks and scores
exactly as one BM25 index built over the live paragraphs would (Lucene's variant, as bm25s
computes it: k1 = 1.5, b = 0.75). Terms are kept as 64-bit hashes so a segment's vocabulary is
a sorted, memory-mapped array rather than a dictionary built at every opening.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import Stemmer

K1 = 1.5
B = 0.75
EMPTY = "\u2205"  # stands for a paragraph with no indexable word, so it still has a length

_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_STOP = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then "
    "there these they this to was will with from has have had were been which who whom what when "
    "where why how our we you your its than so do does did can could would should may might".split()
)
_FILES = ("terms", "indptr", "docs", "tfs", "lengths")


class Tokenizer:
    """Lowercases, splits on non-alphanumerics (keeping 16.9 and 2021/22 parts), stems."""

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("english")

    def __call__(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
        return self._stemmer.stemWords(words)


def term_hashes(terms: Sequence[str]) -> np.ndarray:
    """Stable 64-bit hashes of terms (the same in every process and version)."""
    return np.fromiter(
        (int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little") for t in terms),
        dtype=np.uint64, count=len(terms),
    )


@dataclass(frozen=True)
class Postings:
    """One segment's inverted index: for term ``terms[i]``, ``docs``/``tfs`` in ``indptr[i]:indptr[i+1]``."""

    terms: np.ndarray  # uint64, ascending
    indptr: np.ndarray  # int64, len(terms) + 1
    docs: np.ndarray  # int32 paragraph positions within the segment, ascending per term
    tfs: np.ndarray  # uint16 term counts (saturating)
    lengths: np.ndarray  # int32 tokens per paragraph

    @classmethod
    def build(cls, token_lists: Sequence[Sequence[str]]) -> "Postings":
        """Postings of paragraphs given as token lists (position i is ``token_lists[i]``)."""
        vocab: dict[str, int] = {}
        ids: list[int] = []
        lengths = np.empty(len(token_lists), dtype=np.int32)
        for i, tokens in enumerate(token_lists):
            tokens = tokens or (EMPTY,)
            lengths[i] = len(tokens)
            ids.extend(vocab.setdefault(t, len(vocab)) for t in tokens)
        hashes = term_hashes(list(vocab))
        order = np.argsort(hashes, kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        docs = np.repeat(np.arange(len(token_lists), dtype=np.int64), lengths)
        return cls._from_pairs(hashes[order], rank[np.asarray(ids, dtype=np.int64)], docs, None, lengths)

    @classmethod
    def merge(cls, parts: Sequence[tuple["Postings", np.ndarray]]) -> "Postings":
        """One segment's postings from several, keeping paragraphs where the mask is True, in order."""
        hashes, docs, tfs, lengths = [], [], [], []
        offset = 0
        for postings, alive in parts:
            term_of = np.repeat(np.arange(len(postings.terms)), np.diff(postings.indptr))
            keep = alive[postings.docs]
            new_position = np.cumsum(alive, dtype=np.int64) - 1 + offset
            hashes.append(np.asarray(postings.terms)[term_of[keep]])
            docs.append(new_position[np.asarray(postings.docs)[keep]])
            tfs.append(np.asarray(postings.tfs)[keep])
            lengths.append(np.asarray(postings.lengths)[alive])
            offset += int(alive.sum())
        all_hashes = np.concatenate(hashes) if hashes else np.empty(0, dtype=np.uint64)
        terms, term_ids = np.unique(all_hashes, return_inverse=True)
        return cls._from_pairs(
            terms, term_ids.reshape(-1), np.concatenate(docs) if docs else np.empty(0, np.int64),
            np.concatenate(tfs) if tfs else np.empty(0, np.uint16),
            np.concatenate(lengths) if lengths else np.empty(0, np.int32),
        )

    @classmethod
    def _from_pairs(cls, terms, term_ids, docs, tfs, lengths) -> "Postings":
        """Sort (term, doc[, tf]) occurrences into postings; without ``tfs`` repeats are counted."""
        n_docs = max(len(lengths), 1)
        key = term_ids.astype(np.int64) * n_docs + docs
        if tfs is None:
            key, counts = np.unique(key, return_counts=True)
            tfs = np.minimum(counts, np.iinfo(np.uint16).max)
        else:
            order = np.argsort(key, kind="stable")
            key, tfs = key[order], tfs[order]
        per_term = np.bincount(key // n_docs, minlength=len(terms)) if len(key) else np.zeros(len(terms), np.int64)
        indptr = np.concatenate([[0], np.cumsum(per_term)]).astype(np.int64)
        return cls(terms.astype(np.uint64), indptr, (key % n_docs).astype(np.int32),
                   np.asarray(tfs, dtype=np.uint16), np.asarray(lengths, dtype=np.int32))

    def __len__(self) -> int:
        return len(self.lengths)

    def save(self, directory: Path) -> None:
        """Write the arrays into ``directory`` (created)."""
        directory.mkdir(parents=True, exist_ok=True)
        for name in _FILES:
            np.save(directory / f"{name}.npy", getattr(self, name))

    @classmethod
    def load(cls, directory: Path) -> "Postings":
        """Memory-map postings written by :meth:`save`."""
        return cls(*(np.load(directory / f"{name}.npy", mmap_mode="r") for name in _FILES))

    def lookup(self, term: np.uint64) -> tuple[np.ndarray, np.ndarray] | None:
        """(positions, counts) of paragraphs holding the term, or None."""
        i = int(np.searchsorted(self.terms, term))
        if i >= len(self.terms) or self.terms[i] != term:
            return None
        start, end = int(self.indptr[i]), int(self.indptr[i + 1])
        return np.asarray(self.docs[start:end]), np.asarray(self.tfs[start:end])


@dataclass(frozen=True)
class LexicalPart:
    """A segment's postings seen through a generation: ``view[p]`` is position p's index in rows, or -1."""

    postings: Postings
    view: np.ndarray
    complete: bool  # no tombstones: every position is live


class LexicalIndex:
    """BM25 across segments; :attr:`rows` are the live paragraphs' index rows, ascending."""

    def __init__(self, rows: np.ndarray, parts: Sequence[LexicalPart], tokenizer: Tokenizer | None = None) -> None:
        self.rows = rows
        self._parts = tuple(parts)
        self._tokenize = tokenizer or Tokenizer()
        total = sum(int(np.asarray(p.postings.lengths)[p.view >= 0].sum()) for p in self._parts)
        self._avg_length = total / len(rows) if len(rows) else 0.0

    @classmethod
    def build(cls, rows: Sequence[int], texts: Sequence[str]) -> "LexicalIndex":
        """An in-memory, single-segment index; row ``rows[i]`` is the paragraph of ``texts[i]``."""
        tokenizer = Tokenizer()
        rows = np.asarray(rows, dtype=np.int64)
        order = np.argsort(rows, kind="stable")
        postings = Postings.build([tokenizer(texts[i]) for i in order])
        view = np.arange(len(rows), dtype=np.int64)
        return cls(rows[order], [LexicalPart(postings, view, True)], tokenizer)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every live paragraph, aligned with :attr:`rows`."""
        out = np.zeros(len(self.rows), dtype=np.float32)
        tokens = Counter(self._tokenize(query))
        n = len(self.rows)
        if not tokens or n == 0:
            return out
        hashes = term_hashes(list(tokens))
        for multiplicity, term in zip(tokens.values(), hashes):
            hits = self._hits(term)
            df = sum(len(h[0]) for h in hits)
            if df == 0:
                continue
            idf = np.float32(np.log(1.0 + (n - df + 0.5) / (df + 0.5)) * multiplicity)
            for where, docs, tfs, lengths in hits:
                tf = tfs.astype(np.float32)
                norm = np.float32(K1) * (np.float32(1 - B) + np.float32(B) * np.asarray(lengths[docs], np.float32)
                                         / np.float32(self._avg_length))
                out[where] += idf * tf / (norm + tf)
        return out

    def frequency(self, word: str) -> int:
        """How many live paragraphs hold ``word`` as the tokenizer stems it (0 for a stop word)."""
        stems = self._tokenize(word)
        if len(stems) != 1:
            return 0
        return sum(len(h[0]) for h in self._hits(term_hashes(stems)[0]))

    def _hits(self, term: np.uint64) -> list[tuple]:
        """(index positions, segment positions, counts, segment lengths) of the live paragraphs
        holding ``term``, one tuple per segment that has any."""
        hits = []
        for part in self._parts:
            found = part.postings.lookup(term)
            if found is None:
                continue
            docs, tfs = found
            where = part.view[docs]
            if not part.complete:
                live = where >= 0
                where, docs, tfs = where[live], docs[live], tfs[live]
            if len(where):
                hits.append((where, docs, tfs, part.postings.lengths))
        return hits
