"""The harvest state of one site: a JSON file in the data directory, written atomically.

Layout, one folder per site under the data directory::

    harvest/<site-slug>/
      state.json     papers (validators, content hash, document id), meetings, the current run
      harvest.lock   held (flock) while a harvest of the site runs
      incoming/      files downloaded for the batch being ingested, a folder per meeting; emptied
                     after each batch

A paper is remembered only once it is ingested, so a paper that failed is fetched afresh next
time. It remembers every meeting known to link it (ModernGov links a referred report from each
committee it goes to), so it counts as withdrawn only once none of them links it any more. A
meeting that is no longer public keeps its record's document id until that document is removed,
so a removal that fails is tried again by the next run. The run records the meetings it has
finished; a run that stops part-way (Ctrl-C, a crash, a lost connection) is resumed by the next
harvest with the same arguments, which skips them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Collection

from ingest.harvest.errors import HarvestError
from kg.datadir import write_atomic
from kg.vocab import slug

STATE_VERSION = 1


@dataclass(frozen=True)
class PaperState:
    """A paper as last ingested: ``meeting_id`` linked it first, ``other_meetings`` link it too."""

    url: str
    document_id: str
    sha256: str
    meeting_id: str
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = ""
    other_meetings: tuple[str, ...] = ()

    @property
    def meetings(self) -> tuple[str, ...]:
        """Every meeting known to link the paper."""
        return (self.meeting_id, *self.other_meetings)

    def linked_from(self, meeting_id: str) -> "PaperState":
        """The paper, known to be linked from one more meeting."""
        if meeting_id in self.meetings:
            return self
        return replace(self, other_meetings=(*self.other_meetings, meeting_id))

    def unlinked_from(self, meeting_id: str) -> "PaperState | None":
        """The paper no longer linked from a meeting; None when no meeting links it any more."""
        rest = [m for m in self.meetings if m != meeting_id]
        return replace(self, meeting_id=rest[0], other_meetings=tuple(rest[1:])) if rest else None


@dataclass(frozen=True)
class MeetingState:
    """A meeting as last seen: ``status`` is ingested, cancelled or withheld."""

    id: str
    committee: str
    date: str | None
    status: str
    sha256: str | None = None
    document_id: str | None = None
    checked_at: str = ""


@dataclass(frozen=True)
class RunState:
    """One harvest run: what it was asked and which meetings it has finished."""

    key: str
    started: str
    finished: bool = False
    done: tuple[str, ...] = field(default=())


def now() -> str:
    """The current time, UTC, ISO 8601 to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def site_folder(data: Path, base_url: str) -> Path:
    """The folder of a site's harvest state inside the data directory."""
    return Path(data) / "harvest" / slug(base_url.split("://", 1)[-1])[:80]


class HarvestState:
    """The remembered state of one site's harvests; saved after every meeting."""

    def __init__(self, path: Path, site: str) -> None:
        self.path = path
        self.site = site
        self.papers: dict[str, PaperState] = {}
        self.meetings: dict[str, MeetingState] = {}
        self.run: RunState | None = None

    @classmethod
    def load(cls, path: Path, site: str) -> "HarvestState":
        """The state at ``path``, or an empty one when there is none yet."""
        state = cls(path, site)
        if not path.exists():
            return state
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            state.papers = {p["url"]: PaperState(**{**p, "other_meetings": tuple(p.get("other_meetings", ()))})
                            for p in raw.get("papers", [])}
            state.meetings = {m["id"]: MeetingState(**m) for m in raw.get("meetings", [])}
            run = raw.get("run")
            state.run = RunState(run["key"], run["started"], run["finished"], tuple(run["done"])) if run else None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise HarvestError(
                f"{path}: harvest state is unreadable ({exc}); delete it to start afresh "
                "(papers already ingested are recognised by their content and not duplicated)"
            ) from exc
        return state

    def save(self) -> None:
        """Write the state so a reader sees the old file or the new one, never a part."""
        body: dict[str, Any] = {
            "version": STATE_VERSION, "site": self.site,
            "run": asdict(self.run) if self.run else None,
            "meetings": [asdict(m) for m in self.meetings.values()],
            "papers": [asdict(p) for p in self.papers.values()],
        }
        write_atomic(self.path, json.dumps(body, indent=1, ensure_ascii=False).encode("utf-8"))

    def link(self, url: str, meeting_id: str) -> None:
        """Record that a meeting links a paper already remembered."""
        if url in self.papers:
            self.papers[url] = self.papers[url].linked_from(meeting_id)

    def unlinked(self, meeting_id: str, linked: Collection[str]) -> tuple[str, ...]:
        """URLs of remembered papers of a meeting that are not among those it links now."""
        return tuple(url for url, p in self.papers.items() if meeting_id in p.meetings and url not in linked)

    def held_documents(self, excluding: Collection[str] = (), meetings: Collection[str] = ()) -> set[str]:
        """Ids of the documents that meeting records and papers were ingested as, but the records of
        the ``meetings`` and the papers at the URLs ``excluding``."""
        held = {m.document_id for m in self.meetings.values() if m.document_id and m.id not in meetings}
        return held | {p.document_id for url, p in self.papers.items() if p.document_id and url not in excluding}

    def forget_record(self, meeting_id: str) -> None:
        """Record that a meeting's record is no longer held (its meeting is not public now)."""
        if meeting_id in self.meetings:
            self.meetings[meeting_id] = replace(self.meetings[meeting_id], sha256=None, document_id=None)

    def begin(self, key: str) -> frozenset[str]:
        """Start a run, or resume the unfinished run with the same key; its finished meetings."""
        if self.run is not None and not self.run.finished and self.run.key == key:
            return frozenset(self.run.done)
        self.run = RunState(key, now())
        return frozenset()

    def mark_done(self, meeting_id: str) -> None:
        """Record that the current run is done with a meeting (saved with the next ``save``)."""
        if self.run is not None and meeting_id not in self.run.done:
            self.run = replace(self.run, done=(*self.run.done, meeting_id))

    def finish(self) -> None:
        """Record that the current run went through every meeting, and save."""
        if self.run is not None:
            self.run = replace(self.run, finished=True)
        self.save()


class HarvestLock:
    """An exclusive lock on a site's harvest, so two harvests never interleave their state."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None

    def __enter__(self) -> "HarvestLock":
        import fcntl  # POSIX, as the data directory's own lock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise HarvestError(f"another harvest of this site is running (lock {self.path})") from None
        self._fh = fh
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.close()  # closing releases the flock
            self._fh = None
