"""The /sparql endpoint per the SPARQL 1.1 Protocol, plus /dump and /ontology."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from tests.sparql.data import DECISIONS_PER_DOC, DOC_IDS

COUNT_DECISIONS = "PREFIX ckg: <https://w3id.org/council-kg/ontology#> SELECT (COUNT(*) AS ?n) { ?d a ckg:Decision }"
ALL_DECISIONS = DECISIONS_PER_DOC * len(DOC_IDS)
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"


def count(client) -> int:
    body = client.get("/sparql", query_string={"query": COUNT_DECISIONS}).get_json()
    return int(body["results"]["bindings"][0]["n"]["value"])


def test_get_post_form_and_post_direct_agree(client):
    got = client.get("/sparql", query_string={"query": COUNT_DECISIONS})
    form = client.post("/sparql", data={"query": COUNT_DECISIONS}, content_type=FORM)
    direct = client.post("/sparql", data=COUNT_DECISIONS, content_type=DIRECT)
    assert got.status_code == form.status_code == direct.status_code == 200
    assert got.mimetype == "application/sparql-results+json"
    assert got.get_json() == form.get_json() == direct.get_json()
    assert count(client) == ALL_DECISIONS


def test_default_graph_is_the_union_and_documents_are_named_graphs(client):
    query = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    rows = client.get("/sparql", query_string={"query": query}).get_json()["results"]["bindings"]
    assert len(rows) == len(DOC_IDS)
    assert all(r["g"]["value"].endswith(DOC_IDS) for r in rows)


def test_protocol_dataset_selects_graphs(client):
    graph = client.get("/sparql", query_string={"query": "SELECT DISTINCT ?g { GRAPH ?g {} }"}).get_json()
    first = graph["results"]["bindings"][0]["g"]["value"]
    one = client.get("/sparql", query_string={"query": COUNT_DECISIONS, "default-graph-uri": first}).get_json()
    assert one["results"]["bindings"][0]["n"]["value"] == str(DECISIONS_PER_DOC)
    from_query = f"SELECT (COUNT(*) AS ?n) FROM <{first}> {{ ?d a ?type }}"
    assert client.get("/sparql", query_string={"query": from_query}).get_json()[
        "results"]["bindings"][0]["n"]["value"] == str(DECISIONS_PER_DOC)
    unknown = client.get("/sparql", query_string={"query": COUNT_DECISIONS, "default-graph-uri": "urn:x:none"})
    assert unknown.get_json()["results"]["bindings"][0]["n"]["value"] == "0"


@pytest.mark.parametrize(
    "accept, fmt, mimetype",
    [
        ("application/sparql-results+json", None, "application/sparql-results+json"),
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/csv", None, "text/csv"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        (None, "xml", "application/sparql-results+xml"),
        (None, "csv", "text/csv"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", None, "application/sparql-results+json"),
    ],
)
def test_select_formats(client, accept, fmt, mimetype):
    params = {"query": "SELECT ?d ?label { ?d <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?d"}
    if fmt:
        params["format"] = fmt
    response = client.get("/sparql", query_string=params, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype == mimetype
    if mimetype == "text/csv":
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
        assert rows[0] == ["d", "label"] and len(rows) == ALL_DECISIONS + 1
    elif mimetype != "text/csv":
        results_format = ox.QueryResultsFormat.from_media_type(mimetype)
        parsed = list(ox.parse_query_results(response.data, results_format))
        assert len(parsed) == ALL_DECISIONS


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask_formats(client, accept):
    response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": accept})
    assert response.mimetype == accept
    assert bool(ox.parse_query_results(response.data, ox.QueryResultsFormat.from_media_type(accept)))


@pytest.mark.parametrize(
    "accept, fmt, rdf_format",
    [
        (None, None, ox.RdfFormat.TURTLE),
        ("application/n-triples", None, ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", None, ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", None, ox.RdfFormat.RDF_XML),
        (None, "jsonld", ox.RdfFormat.JSON_LD),
        (None, "xml", ox.RdfFormat.RDF_XML),
    ],
)
@pytest.mark.parametrize("query", ["CONSTRUCT WHERE { ?s a ?t }", "DESCRIBE ?s WHERE { ?s a ?t }"])
def test_graph_formats(client, accept, fmt, rdf_format, query):
    params = {"query": query} | ({"format": fmt} if fmt else {})
    response = client.get("/sparql", query_string=params, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype == rdf_format.media_type
    triples = list(ox.parse(response.data, rdf_format))
    assert len(triples) >= ALL_DECISIONS


def test_unacceptable_format_is_406(client):
    response = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert client.get("/sparql", query_string={"query": "CONSTRUCT WHERE {?s ?p ?o}", "format": "csv"}).status_code == 406


UPDATES = [
    "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <urn:x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CLEAR ALL", "CLEAR DEFAULT", "DROP ALL", "DROP GRAPH <urn:x:g>", "CREATE GRAPH <urn:x:g>",
    "ADD DEFAULT TO <urn:x:g>", "MOVE DEFAULT TO <urn:x:g>", "COPY DEFAULT TO <urn:x:g>",
    "PREFIX x: <urn:x:> insert data { x:a x:b x:c }",
]


@pytest.mark.parametrize("update", UPDATES)
def test_every_update_by_every_transport_is_refused(client, update):
    before = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}).data
    attempts = [
        client.get("/sparql", query_string={"update": update}),
        client.get("/sparql", query_string={"query": update}),
        client.post("/sparql", data={"update": update}, content_type=FORM),
        client.post("/sparql", data={"query": update}, content_type=FORM),
        client.post("/sparql", data=update, content_type="application/sparql-update"),
        client.post("/sparql", data=update, content_type=DIRECT),
    ]
    assert [r.status_code // 100 for r in attempts] == [4] * len(attempts)
    after = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}).data
    assert before == after


@pytest.mark.parametrize(
    "method, kwargs",
    [
        ("get", {"query_string": [("query", "ASK {}"), ("query", "ASK {}")]}),
        ("get", {"query_string": {"query": "ASK {"}}),
        ("post", {"data": "ASK {}", "content_type": "text/plain"}),
        ("post", {"data": "ASK {}"}),
        ("post", {"data": "ASK {}".encode("utf-16"), "content_type": "application/sparql-query; charset=UTF-16"}),
        ("put", {"data": "ASK {}", "content_type": DIRECT}),
        ("get", {"query_string": {"query": "ASK {}", "timeout": "soon"}}),
    ],
)
def test_bad_requests_are_4xx(client, method, kwargs):
    assert getattr(client, method)("/sparql", **kwargs).status_code // 100 == 4


def test_cors_on_sparql_only(client):
    preflight = client.options("/sparql", headers={"Origin": "https://yasgui.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in preflight.headers
    error = client.get("/sparql", query_string={"query": "ASK {"})
    assert error.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/health").headers
    assert "Access-Control-Allow-Origin" not in client.get("/dump").headers


def test_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    store = ox.Store()
    store.load(response.data, ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert store.query(f"ASK {{ ?s a <{sd}Service> ; <{sd}supportedLanguage> <{sd}SPARQL11Query> ;"
                       f" <{sd}feature> <{sd}UnionDefaultGraph> }}")
    names = store.query(f"SELECT (COUNT(?n) AS ?c) {{ ?d <{sd}namedGraph>/<{sd}name> ?n }}")
    assert next(iter(names))["c"].value == str(len(DOC_IDS))


def test_row_cap_is_explicit(data_settings):
    from dataclasses import replace

    from tests.sparql.conftest import make_app
    from api.sparql import EXTENSION

    app = make_app(replace(data_settings, sparql_max_rows=3, sparql_workers=1))
    try:
        client = app.test_client()
        query = "SELECT ?s { ?s ?p ?o }"
        response = client.get("/sparql", query_string={"query": query})
        body = response.get_json()
        assert response.headers["X-SPARQL-Truncated"] == "true"
        assert len(body["results"]["bindings"]) == 3 and body["head"]["link"]
        xml = client.get("/sparql", query_string={"query": query, "format": "xml"})
        assert b"<link href=" in xml.data
        small = client.get("/sparql", query_string={"query": "SELECT ?s { ?s ?p ?o } LIMIT 3"})
        assert "X-SPARQL-Truncated" not in small.headers
        graph = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"})
        assert graph.headers["X-SPARQL-Truncated"] == "true" and len(graph.data.splitlines()) == 3
    finally:
        app.extensions[EXTENSION].runner.close()


@pytest.mark.parametrize("fmt, rdf_format", [("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG),
                                             ("turtle", ox.RdfFormat.TURTLE), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_dump(client, fmt, rdf_format):
    response = client.get("/dump", query_string={"format": fmt})
    assert response.status_code == 200 and response.mimetype == rdf_format.media_type
    assert "attachment" in response.headers["Content-Disposition"]
    quads = list(ox.parse(response.data, rdf_format))
    assert len(quads) == 2 * ALL_DECISIONS
    if rdf_format.supports_datasets:
        assert len({q.graph_name for q in quads}) == len(DOC_IDS)
    assert client.get("/dump", query_string={"format": "pdf"}).status_code == 400


ONTOLOGY_TTL = """@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/council-kg/ontology> a owl:Ontology ; rdfs:label "Council KG" .
<https://w3id.org/council-kg/ontology#Decision> a owl:Class ; rdfs:label "Decision" ; rdfs:comment "What a body resolved." .
<https://w3id.org/council-kg/ontology#madeBy> a owl:ObjectProperty ; rdfs:domain <https://w3id.org/council-kg/ontology#Decision> .
"""


def test_ontology_served_by_content_negotiation(client, tmp_path, monkeypatch):
    import api.sparql

    path = tmp_path / "council.ttl"
    path.write_text(ONTOLOGY_TTL)
    monkeypatch.setattr(api.sparql, "ONTOLOGY", path)
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle" and b"owl:Ontology" in turtle.data
    html = client.get("/ontology", headers={"Accept": "text/html,*/*;q=0.8"})
    assert html.mimetype == "text/html" and b'id="Decision"' in html.data and b"What a body resolved." in html.data
    jsonld = client.get("/ontology", headers={"Accept": "application/ld+json"})
    assert jsonld.mimetype == "application/ld+json" and json.loads(jsonld.data)
