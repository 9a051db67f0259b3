"""The HTTP API on a real waitress server on loopback, over the sample papers."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from ingest.manifest import Manifest
from ingest.pipeline import Ingestor
from kg.settings import Settings
from tests.serving import served
from tests.conftest import SAMPLES




def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory, embedder):
    data = tmp_path_factory.mktemp("http") / "data"
    settings = Settings.load({}, data=data)
    report = Ingestor(settings, embedder=embedder).ingest([SAMPLES], Manifest.load(SAMPLES / "manifest.json"))
    assert report.ok, report.failed
    with served(data) as base:
        yield base, settings


def test_health_reports_counts(server):
    base, _ = server
    status, body = get(base + "/health")
    assert status == 200 and body["status"] == "ok"
    assert body["documents"] == 4 and body["paragraphs"] > 20


def test_search_returns_contract_fields_best_first(server):
    base, _ = server
    status, body = get(base + "/api/search?q=social+worker+vacancy+rate&k=5")
    assert status == 200
    results = body["results"]
    assert 1 <= len(results) <= 5
    for r in results:
        assert set(r) >= {"text", "document_id", "title", "file", "paragraph", "page", "score"}
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert "vacancy" in results[0]["text"].lower()



def test_search_within_a_document(server):
    base, _ = server
    _, everywhere = get(base + "/api/search?q=children+in+care&k=20")
    docs = {r["document_id"] for r in everywhere["results"]}
    assert len(docs) >= 2
    one = sorted(docs)[0]
    status, body = get(base + f"/api/search?q=children+in+care&k=5&document={one}")
    assert status == 200 and body["results"]
    assert {r["document_id"] for r in body["results"]} == {one}
    two = sorted(docs)[:2]
    _, both = get(base + f"/api/search?q=children+in+care&k=20&document={two[0]}&document={two[1]}")
    assert {r["document_id"] for r in both["results"]} <= set(two)
    status, body = get(base + "/api/search?q=children&document=no-such-paper")
    assert status == 404 and "no-such-paper" in json.dumps(body)

def test_pdf_results_carry_pages(server):
    base, _ = server
    _, body = get(base + "/api/search?q=children+in+care+placements+sufficiency&k=10")
    pdf_hits = [r for r in body["results"] if r["file"].endswith(".pdf")]
    assert pdf_hits and all(isinstance(r["page"], int) and r["page"] >= 1 for r in pdf_hits)


@pytest.mark.parametrize("query", ["", "?q=", "?q=x&k=0", "?q=x&k=abc", "?q=x&k=1000"])
def test_bad_requests_get_400_with_a_message(server, query):
    base, _ = server
    status, body = get(base + "/api/search" + query)
    assert status == 400 and body["message"]


def test_unknown_route_is_json_404(server):
    base, _ = server
    status, body = get(base + "/nope")
    assert status == 404 and body["error"]


def test_server_sees_a_commit_made_while_it_runs(server, embedder, tmp_path):
    base, settings = server
    paper = tmp_path / "late.txt"
    paper.write_text("Allotments report\n\n5.1 The waiting list for allotments is 212 households.\n")
    assert Ingestor(settings, embedder=embedder).ingest([paper]).ok
    _, body = get(base + "/api/search?q=allotments+waiting+list&k=1")
    assert "allotments" in body["results"][0]["text"]
    _, health = get(base + "/health")
    assert health["documents"] == 5
