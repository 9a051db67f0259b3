"""The pages' SPARQL: templates loaded by name, IRIs bound safely, results as plain terms.

A template marks where an IRI goes with ``%name%``; :func:`bind` puts ``<iri>`` there after
checking the IRI cannot break out of its angle brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from kg.errors import QueryError

QUERIES = Path(__file__).resolve().parent / "queries"
_UNSAFE_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_MARK = re.compile(r"%([a-z_]+)%")


@dataclass(frozen=True)
class Term:
    """One RDF term as a page needs it: an IRI, a literal (with datatype or language) or a blank."""

    kind: str  # iri | literal | blank
    value: str
    datatype: str | None = None
    language: str | None = None

    @property
    def is_iri(self) -> bool:
        """Whether this term names a node by IRI."""
        return self.kind == "iri"


def load(name: str) -> str:
    """The text of ``queries/<name>.rq``."""
    path = QUERIES / f"{name}.rq"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.is_file():
        raise QueryError(f"no page query named {name!r}")
    return path.read_text(encoding="utf-8")


def safe_iri(iri: str) -> str:
    """``iri`` unchanged, or QueryError when it could not stand inside ``<...>``."""
    if not iri or _UNSAFE_IRI.search(iri):
        raise QueryError(f"not a usable IRI: {iri!r}")
    return iri


def bind(template: str, **iris: str) -> str:
    """``template`` with each ``%name%`` replaced by ``<iri>``."""

    def put(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in iris:
            raise QueryError(f"query needs an IRI for %{key}%")
        return f"<{safe_iri(iris[key])}>"

    return _MARK.sub(put, template)


def term(node: object | None) -> Term | None:
    """A pyoxigraph term as a :class:`Term`."""
    if node is None:
        return None
    if isinstance(node, ox.NamedNode):
        return Term("iri", node.value)
    if isinstance(node, ox.Literal):
        return Term("literal", node.value, node.datatype.value if node.datatype else None, node.language)
    if isinstance(node, ox.BlankNode):
        return Term("blank", node.value)
    return Term("literal", str(node))


def select(graph, name: str, **iris: str) -> list[dict[str, Term]]:
    """Run the named SELECT over ``graph`` (a GraphStore); rows as ``{variable: Term}``."""
    if graph is None:
        return []
    solutions = graph.query(bind(load(name), **iris))
    names = [v.value for v in solutions.variables]
    return [_row(names, solution) for solution in solutions]


def _row(names: list[str], solution) -> dict[str, Term]:
    out: dict[str, Term] = {}
    for name in names:
        value = term(solution[name])
        if value is not None:
            out[name] = value
    return out


def column(rows: list[dict[str, Term]], name: str) -> Iterator[str]:
    """The values of one variable across rows, where bound."""
    return (r[name].value for r in rows if name in r)
