"""BM25 over paragraphs (bm25s), with English stemming and stop words."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Sequence

import bm25s
import numpy as np
import Stemmer

_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_STOP = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then "
    "there these they this to was will with from has have had were been which who whom what when "
    "where why how our we you your its than so do does did can could would should may might".split()
)


class Tokenizer:
    """Lowercases, splits on non-alphanumerics (keeping 16.9 and 2021/22 parts), stems."""

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("english")

    def __call__(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
        return self._stemmer.stemWords(words)


class LexicalIndex:
    """A BM25 index whose documents are index rows (paragraph row ids)."""

    def __init__(self, retriever: bm25s.BM25 | None, rows: np.ndarray, tokenizer: Tokenizer) -> None:
        self._retriever = retriever
        self.rows = rows
        self._tokenize = tokenizer

    @classmethod
    def build(cls, rows: Sequence[int], texts: Sequence[str]) -> "LexicalIndex":
        """Index ``texts``; row ``rows[i]`` is the paragraph of ``texts[i]``."""
        tokenizer = Tokenizer()
        retriever = None
        if texts:
            retriever = bm25s.BM25()
            retriever.index([tokenizer(t) or ["\u2205"] for t in texts], show_progress=False)
        return cls(retriever, np.asarray(rows, dtype=np.int64), tokenizer)

    def save(self, directory: Path) -> None:
        """Write the index into ``directory`` (created)."""
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "rows.npy", self.rows)
        if self._retriever is not None:
            self._retriever.save(str(directory / "bm25"))
        (directory / "lexical.json").write_text(json.dumps({"size": int(len(self.rows))}))

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        """Memory-map an index written by :meth:`save`."""
        rows = np.load(directory / "rows.npy")
        retriever = None
        if (directory / "bm25").exists():
            retriever = bm25s.BM25.load(str(directory / "bm25"), mmap=True)
        return cls(retriever, rows, Tokenizer())

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every indexed paragraph, aligned with :attr:`rows`."""
        tokens = self._tokenize(query)
        if self._retriever is None or not tokens:
            return np.zeros(len(self.rows), dtype=np.float32)
        return np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)
