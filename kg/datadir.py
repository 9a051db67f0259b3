"""The data directory: its layout, the writer's lock, the originals and the commit journal.

::

    DATA/
      write.lock        held (flock) by the one writer; holds its pid
      catalog.sqlite    committed documents, paragraphs, live generation (the commit point)
      journal.json      present only while a commit is under way (or after a crash in one)
      graph/            Oxigraph store, one named graph per document
      originals/        every ingested file, named by its SHA-256
      segments/NAME/    immutable index segments: rows, vectors + FAISS, BM25 postings
      generations/NAME/ which segments, minus which tombstoned rows, one commit made live
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError, StoreLocked


@dataclass(frozen=True)
class Layout:
    """Paths inside one data directory."""

    root: Path

    @property
    def lock(self) -> Path:
        return self.root / "write.lock"

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.sqlite"

    @property
    def journal(self) -> Path:
        return self.root / "journal.json"

    @property
    def graph(self) -> Path:
        return self.root / "graph"

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def generations(self) -> Path:
        return self.root / "generations"

    def generation(self, name: str) -> Path:
        """Folder of one index generation."""
        return self.generations / name

    def original(self, content_hash: str) -> Path:
        """Where the original with this hash is kept."""
        return self.originals / content_hash[:2] / content_hash


def existing(path: Path, what: str) -> Path:
    """``path`` when it exists; else a StoreError saying that nothing has been ingested there yet."""
    if not path.exists():
        raise StoreError(f"{path}: no {what} here yet (ingest something first)")
    return path


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's bytes, hex."""
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class WriterLock:
    """An exclusive, non-blocking lock on the data directory, released on close or death."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._fh = None

    def acquire(self) -> "WriterLock":
        """Take the lock or raise StoreLocked naming the holder."""
        self.layout.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.layout.lock, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise StoreLocked(
                f"{self.layout.root}: another writer is working on this data directory "
                f"(pid {holder}); wait for it to finish"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        """Let the next writer in."""
        if self._fh is not None:
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> "WriterLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def keep_original(layout: Layout, data: bytes) -> str:
    """Store a file's bytes under their hash (idempotent); returns the hash."""
    digest = content_hash(data)
    target = layout.original(digest)
    if not target.exists():
        write_atomic(target, data)
    return digest


def read_original(layout: Layout, digest: str) -> bytes:
    """The bytes of a kept original."""
    try:
        return layout.original(digest).read_bytes()
    except OSError as exc:
        raise StoreError(f"original {digest} is missing from {layout.originals}: {exc}") from exc


@dataclass(frozen=True)
class Journal:
    """What an unfinished commit was doing: enough to roll it back after a crash."""

    generation: str
    documents: tuple[str, ...]

    def write(self, layout: Layout) -> None:
        """Record the commit as under way."""
        payload = {"generation": self.generation, "documents": list(self.documents)}
        write_atomic(layout.journal, json.dumps(payload).encode())

    @staticmethod
    def read(layout: Layout) -> "Journal | None":
        """The journal left by an interrupted commit, if any."""
        try:
            payload = json.loads(layout.journal.read_text())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise StoreError(f"{layout.journal}: unreadable journal: {exc}") from exc
        return Journal(payload["generation"], tuple(payload["documents"]))

    @staticmethod
    def clear(layout: Layout) -> None:
        """Mark the commit finished."""
        layout.journal.unlink(missing_ok=True)
