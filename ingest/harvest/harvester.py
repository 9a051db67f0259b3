"""Harvest a council's ModernGov site into the knowledge graph, incrementally.

Steps of one run::

    GetCommittees ─ choose committees ─ GetMeetings per committee (the period) ─ for each meeting:
        GetMeeting ─ (withheld? its record and papers are withdrawn; stop)
        ─ (cancelled? ingest its record only) ─ redact restricted items
        ─ conditional GET of each public, on-site paper ─ papers it no longer links are withdrawn
        ─ remove the withdrawn, ingest what is new or changed ─ remember validators and hashes
        ─ mark the meeting done (state saved)

A paper or meeting that fails is recorded with its URL and reason and the run goes on; only a
site whose committees cannot be listed stops it. Meetings are committed in batches (every commit
rebuilds the indexes), so an interrupted run loses at most the batch in hand, and the next run
with the same arguments resumes after the meetings already committed.

Withdrawal needs the meeting's own answer: a meeting no longer listed (outside the period asked,
or gone from the listing) is not fetched, so nothing says why, and what was ingested for it is
left as it is.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Sequence
from urllib.parse import urlsplit

from ingest.harvest.batch import Ingests, PendingMeeting, StagedFile, commit_batch
from ingest.harvest.client import HarvestPolicy, PoliteClient, Response, Validators
from ingest.harvest.errors import FetchFailed, HarvestError
from ingest.harvest.moderngov import (
    AgendaEntry, Committee, LinkedDocument, MeetingDetail, MeetingSummary, ServiceUrls,
    parse_committees, parse_meeting, parse_meetings, redact, site_base,
)
from ingest.harvest.papers import council_from_site, document_type, paper_file_name
from ingest.harvest.report import Failure, HarvestEvent, HarvestReport, Progress, Tally
from ingest.harvest.state import HarvestLock, HarvestState, MeetingState, now, site_folder
from kg.datadir import content_hash
from kg.records import DocumentMeta
from kg.settings import Settings


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


class Harvester:
    """Harvests one ModernGov site into one data directory.

    ``batch_meetings`` and ``batch_files`` bound a batch: it is committed when it holds that many
    meetings or downloaded files, and at the end.
    """

    def __init__(
        self, settings: Settings, ingestor: Ingests, *, client: PoliteClient | None = None,
        progress: Progress | None = None, batch_meetings: int = 10, batch_files: int = 40,
    ) -> None:
        self.settings = settings
        self.ingestor = ingestor
        self.client = client or PoliteClient(HarvestPolicy.from_settings(settings))
        self.progress = progress or (lambda event: None)
        self.batch_meetings = max(1, batch_meetings)
        self.batch_files = max(1, batch_files)

    def run(self, request: HarvestRequest) -> HarvestReport:
        """Harvest the site for the request; HarvestError only when the site cannot be used at all."""
        if request.end < request.start:
            raise HarvestError(f"the period ends ({request.end}) before it starts ({request.start})")
        base = site_base(request.site)
        urls = ServiceUrls(base)
        folder = site_folder(self.settings.data, base)
        incoming = folder / "incoming"
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
            total = len(meetings)
            self.progress(HarvestEvent("listed", f"{len(committees)} committees, {total} meetings"
                                       + (f"; resuming after {len(done)} done" if done else ""), 0, total))
            _reset(incoming)
            batch: list[PendingMeeting] = []
            for index, meeting in enumerate(meetings, 1):
                if meeting.id in done:
                    tally.resumed += 1
                    continue
                before = len(tally.failures)
                pending, note = self._meeting(meeting, urls, council, state, incoming, tally)
                batch.append(replace(pending, fetch_failed=len(tally.failures) > before))
                self._tell("meeting", f"{meeting.committee} {meeting.date or ''}: {note}", tally.failures[before:],
                           index, total)
                if len(batch) >= self.batch_meetings or sum(len(p.files) for p in batch) >= self.batch_files:
                    self._commit(batch, incoming, state, tally, index, total)
                    batch = []
            self._commit(batch, incoming, state, tally, total, total)
            state.finish()
        return tally.report(base, self.client.requests, self.client.downloads)

    def _commit(
        self, batch: list[PendingMeeting], incoming: Path, state: HarvestState, tally: Tally, index: int, total: int,
    ) -> None:
        files = sum(len(p.files) for p in batch)
        papers, records = tally.papers_withdrawn, tally.meetings_withdrawn
        failures = commit_batch(self.ingestor, batch, incoming, state, tally)
        _reset(incoming)
        papers, records = tally.papers_withdrawn - papers, tally.meetings_withdrawn - records
        notes = [f"ingested {files - len(failures)} of {files} files"] if files else []
        notes += [f"removed {papers} withdrawn paper(s)"] if papers else []
        notes += [f"removed {records} record(s) of meetings no longer public"] if records else []
        if notes or failures:
            self._tell("ingested", "; ".join(notes) or "withdrawn documents not removed", failures, index, total)

    def _tell(self, kind: str, message: str, failures: Sequence[Failure], index: int, total: int) -> None:
        self.progress(HarvestEvent(kind, message, index, total))
        for failure in failures:
            self.progress(HarvestEvent("failed", f"{failure.url}: {failure.reason}", index, total))

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
    ) -> tuple[PendingMeeting, str]:
        """Fetch one meeting's record and changed papers; the files to commit and a progress note."""
        url = urls.meeting(summary.id)
        record = MeetingState(summary.id, summary.committee, summary.date.isoformat() if summary.date else None,
                              "ingested", checked_at=now())
        try:
            response = self.client.get(url)
            detail = parse_meeting(response.body, urls)
        except HarvestError as exc:
            tally.failures.append(_failure(url, exc))
            return PendingMeeting(record), "failed"
        committee, when = detail.committee or summary.committee, detail.date or summary.date
        record = replace(record, committee=committee, date=when.isoformat() if when else None)
        page = urls.meeting_page(summary.committee_id, summary.id)
        if not detail.public:
            return self._withheld(record, page, state, tally)
        cancelled = detail.cancelled or summary.cancelled
        if cancelled:  # its record is ingested (the graph says it was cancelled); its papers are not fetched
            tally.cancelled += 1
            record = replace(record, status="cancelled")
        meta = DocumentMeta(council=council, body=committee or None, meeting_date=when)
        folder = incoming / summary.id
        files: list[StagedFile] = []
        digest = content_hash(response.body)
        previous = state.meetings.get(summary.id)
        if previous and previous.sha256 == digest and previous.document_id:
            # status too: a record whose removal failed is still held when its meeting is shown again
            state.meetings[summary.id] = replace(previous, status=record.status, checked_at=record.checked_at)
        else:
            body = redact(response.body) if detail.restricted else response.body
            kind = "minutes" if detail.has_minutes else "agenda"
            files.append(_stage(folder, f"meeting-{summary.id}.xml", body, page, replace(meta, document_type=kind),
                                digest, response, False))
        withdrawn: tuple[str, ...] = ()
        if not cancelled:
            papers, linked = self._papers(detail, meta, state, folder, tally)
            files += papers
            for url in linked:
                state.link(url, summary.id)
            withdrawn = state.unlinked(summary.id, linked)
        note = f"{len(files)} file(s) to ingest" if files else "unchanged"
        if withdrawn:
            note += f"; {len(withdrawn)} paper(s) no longer linked"
        return PendingMeeting(record, tuple(files), withdrawn=withdrawn), ("cancelled; " if cancelled else "") + note

    @staticmethod
    def _withheld(record: MeetingState, page: str, state: HarvestState, tally: Tally) -> tuple[PendingMeeting, str]:
        """A meeting not for display: nothing fetched; its record and papers, if held, are withdrawn.

        The record's document id stays remembered until the batch's commit has removed it.
        """
        tally.withheld += 1
        previous = state.meetings.get(record.id)
        state.meetings[record.id] = replace(record, status="withheld", sha256=previous.sha256 if previous else None,
                                            document_id=previous.document_id if previous else None)
        withdrawn = state.unlinked(record.id, ())
        held = ["its record"] if previous and previous.document_id else []
        held += [f"{len(withdrawn)} paper(s)"] if withdrawn else []
        note = "not public; nothing fetched" + (f"; {' and '.join(held)} to be withdrawn" if held else "")
        return PendingMeeting(record, withdrawn=withdrawn, withheld=True, page=page), note

    def _papers(
        self, detail: MeetingDetail, meta: DocumentMeta, state: HarvestState, folder: Path, tally: Tally,
    ) -> tuple[list[StagedFile], set[str]]:
        """The papers to ingest, and the URLs of every public, on-site paper the meeting links."""
        staged: list[StagedFile] = []
        linked: set[str] = set()
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
                    linked.add(doc.url)
                    paper = self._paper(doc, item, meta, state, folder, tally)
                    if paper is not None:
                        staged.append(paper)
        return staged, linked

    def _paper(
        self, doc: LinkedDocument, item: AgendaEntry, meta: DocumentMeta, state: HarvestState, folder: Path,
        tally: Tally,
    ) -> StagedFile | None:
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
        return _stage(folder, name, response.body, doc.url, paper_meta, digest, response, True)


def _stage(
    folder: Path, name: str, body: bytes, source_url: str, meta: DocumentMeta, digest: str,
    response: Response, paper: bool,
) -> StagedFile:
    """Write a downloaded file into the meeting's incoming folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(body)
    return StagedFile(f"{folder.name}/{name}", source_url, replace(meta, source_url=source_url), digest,
                      response.validators, paper)


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
