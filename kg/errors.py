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
    └── QueryError             a search or SPARQL query is malformed
        ├── QueryRefused       well-formed, but asks for what the endpoint never does
        │   └── UpdateRefused  a SPARQL Update reached the read-only endpoint
        ├── QueryTimeout       stopped at its time limit
        └── NotAcceptable      no result format both sides accept
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


class QueryRefused(QueryError):
    """The query is well-formed but asks for something this endpoint never does."""


class UpdateRefused(QueryRefused):
    """A SPARQL Update reached the read-only endpoint."""


class QueryTimeout(QueryError):
    """A query did not finish within its time limit and was stopped."""


class NotAcceptable(QueryError):
    """No result format both the client and the endpoint accept for this query form."""
