"""A polite HTTP client for one council's site: stdlib ``urllib`` only.

Every request it sends:

* carries the configured User-Agent;
* waits until ``delay`` seconds have passed since the last request to the same site (or the
  site's robots.txt ``Crawl-delay``, when that is longer);
* is checked against the site's robots.txt first (fetched once per site, with the same client);
* is retried with exponential backoff after a timeout, a dropped connection, a 5xx or a 429,
  honouring ``Retry-After``; any other 4xx fails at once;
* may be conditional (``If-None-Match`` / ``If-Modified-Since``); a 304 comes back as a
  ``Response`` with ``not_modified`` set and no body.

Only ``http`` and ``https`` are spoken: ``file:``, ``ftp:`` and redirects to them are refused,
so a hostile link in a meeting record cannot read the local disk.
"""

from __future__ import annotations

import http.client
import re
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Callable
from urllib.parse import urlsplit

from ingest.harvest.errors import FetchFailed, RobotsRefused
from ingest.harvest.robots import RobotsRules, parse_robots
from kg.errors import ConfigError
from kg.settings import Settings

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class HarvestPolicy:
    """How politely and how persistently to fetch."""

    user_agent: str
    delay: float = 1.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    max_backoff: float = 60.0
    max_bytes: int = 50 * 1024 * 1024

    @classmethod
    def from_settings(cls, settings: Settings) -> "HarvestPolicy":
        """The policy the settings describe; ConfigError for negative values."""
        if settings.harvest_delay < 0:
            raise ConfigError(f"harvest_delay must not be negative, got {settings.harvest_delay}")
        if settings.harvest_retries < 0:
            raise ConfigError(f"harvest_retries must not be negative, got {settings.harvest_retries}")
        if not settings.user_agent.strip():
            raise ConfigError("user_agent must not be empty")
        return cls(
            user_agent=settings.user_agent.strip(), delay=settings.harvest_delay,
            timeout=settings.harvest_timeout, retries=settings.harvest_retries,
            max_bytes=settings.max_upload_mb * 1024 * 1024,
        )


@dataclass(frozen=True)
class Validators:
    """What a server said to let us ask "has it changed?" next time."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """Conditional request headers for these validators."""
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Response:
    """One successful answer: a body (200) or "not modified" (304)."""

    url: str
    status: int
    body: bytes
    validators: Validators
    content_type: str | None = None
    filename: str | None = None
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        """True when the server answered 304: our copy is current."""
        return self.status == 304


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http and https only."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme not in {"http", "https"}:
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl} refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    """An opener with HTTP(S), proxies from the environment and safe redirects; no file: or ftp:."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
        _SafeRedirects(), urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


