"""One document in, all its facts out: the extractors composed in the order they depend on."""

from __future__ import annotations

from typing import Iterable

from ingest.extract import bodies as bodies_mod
from ingest.extract import decisions as decisions_mod
from ingest.extract import people as people_mod
from ingest.extract.metrics import observations
from kg.facts import DocumentFacts, Membership
from kg.fact_triples import fact_triples
from kg.graphstore import Triple
from kg.records import Document
from kg.vocab import IriMinter


def extract_facts(doc: Document) -> DocumentFacts:
    """Every fact the rules find in one document, with provenance."""
    holdings = people_mod.holdings(doc)
    speaker_posts, speakers = people_mod.speakers(doc)
    holdings = holdings + [h for h in speaker_posts if h not in holdings]
    decided, actions = decisions_mod.decisions(doc)  # recommendations below link to these
    meeting = bodies_mod.meeting(doc)
    memberships = tuple(
        Membership(a.name, meeting.body, a.role, a.attendance, party=a.party, ward=a.ward)
        for a in (doc.meeting.attendees if doc.meeting else ())
        if meeting is not None
    )
    return DocumentFacts(
        document_id=doc.id,
        council=doc.meta.council,
        meeting=meeting,
        holdings=tuple(holdings),
        people=tuple(speakers),
        post_mentions=tuple(people_mod.post_mentions(doc, holdings)),
        memberships=memberships,
        bodies=tuple(bodies_mod.bodies(doc)),
        decisions=tuple(decided),
        recommendations=tuple(decisions_mod.recommendations(doc, decided)),
        actions=tuple(actions),
        observations=tuple(observations(doc)),
        topics=tuple(bodies_mod.topics(doc)),
    )


def fact_extractor(doc: Document, minter: IriMinter) -> Iterable[Triple]:
    """The ingest hook: a document's facts as triples for its named graph."""
    return list(fact_triples(doc, extract_facts(doc), minter))
