"""A query encoder for BERT-family sentence-transformers models in plain numpy, without torch.

Importing torch and sentence-transformers takes 5-7 s on the reference machine, longer than
the whole cold-start budget of the server (5 s to the first answer). A question is one short
text, so the model's forward pass is cheap in numpy: this module reads the same weights
(``model.safetensors``) and tokenizer (``tokenizer.json``) and computes the same embedding —
BERT encoder, mean pooling over tokens, L2 normalisation — to within 1e-5 of
sentence-transformers (tested). It applies only to models laid out like all-MiniLM-L6-v2
(Transformer, mean Pooling, Normalize); :func:`QueryEncoder.load` returns None for anything
else, and the caller falls back to sentence-transformers.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

_MODULES = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
            "sentence_transformers.models.Normalize"]


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    # the exact (erf) GELU that BERT uses
    from math import sqrt

    return 0.5 * x * (1.0 + _erf(x / sqrt(2.0)))


def _erf(x: np.ndarray) -> np.ndarray:
    try:
        from scipy.special import erf

        return erf(x)
    except ImportError:  # pragma: no cover - scipy is present wherever faiss is
        return np.vectorize(math.erf, otypes=[np.float32])(x)


class QueryEncoder:
    """Embeds one text at a time with a BERT model's weights, in numpy."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text())
        st = json.loads((folder / "sentence_bert_config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.max_length = int(st.get("max_seq_length", 256))
        w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in load_file(str(folder / "model.safetensors")).items()}
        self.w = w
        self._scale = np.float32(1.0 / math.sqrt(int(config["hidden_size"]) // self.heads))
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            t = lambda name: np.ascontiguousarray(w[p + name + ".weight"].T)  # noqa: E731
            self.layers.append({
                "qkv": np.ascontiguousarray(np.concatenate([t(f"attention.self.{m}") for m in ("query", "key", "value")], 1)),
                "qkv_bias": np.concatenate([w[p + f"attention.self.{m}.bias"] for m in ("query", "key", "value")]),
                "out": t("attention.output.dense"), "out_bias": w[p + "attention.output.dense.bias"],
                "norm1": (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                "up": t("intermediate.dense"), "up_bias": w[p + "intermediate.dense.bias"],
                "down": t("output.dense"), "down_bias": w[p + "output.dense.bias"],
                "norm2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            })
        try:
            from threadpoolctl import ThreadpoolController

            self._blas = ThreadpoolController()
        except ImportError:  # pragma: no cover
            self._blas = None
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length)

    @classmethod
    def load(cls, folder: str | Path) -> "QueryEncoder | None":
        """An encoder for the model in ``folder``, or None if it is not a mean-pooled BERT model."""
        folder = Path(folder)
        try:
            modules = [m["type"] for m in json.loads((folder / "modules.json").read_text())]
            pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
            config = json.loads((folder / "config.json").read_text())
        except (OSError, ValueError, KeyError):
            return None
        if (modules != _MODULES or not pooling.get("pooling_mode_mean_tokens") or config.get("model_type") != "bert"
                or config.get("hidden_act") != "gelu" or not (folder / "model.safetensors").exists()
                or not (folder / "tokenizer.json").exists()):
            return None
        try:
            return cls(folder)
        except (ImportError, OSError, KeyError, ValueError):
            return None

    def _one_blas_thread(self):
        """BLAS on one thread for the call: these matrices are tiny, and a thread team on a busy
        machine costs more than it saves (17 ms instead of 42 ms a query at load 3)."""
        if self._blas is None:
            import contextlib

            return contextlib.nullcontext()
        return self._blas.limit(limits=1, user_api="blas")

    @property
    def dimension(self) -> int:
        """Length of the vectors produced."""
        return int(self.w["embeddings.word_embeddings.weight"].shape[1])

    def encode(self, text: str) -> np.ndarray:
        """The normalised embedding of ``text`` (float32)."""
        w = self.w
        ids = np.asarray(self.tokenizer.encode(text).ids, dtype=np.int64)
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        dim = x.shape[1]
        head = dim // self.heads
        with self._one_blas_thread():
            for layer in self.layers:
                qkv = x @ layer["qkv"] + layer["qkv_bias"]
                q = qkv[:, :dim].reshape(n, self.heads, head).transpose(1, 0, 2)
                k = qkv[:, dim : 2 * dim].reshape(n, self.heads, head).transpose(1, 2, 0)
                v = qkv[:, 2 * dim :].reshape(n, self.heads, head).transpose(1, 0, 2)
                scores = (q @ k) * self._scale
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                scores /= scores.sum(-1, keepdims=True)
                context = (scores @ v).transpose(1, 0, 2).reshape(n, dim)
                x = _layer_norm(context @ layer["out"] + layer["out_bias"] + x, *layer["norm1"], self.eps)
                hidden = _gelu(x @ layer["up"] + layer["up_bias"])
                x = _layer_norm(hidden @ layer["down"] + layer["down_bias"] + x, *layer["norm2"], self.eps)
        pooled = x.mean(0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)
