"""The W3C SPARQL 1.1 suites: query evaluation, syntax, result formats, and the protocol.

Evaluation tests run through the endpoint's guard, evaluator and serialisers (see
``tests/sparql/w3c.py``); expected failures are listed there, each with its reason, and are
strict: one that starts passing fails the run so the list stays true. Protocol tests run
against the real ``/sparql`` (worker processes, on-disk store opened read-only); every update
test of the protocol manifest must be refused with a 4xx and leave the store unchanged.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest

from tests.sparql import w3c
from tests.sparql.data import W3C, FixedGraph

pytestmark = pytest.mark.skipif(not W3C.is_dir(), reason="shared W3C SPARQL 1.1 suites not available")


def _suite_params():
    if not W3C.is_dir():
        return []
    return [pytest.param(t, id=t.id, marks=[pytest.mark.xfail(reason=w3c.EXPECTED_FAILURES[t.id], strict=True)]
                         if t.id in w3c.EXPECTED_FAILURES else []) for t in w3c.all_tests()]


@pytest.mark.parametrize("test", _suite_params())
def test_w3c_query_suite(test):
    w3c.run(test)


def test_w3c_pass_rate_meets_target():
    tests = [t for t in w3c.all_tests() if t.suite not in w3c.RESULT_SUITES and t.kind == "QueryEvaluationTest"]
    failing = [t.id for t in tests if t.id in w3c.EXPECTED_FAILURES]
    assert 1 - len(failing) / len(tests) >= 0.95
    result_tests = [t for t in w3c.all_tests() if t.suite in w3c.RESULT_SUITES]
    assert len(result_tests) == 10


# -- protocol --------------------------------------------------------------------------

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
HT = "http://www.w3.org/2011/http#"
CNT = "http://www.w3.org/2011/content#"
HTS = "http://www.w3.org/2011/http-statusCodes#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROTOCOL_DATA = {f"http://kasei.us/2009/09/sparql/data/data{n}.rdf": f"data{n}.nt" for n in (1, 2, 3)}


def _one(store: ox.Store, subject, predicate: str):
    found = [q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]
    return found[0] if found else None


def _all(store: ox.Store, subject, predicate: str) -> list:
    return [q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]


def _list(store: ox.Store, head) -> list:
    items = []
    while head is not None and head != ox.NamedNode(RDF + "nil"):
        items.append(_one(store, head, RDF + "first"))
        head = _one(store, head, RDF + "rest")
    return items


def protocol_tests() -> list[tuple[str, list[dict]]]:
    """(name, requests) of every protocol test, each request as a plain dict."""
    if not W3C.is_dir():
        return []
    store = ox.Store()
    store.load(path=str(W3C / "protocol" / "manifest.ttl"), format=ox.RdfFormat.TURTLE,
               base_iri=w3c.BASE + "protocol/manifest.ttl")
    manifest = next(store.quads_for_pattern(None, ox.NamedNode(RDF + "type"), ox.NamedNode(MF + "Manifest"))).subject
    tests = []
    for entry in _list(store, _one(store, manifest, MF + "entries")):
        connection = _one(store, entry, MF + "action")
        requests = []
        for req in _list(store, _one(store, connection, HT + "requests")):
            body = _one(store, req, HT + "body")
            resp = _one(store, req, HT + "resp")
            requests.append({
                "method": _one(store, req, HT + "methodName").value,
                "path": _one(store, req, HT + "absolutePath").value,
                "body": _one(store, body, CNT + "chars").value if body is not None else None,
                "encoding": (_one(store, body, CNT + "characterEncoding").value
                             if body is not None and _one(store, body, CNT + "characterEncoding") else "UTF-8"),
                "headers": {_one(store, h, HT + "fieldName").value: _one(store, h, HT + "fieldValue").value
                            for h in _list(store, _one(store, req, HT + "headers"))},
                "status": {s.value.removeprefix(HTS) for s in _all(store, resp, MF + "expectedStatus")},
                "format": getattr(_one(store, resp, MF + "expectedFormat"), "value", None),
                "boolean": getattr(_one(store, resp, MF + "expectedBoolean"), "value", None),
            })
        tests.append((entry.value.rsplit("#", 1)[-1], requests))
    return tests


@pytest.fixture(scope="module")
def protocol_client(tmp_path_factory):
    from api.app import create_app
    from api.sparql import EXTENSION
    from kg.settings import Settings

    path = tmp_path_factory.mktemp("w3c-protocol") / "graph"
    store = ox.Store(str(path))
    for name, file in PROTOCOL_DATA.items():
        store.load(path=str(W3C / "protocol" / file), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
    store.flush()
    del store
    settings = Settings(data=path.parent, sparql_workers=1)
    app = create_app(settings, knowledge=FixedGraph(settings, path))
    yield app.test_client(), path
    app.extensions[EXTENSION].runner.close()


def _is_update(req: dict) -> bool:
    query = urlsplit(req["path"]).query
    return ("update=" in query or (req["body"] or "").startswith("update=")
            or "sparql-update" in req["headers"].get("content-type", ""))


def _quad_count(client) -> str:
    return client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}).data


@pytest.mark.parametrize("name, requests", protocol_tests(), ids=[n for n, _ in protocol_tests()])
def test_w3c_protocol(protocol_client, name, requests):
    client, _ = protocol_client
    before = _quad_count(client)
    for req in requests:
        path = req["path"].replace("/sparql/", "/sparql", 1)
        body = req["body"].encode(req["encoding"]) if req["body"] is not None else None
        headers = {k.title(): v for k, v in req["headers"].items()}
        response = client.open(path, method=req["method"], data=body, headers=headers)
        if _is_update(req):
            assert response.status_code // 100 == 4, f"update not refused: {response.status_code}"
            assert _quad_count(client) == before
            return  # the test's later requests check the update's effect, which must not exist
        assert f"StatusCode{response.status_code // 100}xx" in req["status"], response.data[:300]
        if req["format"] in ("boolean", "tabular"):
            results = ox.parse_query_results(response.data, ox.QueryResultsFormat.from_media_type(response.mimetype))
            if req["boolean"] is not None:
                assert bool(results) == (req["boolean"] == "true")
        elif req["format"] == "RDF":
            list(ox.parse(response.data, ox.RdfFormat.from_media_type(response.mimetype)))
