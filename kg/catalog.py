"""The catalog: which documents and paragraphs are committed, and which index generation is live.

A SQLite database in WAL mode. Its transaction is the commit point of an ingest: graph and index
files are written first, then one catalog transaction makes them live. Readers see the last
committed state. Paragraph rows carry the integer ``row`` that is also their id in the vector
and lexical indexes.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from kg.datadir import existing
from kg.errors import NotFound, StoreError
from kg.records import BlockKind, Document, DocumentMeta, Paragraph

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source_path TEXT,
    media_type TEXT NOT NULL,
    title TEXT,
    council TEXT,
    body TEXT,
    meeting_date TEXT,
    document_type TEXT,
    source_url TEXT,
    paragraphs INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS paragraphs (
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(id),
    ordinal INTEGER NOT NULL,
    number TEXT,
    page INTEGER,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    kind TEXT NOT NULL,
    heading_path TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs(document_id, ordinal);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class DocumentEntry:
    """A committed document as the catalog records it."""

    id: str
    content_hash: str
    file_name: str
    source_path: str | None
    media_type: str
    meta: DocumentMeta
    paragraphs: int
    ingested_at: str


@dataclass(frozen=True)
class StoredParagraph:
    """A committed paragraph with its index row."""

    row: int
    paragraph: Paragraph


class Catalog:
    """SQLite-backed record of committed documents, paragraphs and the live generation."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                uri = f"file:{existing(self.path, 'catalog')}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, check_same_thread=False)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
                self._db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open catalog: {exc}") from exc
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    # -- reading -------------------------------------------------------------------------

    def generation(self) -> str | None:
        """Name of the live index generation, or None before the first commit."""
        row = self._db.execute("SELECT value FROM state WHERE key='generation'").fetchone()
        return row["value"] if row else None

    def documents(self) -> list[DocumentEntry]:
        """Every committed document, by file name."""
        rows = self._db.execute("SELECT * FROM documents ORDER BY file_name, id").fetchall()
        return [_entry(r) for r in rows]

    def document(self, document_id: str) -> DocumentEntry:
        """One document by id; NotFound if absent."""
        row = self._db.execute("SELECT * FROM documents WHERE id=?", (document_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document {document_id!r}")
        return _entry(row)

    def find_documents(self, ref: str) -> list[DocumentEntry]:
        """Documents matching an id, a file name, or the path they were ingested from."""
        rows = self._db.execute(
            "SELECT * FROM documents WHERE id=? OR file_name=? OR source_path=?", (ref, ref, ref)
        ).fetchall()
        return [_entry(r) for r in rows]

    def by_hash(self, content_hash: str) -> list[DocumentEntry]:
        """Documents whose original has this content hash."""
        rows = self._db.execute("SELECT * FROM documents WHERE content_hash=?", (content_hash,))
        return [_entry(r) for r in rows.fetchall()]

    def paragraphs_by_rows(self, rows: Sequence[int]) -> dict[int, StoredParagraph]:
        """Paragraphs keyed by index row."""
        found: dict[int, StoredParagraph] = {}
        ids = list(rows)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._db.execute(f"SELECT * FROM paragraphs WHERE row IN ({marks})", chunk):
                found[r["row"]] = _stored(r)
        return found

    def paragraphs_of(self, document_id: str) -> list[StoredParagraph]:
        """A document's paragraphs in reading order."""
        rows = self._db.execute(
            "SELECT * FROM paragraphs WHERE document_id=? ORDER BY ordinal", (document_id,)
        )
        return [_stored(r) for r in rows.fetchall()]

    def paragraph(self, paragraph_id: str) -> StoredParagraph:
        """One paragraph by id; NotFound if absent."""
        row = self._db.execute("SELECT * FROM paragraphs WHERE id=?", (paragraph_id,)).fetchone()
        if row is None:
            raise NotFound(f"no paragraph {paragraph_id!r}")
        return _stored(row)

    def rows_of(self, document_ids: Iterable[str]) -> list[int]:
        """Index rows of the given documents' paragraphs."""
        ids = list(document_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        cur = self._db.execute(f"SELECT row FROM paragraphs WHERE document_id IN ({marks})", ids)
        return [r[0] for r in cur.fetchall()]

    def row_documents(self) -> tuple[np.ndarray, np.ndarray]:
        """Every committed paragraph's index row and document id, in row order."""
        cur = self._db.execute("SELECT row, document_id FROM paragraphs ORDER BY row")
        pairs = cur.fetchall()
        rows = np.fromiter((r for r, _ in pairs), dtype=np.int64, count=len(pairs))
        return rows, np.array([d for _, d in pairs], dtype=object)

    def next_row(self) -> int:
        """The first index row not yet used by a committed paragraph."""
        value = self._db.execute("SELECT MAX(row) FROM paragraphs").fetchone()[0]
        return 0 if value is None else value + 1

    def counts(self) -> dict[str, int]:
        """Documents and paragraphs committed."""
        docs = self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        paras = self._db.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
        return {"documents": docs, "paragraphs": paras}

    # -- the commit ----------------------------------------------------------------------

    def commit(
        self,
        *,
        generation: str,
        add: Sequence[tuple[Document, str | None, int]],
        remove: Iterable[str],
    ) -> None:
        """One transaction: drop ``remove`` documents, add documents, switch the generation.

        ``add`` holds (document, source path, first index row); its paragraphs take consecutive
        rows from that one.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: catalog is open read-only")
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            with self._db:
                for doc_id in set(remove) | {doc.id for doc, _, _ in add}:
                    self._db.execute("DELETE FROM paragraphs WHERE document_id=?", (doc_id,))
                    self._db.execute("DELETE FROM documents WHERE id=?", (doc_id,))
                for doc, source, first_row in add:
                    self._db.execute(
                        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (
                            doc.id, doc.content_hash, doc.file_name, source, doc.media_type,
                            doc.meta.title, doc.meta.council, doc.meta.body,
                            doc.meta.meeting_date.isoformat() if doc.meta.meeting_date else None,
                            doc.meta.document_type, doc.meta.source_url, len(doc.paragraphs), now,
                        ),
                    )
                    self._db.executemany(
                        "INSERT INTO paragraphs VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        [
                            (
                                first_row + i, p.id, doc.id, p.ordinal, p.number, p.page,
                                p.start, p.end, p.kind.value, json.dumps(list(p.heading_path)),
                                p.text,
                            )
                            for i, p in enumerate(doc.paragraphs)
                        ],
                    )
                self._db.execute(
                    "INSERT INTO state VALUES ('generation', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (generation,),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: catalog commit failed: {exc}") from exc


def _entry(r: sqlite3.Row) -> DocumentEntry:
    meta = DocumentMeta(
        council=r["council"],
        body=r["body"],
        meeting_date=date.fromisoformat(r["meeting_date"]) if r["meeting_date"] else None,
        document_type=r["document_type"],
        title=r["title"],
        source_url=r["source_url"],
    )
    return DocumentEntry(
        id=r["id"],
        content_hash=r["content_hash"],
        file_name=r["file_name"],
        source_path=r["source_path"],
        media_type=r["media_type"],
        meta=meta,
        paragraphs=r["paragraphs"],
        ingested_at=r["ingested_at"],
    )


def _stored(r: sqlite3.Row) -> StoredParagraph:
    return StoredParagraph(
        row=r["row"],
        paragraph=Paragraph(
            id=r["id"],
            document_id=r["document_id"],
            ordinal=r["ordinal"],
            text=r["text"],
            kind=BlockKind(r["kind"]),
            number=r["number"],
            heading_path=tuple(json.loads(r["heading_path"])),
            page=r["page"],
            start=r["start_offset"],
            end=r["end_offset"],
        ),
    )
