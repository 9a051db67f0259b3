"""SIGKILL ``council-kg ingest`` at random points, over and over; the store must stay whole.

After every kill: readers open the store and search; the next writer's recovery leaves a
store that ``kg.check`` passes (graph, indexes and catalog agree); every document is wholly
one version of its file (catalog hash = graph hash = a version we wrote); and re-running the
ingest completes. Most runs are forked from a zygote that has imported torch already (see
``zygote.py``), so 30 kills cost about a minute; one kills the real ``python -m api`` process.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.extract import default_extractors
from ingest.pipeline import Ingestor
from kg.catalog import Catalog
from kg.check import check
from kg.datadir import Layout, content_hash
from kg.graphstore import OxigraphStore
from kg.knowledge import KnowledgeBase
from kg.settings import Settings
from kg.vocab import CONTENT_HASH, IriMinter
from kg.writer import StoreWriter

REPO = Path(__file__).resolve().parents[2]
FORKED_KILLS = 30
REAL_KILLS = 1
FILES = 4


def write_corpus(folder: Path, version: int, rng: random.Random, hashes: dict[str, set[str]]) -> None:
    """Rewrite most files as a new version (a few stay as they were), remembering every hash."""
    for n in range(FILES):
        path = folder / f"report_{n:02d}.txt"
        if path.exists() and rng.random() < 0.2:
            continue
        paras = [f"{i}.1 Report {n} version {version}: the committee noted item {i} and agreed spending of "
                 f"£{rng.randint(1, 99)}.{rng.randint(0, 9)}m on {rng.choice(['roads', 'care', 'libraries'])}."
                 for i in range(1, rng.randint(2, 5))]
        data = (f"Report {n}\n\n" + "\n\n".join(paras) + "\n").encode()
        path.write_bytes(data)
        hashes.setdefault(path.name, set()).add(content_hash(data))


def verify(settings: Settings, hashes: dict[str, set[str]]) -> int:
    """Open, recover as the next writer would, check; returns the documents present."""
    kb = KnowledgeBase(settings, embedder=_NoQueries())
    snap = kb.current()  # readers open the last committed state, journal or not
    assert snap.catalog is None or snap.catalog.counts()["documents"] <= FILES
    layout, minter = Layout(settings.data), IriMinter(settings.base_iri)
    restorer = Ingestor(settings, embedder=_NoQueries(), extractors=default_extractors())
    with restorer.sandbox, StoreWriter(layout, minter) as writer:
        writer.recover(restorer._restore)
    report = check(layout, minter)
    assert report.ok, report.problems
    catalog = Catalog(layout.catalog, read_only=True)
    graph = OxigraphStore(layout.graph, read_only=True)
    try:
        for entry in catalog.documents():
            assert entry.content_hash in hashes[entry.file_name], entry
            rows = list(graph.native.query(f"SELECT ?h WHERE {{ GRAPH <{minter.document(entry.id)}> "
                                           f"{{ ?d <{CONTENT_HASH}> ?h }} }}"))
            assert [r[0].value for r in rows] == [entry.content_hash], (entry.id, rows)
        return len(catalog.documents())
    finally:
        graph.close()
        catalog.close()


class _NoQueries:
    """Recovery and checks never embed; fail loudly if they try."""

    def embed(self, texts, *, progress=None):
        raise AssertionError("unexpected embedding")

    embed_query = embed


class Zygote:
    """The forking helper process."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.zygote"], cwd=REPO,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "ready"

    def start(self, argv: list[str], env: dict[str, str], log: Path) -> int:
        self.proc.stdin.write(json.dumps({"argv": argv, "env": env, "log": str(log)}) + "\n")
        self.proc.stdin.flush()
        kind, pid = self.proc.stdout.readline().split()
        assert kind == "pid"
        return int(pid)

    def wait(self, pid: int) -> int:
        kind, done, code = self.proc.stdout.readline().split()
        assert kind == "exit" and int(done) == pid
        return int(code)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture()
def zygote():
    z = Zygote()
    yield z
    z.close()


def test_sigkill_at_random_points(tmp_path: Path, zygote: Zygote):
    rng = random.Random(int(os.environ.get("KILL_SEED", "7")))
    folder, data = tmp_path / "papers", tmp_path / "data"
    folder.mkdir()
    env = {"COUNCIL_KG_DATA": str(data), "COUNCIL_KG_COMMIT_PARAGRAPHS": "3", "COUNCIL_KG_PARSE_TIMEOUT": "60"}
    settings = Settings.load(env)
    argv = ["ingest", str(folder)]
    hashes: dict[str, set[str]] = {}
    log = tmp_path / "ingest.log"

    write_corpus(folder, 0, rng, hashes)
    started = time.monotonic()
    assert zygote.wait(zygote.start(argv, env, log)) == 0, log.read_text()
    full = time.monotonic() - started
    assert verify(settings, hashes) == FILES

    killed = finished = version = 0
    while killed < FORKED_KILLS and version < FORKED_KILLS + 15:
        version += 1
        write_corpus(folder, version, rng, hashes)
        pid = zygote.start(argv, env, log)
        time.sleep(rng.uniform(0.05, full * 0.9))
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        code = zygote.wait(pid)
        killed += code == -signal.SIGKILL
        finished += code == 0
        assert code in {0, -signal.SIGKILL}, log.read_text()[-2000:]
        verify(settings, hashes)

    real_env = {**os.environ, **env}
    for version in range(version + 1, version + 1 + REAL_KILLS):
        write_corpus(folder, version, rng, hashes)
        proc = subprocess.Popen([sys.executable, "-m", "api", *argv], cwd=REPO, env=real_env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(4.0, 4.0 + full))  # after the imports, somewhere in the ingest
        proc.send_signal(signal.SIGKILL)
        killed += proc.wait() == -signal.SIGKILL
        verify(settings, hashes)

    # re-running completes, and leaves exactly the latest version of every file
    assert zygote.wait(zygote.start(argv, env, log)) == 0, log.read_text()[-2000:]
    assert verify(settings, hashes) == FILES
    catalog = Catalog(Layout(data).catalog, read_only=True)
    latest = {p.name: content_hash(p.read_bytes()) for p in folder.iterdir()}
    assert {e.file_name: e.content_hash for e in catalog.documents()} == latest
    print(f"\nkill test: {killed} SIGKILLs landed mid-ingest, {finished} runs finished first; "
          f"full run {full:.1f} s")
    assert killed >= FORKED_KILLS
