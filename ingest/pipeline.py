"""The ingest pipeline: files in, committed documents out.

Steps, each a function over typed records::

    path ─ read bytes ─ hash ─(unchanged? skip)─ reader ─ segmenter ─ extractors ─ embed ─ stage
                                                                              commit in groups

A file that fails at any step is recorded with its reason and the batch goes on; documents are
committed in groups of about ``commit_paragraphs`` paragraphs, each group whole or absent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ingest.manifest import Manifest, merge
from ingest.readers import read_bytes
from ingest.sandbox import Sandbox, SandboxLimits
from ingest.segment import segment
from kg.catalog import DocumentEntry
from kg.datadir import Layout, content_hash, keep_original, read_original
from kg.embedding import Embedder
from kg.errors import CouncilKGError, InputError
from kg.graphstore import Triple, open_graph_store
from kg.records import Document, DocumentMeta, ParsedFile
from kg.settings import Settings
from kg.triples import document_triples
from kg.vocab import IriMinter, slug
from kg.writer import StagedDocument, StoreWriter

Extractor = Callable[[Document, IriMinter], Iterable[Triple]]
Progress = Callable[[str, int], None]

SKIP_NAMES = {"manifest.json"}


@dataclass(frozen=True)
class FileResult:
    """What happened to one file."""

    path: str
    status: str  # added | replaced | unchanged | duplicate | removed | failed
    document_id: str | None = None
    paragraphs: int = 0
    reason: str | None = None


@dataclass(frozen=True)
class IngestReport:
    """The outcome of one ingest or remove command."""

    results: tuple[FileResult, ...] = field(default=())

    @property
    def failed(self) -> list[FileResult]:
        """Files that could not be ingested."""
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> bool:
        """True when every file asked for succeeded."""
        return not self.failed

    def counts(self) -> dict[str, int]:
        """How many files ended in each status."""
        out: dict[str, int] = {}
        for r in self.results:
            out[r.status] = out.get(r.status, 0) + 1
        return out


def document_id(file_name: str, source_url: str | None = None) -> str:
    """A stable id for a document: its source URL or file name decides it, not its content.

    A changed file keeps its id, so it replaces its earlier version.
    """
    key = source_url or file_name
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return f"{slug(Path(file_name).stem)[:48]}-{digest}"


def collect_files(paths: Sequence[Path]) -> list[Path]:
    """Files named, and files inside folders named (recursively, hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel) and child.name not in SKIP_NAMES:
                    found.append(child)
        else:
            found.append(path)
    return found


def infer_meta(parsed: ParsedFile, path_name: str) -> DocumentMeta:
    """Metadata from the file itself: its title and, for meeting records, body and date."""
    title = parsed.title or next((b.text for b in parsed.blocks if b.kind.value == "heading"), None)
    meeting = parsed.meeting
    return DocumentMeta(
        title=(title or Path(path_name).stem).strip()[:300],
        body=meeting.body if meeting else None,
        meeting_date=meeting.date if meeting else None,
    )


def build_document(data: bytes, file_name: str, meta_given: DocumentMeta | None) -> Document:
    """Read, segment and describe one file (no embedding, no storage)."""
    parsed = read_bytes(data, file_name)
    meta = merge(infer_meta(parsed, file_name), meta_given)
    doc_id = document_id(file_name, meta.source_url)
    seg = segment(parsed, doc_id)
    if not seg.paragraphs:
        raise InputError(f"{file_name}: no text found to index")
    return Document(
        id=doc_id, content_hash=content_hash(data), file_name=file_name,
        media_type=parsed.media_type, meta=meta, text=seg.text, paragraphs=seg.paragraphs,
        meeting=parsed.meeting, warnings=parsed.warnings,
    )


def embedding_text(doc: Document, index: int) -> str:
    """What is embedded for a paragraph: its nearest heading gives context to short text."""
    p = doc.paragraphs[index]
    return f"{p.heading_path[-1]}: {p.text}" if p.heading_path else p.text


