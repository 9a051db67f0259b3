"""The guard: updates, SERVICE in every spelling and remote FROM are refused before evaluation."""

from __future__ import annotations

import socket
import threading

import pytest

from kg.errors import QueryError
from kg.errors import QueryRefused, UpdateRefused
from kg.sparql_guard import check_query


class Canary:
    """A loopback TCP listener that counts every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def canary():
    listener = Canary()
    yield listener
    listener.close()


def service_spellings(url: str) -> list[str]:
    """SERVICE as a client might write it, to the canary's URL."""
    return [
        f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SeRvIcE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ BIND(<{url}> AS ?ep) SERVICE ?ep {{ ?s ?p ?o }} }}",
        f"SELECT * {{ VALUES ?ep {{ <{url}> }} SERVICE SILENT ?ep {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{url}> SELECT * {{ SERVICE remote: {{ ?s ?p ?o }} }}",
        f"BASE <{url}> SELECT * {{ SERVICE <> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?x ?y ?z MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ #comment\nSERVICE\n<{url}>{{?s ?p ?o}} }}",
        f"SELECT*{{SERVICE<{url}>{{?s?p?o}}}}",
        f"SELECT * {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


@pytest.mark.parametrize("index", range(15))
def test_service_spellings_refused_and_no_connection(client, canary, index):
    query = service_spellings(canary.url)[index]
    with pytest.raises(QueryRefused):
        check_query(query)
    for response in (client.get("/sparql", query_string={"query": query}),
                     client.post("/sparql", data=query, content_type="application/sparql-query")):
        assert response.status_code == 403, response.data
    assert canary.connections == 0


def test_remote_from_refused_and_no_connection(client, canary):
    for query in (f"SELECT * FROM <{canary.url}> {{ ?s ?p ?o }}",
                  f"SELECT * FROM NAMED <{canary.url}> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                  f"PREFIX c: <http://127.0.0.1:{canary.port}/> ASK FROM c:data {{ ?s ?p ?o }}"):
        response = client.get("/sparql", query_string={"query": query})
        assert response.status_code == 403 and b"never fetches" in response.data
    assert client.get("/sparql", query_string={"query": "ASK {}", "default-graph-uri": canary.url}).status_code == 200
    assert canary.connections == 0


def test_canary_counts_connections(canary):
    """The canary would notice a connection (so zero above means none was made)."""
    socket.create_connection(("127.0.0.1", canary.port), timeout=1).close()
    deadline = threading.Event()
    for _ in range(20):
        if canary.connections:
            break
        deadline.wait(0.05)
    assert canary.connections == 1


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * { ?s ?p "SERVICE <http://x/> { }" }',
        "SELECT ?service { ?service <http://x/SERVICE> ?o }",
        "PREFIX service: <http://x/> SELECT * { ?s service:insert ?o } # DROP ALL",
        "SELECT * { ?s ?p ?o FILTER(?o = 'delete') }",
        'SELECT * { ?s ?p """INSERT DATA\n{ }""" }',
        "SELECT * { ?s ?p ?o FILTER(?p<?o) }",
        "ASK { ?s ?p 'x'@service }",
    ],
)
def test_harmless_uses_of_keywords_pass(query):
    assert check_query(query).form in ("SELECT", "ASK")


@pytest.mark.parametrize("query", ["INSERT DATA { <a> <b> <c> }", "prefix x: <urn:x> delete where { ?s ?p ?o }",
                                   "LOAD <http://x/>", "clear all", "SELECT * {} ; DROP ALL"])
def test_updates_refused(query):
    with pytest.raises(UpdateRefused):
        check_query(query)


def test_from_graphs_resolved_and_checked():
    checked = check_query("BASE <http://g/> PREFIX d: <http://d/> SELECT * FROM <one> FROM NAMED d:two {}",
                          lambda iri: iri in {"http://g/one", "http://d/two"})
    assert checked.from_graphs == ("http://g/one",) and checked.from_named == ("http://d/two",)
    with pytest.raises(QueryRefused):
        check_query("SELECT * FROM <http://elsewhere/> {}", lambda iri: False)


def test_not_a_query():
    with pytest.raises(QueryError):
        check_query("hello")
