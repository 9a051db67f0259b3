"""Extracted facts to triples in the document's own named graph.

Shared nodes (council, bodies, people, posts, measures, topics) get IRIs from
``kg.resolve`` keys, so the same real thing is one node across every document's graph; each
graph repeats the few label triples it needs, so removing a document never orphans a label
another document still uses. Facts particular to a document (decisions, observations, post
holdings) get IRIs scoped by the document and carry ``prov:wasDerivedFrom`` the paragraph
they were read from, with the character offsets of their source text.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

import pyoxigraph as ox

from kg import vocab as v
from kg.facts import DocumentFacts, Evidence, Period
from kg.graphstore import Triple
from kg.records import Document
from kg.resolve import body_key, council_key, fold, ons_code, person_key, person_name, post_key
from kg.triples import XSD_DATE, integer, iri, text

XSD_DECIMAL = ox.NamedNode(v.XSD + "decimal")
TRUE = ox.Literal("true", datatype=ox.NamedNode(v.XSD + "boolean"))
_BODY_CLASSES = {
    "committee": v.COMMITTEE, "board": v.BOARD, "cabinet": v.CABINET, "council": v.COUNCIL,
    "partnership": v.PARTNERSHIP, "external": v.EXTERNAL_BODY,
}
_ROLE_PROPERTY = {"report_from": v.REPORT_FROM, "author": v.AUTHOR, "lead_officer": v.LEAD_OFFICER}


def _date(d: date) -> ox.Literal:
    return ox.Literal(d.isoformat(), datatype=XSD_DATE)


class _Mapper:
    """Mints the IRIs of one document's facts; keeps the document and council at hand."""

    def __init__(self, doc: Document, facts: DocumentFacts, minter: v.IriMinter) -> None:
        self.doc, self.facts, self.minter = doc, facts, minter
        self.council = facts.council
        self.d = iri(minter.document(doc.id))

    def person(self, name: str) -> ox.NamedNode:
        return iri(self.minter.node("person", person_key(name, self.council)))

    def post(self, title: str) -> ox.NamedNode:
        return iri(self.minter.node("post", post_key(title, self.council)))

    def body(self, name: str) -> ox.NamedNode:
        if self.council and fold(name) == fold(self.council):
            return self.council_node()
        return iri(self.minter.node("body", body_key(name, self.council)))

    def council_node(self) -> ox.NamedNode:
        return iri(self.minter.node("council", council_key(self.council or "unknown")))

    def local(self, kind: str, key: str) -> ox.NamedNode:
        return iri(self.minter.node(kind, f"{self.doc.id} {key}"))

    def provenance(self, node: ox.NamedNode, ev: Evidence | None) -> Iterator[Triple]:
        if ev is None:
            yield node, iri(v.PROV_DERIVED), self.d
            return
        yield node, iri(v.PROV_DERIVED), iri(self.minter.paragraph(ev.paragraph_id))
        yield node, iri(v.START_OFFSET), integer(ev.start)
        yield node, iri(v.END_OFFSET), integer(ev.end)


def fact_triples(doc: Document, facts: DocumentFacts, minter: v.IriMinter) -> Iterator[Triple]:
    """Every triple the facts of one document contribute to its named graph."""
    m = _Mapper(doc, facts, minter)
    yield from _organisations(m)
    meeting = yield from _meeting(m)
    yield from _people(m)
    yield from _decisions(m, meeting)
    yield from _observations(m)
    yield from _topics(m)


def _label(node: ox.NamedNode, label: str) -> Iterator[Triple]:
    yield node, iri(v.RDFS_LABEL), text(label)
    yield node, iri(v.SKOS_PREF_LABEL), text(label)


