"""The manifest: metadata a harvester or a person knows about files, overriding what is inferred.

Format: a JSON list of objects ``{file, council, body, meeting_date (ISO date), document_type,
title, source_url?}``; only ``file`` is required. Entries match files by name or by path
relative to the manifest's folder.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from kg.errors import ManifestError
from kg.records import DocumentMeta

_TEXT_FIELDS = ("council", "body", "document_type", "title", "source_url")
_KNOWN = {"file", "meeting_date", *_TEXT_FIELDS}


class Manifest:
    """Manifest entries keyed by file name and by relative path."""

    def __init__(self, entries: dict[str, DocumentMeta], folder: Path | None = None) -> None:
        self._entries = entries
        self.folder = folder

    @classmethod
    def empty(cls) -> "Manifest":
        """A manifest that knows nothing."""
        return cls({})

    @classmethod
    def load(cls, path: Path) -> "Manifest":
        """Read and validate a manifest file; errors name the entry and field."""
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ManifestError(f"{path}: cannot read manifest: {exc.strerror or exc}") from exc
        except ValueError as exc:
            raise ManifestError(f"{path}: not valid JSON: {exc}") from exc
        if not isinstance(raw, list):
            raise ManifestError(f"{path}: a manifest is a JSON list of objects")
        entries: dict[str, DocumentMeta] = {}
        for index, item in enumerate(raw):
            where = f"{path}: entry {index}"
            key, meta = _entry(item, where)
            if key in entries:
                raise ManifestError(f"{where}: file {key!r} is listed twice")
            entries[key] = meta
        return cls(entries, Path(path).resolve().parent)

    def __len__(self) -> int:
        return len(self._entries)

    def files(self) -> list[str]:
        """The file keys the manifest lists."""
        return list(self._entries)

    def lookup(self, path: Path) -> DocumentMeta | None:
        """The entry for a file, by relative path first, then by name."""
        if self.folder is not None:
            try:
                rel = Path(path).resolve().relative_to(self.folder).as_posix()
            except ValueError:
                rel = None
            if rel in self._entries:
                return self._entries[rel]
        return self._entries.get(Path(path).name)


def _entry(item: object, where: str) -> tuple[str, DocumentMeta]:
    if not isinstance(item, dict):
        raise ManifestError(f"{where}: must be an object")
    unknown = set(item) - _KNOWN
    if unknown:
        raise ManifestError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    file = item.get("file")
    if not isinstance(file, str) or not file.strip():
        raise ManifestError(f"{where}: field 'file' is required and must be a non-empty string")
    values: dict[str, object] = {}
    for name in _TEXT_FIELDS:
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            raise ManifestError(f"{where} ({file}): field {name!r} must be a string")
        values[name] = value.strip() or None if isinstance(value, str) else None
    raw_date = item.get("meeting_date")
    meeting_date = None
    if raw_date is not None:
        try:
            meeting_date = date.fromisoformat(str(raw_date))
        except ValueError:
            raise ManifestError(
                f"{where} ({file}): field 'meeting_date' must be an ISO date (YYYY-MM-DD), got {raw_date!r}"
            ) from None
    return file.strip(), DocumentMeta(meeting_date=meeting_date, **values)


def merge(inferred: DocumentMeta, given: DocumentMeta | None) -> DocumentMeta:
    """What the manifest gives overrides what was inferred, field by field."""
    if given is None:
        return inferred
    overrides = {k: v for k, v in vars(given).items() if v is not None}
    return replace(inferred, **overrides)
