"""Every SPARQL template of question answering, loaded by name and run on the Medway graph."""

from __future__ import annotations

from datetime import date

import pytest

from kg.errors import QueryError
from kg.qa import templates
from kg.qa.linking import LabelIndex


def rows(graph, name, **params):
    return [[None if t is None else t.value for t in row] for row in graph.query(templates.render(name, **params))]


@pytest.fixture(scope="module")
def graph(medway):
    return medway.knowledge.current().graph


@pytest.fixture(scope="module")
def labels(graph):
    return LabelIndex.load(graph)


def node(labels, kind, label):
    return next(e.iri for e in labels.entries if e.kind == kind and e.label == label)


def test_every_template_is_tested_here():
    tested = {"labels", "post_holder", "report_authors", "decisions", "measure_value", "measure_series",
              "meeting_details", "decision_lookup", "decision_trace"}
    assert set(templates.names()) == tested


def test_parameters_are_escaped_and_required():
    with pytest.raises(QueryError):
        templates.render("post_holder", posts=templates.IriList(("http://x/a",)))
    with pytest.raises(QueryError):
        templates.render("decision_trace", decision=templates.IriList(("http://x/a> } DROP ALL {",)))
    text = templates.render("decision_lookup", key='a" . ?s ?p ?o #')
    assert '"a\\" . ?s ?p ?o #"' in text


def test_labels_cover_posts_people_bodies_measures_documents(labels):
    kinds = {e.kind for e in labels.entries}
    assert {"post", "person", "body", "measure", "document"} <= kinds
    linked = labels.link("Who is the Portfolio Holder for Children's Services?", ("post",))
    assert linked and linked[0].label == "Portfolio Holder for Children's Services"
    assert not labels.link("Who is the Portfolio Holder for Housing?", ("post",))


def test_post_holder_at_a_date(graph, labels):
    post = node(labels, "post", "Portfolio Holder for Children's Services")
    found = rows(graph, "post_holder", posts=templates.IriList((post,)), on=date(2024, 1, 1))
    assert found and found[0][3] == "Josie Iles" and found[0][5] == "2023-03-02"
    assert found[0][6] is not None  # the paragraph it was read from
    assert rows(graph, "post_holder", posts=templates.IriList((post,)), on=date(2020, 1, 1)) == []


def test_report_authors(graph, labels):
    doc = node(labels, "document", "Sufficiency Report 2020")
    found = {(r[2], r[3]) for r in rows(graph, "report_authors", documents=templates.IriList((doc,)))}
    assert ("Andrew Willetts", "author") in found and ("James Williams", "report_from") in found


def test_decisions_between_dates(graph):
    found = rows(graph, "decisions", **{"from": date(2023, 10, 1), "to": date(2023, 10, 31)})
    texts = " ".join(r[1] for r in found)
    assert "report on workforce" in texts and all(r[5] == "2023-10-05" for r in found if r[5])
    # A body labelled in every paper's named graph is still one row per decision.
    assert len({r[0] for r in found}) == len(found)
    assert rows(graph, "decisions", **{"from": date(2019, 1, 1), "to": date(2019, 12, 31)}) == []


def test_measure_value_and_series(graph, labels):
    cpi = node(labels, "measure", "CPI")
    values = rows(graph, "measure_value", measures=templates.IriList((cpi,)))
    assert {r[2] for r in values} == {"10.7"} and values[0][3] == "percent"
    series = rows(graph, "measure_series", measures=templates.IriList((cpi,)))
    assert series and series[0][5] == "2022-09-30" and series[0][6] is not None


def test_meeting_details(graph):
    found = rows(graph, "meeting_details", **{"from": date(2023, 3, 2), "to": date(2023, 3, 2)})
    assert found and found[0][3] == "6.30pm" and found[0][4].startswith("St George's Centre")


def test_decision_lookup_and_trace(graph):
    decision = next(r[0] for r in rows(graph, "decisions", **{"from": date(2023, 10, 5), "to": date(2023, 10, 5)})
                    if "report on workforce" in r[1])
    key = decision.rsplit("decision/", 1)[1]
    assert rows(graph, "decision_lookup", key="decision/" + key)[0][0] == decision
    edges = {r[1] for r in rows(graph, "decision_trace", decision=templates.IriList((decision,)))}
    assert {"made at", "held by", "recorded in", "author", "holds post", "arising from"} <= edges
