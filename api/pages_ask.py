"""The home page: ask a question, see the answer, the paragraph it rests on, and how we know.

The answer comes from question answering (``kg.qa``) when this server has it; otherwise the page
says so plainly and shows the passages that best match, never presenting them as an answer.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import Blueprint, current_app, render_template, request

from api.pages_kit import Reading, install_errors, node_href, reading
from api.pages_svg import chart
from api.pages_text import link_spans, mark_span, mark_terms, query_terms, supporting_span
from kg.errors import CouncilKGError, NotFound
from kg.pages.documents import anchor_of
from kg.pages.measures import Point
from kg.pages.mentions import example_questions, label_index, mentions

bp = Blueprint("ask", __name__)
install_errors(bp)
MAX_QUESTION = 500
FALLBACK_PASSAGES = 3
QA_EXTENSION = "council_kg.pages.qa"


def answerer(r: Reading):
    """The app's question answerer (shared with ``/api/ask`` when that built one), or None."""
    try:
        from kg.qa.service import QuestionAnswerer
    except ImportError:
        return None
    found = next((e for e in current_app.extensions.values() if isinstance(e, QuestionAnswerer)), None)
    return found or current_app.extensions.setdefault(QA_EXTENSION, QuestionAnswerer(r.kb))


def answer_question(r: Reading, question: str) -> dict[str, Any]:
    """The ask contract's result for ``question``: from QA when available, else passages only."""
    qa = answerer(r)
    if qa is not None:
        return qa.ask(question).to_json()
    hits = r.kb.search(question, FALLBACK_PASSAGES)
    return {
        "question": question, "answer": None, "answered": False, "confidence": 0.0, "facts": [],
        "sparql": [], "qa_unavailable": True,
        "citations": [{"id": h.paragraph_id, "document_id": h.document_id, "title": h.title, "file": h.file,
                       "paragraph": h.paragraph, "page": h.page, "text": h.text} for h in hits],
    }


def _citation_view(r: Reading, c: dict[str, Any], answer: str | None, question: str, first: bool) -> dict:
    try:
        doc_id, anchor = anchor_of(r.snap.catalog, c["id"])
    except (NotFound, KeyError):
        doc_id, anchor = c.get("document_id", ""), ""
    text = c.get("text") or ""
    span = supporting_span(text, answer, question) if first else None
    marked = mark_span(text, *span) if span else mark_terms(text, query_terms(question))
    return {**c, "document_id": doc_id, "anchor": anchor, "marked": marked}


def _fact_view(fact: Any) -> dict[str, str | None]:
    """A fact as the page lists it: its words and the paragraph it was read from."""
    if isinstance(fact, dict):
        text = fact.get("text") or fact.get("label") or ", ".join(
            f"{k}: {v}" for k, v in fact.items() if isinstance(v, (str, int, float)))
        return {"text": str(text), "kind": fact.get("kind"), "paragraph_id": fact.get("paragraph_id")}
    return {"text": str(fact), "kind": None, "paragraph_id": None}


def _series_chart(result: dict[str, Any]):
    """The chart of a trend answer's series, when it has dated points in one unit."""
    points = []
    for i, p in enumerate(result.get("series") or []):
        try:
            value, when = Decimal(str(p["value"])), date.fromisoformat(str(p.get("date"))[:10])
        except (InvalidOperation, KeyError, ValueError):
            continue
        points.append(Point(f"s{i}", value, p.get("unit") or "", when, p.get("label"), False, None, None,
                            p.get("label"), p.get("paragraph_id"), None))
    units = [p.unit for p in points]
    unit = max(set(units), key=units.count) if units else None
    return chart([p for p in points if p.unit == unit]) if len(points) >= 2 else None


@bp.get("/")
def home():
    """The question box, and the answer when a question was asked."""
    r = reading()
    question = (request.args.get("q") or "").strip()[:MAX_QUESTION]
    examples = example_questions(r.snap.graph) if r.ready else []
    if not question or not r.ready:
        return render_template("ask.html", question=question, result=None, examples=examples, ready=r.ready)
    try:
        result = answer_question(r, question)
    except CouncilKGError as exc:
        return render_template("ask.html", question=question, result=None, examples=examples,
                               ready=True, error=str(exc)), 400
    answer = result.get("answer")
    linked = None
    if answer:
        index = label_index(r.snap.graph)
        linked = link_spans(answer, [(m.start, m.end, node_href(m.iri, r.minter)) for m in mentions(answer, index)])
    citations = [_citation_view(r, c, answer, question, i == 0) for i, c in enumerate(result.get("citations") or [])]
    return render_template(
        "ask.html", question=question, result=result, answer_html=linked, citations=citations,
        facts=list({(f["text"], f["paragraph_id"]): f for f in map(_fact_view, result.get("facts") or [])}.values()),
        examples=examples, ready=True,
        series_chart=_series_chart(result),
    )
