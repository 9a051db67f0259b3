"""The pure helpers behind the pages: escaping before marking, anchors, safe IRIs, chart geometry."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pyoxigraph as ox
import pytest

from api.pages_svg import chart, trace_drawing
from api.pages_text import link_spans, mark_span, mark_terms, paragraph_html, supporting_span
from kg.errors import QueryError
from kg.pages.actions import report_backs
from kg.pages.decisions import TraceEdge, TraceNode, drawable
from kg.pages.documents import anchors
from kg.pages.measures import Point
from kg.pages.sparql import bind, load
from kg.records import Paragraph
from kg.trace import trace_decision
from kg.vocab import IriMinter


def test_marks_are_added_after_escaping():
    out = str(mark_terms("<script>care</script> care & <b>x</b>", ["care", "script"]))
    assert "<script>" not in out and "<b>" not in out
    assert out.count("<mark>") == 4 and "&lt;" in out and "&amp;" in out
    assert str(mark_span("a <i>b</i> c", 2, 10)) == "a <mark>&lt;i&gt;b&lt;/i&gt;</mark> c"


def test_links_only_where_given_and_text_escaped():
    out = str(link_spans('x <Harwick> "y"', [(2, 11, "/id/council/harwick"), (12, 15, None)]))
    assert out == 'x <a class="entity" href="/id/council/harwick">&lt;Harwick&gt;</a> &#34;y&#34;'


def test_paragraph_lines_become_breaks_without_trusting_text():
    assert str(paragraph_html("one\n\n<two>")) == "one<br>&lt;two&gt;"


def test_supporting_sentence_is_the_one_sharing_the_answer_words():
    text = "Placements cost more. As at 30 September 2024 there were 451 children in care. Other."
    start, end = supporting_span(text, "451 children were in care at 30 September 2024")
    assert text[start:end].startswith("As at 30 September")


def test_anchors_follow_numbers_and_stay_unique():
    paras = [Paragraph(f"d-p{i}", "d", i, "t", number=n) for i, n in enumerate(["4.6", "4.6", None, "a) x"])]
    assert list(anchors(paras).values()) == ["p-4.6", "para-1", "para-2", "para-3"]


@pytest.mark.parametrize("iri", ["http://x/a> } ; DROP ALL", "http://x/a b", "", 'http://x/"'])
def test_page_queries_refuse_iris_that_could_escape(iri):
    with pytest.raises(QueryError):
        bind(load("node_out"), node=iri)


def point(day: date, value: str) -> Point:
    return Point(str(day), Decimal(value), "count", day, None, False, None, None, None, "p", None)


def test_chart_places_points_in_date_order_inside_the_plot():
    c = chart([point(date(2023, 3, 31), "412"), point(date(2024, 9, 30), "451"), point(date(2024, 3, 31), "438")])
    left, top, right, bottom = c.plot
    assert [p.point.value for p in c.points] == [Decimal("412"), Decimal("451"), Decimal("438")]
    assert all(left <= p.x <= right and top <= p.y <= bottom for p in c.points)
    assert c.points[0].x == left and c.points[1].x == right and c.points[1].y < c.points[0].y
    assert c.y_ticks and c.x_ticks and chart([]) is None


def test_trace_layers_run_left_to_right():
    nodes = [TraceNode("d", "decision", "decision", 2), TraceNode("r", "report", "report", 1),
             TraceNode("m", "meeting", "meeting", 3)]
    drawing = trace_drawing(nodes, [TraceEdge("r", "d", "considered"), TraceEdge("d", "m", "made at")])
    xs = {n.node.iri: n.x for n in drawing.nodes}
    assert xs["r"] < xs["d"] < xs["m"] and len(drawing.edges) == 2


def test_trace_columns_are_ordered_so_edges_cross_less():
    nodes = [TraceNode("d", "decision", "decision", 4), TraceNode("p1", "paper 1", "paper", 2),
             TraceNode("p2", "paper 2", "paper", 2), TraceNode("a", "Ann", "person", 1),
             TraceNode("b", "Bob", "person", 1), TraceNode("m", "meeting", "meeting", 3)]
    edges = [TraceEdge("d", "m", "made at"), TraceEdge("m", "p1", "has paper"), TraceEdge("m", "p2", "has paper"),
             TraceEdge("p2", "a", "author"), TraceEdge("p1", "b", "author")]
    rows = {n.node.iri: n.y for n in trace_drawing(nodes, edges).nodes}
    assert rows["b"] < rows["a"]  # Bob beside paper 1, Ann beside paper 2


BASE = "https://w3id.org/council-kg/id/"
SAMPLE_GRAPH = f"""
@prefix ckg: <https://w3id.org/council-kg/ontology#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{BASE}body/c> a ckg:Committee ; rdfs:label "Committee" .
<{BASE}meeting/m1> a ckg:Meeting ; ckg:heldBy <{BASE}body/c> ; dcterms:date "2024-11-14"^^xsd:date ; rdfs:label "Committee, 2024-11-14" .
<{BASE}document/minutes> a ckg:Document ; dcterms:title "Minutes" ; ckg:forMeeting <{BASE}meeting/m1> ;
    ckg:documentType "minutes" ; ckg:meetingDate "2024-11-14"^^xsd:date .
