"""Errors of the ModernGov harvester, under Council KG's one exception root.

::

    CouncilKGError
    └── HarvestError          the harvest cannot go on (site unusable, bad arguments, locked)
        └── FetchFailed       one URL could not be fetched (names the URL, the reason, the status)
            └── RobotsRefused the site's robots.txt forbids fetching the URL

``FetchFailed`` for a single paper is recorded and the harvest goes on; only a failure to list
the site's committees stops it.
"""

from __future__ import annotations

from kg.errors import CouncilKGError


class HarvestError(CouncilKGError):
    """A harvest cannot go on: the site is unusable, the arguments are wrong, or it is locked."""


class FetchFailed(HarvestError):
    """One URL could not be fetched; ``reason`` says why in words a user can act on."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class RobotsRefused(FetchFailed):
    """The site's robots.txt does not allow our User-Agent to fetch the URL."""
