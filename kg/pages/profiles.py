"""Page models of people, bodies and meetings, on top of the generic :class:`EntityView`.

Which page a node gets is decided by its types (:func:`page_kind`); each model keeps the
generic view too, so whatever the graph says beyond the known sections is still shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg import vocab as v
from kg.pages.actions import report_backs
from kg.pages.entities import EntityView
from kg.pages.rows import plain, unique

PAGE_KINDS = (
    ("person", (v.CKG + "Person", v.FOAF + "Person", v.SCHEMA + "Person")),
    ("measure", (v.CKG + "Measure",)),
    ("decision", (v.CKG + "Decision",)),
    ("meeting", (v.CKG + "Meeting",)),
    ("body", (v.CKG + "Body", v.CKG + "Council", v.CKG + "Committee", v.CKG + "Board", v.CKG + "Cabinet",
              v.CKG + "Partnership", v.CKG + "ExternalBody", v.ORG + "Organization")),
)


def page_kind(view: EntityView) -> str:
    """``person``, ``body``, ``meeting``, ``decision``, ``measure`` or ``entity``."""
    kinds = set(view.kinds)
    return next((name for name, types in PAGE_KINDS if kinds & set(types)), "entity")


@dataclass(frozen=True)
class Profile:
    """A node's page: the generic view plus named sections of rows (report-backs as
    :class:`~kg.pages.actions.ReportBack`)."""

    kind: str
    view: EntityView
    sections: dict[str, list] = field(default_factory=dict)


def person(graph, view: EntityView) -> Profile:
    """Posts held over time, reports, meetings, associated decisions."""
    node = view.iri
    return Profile("person", view, {
        "posts": plain(graph, "person_posts", node=node),
        "reports": unique(plain(graph, "person_reports", node=node), "doc"),
        "meetings": unique(plain(graph, "person_meetings", node=node), "meeting"),
        "decisions": unique(plain(graph, "person_decisions", node=node), "decision"),
    })


def body(graph, view: EntityView) -> Profile:
    """Members and officers, meetings by date, papers, decisions, recommendations, report-backs."""
    node = view.iri
    return Profile("body", view, {
        "people": unique(plain(graph, "body_people", node=node), "person"),
        "meetings": plain(graph, "body_meetings", node=node),
        "papers": unique(plain(graph, "body_papers", node=node), "doc"),
        "decisions": unique(plain(graph, "body_decisions", node=node), "decision"),
        "recommendations": unique(plain(graph, "body_recommendations", node=node), "rec"),
        "report_backs": report_backs(graph, node),
    })


def meeting(graph, view: EntityView) -> Profile:
    """Agenda items, papers, decisions and report-backs asked for at one meeting."""
    node = view.iri
    return Profile("meeting", view, {
        "agenda": unique(plain(graph, "meeting_agenda", node=node), "item"),
        "papers": unique(plain(graph, "meeting_papers", node=node), "doc"),
        "decisions": unique(plain(graph, "meeting_decisions", node=node), "decision"),
        "report_backs": report_backs(graph, node),
    })
