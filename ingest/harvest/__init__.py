"""Harvest a council's ModernGov site: committees, meetings, meeting records and their papers.

Public API::

    Harvester(settings, ingestor, client=None, progress=None).run(HarvestRequest) -> HarvestReport
    HarvestPolicy.from_settings(settings); PoliteClient(policy)
    HarvestError, FetchFailed, RobotsRefused

Modules: ``client`` (polite HTTP), ``robots``, ``moderngov`` (the web service and its records),
``papers`` (naming and describing papers), ``state`` (the resumable JSON state), ``report``,
``harvester`` (the steps). Importing this package loads only the standard library and the
ingest pipeline's modules; nothing is fetched or opened until ``run``.
"""

from __future__ import annotations

from ingest.harvest.client import HarvestPolicy, PoliteClient
from ingest.harvest.errors import FetchFailed, HarvestError, RobotsRefused
from ingest.harvest.harvester import Harvester, HarvestRequest
from ingest.harvest.report import Failure, HarvestEvent, HarvestReport

__all__ = [
    "Failure", "FetchFailed", "HarvestError", "HarvestEvent", "HarvestPolicy", "HarvestReport",
    "HarvestRequest", "Harvester", "PoliteClient", "RobotsRefused",
]
