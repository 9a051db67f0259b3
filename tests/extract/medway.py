"""The five Medway papers built as ingest builds them (reader + segmenter + manifest)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

MEDWAY = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "medway"


def medway_documents():
    """The Medway papers as Documents with the manifest's council, body, date and type."""
    from ingest.pipeline import build_document
    from kg.records import DocumentMeta

    manifest = json.loads((MEDWAY / "manifest.json").read_text())
    docs = []
    for m in manifest:
        meta = DocumentMeta(
            council=m["council"], body=m["body"], meeting_date=date.fromisoformat(m["meeting_date"]),
            document_type=m["document_type"], title=m["title"],
        )
        docs.append(build_document((MEDWAY / m["file"]).read_bytes(), m["file"], meta))
    return docs
