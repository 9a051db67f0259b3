"""``/sparql`` (SPARQL 1.1 Protocol, read-only), ``/dump`` and the ontology at its own IRI.

The dataset a query sees
------------------------
Every ingested document is one **named graph** (its IRI is the document's IRI). Unless a
request says otherwise, the **default graph is the union of all named graphs**, so
``SELECT * { ?s ?p ?o }`` sees every document and ``GRAPH ?g { ... }`` tells which document
each triple came from. A request can choose its own dataset, with the standard precedence:

- ``default-graph-uri`` / ``named-graph-uri`` parameters (they override the query's own);
- else ``FROM`` / ``FROM NAMED`` in the query (only graphs this store holds; anything else is
  refused, since the endpoint never fetches remote data);
- else the union default graph described above, with every document as a named graph.

A dataset parameter naming a graph the store does not hold selects an empty graph.

Protocol
--------
``GET /sparql?query=...``, ``POST`` ``application/x-www-form-urlencoded`` (``query=``) or
``application/sparql-query`` (the query as the body). Results: SELECT/ASK as SPARQL JSON
(default), XML, CSV, TSV; CONSTRUCT/DESCRIBE as Turtle (default), N-Triples, JSON-LD, RDF/XML;
chosen by ``Accept`` or ``format=`` (``json``, ``xml``, ``csv``, ``tsv``, ``turtle``,
``ntriples``, ``jsonld``, ``rdfxml``). ``timeout=`` (seconds) may lower or raise the default
limit up to the configured maximum. A result longer than the row cap is cut and flagged:
header ``X-SPARQL-Truncated: true`` (and a ``link`` in JSON/XML heads). ``GET /sparql`` without
a query returns the service description. Every update (by any transport) is refused with 403;
``SERVICE`` likewise. CORS is allowed on ``/sparql`` only, without credentials.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Flask, Response, current_app, request, send_file
from werkzeug.exceptions import NotFound as HttpNotFound, UnsupportedMediaType

from api.context import knowledge_base
from kg.errors import QueryError, QueryRefused, StoreError
from kg.export import FORMATS as DUMP_FORMATS, export_graph
from kg.settings import Settings
from kg.sparql_formats import FORMATS, ResultFormat, negotiate, render
from kg.sparql_guard import check_query
from kg.sparql_worker import QueryJob, QueryRunner, WorkerPool

bp = Blueprint("sparql", __name__)
EXTENSION = "council_kg.sparql"
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "council.ttl"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RESULT_FORMAT_IRIS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                      "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML")
GRAPH_FORMATS = tuple(f for f in FORMATS if "CONSTRUCT" in f.forms)
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept",
    "Access-Control-Expose-Headers": "X-SPARQL-Truncated, X-SPARQL-Rows",
    "Access-Control-Max-Age": "86400",
}
@dataclass(frozen=True)
class SparqlService:
    """What the endpoint was built with: its query runner and limits."""

    runner: QueryRunner
    settings: Settings
    remote: object | None = None


def build_service(settings: Settings) -> SparqlService:
    """The embedded worker pool, or a remote store when ``graph_url`` is set."""
    if settings.graph_url:
        from kg.remote_store import RemoteStore

        store = RemoteStore(settings.graph_url, timeout=settings.sparql_max_timeout)
        return SparqlService(store, settings, remote=store)
    return SparqlService(WorkerPool(settings.sparql_workers), settings)


@bp.record_once
def _install(state) -> None:
    app: Flask = state.app
    if EXTENSION not in app.extensions:
        settings = getattr(app.extensions.get("council_kg"), "settings", None) or Settings.load()
        app.extensions[EXTENSION] = build_service(settings)


def service() -> SparqlService:
    """The SPARQL service of the current app."""
    return current_app.extensions[EXTENSION]


@bp.after_request
def _cors(response: Response) -> Response:
    if request.path == "/sparql":
        response.headers.update(CORS_HEADERS)
        response.vary.add("Accept")
    return response


def _one(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise QueryError(f"give exactly one {name} parameter, not {len(values)}")
    return values[0] if values else None


def _read_request() -> tuple[str | None, list[str], list[str]]:
    """The query text and the protocol's dataset parameters, per SPARQL 1.1 Protocol §2.1."""
    args = request.args
    default, named = args.getlist("default-graph-uri"), args.getlist("named-graph-uri")
    if request.method == "GET":
        if "update" in args:
            raise QueryRefused("this endpoint is read-only: SPARQL Update is refused")
        return _one(args.getlist("query"), "query"), default, named
    mimetype = request.mimetype
    if mimetype == "application/x-www-form-urlencoded":
        form = request.form
        if "update" in form or "update" in args:
            raise QueryRefused("this endpoint is read-only: SPARQL Update is refused")
        default += form.getlist("default-graph-uri")
        named += form.getlist("named-graph-uri")
        query = _one(form.getlist("query") + args.getlist("query"), "query")
        if query is None:
            raise QueryError("the form has no query parameter")
        return query, default, named
    if mimetype == "application/sparql-update":
        raise QueryRefused("this endpoint is read-only: SPARQL Update is refused")
    if mimetype == "application/sparql-query":
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise QueryError(f"a query body must be UTF-8, not {charset}")
        try:
            text = request.get_data().decode("utf-8")
        except UnicodeDecodeError:
            raise QueryError("the query body is not valid UTF-8") from None
        if "query" in args:
            raise QueryError("give the query either as the body or as a parameter, not both")
        return text, default, named
    raise UnsupportedMediaType(
        "POST a query as application/x-www-form-urlencoded or application/sparql-query"
    )


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
def sparql():
    """Answer one SPARQL query, or describe the service."""
    if request.method == "OPTIONS":
        return Response(status=204)
    text, default, named = _read_request()
    if text is None:
        return service_description()
    svc = service()
    snap = knowledge_base().current() if svc.remote is None else None
    graph = getattr(snap, "graph", None)

    names: set[str] | None = None

    def is_local(iri: str) -> bool:
        nonlocal names
        if names is None:
            store = svc.remote or graph
            names = store.graph_names() if store is not None else set()
        return iri in names

    checked = check_query(text, is_local)
    fmt = negotiate(checked.form, request.accept_mimetypes, request.values.get("format"))
    job = QueryJob(
        query=checked,
        result_format=fmt,
        store=str(graph.path) if graph is not None else None,
        version=snap.generation if snap is not None else None,
        default_graphs=tuple(default) if default or named else None,
        named_graphs=tuple(named) if default or named else None,
        max_rows=svc.settings.sparql_max_rows,
        base_iri=request.base_url,
    )
    rendered = svc.runner.run(job, _timeout(svc.settings))
    response = Response(rendered.body, mimetype=rendered.media_type)
    if fmt.media_type.startswith("text/") or "json" in fmt.media_type:
        response.charset = "utf-8"
    response.headers["X-SPARQL-Rows"] = str(rendered.rows)
    if rendered.truncated:
        response.headers["X-SPARQL-Truncated"] = "true"
    return response


