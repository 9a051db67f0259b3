"""The harvester end to end against the loopback ModernGov site, ingesting with the real model."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ingest.harvest import HarvestEvent
from kg.catalog import Catalog, DocumentEntry
from kg.datadir import Layout, content_hash, read_original
from kg.errors import StoreError
from kg.graphstore import open_graph_store
from kg.knowledge import KnowledgeBase
from kg.settings import Settings
from kg.vocab import IriMinter
from tests.harvest.conftest import COUNCIL, USER_AGENT, Run
from tests.harvest.site import (
    PAPER_PATH, SERVICE, STALL, FakeModernGov, cancelled_meeting, derive_meeting, make_pdf, meetings_listing, real,
    restrict, unlink, withhold,
)

pytestmark = pytest.mark.slow

FEBRUARY = {"start": date(2026, 2, 1), "end": date(2026, 2, 28)}
WORK_PROGRAMME = "internal audit progress report and treasury management mid-year review"  # paper 60909
MINUTES = "external auditor annual report valuation of council dwellings"  # paper 60860
RECORD = "Governance and Scrutiny Support Unit future work programme remainder of the municipal year"  # 4967's record


def record_url(site: FakeModernGov) -> str:
    """The page of the 10 February meeting: the source of its record."""
    return f"{site.url}/ieListDocuments.aspx?CId=144&MId=4967"


def meetings(settings: Settings) -> dict[str, dict]:
    """The harvest state's meetings by id."""
    return {m["id"]: m for m in state(settings)["meetings"]}


def documents(settings: Settings) -> dict[str, DocumentEntry]:
    """Committed documents by source URL."""
    catalog = Catalog(Layout(settings.data).catalog, read_only=True)
    try:
        return {d.meta.source_url or d.file_name: d for d in catalog.documents()}
    finally:
        catalog.close()


def state(settings: Settings) -> dict:
    (path,) = (settings.data / "harvest").glob("*/state.json")
    return json.loads(path.read_text())


def sparql(settings: Settings, select: str) -> list:
    """Rows of a SELECT over the committed graph."""
    prefixes = ("PREFIX ckg: <https://w3id.org/council-kg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX org: <http://www.w3.org/ns/org#> ")
    store = open_graph_store(settings, read_only=True)
    try:
        return list(store.query(prefixes + select))
    finally:
        store.close()


def in_graph(settings: Settings, document_id: str) -> bool:
    """True when the graph holds anything of a document: its named graph, or triples about it."""
    iri = IriMinter(settings.base_iri).document(document_id)
    store = open_graph_store(settings, read_only=True)
    try:
        return bool(store.query(f"ASK {{ {{ GRAPH <{iri}> {{ ?s ?p ?o }} }} UNION {{ <{iri}> ?p ?o }} "
                                f"UNION {{ ?s ?p <{iri}> }} }}"))
    finally:
        store.close()


def paragraphs(settings: Settings, document_id: str) -> list[str]:
    """The catalog's paragraphs of a document."""
    catalog = Catalog(Layout(settings.data).catalog, read_only=True)
    try:
        return [p.paragraph.text for p in catalog.paragraphs_of(document_id)]
    finally:
        catalog.close()


def found(run: Run, query: str) -> set[str]:
    """Ids of the documents a search finds."""
    return {h.document_id for h in KnowledgeBase(run.settings, run.embedder).search(query, 20)}  # type: ignore[arg-type]


def remembered(settings: Settings) -> dict[str, dict]:
    """The harvest state's papers by URL."""
    return {p["url"]: p for p in state(settings)["papers"]}


def assert_gone(run: Run, document_id: str, query: str) -> None:
    """The document is nowhere: not in the catalog, its paragraphs, the graph or search."""
    assert document_id not in {d.id for d in documents(run.settings).values()}
    assert paragraphs(run.settings, document_id) == []
    assert not in_graph(run.settings, document_id)
    assert document_id not in found(run, query)


