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


# --- Extracted facts (appended for issue 3; see ontology/council.ttl) ---------------------
PERSON = CKG + "Person"
POST = CKG + "Post"
POST_HOLDING = CKG + "PostHolding"
MEMBERSHIP = CKG + "Membership"
POST_MENTION = CKG + "PostMention"
COMMITTEE = CKG + "Committee"
BOARD = CKG + "Board"
CABINET = CKG + "Cabinet"
PARTNERSHIP = CKG + "Partnership"
EXTERNAL_BODY = CKG + "ExternalBody"
DECISION = CKG + "Decision"
RECOMMENDATION = CKG + "Recommendation"
ACTION = CKG + "Action"
OBSERVATION = CKG + "Observation"
MEASURE = CKG + "Measure"
UNIT = CKG + "Unit"
PERIOD = CKG + "Period"
AREA = CKG + "Area"
TOPIC = CKG + "Topic"
METRICS_DATASET = CKG + "MetricsDataSet"

HOLDER = CKG + "holder"
HOLDS_POST = CKG + "post"
CAPACITY = CKG + "capacity"
ATTESTED_ON = CKG + "attestedOn"
ATTESTED_IN = CKG + "attestedIn"
MENTIONS_POST = CKG + "mentionsPost"
REFERS_TO = CKG + "refersTo"
BODY_KIND = CKG + "bodyKind"
COUNCIL_OF = CKG + "council"
ONS_CODE = CKG + "onsCode"
FOR_MEETING = CKG + "forMeeting"
ABOUT_AGENDA_ITEM = CKG + "aboutAgendaItem"
ON_AGENDA_OF = CKG + "onAgendaOf"
AGENDA_NUMBER = CKG + "agendaNumber"
HELD_BY = CKG + "heldBy"
START_TIME = CKG + "startTime"
VENUE = CKG + "venue"
CANCELLED = CKG + "cancelled"
WARD = CKG + "ward"
POLITICAL_PARTY = CKG + "PoliticalParty"
PARTY_MEMBERSHIP = CKG + "PartyMembership"
REPORT_FROM = CKG + "reportFrom"
AUTHOR = CKG + "author"
LEAD_OFFICER = CKG + "leadOfficer"
CLAUSE_LABEL = CKG + "clauseLabel"
DECISION_TEXT = CKG + "decisionText"
DECISION_VERB = CKG + "decisionVerb"
DECIDED_BY = CKG + "decidedBy"
MADE_AT = CKG + "madeAtMeeting"
ON_AGENDA_ITEM = CKG + "onAgendaItem"
RECORDED_IN = CKG + "recordedIn"
RECOMMENDATION_TEXT = CKG + "recommendationText"
ADDRESSED_TO = CKG + "addressedTo"
IN_REPORT = CKG + "inReport"
ACTION_TEXT = CKG + "actionText"
ACTION_SUBJECT = CKG + "actionSubject"
ACTION_STATUS = CKG + "actionStatus"
REQUESTED_BY = CKG + "requestedBy"
ARISING_FROM = CKG + "arisingFrom"
MEASURE_OF = CKG + "measure"
UNIT_OF = CKG + "unit"
QUALIFIER = CKG + "qualifier"
SOURCE_SENTENCE = CKG + "sourceSentence"
VALUE_START = CKG + "valueStartOffset"
VALUE_END = CKG + "valueEndOffset"
PERIOD_START = CKG + "periodStart"
PERIOD_END = CKG + "periodEnd"
PERIOD_LABEL = CKG + "periodLabel"
ORG_POST = ORG + "Post"
ORG_ORGANIZATION = ORG + "Organization"
ORG_MEMBERSHIP = ORG + "Membership"
ORG_SUB_ORG = ORG + "subOrganizationOf"
ORG_POST_IN = ORG + "postIn"
ORG_HELD_BY = ORG + "heldBy"
ORG_HOLDS = ORG + "holds"
ORG_MEMBER = ORG + "member"
ORG_ORGANIZATION_P = ORG + "organization"
ORG_ROLE = ORG + "role"
ORG_ROLE_CLASS = ORG + "Role"
FOAF_NAME = FOAF + "name"
SKOS_PREF_LABEL = SKOS + "prefLabel"
SKOS_ALT_LABEL = SKOS + "altLabel"
SKOS_IN_SCHEME = SKOS + "inScheme"
SKOS_CONCEPT_SCHEME = SKOS + "ConceptScheme"
DC_SUBJECT = DCTERMS + "subject"
QB_DATASET = QB + "dataSet"
QB_DATASET_CLASS = QB + "DataSet"
SDMX_OBS_VALUE = SDMX_MEASURE + "obsValue"
SDMX_UNIT = SDMX_ATTRIBUTE + "unitMeasure"
SDMX_REF_PERIOD = SDMX_DIMENSION + "refPeriod"
SDMX_REF_AREA = SDMX_DIMENSION + "refArea"

# --- Appended for issue 3 (second pass): links between recommendations and decisions -------
ANSWERED_BY = CKG + "answeredBy"
