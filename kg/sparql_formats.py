"""SPARQL result formats: the registry, content negotiation and capped serialisers.

``SELECT`` / ``ASK`` results are written as SPARQL 1.1 Query Results JSON, XML, CSV or TSV;
``CONSTRUCT`` / ``DESCRIBE`` graphs as Turtle, N-Triples, JSON-LD or RDF/XML. Solutions are
written here (not by pyoxigraph's serialiser) so that a result can be cut at the row cap with
an explicit flag: the reply says ``truncated`` and the HTTP layer turns that into a header; in
JSON and XML results the standard ``link`` element of the head also points at the note.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.errors import NotAcceptable

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
TRUNCATED_LINK = "https://w3id.org/council-kg/sparql#truncated"
SOLUTION_FORMS = ("SELECT", "ASK")
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class ResultFormat:
    """One way of writing results: a name for ``format=``, its media type and its forms."""

    name: str
    media_type: str
    forms: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    also_accepts: tuple[str, ...] = ()


FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("json", "application/sparql-results+json", SOLUTION_FORMS, ("srj",), ("application/json",)),
    ResultFormat("xml", "application/sparql-results+xml", SOLUTION_FORMS, ("srx",),
                 ("application/xml", "text/xml")),
    ResultFormat("csv", "text/csv", ("SELECT",)),
    ResultFormat("tsv", "text/tab-separated-values", ("SELECT",)),
    ResultFormat("turtle", "text/turtle", GRAPH_FORMS, ("ttl", "n3"), ("application/x-turtle", "text/n3")),
    ResultFormat("ntriples", "application/n-triples", GRAPH_FORMS, ("nt", "n-triples"), ("text/plain",)),
    ResultFormat("jsonld", "application/ld+json", GRAPH_FORMS, ("json-ld", "json"), ("application/json",)),
    ResultFormat("rdfxml", "application/rdf+xml", GRAPH_FORMS, ("rdf", "xml", "rdf+xml"),
                 ("application/xml", "text/xml")),
)

_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def formats_for(form: str) -> list[ResultFormat]:
    """The formats a query form can be written in, the default first."""
    return [f for f in FORMATS if form in f.forms]


def negotiate(form: str, accept: "AcceptLike | None", format_param: str | None) -> ResultFormat:
    """Choose a format from ``format=`` (a name or media type) or else the Accept header."""
    candidates = formats_for(form)
    if format_param:
        wanted = format_param.strip().lower()
        for fmt in candidates:
            if wanted in (fmt.name, fmt.media_type, *fmt.aliases, *fmt.also_accepts):
                return fmt
        names = ", ".join(f.name for f in candidates)
        raise NotAcceptable(f"format={format_param!r} cannot express {form} results; choose one of {names}")
    if accept is None or not accept:
        return candidates[0]
    offered: list[str] = []
    for fmt in candidates:
        offered.extend((fmt.media_type, *fmt.also_accepts))
    best = accept.best_match(offered)
    if best is None:
        names = ", ".join(f.media_type for f in candidates)
        raise NotAcceptable(f"none of the accepted media types can express {form} results; offered: {names}")
    return next(f for f in candidates if best in (f.media_type, *f.also_accepts))


class AcceptLike:  # pragma: no cover - typing aid for werkzeug's MIMEAccept
    """What :func:`negotiate` needs of an Accept header."""

    def best_match(self, matches: list[str]) -> str | None: ...

    def __bool__(self) -> bool: ...


@dataclass(frozen=True)
class Rendered:
    """A serialised result."""

    body: bytes
    media_type: str
    rows: int
    truncated: bool


def render(result: object, fmt: ResultFormat, max_rows: int) -> Rendered:
    """Write a pyoxigraph query result (solutions, boolean or triples) in ``fmt``."""
    if isinstance(result, (bool, ox.QueryBoolean)):
        return Rendered(_boolean(bool(result), fmt.name), fmt.media_type, 1, False)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows, truncated = _take(result, max_rows)
        writer = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt.name]
        return Rendered(writer(names, rows, truncated), fmt.media_type, len(rows), truncated)
    triples, truncated = _take(result, max_rows)
    buffer = io.BytesIO()
    from kg.vocab import PREFIXES

    prefixes = PREFIXES if fmt.name in ("turtle", "rdfxml") else None
    ox.serialize(triples, buffer, _RDF_FORMATS[fmt.name], prefixes=prefixes)
    return Rendered(buffer.getvalue(), fmt.media_type, len(triples), truncated)


def _take(items: Iterable, limit: int) -> tuple[list, bool]:
    taken: list = []
    for item in items:
        if len(taken) == limit:
            return taken, True
        taken.append(item)
    return taken, False


def _boolean(value: bool, name: str) -> bytes:
    if name == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    return json.dumps({"head": {}, "boolean": value}).encode()


def term_json(term) -> dict:
    """One RDF term in SPARQL JSON results."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    data = {"type": "literal", "value": term.value}
    if term.language:
        data["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        data["datatype"] = term.datatype.value
    return data


def _json(names: list[str], rows: list, truncated: bool) -> bytes:
    head: dict = {"vars": names}
    if truncated:
        head["link"] = [TRUNCATED_LINK]
    bindings = [{n: term_json(row[n]) for n in names if row[n] is not None} for row in rows]
    return json.dumps({"head": head, "results": {"bindings": bindings}}, ensure_ascii=False).encode()


def _term_xml(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        parts = zip(("subject", "predicate", "object"), (term.subject, term.predicate, term.object))
        return "<triple>" + "".join(f"<{k}>{_term_xml(v)}</{k}>" for k, v in parts) + "</triple>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _xml(names: list[str], rows: list, truncated: bool) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out.extend(f"<variable name={quoteattr(n)}/>" for n in names)
    if truncated:
        out.append(f"<link href={quoteattr(TRUNCATED_LINK)}/>")
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out.extend(f"<binding name={quoteattr(n)}>{_term_xml(row[n])}</binding>"
                   for n in names if row[n] is not None)
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _csv_field(term) -> str:
    if term is None:
        return ""
    text = f"_:{term.value}" if isinstance(term, ox.BlankNode) else (
        str(term) if isinstance(term, ox.Triple) else term.value)
    if any(c in text for c in '",\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv(names: list[str], rows: list, truncated: bool) -> bytes:
    lines = [",".join(names)]
    lines.extend(",".join(_csv_field(row[n]) for n in names) for row in rows)
    return ("\r\n".join(lines) + "\r\n").encode()


_BARE = {
    XSD + "integer": re.compile(r"[+-]?\d+"),
    XSD + "decimal": re.compile(r"[+-]?\d*\.\d+"),
    XSD + "double": re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+"),
    XSD + "boolean": re.compile(r"true|false"),
}


def _tsv_field(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and not term.language:
        pattern = _BARE.get(term.datatype.value)
        if pattern is not None and pattern.fullmatch(term.value):
            return term.value
        if term.datatype.value == XSD_STRING:
            return str(ox.Literal(term.value))
    return str(term)


def _tsv(names: list[str], rows: list, truncated: bool) -> bytes:
    lines = ["\t".join("?" + n for n in names)]
    lines.extend("\t".join(_tsv_field(row[n]) for n in names) for row in rows)
    return ("\n".join(lines) + "\n").encode()
