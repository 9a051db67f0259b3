"""Fixtures of the reliability tests: a fast stand-in embedder and settings with tight limits."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

import numpy as np
import pytest

from kg.settings import Settings

DIM = 32


class HashEmbedder:
    """Deterministic unit vectors from a hash of the text: the store's shape without the model's cost."""

    dimension = DIM

    def embed(self, texts: Sequence[str], *, progress=None) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=8).digest(), "big")
            v = np.random.default_rng(seed).normal(size=DIM)
            out[i] = v / np.linalg.norm(v)
        if progress is not None:
            progress(len(texts))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


@pytest.fixture()
def fast_embedder() -> HashEmbedder:
    """An embedder that costs nothing (for tests about parsing and storage, not ranking)."""
    return HashEmbedder()


@pytest.fixture()
def tight_settings(tmp_path: Path) -> Settings:
    """Settings with short parse limits, so a hang costs seconds."""
    return Settings.load({}, data=tmp_path / "data", parse_timeout=8, parse_memory_mb=1024)
