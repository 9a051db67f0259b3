"""Records to triples: a document, its paragraphs and its meeting, in the document's own graph."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterator

import pyoxigraph as ox

from kg import vocab as v
from kg.graphstore import Triple
from kg.records import Document

XSD_INT = ox.NamedNode(v.XSD + "integer")
XSD_DATE = ox.NamedNode(v.XSD + "date")
XSD_DATETIME = ox.NamedNode(v.XSD + "dateTime")


def iri(value: str) -> ox.NamedNode:
    """A named node."""
    return ox.NamedNode(value)


def text(value: str) -> ox.Literal:
    """A plain string literal."""
    return ox.Literal(value)


def integer(value: int) -> ox.Literal:
    """An xsd:integer literal."""
    return ox.Literal(str(value), datatype=XSD_INT)


def document_triples(doc: Document, minter: v.IriMinter, *, ingested_at: datetime | None = None) -> Iterator[Triple]:
    """The document node, its metadata and every paragraph with text, number, page and offsets."""
    d = iri(minter.document(doc.id))
    yield d, iri(v.RDF_TYPE), iri(v.DOCUMENT)
    yield d, iri(v.CONTENT_HASH), text(doc.content_hash)
    yield d, iri(v.FILE_NAME), text(doc.file_name)
    yield d, iri(v.MEDIA_TYPE), text(doc.media_type)
    yield d, iri(v.DC_FORMAT), text(doc.media_type)
    meta = doc.meta
    if meta.title:
        yield d, iri(v.DC_TITLE), text(meta.title)
        yield d, iri(v.RDFS_LABEL), text(meta.title)
    if meta.document_type:
        yield d, iri(v.DOCUMENT_TYPE), text(meta.document_type)
    if meta.council:
        yield d, iri(v.COUNCIL_NAME), text(meta.council)
    if meta.body:
        yield d, iri(v.BODY_NAME), text(meta.body)
    if meta.meeting_date:
        yield d, iri(v.MEETING_DATE), ox.Literal(meta.meeting_date.isoformat(), datatype=XSD_DATE)
    if meta.source_url:
        yield d, iri(v.SOURCE_URL), text(meta.source_url)
        if meta.source_url.startswith(("http://", "https://")):
            yield d, iri(v.DC_SOURCE), iri(meta.source_url)
    stamp = (ingested_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    yield d, iri(v.INGESTED_AT), ox.Literal(stamp, datatype=XSD_DATETIME)
    for p in doc.paragraphs:
        node = iri(minter.paragraph(p.id))
        yield d, iri(v.HAS_PARAGRAPH), node
        yield node, iri(v.RDF_TYPE), iri(v.PARAGRAPH)
        yield node, iri(v.IN_DOCUMENT), d
        yield node, iri(v.TEXT), text(p.text)
        yield node, iri(v.ORDINAL), integer(p.ordinal)
        yield node, iri(v.BLOCK_KIND), text(p.kind.value)
        yield node, iri(v.START_OFFSET), integer(p.start)
        yield node, iri(v.END_OFFSET), integer(p.end)
        if p.number:
            yield node, iri(v.PARAGRAPH_NUMBER), text(p.number)
        if p.page is not None:
            yield node, iri(v.PAGE), integer(p.page)
        if p.heading_path:
            yield node, iri(v.HEADING_PATH), text(" > ".join(p.heading_path))
