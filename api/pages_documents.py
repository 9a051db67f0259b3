"""Document pages: the list, one document with anchored paragraphs, its original, paragraph links."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, send_file, url_for

from api.pages_kit import install_errors, reading
from kg.errors import NotFound
from kg.pages.documents import anchor_of, document_view, fact_groups

bp = Blueprint("documents", __name__)
install_errors(bp)


@bp.get("/documents")
def documents():
    """Every committed document, newest meeting first."""
    r = reading()
    docs = r.snap.catalog.documents() if r.snap.catalog else []
    docs.sort(key=lambda d: (d.meta.meeting_date.isoformat() if d.meta.meeting_date else "", d.file_name),
              reverse=True)
    return render_template("documents.html", documents=docs)


@bp.get("/documents/<document_id>")
def document(document_id: str):
    """One document: metadata, paragraphs with numbers, pages and anchors, facts, download."""
    r = reading()
    if not r.ready:
        raise NotFound("nothing has been ingested yet")
    entry = r.snap.catalog.document(document_id)
    view = document_view(
        r.snap.catalog, r.snap.graph, r.kb.layout.original(entry.content_hash), document_id,
        r.minter.document(document_id), r.minter.paragraph(""),
    )
    return render_template(
        "document.html", doc=view, graph_iri=r.minter.document(document_id),
        fact_groups=fact_groups(view.facts), anchors={p.id: p.anchor for p in view.paragraphs},
        numbers={p.id: p.number for p in view.paragraphs},
    )


@bp.get("/documents/<document_id>/original")
def original(document_id: str):
    """The file as ingested, always as a download (never rendered by the browser as a page)."""
    r = reading()
    if not r.ready:
        raise NotFound("nothing has been ingested yet")
    entry = r.snap.catalog.document(document_id)
    path = r.kb.layout.original(entry.content_hash)
    if not path.is_file():
        raise NotFound(f"the original of {entry.file_name} is not kept here")
    return send_file(path, mimetype=entry.media_type, as_attachment=True, download_name=entry.file_name)


@bp.get("/paragraphs/<paragraph_id>")
def paragraph(paragraph_id: str):
    """A paragraph's permanent link: redirects to its anchor in its document."""
    r = reading()
    if not r.ready:
        raise NotFound("nothing has been ingested yet")
    doc_id, anchor = anchor_of(r.snap.catalog, paragraph_id)
    return redirect(url_for("documents.document", document_id=doc_id, _anchor=anchor), code=303)
