"""Fact extractors: each turns a segmented document into triples for its named graph."""

from __future__ import annotations

from typing import Callable, Iterable

from kg.graphstore import Triple
from kg.records import Document
from kg.vocab import IriMinter

Extractor = Callable[[Document, IriMinter], Iterable[Triple]]


def default_extractors() -> list[Extractor]:
    """The extractors an ingest runs, in order."""
    return []
