"""What every page view shares: the snapshot, links for IRIs, HTML error pages.

Only ``http``/``https`` IRIs ever become links. IRIs of the graph's own nodes link to the page
of that node inside the app; anything else is shown as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

from flask import Blueprint, render_template, url_for
from markupsafe import Markup, escape

from api.context import knowledge_base
from kg import vocab as v
from kg.errors import CouncilKGError, NotFound, QueryError, StoreError
from kg.knowledge import KnowledgeBase, Snapshot

SAFE_SCHEMES = ("http://", "https://")
PAGE_STATUS = ((NotFound, 404), (QueryError, 400), (StoreError, 503), (CouncilKGError, 500))


@dataclass(frozen=True)
class Reading:
    """The knowledge base and the snapshot one request reads."""

    kb: KnowledgeBase
    snap: Snapshot

    @property
    def minter(self) -> v.IriMinter:
        """The IRI minter of this deployment."""
        return self.kb.minter

    @property
    def ready(self) -> bool:
        """Whether anything has been committed yet."""
        return self.snap.catalog is not None and self.snap.generation is not None


def reading() -> Reading:
    """The current snapshot of the app's knowledge base."""
    kb = knowledge_base()
    return Reading(kb, kb.current())


def node_href(iri: str, minter: v.IriMinter) -> str | None:
    """Where a link to ``iri`` goes: its page here, the IRI itself if http(s), else nowhere."""
    if not iri.startswith(SAFE_SCHEMES):
        return None
    doc_prefix, para_prefix = minter.document(""), minter.paragraph("")
    if iri.startswith(doc_prefix):
        return url_for("documents.document", document_id=unquote(iri[len(doc_prefix):]))
    if iri.startswith(para_prefix):
        return url_for("documents.paragraph", paragraph_id=unquote(iri[len(para_prefix):]))
    if iri.startswith(minter.base):
        return url_for("entities.node", path=iri[len(minter.base):])
    return iri


def node_iri(path: str, minter: v.IriMinter) -> str:
    """The IRI of the node whose page is at ``/id/<path>``."""
    return minter.base + quote(path, safe="/-._~%")


def link(iri: str, label: str | None, minter: v.IriMinter) -> Markup:
    """``<a>`` to a node's page (external IRIs marked as such), or its label as text."""
    href = node_href(iri, minter)
    text = label or short_iri(iri)
    if href is None:
        return Markup(escape(text))
    if href == iri:
        return Markup('<a class="external" rel="noopener noreferrer nofollow" href="{}">{}</a>').format(href, text)
    return Markup('<a href="{}">{}</a>').format(href, text)


def short_iri(iri: str) -> str:
    """An IRI with a known namespace written as ``prefix:local``."""
    for prefix, ns in v.PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def install_errors(bp: Blueprint) -> None:
    """Errors raised by ``bp``'s views become HTML pages with the right status."""

    @bp.errorhandler(CouncilKGError)
    def _page_error(exc: CouncilKGError):
        status = next(code for kind, code in PAGE_STATUS if isinstance(exc, kind))
        return render_template("error.html", status=status, message=str(exc)), status
