"""The numpy query encoder gives the model's own vectors, so queries and paragraphs stay comparable."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kg.embedding import Embedder, resolve_model
from kg.query_encoder import QueryEncoder

TEXTS = ["how many children were in care last November?", "", "a", "UASC funding £3.2m 16.9% 2021/22",
         "Café naïve résumé — RESOLVED that the Committee noted the report. " * 60]


@pytest.mark.slow
def test_numpy_encoder_matches_sentence_transformers(embedder: Embedder):
    encoder = QueryEncoder.load(resolve_model("all-MiniLM-L6-v2"))
    assert encoder is not None and encoder.dimension == 384
    reference = embedder.embed(TEXTS)  # the torch path, as paragraphs are embedded
    mine = np.stack([encoder.encode(t) for t in TEXTS])
    np.testing.assert_allclose(mine, reference, atol=1e-5)
    np.testing.assert_allclose(embedder.embed_query(TEXTS[0]), reference[0], atol=1e-5)


def test_other_model_layouts_fall_back(tmp_path):
    assert QueryEncoder.load(tmp_path) is None
    (tmp_path / "modules.json").write_text(json.dumps([{"type": "sentence_transformers.models.Transformer"}]))
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text("{}")
    (tmp_path / "config.json").write_text('{"model_type": "bert"}')
    assert QueryEncoder.load(tmp_path) is None
