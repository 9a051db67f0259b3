"""ModernGov web-service XML reader (our media type ``application/vnd.moderngov+xml``).

Parsed with defusedxml: DTDs, entity declarations and external references are refused, so
billion-laughs and XXE payloads raise ReaderError before any expansion happens. SOAP envelopes
and ``…Response``/``…Result`` wrappers are unwrapped down to the payload element.

* GetMeeting (root ``<meeting>``): MeetingInfo with the committee (``committeetitle``, else the
  items' ``refertocommittee``), date, time, venue, ``cancelled`` when the status says so,
  agenda items (number from ``fulldisplaynumberformat``, else ``agendaitemnumber``) and
  attendees with role, attendance, party (``politicalparty``) and ward. Blocks: a level-1
  heading for the meeting, a paragraph saying so when the meeting was cancelled (a cancelled
  meeting has no agenda, and this is the text that records it), then for each
  public item a level-2 heading "N. Title", its agenda text and, under a level-3 "Minutes"
  heading, its minutes — both HTML decoded and read by the HTML reader. Restricted items
  (``isrestricted`` True or ``isdisplayallowed`` False) stay on the agenda flagged
  ``restricted=True``, but none of their text becomes a block. Attendees become a table
  (with party and ward columns when the record gives them).
* GetMeetings (``<getmeetings>``) and GetCommittees (``<committees>``): no MeetingInfo; a
  heading per committee and a list item per meeting or committee, so the listings are
  searchable. Anything else raises UnsupportedFormat.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from xml.etree.ElementTree import Element

from ingest.readers._blocks import ReaderSettings, clean, library_errors, table_text
from ingest.readers.html import fragment_blocks
from ingest.readers.sniff import MODERNGOV
from kg.errors import ReaderError, UnsupportedFormat
from kg.records import AgendaItem, Attendee, Block, BlockKind, MeetingInfo, ParsedFile

_TRUE = frozenset({"true", "1", "yes"})


def read_moderngov(data: bytes, name: str, settings: ReaderSettings) -> ParsedFile:
    """Read a ModernGov GetMeeting, GetMeetings or GetCommittees response."""
    root = _parse(data, name)
    handlers: dict[str, Callable[[Element, str], ParsedFile]] = {
        # A result element without a <meeting> child holds the meeting's fields itself.
        "meeting": _meeting,
        "getmeeting": _meeting,
        "getmeetingresult": _meeting,
        "getmeetings": _meeting_list,
        "getmeetingsresult": _meeting_list,
        "committees": _committee_list,
        "getcommittees": _committee_list,
        "getcommitteesresult": _committee_list,
    }
    handler = handlers.get(_local(root.tag))
    if handler is None:
        raise UnsupportedFormat(f"{name}: ModernGov response <{_local(root.tag)}> is not supported")
    with library_errors(name, "ModernGov response"):
        return handler(root, name)


def _parse(data: bytes, name: str) -> Element:
    import defusedxml.ElementTree as safe_xml  # deferred: only ModernGov files need it
    from defusedxml import DefusedXmlException

    try:
        root = safe_xml.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ReaderError(f"{name}: XML refused for safety ({type(exc).__name__})") from exc
    except Exception as exc:  # noqa: BLE001 - ParseError and friends; none may escape
        raise ReaderError(f"{name}: malformed XML ({exc})") from exc
    return _unwrap(root)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _unwrap(root: Element) -> Element:
    """Descend through SOAP Envelope/Body and GetXResponse/GetXResult wrappers."""
    element = root
    while _local(element.tag) in {"envelope", "body", "getmeeting"} or _local(element.tag).endswith(
        ("response", "result")
    ):
        children = list(element)
        if len(children) != 1:
            break
        element = children[0]
    return element


def _field(element: Element, tag: str) -> str:
    for child in element:
        if _local(child.tag) == tag:
            return clean(child.text)
    return ""


def _flag(element: Element, tag: str) -> bool:
    return _field(element, tag).lower() in _TRUE


def _date(text: str) -> date | None:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _children(element: Element, container: str, tag: str) -> list[Element]:
    return [
        child
        for holder in element.iter()
        if _local(holder.tag) == container
        for child in holder
        if _local(child.tag) == tag
    ]


def _meeting(root: Element, name: str) -> ParsedFile:
    items = _children(root, "agendaitems", "agendaitem")
    if not items and not (_field(root, "meetingid") or _field(root, "meetingdate")):
        raise UnsupportedFormat(f"{name}: ModernGov response holds no meeting")
    body = _field(root, "committeetitle") or next(
        (_field(item, "refertocommittee") for item in items if _field(item, "refertocommittee")), ""
    )
    when = _date(_field(root, "meetingdate"))
    status = _field(root, "meetingstatus").lower()
    info = MeetingInfo(
        body=body or None,
        date=when,
        time=_field(root, "meetingtime") or None,
        venue=_field(root, "meetinglocation") or _field(root, "meetingroom") or None,
        agenda_items=tuple(_agenda_item(item) for item in items),
        attendees=tuple(_attendee(a) for a in _children(root, "attendees", "attendee")),
        cancelled=status == "cancelled" or _flag(root, "iscancelled") or _flag(root, "cancelled"),
    )
    title = " – ".join(p for p in (body, when.strftime("%d %B %Y").lstrip("0") if when else "") if p)
    blocks = [Block(BlockKind.HEADING, title or "Meeting", level=1)]
    if info.cancelled:
        blocks.append(Block(BlockKind.PARAGRAPH, _cancelled_text(info)))
    warnings = []
    for element, item in zip(items, info.agenda_items, strict=True):
        if item.restricted:
            warnings.append(f"agenda item {item.number or '?'} is restricted; its text was not read")
            continue
        heading = f"{item.number}. {item.title}" if item.number else item.title
        blocks.append(Block(BlockKind.HEADING, heading, level=2))
        blocks += fragment_blocks(_field_raw(element, "agendatext"), level_offset=2)
        minutes = fragment_blocks(_field_raw(element, "minutesnonemptyhtmlbody"), level_offset=3)
        if minutes:
            blocks.append(Block(BlockKind.HEADING, "Minutes", level=3))
            blocks += minutes
    if info.attendees:
        blocks.append(Block(BlockKind.HEADING, "Attendees", level=2))
        extra = [label for label, used in (("Party", any(a.party for a in info.attendees)),
                                           ("Ward", any(a.ward for a in info.attendees))) if used]
        rows = [["Name", "Role", "Attendance", *extra]]
        for a in info.attendees:
            more = {"Party": a.party or "", "Ward": a.ward or ""}
            rows.append([a.name, a.role or "", a.attendance or "", *(more[label] for label in extra)])
        blocks.append(Block(BlockKind.TABLE, table_text(rows)))
    return ParsedFile(MODERNGOV, tuple(blocks), title or None, info, tuple(warnings))


def _cancelled_text(info: MeetingInfo) -> str:
    """The sentence recording a cancelled meeting: "This meeting of the X on 13 January 2026 was cancelled."."""
    text = "This meeting"
    if info.body:
        text += f" of {'' if info.body.lower().startswith('the ') else 'the '}{info.body}"
    if info.date:
        text += f" on {info.date.day} {info.date.strftime('%B %Y')}"
    if info.time:
        text += f" at {info.time}"
    return text + " was cancelled."


def _field_raw(element: Element, tag: str) -> str:
    """Text of a child element without whitespace clean-up (it is HTML to be parsed)."""
    for child in element:
        if _local(child.tag) == tag:
            return child.text or ""
    return ""


def _agenda_item(item: Element) -> AgendaItem:
    number = _field(item, "fulldisplaynumberformat").rstrip(".") or "".join(
        p for p in (_field(item, "agendaitemnumber"), _field(item, "agendaitemsubnumber")) if p
    )
    restricted = _flag(item, "isrestricted") or _field(item, "isdisplayallowed").lower() == "false"
    return AgendaItem(number=number or None, title=_field(item, "agendaitemtitle"), restricted=restricted)


def _attendee(element: Element) -> Attendee:
    def attribute(key: str) -> str:
        return clean(element.get(key)) or _field(element, key)

    return Attendee(
        name=attribute("name"),
        role=attribute("roledescription") or None,
        attendance=attribute("attendance") or None,
        party=attribute("politicalparty") or None,
        ward=attribute("ward") or None,
    )


def _meeting_list(root: Element, name: str) -> ParsedFile:
    blocks = []
    for committee in (c for c in root.iter() if _local(c.tag) == "committee"):
        title = _field(committee, "committeetitle")
        blocks.append(Block(BlockKind.HEADING, f"Meetings of {title}" if title else "Meetings", level=1))
        for meeting in _children(committee, "committeemeetings", "meeting"):
            parts = [_field(meeting, "meetingdate"), _field(meeting, "meetingtime")]
            status = _field(meeting, "meetingstatus")
            text = " ".join(p for p in parts if p) + (f" ({status})" if status else "")
            blocks.append(Block(BlockKind.LIST_ITEM, f"{text}, meeting {_field(meeting, 'meetingid')}"))
    return ParsedFile(MODERNGOV, tuple(blocks), title=blocks[0].text if blocks else None)


def _committee_list(root: Element, name: str) -> ParsedFile:
    blocks = [Block(BlockKind.HEADING, "Committees", level=1)]
    for committee in (c for c in root if _local(c.tag) == "committee"):
        notes = [_field(committee, "committeecategory")]
        notes += ["expired" if _flag(committee, "committeeexpired") else ""]
        notes += ["deleted" if _flag(committee, "committeedeleted") else ""]
        detail = "; ".join(n for n in notes if n)
        text = _field(committee, "committeetitle") + (f" ({detail})" if detail else "")
        blocks.append(Block(BlockKind.LIST_ITEM, text))
    return ParsedFile(MODERNGOV, tuple(blocks), title="Committees")
