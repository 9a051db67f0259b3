"""``council-kg harvest``: keep a council's ModernGov papers in the graph, incrementally.

Registered on the ``council-kg`` group by ``api.cli``; everything heavy is imported inside the
command so ``council-kg --help`` stays fast.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta

import click

_DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DEFAULT_PAST_DAYS = 365
DEFAULT_AHEAD_DAYS = 60


@click.command(short_help="Harvest a council's ModernGov site into the graph.")
@click.argument("site_url")
@click.option("--committee", "committees", multiple=True, metavar="NAME",
              help="Only this committee (its title, part of it, or its id); repeat for more. "
                   "Default: every current committee.")
@click.option("--from", "start", type=click.DateTime(_DATE_FORMATS), default=None,
              help=f"First meeting date, YYYY-MM-DD (default: {DEFAULT_PAST_DAYS} days ago).")
@click.option("--to", "end", type=click.DateTime(_DATE_FORMATS), default=None,
              help=f"Last meeting date, YYYY-MM-DD (default: {DEFAULT_AHEAD_DAYS} days ahead).")
@click.option("--council", default=None,
              help="The council's name for the papers' metadata (default: guessed from the address).")
@click.pass_obj
def harvest(obj, site_url: str, committees: tuple[str, ...], start: datetime | None,  # type: ignore[no-untyped-def]
            end: datetime | None, council: str | None) -> None:
    """Harvest a council's ModernGov site (e.g. https://democracy.medway.gov.uk).

    Lists the committees, their meetings in the period, fetches each meeting's record and its
    public papers, and ingests what is new or changed. Run it again to pick up changes: unchanged
    papers are not downloaded again, and an interrupted harvest resumes where it stopped.
    Restricted (exempt) items and papers are never fetched. Exit status 1 when anything failed.
    """
    from api.cli import fail
    from ingest.extract import default_extractors
    from ingest.harvest import Harvester, HarvestEvent, HarvestRequest
    from ingest.pipeline import Ingestor
    from kg.errors import CouncilKGError

    today = date.today()
    request = HarvestRequest(
        site=site_url,
        start=start.date() if start else today - timedelta(days=DEFAULT_PAST_DAYS),
        end=end.date() if end else today + timedelta(days=DEFAULT_AHEAD_DAYS),
        committees=tuple(committees), council=council,
    )

    def show(event: HarvestEvent) -> None:
        if event.kind == "failed":
            click.echo(f"  FAILED  {event.message}", err=True)
        elif event.kind == "meeting":
            click.echo(f"[{event.index}/{event.total}] {event.message}", err=True)
        elif event.kind == "ingested":
            click.echo(f"  {event.message}", err=True)
        else:
            click.echo(event.message, err=True)

    click.echo(f"Harvesting {site_url}, meetings {request.start} to {request.end}", err=True)
    try:
        ingestor = Ingestor(obj.settings, extractors=default_extractors())
        report = Harvester(obj.settings, ingestor, progress=show).run(request)
    except KeyboardInterrupt:
        click.echo("interrupted: run the same command again to resume", err=True)
        sys.exit(130)
    except CouncilKGError as exc:
        fail(str(exc))
    for line in report.summary():
        click.echo(line)
    if not report.ok:
        sys.exit(1)
