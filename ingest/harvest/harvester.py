"""Harvest a council's ModernGov site into the knowledge graph, incrementally.

Steps of one run::

    GetCommittees ─ choose committees ─ GetMeetings per committee (the period) ─ for each meeting:
        GetMeeting ─ (withheld? stop) ─ (cancelled? record; no papers) ─ redact restricted items
        ─ conditional GET of each public, on-site paper ─ ingest what is new or changed
        ─ remember validators and hashes ─ mark the meeting done (state saved)

A paper or meeting that fails is recorded with its URL and reason and the run goes on; only a
site whose committees cannot be listed stops it. Each meeting is one ingest (one commit), so an
interrupted run loses at most the meeting in hand, and the next run with the same arguments
resumes after the meetings already finished.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Protocol, Sequence
from urllib.parse import urlsplit

from ingest.harvest.client import HarvestPolicy, PoliteClient, Response, Validators
from ingest.harvest.errors import FetchFailed, HarvestError
from ingest.harvest.moderngov import (
    AgendaEntry, Committee, LinkedDocument, MeetingDetail, MeetingSummary, ServiceUrls,
    parse_committees, parse_meeting, parse_meetings, redact, site_base,
)
from ingest.harvest.papers import council_from_site, document_type, paper_file_name
from ingest.harvest.report import Failure, HarvestEvent, HarvestReport, Progress, Tally
from ingest.harvest.state import HarvestLock, HarvestState, MeetingState, PaperState, now, site_folder
from ingest.manifest import Manifest
from ingest.pipeline import IngestReport
from kg.datadir import content_hash
from kg.records import DocumentMeta
from kg.settings import Settings

_OK = frozenset({"added", "replaced", "unchanged", "duplicate"})


class Ingests(Protocol):
    """What the harvester needs of the pipeline: ``Ingestor.ingest``."""

    def ingest(self, paths: Sequence[Path], manifest: Manifest | None = None) -> IngestReport: ...


@dataclass(frozen=True)
class HarvestRequest:
    """What to harvest: a site, optionally some committees (names or ids), and a period."""

    site: str
    start: date
    end: date
    committees: tuple[str, ...] = ()
    council: str | None = None

    def key(self, base: str) -> str:
        """Identifies the run, so an interrupted run is resumed only by the same request."""
        raw = json.dumps([base, sorted(c.casefold() for c in self.committees), str(self.start), str(self.end)])
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class _Staged:
    """A file downloaded for this meeting's ingest, with what to remember once it is in."""

    name: str
    url: str
    meta: DocumentMeta
    sha256: str
    validators: Validators
    paper: bool


