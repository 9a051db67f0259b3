"""Parse-time safety checks for the public SPARQL endpoint, before anything is evaluated.

The endpoint is read-only and never makes an outbound connection. Neither pyoxigraph nor rdflib
can cancel a query once started, and both would send HTTP requests for ``SERVICE`` (rdflib also
fetches ``FROM`` URLs), so a query is checked here first:

- every SPARQL Update form (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``,
  ``ADD``, ``MOVE``, ``COPY``, ``WITH``) is refused, whatever transport carried it;
- ``SERVICE`` is refused in every spelling: any letter case, ``SERVICE SILENT``, a variable
  endpoint (``SERVICE ?x``), nested in sub-queries, ``OPTIONAL`` or ``MINUS``;
- ``FROM`` / ``FROM NAMED`` (and the protocol's ``default-graph-uri`` / ``named-graph-uri``) may
  only name graphs this store holds: any other IRI could only mean a remote document, which
  the endpoint never fetches.

The check is lexical: comments, string literals and IRIs are skipped exactly as the SPARQL
grammar defines them, so the word ``service`` inside a literal, an IRI, a prefixed name
(``ex:service``) or a variable (``?service``) is harmless, while the keyword is caught wherever
it stands. The query's own grammar is then checked by the engine that evaluates it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator
from urllib.parse import urljoin

from kg.errors import QueryError, QueryRefused, UpdateRefused

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
MAX_QUERY_CHARS = 100_000


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed the guard, with what the endpoint needs to run it."""

    text: str
    form: str
    from_graphs: tuple[str, ...] = ()
    from_named: tuple[str, ...] = ()

    @property
    def has_dataset(self) -> bool:
        """Whether the query text names its own dataset (``FROM`` / ``FROM NAMED``)."""
        return bool(self.from_graphs or self.from_named)


@dataclass(frozen=True)
class Token:
    """One lexical unit: ``kind`` is word, pname, iri, var, string, punct or other."""

    kind: str
    text: str


_IRI = re.compile(r"<([^<>\"{}|^`\\\x00-\x20]*)>")
_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'',
    re.DOTALL,
)
_VAR = re.compile(r"[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+", re.UNICODE)
# A bare word (keyword or function name) or a prefixed name with its local part.
_NAME = re.compile(r"(?:[^\W\d][\w\-.]*)?:(?:[\w\-.:%\\]|%[0-9A-Fa-f]{2})*|[^\W\d][\w\-]*", re.UNICODE)
_LANGTAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_BNODE = re.compile(r"_:[\w\-.]+", re.UNICODE)
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)")


def tokens(text: str) -> Iterator[Token]:
    """Split SPARQL text into tokens, dropping whitespace and comments."""
    pos, end = 0, len(text)
    while pos < end:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        if ch == "#":
            newline = text.find("\n", pos)
            pos = end if newline < 0 else newline + 1
            continue
        for kind, pattern in (("iri", _IRI), ("string", _STRING), ("var", _VAR), ("bnode", _BNODE),
                              ("lang", _LANGTAG), ("number", _NUMBER), ("name", _NAME)):
            match = pattern.match(text, pos)
            if match and match.end() > pos:
                if kind == "name":
                    kind = "pname" if ":" in match.group() else "word"
                yield Token(kind, match.group())
                pos = match.end()
                break
        else:
            yield Token("punct", ch)
            pos += 1


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decode_escape(match: re.Match[str]) -> str:
    return chr(int(match.group(1) or match.group(2), 16))


def _refuse_keywords(toks: list[Token]) -> None:
    words = {t.text.upper() for t in toks if t.kind == "word"}
    updates = sorted(UPDATE_WORDS & words)
    if updates:
        raise UpdateRefused(f"this endpoint is read-only: SPARQL Update ({updates[0]}) is refused")
    if "SERVICE" in words:
        raise QueryRefused("SERVICE is refused: this endpoint makes no outbound requests")


def _graph_iri(token: Token, prefixes: dict[str, str], base: str | None) -> str:
    """The absolute IRI a FROM clause names."""
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1]) if base else token.text[1:-1]
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix not in prefixes:
            raise QueryError(f"SPARQL syntax error: undeclared prefix {prefix!r}")
        return prefixes[prefix] + local
    raise QueryError(f"SPARQL syntax error: FROM needs an IRI, found {token.text!r}")


def check_query(
    text: str,
    is_local_graph: Callable[[str], bool] | None = None,
) -> CheckedQuery:
    """Refuse updates, ``SERVICE`` and non-local ``FROM``; return the query's form and dataset.

    ``is_local_graph`` tells whether an IRI names a graph of the store; without it every
    ``FROM`` IRI is accepted (the engine treats it as a local graph name, never a URL).
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is longer than {MAX_QUERY_CHARS} characters")
    toks = list(tokens(text))
    _refuse_keywords(toks)
    if _ESCAPE.search(text):
        # SPARQL 1.1 lets \uXXXX escapes stand anywhere; some engines decode them before
        # parsing, so the decoded text must pass too.
        _refuse_keywords(list(tokens(_ESCAPE.sub(_decode_escape, text))))

    prefixes: dict[str, str] = {}
    base: str | None = None
    form: str | None = None
    from_graphs: list[str] = []
    from_named: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        word = tok.text.upper() if tok.kind == "word" else None
        if form is None and word == "BASE" and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            base = _graph_iri(toks[i + 1], prefixes, base)
            i += 2
            continue
        if (form is None and word == "PREFIX" and i + 2 < len(toks)
                and toks[i + 1].kind == "pname" and toks[i + 2].kind == "iri"):
            prefixes[toks[i + 1].text.rstrip(":")] = _graph_iri(toks[i + 2], prefixes, base)
            i += 3
            continue
        if form is None and word in QUERY_FORMS:
            form = word
        elif word == "FROM" and i + 1 < len(toks):
            named = toks[i + 1].kind == "word" and toks[i + 1].text.upper() == "NAMED"
            target = toks[i + 2] if named and i + 2 < len(toks) else toks[i + 1]
            (from_named if named else from_graphs).append(_graph_iri(target, prefixes, base))
            i += 3 if named else 2
            continue
        i += 1
    if form is None:
        raise QueryError("SPARQL syntax error: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    check_graphs(from_graphs + from_named, is_local_graph)
    return CheckedQuery(text, form, tuple(from_graphs), tuple(from_named))


def check_graphs(iris: list[str] | tuple[str, ...], is_local_graph: Callable[[str], bool] | None) -> None:
    """Refuse dataset IRIs that are not graphs of this store."""
    if is_local_graph is None:
        return
    remote = [iri for iri in iris if not is_local_graph(iri)]
    if remote:
        raise QueryRefused(
            f"<{remote[0]}> is not a graph of this store; the endpoint never fetches remote data"
        )
