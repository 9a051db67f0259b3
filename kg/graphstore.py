"""The graph store: one named graph per document, behind a small interface.

The embedded backend is Oxigraph on disk (pyoxigraph). Readers open it read-only and reopen it
when the catalog says a new generation was committed; only the writer (holding the data
directory's lock) opens it read-write. The default graph of a query is the union of all named
graphs, so a plain ``SELECT`` sees every document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Protocol, runtime_checkable

import pyoxigraph as ox

from kg.datadir import existing
from kg.errors import QueryError, StoreError
from kg.settings import Settings
from kg.vocab import PREFIXES

Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]


@runtime_checkable
class GraphStore(Protocol):
    """What the rest of Council KG needs from a quad store."""

    read_only: bool

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        """Make ``graph`` hold exactly ``triples``; returns how many were written."""

    def remove_graph(self, graph: str) -> None:
        """Remove a named graph and everything in it (no error if absent)."""

    def graph_names(self) -> set[str]:
        """IRIs of the named graphs present."""

    def count(self, graph: str | None = None) -> int:
        """Triples in one named graph, or in all of them."""

    def query(self, sparql: str) -> object:
        """Run a read-only SPARQL query over the union of the named graphs."""

    def dump(self, output, format: ox.RdfFormat) -> None:
        """Serialise every named graph to a binary file object."""

    def close(self) -> None:
        """Release the store."""


class OxigraphStore:
    """Oxigraph on disk: the embedded default backend."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                self._store = ox.Store.read_only(str(existing(self.path, "graph store")))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open graph store: {exc}") from exc

    @property
    def native(self) -> ox.Store:
        """The underlying pyoxigraph store, for code that needs its full API."""
        return self._store

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: graph store is open read-only")

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        self._require_writable()
        name = ox.NamedNode(graph)
        quads = [ox.Quad(s, p, o, name) for s, p, o in triples]
        if self._store.contains_named_graph(name):
            self._store.remove_graph(name)
        self._store.extend(quads)
        return len(quads)

    def remove_graph(self, graph: str) -> None:
        self._require_writable()
        name = ox.NamedNode(graph)
        if self._store.contains_named_graph(name):
            self._store.remove_graph(name)

    def graph_names(self) -> set[str]:
        return {g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)}

    def count(self, graph: str | None = None) -> int:
        target = f"GRAPH <{graph}>" if graph else "GRAPH ?g"
        rows = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {target} {{ ?s ?p ?o }} }}")
        return int(next(iter(rows))[0].value)

    def query(self, sparql: str):
        try:
            return self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"SPARQL query failed: {exc}") from exc

    def quads(self, graph: str) -> Iterator[ox.Quad]:
        """Every quad of one named graph."""
        return self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))

    def dump(self, output, format: ox.RdfFormat) -> None:
        self._store.dump(output, format=format, prefixes=PREFIXES)

    def flush(self) -> None:
        """Make writes durable before the catalog commits."""
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self._store = None  # pyoxigraph closes on release


def open_graph_store(settings: Settings, *, read_only: bool) -> GraphStore:
    """The embedded Oxigraph store of the data directory, or the SPARQL server ``graph_url`` names."""
    if settings.graph_url:
        from kg.remote_store import RemoteStore

        update = None if read_only else (settings.graph_update_url or None)
        if not read_only and update is None:
            raise StoreError(f"{settings.graph_url}: writing to a SPARQL server needs COUNCIL_KG_GRAPH_UPDATE_URL")
        return RemoteStore(settings.graph_url, update_url=update, timeout=settings.sparql_max_timeout)
    return OxigraphStore(Path(settings.data) / "graph", read_only=read_only)
