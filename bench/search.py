"""Benchmark: search latency, server memory and cold start at 10k, 100k and 1M paragraphs.

For each size a store of synthetic papers is built (once; kept under ``--work``) with real
MiniLM vectors where enough are cached (``python -m bench.vectors N``) and synthetic vectors
shaped like them beyond that. Then, in one process, hybrid search (query embedding + BM25 +
FAISS + fusion + catalog) runs over a fixed set of questions; and a real server
(``council-kg serve``) is started cold, timed to its first search answer, queried over HTTP,
and its resident memory (with its worker processes) read from /proc.

    python -m bench.search --sizes 10000,100000,1000000
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import numpy as np

from bench.report import Table, folder_bytes, percentile, publish, rss_mib
from bench.store import build_store
from bench.vectors import base_vectors, synthetic_vectors

QUERIES = (
    "how many children were in care", "home to school transport overspend", "temporary accommodation costs",
    "agency social workers turnover", "what did the cabinet decide about the savings programme",
    "recycling rate as at", "number of EHC plans", "who is the director of children's services",
    "foster carers recruitment", "five year land supply appeals", "library opening hours volunteers",
    "potholes and road safety", "smoking cessation", "capital programme reserves",
    "average caseload for placements", "RESOLVED that the committee approved", "waiting time for drug treatment",
    "fly-tipping enforcement", "section 106 contributions", "apologies for absence",
)
BIN = Path(sys.executable).parent
WARM_UP = 10


def store_for(size: int, work: Path, log=print) -> tuple[Path, str]:
    """A data directory of ``size`` paragraphs (built once), and where its vectors came from."""
    marker = work / f"store-{size}" / "bench.json"
    data = marker.parent
    if marker.exists() and json.loads(marker.read_text()).get("size") == size:
        return data, json.loads(marker.read_text())["vectors"]
    if data.exists():
        import shutil
        shutil.rmtree(data)
    base, kind = base_vectors(size)
    vectors = base
    if len(base) < size:
        vectors = synthetic_vectors(size, base)
        kind = f"synthetic (mixed from {len(base):,} {kind})"
    log(f"building a store of {size:,} paragraphs ({kind} vectors) in {data}")
    # commits the size the pipeline makes (5,000 paragraphs), left to the merge policy; a
    # million in eight commits of 125k (a bulk load; ten would merge into one 1M segment)
    timing = build_store(data, vectors, commit_paragraphs=125_000 if size >= 1_000_000 else min(5_000, max(size // 10, 100)),
                         triples=size <= 100_000, log=log)
    marker.write_text(json.dumps({"size": size, "vectors": kind, **timing}))
    return data, kind


def in_process(data: Path, repeat: int) -> dict[str, float]:
    """Search latency percentiles inside one process (model loaded, store open)."""
    from kg.embedding import Embedder
    from kg.knowledge import KnowledgeBase
    from kg.settings import Settings

    settings = Settings.load({}, data=data)
    embedder = Embedder(threads=settings.threads)
    kb = KnowledgeBase(settings, embedder)
    began = time.perf_counter()
    snap = kb.current()
    open_s = time.perf_counter() - began
    for q in QUERIES[:WARM_UP]:
        kb.search(q, 10)
    parts = {"embed": [], "bm25": [], "dense": [], "total": []}
    gen = snap.search.generation
    for i in range(repeat):
        q = QUERIES[i % len(QUERIES)]
        t0 = time.perf_counter()
        kb.search(q, 10)
        t1 = time.perf_counter()
        qvec = embedder.embed_query(q)
        t2 = time.perf_counter()
        gen.lexical.scores(q)
        t3 = time.perf_counter()
        gen.dense.search(qvec, 50)
        t4 = time.perf_counter()
        for key, value in zip(parts, (t2 - t1, t3 - t2, t4 - t3, t1 - t0)):
            parts[key].append(value * 1000)
    out = {f"{k}_p50": percentile(v, 50) for k, v in parts.items()}
    out.update({f"{k}_p95": percentile(v, 95) for k, v in parts.items()})
    out["open_ms"] = open_s * 1000
    out["dense_kind"] = gen.dense.kind
    out["segments"] = len(gen.manifest.segments)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 30) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def _post(url: str, payload: dict, timeout: float = 60) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and its descendants, MiB."""
    total = 0.0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            total += rss_mib(p)
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, AttributeError):
            continue
    return total