def assert_held(run: Run, document_id: str, query: str) -> None:
    """The document is everywhere: catalog, paragraphs, graph and search."""
    assert document_id in {d.id for d in documents(run.settings).values()}
    assert paragraphs(run.settings, document_id) and in_graph(run.settings, document_id)
    assert document_id in found(run, query)


def test_first_harvest(run: Run, site: FakeModernGov) -> None:
    report = run()
    assert report.ok, report.failures
    assert (report.committees, report.meetings, report.cancelled) == (2, 3, 1)
    assert (report.meetings_ingested, report.papers_fetched, report.papers_added) == (3, 4, 4)
    assert run.ingestor is not None and len(run.ingestor.calls) == 1  # one batch, one commit
    docs = documents(run.settings)
    assert len(docs) == 7  # three meeting records (one cancelled) and four papers
    minutes = docs[site.paper_url("60860")]
    assert minutes.meta.council == COUNCIL
    assert minutes.meta.body == "Audit Committee"
    assert minutes.meta.meeting_date == date(2026, 2, 10)
    assert minutes.meta.document_type == "minutes"
    assert minutes.meta.title == "6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025"
    assert docs[site.paper_url("70002")].meta.body == "Art Galleries Committee"
    record = docs[f"{site.url}/ieListDocuments.aspx?CId=144&MId=4967"]
    assert record.media_type == "application/vnd.moderngov+xml"
    # Politeness: one robots.txt, our User-Agent on every request, the expired committee untouched.
    assert len(site.hits("/robots.txt")) == 1
    assert {h.user_agent for h in site.log} == {USER_AGENT}
    assert not site.hits(f"{SERVICE}/GetMeetings", {"lCommitteeId": "312"})
    saved = state(run.settings)
    assert saved["run"]["finished"] and set(saved["run"]["done"]) == {"4966", "4967", "5001"}
    assert len(saved["papers"]) == 4 and all(p["etag"] for p in saved["papers"])
    assert not any((run.settings.data / "harvest").glob("*/incoming/*"))
    # The graph: only the 13 January meeting is cancelled; attendees carry their party.
    cancelled = sparql(run.settings, "SELECT ?date WHERE { ?m a ckg:Meeting ; ckg:cancelled true ; dcterms:date ?date }")
    assert [r["date"].value for r in cancelled] == ["2026-01-13"]
    parties = sparql(run.settings, "SELECT DISTINCT ?name ?party WHERE { ?ms a ckg:PartyMembership ; "
                     "org:member/rdfs:label ?name ; org:organization/rdfs:label ?party }")
    assert sorted((r["name"].value, r["party"].value) for r in parties) == [("Basil Curley", "LAB")]


def test_unchanged_second_harvest_downloads_no_paper(run: Run, site: FakeModernGov) -> None:
    run()
    before = documents(run.settings)
    downloads = site.paper_downloads()
    report = run()
    assert report.ok, report.failures
    assert site.paper_downloads() == downloads == 4
    assert len(site.hits(PAPER_PATH, status=304)) == 4
    assert (report.papers_fetched, report.unchanged, report.meetings_ingested) == (0, 4, 0)
    assert run.ingestor is not None and run.ingestor.calls == []
    assert documents(run.settings) == before


def test_changed_paper_is_replaced(run: Run, site: FakeModernGov) -> None:
    february = dict(start=date(2026, 2, 1), end=date(2026, 2, 28))
    run("Audit Committee", **february)
    old = documents(run.settings)[site.paper_url("60909")]
    revised = make_pdf("Audit Committee Work Programme February 2026 (revised)", [
        "The revised work programme adds a review of the council's cyber security arrangements in April.",
    ])
    site.put_paper("60909", revised)
    report = run("Audit Committee", **february)
    assert report.ok, report.failures
    assert (report.papers_fetched, report.papers_replaced, report.unchanged) == (1, 1, 1)
    assert run.ingestor is not None and run.ingestor.calls == [["60909-draft-wp-february-2026.pdf"]]
    new = documents(run.settings)[site.paper_url("60909")]
    assert new.id == old.id and new.content_hash == content_hash(revised) != old.content_hash
    catalog = Catalog(Layout(run.settings.data).catalog, read_only=True)
    text = " ".join(p.paragraph.text for p in catalog.paragraphs_of(new.id))
    catalog.close()
    assert "cyber security" in text and "treasury" not in text


