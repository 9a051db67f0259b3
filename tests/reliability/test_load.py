"""A short smoke run of ``bench/load.py``: 50 clients for ~5 s on loopback, zero errors."""

from __future__ import annotations

import threading

import waitress

from api.app import create_app
from bench.load import run
from ingest.manifest import Manifest
from ingest.pipeline import Ingestor
from kg.knowledge import KnowledgeBase
from kg.settings import Settings
from tests.conftest import SAMPLES


def test_load_smoke(tmp_path, embedder):
    settings = Settings.load({}, data=tmp_path / "data")
    papers = [p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html"}]  # quick to embed
    report = Ingestor(settings, embedder=embedder).ingest(papers, Manifest.load(SAMPLES / "manifest.json"))
    assert report.ok, report.failed
    app = create_app(settings, knowledge=KnowledgeBase(settings, embedder))
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=settings.server_threads)
    threading.Thread(target=server.run, daemon=True).start()
    try:
        result = run(f"http://127.0.0.1:{server.effective_port}", clients=50, duration=5, sparql_clients=2)
    finally:
        server.close()
    print("\nload smoke:", {k: v for k, v in result.items() if k in {"search", "ask", "sparql", "errors"}})
    assert result["errors"] == 0, result
    assert result["search"]["requests"] > 50
