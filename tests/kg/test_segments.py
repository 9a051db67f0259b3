"""Segmented indexes: BM25 equal to one index over the live paragraphs, tombstones, merges,
and commits that write only what they add."""

from __future__ import annotations

import random
from pathlib import Path

import bm25s
import numpy as np
import pytest

import kg.segments as segments
from kg.check import check
from kg.datadir import Layout
from kg.generation import Generation
from kg.lexical import EMPTY, LexicalIndex, Tokenizer
from kg.segments import Manifest, SegmentEntry, plan_merges, segments_root
from kg.writer import StoreWriter
from tests.kg.storekit import make_document
from tests.kg.test_writer import MINTER, stage

WORDS = ("budget overspend children care placements foster housing homeless transport school "
         "plan review decision cabinet report member officer 16.9 2021/22 £3.2m agreed noted").split()
QUERIES = ("children in care placements", "budget overspend 2021/22", "housing decision cabinet",
           "16.9 turnover", "foster foster care", "nothing matches zebra", "the of and")


def random_text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 14)))


def live_corpus(layout: Layout, writer: StoreWriter) -> tuple[np.ndarray, list[str]]:
    rows = sorted(writer.catalog.rows_of([d.id for d in writer.catalog.documents()]))
    stored = writer.catalog.paragraphs_by_rows(rows)
    return np.asarray(rows, dtype=np.int64), [stored[r].paragraph.text for r in rows]


def reference_bm25(texts: list[str], query: str) -> np.ndarray:
    """One bm25s index over exactly these texts, tokenised as the store does."""
    tokenize = Tokenizer()
    retriever = bm25s.BM25()
    retriever.index([tokenize(t) or [EMPTY] for t in texts], show_progress=False)
    tokens = tokenize(query)
    return np.asarray(retriever.get_scores(tokens), dtype=np.float32) if tokens else np.zeros(len(texts))


@pytest.fixture()
def small_merges(monkeypatch):
    """A merge policy that acts on a handful of tiny segments."""
    monkeypatch.setattr(segments, "MERGE_FACTOR", 3)
    monkeypatch.setattr(segments, "SIZE_FLOOR", 4)


def churn(layout: Layout, commits: int, seed: int = 5) -> StoreWriter:
    """Commits that add, replace and remove random documents; returns the open writer."""
    rng = random.Random(seed)
    w = StoreWriter(layout, MINTER)
    versions: dict[str, int] = {}
    for _ in range(commits):
        staged = []
        for _ in range(rng.randint(1, 3)):
            doc_id = f"d{rng.randint(0, 30)}"
            if any(s.document.id == doc_id for s in staged):
                continue
            versions[doc_id] = versions.get(doc_id, 0) + 1
            texts = [random_text(rng) for _ in range(rng.randint(1, 6))]
            staged.append(stage(make_document(doc_id, texts, version=str(versions[doc_id]))))
        committed = {d.id for d in w.catalog.documents()} - {s.document.id for s in staged}
        remove = [d for d in sorted(committed) if rng.random() < 0.1]
        w.commit(staged, remove=remove)
    return w


def test_bm25_across_segments_equals_one_index_over_live_paragraphs(tmp_path: Path, small_merges, monkeypatch):
    monkeypatch.setattr(segments, "DELETED_LIMIT", 1.0)  # keep tombstones: they are what is tested
    layout = Layout(tmp_path / "data")
    w = churn(layout, 25)
    try:
        w.commit([stage(make_document("last", ["foster care placements"]))])
        victim = w.catalog.documents()[0]
        w.commit([stage(make_document(victim.id, ["children in care"], version="again"))])
        gen = Generation.open(layout, w.catalog.generation())
        assert len(gen.manifest.segments) > 1 and gen.manifest.tombstones  # the case worth testing
        rows, texts = live_corpus(layout, w)
        assert np.array_equal(gen.lexical.rows, rows)
        for query in QUERIES:
            expected = reference_bm25(texts, query)
            np.testing.assert_allclose(gen.lexical.scores(query), expected, rtol=1e-4, atol=1e-5, err_msg=query)
    finally:
        w.close()
    assert check(layout, MINTER).ok


def test_in_memory_index_equals_bm25s():
    rng = random.Random(3)
    texts = [random_text(rng) for _ in range(300)]
    index = LexicalIndex.build(list(range(0, 600, 2)), texts)
    for query in QUERIES:
        np.testing.assert_allclose(index.scores(query), reference_bm25(texts, query), rtol=1e-4, atol=1e-5)


