"""The ``council-kg`` command line.

Every command takes the data directory from ``--data`` or ``COUNCIL_KG_DATA``. The exit status
is 0 only when everything asked for succeeded.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from api.harvest_cli import harvest
from api.qa_cli import ask, evaluate, trace
from kg.errors import CouncilKGError
from kg.settings import Settings


class Context:
    """What every command shares: the settings, resolved once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings


def fail(message: str, code: int = 1) -> None:
    """Print an error to stderr and exit."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group()
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="Data directory (default: $COUNCIL_KG_DATA or ./data).")
@click.option("--model", default=None, help="Embedding model name or path (default: $COUNCIL_KG_MODEL).")
@click.pass_context
def main(ctx: click.Context, data: Path | None, model: str | None) -> None:
    """Council KG: a knowledge graph and cited answers over council committee papers."""
    try:
        ctx.obj = Context(Settings.load(data=data, model=model))
    except CouncilKGError as exc:
        fail(str(exc), 2)


def _ingestor(settings: Settings):
    from ingest.pipeline import Ingestor
    from ingest.extract import default_extractors

    return Ingestor(settings, extractors=default_extractors())


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="JSON manifest whose metadata overrides what is inferred.")
@click.pass_obj
def ingest(obj: Context, paths: tuple[Path, ...], manifest: Path | None) -> None:
    """Ingest files and folders (PDF, HTML, DOCX, text, ModernGov XML)."""
    from ingest.manifest import Manifest
    from ingest.pipeline import collect_files

    missing = [str(p) for p in paths if not p.exists()]
    try:
        man = Manifest.load(manifest) if manifest else None
        ingestor = _ingestor(obj.settings)
        total = len(collect_files([p for p in paths if p.exists()]))
        if sys.stderr.isatty():
            with click.progressbar(length=total, label="Ingesting", file=sys.stderr) as bar:
                report = ingestor.ingest([p for p in paths if p.exists()], man, lambda _, n: bar.update(n))
        else:
            report = ingestor.ingest([p for p in paths if p.exists()], man)
    except CouncilKGError as exc:
        fail(str(exc))
    for result in report.results:
        if result.status == "failed":
            click.echo(f"FAILED  {result.reason}", err=True)
    for path in missing:
        click.echo(f"FAILED  {path}: no such file or folder", err=True)
    counts = report.counts()
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing to do"
    click.echo(f"{len(report.results) + len(missing)} file(s): {summary}"
               + (f", {len(missing)} missing" if missing else ""))
    if not report.ok or missing:
        sys.exit(1)


@main.command()
@click.argument("refs", nargs=-1, required=True)
@click.pass_obj
def remove(obj: Context, refs: tuple[str, ...]) -> None:
    """Remove documents (by id, file name or the path they were ingested from) everywhere."""
    try:
        report = _ingestor(obj.settings).remove(list(refs))
    except CouncilKGError as exc:
        fail(str(exc))
    for result in report.results:
        if result.status == "failed":
            click.echo(f"FAILED  {result.reason}", err=True)
        else:
            click.echo(f"removed {result.document_id} ({result.paragraphs} paragraphs)")
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("-k", "k", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print JSON as the HTTP API does.")
@click.option("--document", "documents", multiple=True, metavar="ID",
              help="Search only this document (repeatable).")
@click.pass_obj
def search(obj: Context, query: str, k: int, as_json: bool, documents: tuple[str, ...]) -> None:
    """Search paragraphs (fused BM25 + dense)."""
    from api.search import hit_json
    from kg.knowledge import KnowledgeBase

    try:
        hits = KnowledgeBase(obj.settings).search(query, k, documents or None)
    except CouncilKGError as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps({"query": query, "k": k, "results": [hit_json(h) for h in hits]}, indent=2))
        return
    if not hits:
        click.echo("no results")
    for rank, hit in enumerate(hits, 1):
        where = ", ".join(x for x in (hit.file, f"para {hit.paragraph}" if hit.paragraph else None,
                                       f"p. {hit.page}" if hit.page else None) if x)
        click.echo(f"{rank}. [{hit.score:.3f}] {hit.title or hit.file} ({where})")
        click.echo(f"   {hit.text[:300]}")


@main.command()
@click.argument("query")
@click.pass_obj
def sparql(obj: Context, query: str) -> None:
    """Run a read-only SPARQL query; the default graph is the union of all documents."""
    from kg.knowledge import KnowledgeBase
    from kg.sparql_guard import check_query
    from kg.sparql_text import format_result

    try:
        check_query(query)
        snap = KnowledgeBase(obj.settings).current()
        if snap.graph is None:
            fail("the data directory holds no graph yet; ingest something first")
        click.echo(format_result(snap.graph.query(query)))
    except CouncilKGError as exc:
        fail(str(exc))


@main.command()
@click.pass_obj
def check(obj: Context) -> None:
    """Verify that catalog, graph and both indexes agree (exit 1 when they do not)."""
    from kg.check import check as run_check
    from kg.datadir import Layout
    from kg.graphstore import open_graph_store
    from kg.vocab import IriMinter

    try:
        graph = open_graph_store(obj.settings, read_only=True) if obj.settings.graph_url else None
        report = run_check(Layout(obj.settings.data), IriMinter(obj.settings.base_iri), graph)
    except CouncilKGError as exc:
        fail(str(exc))
    click.echo(f"{report.documents} documents, {report.paragraphs} paragraphs")
    for problem in report.problems:
        click.echo(f"PROBLEM {problem}", err=True)
    if not report.ok:
        sys.exit(1)


@main.command()
@click.option("--host", default=None, help="Address to listen on (default: $COUNCIL_KG_HOST or 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default: $COUNCIL_KG_PORT or 5000).")
@click.pass_obj
def serve(obj: Context, host: str | None, port: int | None) -> None:
    """Serve the web pages and the HTTP API with waitress (a production WSGI server)."""
    from dataclasses import replace

    import waitress

    from api.app import create_app

    settings = replace(obj.settings, host=host or obj.settings.host, port=port or obj.settings.port)
    app = create_app(settings)
    click.echo(f"Serving {settings.data} on http://{settings.host}:{settings.port}", err=True)
    waitress.serve(app, host=settings.host, port=settings.port, threads=settings.server_threads)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["nquads", "trig", "turtle", "jsonld"]), default="nquads",
              show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="File to write (default: standard output).")
@click.pass_obj
def export(obj: Context, fmt: str, output: Path | None) -> None:
    """Export the whole graph, with its named graphs where the format keeps them."""
    from kg.export import export_graph
    from kg.knowledge import KnowledgeBase

    try:
        snap = KnowledgeBase(obj.settings).current()
        if snap.graph is None:
            fail("the data directory holds no graph yet; ingest something first")
        if output:
            with open(output, "wb") as fh:
                export_graph(snap.graph, fmt, fh)
        else:
            export_graph(snap.graph, fmt, sys.stdout.buffer)
    except CouncilKGError as exc:
        fail(str(exc))


for command in (harvest, ask, trace, evaluate):
    main.add_command(command)