def test_cancelled_meeting_is_in_the_graph_as_cancelled_and_no_paper_fetched(run: Run, site: FakeModernGov) -> None:
    report = run("Audit Committee", start=date(2026, 1, 1), end=date(2026, 1, 31))
    assert report.ok, report.failures
    assert (report.meetings, report.cancelled, report.meetings_ingested, report.papers_fetched) == (1, 1, 1, 0)
    assert len(site.hits(f"{SERVICE}/GetMeeting", {"lMeetingId": "4966"})) == 1
    assert not site.hits(PAPER_PATH)  # a cancelled meeting's papers are never fetched
    assert run.ingestor is not None and run.ingestor.calls == [["meeting-4966.xml"]]
    (meeting,) = state(run.settings)["meetings"]
    assert meeting["id"] == "4966" and meeting["status"] == "cancelled" and meeting["date"] == "2026-01-13"
    # The meeting's record is a document whose one paragraph says so, and the meeting node is cancelled.
    (record,) = documents(run.settings).values()
    assert record.meta.body == "Audit Committee" and record.meta.meeting_date == date(2026, 1, 13)
    catalog = Catalog(Layout(run.settings.data).catalog, read_only=True)
    texts = [p.paragraph.text for p in catalog.paragraphs_of(record.id)]
    catalog.close()
    assert texts == ["This meeting on 13 January 2026 at 10.00 am was cancelled."]
    rows = sparql(run.settings, "SELECT ?label ?date ?cancelled WHERE { ?doc ckg:forMeeting ?m . "
                  "?m a ckg:Meeting ; rdfs:label ?label ; dcterms:date ?date ; ckg:cancelled ?cancelled }")
    assert [(r["label"].value, r["date"].value, r["cancelled"].value) for r in rows] == [
        ("Audit Committee, 2026-01-13", "2026-01-13", "true")
    ]
    # Unchanged on the next run: nothing re-ingested, still no paper fetched.
    again = run("Audit Committee", start=date(2026, 1, 1), end=date(2026, 1, 31))
    assert again.ok and (again.meetings_ingested, again.papers_fetched) == (0, 0)
    assert run.ingestor.calls == [] and not site.hits(PAPER_PATH)


def test_restricted_item_and_paper_are_never_fetched(run: Run, site: FakeModernGov, shared) -> None:
    from tests.harvest.site import real

    xml = real(shared, "meeting_with_minutes.xml")
    xml = restrict(xml, b"<agendaitemid>18833</agendaitemid>")  # the Work Programme item
    xml = restrict(xml, b"<attachmentid>60860</attachmentid>")  # the minutes paper itself
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, xml)
    report = run("Audit Committee", start=date(2026, 2, 1), end=date(2026, 2, 28))
    assert report.ok, report.failures
    assert report.restricted == 2 and report.papers_fetched == 0
    assert not site.hits(PAPER_PATH, {"ID": "60860"}) and not site.hits(PAPER_PATH, {"ID": "60909"})
    (record,) = documents(run.settings).values()
    stored = read_original(Layout(run.settings.data), record.content_hash)
    assert b"Governance and Scrutiny Support Unit" not in stored and b"60909" not in stored
    assert b"60860" not in stored and b"Work Programme" in stored  # the restricted item's title stays


