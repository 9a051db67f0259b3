"""Query rows as plain dictionaries of strings, the shape templates read most easily."""

from __future__ import annotations

from kg.pages.sparql import select


def plain(graph, name: str, **iris: str) -> list[dict[str, str]]:
    """Rows of the named page query with each bound variable as its string value."""
    return [{k: t.value for k, t in row.items()} for row in select(graph, name, **iris)]


def unique(rows: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    """The first row for each distinct value of ``key`` (rows lacking it are dropped)."""
    seen: set[str] = set()
    out = []
    for row in rows:
        value = row.get(key)
        if value is not None and value not in seen:
            seen.add(value)
            out.append(row)
    return out
