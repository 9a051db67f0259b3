"""Benchmark: one paper added to, replaced in and removed from a store of 100k paragraphs.

The store is the one :mod:`bench.search` builds (kept under ``--work``). A new synthetic paper
goes through the whole pipeline (read, segment, extract, embed, commit); then a changed version
of it replaces it; then it is removed. Each step reports its seconds, the bytes the process
wrote to storage (``/proc/self/io``: graph, catalog, index segment, manifest) and the bytes of
index files it created, beside the size of the store's indexes: a commit that rebuilt the
indexes would write at least that much. The store is left as it was found (the paper removed;
merges may have reshaped its segments).

    python -m bench.incremental --size 100000
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.corpus import papers
from bench.report import DOC, Table, folder_bytes, publish, written_bytes
from bench.search import store_for

BASELINE = Path(__file__).resolve().parent / "baselines" / "incremental-before-segments.json"


def index_files(data: Path) -> dict[Path, int]:
    """Every index file (segments and generations) with its size."""
    found: dict[Path, int] = {}
    for sub in ("segments", "generations"):
        root = data / sub
        if root.exists():
            found.update({p: p.stat().st_size for p in root.rglob("*") if p.is_file()})
    return found


def run(data: Path, work: Path) -> list[tuple[str, float, int, int]]:
    """(step, seconds, bytes written, index bytes created) for add, replace and remove."""
    from ingest.extract import default_extractors
    from ingest.pipeline import Ingestor
    from kg.embedding import Embedder
    from kg.settings import Settings

    settings = Settings.load({}, data=data)
    embedder = Embedder(threads=settings.threads)
    embedder.embed(["warm the model"])
    paper = next(p for p in papers(40, seed=99) if len(p.paragraphs) >= 20)
    path = work / f"incremental_{paper.file_name}"
    steps = []

    def step(name: str, action) -> None:
        before_files, before_bytes = index_files(data), written_bytes()
        began = time.perf_counter()
        report = action()
        seconds = time.perf_counter() - began
        if not report.ok:
            raise SystemExit(f"{name} failed: {report.failed}")
        created = sum(size for p, size in index_files(data).items() if p not in before_files)
        steps.append((f"{name} ({sum(r.paragraphs for r in report.results)} paragraphs)", seconds,
                      written_bytes() - before_bytes, created))

    ingestor = Ingestor(settings, embedder=embedder, extractors=default_extractors())
    path.write_text(paper.text)
    step("add one paper", lambda: ingestor.ingest([path]))
    path.write_text(paper.text.replace("Summary", "Summary (revised)") + "\n\nA late paragraph added by the author.\n")
    step("replace it with a changed version", lambda: ingestor.ingest([path]))
    step("remove it", lambda: ingestor.remove([path.name]))
    return steps


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and record it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/council-kg-bench"))
    parser.add_argument("--doc", type=Path, default=DOC)
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--baseline", type=Path, default=BASELINE,
                        help="steps measured on the code before segments (JSON), shown beside this run's")
    args = parser.parse_args(argv)
    data, kind = store_for(args.size, args.work)
    indexes = sum(index_files(data).values())
    with tempfile.TemporaryDirectory() as work:
        steps = run(data, Path(work))
    table = Table(f"One paper into a store of {args.size:,} paragraphs",
                  ["step", "seconds", "bytes written (all storage)", "index bytes created", "share of the indexes"])
    for name, seconds, written, created in steps:
        table.add(name, seconds, f"{written / 2**20:.2f} MiB", f"{created / 2**10:.0f} KiB", f"{created / indexes:.3%}")
    if args.baseline and args.baseline.exists() and args.size == 100_000:
        before = json.loads(args.baseline.read_text())
        for name, seconds, written, created in before["steps"]:
            table.add(f"before segments: {name}", seconds, f"{written / 2**20:.2f} MiB", f"{created / 2**10:.0f} KiB",
                      f"{created / (before['indexes'] / 2):.1%}")
        table.notes.append(f"'before segments' rows: {before['measured']}.")
    table.notes.append(f"The store's indexes hold {indexes / 2**20:.0f} MiB ({kind} vectors); a rebuild would write all of it. "
                       "Seconds include reading, segmenting, extracting and embedding the paper.")
    publish("incremental", "Incremental ingest", [table], doc=None if args.no_record else args.doc)


if __name__ == "__main__":
    main()
