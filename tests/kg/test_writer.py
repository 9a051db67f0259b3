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


# (module, attribute path) replaced by an abrupt exit: the step that is never completed
CRASH_POINTS = {
    "after_journal": ("kg.graphstore", "OxigraphStore.replace_graph"),
    "before_generation": ("kg.writer", "write_generation"),
    "inside_generation": ("kg.lexical", "LexicalIndex.save"),
    "before_catalog": ("kg.catalog", "Catalog.commit"),
    "before_journal_clear": ("kg.datadir", "Journal.clear"),
}

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
    def crash(*a, **k):
        os._exit(137)
    setattr(owner, attr, crash)
    w = StoreWriter(Layout(Path({data!r})), IriMinter())
    w.commit([stage(make_document("a", ["alpha revised"], version="v2")), stage(make_document("c", ["gamma"]))])
    print("no crash")
""")


@pytest.mark.parametrize("point", sorted(CRASH_POINTS))
def test_crash_at_any_step_leaves_a_whole_store(tmp_path: Path, point: str):
    layout = Layout(tmp_path / "data")
    a1 = make_document("a", ["alpha one", "alpha two"])
    with StoreWriter(layout, MINTER) as w:
        w.commit([stage(a1)])
    repo = str(Path(__file__).resolve().parents[2])
    module, attribute = CRASH_POINTS[point]
    script = CRASH_SCRIPT.format(repo=repo, module=module, attribute=attribute, data=str(layout.root))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 137, proc.stdout + proc.stderr
    originals = {"a": a1, "a2": make_document("a", ["alpha revised"], version="v2"), "c": make_document("c", ["gamma"])}
    with StoreWriter(layout, MINTER) as w:
        def restore(entry):
            doc = next(d for d in originals.values() if d.content_hash == entry.content_hash)
            return document_triples(doc, MINTER)
        w.recover(restore)
        committed = point == "before_journal_clear"
        expected_a = originals["a2" if committed else "a"].content_hash
        assert w.catalog.document("a").content_hash == expected_a
        assert graph_hash(w, "a") == expected_a
        assert (graph_hash(w, "c") is not None) == committed
        # the interrupted work can be redone
        w.commit([stage(originals["a2"]), stage(originals["c"])])
    report = check(layout, MINTER)
    assert report.ok, report.problems
    assert report.documents == 2
    assert not any(p.name.endswith(".tmp") for p in layout.generations.iterdir())
    live = Catalog(layout.catalog, read_only=True).generation()
    assert sorted(np.asarray(Generation.open(layout, live).dense.rows).tolist()) == sorted(
        Catalog(layout.catalog, read_only=True).rows_of(["a", "c"]))
