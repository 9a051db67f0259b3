"""The ModernGov web service (``mgWebService.asmx``): its URLs and its answers as typed records.

Operations used, all plain HTTP GETs returning XML::

    GetCommittees?lDays=0                                    every committee
    GetMeetings?lCommitteeId=ID&sFromDate=D&sToDate=D        a committee's meetings in a period
    GetMeeting?lMeetingId=ID                                 one meeting: agenda items, minutes,
                                                             attendees and linked documents

Answers are parsed with defusedxml (no DTDs, entities or external references); SOAP envelopes
and ``…Response``/``…Result`` wrappers are looked through, and tags are matched by local name,
case-insensitively. An agenda item is restricted when ``isrestricted`` is true or
``isdisplayallowed`` is false; every document linked from it counts as restricted too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode, urljoin, urlsplit
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from ingest.harvest.errors import HarvestError

_TRUE = frozenset({"true", "1", "yes"})
# Fields an agenda item keeps when it is restricted: what the public agenda shows anyway.
_RESTRICTED_KEEP = frozenset({
    "agendaitemid", "agendaitemtitle", "agendaitemnumber", "agendaitemsubnumber",
    "fulldisplaynumberformat", "isrestricted", "isdisplayallowed", "restrictionsref",
    "meetingdate", "refertocommittee",
})


@dataclass(frozen=True)
class Committee:
    """A committee (or board, panel, cabinet) as GetCommittees lists it."""

    id: str
    title: str
    expired: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting as GetMeetings lists it."""

    id: str
    committee_id: str
    committee: str
    date: date | None
    status: str = ""

    @property
    def cancelled(self) -> bool:
        """True when the listing says the meeting was cancelled."""
        return self.status.strip().lower() == "cancelled"


@dataclass(frozen=True)
class LinkedDocument:
    """A paper linked from an agenda item."""

    attachment_id: str
    title: str
    url: str
    restricted: bool = False
    external: bool = False


@dataclass(frozen=True)
class AgendaEntry:
    """An agenda item with its linked papers."""

    number: str
    title: str
    restricted: bool
    documents: tuple[LinkedDocument, ...] = ()


@dataclass(frozen=True)
class MeetingDetail:
    """What GetMeeting says about one meeting."""

    id: str
    committee: str
    date: date | None
    cancelled: bool
    public: bool
    items: tuple[AgendaEntry, ...] = ()
    has_minutes: bool = False

    @property
    def public_items(self) -> tuple[AgendaEntry, ...]:
        """Agenda items whose text and papers may be published."""
        return tuple(i for i in self.items if not i.restricted)

    @property
    def restricted(self) -> bool:
        """True when any item or paper is restricted (the record must be redacted)."""
        return any(i.restricted or any(d.restricted for d in i.documents) for i in self.items)


def site_base(site: str) -> str:
    """The base URL of a ModernGov site from whatever page of it the user gave.

    ``democracy.medway.gov.uk``, ``https://democracy.medway.gov.uk/ieDocHome.aspx?bcr=1`` and
    ``https://host/moderngov/mgWebService.asmx`` give ``https://democracy.medway.gov.uk`` and
    ``https://host/moderngov``.
    """
    text = site.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise HarvestError(f"{site}: not a web address (expected e.g. https://democracy.medway.gov.uk)")
    path = re.split(r"/mgwebservice\.asmx", parts.path, maxsplit=1, flags=re.IGNORECASE)[0]
    segments = [s for s in path.split("/") if s]
    if segments and "." in segments[-1]:
        segments = segments[:-1]
    return f"{parts.scheme}://{parts.netloc}" + "".join(f"/{s}" for s in segments)


class ServiceUrls:
    """URLs of one site's web service and pages."""

    def __init__(self, base: str) -> None:
        self.base = base

    def _service(self, operation: str, **params: str) -> str:
        return f"{self.base}/mgWebService.asmx/{operation}?{urlencode(params)}"

    def committees(self) -> str:
        """GetCommittees: every committee."""
        return self._service("GetCommittees", lDays="0")

    def meetings(self, committee_id: str, start: date, end: date) -> str:
        """GetMeetings: a committee's meetings between two dates (ISO dates parse in any culture)."""
        return self._service("GetMeetings", lCommitteeId=committee_id, sFromDate=start.isoformat(),
                             sToDate=end.isoformat())

    def meeting(self, meeting_id: str) -> str:
        """GetMeeting: one meeting in full."""
        return self._service("GetMeeting", lMeetingId=meeting_id)

    def meeting_page(self, committee_id: str, meeting_id: str) -> str:
        """The meeting's public page: what a citation of the meeting record links to."""
        return f"{self.base}/ieListDocuments.aspx?{urlencode({'CId': committee_id, 'MId': meeting_id})}"

    def absolute(self, url: str) -> str:
        """A linked document's URL made absolute against the site."""
        return urljoin(self.base + "/", url.strip())


