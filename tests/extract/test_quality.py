"""Extraction quality on the Medway papers, scored against hand-written gold annotations.

Run ``pytest tests/extract/test_quality.py -s`` to see the scores, and the misses and extras
behind them. Matching rules: ``tests/extract/scoring.py``. Targets (issue 3): precision >= 0.9
and recall >= 0.8 for people-with-post, decisions and metrics.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from ingest.extract.facts import extract_facts
from tests.extract.scoring import Miss, Score, describe, score_document

GOLD = Path(__file__).resolve().parents[1] / "data" / "medway_gold.json"
TARGETS = {"people-with-post": (0.9, 0.8), "decisions": (0.9, 0.8), "metrics": (0.9, 0.8)}


@pytest.fixture(scope="module")
def scores(medway_docs) -> dict[str, Score]:
    gold = json.loads(GOLD.read_text())["documents"]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: list[Miss] = []
    for doc in medway_docs:
        per_type = score_document(gold[doc.file_name], extract_facts(doc), doc.meta.council)
        for kind, (tp, fp, fn, missed, extra) in per_type.items():
            for i, n in enumerate((tp, fp, fn)):
                totals[kind][i] += n
            misses += [Miss(kind, doc.file_name, "MISSED " + describe(kind, g)) for g in missed]
            misses += [Miss(kind, doc.file_name, "EXTRA  " + describe(kind, f)) for f in extra]
    result = {kind: Score(kind, *counts) for kind, counts in totals.items()}
    print("\nExtraction quality on the Medway papers (gold: tests/data/medway_gold.json)")
    for s in result.values():
        print("  " + s.line())
    for m in misses:
        print(f"    {m.kind:<16} {m.document[:3]} {m.what[:160]}")
    return result


def test_gold_has_enough_metrics():
    gold = json.loads(GOLD.read_text())["documents"]
    required = [m for d in gold.values() for m in d["metrics"] if not m.get("optional")]
    assert len(required) >= 60
    assert all({"value", "unit", "measure", "end"} <= set(m) for m in required)


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_targets(scores, kind):
    precision, recall = TARGETS[kind]
    s = scores[kind]
    assert s.precision >= precision, s.line()
    assert s.recall >= recall, s.line()