def test_server_errors_are_retried_and_a_lasting_one_reported(run: Run, site: FakeModernGov) -> None:
    site.fail(PAPER_PATH, {"ID": "60860"}, [503, 500])
    site.fail(f"{SERVICE}/GetMeeting", {"lMeetingId": "4967"}, [STALL])
    site.fail(PAPER_PATH, {"ID": "70001"}, [500] * 10)
    report = run(retries=2)
    assert len(site.hits(PAPER_PATH, {"ID": "60860"})) == 3
    assert len(site.hits(f"{SERVICE}/GetMeeting", {"lMeetingId": "4967"})) == 2
    (failure,) = report.failures
    assert failure.url == site.paper_url("70001")
    assert failure.reason == "HTTP 500 Internal Server Error after 3 attempts"
    assert report.papers_added == 3
    assert site.paper_url("60860") in documents(run.settings)
    assert "5001" not in state(run.settings)["run"]["done"]  # tried again when resumed


def test_document_that_fails_to_parse_is_reported_and_the_rest_ingested(run: Run, site: FakeModernGov) -> None:
    site.put_paper("70002", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> broken beyond repair")
    report = run("Art Galleries Committee")
    (failure,) = report.failures
    assert failure.url == site.paper_url("70002") and "70002" in failure.reason
    assert report.papers_added == 1 and site.paper_url("70002") not in documents(run.settings)
    assert site.paper_url("70001") in documents(run.settings)
    again = run("Art Galleries Committee")
    assert [f.url for f in again.failures] == [site.paper_url("70002")]
    assert len(site.hits(PAPER_PATH, {"ID": "70002"}, status=200)) == 2  # not remembered, so fetched afresh


def test_interrupted_harvest_resumes_after_committed_meetings(run: Run, site: FakeModernGov) -> None:
    def stop_after_first_batch(event: HarvestEvent) -> None:
        if event.kind == "ingested":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(progress=stop_after_first_batch, batch_meetings=2)
    saved = state(run.settings)
    assert not saved["run"]["finished"] and saved["run"]["done"] == ["4966", "4967"]
    assert not site.hits(f"{SERVICE}/GetMeeting", {"lMeetingId": "5001"})

    report = run(batch_meetings=2)
    assert report.ok and report.resumed == 2 and report.papers_added == 2
    assert len(site.hits(f"{SERVICE}/GetMeeting", {"lMeetingId": "4967"})) == 1
    assert len(documents(run.settings)) == 7
    assert state(run.settings)["run"]["finished"]


def test_paper_withdrawn_from_its_meeting_is_removed_and_the_rest_kept(
    run: Run, site: FakeModernGov, shared,  # type: ignore[no-untyped-def]
) -> None:
    run("Audit Committee", **FEBRUARY)
    before = documents(run.settings)
    withdrawn, minutes = before[site.paper_url("60909")], before[site.paper_url("60860")]
    assert_held(run, withdrawn.id, WORK_PROGRAMME)
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, unlink(real(shared, "meeting_with_minutes.xml"), "60909"))
    events: list[HarvestEvent] = []
    report = run("Audit Committee", **FEBRUARY, progress=events.append)
    assert report.ok, report.failures
    assert report.papers_withdrawn == 1
    assert "papers withdrawn from their meeting and removed: 1" in report.summary()
    assert "1 paper(s) no longer linked" in events[1].message and "removed 1 withdrawn" in events[2].message
    assert run.ingestor is not None and run.ingestor.removals == [[withdrawn.id]]
    assert_gone(run, withdrawn.id, WORK_PROGRAMME)
    after = documents(run.settings)
    assert site.paper_url("60909") not in after and after[site.paper_url("60860")] == minutes
    assert_held(run, minutes.id, MINUTES)
    assert set(remembered(run.settings)) == {site.paper_url("60860")}
    assert state(run.settings)["run"]["done"] == ["4967"]
    # Nothing more to remove on the next run.
    again = run("Audit Committee", **FEBRUARY)
    assert again.ok and again.papers_withdrawn == 0 and run.ingestor.removals == []
    assert not any("withdrawn" in line for line in again.summary())
    assert documents(run.settings) == after


