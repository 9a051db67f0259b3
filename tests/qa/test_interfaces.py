"""The ask contract through the CLI and the HTTP API, and decision tracing through both."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from api.app import create_app
from api.cli import main
from kg.trace import decision_key, trace_decision

CONTRACT = {"question", "answer", "answered", "confidence", "facts", "citations", "sparql"}


@pytest.fixture(scope="module")
def client(medway):
    kb = medway.knowledge
    app = create_app(kb.settings, knowledge=kb)
    app.testing = True
    return app.test_client()


def workforce_decision(medway) -> str:
    graph = medway.knowledge.current().graph
    rows = graph.query('PREFIX ckg: <https://w3id.org/council-kg/ontology#> SELECT ?d WHERE { '
                       '?d a ckg:Decision ; ckg:decisionText ?t FILTER(CONTAINS(?t, "report on workforce")) }')
    return decision_key(next(iter(rows))[0].value)


def test_cli_ask_json_and_text(medway):
    data = str(medway.knowledge.settings.data)
    result = CliRunner().invoke(main, ["--data", data, "ask", "How many social work vacancies were there as at 30 June 2023?", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert CONTRACT <= set(out) and out["answered"] and "72" in out["answer"]
    text = CliRunner().invoke(main, ["--data", data, "ask", "How many potholes were repaired in 2022?"])
    assert text.exit_code == 0 and "Not found in the papers." in text.output


def test_http_ask_post_get_and_errors(client):
    r = client.post("/api/ask", json={"question": "Who is the Director of Public Health?"})
    assert r.status_code == 200
    body = r.get_json()
    assert CONTRACT <= set(body) and "James Williams" in body["answer"]
    g = client.get("/api/ask", query_string={"q": "Who is the Director of Public Health?"})
    assert g.status_code == 200 and g.get_json()["answer"] == body["answer"]
    assert client.post("/api/ask", json={}).status_code == 400
    assert client.post("/api/ask", data="not json").status_code == 400
    assert client.get("/api/ask").status_code == 400


def test_trace_decision_meeting_body_report_authors_posts_report_back(medway, client):
    key = workforce_decision(medway)
    kb = medway.knowledge
    trace = trace_decision(kb.current().graph, kb.minter, key)
    relations = [e.relation for e in trace.path]
    assert relations.index("made at") < relations.index("held by") < relations.index("author")
    authors = {e.target_label for e in trace.path if e.relation == "author"}
    assert {"Sue Brunton-Reed", "Lisa Morgan", "James Harman"} <= authors
    assert any(e.relation == "holds post" and e.target_label == "HR Business Partner" for e in trace.path)
    assert any(e.relation == "arising from" for e in trace.path)
    r = client.get(f"/api/decisions/{key}/trace")
    assert r.status_code == 200 and r.get_json()["edges"]
    assert client.get("/api/decisions/no-such-decision/trace").status_code == 404
    cli = CliRunner().invoke(main, ["--data", str(kb.settings.data), "trace", key])
    assert cli.exit_code == 0 and "--author--> Lisa Morgan" in cli.output