def parse_committees(data: bytes) -> list[Committee]:
    """Committees from a GetCommittees answer."""
    root = _root(data, "GetCommittees")
    return [
        Committee(_text(c, "committeeid"), _text(c, "committeetitle"),
                  _flag(c, "committeeexpired"), _flag(c, "committeedeleted"))
        for c in root.iter() if _local(c.tag) == "committee" and _text(c, "committeeid")
    ]


def parse_meetings(data: bytes) -> list[MeetingSummary]:
    """Meetings from a GetMeetings answer, in the order given."""
    root = _root(data, "GetMeetings")
    out = []
    for committee in (c for c in root.iter() if _local(c.tag) == "committee"):
        cid, title = _text(committee, "committeeid"), _text(committee, "committeetitle")
        for meeting in (m for m in committee.iter() if _local(m.tag) == "meeting"):
            if _text(meeting, "meetingid"):
                out.append(MeetingSummary(_text(meeting, "meetingid"), cid, title,
                                          parse_date(_text(meeting, "meetingdate")),
                                          _text(meeting, "meetingstatus")))
    return out


def parse_meeting(data: bytes, urls: ServiceUrls) -> MeetingDetail:
    """The meeting, its agenda items and their linked papers from a GetMeeting answer."""
    root = _meeting_element(_root(data, "GetMeeting"))
    items = tuple(_item(i, urls) for i in root.iter() if _local(i.tag) == "agendaitem")
    committee = _text(root, "committeetitle") or next(
        (_text(i, "refertocommittee") for i in root.iter() if _local(i.tag) == "agendaitem"
         and _text(i, "refertocommittee")), "")
    status = _text(root, "meetingstatus").lower()
    return MeetingDetail(
        id=_text(root, "meetingid"), committee=committee, date=parse_date(_text(root, "meetingdate")),
        cancelled=status == "cancelled" or _flag(root, "iscancelled"),
        public=_text(root, "isdisplayallowed").lower() != "false",
        items=items,
        has_minutes=any(_text(i, "minutesnonemptyhtmlbody") for i in root.iter() if _local(i.tag) == "agendaitem"),
    )


def redact(data: bytes) -> bytes:
    """The meeting record without the text and papers of restricted items, nor restricted papers.

    A restricted item keeps its number and title, as the public agenda shows them.
    """
    root = _parse(data, "GetMeeting")
    for item in [i for i in root.iter() if _local(i.tag) == "agendaitem"]:
        if _item_restricted(item):
            for child in [c for c in item if _local(c.tag) not in _RESTRICTED_KEEP]:
                item.remove(child)
            continue
        for holder in [h for h in item.iter() if _local(h.tag) == "linkeddocuments"]:
            for doc in [d for d in holder if _local(d.tag) == "linkeddoc" and _flag(d, "isrestricted")]:
                holder.remove(doc)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def parse_date(text: str) -> date | None:
    """A ModernGov date (``dd/mm/yyyy``, ISO, or ISO with a time), or None."""
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _item(element: Element, urls: ServiceUrls) -> AgendaEntry:
    restricted = _item_restricted(element)
    number = _text(element, "fulldisplaynumberformat").rstrip(".") or _text(element, "agendaitemnumber")
    docs = tuple(
        LinkedDocument(
            attachment_id=_text(d, "attachmentid"), title=" ".join(_text(d, "title").split()),
            url=urls.absolute(_text(d, "url")), restricted=restricted or _flag(d, "isrestricted"),
            external=_flag(d, "isurl"),
        )
        for d in element.iter() if _local(d.tag) == "linkeddoc" and _text(d, "url")
    )
    return AgendaEntry(number, _text(element, "agendaitemtitle"), restricted, docs)


def _item_restricted(element: Element) -> bool:
    return _flag(element, "isrestricted") or _text(element, "isdisplayallowed").lower() == "false"


def _parse(data: bytes, operation: str) -> Element:
    import defusedxml.ElementTree as safe_xml  # deferred: only a harvest needs it

    try:
        return safe_xml.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except Exception as exc:  # noqa: BLE001 - ParseError, DefusedXmlException: both mean "unusable"
        raise HarvestError(f"{operation}: the site's answer is not usable XML ({exc})") from exc


def _root(data: bytes, operation: str) -> Element:
    element = _parse(data, operation)
    while _local(element.tag) in {"envelope", "body"} or _local(element.tag).endswith(("response", "result")):
        children = list(element)
        if len(children) != 1:
            break
        element = children[0]
    return element


def _meeting_element(root: Element) -> Element:
    if _local(root.tag) == "meeting":
        return root
    return next((e for e in root.iter() if _local(e.tag) == "meeting"), root)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _text(element: Element, tag: str) -> str:
    for child in element:
        if _local(child.tag) == tag:
            return (child.text or "").strip()
    return ""


def _flag(element: Element, tag: str) -> bool:
    return _text(element, tag).lower() in _TRUE