@pytest.mark.parametrize("marker", [b"<agendaitemid>18833</agendaitemid>", b"<attachmentid>60909</attachmentid>"],
                         ids=["item", "paper"])
def test_paper_that_becomes_restricted_is_removed(
    run: Run, site: FakeModernGov, shared, marker: bytes,  # type: ignore[no-untyped-def]
) -> None:
    run("Audit Committee", **FEBRUARY)
    exempt = documents(run.settings)[site.paper_url("60909")]
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, restrict(real(shared, "meeting_with_minutes.xml"), marker))
    report = run("Audit Committee", **FEBRUARY)
    assert report.ok, report.failures
    assert (report.restricted, report.papers_withdrawn) == (1, 1)
    assert len(site.hits(PAPER_PATH, {"ID": "60909"})) == 1  # never fetched again once restricted
    assert_gone(run, exempt.id, WORK_PROGRAMME)
    assert site.paper_url("60909") not in remembered(run.settings)
    assert_held(run, documents(run.settings)[site.paper_url("60860")].id, MINUTES)


def test_file_stored_once_for_two_meetings_stays_while_either_links_it(
    run: Run, site: FakeModernGov, shared, papers,  # type: ignore[no-untyped-def]
) -> None:
    site.put_paper("70002", papers["60909"])  # the Art Galleries meeting links the same file at its own URL
    run(batch_meetings=1)  # the pipeline finds a twin among committed documents, so commit meeting by meeting
    stored = documents(run.settings)[site.paper_url("60909")]
    assert site.paper_url("70002") not in documents(run.settings)  # stored once, as a duplicate
    assert remembered(run.settings)[site.paper_url("70002")]["document_id"] == stored.id
    meeting = real(shared, "meeting_with_minutes.xml")
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, unlink(meeting, "60909"))
    report = run()
    assert report.ok and report.papers_withdrawn == 0
    assert run.ingestor is not None and run.ingestor.removals == []
    assert documents(run.settings)[site.paper_url("60909")] == stored
    assert_held(run, stored.id, WORK_PROGRAMME)
    assert site.paper_url("60909") not in remembered(run.settings)  # only the withdrawn URL is forgotten
    # Withdrawn from the other meeting too: nothing holds the file any more.
    art = derive_meeting(meeting, "5001", "03/03/2026", "Art Galleries Committee",
                         {"60860": "70001", "60909": "70002"})
    site.put_xml("GetMeeting", {"lMeetingId": "5001"}, unlink(art, "70002"))
    report = run()
    assert report.ok and report.papers_withdrawn == 1 and run.ingestor.removals == [[stored.id]]
    assert_gone(run, stored.id, WORK_PROGRAMME)


def test_paper_linked_from_two_meetings_is_removed_only_when_neither_links_it(
    run: Run, site: FakeModernGov, shared,  # type: ignore[no-untyped-def]
) -> None:
    meeting, art = harvest_with_a_second_meeting_linking_60909(run, site, shared)
    stored = documents(run.settings)[site.paper_url("60909")]
    assert remembered(run.settings)[site.paper_url("60909")]["other_meetings"] == ["5001"]
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, unlink(meeting, "60909"))
    report = run()
    assert report.ok and report.papers_withdrawn == 0
    assert run.ingestor is not None and run.ingestor.removals == []
    assert_held(run, stored.id, WORK_PROGRAMME)
    paper = remembered(run.settings)[site.paper_url("60909")]
    assert (paper["meeting_id"], paper["other_meetings"]) == ("5001", [])
    site.put_xml("GetMeeting", {"lMeetingId": "5001"}, unlink(art, "60909"))
    report = run()
    assert report.ok and report.papers_withdrawn == 1
    assert_gone(run, stored.id, WORK_PROGRAMME)


