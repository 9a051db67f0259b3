"""The writer's commit, replace, remove, lock and crash recovery, on a real on-disk store."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from kg.catalog import Catalog
from kg.check import check
from kg.datadir import Layout
from kg.errors import StoreLocked
from kg.generation import Generation
from kg.generation import previous_of
from kg.segments import referenced_segments, segments_root
from kg.triples import document_triples
from kg.vocab import CONTENT_HASH, IriMinter
from kg.writer import StagedDocument, StoreWriter
from tests.kg.storekit import make_document, vectors_for

MINTER = IriMinter()


def stage(doc):
    return StagedDocument(doc, None, vectors_for(doc), tuple(document_triples(doc, MINTER)))


def graph_hash(writer: StoreWriter, doc_id: str) -> str | None:
    rows = list(writer.graph.native.query(
        f"SELECT ?h WHERE {{ GRAPH <{MINTER.document(doc_id)}> {{ ?d <{CONTENT_HASH}> ?h }} }}"))
    return rows[0][0].value if rows else None


def test_commit_replace_remove(tmp_path: Path):
    layout = Layout(tmp_path / "data")
    a1 = make_document("a", ["alpha one", "alpha two"])
    b = make_document("b", ["beta one", "beta two", "beta three"])
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(a1), stage(b)])
        assert w.catalog.counts() == {"documents": 2, "paragraphs": 5}
        a2 = make_document("a", ["alpha revised"], version="v2")
        w.commit([stage(a2)])
        assert w.catalog.document("a").content_hash == a2.content_hash
        assert graph_hash(w, "a") == a2.content_hash
        assert w.catalog.counts() == {"documents": 2, "paragraphs": 4}
        gen = Generation.open(layout, w.catalog.generation())
        assert len(gen.dense) == 4 and len(gen.lexical.rows) == 4
        assert [p.paragraph.text for p in w.catalog.paragraphs_of("a")] == ["alpha revised"]
        assert gen.lexical.scores("alpha").max() > 0
        assert gen.lexical.scores("one").max() > 0  # "beta one" is still there
        w.commit([], remove=["b"])
        assert w.catalog.counts() == {"documents": 1, "paragraphs": 1}
        assert graph_hash(w, "b") is None
        assert w.graph.count(MINTER.document("b")) == 0
    report = check(layout, MINTER)
    assert report.ok, report.problems
    gen = Generation.open(layout, Catalog(layout.catalog, read_only=True).generation())
    assert len(gen.dense) == 1
    assert gen.lexical.scores("beta").max() == 0
    assert gen.lexical.scores("one").max() == 0  # "alpha one" was replaced, "beta one" removed


def test_second_writer_is_refused_with_a_clear_message(tmp_path: Path):
    layout = Layout(tmp_path / "data")
    with StoreWriter(layout, MINTER):
        with pytest.raises(StoreLocked, match="another writer"):
            StoreWriter(layout, MINTER)
    StoreWriter(layout, MINTER).close()  # released on close


# (module, attribute path, which call) replaced by an abrupt exit: the step never completed.
# The crashing commit replaces "a" (tombstoning two of the three paragraphs of the first
# segment, which sends that segment to the merge policy) and adds "c": it writes a new segment,
# then a merged one, then the generation manifest.
CRASH_POINTS = {
    "after_journal": ("kg.graphstore", "OxigraphStore.replace_graph", 1),
    "before_generation": ("kg.writer", "write_generation", 1),
    "inside_segment": ("kg.lexical", "Postings.save", 1),
    "before_segment_rename": ("kg.segments", "sync_tree", 1),
    "inside_merge": ("kg.dense", "DenseSegment.save", 2),
    "inside_generation": ("kg.segments", "Manifest.save", 1),
    "before_catalog": ("kg.catalog", "Catalog.commit", 1),
    "before_journal_clear": ("kg.datadir", "Journal.clear", 1),
    "during_cleanup": ("kg.generation", "remove_segments", 1),
}
COMMITTED = {"before_journal_clear", "during_cleanup"}

CRASH_SCRIPT = textwrap.dedent("""
    import importlib, os, sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from kg.datadir import Layout
    from kg.vocab import IriMinter
    from kg.writer import StoreWriter
    from tests.kg.test_writer import stage
    from tests.kg.storekit import make_document
    owner = importlib.import_module({module!r})
    *parents, attr = {attribute!r}.split(".")
    for name in parents:
        owner = getattr(owner, name)
    original = getattr(owner, attr)
    calls = []
    def crash(*a, **k):
        calls.append(1)
        if len(calls) == {nth}:
            os._exit(137)
        return original(*a, **k)
    setattr(owner, attr, crash)
    w = StoreWriter(Layout(Path({data!r})), IriMinter())
    w.commit([stage(make_document("a", ["alpha revised"], version="v2")), stage(make_document("c", ["gamma"]))])
    print("no crash")
""")


def kept_segments(layout: Layout) -> set[str]:
    """Segments of the live generation and of the previous one (readers may still hold it)."""
    live = Catalog(layout.catalog, read_only=True).generation()
    return referenced_segments(layout, [g for g in (live, previous_of(live)) if g])


@pytest.mark.parametrize("point", sorted(CRASH_POINTS))
def test_crash_at_any_step_leaves_a_whole_store(tmp_path: Path, point: str):
    layout = Layout(tmp_path / "data")
    a1 = make_document("a", ["alpha one", "alpha two"])
    b = make_document("b", ["beta one"])
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(a1), stage(b)])
    repo = str(Path(__file__).resolve().parents[2])
    module, attribute, nth = CRASH_POINTS[point]
    script = CRASH_SCRIPT.format(repo=repo, module=module, attribute=attribute, nth=nth, data=str(layout.root))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 137, proc.stdout + proc.stderr
    originals = {"a": a1, "a2": make_document("a", ["alpha revised"], version="v2"),
                 "b": b, "c": make_document("c", ["gamma"])}
    with StoreWriter(layout, MINTER) as w:
        def restore(entry):
            doc = next(d for d in originals.values() if d.content_hash == entry.content_hash)
            return document_triples(doc, MINTER)
        w.recover(restore)
        committed = point in COMMITTED
        expected_a = originals["a2" if committed else "a"].content_hash
        assert w.catalog.document("a").content_hash == expected_a
        assert graph_hash(w, "a") == expected_a
        assert (graph_hash(w, "c") is not None) == committed
        # nothing half-written or unreferenced is left behind
        on_disk = {p.name for p in segments_root(layout).iterdir()}
        assert on_disk == kept_segments(layout)
        gen = Generation.open(layout, w.catalog.generation())
        assert (gen.lexical.scores("gamma").max() > 0) == committed
        assert gen.lexical.scores("beta").max() > 0
        # the interrupted work can be redone
        w.commit([stage(originals["a2"]), stage(originals["c"])])
    report = check(layout, MINTER)
    assert report.ok, report.problems
    assert report.documents == 3
    assert not any(p.name.endswith(".tmp") for p in layout.generations.iterdir())
    live = Catalog(layout.catalog, read_only=True).generation()
    assert sorted(np.asarray(Generation.open(layout, live).dense.rows).tolist()) == sorted(
        Catalog(layout.catalog, read_only=True).rows_of(["a", "b", "c"]))
