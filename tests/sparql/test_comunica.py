"""Comunica as a real SPARQL client against a live waitress server on loopback.

Comunica (``@comunica/query-sparql`` 4.x, pinned by ``tests/sparql/node/package-lock.json``) is
installed by ``make test`` (``npm ci --prefix tests/sparql/node``). Its JS API runs through
``comunica_query.mjs`` and its CLI through ``comunica-sparql``; the rows, booleans and triples it
gets from ``sparql@http://127.0.0.1:PORT/sparql`` must equal what the store holds. Both run with
``node/loopback_only.mjs`` loaded first, which refuses (and reports) any socket or DNS look-up
to a host other than loopback, so the tests also show Comunica sends no traffic elsewhere.

Skipped only on a developer machine that has neither Comunica installed nor npm to install it;
under CI (``CI=true``) a missing install fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.vocab import IriMinter
from tests.sparql import test_clients
from tests.sparql.data import ALL_DECISIONS, DECISIONS_PER_DOC, DOC_IDS
from tests.sparql.test_clients import ASK, CONSTRUCT, SELECT

pytestmark = pytest.mark.slow
HERE = Path(__file__).resolve().parent
NODE_DIR = HERE / "node"
COMUNICA = NODE_DIR / "node_modules" / "@comunica" / "query-sparql"
CLI = NODE_DIR / "node_modules" / ".bin" / "comunica-sparql"
QUERY_SCRIPT = HERE / "comunica_query.mjs"
LOOPBACK_ONLY = NODE_DIR / "loopback_only.mjs"
RUN_TIMEOUT_S = 60
ASK_NONE = "PREFIX ckg: <https://w3id.org/council-kg/ontology#> ASK { ?d a ckg:NoSuchClass }"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
endpoint = test_clients.endpoint  # the app served by waitress on a free loopback port


def _node() -> str:
    """The node binary, or skip / fail as the module docstring says."""
    node = shutil.which("node")
    if node is not None and COMUNICA.is_dir():
        return node
    missing = "Comunica is not installed" if node else "node is not installed"
    how = "run `make test` or `npm ci --prefix tests/sparql/node`"
    if os.environ.get("CI", "").lower() in ("true", "1") or (node and shutil.which("npm")):
        pytest.fail(f"{missing}: {how}")
    pytest.skip(f"{missing} and there is no npm to install it ({how} where npm is)")


@pytest.fixture(scope="module")
def node() -> str:
    return _node()


@pytest.fixture(scope="module")
def store(data_settings):
    """The served graph, opened read-only: what every Comunica answer must equal."""
    return ox.Store.read_only(str(data_settings.data / "graph"))


def _loopback_record(stderr: str) -> dict:
    lines = [line for line in stderr.splitlines() if line.startswith("loopback-only: ")]
    assert lines, f"the loopback guard did not report:\n{stderr}"
    return json.loads(lines[-1].removeprefix("loopback-only: "))


def _run(node: str, *args: str) -> str:
    """Run node with the loopback guard loaded first; check it made no other connection."""
    proc = subprocess.run([node, "--import", LOOPBACK_ONLY.as_uri(), *args], capture_output=True,
                          text=True, timeout=RUN_TIMEOUT_S, cwd=HERE)
    record = _loopback_record(proc.stderr)
    assert record["refused"] == [], f"Comunica tried to reach beyond loopback: {record}"
    assert record["connections"], "Comunica opened no connection at all"
    assert all(c.split(":", 1)[1] in LOOPBACK_HOSTS for c in record["connections"]), record
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def comunica(node: str, url: str, query: str) -> dict:
    """Comunica's JS API on ``url``: its result as JSON, with every request it made."""
    out = json.loads(_run(node, str(QUERY_SCRIPT), url, query))
    assert out["requests"], "Comunica made no request"
    assert all(r.split(" ", 1)[1] == url for r in out["requests"]), out["requests"]
    return out


def as_term(term) -> tuple:
    """A pyoxigraph term in the shape comunica_query.mjs writes (as a hashable tuple)."""
    if isinstance(term, ox.Literal):
        return ("Literal", term.value, term.language or "", term.datatype.value)
    if isinstance(term, ox.DefaultGraph):
        return ("DefaultGraph", "")
    return (type(term).__name__, term.value)


def from_json(term: dict) -> tuple:
    if term["termType"] == "Literal":
        return ("Literal", term["value"], term.get("language", ""), term.get("datatype"))
    return (term["termType"], term["value"])


def held_rows(store, query: str) -> list[dict]:
    solutions = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return sorted(({n: as_term(s[n]) for n in names if s[n] is not None} for s in solutions), key=repr)


def got_rows(out: dict) -> list[dict]:
    assert out["type"] == "bindings", out
    return sorted(({k: from_json(v) for k, v in row.items()} for row in out["rows"]), key=repr)


def test_select_rows_equal_the_store(node, endpoint, store):
    out = comunica(node, endpoint, SELECT)
    held = held_rows(store, SELECT)
    assert len(held) == ALL_DECISIONS
    assert got_rows(out) == held
    assert {row["label"][2] for row in got_rows(out)} == {"en"}, "language tags must survive"
    assert out["requests"] == [f"GET {endpoint}"]


def test_long_select_is_posted_and_equal(node, endpoint, store, data_settings):
    """A query too long for a GET URL: Comunica POSTs it as a form."""
    mint = IriMinter(data_settings.base_iri)
    iris = " ".join(f"<{mint.node('decision', f'{doc}-{n}')}>" for doc in DOC_IDS for n in range(DECISIONS_PER_DOC))
    query = (f"SELECT ?d ?label {{ VALUES ?d {{ {iris} }} "
             "?d <http://www.w3.org/2000/01/rdf-schema#label> ?label }")
    out = comunica(node, endpoint, query)
    held = held_rows(store, query)
    assert len(held) == ALL_DECISIONS
    assert got_rows(out) == held
    assert out["requests"] == [f"POST {endpoint}"]


def test_ask(node, endpoint, store):
    assert store.query(ASK, use_default_graph_as_union=True)
    assert comunica(node, endpoint, ASK) == {"type": "boolean", "value": True, "requests": [f"GET {endpoint}"]}
    assert not store.query(ASK_NONE, use_default_graph_as_union=True)
    assert comunica(node, endpoint, ASK_NONE)["value"] is False


def test_construct_triples_equal_the_store(node, endpoint, store):
    out = comunica(node, endpoint, CONSTRUCT)
    assert out["type"] == "quads", out
    got = [tuple(from_json(t) for t in quad) for quad in out["quads"]]
    held = [tuple(as_term(t) for t in (q.subject, q.predicate, q.object)) + (("DefaultGraph", ""),)
            for q in store.query(CONSTRUCT, use_default_graph_as_union=True)]
    assert len(held) == ALL_DECISIONS
    assert sorted(got) == sorted(held)


def test_cli_select_json_equals_the_store(node, endpoint, store):
    """The ``comunica-sparql`` command itself, writing SPARQL JSON results."""
    stdout = _run(node, str(CLI), f"sparql@{endpoint}", "-q", SELECT, "-t", "application/sparql-results+json")
    bindings = json.loads(stdout)["results"]["bindings"]
    got = sorted(({k: (v["type"], v["value"], v.get("xml:lang", "")) for k, v in b.items()} for b in bindings),
                 key=repr)
    held = sorted(({n: ("uri" if t[0] == "NamedNode" else "literal", t[1], *([t[2]] if t[0] == "Literal" else [""]))
                    for n, t in row.items()} for row in held_rows(store, SELECT)), key=repr)
    assert len(got) == ALL_DECISIONS
    assert got == held
