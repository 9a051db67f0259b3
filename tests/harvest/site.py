"""A ModernGov site on loopback: the real web-service responses, PDFs built with reportlab.

``FakeModernGov`` serves ``/mgWebService.asmx/<Operation>`` and ``/mgConvert2PDF.aspx?ID=…``
from an http.server in a thread. The real responses in ../shared/external/moderngov link to
democracy.manchester.gov.uk; they are served with that host replaced by the server's own
address, as the council's site would link to itself. Papers are served with ETag and
Last-Modified and answer conditional requests with 304; web-service XML carries neither, as a
real ``.asmx`` does. Tests can change a resource, make a path fail a number of times, and read
the request log.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

REAL_HOST = "https://democracy.manchester.gov.uk"
SERVICE = "/mgWebService.asmx"
PAPER_PATH = "/mgConvert2PDF.aspx"
XML = "text/xml; charset=utf-8"
PDF_TYPE = "application/pdf"
STALL = 0  # in ``fail``: answer only after STALL_SECONDS, longer than the tests' client timeout
STALL_SECONDS = 1.0


@dataclass
class Resource:
    """A body served at one path and query."""

    body: bytes
    content_type: str
    validators: bool
    modified: float
    etag: str = ""

    def __post_init__(self) -> None:
        self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Hit:
    """One request the site answered."""

    path: str
    query: tuple[tuple[str, str], ...]
    status: int
    user_agent: str


@dataclass
class _Routes:
    resources: dict[tuple[str, tuple[tuple[str, str], ...]], Resource] = field(default_factory=dict)
    failures: dict[tuple[str, tuple[tuple[str, str], ...]], list[int]] = field(default_factory=dict)
    log: list[Hit] = field(default_factory=list)
    clock: float = 1_760_000_000.0


def _key(path: str, params: dict[str, str] | None) -> tuple[str, tuple[tuple[str, str], ...]]:
    return path, tuple(sorted((params or {}).items()))


class FakeModernGov:
    """The site: start with ``with FakeModernGov() as site``; ``site.url`` is its base URL."""

    def __init__(self) -> None:
        self._routes = _Routes()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "FakeModernGov":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- content -----------------------------------------------------------------------------
    def put(self, path: str, params: dict[str, str] | None, body: bytes, content_type: str,
            validators: bool = False) -> None:
        """Serve ``body`` at the path for requests carrying ``params`` (other parameters ignored)."""
        with self._lock:
            self._routes.clock += 60
            self._routes.resources[_key(path, params)] = Resource(body, content_type, validators,
                                                                  self._routes.clock)

    def put_xml(self, operation: str, params: dict[str, str], xml: bytes) -> None:
        """Serve a web-service answer, with the real site's host replaced by ours."""
        self.put(f"{SERVICE}/{operation}", params, xml.replace(REAL_HOST.encode(), self.url.encode()), XML)

    def put_paper(self, attachment_id: str, body: bytes) -> None:
        """Serve a paper as ``mgConvert2PDF.aspx?ID=…`` with ETag and Last-Modified."""
        self.put(PAPER_PATH, {"ID": attachment_id}, body, PDF_TYPE, validators=True)

    def fail(self, path: str, params: dict[str, str] | None, statuses: list[int]) -> None:
        """Answer the next requests for the path with these statuses (or STALL), then normally."""
        with self._lock:
            self._routes.failures[_key(path, params)] = list(statuses)

    def paper_url(self, attachment_id: str) -> str:
        """Where a paper is served."""
        return f"{self.url}{PAPER_PATH}?ID={attachment_id}"

    # -- observation -------------------------------------------------------------------------
    def hits(self, path: str, params: dict[str, str] | None = None, status: int | None = None) -> list[Hit]:
        """Requests for the path whose query holds ``params`` (and with ``status``, when given)."""
        wanted = set((params or {}).items())
        with self._lock:
            return [h for h in self._routes.log if h.path == path and wanted <= set(h.query)
                    and (status is None or h.status == status)]

    def paper_downloads(self) -> int:
        """How many times a paper's body was sent (200 answers for papers)."""
        return len(self.hits(PAPER_PATH, status=200))

    @property
    def log(self) -> list[Hit]:
        """Every request answered so far."""
        with self._lock:
            return list(self._routes.log)

    # -- serving -----------------------------------------------------------------------------
    def answer(self, path: str, query: dict[str, str], headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one GET."""
        with self._lock:
            match = self._match(self._routes.failures, path, query)
            status = self._routes.failures[match].pop(0) if match is not None and self._routes.failures[match] else None
        if status == STALL:
            time.sleep(STALL_SECONDS)  # then answer normally: the client has given up by now
        elif status is not None:
            return status, {}, b"server error"
        with self._lock:
            if path.startswith(SERVICE) and any(k.startswith("s") and k.endswith("Date") for k in query):
                if not all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for k, v in query.items() if k.endswith("Date")):
                    return 500, {}, b"System.FormatException: String was not recognized as a valid DateTime."
            key = self._match(self._routes.resources, path, query)
            if key is None:
                return 404, {}, b"not found"
            res = self._routes.resources[key]
        out = {"Content-Type": res.content_type}
        if res.validators:
            out |= {"ETag": res.etag, "Last-Modified": formatdate(res.modified, usegmt=True)}
            if headers.get("if-none-match") == res.etag or (
                "if-none-match" not in headers and headers.get("if-modified-since") == out["Last-Modified"]):
                return 304, out, b""
        return 200, out, res.body

    @staticmethod
    def _match(table: dict, path: str, query: dict[str, str]):  # type: ignore[no-untyped-def]
        given = set(query.items())
        for key in table:
            if key[0] == path and set(key[1]) <= given:
                return key
        return None

    def record(self, hit: Hit) -> None:
        """Add a request to the log."""
        with self._lock:
            self._routes.log.append(hit)


def _handler(site: FakeModernGov) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            parts = urlsplit(self.path)
            query = dict(parse_qsl(parts.query))
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, out, body = site.answer(parts.path, query, headers)
            site.record(Hit(parts.path, tuple(sorted(query.items())), status, headers.get("user-agent", "")))
            try:
                self.send_response(status)
                for name, value in out.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a stalled answer); nothing to tell it

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet tests
            pass

    return Handler


def make_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A small text PDF, byte-for-byte reproducible."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = 800
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, y, title)
    pdf.setFont("Helvetica", 10)
    for number, text in enumerate(paragraphs, 1):
        y -= 28
        words, line = text.split(), f"{number}. "
        for word in words:
            if len(line) + len(word) > 90:
                pdf.drawString(60, y, line)
                y -= 14
                line = ""
            line += word + " "
        pdf.drawString(60, y, line)
    pdf.save()
    return buffer.getvalue()


def derive_meeting(real: bytes, meeting_id: str, day: str, committee: str, attachments: dict[str, str]) -> bytes:
    """Another meeting made from the real GetMeeting answer: new id, date, committee, papers."""
    xml = real.replace(b"<meetingid>4967</meetingid>", f"<meetingid>{meeting_id}</meetingid>".encode())
    xml = xml.replace(b"10/02/2026", day.encode()).replace(b"Audit Committee", committee.encode())
    for old, new in attachments.items():
        xml = xml.replace(f"ID={old}<".encode(), f"ID={new}<".encode())
        xml = xml.replace(f"<attachmentid>{old}<".encode(), f"<attachmentid>{new}<".encode())
    return xml


def cancelled_meeting(real: bytes, meeting_id: str, day: str) -> bytes:
    """The real meeting as GetMeeting shows a cancelled one: status Cancelled, no agenda."""
    xml = derive_meeting(real, meeting_id, day, "Audit Committee", {})
    xml = xml.replace(b"<meetingstatus>Confirmed</meetingstatus>", b"<meetingstatus>Cancelled</meetingstatus>")
    xml = re.sub(rb"<agendaitems>.*</agendaitems>", b"<agendaitems />", xml, flags=re.DOTALL)
    return re.sub(rb"<attendees>.*</attendees>", b"<attendees />", xml, flags=re.DOTALL)


def restrict(xml: bytes, marker: bytes, flag: bytes = b"isrestricted") -> bytes:
    """Set the first ``<flag>False</flag>`` after ``marker`` to True."""
    head, sep, tail = xml.partition(marker)
    assert sep, marker
    return head + sep + tail.replace(b"<" + flag + b">False<", b"<" + flag + b">True<", 1)


def unlink(xml: bytes, attachment_id: str) -> bytes:
    """The meeting without its link to one paper, as when the paper is withdrawn from the agenda."""
    within = rb"(?:(?!</linkeddoc>).)*"  # never past the end of one linked document
    pattern = rb"<linkeddoc>" + within + rb"<attachmentid>" + attachment_id.encode() + rb"</attachmentid>" + within
    out, found = re.subn(pattern + rb"</linkeddoc>", b"", xml, flags=re.DOTALL)
    assert found, attachment_id
    return out


def meetings_listing(committee_id: str, committee: str, meetings: list[tuple[str, str, str]]) -> bytes:
    """A GetMeetings answer in the real one's shape: (id, dd/mm/yyyy, status) per meeting."""
    rows = "".join(
        f"<meeting><meetingid>{mid}</meetingid><meetingdate>{day}</meetingdate>"
        f"<meetingstatus>{status}</meetingstatus><meetingtime>6.00 pm</meetingtime>"
        f"<iswebcast>False</iswebcast></meeting>"
        for mid, day, status in meetings
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><getmeetings><meetingscount>{len(meetings)}</meetingscount>'
        f"<committeescount>1</committeescount><committee><committeeid>{committee_id}</committeeid>"
        f"<committeetitle>{committee}</committeetitle><committeemeetings>{rows}</committeemeetings>"
        f"</committee></getmeetings>"
    ).encode()


def real(shared: Path, name: str) -> bytes:
    """A real response from ../shared/external/moderngov."""
    return (shared / "external" / "moderngov" / name).read_bytes()


def withhold(xml: bytes) -> bytes:
    """The meeting as the site answers once it is not for display (``isdisplayallowed`` False)."""
    flag = b"<isdisplayallowed>True</isdisplayallowed>"
    assert xml.index(flag) < xml.index(b"<agendaitem"), "the meeting's own flag comes first"
    return xml.replace(flag, b"<isdisplayallowed>False</isdisplayallowed>", 1)
