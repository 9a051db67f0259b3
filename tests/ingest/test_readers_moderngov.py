"""ModernGov web-service XML: real responses, restricted items, and hostile XML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.readers import MODERNGOV, read_bytes, read_path
from kg.errors import ReaderError, UnsupportedFormat
from kg.records import AgendaItem, Attendee, BlockKind


def test_meeting_metadata(moderngov_dir: Path) -> None:
    parsed = read_path(moderngov_dir / "meeting_with_minutes.xml")
    assert parsed.media_type == MODERNGOV
    meeting = parsed.meeting
    assert meeting is not None
    assert meeting.body == "Audit Committee"
    assert meeting.date == date(2026, 2, 10)
    assert meeting.time == "10.00 am"
    assert meeting.venue == "Council Antechamber, Level 2, Town Hall Extension"
    assert meeting.cancelled is False
    assert meeting.agenda_items == (AgendaItem("1", "Minutes"), AgendaItem("9", "Work Programme"))
    assert meeting.attendees == (
        Attendee("Councillor Basil Curley", role="Committee Member", attendance="Expected", party="LAB",
                 ward="Charlestown"),
    )


def test_attendee_party_and_ward_in_the_table(moderngov_dir: Path) -> None:
    parsed = read_path(moderngov_dir / "meeting_with_minutes.xml")
    (table,) = [b.text for b in parsed.blocks if b.kind is BlockKind.TABLE]
    assert table.splitlines() == [
        "Name | Role | Attendance | Party | Ward",
        "Councillor Basil Curley | Committee Member | Expected | LAB | Charlestown",
    ]


def test_attendee_without_party_or_ward() -> None:
    xml = b"""<meeting><meetingid>1</meetingid><meetingdate>10/02/2026</meetingdate>
      <attendees><attendee name="Jo Bloggs" roledescription="Officer" attendance="Present" /></attendees>
    </meeting>"""
    parsed = read_bytes(xml, "officer.xml")
    assert parsed.meeting is not None
    assert parsed.meeting.attendees == (Attendee("Jo Bloggs", role="Officer", attendance="Present"),)
    (table,) = [b.text for b in parsed.blocks if b.kind is BlockKind.TABLE]
    assert table.splitlines()[0] == "Name | Role | Attendance"


def test_meeting_blocks_include_decoded_minutes(moderngov_dir: Path) -> None:
    parsed = read_path(moderngov_dir / "meeting_with_minutes.xml")
    blocks = [(b.kind, b.text, b.level) for b in parsed.blocks]
    assert blocks[0] == (BlockKind.HEADING, "Audit Committee – 10 February 2026", 1)
    assert (BlockKind.HEADING, "9. Work Programme", 2) in blocks
    text = " ".join(b.text for b in parsed.blocks)
    assert "set out its future Work Programme for the remainder of 2025/26 municipal year." in text
    assert "<p" not in text and "&lt;" not in text
    assert any(b.kind is BlockKind.TABLE and "Committee Member" in b.text for b in parsed.blocks)


def test_restricted_item_listed_but_not_emitted(moderngov_dir: Path) -> None:
    data = (moderngov_dir / "meeting_with_minutes.xml").read_bytes()
    # Flag the second item (id 18833) restricted; its first <isrestricted> is the item's own.
    first, second = data.split(b"<agendaitemid>18833</agendaitemid>", 1)
    restricted = first + b"<agendaitemid>18833</agendaitemid>" + second.replace(
        b"<isrestricted>False</isrestricted>", b"<isrestricted>True</isrestricted>", 1
    )
    parsed = read_bytes(restricted, "meeting.xml")
    assert parsed.meeting is not None
    assert parsed.meeting.agenda_items[1] == AgendaItem("9", "Work Programme", restricted=True)
    text = " ".join(b.text for b in parsed.blocks)
    assert "Work Programme" not in text and "Governance and Scrutiny Support Unit" not in text
    assert "To approve the minutes" in text
    assert any("restricted" in w for w in parsed.warnings)


def test_meetings_listing(moderngov_dir: Path) -> None:
    parsed = read_path(moderngov_dir / "meetings.xml")
    assert parsed.meeting is None
    items = [b.text for b in parsed.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["13/01/2026 10.00 am (Cancelled), meeting 4966", "10/02/2026 10.00 am (Confirmed), meeting 4967"]


def test_committees_listing(moderngov_dir: Path) -> None:
    parsed = read_path(moderngov_dir / "committees.xml")
    items = [b.text for b in parsed.blocks if b.kind is BlockKind.LIST_ITEM]
    assert len(items) == 3 and items[2] == "Audit Committee (Governance and Decision Making Committees)"
    assert items[0].endswith("; expired)")


def test_cancelled_meeting_in_soap_envelope() -> None:
    xml = b"""<?xml version="1.0"?>
    <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
    <GetMeetingResponse xmlns="http://moderngov.co.uk/namespaces"><GetMeetingResult><meeting>
      <meetingdate>13/01/2026</meetingdate><meetingstatus>Cancelled</meetingstatus>
      <committeetitle>Audit Committee</committeetitle>
    </meeting></GetMeetingResult></GetMeetingResponse></soap:Body></soap:Envelope>"""
    parsed = read_bytes(xml, "cancelled.xml")
    assert parsed.meeting is not None and parsed.meeting.cancelled
    assert parsed.meeting.body == "Audit Committee"
    # A cancelled meeting has no agenda: one honest paragraph records the cancellation.
    paragraphs = [b.text for b in parsed.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs == ["This meeting of the Audit Committee on 13 January 2026 was cancelled."]


def test_meeting_not_cancelled_has_no_cancellation_paragraph(moderngov_dir: Path) -> None:
    parsed = read_path(moderngov_dir / "meeting_with_minutes.xml")
    assert not any("cancelled" in b.text for b in parsed.blocks)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE meeting [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<meeting><meetinglocation>&secret;</meetinglocation></meeting>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE meeting [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<meeting><meetinglocation>&lol3;</meetinglocation></meeting>"""


@pytest.mark.parametrize("payload", [XXE, BILLION_LAUGHS], ids=["external-entity", "billion-laughs"])
def test_hostile_xml_is_refused(payload: bytes) -> None:
    with pytest.raises(ReaderError, match="hostile.xml"):
        read_bytes(payload, "hostile.xml")


def test_malformed_xml_is_a_reader_error() -> None:
    with pytest.raises(ReaderError, match="cut.xml"):
        read_bytes(b"<?xml version='1.0'?><meeting><meetingdate>10/02", "cut.xml")


def test_unknown_moderngov_payload_is_unsupported() -> None:
    xml = b"<GetMeetingResponse><GetMeetingResult><a/><b/></GetMeetingResult></GetMeetingResponse>"
    with pytest.raises(UnsupportedFormat, match="odd.xml"):
        read_bytes(xml, "odd.xml")