class Harvester:
    """Harvests one ModernGov site into one data directory."""

    def __init__(
        self, settings: Settings, ingestor: Ingests, *, client: PoliteClient | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings
        self.ingestor = ingestor
        self.client = client or PoliteClient(HarvestPolicy.from_settings(settings))
        self.progress = progress or (lambda event: None)

    def run(self, request: HarvestRequest) -> HarvestReport:
        """Harvest the site for the request; HarvestError only when the site cannot be used at all."""
        if request.end < request.start:
            raise HarvestError(f"the period ends ({request.end}) before it starts ({request.start})")
        base = site_base(request.site)
        urls = ServiceUrls(base)
        folder = site_folder(self.settings.data, base)
        council = request.council or council_from_site(base)
        tally = Tally()
        with HarvestLock(folder / "harvest.lock"):
            state = HarvestState.load(folder / "state.json", base)
            committees = self._committees(urls, request.committees)
            tally.committees = len(committees)
            meetings = self._meetings(urls, committees, request, tally)
            tally.meetings = len(meetings)
            done = state.begin(request.key(base))
            state.save()
            self.progress(HarvestEvent("listed", f"{len(committees)} committees, {len(meetings)} meetings"
                                       + (f"; resuming after {len(done)} done" if done else ""), 0, len(meetings)))
            for index, meeting in enumerate(meetings, 1):
                if meeting.id in done:
                    tally.resumed += 1
                    continue
                before = len(tally.failures)
                note = self._meeting(meeting, urls, council, state, folder / "incoming", tally)
                # A meeting with a failure stays undone, so a resumed run tries it again.
                if len(tally.failures) == before:
                    state.finish_meeting(meeting.id)
                else:
                    state.save()
                self.progress(HarvestEvent("meeting", f"{meeting.committee} {meeting.date or ''}: {note}",
                                           index, len(meetings)))
                for failure in tally.failures[before:]:
                    self.progress(HarvestEvent("failed", f"{failure.url}: {failure.reason}", index, len(meetings)))
            state.finish()
        return tally.report(base, self.client.requests, self.client.downloads)

    def _committees(self, urls: ServiceUrls, wanted: Sequence[str]) -> list[Committee]:
        listed = parse_committees(self.client.get(urls.committees()).body)
        if not wanted:
            return [c for c in listed if not (c.expired or c.deleted)]
        chosen: list[Committee] = []
        for name in wanted:
            key = name.strip().casefold()
            exact = [c for c in listed if c.title.casefold() == key or c.id == name.strip()]
            matches = exact or [c for c in listed if key in c.title.casefold()]
            if not matches:
                known = "; ".join(c.title for c in listed if not (c.expired or c.deleted))
                raise HarvestError(f"no committee called {name!r} on {urls.base}; committees: {known}")
            chosen += [c for c in matches if c not in chosen]
        return chosen

    def _meetings(
        self, urls: ServiceUrls, committees: list[Committee], request: HarvestRequest, tally: Tally,
    ) -> list[MeetingSummary]:
        found: dict[str, MeetingSummary] = {}
        for committee in committees:
            url = urls.meetings(committee.id, request.start, request.end)
            try:
                listed = parse_meetings(self.client.get(url).body)
            except HarvestError as exc:
                tally.failures.append(_failure(url, exc))
                continue
            for m in listed:
                in_period = m.date is None or request.start <= m.date <= request.end
                if in_period and m.id not in found:
                    found[m.id] = replace(m, committee_id=m.committee_id or committee.id,
                                          committee=m.committee or committee.title)
        return sorted(found.values(), key=lambda m: (m.date or date.min, m.id))

    def _meeting(
        self, summary: MeetingSummary, urls: ServiceUrls, council: str | None, state: HarvestState,
        incoming: Path, tally: Tally,
    ) -> str:
        """Harvest one meeting; returns a short note for the progress display."""
        url = urls.meeting(summary.id)
        try:
            response = self.client.get(url)
            detail = parse_meeting(response.body, urls)
        except HarvestError as exc:
            tally.failures.append(_failure(url, exc))
            return "failed"
        committee, when = detail.committee or summary.committee, detail.date or summary.date
        record = MeetingState(summary.id, committee, when.isoformat() if when else None, "ingested",
                              checked_at=now())
        if not detail.public:
            tally.withheld += 1
            state.meetings[summary.id] = replace(record, status="withheld")
            return "not public; nothing fetched"
        cancelled = detail.cancelled or summary.cancelled
        if cancelled:
            tally.cancelled += 1
            record = replace(record, status="cancelled")
            if not detail.public_items:
                state.meetings[summary.id] = record
                return "cancelled"
        meta = DocumentMeta(council=council, body=committee or None, meeting_date=when)
        _reset(incoming)
        staged: list[_Staged] = []
        digest = content_hash(response.body)
        previous = state.meetings.get(summary.id)
        if previous and previous.sha256 == digest and previous.document_id:
            state.meetings[summary.id] = replace(previous, checked_at=record.checked_at)
        else:
            body = redact(response.body) if detail.restricted else response.body
            staged.append(self._stage(incoming, f"meeting-{summary.id}.xml", body, urls.meeting_page(
                summary.committee_id, summary.id), replace(
                meta, document_type="minutes" if detail.has_minutes else "agenda"), digest, response, False))
        if not cancelled:
            staged += self._papers(detail, meta, state, incoming, tally)
        note = self._ingest(staged, incoming, record, state, tally)
        _reset(incoming)
        return ("cancelled; " if cancelled else "") + note

    def _papers(
        self, detail: MeetingDetail, meta: DocumentMeta, state: HarvestState, incoming: Path, tally: Tally,
    ) -> list[_Staged]:
        staged: list[_Staged] = []
        seen: set[str] = set()
        for item in detail.items:
            for doc in item.documents:
                if doc.url in seen:
                    continue
                seen.add(doc.url)
                if doc.restricted:
                    tally.restricted += 1
                elif doc.external or not _same_site(doc.url, state.site):
                    tally.external += 1
                else:
                    paper = self._paper(doc, item, detail.id, meta, state, incoming, tally)
                    if paper is not None:
                        staged.append(paper)
        return staged

    def _paper(
        self, doc: LinkedDocument, item: AgendaEntry, meeting_id: str, meta: DocumentMeta,
        state: HarvestState, incoming: Path, tally: Tally,
    ) -> _Staged | None:
        previous = state.papers.get(doc.url)
        known = Validators(previous.etag, previous.last_modified) if previous else None
        try:
            response = self.client.get(doc.url, known)
        except HarvestError as exc:
            tally.failures.append(_failure(doc.url, exc))
            return None
        if response.not_modified:
            tally.unchanged += 1
            return None
        digest = content_hash(response.body)
        if previous and previous.sha256 == digest:
            tally.unchanged += 1
            state.papers[doc.url] = replace(previous, etag=response.validators.etag,
                                            last_modified=response.validators.last_modified, fetched_at=now())
            return None
        tally.papers_fetched += 1
        name = paper_file_name(doc, response.content_type, response.filename, digest)
        paper_meta = replace(meta, title=doc.title or item.title or None, document_type=document_type(doc, item))
        return self._stage(incoming, name, response.body, doc.url, paper_meta, digest, response, True)

    @staticmethod
    def _stage(
        incoming: Path, name: str, body: bytes, source_url: str, meta: DocumentMeta, digest: str,
        response: Response, paper: bool,
    ) -> _Staged:
        incoming.mkdir(parents=True, exist_ok=True)
        (incoming / name).write_bytes(body)
        return _Staged(name, source_url, replace(meta, source_url=source_url), digest, response.validators, paper)

    def _ingest(
        self, staged: list[_Staged], incoming: Path, record: MeetingState, state: HarvestState, tally: Tally,
    ) -> str:
        if not staged:
            return "unchanged"
        manifest = Manifest({s.name: s.meta for s in staged}, incoming.resolve())
        report = self.ingestor.ingest([incoming / s.name for s in staged], manifest)
        by_name = {Path(r.path).name: r for r in report.results}
        counts: dict[str, int] = {}
        for item in staged:
            result = by_name.get(item.name)
            status = result.status if result else "failed"
            counts[status] = counts.get(status, 0) + 1
            if result is None or status not in _OK:
                reason = result.reason if result and result.reason else "not ingested"
                tally.failures.append(Failure(item.url, reason))
                continue
            if not item.paper:
                tally.meetings_ingested += 1
                state.meetings[record.id] = replace(record, sha256=item.sha256, document_id=result.document_id)
                continue
            tally.papers_added += status == "added"
            tally.papers_replaced += status == "replaced"
            tally.duplicates += status == "duplicate"
            tally.unchanged += status == "unchanged"
            state.papers[item.url] = PaperState(
                item.url, result.document_id or "", item.sha256, record.id, item.validators.etag,
                item.validators.last_modified, now(),
            )
        return ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))


def _same_site(url: str, site: str) -> bool:
    """Papers are fetched only from the council's own site (the host the harvest was pointed at)."""
    return urlsplit(url).netloc.lower() == urlsplit(site).netloc.lower()


def _failure(url: str, exc: HarvestError) -> Failure:
    if isinstance(exc, FetchFailed):
        return Failure(exc.url, exc.reason)
    return Failure(url, str(exc))


def _reset(folder: Path) -> None:
    """Empty the incoming folder: downloads live there only until their meeting is ingested."""
    shutil.rmtree(folder, ignore_errors=True)