def test_failed_removal_is_reported_and_tried_again(
    run: Run, site: FakeModernGov, shared,  # type: ignore[no-untyped-def]
) -> None:
    run("Audit Committee", **FEBRUARY)
    withdrawn = documents(run.settings)[site.paper_url("60909")]
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, unlink(real(shared, "meeting_with_minutes.xml"), "60909"))
    report = run("Audit Committee", **FEBRUARY, refuse_removal=StoreError("the graph store is read-only"))
    (failure,) = report.failures
    assert failure.url == site.paper_url("60909") and "the graph store is read-only" in failure.reason
    assert report.papers_withdrawn == 0 and "failed: 1" in report.summary()
    assert run.ingestor is not None and run.ingestor.calls == [["meeting-4967.xml"]]  # the batch went on
    assert_held(run, withdrawn.id, WORK_PROGRAMME)
    assert site.paper_url("60909") in remembered(run.settings)
    assert "4967" not in state(run.settings)["run"]["done"]
    again = run("Audit Committee", **FEBRUARY)
    assert again.ok and again.papers_withdrawn == 1
    assert_gone(run, withdrawn.id, WORK_PROGRAMME)


def test_meeting_no_longer_public_is_removed_with_its_papers_but_a_shared_paper_kept(
    run: Run, site: FakeModernGov, shared,  # type: ignore[no-untyped-def]
) -> None:
    meeting, art = harvest_with_a_second_meeting_linking_60909(run, site, shared)
    before = documents(run.settings)
    record, minutes, linked_twice = before[record_url(site)], before[site.paper_url("60860")], before[
        site.paper_url("60909")]
    assert_held(run, record.id, RECORD)
    assert_held(run, minutes.id, MINUTES)
    downloads = site.paper_downloads()
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, withhold(meeting))
    events: list[HarvestEvent] = []
    report = run(progress=events.append)
    assert report.ok, report.failures
    assert (report.withheld, report.meetings_withdrawn, report.papers_withdrawn) == (1, 1, 1)
    assert "records of meetings no longer public, removed: 1" in report.summary()
    assert "papers withdrawn from their meeting and removed: 1" in report.summary()
    assert any("not public; nothing fetched; its record and 2 paper(s) to be withdrawn" in e.message for e in events)
    assert any("removed 1 record(s) of meetings no longer public" in e.message for e in events)
    assert run.ingestor is not None and run.ingestor.removals == [[record.id, minutes.id]]
    assert site.paper_downloads() == downloads
    assert_gone(run, record.id, RECORD)
    assert_gone(run, minutes.id, MINUTES)
    assert_held(run, linked_twice.id, WORK_PROGRAMME)  # the Art Galleries meeting still links it
    after = documents(run.settings)
    assert after == {url: d for url, d in before.items() if d.id not in {record.id, minutes.id}}
    paper = remembered(run.settings)[site.paper_url("60909")]
    assert (paper["meeting_id"], paper["other_meetings"]) == ("5001", [])
    assert site.paper_url("60860") not in remembered(run.settings)
    known = meetings(run.settings)
    assert (known["4967"]["status"], known["4967"]["document_id"], known["4967"]["sha256"]) == ("withheld", None, None)
    assert known["4966"]["status"] == "cancelled" and known["4966"]["document_id"]  # cancelled: its record stays
    assert "4967" in state(run.settings)["run"]["done"]
    # Still not public on the next run: nothing more to remove, nothing to report.
    again = run()
    assert again.ok and again.withheld == 1
    assert (again.meetings_withdrawn, again.papers_withdrawn) == (0, 0) and run.ingestor.removals == []
    assert not any("removed" in line for line in again.summary())
    assert documents(run.settings) == after


