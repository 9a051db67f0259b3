"""The ingest pipeline end to end with the real model and the on-disk store."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from ingest.manifest import Manifest
from ingest.pipeline import Ingestor
from kg.catalog import Catalog
from kg.check import check
from kg.datadir import Layout
from kg.generation import Generation
from kg.knowledge import KnowledgeBase
from kg.vocab import IriMinter
from tests.conftest import MEDWAY, MODERNGOV

TURNOVER = "turnover rate of permanent social workers"


def store_counts(settings) -> dict[str, int]:
    layout = Layout(settings.data)
    catalog = Catalog(layout.catalog, read_only=True)
    gen = Generation.open(layout, catalog.generation())
    kb = KnowledgeBase(settings)
    triples = kb.current().graph.count()
    return {**catalog.counts(), "dense": len(gen.dense), "lexical": len(gen.lexical.rows), "triples": triples}


def test_medway_ingest_idempotent_search_and_remove(shared, settings, embedder):
    manifest = Manifest.load(MEDWAY / "manifest.json")
    ingestor = Ingestor(settings, embedder=embedder)
    report = ingestor.ingest([MEDWAY], manifest)
    assert report.ok, report.failed
    assert report.counts() == {"added": 5}
    first = store_counts(settings)
    assert first["documents"] == 5 and first["paragraphs"] == first["dense"] == first["lexical"] > 100

    again = Ingestor(settings, embedder=embedder).ingest([MEDWAY], manifest)
    assert again.counts() == {"unchanged": 5}
    assert store_counts(settings) == first

    catalog = Catalog(Layout(settings.data).catalog, read_only=True)
    report_doc = next(d for d in catalog.documents() if d.file_name.startswith("003_"))
    assert report_doc.meta.body == "Children and Young People Overview and Scrutiny Committee"
    assert report_doc.meta.meeting_date.isoformat() == "2021-01-07"
    assert report_doc.meta.title == "Sufficiency Report 2020"

    hits = KnowledgeBase(settings, embedder).search(TURNOVER, 5)
    assert "16.9%" in hits[0].text
    assert hits[0].file.startswith("004_") and hits[0].paragraph == "4.6"

    gone = report_doc.id
    rows = catalog.rows_of([gone])
    removed = Ingestor(settings, embedder=embedder).remove([report_doc.file_name])
    assert removed.ok and [r.document_id for r in removed.results] == [gone]
    kb = KnowledgeBase(settings, embedder)
    snap = kb.current()
    minter = IriMinter(settings.base_iri)
    assert snap.graph.count(minter.document(gone)) == 0
    leftover = list(snap.graph.query(f'SELECT ?s WHERE {{ ?s ?p ?o FILTER(CONTAINS(STR(?s), "{gone}")) }}'))
    assert leftover == []
    gen = snap.search.generation
    assert not np.isin(rows, gen.dense.rows).any()
    assert not np.isin(rows, gen.lexical.rows).any()
    assert all(h.document_id != gone for h in kb.search("children in care sufficiency", 20))
    assert check(Layout(settings.data), minter).ok


def test_bad_files_are_reported_and_the_rest_ingested(settings, embedder, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "good.txt").write_text("Budget report\n\n1.1 The budget for 2024/25 is £3.2m, up from £2.9m.\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n")
    report = Ingestor(settings, embedder=embedder).ingest([folder])
    status = {Path(r.path).name: r for r in report.results}
    assert status["good.txt"].status == "added"
    for name in ("binary.txt", "empty.pdf", "broken.pdf"):
        assert status[name].status == "failed"
        assert name in status[name].reason
    assert not report.ok
    assert check(Layout(settings.data), IriMinter()).ok


def test_changed_file_replaces_its_document(settings, embedder, tmp_path):
    paper = tmp_path / "report.txt"
    paper.write_text("Parks report\n\n2.1 The parks budget is £1.1m and the zebra crossing is funded.\n")
    ingestor = Ingestor(settings, embedder=embedder)
    assert ingestor.ingest([paper]).counts() == {"added": 1}
    paper.write_text("Parks report\n\n2.1 The parks budget is £1.4m and the giraffe enclosure is funded.\n")
    assert Ingestor(settings, embedder=embedder).ingest([paper]).counts() == {"replaced": 1}
    kb = KnowledgeBase(settings, embedder)
    assert kb.current().catalog.counts()["documents"] == 1
    assert "giraffe" in kb.search("giraffe enclosure", 1)[0].text
    assert all("zebra" not in h.text for h in kb.search("zebra crossing", 5))


def test_manifest_change_alone_updates_metadata(settings, embedder, tmp_path):
    paper = tmp_path / "minutes.txt"
    paper.write_text("Minutes\n\nThe Committee noted the report on libraries.\n")
    manifest = tmp_path / "manifest.json"
    manifest.write_text('[{"file": "minutes.txt", "body": "Cabinet", "meeting_date": "2024-01-02"}]')
    Ingestor(settings, embedder=embedder).ingest([paper], Manifest.load(manifest))
    manifest.write_text('[{"file": "minutes.txt", "body": "Full Council", "meeting_date": "2024-01-02"}]')
    report = Ingestor(settings, embedder=embedder).ingest([paper], Manifest.load(manifest))
    assert report.counts() == {"replaced": 1}
    entry = KnowledgeBase(settings, embedder).current().catalog.documents()[0]
    assert entry.meta.body == "Full Council"


def test_moderngov_meeting_xml(shared, settings, embedder):
    report = Ingestor(settings, embedder=embedder).ingest([MODERNGOV / "meeting_with_minutes.xml"])
    assert report.ok, report.failed
    entry = KnowledgeBase(settings, embedder).current().catalog.documents()[0]
    assert entry.media_type == "application/vnd.moderngov+xml"
    assert entry.meta.body and entry.meta.meeting_date is not None
    assert entry.paragraphs > 0
