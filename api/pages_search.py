"""The search page: paragraphs ranked by hybrid search, terms highlighted, filtered by document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Blueprint, render_template, request

from api.pages_kit import install_errors, reading
from api.pages_text import mark_terms, query_terms
from kg.catalog import DocumentEntry
from kg.errors import QueryError
from kg.pages.documents import anchors

bp = Blueprint("search_page", __name__)
install_errors(bp)
SHOWN = 20
MAX_QUERY = 500


@dataclass(frozen=True)
class Filters:
    """What the reader narrowed the search to."""

    body: str = ""
    document_type: str = ""
    start: date | None = None
    end: date | None = None

    def admits(self, doc: DocumentEntry) -> bool:
        """Whether a document passes every filter set."""
        meta = doc.meta
        if self.body and meta.body != self.body:
            return False
        if self.document_type and meta.document_type != self.document_type:
            return False
        when = meta.meeting_date
        if (self.start or self.end) and when is None:
            return False
        return not ((self.start and when < self.start) or (self.end and when > self.end))


def _date(raw: str | None, name: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise QueryError(f"{name} must be a date like 2024-11-14") from None


@bp.get("/search")
def search():
    """Search the papers."""
    r = reading()
    query = (request.args.get("q") or "").strip()[:MAX_QUERY]
    filters = Filters(
        request.args.get("body", ""), request.args.get("type", ""),
        _date(request.args.get("from"), "from"), _date(request.args.get("to"), "to"),
    )
    docs = {d.id: d for d in r.snap.catalog.documents()} if r.snap.catalog else {}
    results = []
    filtered = filters.body or filters.document_type or filters.start or filters.end
    admitted = [d for d in docs if filters.admits(docs[d])] if filtered else None
    if query and r.ready and admitted != []:
        terms = query_terms(query)
        anchor_cache: dict[str, dict[str, str]] = {}
        # The filters narrow the search itself, so a filtered search is as thorough as an open one.
        for hit in r.snap.search.search(query, SHOWN, admitted):
            doc = docs.get(hit.document_id)
            if doc is None:  # a paragraph committed after the catalog was read
                continue
            if hit.document_id not in anchor_cache:
                anchor_cache[hit.document_id] = anchors(
                    sp.paragraph for sp in r.snap.catalog.paragraphs_of(hit.document_id))
            results.append({"hit": hit, "doc": doc, "text": mark_terms(hit.text, terms),
                            "anchor": anchor_cache[hit.document_id].get(hit.paragraph_id, "")})
    return render_template(
        "search.html", query=query, filters=filters, results=results,
        bodies=sorted({d.meta.body for d in docs.values() if d.meta.body}),
        types=sorted({d.meta.document_type for d in docs.values() if d.meta.document_type}),
    )
