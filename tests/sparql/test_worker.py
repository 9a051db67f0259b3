"""The worker pool: reopening on a new generation, errors carried back, a dead worker replaced."""

from __future__ import annotations

import os
import signal

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.sparql_formats import FORMATS
from kg.sparql_guard import check_query
from kg.sparql_worker import QueryJob, WorkerFailed, WorkerPool

JSON = next(f for f in FORMATS if f.name == "json")
COUNT = check_query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")


def _count(pool: WorkerPool, path, version: str) -> int:
    import json

    body = pool.run(QueryJob(COUNT, JSON, store=str(path), version=version), timeout=10).body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def pool():
    workers = WorkerPool(1)
    yield workers
    workers.close()


def test_worker_reopens_the_store_when_the_generation_changes(tmp_path, pool):
    path = tmp_path / "graph"
    graph = ox.NamedNode("urn:x:doc")
    store = ox.Store(str(path))
    store.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:p"), ox.Literal("1"), graph))
    store.flush()
    assert _count(pool, path, "g1") == 1
    store.add(ox.Quad(ox.NamedNode("urn:x:b"), ox.NamedNode("urn:x:p"), ox.Literal("2"), graph))
    store.flush()
    assert _count(pool, path, "g2") == 2


def test_errors_come_back_as_query_errors(pool):
    with pytest.raises(QueryError, match="syntax"):
        pool.run(QueryJob(check_query("SELECT * { ?s ?p }"), JSON), timeout=10)
    assert b"boolean" in pool.run(QueryJob(check_query("ASK {}"), JSON), timeout=10).body


def test_a_killed_worker_is_reported_and_replaced(pool):
    pool.run(QueryJob(check_query("ASK {}"), JSON), timeout=10)
    worker = pool._idle.queue[0]
    os.kill(worker.process.pid, signal.SIGKILL)
    worker.process.join(5)
    with pytest.raises(WorkerFailed):
        pool.run(QueryJob(check_query("ASK {}"), JSON), timeout=10)
    assert b"true" in pool.run(QueryJob(check_query("ASK {}"), JSON), timeout=10).body