def test_tombstoned_rows_are_never_found(tmp_path: Path):
    layout = Layout(tmp_path / "data")
    texts = [f"paragraph {i} about housing" for i in range(40)]
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(make_document("a", texts)), stage(make_document("b", ["school transport"]))])
        old_rows = np.asarray(w.catalog.rows_of(["a"]))
        w.commit([stage(make_document("a", texts[:30], version="v2"))])  # 40 tombstones, 30 new
        gen = Generation.open(layout, w.catalog.generation())
        assert sum(len(v) for v in gen.manifest.tombstones.values()) in (0, 40)  # merged away or kept
        doc = make_document("a", texts[:30], version="v2")
        from tests.kg.storekit import vectors_for
        query = vectors_for(doc)[0]
        found, _ = gen.dense.search(query, 100)
        assert len(found) == 31 and not np.isin(found, old_rows).any()
        assert np.all(gen.dense.scores_for(query, old_rows) == 0)
        assert not np.isin(gen.lexical.rows[gen.lexical.scores("housing") > 0], old_rows).any()


def test_commit_writes_only_what_it_adds(tmp_path: Path, monkeypatch):
    layout = Layout(tmp_path / "data")
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(make_document(f"d{i}", [f"text {i} {j}" for j in range(20)])) for i in range(10)])
        before = {p: p.stat().st_mtime_ns for p in segments_root(layout).rglob("*") if p.is_file()}
        w.commit([stage(make_document("new", ["one new paragraph"]))])
        after = {p: p.stat().st_mtime_ns for p in segments_root(layout).rglob("*") if p.is_file()}
    assert all(after[p] == t for p, t in before.items())  # old segments untouched
    added = set(after) - set(before)
    assert {p.relative_to(segments_root(layout)).parts[0] for p in added} == {"s000002"}
    gen_files = list((layout.generations).rglob("*"))
    assert sum(p.stat().st_size for p in gen_files if p.is_file()) < 10_000


def test_merges_keep_search_results(tmp_path: Path, small_merges):
    layout = Layout(tmp_path / "data")
    w = churn(layout, 40, seed=9)
    try:
        gen = Generation.open(layout, w.catalog.generation())
        assert len(gen.manifest.segments) <= 3 * 4  # factor × classes, far below 40 commits
        rows, _ = live_corpus(layout, w)
        assert np.array_equal(gen.dense.rows, rows)
        # exact search over the stored vectors agrees with the segments' indexes
        vectors = np.stack([np.asarray(v, dtype=np.float32) for v in _vectors_by_row(layout, gen, rows)])
        q = vectors[0]
        expected = rows[np.argsort(-(vectors @ q), kind="stable")[:5]]
        found, scores = gen.dense.search(q, 5)
        assert set(found) == set(expected)
        np.testing.assert_allclose(gen.dense.scores_for(q, found), scores, atol=2e-3)
    finally:
        w.close()
    assert check(layout, MINTER).ok


def _vectors_by_row(layout, gen, rows):
    return [gen.dense._parts[gen.dense._part_of[i]].segment.vectors[gen.dense._position_of[i]] for i in range(len(rows))]


def entries(*sizes: int) -> tuple[SegmentEntry, ...]:
    return tuple(SegmentEntry(f"s{i:06d}", n, i * 10**7, i * 10**7 + n - 1) for i, n in enumerate(sizes, 1))


def test_merge_policy():
    assert plan_merges(Manifest(entries(*[500] * 9))) == []
    assert plan_merges(Manifest(entries(*[500] * 10))) == [(0, 10)]
    # a big segment is left alone while small ones after it form a run
    assert plan_merges(Manifest(entries(200_000, *[5_000] * 10))) == [(1, 11)]
    # ten segments of the next class merge only once they are ten
    assert plan_merges(Manifest(entries(*[50_000] * 9, 3_000))) == []
    assert plan_merges(Manifest(entries(*[50_000] * 5, 3_000, *[50_000] * 5))) == [(0, 11)]
    # a segment mostly tombstoned is rewritten on its own
    many = Manifest(entries(100_000, 500), {"s000001": np.arange(40_000)})
    assert plan_merges(many) == [(0, 1)]


def test_a_pre_segment_generation_is_upgraded_by_the_next_commit(tmp_path: Path):
    from kg.errors import StoreError

    layout = Layout(tmp_path / "data")
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(make_document("a", ["alpha one", "alpha two"])), stage(make_document("b", ["beta"]))])
        live = w.catalog.generation()
    # rewrite the live generation in the old layout: dense/{rows,vectors}.npy, no manifest, no segments
    gen = Generation.open(layout, live)
    folder = layout.generation(live)
    vectors = np.stack([np.asarray(v, dtype=np.float32) for v in _vectors_by_row(layout, gen, gen.dense.rows)])
    (folder / "dense").mkdir()
    np.save(folder / "dense" / "rows.npy", gen.dense.rows)
    np.save(folder / "dense" / "vectors.npy", vectors)
    (folder / "manifest.json").unlink()
    (folder / "tombstones.npz").unlink()
    import shutil
    shutil.rmtree(segments_root(layout))
    with pytest.raises(StoreError, match="pre-segment"):
        Generation.open(layout, live)
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(make_document("a", ["alpha revised"], version="v2"))])
        gen = Generation.open(layout, w.catalog.generation())
        assert len(gen.dense) == 2 and gen.lexical.scores("beta").max() > 0 and gen.lexical.scores("two").max() == 0
    assert check(layout, MINTER).ok
