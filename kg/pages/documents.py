"""The document page's model: paragraphs with stable anchors, the original, the facts read from it.

Anchors follow the paper's own numbering so a citation can deep-link to ``#p-4.6``; a number
used twice (a long paragraph split in two) or a paragraph without one gets ``#para-<ordinal>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import unquote

from kg.catalog import Catalog, DocumentEntry
from kg.records import Paragraph
from kg.pages.sparql import Term, select

_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,30}")


@dataclass(frozen=True)
class ParagraphView:
    """A paragraph as the page shows it, with the anchor citations point at."""

    id: str
    anchor: str
    number: str | None
    page: int | None
    kind: str
    text: str
    heading: str | None


@dataclass(frozen=True)
class FactView:
    """One extracted fact: the node, what kind of thing it is, and the paragraph it came from."""

    node: Term
    kinds: tuple[str, ...]
    label: str | None
    summary: str | None
    paragraph_id: str | None


@dataclass(frozen=True)
class DocumentView:
    """Everything the document page shows."""

    entry: DocumentEntry
    paragraphs: tuple[ParagraphView, ...]
    original: Path | None
    facts: tuple[FactView, ...]


def anchors(paragraphs: Iterable[Paragraph]) -> dict[str, str]:
    """Paragraph id → HTML anchor, unique within the document."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for p in paragraphs:
        anchor = f"p-{p.number}" if p.number and _NUMBER.fullmatch(p.number) else ""
        if not anchor or anchor in used:
            anchor = f"para-{p.ordinal}"
        used.add(anchor)
        out[p.id] = anchor
    return out


def paragraph_views(paragraphs: Sequence[Paragraph]) -> tuple[ParagraphView, ...]:
    """The paragraphs in reading order with anchors and their nearest heading."""
    names = anchors(paragraphs)
    return tuple(
        ParagraphView(
            id=p.id, anchor=names[p.id], number=p.number, page=p.page, kind=p.kind.value,
            text=p.text, heading=p.heading_path[-1] if p.heading_path else None,
        )
        for p in paragraphs
    )


def anchor_of(catalog: Catalog, paragraph_id: str) -> tuple[str, str]:
    """(document id, anchor) of a committed paragraph; NotFound when absent."""
    stored = catalog.paragraph(paragraph_id)
    doc_id = stored.paragraph.document_id
    names = anchors(sp.paragraph for sp in catalog.paragraphs_of(doc_id))
    return doc_id, names[paragraph_id]


def document_view(catalog: Catalog, graph, original: Path, document_id: str, graph_iri: str,
                  paragraph_base: str) -> DocumentView:
    """The page model of one document (NotFound when it is not committed)."""
    entry = catalog.document(document_id)
    paragraphs = paragraph_views([sp.paragraph for sp in catalog.paragraphs_of(document_id)])
    facts = extracted_facts(graph, graph_iri, paragraph_base)
    return DocumentView(entry, paragraphs, original if original.is_file() else None, facts)


def extracted_facts(graph, graph_iri: str, paragraph_base: str) -> tuple[FactView, ...]:
    """Nodes of the document's graph derived from one of its paragraphs, grouped per node."""
    rows = select(graph, "document_facts", doc=graph_iri)
    merged: dict[str, dict] = {}
    for row in rows:
        node = row["fact"]
        item = merged.setdefault(node.value, {"node": node, "kinds": [], "label": None, "summary": None, "para": None})
        kind = row.get("type")
        if kind and kind.value not in item["kinds"]:
            item["kinds"].append(kind.value)
        for key in ("label", "summary"):
            if item[key] is None and key in row:
                item[key] = row[key].value
        para = row.get("para")
        if item["para"] is None and para and para.value.startswith(paragraph_base):
            item["para"] = para.value[len(paragraph_base):]
    return tuple(
        FactView(i["node"], tuple(i["kinds"]), i["label"], i["summary"], _unquote(i["para"])) for i in merged.values()
    )


def _unquote(value: str | None) -> str | None:
    return unquote(value) if value else None


def fact_groups(facts: Sequence[FactView]) -> list[tuple[str, list[FactView]]]:
    """Facts grouped by their kind's local name ("Decision", "Observation"), largest group first."""
    groups: dict[str, list[FactView]] = {}
    for fact in facts:
        own = [k for k in fact.kinds if "council-kg" in k] or list(fact.kinds) or ["Fact"]
        name = own[0].rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        groups.setdefault(_spaced(name), []).append(fact)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def _spaced(name: str) -> str:
    """``PostHolding`` → ``Post holding``."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", name) or [name]
    return " ".join([words[0]] + [w.lower() for w in words[1:]])
