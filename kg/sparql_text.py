"""Plain-text rendering of SPARQL results for the command line."""

from __future__ import annotations

import io

import pyoxigraph as ox


def term_text(term) -> str:
    """A term as a person reads it: IRIs in angle brackets, literals as their value."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def format_result(result) -> str:
    """SELECT results as tab-separated rows with a header; ASK as true/false; graphs as N-Triples."""
    if isinstance(result, bool):
        return "true" if result else "false"
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        lines = ["\t".join("?" + n for n in names)]
        lines.extend("\t".join(term_text(row[n]) for n in names) for row in result)
        return "\n".join(lines)
    buffer = io.BytesIO()
    ox.serialize(result, buffer, ox.RdfFormat.N_TRIPLES)
    return buffer.getvalue().decode("utf-8").rstrip("\n")
