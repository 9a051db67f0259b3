"""Paragraph vectors for the benchmarks: real MiniLM embeddings, cached, and synthetic ones.

Real embeddings of the synthetic paragraphs are computed once in chunks and kept under
``bench/.cache`` (a run that is stopped resumes where it stopped). Beyond what can be embedded
in the time a benchmark has, :func:`synthetic_vectors` perturbs real ones: each synthetic
vector is a real paragraph's vector plus part of another real vector and Gaussian noise, renormalised,
so the clusters of real text are kept (uniform random vectors would flatter every approximate index).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from bench.corpus import paragraph_texts

CACHE = Path(__file__).resolve().parent / ".cache"
CHUNK = 5000


def cached_vectors(count: int, seed: int = 7, *, embedder=None, log=print) -> np.ndarray:
    """Real embeddings of the first ``count`` synthetic paragraphs (float32, normalised)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    texts = None
    parts = []
    for start in range(0, count, CHUNK):
        path = CACHE / f"minilm-s{seed}-{start:07d}-{CHUNK}.npy"
        if not path.exists():
            if embedder is None:
                from kg.embedding import Embedder

                embedder = Embedder(threads=2)
            if texts is None:
                texts = paragraph_texts(count + CHUNK, seed)
            began = time.perf_counter()
            chunk = embedder.embed(texts[start : start + CHUNK])
            np.save(path.with_suffix(".tmp.npy"), chunk)
            path.with_suffix(".tmp.npy").rename(path)
            log(f"embedded {start + CHUNK:,} paragraphs ({CHUNK / (time.perf_counter() - began):.0f}/s)")
        parts.append(np.load(path))
    return np.concatenate(parts)[:count]


def available(seed: int = 7) -> int:
    """How many leading paragraphs already have cached real embeddings."""
    start = 0
    while (CACHE / f"minilm-s{seed}-{start:07d}-{CHUNK}.npy").exists():
        start += CHUNK
    return start


def synthetic_vectors(count: int, real: np.ndarray, seed: int = 11, noise: float = 0.25) -> np.ndarray:
    """``count`` vectors shaped like ``real``: each a real vector, part of another and noise, renormalised.

    Mixing in a random second vector keeps far more distinct points than copies of the real
    ones would (a million copies of 10k vectors would be 100 near-duplicates each).
    """
    rng = np.random.default_rng(seed)
    out = np.empty((count, real.shape[1]), dtype=np.float32)
    for start in range(0, count, 100_000):
        n = min(100_000, count - start)
        base = real[np.arange(start, start + n) % len(real)]
        other = real[rng.integers(0, len(real), size=n)]
        mix = rng.uniform(0.2, 0.6, size=(n, 1)).astype(np.float32)
        v = base + mix * other + rng.normal(scale=noise / np.sqrt(real.shape[1]), size=base.shape).astype(np.float32)
        out[start : start + n] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def clustered_vectors(count: int, dimension: int = 384, seed: int = 13) -> np.ndarray:
    """Unit vectors around random centres, for smoke runs where no real ones are cached."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, count // 50), dimension)).astype(np.float32)
    v = centres[rng.integers(0, len(centres), size=count)] + 0.5 * rng.normal(size=(count, dimension)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def base_vectors(count: int) -> tuple[np.ndarray, str]:
    """Up to ``count`` real cached vectors (or clustered ones when none is cached), and their kind."""
    real = min(available(), count)
    if real == 0:
        return clustered_vectors(min(count, 20_000)), "clustered random (no real vectors cached)"
    return cached_vectors(real), "real"


def main() -> None:
    """Fill the cache: ``python -m bench.vectors 100000``."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    cached_vectors(args.count)


if __name__ == "__main__":
    main()
