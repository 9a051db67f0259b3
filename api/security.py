"""Web safety in one place: security headers on every response, a token on every write.

- **Headers.** Every response carries a Content-Security-Policy (``default-src 'self'``, no
  inline script or style, ``frame-ancestors 'none'``), ``X-Content-Type-Options: nosniff``,
  ``X-Frame-Options: DENY``, ``Referrer-Policy: no-referrer`` and
  ``Cross-Origin-Opener-Policy: same-origin``. JSON and templates are autoescaped by Flask/Jinja.
- **CORS.** Only ``/sparql`` (a public, read-only protocol endpoint) may answer other origins;
  ``Access-Control-*`` headers set anywhere else are removed here, whoever set them.
- **Writes.** Deny by default: a request with any method other than GET, HEAD or OPTIONS must
  present ``Authorization: Bearer <write_token>`` unless its path is one of the read-only
  ``READ_ONLY_POSTS`` (a query sent by POST). The token is compared with
  ``hmac.compare_digest``. No token configured means writes over HTTP are disabled (403); a
  missing or wrong token is 401. So a write route added later is protected without doing anything.
"""

from __future__ import annotations

import hmac

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import Forbidden, Unauthorized

from kg.errors import ConfigError

# The one inline style allowed is the fixed stylesheet YASGUI's column resizer inserts on the
# SPARQL page (web/static/vendor/yasgui), named by its hash; no other inline style or script runs.
YASGUI_RESIZER_STYLE = "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='"
CSP = (f"default-src 'self'; script-src 'self'; style-src 'self' {YASGUI_RESIZER_STYLE}; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# POST routes that only read: SPARQL 1.1 Protocol queries and questions. Nothing else is public.
READ_ONLY_POSTS = frozenset({"/sparql", "/api/ask", "/ask"})
CORS_PATHS = frozenset({"/sparql"})
TOKEN_KEY = "council_kg.write_token"
MIN_TOKEN = 16


def require_token() -> None:
    """Refuse the current request unless it carries the configured bearer token."""
    token: str = current_app.config.get(TOKEN_KEY) or ""
    if not token:
        raise Forbidden("writes over HTTP are disabled: the server has no COUNCIL_KG_WRITE_TOKEN")
    scheme, _, given = (request.headers.get("Authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise Unauthorized("this request needs 'Authorization: Bearer <token>' with the write token")


def _guard_writes() -> None:
    if request.method not in SAFE_METHODS and request.path not in READ_ONLY_POSTS:
        require_token()


def _headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="council-kg"'
    if request.path not in CORS_PATHS:
        for name in [h for h in response.headers.keys() if h.lower().startswith("access-control-")]:
            del response.headers[name]
    return response


def register(app: Flask, write_token: str) -> None:
    """Install the write guard and the header hook; refuses a token too short to be secret."""
    if write_token and len(write_token) < MIN_TOKEN:
        raise ConfigError(f"COUNCIL_KG_WRITE_TOKEN must be at least {MIN_TOKEN} characters")
    app.config[TOKEN_KEY] = write_token
    app.before_request(_guard_writes)
    app.after_request(_headers)
