"""Pages of the graph's nodes: browse, and one page per node (person, body, meeting, decision,
measure, or any other), plus the briefing of a body before its next meeting."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, render_template, request

from api.pages_kit import install_errors, node_iri, reading
from api.pages_svg import chart, trace_drawing
from kg import vocab as v
from kg.errors import NotFound
from kg.pages import entities, profiles
from kg.pages.decisions import trace
from kg.pages.measures import measures, series
from kg.pages.rows import plain

bp = Blueprint("entities", __name__)
install_errors(bp)
BROWSE_KINDS = (("People", v.CKG + "Person"), ("Bodies", v.CKG + "Body"), ("Meetings", v.CKG + "Meeting"),
                ("Decisions", v.CKG + "Decision"), ("Posts", v.CKG + "Post"), ("Topics", v.CKG + "Topic"))
RECENT_DAYS = 180


def _described(path: str):
    r = reading()
    if not r.ready:
        raise NotFound("nothing has been ingested yet")
    iri = node_iri(path, r.minter)
    view = entities.describe(r.snap.graph, iri, r.minter)
    if view is None:
        raise NotFound(f"the graph says nothing about {iri}")
    return r, view


@bp.get("/browse")
def browse():
    """People, bodies, meetings, decisions, measures, or every node of one chosen type."""
    r = reading()
    graph = r.snap.graph if r.ready else None
    chosen = request.args.get("type", "")
    if chosen:
        return render_template("browse_type.html", type_iri=chosen, nodes=entities.nodes_of(graph, chosen))
    lists = [(name, type_iri, entities.nodes_of(graph, type_iri)) for name, type_iri in BROWSE_KINDS]
    return render_template("browse.html", lists=lists, measures=measures(graph)[:40] if graph else [],
                           kinds=entities.kinds(graph) if graph else [])


@bp.get("/id/<path:path>")
def node(path: str):
    """The page of one node, chosen by its type."""
    r, view = _described(path)
    kind = profiles.page_kind(view)
    graph = r.snap.graph
    if kind == "person":
        return render_template("person.html", p=profiles.person(graph, view))
    if kind == "body":
        return render_template("body.html", p=profiles.body(graph, view), briefing_path=path)
    if kind == "meeting":
        return render_template("meeting.html", p=profiles.meeting(graph, view))
    if kind == "decision":
        t = trace(graph, r.minter, view.iri)
        return render_template("decision.html", view=view, t=t, drawing=trace_drawing(t.nodes, t.edges))
    if kind == "measure":
        s = series(graph, view.iri)
        return render_template("measure.html", view=view, series=s, chart=chart(s.charted))
    return render_template("entity.html", view=view)


@bp.get("/briefing/<path:path>")
def briefing(path: str):
    """Before the next meeting: recent decisions, open report-backs, latest figures, new papers."""
    r, view = _described(path)
    if profiles.page_kind(view) != "body":
        raise NotFound(f"{view.label} is not a body, so it has no briefing")
    graph = r.snap.graph
    p = profiles.body(graph, view)
    meetings = p.sections["meetings"]
    last = meetings[0].get("date") if meetings else None
    since = (date.fromisoformat(last[:10]) - timedelta(days=RECENT_DAYS)).isoformat() if last else ""
    recent = [d for d in p.sections["decisions"] if d.get("date", "") >= since]
    asked = p.sections["report_backs"]
    figures = []
    for m in plain(graph, "body_measures", node=view.iri)[:6]:
        s = series(graph, m["measure"])
        if s.points:
            figures.append({"measure": m["measure"], "label": m.get("label", ""), "series": s,
                            "latest": s.charted[-1] if s.charted else s.points[-1],
                            "previous": s.charted[-2] if len(s.charted) > 1 else None})
    return render_template("briefing.html", p=p, last=last, recent=recent, open_actions=[a for a in asked if a.open],
                           answered=[a for a in asked if not a.open],
                           figures=figures, papers=p.sections["papers"][:10], body_path=path)
