"""``POST /api/ask {"question"}``, ``GET /api/ask?q=``: cited answers; ``GET /api/decisions/<id>/trace``."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from api.context import knowledge_base
from kg.errors import QueryError, StoreError
from kg.qa.service import QuestionAnswerer
from kg.trace import trace_decision

bp = Blueprint("ask_api", __name__)
ANSWERER = "council_kg_answerer"
MAX_QUESTION = 1000


def answerer() -> QuestionAnswerer:
    """The app's question answerer, made on first use and kept with the app."""
    ext = current_app.extensions
    if ANSWERER not in ext:
        ext[ANSWERER] = QuestionAnswerer(knowledge_base())
    return ext[ANSWERER]


def _question(raw) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise QueryError("question is required")
    if len(raw) > MAX_QUESTION:
        raise QueryError(f"question is longer than {MAX_QUESTION} characters")
    return raw.strip()


@bp.post("/api/ask")
def ask_post():
    """Answer the JSON body's ``question``."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise QueryError('send JSON: {"question": "..."}')
    return jsonify(answerer().ask(_question(body.get("question"))).to_json())


@bp.get("/api/ask")
def ask_get():
    """Answer ``q``."""
    return jsonify(answerer().ask(_question(request.args.get("q"))).to_json())


@bp.get("/api/decisions/<path:decision>/trace")
def trace(decision: str):
    """A decision's path: meeting, body, report, authors and posts, recommendations, report-backs."""
    kb = knowledge_base()
    snap = kb.current()
    if snap.graph is None:
        raise StoreError("the data directory holds no graph yet; ingest something first")
    return jsonify(trace_decision(snap.graph, kb.minter, decision).to_json())
