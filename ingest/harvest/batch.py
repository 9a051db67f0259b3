"""Committing harvested files: several meetings' downloads in one ingest, then the state.

Every commit rebuilds the store's indexes, so meetings are ingested in batches rather than one
commit each. A meeting counts as done only once its batch is committed and none of its files
(nor its fetches) failed; the state is saved after every batch.
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
from kg.records import DocumentMeta

_OK = frozenset({"added", "replaced", "unchanged", "duplicate"})


class Ingests(Protocol):
    """What the harvester needs of the pipeline: ``Ingestor.ingest``."""

    def ingest(self, paths: Sequence[Path], manifest: Manifest | None = None) -> IngestReport: ...


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


def commit_batch(
    ingestor: Ingests, batch: Sequence[PendingMeeting], incoming: Path, state: HarvestState, tally: Tally,
) -> list[Failure]:
    """Ingest the batch's files in one call, remember what went in, mark whole meetings done.

    Returns the failures of this batch's files (also added to ``tally``).
    """
    files = [f for meeting in batch for f in meeting.files]
    results: dict[str, FileResult] = {}
    if files:
        manifest = Manifest({f.name: f.meta for f in files}, incoming.resolve())
        report = ingestor.ingest([incoming / f.name for f in files], manifest)
        results = {_relative(r.path, incoming): r for r in report.results}
    failures: list[Failure] = []
    for meeting in batch:
        ok = not meeting.fetch_failed
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


def _remember(item: StagedFile, result: FileResult, record: MeetingState, state: HarvestState, tally: Tally) -> None:
    if not item.paper:
        tally.meetings_ingested += 1
        state.meetings[record.id] = replace(record, sha256=item.sha256, document_id=result.document_id)
        return
    tally.papers_added += result.status == "added"
    tally.papers_replaced += result.status == "replaced"
    tally.duplicates += result.status == "duplicate"
    tally.unchanged += result.status == "unchanged"
    state.papers[item.url] = PaperState(
        item.url, result.document_id or "", item.sha256, record.id, item.validators.etag,
        item.validators.last_modified, now(),
    )


def _relative(path: str, incoming: Path) -> str:
    """A result's path as the staged name: results name committed files by their resolved path."""
    try:
        return Path(path).resolve().relative_to(incoming.resolve()).as_posix()
    except ValueError:
        return path
