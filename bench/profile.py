"""Profiles of the hot paths (pyinstrument): hybrid search and a one-paper commit on a built store.

    python -m bench.profile --size 100000 --searches 50

Prints each profile's call tree (folded below 2% of the time) and records them in
docs/benchmarks.md; the store is the one :mod:`bench.search` builds under ``--work``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.report import DOC, publish
from bench.search import QUERIES, store_for


def profile_search(data: Path, searches: int) -> str:
    """The call tree of ``searches`` hybrid searches (model loaded and warm, store open)."""
    from pyinstrument import Profiler

    from kg.embedding import Embedder
    from kg.knowledge import KnowledgeBase
    from kg.settings import Settings

    kb = KnowledgeBase(Settings.load({}, data=data), Embedder())
    for q in QUERIES[:3]:
        kb.search(q, 10)
    profiler = Profiler(interval=0.001)
    profiler.start()
    for i in range(searches):
        kb.search(QUERIES[i % len(QUERIES)], 10)
    profiler.stop()
    return profiler.output_text(unicode=True, color=False, show_all=False, time="percent_of_total")


def profile_commit(data: Path) -> str:
    """The call tree of ingesting (then removing) one paper."""
    from pyinstrument import Profiler

    from bench.corpus import papers
    from ingest.extract import default_extractors
    from ingest.pipeline import Ingestor
    from kg.embedding import Embedder
    from kg.settings import Settings

    embedder = Embedder()
    embedder.embed(["warm"])
    ingestor = Ingestor(Settings.load({}, data=data), embedder=embedder, extractors=default_extractors())
    paper = next(p for p in papers(40, seed=98) if len(p.paragraphs) >= 20)
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / f"profiled_{paper.file_name}"
        path.write_text(paper.text)
        profiler = Profiler(interval=0.001)
        profiler.start()
        ingestor.ingest([path])
        profiler.stop()
        ingestor.remove([path.name])
    return profiler.output_text(unicode=True, color=False, show_all=False, time="percent_of_total")


def main(argv: list[str] | None = None) -> None:
    """Run the profiles and record them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=50)
    parser.add_argument("--work", type=Path, default=Path("/tmp/council-kg-bench"))
    parser.add_argument("--doc", type=Path, default=DOC)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)
    data, _ = store_for(args.size, args.work)
    tables = []
    for title, tree in ((f"{args.searches} searches at {args.size:,} paragraphs", profile_search(data, args.searches)),
                        (f"one paper committed into {args.size:,} paragraphs", profile_commit(data))):
        lines = [line for line in tree.splitlines() if line.strip()]
        tables.append(f"**{title}** (pyinstrument, share of wall time)\n\n```\n" + "\n".join(lines) + "\n```\n")
    publish("profile", "Profiles of the hot paths", tables, doc=None if args.no_record else args.doc)


if __name__ == "__main__":
    main()
