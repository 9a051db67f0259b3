"""Real SPARQL clients against a live waitress server on loopback: SPARQLWrapper and rdflib."""

from __future__ import annotations

import threading

import pytest

from tests.sparql.data import ALL_DECISIONS

pytestmark = pytest.mark.slow
SELECT = ("PREFIX ckg: <https://w3id.org/council-kg/ontology#> "
          "SELECT ?d ?label { ?d a ckg:Decision ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }")
ASK = "PREFIX ckg: <https://w3id.org/council-kg/ontology#> ASK { ?d a ckg:Decision }"
CONSTRUCT = "CONSTRUCT { ?d a ?t } WHERE { ?d a ?t }"


@pytest.fixture(scope="module")
def endpoint(app):
    """The app served by waitress on a free loopback port; yields the /sparql URL."""
    import waitress

    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}/sparql"
    server.close()
    thread.join(timeout=5)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper(endpoint, method):
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    client = SPARQLWrapper.SPARQLWrapper(endpoint)
    client.setMethod(method)
    client.setQuery(SELECT)
    client.setReturnFormat(SPARQLWrapper.JSON)
    assert len(client.query().convert()["results"]["bindings"]) == ALL_DECISIONS
    client.setReturnFormat(SPARQLWrapper.XML)
    assert len(client.query().convert().getElementsByTagName("result")) == ALL_DECISIONS
    client.setReturnFormat(SPARQLWrapper.CSV)
    assert len(client.query().convert().decode().strip().splitlines()) == ALL_DECISIONS + 1
    client.setQuery(ASK)
    client.setReturnFormat(SPARQLWrapper.JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery(CONSTRUCT)
    for fmt in (SPARQLWrapper.XML, SPARQLWrapper.TURTLE, SPARQLWrapper.JSONLD, SPARQLWrapper.N3):
        client.setReturnFormat(fmt)
        result = client.query().convert()
        graph = result if hasattr(result, "triples") else __import__("rdflib").Graph().parse(
            data=result, format="turtle" if fmt != SPARQLWrapper.JSONLD else "json-ld")
        assert len(graph) == ALL_DECISIONS


def test_rdflib_sparqlstore(endpoint):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    for method in ("GET", "POST"):
        graph = Graph(SPARQLStore(endpoint, method=method, returnFormat="xml"))
        assert len(list(graph.query(SELECT))) == ALL_DECISIONS
        assert graph.query(ASK).askAnswer is True
        assert len(graph.query(CONSTRUCT).graph) == ALL_DECISIONS
    json_graph = Graph(SPARQLStore(endpoint, returnFormat="json"))
    assert len(list(json_graph.query(SELECT))) == ALL_DECISIONS


def test_rdflib_sparqlstore_refuses_updates(endpoint):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    store = SPARQLUpdateStore(endpoint, endpoint)
    with pytest.raises(Exception):
        store.update("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }")
    assert len(list(Graph(store).query(SELECT))) == ALL_DECISIONS
