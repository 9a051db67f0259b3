"""The graph store interface over any SPARQL 1.1 server (Oxigraph server, Fuseki, QLever, ...).

Reads use the SPARQL 1.1 Protocol (``POST application/sparql-query``); writes use the Graph
Store HTTP Protocol (``PUT`` / ``DELETE ?graph=``) when a graph store URL is given, else SPARQL
1.1 Update (``DROP SILENT GRAPH`` + ``INSERT DATA``). Only the standard library speaks HTTP.

The default graph of a query must be the union of the named graphs, as in the embedded store.
Servers do this by configuration (``oxigraph serve --union-default-graph``, Fuseki's
``tdb2:unionDefaultGraph``); for a server that cannot, pass ``union_default_graph=False`` and
every query is sent with all named graphs as its ``default-graph-uri`` (a query's own ``FROM``
is then overridden, as the protocol says).

Results come back as pyoxigraph objects (solutions, a boolean or a list of triples), so the
rest of Council KG cannot tell this store from :class:`kg.graphstore.OxigraphStore`.
"""

from __future__ import annotations

import io
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.graphstore import Triple
from kg.sparql_formats import Rendered, render
from kg.errors import QueryTimeout
from kg.sparql_worker import QueryJob

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


def _iri(value: str) -> str:
    if any(c in value for c in '<>"{}|^`\\ \n'):
        raise QueryError(f"not an IRI: {value!r}")
    return f"<{value}>"


class RemoteStore:
    """A :class:`kg.graphstore.GraphStore` kept by a SPARQL 1.1 server over HTTP."""

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        timeout: float = 30.0,
        union_default_graph: bool = True,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.graph_store_url = graph_store_url
        self.timeout = timeout
        self.union_default_graph = union_default_graph
        self.read_only = not (update_url or graph_store_url)

    # -- HTTP -----------------------------------------------------------------------------

    def _send(self, request: urllib.request.Request, timeout: float | None) -> tuple[str, bytes]:
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                return response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            if exc.code == 404 and request.get_method() == "DELETE":
                return "text/plain", b""
            kind = QueryError if 400 <= exc.code < 500 else StoreError
            raise kind(f"{request.full_url.split('?')[0]} answered {exc.code}: {detail}") from exc
        except (socket.timeout, TimeoutError) as exc:
            raise QueryTimeout(f"{self.query_url} did not answer within {timeout or self.timeout:g} s") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL server at {request.full_url.split('?')[0]}: {exc}") from exc

    def query(
        self,
        sparql: str,
        *,
        default_graphs: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        timeout: float | None = None,
    ):
        """Run a read-only query; returns solutions, a boolean or a list of triples."""
        params: list[tuple[str, str]] = []
        if default_graphs is None and named_graphs is None and not self.union_default_graph:
            default_graphs = named_graphs = sorted(self.graph_names())
        params += [("default-graph-uri", g) for g in default_graphs or ()]
        params += [("named-graph-uri", g) for g in named_graphs or ()]
        url = self.query_url + ("?" + urllib.parse.urlencode(params) if params else "")
        request = urllib.request.Request(
            url, data=sparql.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": ACCEPT},
        )
        media_type, body = self._send(request, timeout)
        try:
            if media_type == "application/sparql-results+json":
                return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
            if media_type == "application/sparql-results+xml":
                return ox.parse_query_results(body, ox.QueryResultsFormat.XML)
            rdf_format = ox.RdfFormat.from_media_type(media_type)
            if rdf_format is None:
                raise StoreError(f"{self.query_url} answered with unexpected media type {media_type}")
            return [quad.triple for quad in ox.parse(body, rdf_format)]
        except SyntaxError as exc:
            raise StoreError(f"{self.query_url} sent an unreadable result: {exc}") from exc

    def run(self, job: QueryJob, timeout: float) -> Rendered:
        """Answer an endpoint job (the :class:`kg.sparql_worker.QueryRunner` interface)."""
        result = self.query(job.query.text, default_graphs=job.default_graphs,
                            named_graphs=job.named_graphs, timeout=timeout)
        try:
            return render(result, job.result_format, job.max_rows)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.query_url} sent an unreadable result: {exc}") from exc

    def _update(self, text: str) -> None:
        if not self.update_url:
            raise StoreError(f"{self.query_url}: no update endpoint configured; the store is read-only")
        request = urllib.request.Request(
            self.update_url, data=text.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )
        self._send(request, None)

    def _graph_request(self, method: str, graph: str, body: bytes | None = None) -> None:
        url = f"{self.graph_store_url}?{urllib.parse.urlencode({'graph': graph})}"
        headers = {"Content-Type": "application/n-triples"} if body is not None else {}
        self._send(urllib.request.Request(url, data=body, method=method, headers=headers), None)

    # -- the GraphStore interface ---------------------------------------------------------

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        """Make ``graph`` hold exactly ``triples``."""
        if self.read_only:
            raise StoreError(f"{self.query_url}: the remote store is read-only")
        buffer = io.BytesIO()
        items = [ox.Triple(s, p, o) for s, p, o in triples]
        ox.serialize(items, buffer, ox.RdfFormat.N_TRIPLES)
        if self.graph_store_url:
            self._graph_request("PUT", graph, buffer.getvalue())
        else:
            data = buffer.getvalue().decode("utf-8")
            self._update(f"DROP SILENT GRAPH {_iri(graph)} ;\nINSERT DATA {{ GRAPH {_iri(graph)} {{\n{data}}} }}")
        return len(items)

    def remove_graph(self, graph: str) -> None:
        """Remove a named graph (no error if absent)."""
        if self.graph_store_url:
            self._graph_request("DELETE", graph)
        else:
            self._update(f"DROP SILENT GRAPH {_iri(graph)}")

    def graph_names(self) -> set[str]:
        """IRIs of the named graphs present."""
        # An explicit (empty) dataset keeps this from asking for the graph names again.
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", default_graphs=())
        return {row["g"].value for row in rows if isinstance(row["g"], ox.NamedNode)}

    def count(self, graph: str | None = None) -> int:
        """Triples in one named graph, or in all of them."""
        target = f"GRAPH {_iri(graph)}" if graph else "GRAPH ?g"
        rows = list(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {target} {{ ?s ?p ?o }} }}"))
        return int(rows[0]["n"].value)

    def quads(self, graph: str) -> Iterator[ox.Quad]:
        """Every quad of one named graph."""
        name = ox.NamedNode(graph)
        rows = self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}")
        return (ox.Quad(r["s"], r["p"], r["o"], name) for r in rows)

    def dump(self, output, format: ox.RdfFormat) -> None:
        """Serialise every named graph (as one graph when the format has no datasets)."""
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        if format.supports_datasets:
            ox.serialize((ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows), output, format)
        else:
            ox.serialize((ox.Triple(r["s"], r["p"], r["o"]) for r in rows), output, format)

    def flush(self) -> None:
        """Writes are durable once the server answered; nothing to do."""

    def close(self) -> None:
        """Nothing is held open between requests."""
