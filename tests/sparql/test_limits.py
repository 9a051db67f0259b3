"""Hard limits: a runaway query is killed within its timeout + 1 s; trivial queries keep answering."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest

TEN = "VALUES ?{v} {{ 0 1 2 3 4 5 6 7 8 9 }}"
CARTESIAN = "SELECT (COUNT(*) AS ?n) {{ {} }}".format(" ".join(TEN.format(v=f"v{i}") for i in range(12)))
PATH_EXPLOSION = ("SELECT (COUNT(*) AS ?n) { ?a (!<urn:q>|^!<urn:q>)* ?b . ?c (!<urn:q>|^!<urn:q>)* ?d . "
                  "?e !<urn:q>* ?f . ?g (^!<urn:q>)* ?h }")
REGEX = ("SELECT (COUNT(*) AS ?n) { " + " ".join(TEN.format(v=f"v{i}") for i in range(8))
         + ' FILTER(REGEX(CONCAT(STR(?v0), STR(?v7), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), '
         '"^[0-9]+(a|aa)+$|(a+)+b")) }')
TIMEOUT = 2.0


@pytest.fixture(scope="module")
def limited_app(data_settings):
    from tests.sparql.conftest import make_app
    from api.sparql import EXTENSION

    app = make_app(replace(data_settings, sparql_timeout=TIMEOUT, sparql_max_timeout=5.0, sparql_workers=2))
    app.extensions[EXTENSION].runner.warm()
    yield app
    app.extensions[EXTENSION].runner.close()


@pytest.mark.parametrize("runaway", [CARTESIAN, PATH_EXPLOSION, REGEX], ids=["cartesian", "paths", "regex"])
def test_runaway_stopped_while_trivial_queries_answer(limited_app, runaway):
    client = limited_app.test_client()
    outcome: dict = {}

    def run_away() -> None:
        started = time.monotonic()
        outcome["response"] = limited_app.test_client().get("/sparql", query_string={"query": runaway})
        outcome["elapsed"] = time.monotonic() - started

    thread = threading.Thread(target=run_away)
    thread.start()
    time.sleep(0.2)
    answered = 0
    while thread.is_alive():
        response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
        assert response.status_code == 200 and response.get_json()["boolean"] is True
        answered += 1
    thread.join()
    assert outcome["response"].status_code == 503
    assert b"time limit" in outcome["response"].data
    assert outcome["elapsed"] <= TIMEOUT + 1.0
    assert answered > 0
    # The killed worker is replaced: the pool answers again at full strength.
    for _ in range(4):
        assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_timeout_parameter_is_capped(limited_app):
    client = limited_app.test_client()
    started = time.monotonic()
    response = client.get("/sparql", query_string={"query": CARTESIAN, "timeout": "0.5"})
    assert response.status_code == 503 and time.monotonic() - started < 1.5
    started = time.monotonic()
    response = client.get("/sparql", query_string={"query": CARTESIAN, "timeout": "999"})
    assert response.status_code == 503 and time.monotonic() - started < 5.0 + 1.0
