"""One exception root for Council KG.

::

    CouncilKGError
    ├── ConfigError            a setting is missing or malformed
    ├── InputError             a file or field given by the user is unusable
    │   ├── UnsupportedFormat  no reader accepts the file
    │   ├── ReaderError        a reader could not extract text (names the file and reason)
    │   └── ManifestError      the manifest is malformed (names the entry and field)
    ├── StoreError             the data directory cannot be used
    │   ├── StoreLocked        another writer holds the lock
    │   └── NotFound           a document, paragraph or node is not in the store
    └── QueryError             a search or SPARQL query is malformed or refused
"""

from __future__ import annotations


class CouncilKGError(Exception):
    """Root of every error Council KG raises on purpose."""


class ConfigError(CouncilKGError):
    """A setting is missing or malformed."""


class InputError(CouncilKGError):
    """A file or field given by the user cannot be used."""


class UnsupportedFormat(InputError):
    """No reader accepts the file."""


class ReaderError(InputError):
    """A reader could not extract text from a file."""


class ManifestError(InputError):
    """The manifest is malformed."""


class StoreError(CouncilKGError):
    """The data directory cannot be used."""


class StoreLocked(StoreError):
    """Another process is writing to the data directory."""


class NotFound(StoreError):
    """The thing asked for is not in the store."""


class QueryError(CouncilKGError):
    """A search or SPARQL query is malformed or refused."""
