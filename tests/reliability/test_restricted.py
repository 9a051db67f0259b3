"""Agenda items flagged restricted in ModernGov never reach the index, the graph or SPARQL.

The real response in ../shared is edited in memory (never copied into the repository): one
item is flagged restricted and its every text field carries a marker that must not surface.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from lxml import etree

from ingest.extract import default_extractors
from ingest.pipeline import Ingestor
from kg.catalog import Catalog
from kg.datadir import Layout
from kg.knowledge import KnowledgeBase
from tests.conftest import MODERNGOV

MARKER = "Zanzibarquux exempt acquisition of Plot 42"
FIELDS = ("agendatext", "minutesnonemptyhtmlbody", "commenttext1", "commenttext2")


def restricted_meeting(flag: str) -> bytes:
    """The shared meeting response with its second item restricted and marked."""
    root = etree.fromstring((MODERNGOV / "meeting_with_minutes.xml").read_bytes(),
                            etree.XMLParser(resolve_entities=False, no_network=True))
    item = root.findall(".//agendaitem")[1]
    item.find("isrestricted").text = "True" if flag == "isrestricted" else "False"
    item.find("isdisplayallowed").text = "False" if flag == "isdisplayallowed" else "True"
    for name in FIELDS:
        item.find(name).text = f"<p>{html.escape(MARKER)}: the price paid is £1.2m.</p>"
    for doc in item.findall(".//linkeddoc/title"):
        doc.text = f"{MARKER} appendix"
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


@pytest.mark.parametrize("flag", ["isrestricted", "isdisplayallowed"])
def test_restricted_items_stay_out(shared, tmp_path: Path, tight_settings, fast_embedder, flag):
    folder = tmp_path / "meeting"
    folder.mkdir()
    (folder / "meeting_4967.xml").write_bytes(restricted_meeting(flag))
    report = Ingestor(tight_settings, embedder=fast_embedder, extractors=default_extractors()).ingest([folder])
    assert report.ok, report.failed

    layout = Layout(tight_settings.data)
    catalog = Catalog(layout.catalog, read_only=True)
    texts = [p.paragraph.text for d in catalog.documents() for p in catalog.paragraphs_of(d.id)]
    assert texts and any("Work Programme" in t or "minutes" in t.lower() for t in texts)
    assert not any("Zanzibarquux" in t for t in texts)

    kb = KnowledgeBase(tight_settings, fast_embedder)
    for query in ("Zanzibarquux", MARKER, "exempt acquisition price paid"):
        assert not any("Zanzibarquux" in h.text for h in kb.search(query, 50))
    graph = kb.current().graph
    leaks = list(graph.query('SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o) && '
                             'CONTAINS(LCASE(STR(?o)), "zanzibarquux")) } }'))
    assert leaks == []
    default = list(graph.query('SELECT ?o WHERE { ?s ?p ?o FILTER(CONTAINS(LCASE(STR(?o)), "zanzibarquux")) }'))
    assert default == []
