"""``GET /api/search?q=...&k=10[&document=ID...]``: paragraphs ranked by fused BM25 + dense scores,
optionally only within the given documents."""

from __future__ import annotations

from dataclasses import asdict

from api.context import knowledge_base
from flask import Blueprint, jsonify, request

from kg.errors import QueryError

bp = Blueprint("search", __name__)
MAX_K = 100
MAX_QUERY = 1000


def parse_k(raw: str | None, default: int = 10) -> int:
    """The ``k`` parameter, validated."""
    if raw is None or raw == "":
        return default
    try:
        k = int(raw)
    except ValueError:
        raise QueryError(f"k must be a whole number, got {raw!r}") from None
    if not 1 <= k <= MAX_K:
        raise QueryError(f"k must be between 1 and {MAX_K}")
    return k


def hit_json(hit) -> dict:
    """The contract's shape of one result."""
    data = asdict(hit)
    return {
        "text": data["text"], "document_id": data["document_id"], "title": data["title"],
        "file": data["file"], "paragraph": data["paragraph"], "page": data["page"],
        "score": data["score"], "id": data["paragraph_id"],
    }


@bp.get("/api/search")
def search():
    """Search paragraphs."""
    query = (request.args.get("q") or "").strip()
    if not query:
        raise QueryError("q is required")
    if len(query) > MAX_QUERY:
        raise QueryError(f"q is longer than {MAX_QUERY} characters")
    k = parse_k(request.args.get("k"))
    documents = request.args.getlist("document") or None
    hits = knowledge_base().search(query, k, documents)
    return jsonify(query=query, k=k, results=[hit_json(h) for h in hits])
