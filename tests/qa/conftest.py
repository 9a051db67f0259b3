"""Fixtures of the QA tests: the Medway papers and the sample papers, each ingested once."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.manifest import Manifest
from ingest.extract import default_extractors
from ingest.pipeline import Ingestor
from kg.knowledge import KnowledgeBase
from kg.qa.service import QuestionAnswerer
from kg.settings import Settings
from tests.conftest import MEDWAY, SAMPLES

REPO = Path(__file__).resolve().parents[2]
MEDWAY_QUESTIONS = REPO / "tests" / "data" / "medway_questions.jsonl"
SAMPLE_QUESTIONS = REPO / "samples" / "questions.jsonl"


def _ingest(folder: Path, data: Path, embedder) -> Settings:
    settings = Settings.load({}, data=data)
    report = Ingestor(settings, embedder=embedder, extractors=default_extractors()).ingest([folder], Manifest.load(folder / "manifest.json"))
    assert report.ok, report.failed
    return settings


@pytest.fixture(scope="session")
def medway(shared, tmp_path_factory, embedder) -> QuestionAnswerer:
    """A question answerer over the five Medway papers (ingested once for the whole run)."""
    settings = _ingest(MEDWAY, tmp_path_factory.mktemp("qa-medway") / "data", embedder)
    return QuestionAnswerer(KnowledgeBase(settings, embedder))


@pytest.fixture(scope="session")
def samples(tmp_path_factory, embedder) -> QuestionAnswerer:
    """A question answerer over the fictional Harwick sample papers."""
    settings = _ingest(SAMPLES, tmp_path_factory.mktemp("qa-samples") / "data", embedder)
    return QuestionAnswerer(KnowledgeBase(settings, embedder))
