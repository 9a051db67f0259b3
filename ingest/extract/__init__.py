"""Fact extractors: each turns a segmented document into triples for its named graph."""

from __future__ import annotations

from typing import Callable, Iterable

from kg.graphstore import Triple
from kg.records import Document
from kg.vocab import IriMinter

Extractor = Callable[[Document, IriMinter], Iterable[Triple]]


def default_extractors() -> list[Extractor]:
    """The extractors an ingest runs, in order: rules that find the council's facts.

    Imported here, not at module level, so importing the package stays cheap.
    """
    from ingest.extract.facts import fact_extractor

    return [fact_extractor]
