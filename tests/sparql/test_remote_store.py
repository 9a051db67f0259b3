"""The store interface over a real SPARQL 1.1 server: ``oxigraph serve`` started on loopback."""

from __future__ import annotations

import io
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.vocab import IriMinter
from tests.sparql.data import DOC_IDS, decision_triples

pytestmark = pytest.mark.slow
QUERIES = (
    "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "PREFIX ckg: <https://w3id.org/council-kg/ontology#> SELECT ?d ?l { ?d a ckg:Decision ; "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?d",
    "ASK { ?s ?p ?o }",
)


def _oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("the oxigraph server (PyPI package `oxigraph`) is not installed")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A fresh ``oxigraph serve`` on a free loopback port; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {process.stderr.read().decode()[:500]}")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def remote(server):
    """A writable RemoteStore holding the same two documents as the embedded fixture."""
    from kg.remote_store import RemoteStore

    store = RemoteStore(f"{server}/query", update_url=f"{server}/update", graph_store_url=f"{server}/store")
    minter = IriMinter()
    for doc_id in DOC_IDS:
        store.replace_graph(minter.document(doc_id), decision_triples(minter, doc_id))
    return store


def test_graph_store_interface(remote, server):
    from kg.graphstore import GraphStore
    from kg.remote_store import RemoteStore

    minter = IriMinter()
    assert isinstance(remote, GraphStore)
    assert remote.graph_names() == {minter.document(d) for d in DOC_IDS}
    assert remote.count() == 2 * 5 * len(DOC_IDS)
    one = minter.document(DOC_IDS[0])
    assert remote.count(one) == 10 and len(list(remote.quads(one))) == 10
    # Replacing is idempotent; removing is silent when absent; the update transport works too.
    via_update = RemoteStore(f"{server}/query", update_url=f"{server}/update")
    scratch = "urn:council-kg:test:scratch"
    assert via_update.replace_graph(scratch, decision_triples(minter, "scratch")) == 10
    assert via_update.replace_graph(scratch, decision_triples(minter, "scratch")[:2]) == 2
    assert via_update.count(scratch) == 2
    via_update.remove_graph(scratch)
    remote.remove_graph(scratch)
    assert scratch not in remote.graph_names()
    buffer = io.BytesIO()
    remote.dump(buffer, ox.RdfFormat.N_QUADS)
    assert len(list(ox.parse(buffer.getvalue(), ox.RdfFormat.N_QUADS))) == remote.count()
    with pytest.raises(StoreError):
        RemoteStore(f"{server}/query").replace_graph(scratch, [])


def test_same_answers_through_sparql_as_embedded(remote, server, client, data_settings):
    from api.sparql import EXTENSION
    from tests.sparql.conftest import make_app

    app = make_app(replace(data_settings, graph_url=f"{server}/query"))
    try:
        remote_client = app.test_client()
        for query in QUERIES:
            for fmt in ("json", "xml") if query.startswith("ASK") else ("json", "tsv", "csv"):
                params = {"query": query, "format": fmt}
                embedded = client.get("/sparql", query_string=params)
                over_http = remote_client.get("/sparql", query_string=params)
                assert over_http.status_code == embedded.status_code == 200
                assert over_http.data == embedded.data
        refused = remote_client.get("/sparql", query_string={"query": f"SELECT * {{ SERVICE <{server}/query> {{}} }}"})
        assert refused.status_code == 403
        described = remote_client.get("/sparql", headers={"Accept": "application/n-triples"})
        assert described.data.count(b"sparql-service-description#name> ") == len(DOC_IDS)
        dump = remote_client.get("/dump", query_string={"format": "nquads"})
        assert len(dump.data.splitlines()) == remote.count()
    finally:
        app.extensions[EXTENSION].runner.close()


def test_unreachable_server_is_a_store_error():
    from kg.remote_store import RemoteStore

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreError):
        RemoteStore(f"http://127.0.0.1:{port}/query", timeout=2).graph_names()
