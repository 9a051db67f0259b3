"""Ingest into a real SPARQL 1.1 server (``oxigraph serve`` on loopback) instead of the embedded
store, then read it back through the same interfaces: search, SPARQL, check."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ingest.pipeline import Ingestor
from kg.check import check
from kg.datadir import Layout
from kg.graphstore import open_graph_store
from kg.knowledge import KnowledgeBase
from kg.vocab import IriMinter
from tests.sparql.test_remote_store import server  # noqa: F401  (the oxigraph serve fixture)

pytestmark = pytest.mark.slow


def test_ingest_into_a_sparql_server(server, settings, embedder, tmp_path):  # noqa: F811
    remote = replace(settings, graph_url=f"{server}/query", graph_update_url=f"{server}/update")
    paper = tmp_path / "parks.txt"
    paper.write_text("Parks report\n\n2.1 The Council maintains 87 parks and 14 play areas.\n")
    report = Ingestor(remote, embedder=embedder).ingest([paper])
    assert report.ok, report.failed

    assert not Layout(remote.data).graph.exists()  # nothing went to the embedded store
    snap = KnowledgeBase(remote, embedder).current()
    rows = list(snap.graph.query("SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }"))
    assert [r[0].value for r in rows] == ["Parks report"]
    assert "87 parks" in KnowledgeBase(remote, embedder).search("how many parks", 1)[0].text
    graph = open_graph_store(remote, read_only=True)
    assert check(Layout(remote.data), IriMinter(), graph).ok

    removed = Ingestor(remote, embedder=embedder).remove(["parks.txt"])
    assert removed.ok
    assert not bool(graph.query("ASK { ?d <http://purl.org/dc/terms/title> ?t }"))
    assert check(Layout(remote.data), IriMinter(), graph).ok
