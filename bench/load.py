"""A bounded load test on loopback: many clients on search (and ask), hostile SPARQL alongside.

Usage::

    python -m bench.load --url http://127.0.0.1:5000 [--clients 50] [--duration 30]
    python -m bench.load --data DATA_DIR            # starts its own server on a free port

``--clients`` threads send ``GET /api/search`` (and ``POST /api/ask`` when the server has it,
half the clients each) for ``--duration`` seconds (at most 60); ``--sparql-clients`` threads
send adversarial SPARQL (cross products, SERVICE, catastrophic regex, updates, huge LIMITs,
garbage) to ``/sparql`` when it exists. A search or ask that fails (transport error or any
status but 200) is an error; a SPARQL request may be refused (4xx) or stopped (503), but a
transport error or another 5xx is an error. Prints a JSON report: per kind, requests, errors,
statuses, p50/p99 latency in ms and requests a second.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

MAX_DURATION = 60.0
QUESTIONS = [
    "how many children are in care", "agency social workers", "budget overspend", "fostering sufficiency",
    "who chairs the committee", "turnover of social workers", "SEND transport costs", "minutes approved",
    "libraries strategy", "placements for unaccompanied asylum seeking children",
]
HOSTILE_SPARQL = [
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "(a+)+(b+)+(c+)+$")) }',
    "SELECT * FROM <http://127.0.0.1:9/evil.ttl> WHERE { ?s ?p ?o }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DROP ALL",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 100000000",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
    "SELECT * WHERE { ?s (<urn:x>|!<urn:y>)* ?o }",
    "SELEKT garbage {{{",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . ?x ?y ?z }",
    "ASK { }",
]


@dataclass
class Tally:
    """Latencies and outcomes of one kind of request, shared by its threads."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: int = 0
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, status: int | str, error: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[str(status)] += 1
            if error:
                self.errors += 1
                if len(self.samples) < 5:
                    self.samples.append(str(status))

    def summary(self, duration: float) -> dict:
        lat = sorted(self.latencies)
        pct = (lambda q: round(1000 * lat[min(len(lat) - 1, int(q * len(lat)))], 1)) if lat else (lambda q: None)
        return {"requests": len(lat), "errors": self.errors, "statuses": dict(self.statuses),
                "p50_ms": pct(0.50), "p99_ms": pct(0.99),
                "mean_ms": round(1000 * statistics.fmean(lat), 1) if lat else None,
                "per_second": round(len(lat) / duration, 1), "error_samples": self.samples}


def _request(conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None, headers: dict):
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status


def _client(base: urllib.parse.SplitResult, make, tally: Tally, stop: float, ok) -> None:
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=120)
    n = 0
    while time.monotonic() < stop:
        method, path, body, headers = make(n)
        n += 1
        started = time.monotonic()
        try:
            status: int | str = _request(conn, method, path, body, headers)
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection(base.hostname, base.port, timeout=120)
        tally.add(time.monotonic() - started, status, not ok(status))
    conn.close()


def _exists(base: urllib.parse.SplitResult, method: str, path: str, body: bytes | None = None) -> bool:
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    try:
        status = _request(conn, method, path, body, {"Content-Type": "application/json", "Accept": "application/json"})
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()
    return status not in {404, 405}


def run(url: str, clients: int = 50, duration: float = 30.0, sparql_clients: int = 4) -> dict:
    """Load ``url`` for ``duration`` seconds (at most 60) and return the report."""
    duration = min(duration, MAX_DURATION)
    base = urllib.parse.urlsplit(url)
    has_ask = _exists(base, "POST", "/api/ask", json.dumps({"question": "budget"}).encode())
    has_sparql = _exists(base, "GET", "/sparql?query=" + urllib.parse.quote("ASK {}"))
    tallies = {"search": Tally(), **({"ask": Tally()} if has_ask else {}), **({"sparql": Tally()} if has_sparql else {})}

    def search(n: int):
        q = urllib.parse.quote(QUESTIONS[n % len(QUESTIONS)])
        return "GET", f"/api/search?q={q}&k=10", None, {"Accept": "application/json"}

    def ask(n: int):
        body = json.dumps({"question": QUESTIONS[(n + 3) % len(QUESTIONS)] + "?"}).encode()
        return "POST", "/api/ask", body, {"Content-Type": "application/json", "Accept": "application/json"}

    def sparql(n: int):
        body = urllib.parse.urlencode({"query": HOSTILE_SPARQL[n % len(HOSTILE_SPARQL)]}).encode()
        return "POST", "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded",
                                        "Accept": "application/sparql-results+json"}

    def served(status):
        return status == 200

    def refused_or_served(status):
        return isinstance(status, int) and (status < 500 or status == 503)

    stop = time.monotonic() + duration
    threads = []
    for i in range(clients):
        kind = "ask" if has_ask and i % 2 else "search"
        threads.append(threading.Thread(target=_client, args=(base, ask if kind == "ask" else search,
                                                               tallies[kind], stop, served), daemon=True))
    for _ in range(sparql_clients if has_sparql else 0):
        threads.append(threading.Thread(target=_client, args=(base, sparql, tallies["sparql"], stop,
                                                              refused_or_served), daemon=True))
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=duration + 180)
    elapsed = time.monotonic() - started
    report = {kind: tally.summary(elapsed) for kind, tally in tallies.items()}
    return {"url": url, "clients": clients, "sparql_clients": sparql_clients if has_sparql else 0,
            "duration_s": round(elapsed, 1), "errors": sum(t.errors for t in tallies.values()), **report}


def serve_in_thread(data_dir: str, threads: int = 8):
    """Start the app on a free loopback port in this process; returns (url, server)."""
    import waitress

    from api.app import create_app
    from kg.settings import Settings

    settings = Settings.load(data=data_dir)
    server = waitress.create_server(create_app(settings), host="127.0.0.1", port=0, threads=threads)
    threading.Thread(target=server.run, daemon=True).start()
    return f"http://127.0.0.1:{server.effective_port}", server


def main(argv: list[str] | None = None) -> int:
    """Command line entry; exit status 1 when any request erred."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base URL of a running server")
    target.add_argument("--data", help="data directory: serve it in this process")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--sparql-clients", type=int, default=4)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds (at most 60)")
    args = parser.parse_args(argv)
    server = None
    url = args.url
    if args.data:
        url, server = serve_in_thread(args.data)
    try:
        report = run(url, args.clients, args.duration, args.sparql_clients)
    finally:
        if server is not None:
            server.close()
    print(json.dumps(report, indent=2))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
