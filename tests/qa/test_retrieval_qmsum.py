"""Retrieval on QMSum committee transcripts: the smoke run on two transcripts of *val*.

The full run (``council-kg eval QUESTIONS --retrieval-qmsum ../shared/external/qmsum-committee/val``)
takes minutes on this machine and is a benchmark, not a test.
"""

from __future__ import annotations

import json
from pathlib import Path

from api.qa_cli import retrieval_benchmark
from kg.evaluate import load_qmsum
from kg.settings import Settings


def test_qmsum_smoke_two_transcripts(shared, tmp_path):
    split = shared / "external" / "qmsum-committee" / "val"
    transcripts, queries = load_qmsum(split)
    assert len(transcripts) >= 2 and all(q.ranges for q in queries)
    result = retrieval_benchmark(Settings.load({}, data=tmp_path / "unused"), split, limit=2)
    print("\nQMSum val, first two transcripts:", json.dumps(result))
    assert result["queries"] > 10
    for scope in ("within_meeting", "all_meetings"):
        recall = result[scope]
        for name in ("bm25", "dense", "fused_plain", "fused"):
            assert 0.0 <= recall[f"recall@5_{name}"] <= 1.0
        # The re-ranked fusion must not lose to either ranker alone on the same index.
        assert recall["recall@5_fused"] >= max(recall["recall@5_bm25"], recall["recall@5_dense"]) - 0.05
    # Searching one meeting can only remove competitors from other meetings.
    for name in ("bm25", "dense"):
        assert result["within_meeting"][f"recall@5_{name}"] >= result["all_meetings"][f"recall@5_{name}"]
    assert not Path(tmp_path / "unused").exists()  # the benchmark works in its own temporary folder
