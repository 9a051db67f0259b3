"""SPARQL templates of question answering: one ``.rq`` file each in ``kg/queries``, loaded by name.

A template marks its parameters ``{{name}}``; :func:`render` fills them with values it escapes
itself (IRIs, dates, strings), so question text never reaches a query unescaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from kg.errors import QueryError

_PARAM = re.compile(r"\{\{(\w+)\}\}")
_IRI_SAFE = re.compile(r"^[^<>\"{}|^`\\\s]+$")


@dataclass(frozen=True)
class Iri:
    """An IRI parameter value."""

    value: str


@dataclass(frozen=True)
class IriList:
    """A list of IRIs, rendered for a ``VALUES`` block."""

    values: tuple[str, ...]


@lru_cache(maxsize=None)  # the files are package data: immutable for the process's life
def load(name: str) -> str:
    """The text of ``kg/queries/<name>.rq``; QueryError if there is none."""
    try:
        return resources.files("kg").joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise QueryError(f"no SPARQL template named {name!r}") from exc


def names() -> list[str]:
    """Every template's name."""
    folder = resources.files("kg").joinpath("queries")
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


def parameters(name: str) -> set[str]:
    """The parameters a template expects."""
    return set(_PARAM.findall(load(name)))


def render(name: str, **values: object) -> str:
    """The template with every parameter filled; QueryError if one is missing or unsafe."""
    text = load(name)
    missing = parameters(name) - set(values)
    if missing:
        raise QueryError(f"template {name!r} needs {', '.join(sorted(missing))}")
    return _PARAM.sub(lambda m: _literal(values[m.group(1)]), text)


def _literal(value: object) -> str:
    if isinstance(value, Iri):
        return _iri(value.value)
    if isinstance(value, IriList):
        return " ".join(_iri(v) for v in value.values) or "<urn:council-kg:none>"
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^<http://www.w3.org/2001/XMLSchema#date>'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
    return f'"{escaped}"'


def _iri(value: str) -> str:
    if not _IRI_SAFE.match(value):
        raise QueryError(f"not a safe IRI: {value!r}")
    return f"<{value}>"