def _timeout(settings: Settings) -> float:
    raw = request.values.get("timeout")
    if not raw:
        return settings.sparql_timeout
    try:
        wanted = float(raw)
    except ValueError:
        raise QueryError(f"timeout must be a number of seconds, got {raw!r}") from None
    if not wanted > 0:
        raise QueryError("timeout must be positive")
    return min(wanted, settings.sparql_max_timeout)


def _graph_format() -> ResultFormat:
    return negotiate("CONSTRUCT", request.accept_mimetypes, request.args.get("format"))


def service_description() -> Response:
    """The SPARQL 1.1 Service Description of this endpoint."""
    fmt = _graph_format()
    me = ox.NamedNode(request.base_url)
    sd = lambda local: ox.NamedNode(SD + local)  # noqa: E731
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    dataset, default = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(me, a, sd("Service")),
        ox.Triple(me, sd("endpoint"), me),
        ox.Triple(me, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(me, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(me, sd("defaultDataset"), dataset),
        ox.Triple(dataset, a, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, a, sd("Graph")),
    ]
    triples += [ox.Triple(me, sd("resultFormat"), ox.NamedNode(FORMATS_NS + f)) for f in RESULT_FORMAT_IRIS]
    svc = service()
    store = svc.remote or knowledge_base().current().graph
    for name in sorted(store.graph_names()) if store is not None else ():
        node = ox.BlankNode()
        triples += [ox.Triple(dataset, sd("namedGraph"), node), ox.Triple(node, sd("name"), ox.NamedNode(name))]
    rendered = render(triples, fmt, max_rows=len(triples))
    return Response(rendered.body, mimetype=rendered.media_type)


@bp.get("/dump")
def dump():
    """The whole graph as a file: ``format=nquads`` (default, keeps named graphs), trig, turtle, jsonld."""
    name = request.args.get("format", "nquads")
    if name not in DUMP_FORMATS:
        raise QueryError(f"unknown dump format {name!r}; choose one of {', '.join(DUMP_FORMATS)}")
    rdf_format, media_type = DUMP_FORMATS[name]
    svc = service()
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    if svc.remote is not None:
        svc.remote.dump(spool, rdf_format)
    else:
        graph = knowledge_base().current().graph
        if graph is not None:
            export_graph(graph, name, spool)
    spool.seek(0)
    return send_file(spool, mimetype=media_type, as_attachment=True,
                     download_name=f"council-kg.{rdf_format.file_extension}")


@bp.get("/ontology")
def ontology():
    """The vocabulary at its own IRI: Turtle (or another RDF syntax) or HTML documentation."""
    if not ONTOLOGY.is_file():
        raise HttpNotFound("the ontology file is not installed")
    offered = ["text/html", *(m for f in GRAPH_FORMATS for m in (f.media_type, *f.also_accepts))]
    best = request.accept_mimetypes.best_match(offered, default="text/turtle")
    wanted = request.args.get("format")
    if wanted == "html" or (wanted is None and best == "text/html"):
        from api.ontology_html import ontology_html

        return Response(ontology_html(ONTOLOGY), mimetype="text/html")
    fmt = _graph_format()
    if fmt.name == "turtle":
        return send_file(ONTOLOGY, mimetype="text/turtle")
    try:
        triples = [q.triple for q in ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)]
    except (SyntaxError, OSError) as exc:
        raise StoreError(f"{ONTOLOGY}: unreadable ontology: {exc}") from exc
    rendered = render(triples, fmt, max_rows=len(triples))
    return Response(rendered.body, mimetype=rendered.media_type)