class Ingestor:
    """Runs the pipeline against one data directory, as its single writer."""

    def __init__(
        self, settings: Settings, *, embedder: Embedder | None = None,
        extractors: Sequence[Extractor] = (),
    ) -> None:
        self.settings = settings
        self.layout = Layout(settings.data)
        self.minter = IriMinter(settings.base_iri)
        self.embedder = embedder or Embedder.from_settings(settings)
        self.extractors = tuple(extractors)
        self.max_bytes = settings.max_upload_mb * 1024 * 1024
        # --- sandbox: files are read and segmented in a killable worker (ingest/sandbox.py) ---
        self.sandbox = Sandbox(SandboxLimits.from_settings(settings))

    def _writer(self) -> StoreWriter:
        return StoreWriter(
            self.layout, self.minter, open_graph=lambda: open_graph_store(self.settings, read_only=False)
        )

    def triples(self, doc: Document) -> tuple[Triple, ...]:
        """Everything the graph holds for a document: its text and the facts extracted."""
        out = list(document_triples(doc, self.minter))
        for extract in self.extractors:
            out.extend(extract(doc, self.minter))
        return tuple(out)

    def _restore(self, entry: DocumentEntry) -> tuple[Triple, ...]:
        data = read_original(self.layout, entry.content_hash)
        return self.triples(self.sandbox.build(data, entry.file_name, entry.meta))

    def ingest(
        self, paths: Sequence[Path], manifest: Manifest | None = None, progress: Progress | None = None,
    ) -> IngestReport:
        """Ingest files and folders; one bad file never stops the batch."""
        manifest = manifest or Manifest.empty()
        files = collect_files([Path(p) for p in paths])
        results: list[FileResult] = []
        with self.sandbox, self._writer() as writer:  # sandbox: stopped at the end
            writer.recover(self._restore)
            staged: list[tuple[StagedDocument, str]] = []
            pending = 0
            for path in files:
                result, stage = self._prepare(writer, path, manifest, {s.document.id for s, _ in staged})
                if stage is None:
                    results.append(result)
                else:
                    staged.append((stage, result.status))
                    pending += len(stage.document.paragraphs)
                if progress:
                    progress(str(path), 1)
                if pending >= self.settings.commit_paragraphs:
                    results.extend(self._commit(writer, staged))
                    staged, pending = [], 0
            results.extend(self._commit(writer, staged))
        return IngestReport(tuple(results))

    def _prepare(
        self, writer: StoreWriter, path: Path, manifest: Manifest, staged_ids: set[str]
    ) -> tuple[FileResult, StagedDocument | None]:
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise InputError(f"{path}: {size} bytes is over the {self.settings.max_upload_mb} MiB limit")
            data = path.read_bytes()
            given = manifest.lookup(path)
            digest = content_hash(data)
            doc_id = document_id(path.name, given.source_url if given else None)
            if doc_id in staged_ids:
                return FileResult(str(path), "duplicate", doc_id, reason="listed twice in this batch"), None
            existing = writer.catalog.find_documents(doc_id)
            if existing and existing[0].content_hash == digest and _same_meta(existing[0], given):
                return FileResult(str(path), "unchanged", doc_id, existing[0].paragraphs), None
            twins = [e for e in writer.catalog.by_hash(digest) if e.id != doc_id]
            if twins:
                return FileResult(str(path), "duplicate", twins[0].id, reason=f"same content as {twins[0].file_name}"), None
            doc = self.sandbox.build(data, path.name, given)  # sandbox: build_document in the worker
            vectors = self.embedder.embed([embedding_text(doc, i) for i in range(len(doc.paragraphs))])
            keep_original(self.layout, data)
            status = "replaced" if existing else "added"
            stage = StagedDocument(doc, str(path.resolve()), vectors, self.triples(doc))
            return FileResult(str(path), status, doc.id, len(doc.paragraphs)), stage
        except CouncilKGError as exc:
            return FileResult(str(path), "failed", reason=_reason(exc, path)), None
        except OSError as exc:
            return FileResult(str(path), "failed", reason=f"{path}: cannot read: {exc.strerror or exc}"), None

    def _commit(self, writer: StoreWriter, staged: list[tuple[StagedDocument, str]]) -> list[FileResult]:
        if not staged:
            return []
        writer.commit([s for s, _ in staged])
        return [
            FileResult(s.source_path or s.document.file_name, status, s.document.id, len(s.document.paragraphs))
            for s, status in staged
        ]

    def remove(self, refs: Sequence[str]) -> IngestReport:
        """Remove documents by id, file name or ingested path, everywhere."""
        results: list[FileResult] = []
        with self.sandbox, self._writer() as writer:  # sandbox: stopped at the end
            writer.recover(self._restore)
            ids: list[str] = []
            for ref in refs:
                matches = writer.catalog.find_documents(ref) or writer.catalog.find_documents(str(Path(ref).resolve()))
                if not matches:
                    results.append(FileResult(ref, "failed", reason=f"{ref}: no such document"))
                    continue
                for entry in matches:
                    if entry.id not in ids:
                        ids.append(entry.id)
                        results.append(FileResult(ref, "removed", entry.id, entry.paragraphs))
            if ids:
                writer.commit([], remove=ids)
        return IngestReport(tuple(results))


def _same_meta(entry: DocumentEntry, given: DocumentMeta | None) -> bool:
    """Unchanged only if the manifest does not now say something different."""
    return given is None or merge(entry.meta, given) == entry.meta


def _reason(exc: Exception, path: Path) -> str:
    text = str(exc)
    return text if str(path.name) in text else f"{path}: {text}"

