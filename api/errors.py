"""Error → HTTP mapping, in one place: JSON for the API, the status from the exception type."""

from __future__ import annotations

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from kg.errors import (
    CouncilKGError, InputError, NotAcceptable, NotFound, QueryError, QueryRefused, QueryTimeout,
    StoreError, StoreLocked,
)

STATUS = (
    (QueryRefused, 403),
    (NotAcceptable, 406),
    (QueryTimeout, 503),
    (NotFound, 404),
    (QueryError, 400),
    (InputError, 400),
    (StoreLocked, 409),
    (StoreError, 503),
    (CouncilKGError, 500),
)


def status_for(exc: CouncilKGError) -> int:
    """The HTTP status of a Council KG error."""
    return next(code for kind, code in STATUS if isinstance(exc, kind))


def register(app: Flask) -> None:
    """Install the handlers."""

    @app.errorhandler(CouncilKGError)
    def _known(exc: CouncilKGError):
        return jsonify(error=type(exc).__name__, message=str(exc)), status_for(exc)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        return jsonify(error=exc.name, message=exc.description), exc.code
