"""What a harvest tells its caller: progress events as it goes, a report at the end."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Callable


@dataclass(frozen=True)
class Failure:
    """One thing that could not be harvested: its URL and why."""

    url: str
    reason: str


@dataclass(frozen=True)
class HarvestEvent:
    """A step of the harvest, for a progress display: ``kind`` is listed, meeting, ingested or failed."""

    kind: str
    message: str
    index: int = 0
    total: int = 0


Progress = Callable[[HarvestEvent], None]


@dataclass
class Tally:
    """The counts of a harvest while it runs."""

    committees: int = 0
    meetings: int = 0
    meetings_ingested: int = 0
    cancelled: int = 0
    withheld: int = 0
    resumed: int = 0
    papers_fetched: int = 0
    papers_added: int = 0
    papers_replaced: int = 0
    papers_withdrawn: int = 0  # no longer linked, now restricted, or their meeting not public: removed
    meetings_withdrawn: int = 0  # records of meetings no longer public: removed from the store
    unchanged: int = 0
    duplicates: int = 0
    restricted: int = 0
    external: int = 0
    failures: list[Failure] = field(default_factory=list)

    def report(self, site: str, requests: int, downloads: int) -> "HarvestReport":
        """The report of these counts, with the site and the requests made."""
        counts = {f.name: getattr(self, f.name) for f in fields(Tally)}
        return HarvestReport(**counts, site=site, requests=requests, downloads=downloads)


@dataclass
class HarvestReport(Tally):
    """The outcome of one harvest run: its tally, the site and the requests made."""

    site: str = ""
    requests: int = 0
    downloads: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures

    def summary(self) -> list[str]:
        """The summary a user reads at the end: one line per kind of outcome that occurred."""
        meetings = [f"{self.meetings_ingested} meeting records ingested", f"{self.cancelled} cancelled"]
        if self.resumed:
            meetings.append(f"{self.resumed} done before an interruption")
        if self.withheld:
            meetings.append(f"{self.withheld} not public")
        papers = [f"{self.papers_added} new", f"{self.papers_replaced} replaced"]
        if self.duplicates:
            papers.append(f"{self.duplicates} duplicates of papers already held")
        lines = [
            f"site: {self.site}",
            f"committees: {self.committees}",
            f"meetings: {self.meetings} ({', '.join(meetings)})",
            f"papers fetched: {self.papers_fetched} ({', '.join(papers)})",
            f"skipped unchanged: {self.unchanged}",
        ]
        if self.papers_withdrawn:
            lines.append(f"papers withdrawn from their meeting and removed: {self.papers_withdrawn}")
        if self.meetings_withdrawn:
            lines.append(f"records of meetings no longer public, removed: {self.meetings_withdrawn}")
        if self.restricted:
            lines.append(f"restricted papers not fetched: {self.restricted}")
        if self.external:
            lines.append(f"links to other sites not followed: {self.external}")
        lines.append(f"failed: {len(self.failures)}")
        lines += [f"  {f.url}: {f.reason}" for f in self.failures]
        lines.append(f"requests: {self.requests} ({self.downloads} downloads)")
        return lines
