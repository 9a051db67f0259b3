"""Namespaces and the IRIs of the graph's own terms.

The ontology itself (labels, comments, alignments) lives in ``ontology/council.ttl``;
this module only names the terms code needs, so a typo is an AttributeError, not a silent miss.
"""

from __future__ import annotations

import re
from urllib.parse import quote

CKG = "https://w3id.org/council-kg/ontology#"
DEFAULT_DATA_BASE = "https://w3id.org/council-kg/id/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
QB = "http://purl.org/linked-data/cube#"
SDMX_DIMENSION = "http://purl.org/linked-data/sdmx/2009/dimension#"
SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#"
SDMX_MEASURE = "http://purl.org/linked-data/sdmx/2009/measure#"
TIME = "http://www.w3.org/2006/time#"
OPARL = "https://schema.oparl.org/1.1/"
ELI = "http://data.europa.eu/eli/ontology#"
BESLUIT = "http://data.vlaanderen.be/ns/besluit#"

PREFIXES = {
    "ckg": CKG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "dcterms": DCTERMS,
    "prov": PROV,
    "foaf": FOAF,
    "schema": SCHEMA,
    "org": ORG,
    "skos": SKOS,
    "qb": QB,
    "sdmx-dimension": SDMX_DIMENSION,
    "sdmx-attribute": SDMX_ATTRIBUTE,
    "sdmx-measure": SDMX_MEASURE,
    "time": TIME,
    "oparl": OPARL,
    "eli": ELI,
    "besluit": BESLUIT,
}

# Classes
DOCUMENT = CKG + "Document"
PARAGRAPH = CKG + "Paragraph"
MEETING = CKG + "Meeting"
AGENDA_ITEM = CKG + "AgendaItem"
COUNCIL = CKG + "Council"
BODY = CKG + "Body"

# Document and paragraph properties
CONTENT_HASH = CKG + "contentHash"
FILE_NAME = CKG + "fileName"
MEDIA_TYPE = CKG + "mediaType"
DOCUMENT_TYPE = CKG + "documentType"
HAS_PARAGRAPH = CKG + "hasParagraph"
IN_DOCUMENT = CKG + "inDocument"
TEXT = CKG + "text"
PARAGRAPH_NUMBER = CKG + "paragraphNumber"
PAGE = CKG + "page"
ORDINAL = CKG + "ordinal"
START_OFFSET = CKG + "startOffset"
END_OFFSET = CKG + "endOffset"
HEADING_PATH = CKG + "headingPath"
BLOCK_KIND = CKG + "blockKind"
MEETING_DATE = CKG + "meetingDate"
BODY_NAME = CKG + "bodyName"
COUNCIL_NAME = CKG + "councilName"
SOURCE_URL = CKG + "sourceUrl"
INGESTED_AT = CKG + "ingestedAt"

DC_TITLE = DCTERMS + "title"
DC_SOURCE = DCTERMS + "source"
DC_FORMAT = DCTERMS + "format"
DC_DATE = DCTERMS + "date"
RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"
PROV_DERIVED = PROV + "wasDerivedFrom"


class IriMinter:
    """Mints the IRIs of data nodes under one base, so a deployment can choose its own."""

    def __init__(self, base: str = DEFAULT_DATA_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def document(self, document_id: str) -> str:
        """IRI of a document node; also the name of its named graph."""
        return f"{self.base}document/{quote(document_id, safe='')}"

    def paragraph(self, paragraph_id: str) -> str:
        """IRI of a paragraph node."""
        return f"{self.base}paragraph/{quote(paragraph_id, safe='')}"

    def node(self, kind: str, key: str) -> str:
        """IRI of any other node: ``kind`` is a path segment such as ``person``."""
        return f"{self.base}{kind}/{slug(key)}"


def slug(text: str) -> str:
    """A lowercase, hyphenated, IRI-safe key for a label."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned or "x"