def test_cancelled_or_unlisted_meeting_keeps_what_was_ingested(
    run: Run, site: FakeModernGov, shared,  # type: ignore[no-untyped-def]
) -> None:
    run("Audit Committee", **FEBRUARY)
    before = documents(run.settings)
    papers = [before[site.paper_url(a)] for a in ("60860", "60909")]
    # Cancelled after its papers were published: the record is re-ingested as cancelled, the papers stay.
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, cancelled_meeting(real(shared, "meeting_with_minutes.xml"),
                                                                         "4967", "10/02/2026"))
    report = run("Audit Committee", **FEBRUARY)
    assert report.ok and report.cancelled == 1 and (report.meetings_withdrawn, report.papers_withdrawn) == (0, 0)
    assert run.ingestor is not None and run.ingestor.removals == []
    assert_held(run, papers[0].id, MINUTES)
    assert_held(run, papers[1].id, WORK_PROGRAMME)
    # Gone from the listing: not fetched, so nothing is known of it and nothing is removed.
    site.put_xml("GetMeetings", {"lCommitteeId": "144"},
                 meetings_listing("144", "Audit Committee", [("4966", "13/01/2026", "Cancelled")]))
    report = run("Audit Committee", **FEBRUARY)
    assert report.ok and report.meetings == 0 and run.ingestor.removals == []
    assert {d.id for d in documents(run.settings).values()} == {d.id for d in before.values()}
    assert meetings(run.settings)["4967"]["document_id"]


def test_failed_removal_of_a_meeting_no_longer_public_is_reported_and_tried_again(
    run: Run, site: FakeModernGov, shared,  # type: ignore[no-untyped-def]
) -> None:
    run("Audit Committee", **FEBRUARY)
    before = documents(run.settings)
    record, minutes, programme = (before[record_url(site)], before[site.paper_url("60860")],
                                  before[site.paper_url("60909")])
    site.put_xml("GetMeeting", {"lMeetingId": "4967"}, withhold(real(shared, "meeting_with_minutes.xml")))
    report = run("Audit Committee", **FEBRUARY, refuse_removal=StoreError("the graph store is read-only"))
    assert {f.url for f in report.failures} == {record_url(site), site.paper_url("60860"), site.paper_url("60909")}
    assert all("no longer public" in f.reason and "the graph store is read-only" in f.reason for f in report.failures)
    assert (report.meetings_withdrawn, report.papers_withdrawn) == (0, 0) and "failed: 3" in report.summary()
    assert documents(run.settings) == before
    assert_held(run, record.id, RECORD)
    assert set(remembered(run.settings)) == {site.paper_url("60860"), site.paper_url("60909")}
    known = meetings(run.settings)["4967"]
    assert (known["status"], known["document_id"]) == ("withheld", record.id)  # remembered, to try again
    assert "4967" not in state(run.settings)["run"]["done"]
    again = run("Audit Committee", **FEBRUARY)
    assert again.ok, again.failures
    assert (again.meetings_withdrawn, again.papers_withdrawn) == (1, 2)
    assert run.ingestor is not None and run.ingestor.removals == [[record.id, minutes.id, programme.id]]
    assert_gone(run, record.id, RECORD)
    assert_gone(run, minutes.id, MINUTES)
    assert_gone(run, programme.id, WORK_PROGRAMME)
    assert remembered(run.settings) == {} and meetings(run.settings)["4967"]["document_id"] is None


def harvest_with_a_second_meeting_linking_60909(run: Run, site: FakeModernGov, shared):  # type: ignore[no-untyped-def]
    """Serve the Art Galleries meeting 5001, which links paper 60909 at the same URL as the Audit
    Committee's meeting 4967, and harvest both; the two meetings' XML is returned."""
    meeting = real(shared, "meeting_with_minutes.xml")
    art = derive_meeting(meeting, "5001", "03/03/2026", "Art Galleries Committee", {"60860": "70001"})
    site.put_xml("GetMeeting", {"lMeetingId": "5001"}, art)
    run()
    return meeting, art
