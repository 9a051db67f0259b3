"""Hypothesis against the front doors: the readers, search and SPARQL.

Only declared exceptions (``CouncilKGError`` subclasses) may leave the readers; the HTTP front
doors answer every input with a 2xx or 4xx, never a 500. Each example has a 10 s alarm, so a
reader that hangs fails the test instead of stalling the suite.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from api.app import create_app
from ingest.pipeline import Ingestor, build_document
from ingest.readers import read_bytes
from kg.errors import CouncilKGError
from kg.knowledge import KnowledgeBase
from kg.settings import Settings
from tests.conftest import SAMPLES
from tests.reliability.conftest import HashEmbedder
from tests.reliability.hostile import GOOD_TEXT

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
NAMES = st.sampled_from(["paper.pdf", "paper.docx", "paper.html", "paper.txt", "meeting.xml", "noext", "x.doc"])
PREFIXES = st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<?xml version='1.0'?><meeting>", b"<html><body>",
                            b"\xef\xbb\xbf", b"\xff\xfe", b"<!DOCTYPE html>", b"<GetMeetingResponse>"])


class Hang(Exception):
    """An example ran past its alarm."""


@contextmanager
def alarm(seconds: int = 10):
    def ring(*_):
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read_declared(data: bytes, name: str) -> None:
    with alarm():
        try:
            build_document(data, name, None)
        except CouncilKGError:
            pass


@pytest.fixture(scope="module")
def samples() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(SAMPLES.glob("*")) if p.suffix != ".json"]


@FUZZ
@given(prefix=PREFIXES, body=st.binary(max_size=3000), name=NAMES)
def test_readers_raise_only_declared_errors(prefix: bytes, body: bytes, name: str):
    read_declared(prefix + body, name)


@FUZZ
@given(text=st.text(max_size=2000), name=NAMES)
def test_readers_on_arbitrary_text(text: str, name: str):
    for encoding in ("utf-8", "utf-16"):
        read_declared(text.encode(encoding, "surrogatepass"), name)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(data=st.data())
def test_mutated_samples(samples, data):
    name, original = data.draw(st.sampled_from(samples))
    raw = bytearray(original)
    for _ in range(data.draw(st.integers(1, 30))):
        op = data.draw(st.sampled_from(["flip", "cut", "dup", "insert"]))
        at = data.draw(st.integers(0, max(0, len(raw) - 1)))
        if op == "flip" and raw:
            raw[at] = data.draw(st.integers(0, 255))
        elif op == "cut":
            del raw[at: at + data.draw(st.integers(1, 4096))]
        elif op == "dup":
            raw[at:at] = raw[at: at + data.draw(st.integers(1, 512))]
        else:
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=64))
    read_declared(bytes(raw), name)
    with alarm():
        try:
            read_bytes(bytes(raw), name)
        except CouncilKGError:
            pass


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzzdocs")
    for n in range(3):
        (folder / f"budget_{n}.txt").write_text(GOOD_TEXT.format(n=n))
    settings_ = Settings.load({}, data=folder.parent / "fuzzdata", parse_timeout=20)
    embedder = HashEmbedder()
    assert Ingestor(settings_, embedder=embedder).ingest([folder]).ok
    app = create_app(settings_, knowledge=KnowledgeBase(settings_, embedder))
    return app.test_client()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(q=st.text(max_size=1200), k=st.one_of(st.none(), st.text(max_size=6), st.integers(-5, 500).map(str)))
def test_search_front_door(client, q: str, k: str | None):
    params = {"q": q} if k is None else {"q": q, "k": k}
    with alarm():
        response = client.get("/api/search", query_string=params)
    assert response.status_code in {200, 400}, (q, k, response.status_code, response.data[:300])
    assert response.is_json


QUERY_PARTS = st.sampled_from([
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "*", "?s", "?p", "?o", "WHERE", "{", "}", "(", ")", ".", ";",
    "GRAPH", "SERVICE", "<http://example.org/x>", "FILTER", "REGEX(?o, \"(a+)+$\")", "LIMIT 100000000",
    "OPTIONAL", "UNION", "INSERT DATA", "DELETE WHERE", "LOAD <http://example.org/>", "FROM <file:///etc/passwd>",
    "PREFIX x: <urn:x:>", "x:y", "\"lit\"@en", "COUNT(*)", "GROUP BY ?s", "BIND(1 AS ?x)", "VALUES ?x { 1 2 }",
    "\u0000", "\\u0022", "#", "\n",
])


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(parts=st.lists(QUERY_PARTS, max_size=25), noise=st.text(max_size=40), method=st.sampled_from(["GET", "POST"]))
def test_sparql_front_door(client, parts: list[str], noise: str, method: str):
    if not any(r.rule == "/sparql" for r in client.application.url_map.iter_rules()):
        pytest.skip("no /sparql endpoint in this build")
    query = " ".join(parts) + noise
    with alarm(40):
        if method == "GET":
            response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
        else:
            response = client.post("/sparql", data={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code < 500 or response.status_code == 503, (query, response.status_code, response.data[:300])
