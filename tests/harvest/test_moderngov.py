"""Web-service records from the real responses; site addresses; paper names; redaction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.harvest import HarvestError
from ingest.harvest.moderngov import (
    LinkedDocument, ServiceUrls, parse_committees, parse_meeting, parse_meetings, redact, site_base,
)
from ingest.harvest.papers import council_from_site, paper_file_name
from tests.harvest.site import real, restrict

URLS = ServiceUrls("https://democracy.manchester.gov.uk")


@pytest.mark.parametrize("given,base", [
    ("https://democracy.medway.gov.uk", "https://democracy.medway.gov.uk"),
    ("democracy.medway.gov.uk/", "https://democracy.medway.gov.uk"),
    ("https://democracy.medway.gov.uk/ieDocHome.aspx?bcr=1", "https://democracy.medway.gov.uk"),
    ("https://www.example.gov.uk/moderngov/mgWebService.asmx/GetCommittees", "https://www.example.gov.uk/moderngov"),
    ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
])
def test_site_base(given: str, base: str) -> None:
    assert site_base(given) == base


def test_site_base_refuses_what_is_not_a_web_address() -> None:
    with pytest.raises(HarvestError, match="not a web address"):
        site_base("ftp://democracy.medway.gov.uk")


def test_service_urls() -> None:
    urls = ServiceUrls("https://democracy.medway.gov.uk")
    assert urls.committees().endswith("/mgWebService.asmx/GetCommittees?lDays=0")
    assert urls.meetings("144", date(2026, 1, 1), date(2026, 3, 31)).endswith(
        "/mgWebService.asmx/GetMeetings?lCommitteeId=144&sFromDate=2026-01-01&sToDate=2026-03-31")
    assert urls.meeting("4967").endswith("/mgWebService.asmx/GetMeeting?lMeetingId=4967")
    assert urls.meeting_page("144", "4967") == "https://democracy.medway.gov.uk/ieListDocuments.aspx?CId=144&MId=4967"


def test_real_listings(shared: Path) -> None:
    committees = parse_committees(real(shared, "committees.xml"))
    assert [(c.id, c.expired) for c in committees] == [("312", True), ("163", False), ("144", False)]
    meetings = parse_meetings(real(shared, "meetings.xml"))
    assert [(m.id, m.date, m.cancelled, m.committee) for m in meetings] == [
        ("4966", date(2026, 1, 13), True, "Audit Committee"),
        ("4967", date(2026, 2, 10), False, "Audit Committee"),
    ]


def test_real_meeting_and_its_papers(shared: Path) -> None:
    meeting = parse_meeting(real(shared, "meeting_with_minutes.xml"), URLS)
    assert (meeting.id, meeting.committee, meeting.date, meeting.cancelled) == ("4967", "Audit Committee",
                                                                             date(2026, 2, 10), False)
    assert meeting.public and meeting.has_minutes and not meeting.restricted
    assert [(i.number, i.title) for i in meeting.items] == [("1", "Minutes"), ("9", "Work Programme")]
    assert [d.url for i in meeting.items for d in i.documents] == [
        "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860",
        "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909",
    ]


def test_restricted_item_makes_its_papers_restricted_and_is_redacted(shared: Path) -> None:
    xml = restrict(real(shared, "meeting_with_minutes.xml"), b"<agendaitemid>18833</agendaitemid>")
    meeting = parse_meeting(xml, URLS)
    assert meeting.restricted and [i.restricted for i in meeting.items] == [False, True]
    assert meeting.items[1].documents[0].restricted
    cleaned = redact(xml)
    assert b"Governance" not in cleaned and b"60909" not in cleaned and b"Work Programme" in cleaned
    assert b"60860" in cleaned  # the public item keeps its paper
    assert parse_meeting(cleaned, URLS).items[1].restricted  # still flagged for the reader


def test_meeting_not_displayed_is_not_public(shared: Path) -> None:
    xml = real(shared, "meeting_with_minutes.xml")  # the first <isdisplayallowed> is the meeting's own
    assert not parse_meeting(xml.replace(b"<isdisplayallowed>True", b"<isdisplayallowed>False", 1), URLS).public


def test_hostile_answer_is_refused() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><committees>&x;</committees>'
    with pytest.raises(HarvestError, match="not usable XML"):
        parse_committees(xxe)


def test_paper_names_and_council_guess() -> None:
    doc = LinkedDocument("60909", "DRAFT WP  FEBRUARY 2026", "https://x/mgConvert2PDF.aspx?ID=60909")
    assert paper_file_name(doc, "application/pdf", None, "ab" * 32) == "60909-draft-wp-february-2026.pdf"
    assert paper_file_name(doc, None, "Work programme.docx", "ab" * 32).endswith(".docx")
    assert paper_file_name(doc, "application/octet-stream", None, "ab" * 32) == "60909-draft-wp-february-2026"
    assert council_from_site("https://democracy.medway.gov.uk") == "Medway Council"
    assert council_from_site("https://moderngov.southwark.gov.uk") == "Southwark Council"
    assert council_from_site("http://127.0.0.1:8000") is None
