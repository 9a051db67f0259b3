"""Extraction beyond the Medway papers: ModernGov XML, parliamentary transcripts, sample papers.

The rules must hold for thousands of councils, so they are checked on sources written by other
hands: a ModernGov web-service meeting (attendees with roles), QMSum committee transcripts
(speakers with their roles) and the fictional Harwick council's papers in ``samples/papers``.
Every graph built from them must also validate against the SHACL shapes.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import rdflib

from ingest.extract.facts import extract_facts
from ingest.extract.names import looks_like_person, looks_like_post
from tests.extract.graphs import document_graph, to_rdflib

ROOT = Path(__file__).resolve().parents[2]
EXTERNAL = ROOT.parent / "shared" / "external"
MODERNGOV = EXTERNAL / "moderngov" / "meeting_with_minutes.xml"
QMSUM = EXTERNAL / "qmsum-committee"
SAMPLES = ROOT / "samples" / "papers"


def _build(path: Path, **meta):
    from ingest.pipeline import build_document
    from kg.records import DocumentMeta

    return build_document(path.read_bytes(), path.name, DocumentMeta(**meta) if meta else None)


def _conforms(doc) -> None:
    from pyshacl import validate

    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    ok, _, report = validate(to_rdflib(document_graph(doc)), shacl_graph=shapes, inference="none")
    assert ok, f"{doc.file_name}:\n{report[:2000]}"


@pytest.fixture(scope="module")
def samples():
    if not SAMPLES.exists():
        pytest.skip("sample papers not present")
    docs = []
    for m in json.loads((SAMPLES / "manifest.json").read_text()):
        docs.append(_build(
            SAMPLES / m["file"], council=m["council"], body=m["body"],
            meeting_date=date.fromisoformat(m["meeting_date"]), document_type=m["document_type"], title=m["title"],
        ))
    return {d.file_name: d for d in docs}


# A sample of both kinds of transcript (Canadian Commons, Welsh Assembly): extraction takes about
# a second per transcript, and these cover the chairs, acting chairs and ministers checked below.
TRANSCRIPTS = ("covid_0", "covid_1", "covid_8", "education_1", "education_16", "education_24")


@pytest.fixture(scope="module")
def transcripts():
    paths = [p for p in sorted(QMSUM.glob("*/transcripts/*.txt")) if p.stem in TRANSCRIPTS]
    if not paths:
        pytest.skip("QMSum transcripts not present")
    return {p.stem: _build(p) for p in paths}


@pytest.fixture(scope="module")
def transcript_facts(transcripts):
    return {name: extract_facts(doc) for name, doc in transcripts.items()}


def test_moderngov_attendees_become_members_with_roles():
    if not MODERNGOV.exists():
        pytest.skip("ModernGov sample not present")
    doc = _build(MODERNGOV, council="Manchester City Council")
    facts = extract_facts(doc)
    assert facts.meeting is not None and facts.meeting.body == "Audit Committee"
    assert (facts.meeting.date, facts.meeting.time) == (date(2026, 2, 10), "10.00 am")
    assert [(m.person, m.body, m.role) for m in facts.memberships] == [("Councillor Basil Curley", "Audit Committee", "Committee Member")]
    labels = {o.value for s, p, o in document_graph(doc) if p.value.endswith("#label") and "person/" in s.value}
    assert labels == {"Basil Curley"}  # one person node, named without the honorific
    _conforms(doc)


def test_moderngov_attendee_party_membership_and_ward():
    if not MODERNGOV.exists():
        pytest.skip("ModernGov sample not present")
    doc = _build(MODERNGOV, council="Manchester City Council")
    facts = extract_facts(doc)
    assert [(m.person, m.party, m.ward) for m in facts.memberships] == [("Councillor Basil Curley", "LAB", "Charlestown")]
    graph = to_rdflib(document_graph(doc))
    rows = list(graph.query("""
        PREFIX ckg: <https://w3id.org/council-kg/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?party ?on ?doc WHERE {
          ?m a ckg:PartyMembership, org:Membership ; org:member ?p ; org:organization ?org ;
             ckg:attestedOn ?on ; ckg:attestedIn ?doc .
          ?org a ckg:PoliticalParty, org:Organization ; rdfs:label ?party .
          ?p a ckg:Person ; rdfs:label ?name .
        }"""))
    assert [(str(r.name), str(r.party), str(r.on)) for r in rows] == [("Basil Curley", "LAB", "2026-02-10")]
    assert str(rows[0].doc).endswith(doc.id)
    wards = list(graph.query("""
        PREFIX ckg: <https://w3id.org/council-kg/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?body ?ward WHERE { ?m a ckg:Membership ; org:organization ?body ; ckg:ward ?ward }"""))
    assert [(str(r.body).rsplit("/", 1)[-1], str(r.ward)) for r in wards] == [
        ("manchester-city-council-audit-committee", "Charlestown")
    ]
    # The party is not a body of the council: body queries do not list it.
    bodies = {str(s) for s in graph.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/council-kg/ontology#Body"))}
    assert not any("/party/" in b for b in bodies)
    _conforms(doc)


def test_cancelled_moderngov_meeting_is_marked_cancelled():
    if not MODERNGOV.exists():
        pytest.skip("ModernGov sample not present")
    from tests.harvest.site import cancelled_meeting

    xml = cancelled_meeting(MODERNGOV.read_bytes(), "4966", "13/01/2026")
    from ingest.pipeline import build_document
    from kg.records import DocumentMeta

    meta = DocumentMeta(council="Manchester City Council", body="Audit Committee", meeting_date=date(2026, 1, 13))
    doc = build_document(xml, "meeting-4966.xml", meta)
    assert [p.text for p in doc.paragraphs] == ["This meeting on 13 January 2026 at 10.00 am was cancelled."]
    facts = extract_facts(doc)
    assert facts.meeting is not None and facts.meeting.cancelled and not facts.memberships
    graph = to_rdflib(document_graph(doc))
    cancelled = [(str(s).rsplit("/", 1)[-1], o.toPython()) for s, o in
                 graph.subject_objects(rdflib.URIRef("https://w3id.org/council-kg/ontology#cancelled"))]
    assert cancelled == [("manchester-city-council-audit-committee-2026-01-13", True)]
    _conforms(doc)


def test_meeting_held_is_not_marked_cancelled():
    if not MODERNGOV.exists():
        pytest.skip("ModernGov sample not present")
    doc = _build(MODERNGOV, council="Manchester City Council")
    assert extract_facts(doc).meeting.cancelled is False
    assert not any(p.value.endswith("#cancelled") for _, p, _ in document_graph(doc))


def test_transcript_speakers_and_chairs(transcript_facts):
    chairs = {(h.person, h.post) for f in transcript_facts.values() for h in f.holdings if h.role == "speaker"}
    assert ("Anthony Rota", "Chair") in chairs
    assert ("Bruce Stanton", "Acting Chair") in chairs
    for name, facts in transcript_facts.items():
        assert len(facts.people) >= 5, name
        assert all(looks_like_person(p.person) for p in facts.people), name
        assert all(looks_like_post(h.post) and looks_like_person(h.person) for h in facts.holdings), name


def test_transcript_roles_stated_in_the_text(transcript_facts):
    stated = {(h.person, h.post) for f in transcript_facts.values() for h in f.holdings}
    assert ("Kirsty Williams", "Cabinet Secretary for Education") in stated
    assert ("Bill Morneau", "Minister of Finance") in stated
    assert not any(p.startswith(("Minister ", "First ")) for p, _ in stated)


def test_transcripts_validate(transcripts):
    for name in ("covid_0", "education_24"):
        _conforms(transcripts[name])


def test_sample_papers_people_with_posts(samples):
    held = {(h.person, h.post) for d in samples.values() for h in extract_facts(d).holdings}
    assert {
        ("Fiona Marchetti", "Director of People"), ("Jean Talbot", "Portfolio Holder for Children's Services"),
        ("Kevin Doyle", "HR Business Partner, Children's Services"), ("Sarah Pemberton", "Principal Social Worker"),
        ("Joanne Whitlock", "Head of SEND Services"), ("Hamid Qureshi", "Portfolio Holder for Education and Skills"),
    } <= held
    assert all(looks_like_post(post) for _, post in held)


def test_sample_minutes_decisions_and_report_backs(samples):
    facts = extract_facts(samples["harwick_cfosc_2024-11-14_minutes.html"])
    labels = [d.label for d in facts.decisions if d.label]
    assert labels.count("a") == 3 and "d" in labels
    assert any("Home Office" in d.text for d in facts.decisions if d.verb == "recommended")
    assert facts.actions, "report-backs requested in the minutes are open actions"
    assert facts.meeting is not None and facts.meeting.venue.startswith("Council Chamber")


def test_sample_metrics(samples):
    obs = [o for d in samples.values() for o in extract_facts(d).observations]
    assert any(o.value == 451 and o.unit == "count" and "children in the care" in o.measure
               and o.period and o.period.end == date(2024, 9, 30) for o in obs)
    assert any(o.value == 6480 and o.unit == "GBP per week" and "weekly cost" in o.measure for o in obs)
    assert not any("rate rate" in o.measure for o in obs)


def test_sample_papers_validate(samples):
    for doc in samples.values():
        _conforms(doc)


def test_an_author_who_is_also_the_lead_officer_keeps_both_roles():
    from ingest.extract.people import holdings
    from ingest.pipeline import build_document

    text = ("SOCIAL CARE UPDATE\n\nAuthors: Jane Smith, Head of Improvement and Ravi Patel, HR Business Partner\n\n"
            "1.1 The report sets out progress.\n\nLead officer contact\n\n"
            "Jane Smith, Head of Improvement,\njane.smith@example.gov.uk. 01234 567890\n")
    doc = build_document(text.encode(), "update.txt", None)
    roles = {(h.person, h.role) for h in holdings(doc)}
    assert ("Jane Smith", "author") in roles and ("Jane Smith", "lead_officer") in roles
    assert ("Ravi Patel", "author") in roles and ("Ravi Patel", "lead_officer") not in roles
