"""``GET /health``: is the service up, and what does it hold."""

from __future__ import annotations

from api.context import knowledge_base
from flask import Blueprint, jsonify

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    """Liveness plus the committed generation and counts."""
    snap = knowledge_base().current()
    counts = snap.catalog.counts() if snap.catalog else {"documents": 0, "paragraphs": 0}
    return jsonify(status="ok", generation=snap.generation, **counts)
