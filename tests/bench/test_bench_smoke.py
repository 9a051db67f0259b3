"""Small runs of every benchmark, so that `make bench` cannot rot unnoticed."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from bench import corpus, incremental, ingest, profile, recall, search
from bench.report import Table, percentile, publish
from bench.store import documents
from bench.vectors import clustered_vectors, synthetic_vectors


def test_corpus_is_deterministic_and_shaped_like_council_papers():
    first = list(corpus.papers(600, seed=3))
    again = list(corpus.papers(600, seed=3))
    assert [p.text for p in first] == [p.text for p in again]
    assert sum(len(p.paragraphs) for p in first) >= 600
    text = "\n".join(p.text for p in first)
    assert re.search(r"^- \d+\.\d+ ", text, re.M)  # numbered paragraphs
    assert "RESOLVED that" in text and "As at " in text and "Report from: " in text
    assert {p.manifest["document_type"] for p in first} == {"report", "minutes", "agenda"}
    assert len(corpus.paragraph_texts(1234)) == 1234
    assert sum(len(d.paragraphs) for d in documents(777)) == 777


def test_synthetic_vectors_are_unit_and_clustered():
    base = clustered_vectors(200, dimension=16)
    more = synthetic_vectors(1000, base)
    np.testing.assert_allclose(np.linalg.norm(more, axis=1), 1, rtol=1e-5)
    assert (more @ base[0]).max() > 0.8  # near its source


def test_publish_replaces_only_its_own_section(tmp_path: Path):
    doc = tmp_path / "benchmarks.md"
    t = Table("T", ["a", "b"])
    t.add(1, 2.5)
    publish("one", "One", [t], doc=doc, command="x")
    publish("two", "Two", [t], doc=doc, command="y")
    t.rows[0] = (3, 4.5)
    publish("one", "One", [t], doc=doc, command="x")
    text = doc.read_text()
    assert text.count("<!-- bench:one -->") == 1 and "| 3 | 4.5 |" in text and "## Two" in text
    assert percentile([1, 2, 3, 4], 50) == 2.5


def test_recall_smoke(tmp_path: Path):
    doc = tmp_path / "b.md"
    recall.main(["--sizes", "600", "--queries", "20", "--doc", str(doc)])
    assert "recall@10" in doc.read_text()


@pytest.mark.slow
def test_ingest_smoke(tmp_path: Path):
    doc = tmp_path / "b.md"
    ingest.main(["--paragraphs", "40", "--doc", str(doc)])
    assert "ingest / model" in doc.read_text()


@pytest.mark.slow
def test_search_and_incremental_smoke(tmp_path: Path):
    doc = tmp_path / "b.md"
    search.main(["--sizes", "400", "--repeat", "4", "--work", str(tmp_path / "w"), "--doc", str(doc)])
    text = doc.read_text()
    assert "cold start to first answer" in text and "| 400 |" in text
    incremental.main(["--size", "400", "--work", str(tmp_path / "w"), "--doc", str(doc)])
    assert "add one paper" in doc.read_text()
    profile.main(["--size", "400", "--searches", "3", "--work", str(tmp_path / "w"), "--doc", str(doc)])
    assert "HybridSearch" in doc.read_text()
