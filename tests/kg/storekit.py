"""Builders of small documents and vectors for store tests (no model needed)."""

from __future__ import annotations

import hashlib

import numpy as np

from kg.records import Document, DocumentMeta, Paragraph

DIM = 8


def make_document(doc_id: str, texts: list[str], version: str = "v1") -> Document:
    """A document whose paragraphs are ``texts``; ``version`` changes its content hash."""
    body = "\n\n".join(texts)
    paragraphs, offset = [], 0
    for i, t in enumerate(texts, 1):
        paragraphs.append(Paragraph(id=f"{doc_id}-p{i:04d}", document_id=doc_id, ordinal=i, text=t,
                                    number=str(i), start=offset, end=offset + len(t)))
        offset += len(t) + 2
    digest = hashlib.sha256(f"{doc_id}{version}{body}".encode()).hexdigest()
    return Document(id=doc_id, content_hash=digest, file_name=f"{doc_id}.txt", media_type="text/plain",
                    meta=DocumentMeta(title=f"Title of {doc_id}"), text=body, paragraphs=tuple(paragraphs))


def vectors_for(doc: Document) -> np.ndarray:
    """Deterministic unit vectors, one a paragraph."""
    out = np.zeros((len(doc.paragraphs), DIM), dtype=np.float32)
    for i, p in enumerate(doc.paragraphs):
        seed = int(hashlib.md5(p.text.encode()).hexdigest()[:8], 16)
        v = np.random.default_rng(seed).normal(size=DIM).astype(np.float32)
        out[i] = v / np.linalg.norm(v)
    return out