<{BASE}paragraph/minutes-p3> a ckg:Paragraph ; ckg:inDocument <{BASE}document/minutes> ; ckg:paragraphNumber "5.3" .
<{BASE}decision/d1> a ckg:Decision ; ckg:decisionText "that a report on placements be presented" ; ckg:clauseLabel "c" ;
    rdfs:label "c) that a report on placements be presented" ;
    ckg:madeAtMeeting <{BASE}meeting/m1> ; ckg:decidedBy <{BASE}body/c> ; ckg:recordedIn <{BASE}document/minutes> .
<{BASE}action/a1> a ckg:Action ; ckg:actionText "that a report on placements be presented" ; ckg:actionSubject "placements" ;
    ckg:actionStatus "open" ; ckg:requestedBy <{BASE}body/c> ; ckg:madeAtMeeting <{BASE}meeting/m1> ;
    ckg:arisingFrom <{BASE}decision/d1> ; prov:wasDerivedFrom <{BASE}paragraph/minutes-p3> ; rdfs:label "Report back: placements" .
<{BASE}action/a2> a ckg:Action ; ckg:actionText "that the Committee receive a workforce update" ; ckg:actionSubject "workforce update" ;
    ckg:actionStatus "open" ; ckg:requestedBy <{BASE}body/c> ; ckg:madeAtMeeting <{BASE}meeting/m1> .
<{BASE}document/earlier> a ckg:Document ; dcterms:title "Placements before" ; ckg:meetingDate "2024-09-01"^^xsd:date .
<{BASE}document/later> a ckg:Document ; dcterms:title "Placements Update" ; ckg:meetingDate "2025-03-20"^^xsd:date .
"""


@pytest.fixture()
def small_graph():
    store = ox.Store()
    store.load(SAMPLE_GRAPH.encode(), ox.RdfFormat.TURTLE)
    return store


def test_report_backs_say_who_asked_where_and_what_answers_them(small_graph):
    by_body = {a.action.rsplit("/", 1)[-1]: a for a in report_backs(small_graph, BASE + "body/c")}
    placements, workforce = by_body["a1"], by_body["a2"]
    assert placements.body_label == "Committee" and placements.date == "2024-11-14" and placements.clause == "c"
    assert placements.para == BASE + "paragraph/minutes-p3" and placements.number == "5.3"
    assert [p.doc for p in placements.answers] == [BASE + "document/later"] and not placements.open
    assert workforce.open and workforce.answers == ()
    assert [a.action for a in report_backs(small_graph, BASE + "decision/d1")] == [placements.action]
    assert {a.action for a in report_backs(small_graph, BASE + "meeting/m1")} == {a.action for a in by_body.values()}


def test_decision_trace_for_the_page_is_the_apis_trace(small_graph):
    t = trace_decision(small_graph, IriMinter(BASE), "d1")
    nodes, edges = drawable(t)
    assert {n.iri for n in nodes} == {n["id"] for n in t.to_json()["nodes"]}
    assert len(edges) == len(t.path)
    kinds = {n.iri.rsplit("/", 1)[-1]: n.kind for n in nodes}
    assert kinds["d1"] == "decision" and kinds["m1"] == "meeting" and kinds["c"] == "body"
    assert kinds["a1"] == "report-back" and kinds["later"] == "later paper"
    # the page's report-back list and the trace agree on what answers the request
    answered = {e.target for e in t.path if e.relation == "reported back in"}
    assert answered == {p.doc for a in report_backs(small_graph, t.decision) for p in a.answers}
