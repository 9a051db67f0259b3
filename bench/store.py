"""Build a data directory of synthetic papers directly through the store writer (fast, exact size).

The benchmarks that measure search, memory and cold start need stores of 10k to 1M paragraphs;
reading and segmenting a million paragraphs would measure the readers, not the store, so papers
from :mod:`bench.corpus` become documents here without the reader, and their vectors are given
(real cached embeddings, or synthetic ones shaped like them). Graph triples are the documents'
own (text, numbers, provenance), without extracted facts.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from bench.corpus import Paper, papers
from kg.datadir import Layout
from kg.records import BlockKind, Document, DocumentMeta, Paragraph
from kg.triples import document_triples
from kg.vocab import IriMinter
from kg.writer import StagedDocument, StoreWriter


def as_document(paper: Paper, number: int) -> Document:
    """A paper as the segmenter would describe it: numbered paragraphs with offsets."""
    doc_id = f"{Path(paper.file_name).stem[:40]}-{number:07d}"
    paragraphs, offset = [], 0
    for i, text in enumerate(paper.paragraphs, 1):
        start = paper.text.find(text, offset)
        start = offset if start < 0 else start
        paragraphs.append(Paragraph(id=f"{doc_id}-p{i:04d}", document_id=doc_id, ordinal=i, text=text,
                                    kind=BlockKind.PARAGRAPH, number=str(i), start=start, end=start + len(text)))
        offset = start + len(text)
    m = paper.manifest
    from datetime import date
    meta = DocumentMeta(council=m["council"], body=m["body"], meeting_date=date.fromisoformat(m["meeting_date"]),
                        document_type=m["document_type"], title=m["title"])
    return Document(id=doc_id, content_hash=hashlib.sha256(paper.text.encode()).hexdigest(),
                    file_name=paper.file_name, media_type="text/plain", meta=meta, text=paper.text,
                    paragraphs=tuple(paragraphs))


def documents(count: int, seed: int = 7) -> Iterator[Document]:
    """Documents holding exactly ``count`` paragraphs in all (the last one cut to fit)."""
    made = 0
    for number, paper in enumerate(papers(count, seed)):
        doc = as_document(paper, number)
        if made + len(doc.paragraphs) > count:
            doc = as_document(Paper(paper.file_name, paper.text, paper.manifest, paper.paragraphs[: count - made]), number)
        made += len(doc.paragraphs)
        if doc.paragraphs:
            yield doc
        if made >= count:
            return


def build_store(data: Path, vectors: np.ndarray, *, seed: int = 7, commit_paragraphs: int = 50_000,
                triples: bool = True, log: Callable[[str], None] = print) -> dict[str, float]:
    """Commit ``len(vectors)`` synthetic paragraphs into ``data``; returns timings."""
    layout, minter = Layout(data), IriMinter()
    began = time.perf_counter()
    row = 0
    with StoreWriter(layout, minter) as writer:
        batch: list[StagedDocument] = []
        pending = 0
        for doc in documents(len(vectors), seed):
            n = len(doc.paragraphs)
            graph = tuple(document_triples(doc, minter)) if triples else ()
            batch.append(StagedDocument(doc, None, vectors[row : row + n], graph))
            row += n
            pending += n
            if pending >= commit_paragraphs:
                writer.commit(batch)
                log(f"  committed {row:,} paragraphs ({time.perf_counter() - began:.0f} s)")
                batch, pending = [], 0
        if batch:
            writer.commit(batch)
    return {"paragraphs": row, "seconds": time.perf_counter() - began}
