"""The pure helpers behind the pages: escaping before marking, anchors, safe IRIs, chart geometry."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from api.pages_svg import chart, trace_drawing
from api.pages_text import link_spans, mark_span, mark_terms, paragraph_html, supporting_span
from kg.errors import QueryError
from kg.pages.decisions import TraceEdge, TraceNode
from kg.pages.documents import anchors
from kg.pages.measures import Point
from kg.pages.sparql import bind, load
from kg.records import Paragraph


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