def _organisations(m: _Mapper) -> Iterator[Triple]:
    if m.council:
        c = m.council_node()
        yield c, iri(v.RDF_TYPE), iri(v.COUNCIL)
        yield c, iri(v.RDF_TYPE), iri(v.BODY)
        yield c, iri(v.RDF_TYPE), iri(v.ORG_ORGANIZATION)
        yield from _label(c, m.council)
        yield m.d, iri(v.COUNCIL_OF), c
        if code := ons_code(m.council):
            yield c, iri(v.ONS_CODE), text(code)
    for b in m.facts.bodies:
        node = m.body(b.name)
        if m.council and node == m.council_node():
            continue
        yield node, iri(v.RDF_TYPE), iri(_BODY_CLASSES.get(b.kind, v.BODY))
        yield node, iri(v.RDF_TYPE), iri(v.BODY)
        yield node, iri(v.RDF_TYPE), iri(v.ORG_ORGANIZATION)
        yield node, iri(v.BODY_KIND), text(b.kind)
        yield from _label(node, b.name)
        if b.parent:
            yield node, iri(v.ORG_SUB_ORG), m.body(b.parent)
        yield node, iri(v.ATTESTED_IN), m.d


def _meeting(m: _Mapper):
    """Meeting and agenda item nodes; returns (meeting IRI, agenda item IRI) or (None, None)."""
    info = m.facts.meeting
    if info is None:
        return None, None
    node = iri(m.minter.node("meeting", f"{body_key(info.body, m.council)} {info.date.isoformat()}"))
    yield node, iri(v.RDF_TYPE), iri(v.MEETING)
    yield node, iri(v.RDFS_LABEL), text(f"{info.body}, {info.date.isoformat()}")
    yield node, iri(v.HELD_BY), m.body(info.body)
    yield node, iri(v.DC_DATE), _date(info.date)
    if info.time:
        yield node, iri(v.START_TIME), text(info.time)
    if info.venue:
        yield node, iri(v.VENUE), text(info.venue)
    if info.cancelled:
        yield node, iri(v.CANCELLED), TRUE
    yield m.d, iri(v.FOR_MEETING), node
    item_node = None
    for entry in info.agenda:
        a = iri(m.minter.node("agenda-item", f"{node.value} {fold(entry.title)}"))
        yield a, iri(v.RDF_TYPE), iri(v.AGENDA_ITEM)
        yield a, iri(v.DC_TITLE), text(entry.title)
        yield a, iri(v.RDFS_LABEL), text(entry.title)
        yield a, iri(v.ON_AGENDA_OF), node
        if entry.number:
            yield a, iri(v.AGENDA_NUMBER), text(entry.number)
    if info.item_title:
        item_node = iri(m.minter.node("agenda-item", f"{node.value} {fold(info.item_title)}"))
        yield item_node, iri(v.RDF_TYPE), iri(v.AGENDA_ITEM)
        yield item_node, iri(v.DC_TITLE), text(info.item_title)
        yield item_node, iri(v.RDFS_LABEL), text(info.item_title)
        yield item_node, iri(v.ON_AGENDA_OF), node
        yield m.d, iri(v.ABOUT_AGENDA_ITEM), item_node
    return node, item_node


def _person(m: _Mapper, name: str) -> Iterator[Triple]:
    p = m.person(name)
    yield p, iri(v.RDF_TYPE), iri(v.PERSON)
    yield p, iri(v.RDF_TYPE), iri(v.FOAF + "Person")
    yield p, iri(v.RDFS_LABEL), text(person_name(name))
    yield p, iri(v.FOAF_NAME), text(person_name(name))


