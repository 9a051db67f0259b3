"""HTML documentation of the ontology, generated from ``ontology/council.ttl`` on request.

A small, dependency-free page in the spirit of LODE/pyLODE: the ontology's title and
description, then every class and property with its IRI, label, comment, domain, range and
super-terms, each with an anchor named after its local name so ``…/ontology#Decision`` lands
on the term.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SECTIONS = (
    ("Classes", f"{{ ?t a <{OWL}Class> }} UNION {{ ?t a <{RDFS}Class> }}"),
    ("Object properties", f"{{ ?t a <{OWL}ObjectProperty> }}"),
    ("Datatype properties", f"{{ ?t a <{OWL}DatatypeProperty> }}"),
    ("Other properties", f"{{ ?t a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> }} UNION "
                         f"{{ ?t a <{OWL}AnnotationProperty> }}"),
)
DETAILS = (("Sub-class of", RDFS + "subClassOf"), ("Sub-property of", RDFS + "subPropertyOf"),
           ("Domain", RDFS + "domain"), ("Range", RDFS + "range"), ("Equivalent", OWL + "equivalentClass"))


def _text(store: ox.Store, subject: ox.NamedNode, predicate: str) -> str:
    values = [q.object.value for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]
    return values[0] if values else ""


def _link(term, base: str) -> str:
    if not isinstance(term, ox.NamedNode):
        return "(anonymous)"
    iri = term.value
    label = iri[len(base):] if base and iri.startswith(base) else iri
    href = f"#{label}" if base and iri.startswith(base) else iri
    return f'<a href="{escape(href)}">{escape(label)}</a>'


def ontology_html(path: Path) -> str:
    """The documentation page of the ontology file at ``path``."""
    store = ox.Store()
    try:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, OSError) as exc:
        raise StoreError(f"{path}: unreadable ontology: {exc}") from exc
    onto = next(iter(store.query(f"SELECT ?o WHERE {{ ?o a <{OWL}Ontology> }} LIMIT 1")), None)
    onto_node = onto["o"] if onto else None
    base = onto_node.value.rstrip("#/") + "#" if isinstance(onto_node, ox.NamedNode) else ""
    title = (_text(store, onto_node, "http://purl.org/dc/terms/title") or _text(store, onto_node, RDFS + "label")
             if isinstance(onto_node, ox.NamedNode) else "") or "Council KG ontology"
    description = (_text(store, onto_node, "http://purl.org/dc/terms/description")
                   or _text(store, onto_node, RDFS + "comment")) if isinstance(onto_node, ox.NamedNode) else ""
    parts = [f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}</title>",
             # the site's stylesheet, not an inline <style>: the Content-Security-Policy forbids those
             '<link rel="stylesheet" href="/static/css/site.css"></head><body><main class="ontology">',
             f"<h1>{escape(title)}</h1>"]
    if isinstance(onto_node, ox.NamedNode):
        parts.append(f"<p>IRI: <code>{escape(onto_node.value)}</code> · "
                     '<a href="?format=turtle">Turtle</a></p>')
    if description:
        parts.append(f"<p>{escape(description)}</p>")
    for heading, pattern in SECTIONS:
        terms = sorted({r["t"].value for r in store.query(f"SELECT DISTINCT ?t WHERE {{ {pattern} }}")
                        if isinstance(r["t"], ox.NamedNode)})
        if not terms:
            continue
        parts.append(f"<h2>{heading}</h2>")
        for iri in terms:
            node = ox.NamedNode(iri)
            anchor = iri[len(base):] if base and iri.startswith(base) else iri
            label = _text(store, node, RDFS + "label") or anchor
            parts.append(f'<section id="{escape(anchor)}"><h3>{escape(label)}</h3>'
                         f"<p><code>{escape(iri)}</code></p>")
            comment = _text(store, node, RDFS + "comment")
            if comment:
                parts.append(f"<p>{escape(comment)}</p>")
            for name, predicate in DETAILS:
                objects = [q.object for q in store.quads_for_pattern(node, ox.NamedNode(predicate), None)]
                if objects:
                    parts.append(f"<p>{name}: " + ", ".join(_link(o, base) for o in objects) + "</p>")
            parts.append("</section>")
    parts.append("</main></body></html>")
    return "".join(parts)