class _Retry(Exception):
    """A failure worth another attempt."""

    def __init__(self, reason: str, status: int | None = None, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.status, self.wait = reason, status, wait


class PoliteClient:
    """Fetches URLs from council sites, politely; one instance per harvest."""

    def __init__(
        self, policy: HarvestPolicy, *, sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy
        self._sleep = sleep
        self._clock = clock
        self._opener = _opener()
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotsRules] = {}
        self.requests = 0
        self.downloads = 0

    def get(self, url: str, validators: Validators | None = None) -> Response:
        """GET ``url`` (conditionally when validators are given); FetchFailed when it cannot."""
        if urlsplit(url).scheme not in {"http", "https"}:
            raise FetchFailed(url, "only http and https URLs are fetched")
        rules = self.robots(url)
        if not rules.allows(url):
            raise RobotsRefused(url, rules.deny_reason or "robots.txt does not allow this URL")
        response = self._with_retries(url, (validators or Validators()).headers(), rules.crawl_delay)
        if not response.not_modified:
            self.downloads += 1
        return response

    def robots(self, url: str) -> RobotsRules:
        """The robots.txt rules of the URL's site, fetched once per site."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._fetch_robots(origin)
        return self._robots[origin]

    def _fetch_robots(self, origin: str) -> RobotsRules:
        url = f"{origin}/robots.txt"
        try:
            response = self._with_retries(url, {}, None)
        except FetchFailed as exc:
            # RFC 9309: an unreachable robots.txt (5xx) means "assume complete disallow";
            # 401/403 are treated the same; any other 4xx means there are no rules.
            if exc.status is not None and 400 <= exc.status < 500 and exc.status not in {401, 403}:
                return RobotsRules.allow_all(self.policy.user_agent)
            reason = f"robots.txt could not be read ({exc.reason}); nothing on this site is fetched"
            return RobotsRules.deny_all(self.policy.user_agent, reason)
        text = response.body.decode("utf-8", errors="replace")
        return parse_robots(text, self.policy.user_agent)

    def _with_retries(self, url: str, headers: dict[str, str], crawl_delay: float | None) -> Response:
        attempts = self.policy.retries + 1
        for attempt in range(1, attempts + 1):
            self._wait_turn(url, crawl_delay)
            try:
                return self._once(url, headers, attempt)
            except _Retry as exc:
                if attempt == attempts:
                    tried = f" after {attempts} attempts" if attempts > 1 else ""
                    raise FetchFailed(url, f"{exc.reason}{tried}", exc.status) from None
                backoff = min(self.policy.backoff * 2 ** (attempt - 1), self.policy.max_backoff)
                self._sleep(min(max(backoff, exc.wait or 0.0), self.policy.max_backoff))
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_turn(self, url: str, crawl_delay: float | None) -> None:
        host = urlsplit(url).netloc
        gap = max(self.policy.delay, min(crawl_delay or 0.0, self.policy.max_backoff))
        last = self._last.get(host)
        if last is not None:
            wait = last + gap - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _once(self, url: str, headers: dict[str, str], attempt: int) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": self.policy.user_agent, **headers})
        self.requests += 1
        try:
            with self._opener.open(request, timeout=self.policy.timeout) as raw:
                body = self._read(raw, url)
                return _response(raw.geturl(), raw.status, body, raw.headers, attempt)
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 304:
                return _response(url, 304, b"", exc.headers, attempt)
            if exc.code in _RETRY_STATUS:
                raise _Retry(f"HTTP {exc.code} {exc.reason}", exc.code, _retry_after(exc.headers)) from None
            raise FetchFailed(url, f"HTTP {exc.code} {exc.reason}", exc.code) from None
        except (TimeoutError, socket.timeout):
            raise _Retry(f"no answer within {self.policy.timeout:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise _Retry(f"no answer within {self.policy.timeout:g} s") from None
            if isinstance(reason, (ConnectionError, socket.gaierror)):
                raise _Retry(f"cannot connect ({reason})") from None
            raise FetchFailed(url, f"cannot fetch ({reason})") from None
        except (ConnectionError, http.client.HTTPException) as exc:
            raise _Retry(f"connection dropped ({type(exc).__name__})") from None

    def _read(self, raw: http.client.HTTPResponse, url: str) -> bytes:
        chunks, size = [], 0
        while chunk := raw.read(_CHUNK):
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise FetchFailed(url, f"larger than the {self.policy.max_bytes // (1024 * 1024)} MiB limit")
            chunks.append(chunk)
        return b"".join(chunks)


def _response(url: str, status: int, body: bytes, headers, attempt: int) -> Response:  # type: ignore[no-untyped-def]
    return Response(
        url=url, status=status, body=body,
        validators=Validators(headers.get("ETag"), headers.get("Last-Modified")),
        content_type=(headers.get("Content-Type") or "").split(";")[0].strip().lower() or None,
        filename=_disposition_name(headers.get("Content-Disposition") or ""),
        attempts=attempt,
    )


def _disposition_name(value: str) -> str | None:
    match = re.search(r"""filename\*?=(?:UTF-8'')?["']?([^"';]+)""", value, re.IGNORECASE)
    return match.group(1).strip() if match else None


def _retry_after(headers) -> float | None:  # type: ignore[no-untyped-def]
    value = (headers.get("Retry-After") or "").strip() if headers else ""
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
