"""File readers: bytes of a committee paper in, a ParsedFile of typed blocks out.

Public API::

    sniff(data, name) -> media type
    read_bytes(data, name, settings=None, registry=None) -> ParsedFile
    read_path(path, settings=None, registry=None) -> ParsedFile

Readers are found through a ``ReaderRegistry`` keyed by media type. Entries name a module and
function as text and are imported only when a file of that type is read, so importing this
package stays cheap and a format whose library is missing fails only when it is needed.
Every reader has the signature ``read(data: bytes, name: str, settings: ReaderSettings)``.

Errors: ``ReaderError`` when a file of a known type cannot be read (empty, damaged, encrypted,
too large, hostile XML), ``UnsupportedFormat`` when no reader takes it; both name the file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

from ingest.readers._blocks import ReaderSettings
from ingest.readers.sniff import DOCX, HTML, MODERNGOV, PDF, PLAIN, sniff
from kg.errors import ReaderError, UnsupportedFormat
from kg.records import ParsedFile

__all__ = [
    "DOCX", "HTML", "MODERNGOV", "PDF", "PLAIN",
    "Reader", "ReaderRegistry", "ReaderSettings",
    "default_registry", "read_bytes", "read_path", "sniff",
]


class Reader(Protocol):
    """A function that turns one file's bytes into a ParsedFile."""

    def __call__(self, data: bytes, name: str, settings: ReaderSettings) -> ParsedFile: ...


# Immutable: media type -> "module:function". Extend through ReaderRegistry.with_reader.
_BUILTIN: Mapping[str, str] = MappingProxyType(
    {
        PLAIN: "ingest.readers.text:read_text",
        PDF: "ingest.readers.pdf:read_pdf",
        HTML: "ingest.readers.html:read_html",
        DOCX: "ingest.readers.docx:read_docx",
        MODERNGOV: "ingest.readers.moderngov:read_moderngov",
    }
)


class ReaderRegistry:
    """Readers keyed by media type, imported lazily by dotted ``module:function`` name."""

    def __init__(
        self,
        entries: Mapping[str, str],
        sniffer: Callable[[bytes, str], str] = sniff,
    ) -> None:
        self._entries = MappingProxyType(dict(entries))
        self._sniff = sniffer

    @property
    def media_types(self) -> frozenset[str]:
        """The media types this registry can read."""
        return frozenset(self._entries)

    def with_reader(self, media_type: str, target: str) -> ReaderRegistry:
        """Return a new registry that also (or instead) reads ``media_type`` with ``target``."""
        return ReaderRegistry({**self._entries, media_type: target}, self._sniff)

    def reader_for(self, media_type: str) -> Reader:
        """Import and return the reader for ``media_type``; UnsupportedFormat when none."""
        target = self._entries.get(media_type)
        if target is None:
            raise UnsupportedFormat(f"no reader for media type {media_type!r}")
        module_name, _, attribute = target.partition(":")
        module = importlib.import_module(module_name)
        reader: Reader = getattr(module, attribute)
        return reader

    def sniff(self, data: bytes, name: str) -> str:
        """Media type of ``data`` by this registry's sniffer."""
        return self._sniff(data, name)


def default_registry() -> ReaderRegistry:
    """The registry of the five built-in readers."""
    return ReaderRegistry(_BUILTIN)


def read_bytes(
    data: bytes,
    name: str,
    settings: ReaderSettings | None = None,
    registry: ReaderRegistry | None = None,
) -> ParsedFile:
    """Read one file's bytes; ``name`` is used in messages and as the sniffing tie-breaker."""
    settings = settings or ReaderSettings()
    registry = registry or default_registry()
    if len(data) > settings.max_bytes:
        raise ReaderError(f"{name}: {len(data)} bytes is over the limit of {settings.max_bytes}")
    media_type = registry.sniff(data, name)
    return registry.reader_for(media_type)(data, name, settings)


def read_path(
    path: Path,
    settings: ReaderSettings | None = None,
    registry: ReaderRegistry | None = None,
) -> ParsedFile:
    """Read the file at ``path``; errors name the file."""
    path = Path(path)
    settings = settings or ReaderSettings()
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise ReaderError(f"{path.name}: {size} bytes is over the limit of {settings.max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(f"{path.name}: cannot open ({exc.strerror or exc})") from exc
    return read_bytes(data, path.name, settings, registry)