def _people(m: _Mapper) -> Iterator[Triple]:
    when = m.facts.meeting.date if m.facts.meeting else m.doc.meta.meeting_date
    for h in m.facts.holdings:
        person, post = m.person(h.person), m.post(h.post)
        yield from _person(m, h.person)
        yield post, iri(v.RDF_TYPE), iri(v.POST)
        yield post, iri(v.RDF_TYPE), iri(v.ORG_POST)
        yield post, iri(v.RDFS_LABEL), text(h.post)
        yield post, iri(v.SKOS_ALT_LABEL), text(h.post)
        if m.council:
            yield post, iri(v.ORG_POST_IN), m.council_node()
        yield post, iri(v.ORG_HELD_BY), person
        yield person, iri(v.ORG_HOLDS), post
        node = m.local("post-holding", f"{fold(h.person)} {fold(h.post)}")
        yield node, iri(v.RDF_TYPE), iri(v.POST_HOLDING)
        yield node, iri(v.HOLDER), person
        yield node, iri(v.HOLDS_POST), post
        yield node, iri(v.CAPACITY), text(h.role)
        yield node, iri(v.ATTESTED_IN), m.d
        if when:
            yield node, iri(v.ATTESTED_ON), _date(when)
        yield from m.provenance(node, h.evidence)
        if h.role in _ROLE_PROPERTY:
            yield m.d, iri(_ROLE_PROPERTY[h.role]), person
    for mention in m.facts.people:
        yield from _person(m, mention.person)
        yield m.person(mention.person), iri(v.ATTESTED_IN), m.d
    for ms in m.facts.memberships:
        node = m.local("membership", f"{fold(ms.person)} {fold(ms.body)}")
        yield from _person(m, ms.person)
        yield node, iri(v.RDF_TYPE), iri(v.MEMBERSHIP)
        yield node, iri(v.RDF_TYPE), iri(v.ORG_MEMBERSHIP)
        yield node, iri(v.ORG_MEMBER), m.person(ms.person)
        yield node, iri(v.ORG_ORGANIZATION_P), m.body(ms.body)
        yield node, iri(v.ATTESTED_IN), m.d
        yield node, iri(v.PROV_DERIVED), m.d
        if when:
            yield node, iri(v.ATTESTED_ON), _date(when)
        if ms.role:
            role = iri(m.minter.node("role", fold(ms.role)))
            yield role, iri(v.RDF_TYPE), iri(v.ORG_ROLE_CLASS)
            yield role, iri(v.RDFS_LABEL), text(ms.role)
            yield node, iri(v.ORG_ROLE), role
        if ms.ward:
            yield node, iri(v.WARD), text(ms.ward)
        if ms.party:
            yield from _party_membership(m, ms.person, ms.party, when)
    for i, pm in enumerate(m.facts.post_mentions):
        node = m.local("post-mention", str(pm.evidence.start))
        post = m.post(pm.post)
        yield post, iri(v.RDF_TYPE), iri(v.POST)
        yield post, iri(v.RDF_TYPE), iri(v.ORG_POST)
        yield post, iri(v.RDFS_LABEL), text(pm.post)
        if m.council:
            yield post, iri(v.ORG_POST_IN), m.council_node()
        yield node, iri(v.RDF_TYPE), iri(v.POST_MENTION)
        yield node, iri(v.MENTIONS_POST), post
        yield node, iri(v.ATTESTED_IN), m.d
        if pm.holder:
            yield node, iri(v.REFERS_TO), m.person(pm.holder)
        yield from m.provenance(node, pm.evidence)


def _party_membership(m: _Mapper, person: str, party: str, when: date | None) -> Iterator[Triple]:
    """A person's membership of a political party (group), as an attendance record states it.

    The party is keyed by its name as written within the council ("LAB" in Manchester's records),
    because councils name and abbreviate their groups differently.
    """
    scope = council_key(m.council) if m.council else "any"
    org = iri(m.minter.node("party", f"{scope} {fold(party)}"))
    yield org, iri(v.RDF_TYPE), iri(v.POLITICAL_PARTY)
    yield org, iri(v.RDF_TYPE), iri(v.ORG_ORGANIZATION)
    yield from _label(org, party)
    node = m.local("party-membership", f"{fold(person)} {fold(party)}")
    yield node, iri(v.RDF_TYPE), iri(v.PARTY_MEMBERSHIP)
    yield node, iri(v.RDF_TYPE), iri(v.ORG_MEMBERSHIP)
    yield node, iri(v.ORG_MEMBER), m.person(person)
    yield node, iri(v.ORG_ORGANIZATION_P), org
    yield node, iri(v.ATTESTED_IN), m.d
    yield node, iri(v.PROV_DERIVED), m.d
    if when:
        yield node, iri(v.ATTESTED_ON), _date(when)


