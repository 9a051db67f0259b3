"""The web pages: every page blueprint, and the template helpers they share.

``BLUEPRINTS`` is what the app factory registers. Pages are server-rendered from ``web/templates``;
scripts in ``web/static`` only enhance them (the SPARQL editor), so every page works without
JavaScript and satisfies a Content-Security-Policy of ``default-src 'self'`` with no inline
script or style (the Content-Security-Policy itself is set by ``api.security``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from flask import Blueprint
from markupsafe import Markup

from api import pages_ask, pages_documents, pages_entities, pages_search, pages_sparql
from api.pages_kit import link, node_href, reading, short_iri
from api.pages_text import paragraph_html, table_rows

shared = Blueprint("pages", __name__)


@shared.app_template_filter("node_link")
def _node_link(iri: str, label: str | None = None) -> Markup:
    """``{{ iri|node_link(label) }}``: a safe link to a node's page."""
    return link(iri, label, reading().minter)


@shared.app_template_filter("node_href")
def _node_href(iri: str) -> str:
    """``{{ iri|node_href }}``: where a link to the node goes (``#`` when it may not be linked)."""
    return node_href(iri, reading().minter) or "#"


@shared.app_template_filter("short_iri")
def _short_iri(iri: str) -> str:
    return short_iri(iri)


@shared.app_template_filter("paragraph_html")
def _paragraph_html(text: str, marked: Markup | None = None) -> Markup:
    return paragraph_html(text, marked)


@shared.app_template_filter("table_rows")
def _table_rows(text: str) -> list[list[str]]:
    return table_rows(text)


@shared.app_template_filter("long_date")
def long_date(value: date | str | None) -> str:
    """``2024-11-14`` → ``14 November 2024``; anything else unchanged."""
    if value is None:
        return ""
    try:
        when = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{when.day} {when:%B %Y}"


@shared.app_template_filter("figure")
def figure(value: str | Decimal | None, unit: str | None = None) -> str:
    """A value with its unit the way a paper writes it: ``16.9%``, ``£1,250``, ``1,204``."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError):
        return str(value or "")
    text = f"{number:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    unit = (unit or "").strip()
    if unit in {"percent", "%"}:
        return f"{text}%"
    if unit.startswith("GBP"):
        return f"£{text}{unit[3:]}"
    return text if unit in {"", "count"} else f"{text} {unit}"


BLUEPRINTS = (shared, pages_ask.bp, pages_documents.bp, pages_entities.bp, pages_search.bp, pages_sparql.bp)
