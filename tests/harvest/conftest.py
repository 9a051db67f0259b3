"""Fixtures: a ModernGov site on loopback and a harvester pointed at it.

The site serves the real responses (committees, Audit Committee meetings, the 10 February 2026
meeting with minutes and attendees), plus meetings made from them: the cancelled 13 January
meeting as GetMeeting shows it, and an Art Galleries Committee meeting on 3 March 2026 with its
own two papers. Every paper is a PDF built with reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, Sequence

import pytest

from ingest.extract import default_extractors
from ingest.harvest import HarvestEvent, Harvester, HarvestPolicy, HarvestReport, HarvestRequest, PoliteClient
from ingest.manifest import Manifest
from ingest.pipeline import Ingestor, IngestReport
from kg.settings import Settings
from tests.harvest.site import (
    FakeModernGov, cancelled_meeting, derive_meeting, make_pdf, meetings_listing, real,
)

USER_AGENT = "council-kg-tests/1.0 (tests@example.org)"
COUNCIL = "Manchester City Council"
PERIOD = (date(2026, 1, 1), date(2026, 3, 31))

# Attachment id -> (title, paragraphs). 60860 and 60909 are the real meeting's papers;
# 70001 and 70002 belong to the Art Galleries meeting derived from it.
PAPER_TEXT: dict[str, tuple[str, list[str]]] = {
    "60860": ("Minutes of the Audit Committee, 25 November 2025", [
        "The Committee received the external auditor's annual report and noted the findings on the "
        "valuation of council dwellings.",
        "Resolved to approve the annual governance statement action plan subject to quarterly updates.",
    ]),
    "60909": ("Audit Committee Work Programme February 2026", [
        "The work programme lists the internal audit progress report for March and the treasury "
        "management mid-year review.",
        "Members are asked to note the programme and suggest further items for scrutiny.",
    ]),
    "70001": ("Minutes of the Art Galleries Committee", [
        "The Committee noted visitor numbers at the Art Gallery rose to 612,000 in 2025, an increase "
        "of eight per cent on the previous year.",
        "Resolved that the Director of Galleries report on the loans programme at the next meeting.",
    ]),
    "70002": ("Art Galleries Committee Work Programme", [
        "The programme includes the conservation studio refurbishment and the touring exhibitions "
        "strategy for 2026/27.",
        "The Committee is asked to agree the dates of its meetings for the coming year.",
    ]),
}


@pytest.fixture(scope="session")
def papers() -> dict[str, bytes]:
    """The PDFs, built once (reportlab's invariant mode makes them reproducible)."""
    return {aid: make_pdf(title, paras) for aid, (title, paras) in PAPER_TEXT.items()}


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback only: no proxy from the environment may stand between the tests and the site."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture()
def site(shared: Path, papers: dict[str, bytes]) -> Iterator[FakeModernGov]:
    """The council's site on loopback, with the real responses and the test PDFs."""
    meeting = real(shared, "meeting_with_minutes.xml")
    with FakeModernGov() as fake:
        fake.put("/robots.txt", None, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        fake.put_xml("GetCommittees", {"lDays": "0"}, real(shared, "committees.xml"))
        fake.put_xml("GetMeetings", {"lCommitteeId": "144"}, real(shared, "meetings.xml"))
        fake.put_xml("GetMeetings", {"lCommitteeId": "163"},
                     meetings_listing("163", "Art Galleries Committee", [("5001", "03/03/2026", "Confirmed")]))
        fake.put_xml("GetMeeting", {"lMeetingId": "4967"}, meeting)
        fake.put_xml("GetMeeting", {"lMeetingId": "4966"}, cancelled_meeting(meeting, "4966", "13/01/2026"))
        fake.put_xml("GetMeeting", {"lMeetingId": "5001"}, derive_meeting(
            meeting, "5001", "03/03/2026", "Art Galleries Committee", {"60860": "70001", "60909": "70002"}))
        for attachment_id, body in papers.items():
            fake.put_paper(attachment_id, body)
        yield fake


@pytest.fixture()
def harvest_settings(settings: Settings) -> Settings:
    """Settings on a private data directory, with no delay between requests."""
    return replace(settings, harvest_delay=0.0, user_agent=USER_AGENT)


@dataclass
class CountingIngestor:
    """The real Ingestor, counting the files it is asked to ingest and the documents to remove.

    With ``refuse_removal`` set, ``remove`` raises it instead, as a store that cannot be written.
    """

    inner: Ingestor
    calls: list[list[str]] = field(default_factory=list)
    removals: list[list[str]] = field(default_factory=list)
    refuse_removal: Exception | None = None

    def ingest(self, paths: Sequence[Path], manifest: Manifest | None = None) -> IngestReport:
        self.calls.append([Path(p).name for p in paths])
        return self.inner.ingest(paths, manifest)

    def remove(self, refs: Sequence[str]) -> IngestReport:
        self.removals.append(list(refs))
        if self.refuse_removal is not None:
            raise self.refuse_removal
        return self.inner.remove(refs)


@dataclass
class Run:
    """Runs harvests against the site with the shared embedder; keeps the last ingestor."""

    site: FakeModernGov
    settings: Settings
    embedder: object
    ingestor: CountingIngestor | None = None

    def __call__(self, *committees: str, start: date = PERIOD[0], end: date = PERIOD[1],
                 progress: Callable[[HarvestEvent], None] | None = None, retries: int = 3,
                 batch_meetings: int = 10, refuse_removal: Exception | None = None) -> HarvestReport:
        policy = HarvestPolicy(USER_AGENT, delay=0.0, timeout=0.5, retries=retries, backoff=0.01, max_backoff=0.05)
        # With the fact extractors, as `council-kg harvest` ingests: the graph holds meetings, people, decisions.
        inner = Ingestor(self.settings, embedder=self.embedder, extractors=default_extractors())  # type: ignore[arg-type]
        self.ingestor = CountingIngestor(inner, refuse_removal=refuse_removal)
        harvester = Harvester(self.settings, self.ingestor, client=PoliteClient(policy), progress=progress,
                              batch_meetings=batch_meetings)
        request = HarvestRequest(self.site.url, start, end, tuple(committees), COUNCIL)
        return harvester.run(request)


@pytest.fixture()
def run(site: FakeModernGov, harvest_settings: Settings, embedder) -> Run:  # type: ignore[no-untyped-def]
    """A harvest of the loopback site into the test's data directory."""
    return Run(site, harvest_settings, embedder)
