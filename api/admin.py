"""Writes over HTTP: ``POST /api/documents`` (upload and ingest) and ``DELETE /api/documents/<id>``.

Both need ``Authorization: Bearer <COUNCIL_KG_WRITE_TOKEN>`` (see ``api.security``); with no
token configured they answer 403.

An upload is a ``multipart/form-data`` request with one or more ``file`` parts and, for a single
file, optional manifest fields (``title``, ``council``, ``body``, ``meeting_date``,
``document_type``, ``source_url``). Each file is

1. refused when the request is over ``max_upload_mb`` (413) or its name is a path (``../``,
   absolute, backslashes, NUL bytes, dot-files: 400);
2. sniffed by content: a type no reader takes is 415, an empty file 400;
3. kept as ``DATA/uploads/<sha256>/<safe name>``: the folder is the content hash, the name
   the client's file name made safe (it decides the document id, so a revised paper with the
   same name replaces the old one). Files are created with ``O_EXCL | O_NOFOLLOW`` and every
   path is checked to resolve inside the data directory, so symlinks cannot redirect a write;
4. ingested **in-process**, by the same pipeline as ``council-kg ingest`` (so parsing runs in
   the sandbox worker), with the app's already-loaded embedding model. Uploads within one
   server take turns on a lock; against a ``council-kg ingest`` running elsewhere the data
   directory's writer lock answers 409. Readers see the new generation on their next request.
"""

from __future__ import annotations

import os
import re
import threading
from datetime import date
from pathlib import Path

from flask import Blueprint, current_app, jsonify, request
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType
from werkzeug.utils import secure_filename

from api.context import knowledge_base
from api.security import require_token
from ingest.manifest import Manifest
from ingest.readers import sniff
from kg.datadir import content_hash
from kg.errors import NotFound, StoreError, UnsupportedFormat
from kg.records import DocumentMeta

bp = Blueprint("admin", __name__)
WRITE_LOCK = "council_kg.write_lock"
META_FIELDS = ("title", "council", "body", "document_type", "source_url")
DOCUMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,159}$")


@bp.before_request
def _writers_only() -> None:
    require_token()


def _write_lock() -> threading.Lock:
    lock = current_app.extensions.get(WRITE_LOCK)
    if lock is None:
        lock = current_app.extensions.setdefault(WRITE_LOCK, threading.Lock())
    return lock


def checked_name(raw: str | None) -> str:
    """The client's file name, refused when it is a path, made safe for the file system."""
    name = raw or ""
    if not name or "\x00" in name or "/" in name or "\\" in name or name.startswith(".") or ":" in name:
        raise BadRequest(f"file name {name!r} is refused: give a plain file name, not a path")
    safe = secure_filename(name)
    if not safe or safe.startswith("."):
        raise BadRequest(f"file name {name!r} has no usable characters")
    return safe[:200]


def inside(root: Path, path: Path) -> Path:
    """``path`` resolved, refused unless it stays inside ``root`` (symlinks included)."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise BadRequest("refused: the path leaves the data directory")
    return resolved


def keep_upload(root: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``root/uploads/<sha256>/<name>`` without following any symlink."""
    uploads = root / "uploads"
    folder = uploads / content_hash(data)
    for step in (uploads, folder):
        if step.is_symlink():
            raise BadRequest(f"refused: {step.name} is a symbolic link")
        step.mkdir(mode=0o750, exist_ok=True)
        inside(root, step)
    target = folder / name
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags, 0o640)
    except FileExistsError:
        if target.is_symlink() or not target.is_file():
            raise BadRequest(f"refused: {name} exists and is not a regular file") from None
        return inside(root, target)  # the same bytes under the same name: already kept
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return inside(root, target)


def _meta(form) -> DocumentMeta | None:
    given = {f: form.get(f, "").strip() or None for f in META_FIELDS}
    raw_date = form.get("meeting_date", "").strip()
    try:
        meeting_date = date.fromisoformat(raw_date) if raw_date else None
    except ValueError:
        raise BadRequest(f"meeting_date must be an ISO date (YYYY-MM-DD), got {raw_date!r}") from None
    if not any(given.values()) and meeting_date is None:
        return None
    return DocumentMeta(meeting_date=meeting_date, **given)


def _read(upload: FileStorage, limit: int) -> bytes:
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise RequestEntityTooLarge(f"{upload.filename}: larger than {limit // (1024 * 1024)} MiB")
    return data


def _ingestor():
    from ingest.extract import default_extractors
    from ingest.pipeline import Ingestor

    kb = knowledge_base()
    return Ingestor(kb.settings, embedder=kb.embedder, extractors=default_extractors())


@bp.post("/api/documents")
def upload():
    """Upload and ingest files; 201 when every file was ingested, 422 when one failed."""
    uploads = request.files.getlist("file")
    if not uploads:
        raise BadRequest("send the paper as a multipart form part named 'file'")
    meta = _meta(request.form)
    if meta is not None and len(uploads) > 1:
        raise BadRequest("metadata fields apply to one file; upload files one at a time to describe them")
    settings = knowledge_base().settings
    root = Path(settings.data)
    root.mkdir(parents=True, exist_ok=True)
    kept: list[Path] = []
    for part in uploads:
        name = checked_name(part.filename)
        data = _read(part, settings.max_upload_mb * 1024 * 1024)
        try:
            sniff(data, name)
        except UnsupportedFormat as exc:
            raise UnsupportedMediaType(str(exc)) from None
        kept.append(keep_upload(root, name, data))
    manifest = Manifest({kept[0].name: meta}) if meta else None
    with _write_lock():
        report = _ingestor().ingest(kept, manifest)
    results = [{"file": Path(r.path).name, "status": r.status, "document_id": r.document_id,
                "paragraphs": r.paragraphs, "reason": _public(r.reason, root)} for r in report.results]
    return jsonify(results=results), 201 if report.ok else 422


def _public(reason: str | None, root: Path) -> str | None:
    """A failure reason without the server's own paths."""
    if reason is None:
        return None
    return reason.replace(str(root.resolve()), "DATA").replace(str(root), "DATA")


@bp.delete("/api/documents/<doc_id>")
def remove(doc_id: str):
    """Remove one document, by its id, from graph, indexes and catalog."""
    if not DOCUMENT_ID.match(doc_id):
        raise BadRequest("not a document id")
    catalog = knowledge_base().current().catalog
    if catalog is None:
        raise NotFound(f"no document {doc_id!r}")  # nothing ingested yet
    entry = catalog.document(doc_id)  # NotFound → 404
    with _write_lock():
        report = _ingestor().remove([entry.id])
    if not report.ok:
        raise StoreError("; ".join(r.reason or r.path for r in report.failed))
    return jsonify(removed=entry.id, paragraphs=entry.paragraphs)