def server(data: Path, repeat: int) -> dict[str, float]:
    """Cold start to first answer, HTTP latency and resident memory of ``council-kg serve``."""
    port = _free_port()
    env = {**os.environ, "COUNCIL_KG_DATA": str(data), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    began = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "council-kg"), "--data", str(data), "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    out: dict[str, float] = {}
    try:
        first = None
        while time.perf_counter() - began < 120:
            try:
                status, _ = _get(f"{base}/api/search?q={urllib.parse.quote(QUERIES[0])}&k=10", timeout=60)
                if status == 200:
                    first = time.perf_counter() - began
                    break
            except OSError:
                time.sleep(0.05)
        out["cold_start_s"] = first if first is not None else float("nan")
        ask_first = time.perf_counter()
        status, _ = _post(f"{base}/api/ask", {"question": QUERIES[0]})
        out["ask_available"] = status == 200
        out["first_ask_s"] = (time.perf_counter() - ask_first) if status == 200 else float("nan")
        search, ask = [], []
        for i in range(repeat):
            q = QUERIES[i % len(QUERIES)]
            t0 = time.perf_counter()
            _get(f"{base}/api/search?q={urllib.parse.quote(q)}&k=10")
            search.append((time.perf_counter() - t0) * 1000)
            if out["ask_available"]:
                t0 = time.perf_counter()
                _post(f"{base}/api/ask", {"question": q})
                ask.append((time.perf_counter() - t0) * 1000)
        out.update(http_p50=percentile(search, 50), http_p95=percentile(search, 95),
                   ask_p50=percentile(ask, 50), ask_p95=percentile(ask, 95),
                   rss_mib=rss_mib(proc.pid), tree_rss_mib=tree_rss_mib(proc.pid))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    return out


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and record it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--work", type=Path, default=Path("/tmp/council-kg-bench"))
    parser.add_argument("--no-server", action="store_true", help="skip the server (memory, cold start, HTTP)")
    parser.add_argument("--doc", type=Path, default=None, help="record into this file instead of docs/benchmarks.md")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    latency = Table("Hybrid search latency in one process (ms; query embedding + BM25 + FAISS + fusion + catalog)",
                    ["paragraphs", "vectors", "segments", "dense index", "open (ms)", "p50", "p95",
                     "embed p50", "BM25 p50", "dense p50", "target"])
    served = Table("Server: cold start, HTTP latency and memory",
                   ["paragraphs", "cold start to first answer (s)", "/api/search p50 (ms)", "p95 (ms)",
                    "/api/ask p50 (ms)", "p95 (ms)", "RSS (MiB)", "RSS with workers (MiB)", "store on disk (MiB)"])
    targets = {100_000: "p50 ≤ 50, p95 ≤ 150", 1_000_000: "p95 ≤ 300"}
    for size in sizes:
        data, kind = store_for(size, args.work)
        r = in_process(data, args.repeat)
        latency.add(size, kind, r["segments"], r["dense_kind"], r["open_ms"], r["total_p50"], r["total_p95"],
                    r["embed_p50"], r["bm25_p50"], r["dense_p50"], targets.get(size, ""))
        if not args.no_server:
            s = server(data, max(20, args.repeat // 2))
            ask = (s["ask_p50"], s["ask_p95"]) if s["ask_available"] else ("n/a", "n/a")
            served.add(size, s["cold_start_s"], s["http_p50"], s["http_p95"], *ask, s["rss_mib"],
                       s["tree_rss_mib"], folder_bytes(data) / 2**20)
    latency.notes.append(f"p50/p95 over the questions in `bench/search.py`, each searched for the top 10, after {WARM_UP} warm-up searches "
                         "(the first searches after a cold open fault index pages in; the cold start column times the first); "
                         "the embed/BM25/dense columns time each step alone.")
    served.notes.append("Cold start: from launching `council-kg serve` to the first `/api/search` response (imports, model, "
                        "store opening, first query). Targets: ≤ 5 s at 100k; RSS ≤ 4 GB at 1M.")
    tables = [latency] + ([] if args.no_server else [served])
    publish("search", "Search latency, memory and cold start", tables,
            doc=None if args.no_record else (args.doc or __import__("bench.report").report.DOC))


if __name__ == "__main__":
    main()