def _decisions(m: _Mapper, meeting: tuple) -> Iterator[Triple]:
    meeting_node, item_node = meeting
    for i, dcs in enumerate(m.facts.decisions):
        node = m.local("decision", f"{i + 1}")
        yield node, iri(v.RDF_TYPE), iri(v.DECISION)
        yield node, iri(v.DECISION_TEXT), text(dcs.text)
        yield node, iri(v.RDFS_LABEL), text(f"{dcs.label + ') ' if dcs.label else ''}{dcs.text}"[:200])
        yield node, iri(v.DECISION_VERB), text(dcs.verb)
        yield node, iri(v.RECORDED_IN), m.d
        if dcs.label:
            yield node, iri(v.CLAUSE_LABEL), text(dcs.label)
        if dcs.body:
            yield node, iri(v.DECIDED_BY), m.body(dcs.body)
        if dcs.made_on is not None and m.facts.meeting is not None:  # reported from an earlier meeting
            yield from _earlier_meeting(m, node, dcs.made_on)
        elif meeting_node is not None:
            yield node, iri(v.MADE_AT), meeting_node
            if item_node is not None:
                yield node, iri(v.ON_AGENDA_ITEM), item_node
        yield from m.provenance(node, dcs.evidence)
        for a in m.facts.actions:
            if a.evidence == dcs.evidence:
                yield m.local("action", fold(a.subject)), iri(v.ARISING_FROM), node
    for a in m.facts.actions:
        node = m.local("action", fold(a.subject))
        yield node, iri(v.RDF_TYPE), iri(v.ACTION)
        yield node, iri(v.ACTION_TEXT), text(a.text)
        yield node, iri(v.ACTION_SUBJECT), text(a.subject)
        yield node, iri(v.RDFS_LABEL), text(f"Report back: {a.subject}"[:200])
        yield node, iri(v.ACTION_STATUS), text("open")
        if a.requested_by:
            yield node, iri(v.REQUESTED_BY), m.body(a.requested_by)
        if meeting_node is not None:
            yield node, iri(v.MADE_AT), meeting_node
        yield from m.provenance(node, a.evidence)
    for i, r in enumerate(m.facts.recommendations):
        node = m.local("recommendation", f"{i + 1}")
        yield node, iri(v.RDF_TYPE), iri(v.RECOMMENDATION)
        yield node, iri(v.RECOMMENDATION_TEXT), text(r.text)
        yield node, iri(v.RDFS_LABEL), text(r.text[:200])
        yield node, iri(v.IN_REPORT), m.d
        if r.label:
            yield node, iri(v.CLAUSE_LABEL), text(r.label)
        if m.facts.meeting is not None:
            yield node, iri(v.ADDRESSED_TO), m.body(m.facts.meeting.body)
        if meeting_node is not None:
            yield node, iri(v.FOR_MEETING), meeting_node
        if r.answered_by is not None:
            yield node, iri(v.ANSWERED_BY), m.local("decision", f"{r.answered_by + 1}")
        yield from m.provenance(node, r.evidence)


def _earlier_meeting(m: _Mapper, decision: ox.NamedNode, day: date) -> Iterator[Triple]:
    """The meeting, of the same body, at which a reported decision was made."""
    body = m.facts.meeting.body
    node = iri(m.minter.node("meeting", f"{body_key(body, m.council)} {day.isoformat()}"))
    yield node, iri(v.RDF_TYPE), iri(v.MEETING)
    yield node, iri(v.RDFS_LABEL), text(f"{body}, {day.isoformat()}")
    yield node, iri(v.HELD_BY), m.body(body)
    yield node, iri(v.DC_DATE), _date(day)
    yield decision, iri(v.MADE_AT), node


