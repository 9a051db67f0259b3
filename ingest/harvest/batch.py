"""Committing harvested files: withdrawn papers and records removed, several meetings' downloads in
one ingest, then the state.

Every commit rebuilds the store's indexes, so meetings are ingested in batches rather than one
commit each. A meeting counts as done only once its batch is committed and none of its files
(nor its fetches, nor the removal of its withdrawn papers or record) failed; the state is saved
after every batch.

A paper a meeting no longer links (or links only as restricted) is withdrawn: once no meeting
links its URL, its document is removed from the catalog, graph and indexes, unless another paper
still remembered was ingested as the same document (a file already held, found again at another
URL, is kept once); then only the withdrawn URL is forgotten. Removal comes before the batch's ingest, so a
paper re-published at a new URL is ingested afresh, with its new URL as its source.

A meeting the site no longer shows (not for display) withdraws its record and every paper it
linked: the same rules decide what is removed, so a paper another meeting links stays. A meeting
that is cancelled, or merely no longer listed for the period asked, withdraws nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol, Sequence

from ingest.harvest.client import Validators
from ingest.harvest.report import Failure, Tally
from ingest.harvest.state import HarvestState, MeetingState, PaperState, now
from ingest.manifest import Manifest
from ingest.pipeline import FileResult, IngestReport
from kg.errors import CouncilKGError
from kg.records import DocumentMeta

_OK = frozenset({"added", "replaced", "unchanged", "duplicate"})


class Ingests(Protocol):
    """What the harvester needs of the pipeline: ``Ingestor.ingest`` and ``Ingestor.remove``."""

    def ingest(self, paths: Sequence[Path], manifest: Manifest | None = None) -> IngestReport: ...

    def remove(self, refs: Sequence[str]) -> IngestReport: ...


@dataclass(frozen=True)
class StagedFile:
    """A file downloaded into the incoming folder, with what to remember once it is ingested."""

    name: str  # path relative to the incoming folder, e.g. "4967/60860-minutes.pdf"
    url: str
    meta: DocumentMeta
    sha256: str
    validators: Validators
    paper: bool


@dataclass(frozen=True)
class PendingMeeting:
    """A meeting fetched and waiting for its batch to be committed."""

    record: MeetingState
    files: tuple[StagedFile, ...] = field(default=())
    fetch_failed: bool = False
    withdrawn: tuple[str, ...] = field(default=())  # URLs of papers it no longer links publicly
    withheld: bool = False  # no longer public: its record is withdrawn too
    page: str = ""  # the meeting's public page, the source of its record


@dataclass(frozen=True)
class _Removal:
    """Something ingested as a document about to be removed: a paper, or a meeting's record."""

    url: str
    meeting_id: str
    record: bool
    reason: str


def commit_batch(
    ingestor: Ingests, batch: Sequence[PendingMeeting], incoming: Path, state: HarvestState, tally: Tally,
) -> list[Failure]:
    """Remove withdrawn papers and records, ingest the batch's files in one call, remember what went
    in, mark whole meetings done.

    Returns the failures of this batch's removals and files (also added to ``tally``).
    """
    failures, not_removed = withdraw(ingestor, batch, state, tally)
    files = [f for meeting in batch for f in meeting.files]
    results: dict[str, FileResult] = {}
    if files:
        manifest = Manifest({f.name: f.meta for f in files}, incoming.resolve())
        report = ingestor.ingest([incoming / f.name for f in files], manifest)
        results = {_relative(r.path, incoming): r for r in report.results}
    for meeting in batch:
        ok = not meeting.fetch_failed and meeting.record.id not in not_removed
        for item in meeting.files:
            result = results.get(item.name)
            if result is None or result.status not in _OK:
                reason = result.reason if result is not None and result.reason else "not ingested"
                failures.append(Failure(item.url, reason))
                ok = False
            else:
                _remember(item, result, meeting.record, state, tally)
        if ok:
            state.mark_done(meeting.record.id)
    tally.failures.extend(failures)
    state.save()
    return failures


def withdraw(
    ingestor: Ingests, batch: Sequence[PendingMeeting], state: HarvestState, tally: Tally,
) -> tuple[list[Failure], set[str]]:
    """Remove the documents of papers no meeting links any more and the records of meetings no
    longer public; the failures and their meetings.

    A paper or record whose removal fails stays remembered for its meeting, so the next run tries again.
    """
    gone: dict[str, str] = {}  # URL -> the meeting that was the last to link it
    records: dict[str, str] = {}  # meeting no longer public, whose record is held -> its page
    for meeting in batch:
        known = state.meetings.get(meeting.record.id)
        if meeting.withheld and known is not None and known.document_id:
            records[meeting.record.id] = meeting.page
        for url in meeting.withdrawn:
            paper = state.papers.get(url)
            if paper is None:
                continue
            rest = paper.unlinked_from(meeting.record.id)
            if rest is None:
                gone[url] = meeting.record.id
            else:  # still linked from another meeting: that meeting keeps it
                state.papers[url] = rest
    withheld = {m.record.id for m in batch if m.withheld}
    held = state.held_documents(excluding=gone, meetings=records)
    doomed: dict[str, list[_Removal]] = {}  # document id -> what was ingested as it
    for meeting_id, page in records.items():
        document_id = state.meetings[meeting_id].document_id or ""
        if document_id in held:  # stored once for another record or paper too: only the record is forgotten
            state.forget_record(meeting_id)
        else:
            removal = _Removal(page, meeting_id, True, "its meeting is no longer public")
            doomed.setdefault(document_id, []).append(removal)
    for url, meeting_id in gone.items():
        document_id = state.papers[url].document_id
        if document_id and document_id not in held:
            reason = "its meeting is no longer public" if meeting_id in withheld else "withdrawn from its meeting"
            doomed.setdefault(document_id, []).append(_Removal(url, meeting_id, False, reason))
        else:  # the document is held for another paper too (or was never stored): only the URL goes
            del state.papers[url]
    if not doomed:
        return [], set()
    try:
        # remove() fails a reference only when no document has that id: gone either way.
        ingestor.remove(list(doomed))
    except (CouncilKGError, OSError) as exc:
        failures = [Failure(r.url, f"{r.reason}, but its document {document_id} could not be removed: {exc}")
                    for document_id, removals in doomed.items() for r in removals]
        return failures, {r.meeting_id for removals in doomed.values() for r in removals}
    for removals in doomed.values():
        for r in removals:
            if r.record:
                state.forget_record(r.meeting_id)
                tally.meetings_withdrawn += 1
            else:
                del state.papers[r.url]
                tally.papers_withdrawn += 1
    return [], set()


def _remember(item: StagedFile, result: FileResult, record: MeetingState, state: HarvestState, tally: Tally) -> None:
    if not item.paper:
        tally.meetings_ingested += 1
        state.meetings[record.id] = replace(record, sha256=item.sha256, document_id=result.document_id)
        return
    tally.papers_added += result.status == "added"
    tally.papers_replaced += result.status == "replaced"
    tally.duplicates += result.status == "duplicate"
    tally.unchanged += result.status == "unchanged"
    previous = state.papers.get(item.url)
    state.papers[item.url] = PaperState(
        item.url, result.document_id or "", item.sha256, previous.meeting_id if previous else record.id,
        item.validators.etag, item.validators.last_modified, now(),
        previous.other_meetings if previous else (),
    ).linked_from(record.id)


def _relative(path: str, incoming: Path) -> str:
    """A result's path as the staged name: results name committed files by their resolved path."""
    try:
        return Path(path).resolve().relative_to(incoming.resolve()).as_posix()
    except ValueError:
        return path