def _period(m: _Mapper, p: Period) -> tuple[ox.NamedNode, list[Triple]]:
    start = p.start.isoformat() if p.start else "open"
    end = p.end.isoformat() if p.end else "open"
    node = iri(m.minter.node("period", f"{start} {end}"))
    out: list[Triple] = [(node, iri(v.RDF_TYPE), iri(v.PERIOD)), (node, iri(v.RDFS_LABEL), text(f"{start}/{end}"))]
    if p.start:
        out.append((node, iri(v.PERIOD_START), _date(p.start)))
    if p.end:
        out.append((node, iri(v.PERIOD_END), _date(p.end)))
    return node, out


def _observations(m: _Mapper) -> Iterator[Triple]:
    if not m.facts.observations:
        return
    dataset = iri(m.minter.node("dataset", f"{council_key(m.council or 'unknown')} metrics"))
    yield dataset, iri(v.RDF_TYPE), iri(v.QB_DATASET_CLASS)
    yield dataset, iri(v.RDF_TYPE), iri(v.METRICS_DATASET)
    yield dataset, iri(v.RDFS_LABEL), text(f"Metrics reported in {m.council or 'council'} papers")
    for o in m.facts.observations:
        node = m.local("observation", str(o.value_start))
        measure = iri(m.minter.node("measure", fold(o.measure)))
        unit = iri(m.minter.node("unit", o.unit))
        yield node, iri(v.RDF_TYPE), iri(v.OBSERVATION)
        yield node, iri(v.RDF_TYPE), iri(v.QB + "Observation")
        yield node, iri(v.QB_DATASET), dataset
        yield node, iri(v.SDMX_OBS_VALUE), ox.Literal(format(o.value.normalize(), "f"), datatype=XSD_DECIMAL)
        yield node, iri(v.MEASURE_OF), measure
        yield node, iri(v.SDMX_UNIT), unit
        yield node, iri(v.SOURCE_SENTENCE), text(o.evidence.text)
        yield node, iri(v.VALUE_START), integer(o.value_start)
        yield node, iri(v.VALUE_END), integer(o.value_end)
        yield node, iri(v.RECORDED_IN), m.d
        yield node, iri(v.RDFS_LABEL), text(f"{o.measure}: {o.value} {o.unit}"[:200])
        if o.qualifier:
            yield node, iri(v.QUALIFIER), text(o.qualifier)
        if o.period:
            period, triples = _period(m, o.period)
            yield from triples
            yield node, iri(v.SDMX_REF_PERIOD), period
            yield node, iri(v.PERIOD_LABEL), text(o.period.label)
        if o.area:
            area = m.council_node() if m.council and o.area == m.council else iri(m.minter.node("area", fold(o.area)))
            if area != m.council_node():
                yield area, iri(v.RDF_TYPE), iri(v.AREA)
                yield area, iri(v.RDFS_LABEL), text(o.area)
            yield node, iri(v.SDMX_REF_AREA), area
        yield measure, iri(v.RDF_TYPE), iri(v.MEASURE)
        yield from _label(measure, o.measure)
        yield unit, iri(v.RDF_TYPE), iri(v.UNIT)
        yield unit, iri(v.RDFS_LABEL), text(o.unit)
        yield from m.provenance(node, o.evidence)


def _topics(m: _Mapper) -> Iterator[Triple]:
    if not m.facts.topics:
        return
    scheme = iri(m.minter.node("scheme", "service-areas"))
    yield scheme, iri(v.RDF_TYPE), iri(v.SKOS_CONCEPT_SCHEME)
    yield scheme, iri(v.RDFS_LABEL), text("Service areas named in council papers")
    for t in m.facts.topics:
        node = iri(m.minter.node("topic", fold(t.label)))
        yield node, iri(v.RDF_TYPE), iri(v.TOPIC)
        yield node, iri(v.RDF_TYPE), iri(v.SKOS + "Concept")
        yield node, iri(v.SKOS_IN_SCHEME), scheme
        yield from _label(node, t.label)
        for pid in t.paragraph_ids:
            yield iri(m.minter.paragraph(pid)), iri(v.DC_SUBJECT), node
