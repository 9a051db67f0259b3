"""The researcher queries in ontology/queries/*.rq return the expected rows on the Medway papers.

The five papers are built as ingest builds them (no embedding), their triples loaded into an
in-memory store with one named graph per document, and each query run with the default graph
as the union of the document graphs, as the /sparql endpoint does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.graphs import medway_store

QUERIES = Path(__file__).resolve().parents[1] / "ontology" / "queries"
DOC = "https://w3id.org/council-kg/id/document/"
REPORT_2023 = DOC + "004-96cf8977907f3fbb-3a94a24a3c"
MINUTES_2023 = DOC + "001-61114f29866a8eec-6512ea4b09"
MINUTES_2023_03 = DOC + "000-9b65561e86bf5e5a-db01e14673"
COMMITTEE = "Children and Young People Overview and Scrutiny Committee"


@pytest.fixture(scope="module")
def store():
    from tests.extract.medway import MEDWAY, medway_documents

    if not MEDWAY.exists():
        pytest.skip("Medway corpus not present")
    return medway_store(medway_documents())


def run(store, name: str) -> list[dict[str, str | None]]:
    """Rows of a query as dicts of plain values."""
    solutions = store.query((QUERIES / f"{name}.rq").read_text(), use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: (t.value if t is not None else None) for n, t in zip(names, row)} for row in solutions]


def test_there_are_at_least_ten_documented_queries():
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 10
    for f in files:
        header = [line for line in f.read_text().splitlines() if line.startswith("#")]
        assert len(header) >= 2, f"{f.name} needs a comment header"


def test_decisions_of_body_in_period(store):
    rows = run(store, "decisions-of-body-in-period")
    labelled = {(r["meetingDate"], r["label"], r["verb"]) for r in rows if r["label"]}
    assert labelled == {("2023-10-05", "a", "noted"), ("2023-10-05", "b", "agreed"),
                        ("2023-10-05", "c", "agreed"), ("2023-10-05", "d", "recommended")}
    march = [r["text"] for r in rows if r["meetingDate"] == "2023-03-02"]
    assert any("Sufficiency Strategy 2023-2025" in t for t in march)
    assert any("adopt a hybrid model" in t for t in march)  # reported in October's minutes
    assert len(rows) == 7


def test_post_holder_on_date(store):
    rows = run(store, "post-holder-on-date")
    assert [(r["name"], r["attested"], r["document"]) for r in rows] == [("James Harman", "2023-10-05", REPORT_2023)]


def test_measure_series_with_sources(store):
    rows = run(store, "measure-series")
    assert [(r["periodEnd"], r["value"], r["unitLabel"]) for r in rows] == [("2020-08-31", "468", "count"), ("2020-11-30", "451", "count")]
    assert rows[0]["sentence"].startswith("As of 31 August 2020, there were 468 children in care")
    assert all(r["paragraph"].startswith("https://w3id.org/council-kg/id/paragraph/003-") for r in rows)


def test_reports_by_author(store):
    rows = run(store, "reports-by-author")
    assert {(r["document"], r["capacity"]) for r in rows} == {
        (REPORT_2023, "author"), (DOC + "002-dc6bdf29f61919ae-1aab0825ca", "lead_officer"),
    }


def test_open_report_backs(store):
    rows = run(store, "open-report-backs")
    assert {(r["subject"], r["clause"], r["meetingDate"]) for r in rows} == {
        ("workforce", "b", "2023-10-05"), ("offer for adolescents", "c", "2023-10-05"),
        ("action plans for this area of service", None, "2023-10-05"),
    }
    assert all(r["bodyLabel"] == COMMITTEE and r["document"] == MINUTES_2023 for r in rows)


def test_decision_trace_to_reports_and_authors(store):
    rows = run(store, "decision-trace")
    assert {r["report"] for r in rows} == {REPORT_2023}
    assert {r["authorName"] for r in rows} == {"Lee-Anne Farach", "Sue Brunton-Reed", "Lisa Morgan", "James Harman"}


def test_recommendation_outcomes(store):
    rows = run(store, "recommendation-outcomes")
    answered = {(r["recommendation"][:40], r["answeredBy"]) for r in rows if r["answeredBy"]}
    assert answered == {("consider Medway’s Sufficiency Strategy 2", "the Children’s Sufficiency Strategy 2023-2025")}
    october = {r["decision"] for r in rows if r["meetingDate"] == "2023-10-05" and r["recommendation"].startswith("note the report")}
    assert "to note the report" in october
    ways = {r["decision"] for r in rows if r["recommendation"].startswith("recommend approval of the proposed ways")}
    assert any(d and "adopt a hybrid model" in d for d in ways)


def test_meetings_of_body(store):
    rows = run(store, "meetings-of-body")
    assert sorted({r["date"] for r in rows}) == ["2021-01-07", "2023-03-02", "2023-10-05"]
    march = [r for r in rows if r["date"] == "2023-03-02"]
    assert {r["time"] for r in march} == {"6.30pm"}
    assert {r["type"] for r in march} == {"agenda", "minutes"}


def test_post_mentions_resolved(store):
    rows = run(store, "post-mentions-resolved")
    found = {(r["document"], r["name"]) for r in rows}
    assert (MINUTES_2023_03, "James Harman") in found  # "the Head of Children's Commissioning said"
    assert (MINUTES_2023, "Lee-Anne Farach") in found  # "The Director of People and Deputy Chief Executive ..."


def test_figures_as_at_date(store):
    rows = run(store, "figures-as-at-date")
    values = {(r["measureLabel"], r["value"]) for r in rows}
    assert ("social work vacancies", "72") in values
    assert {r["value"] for r in rows} == {"72", "37", "84"}


def test_bodies_of_council(store):
    rows = run(store, "bodies-of-council")
    assert {r["onsCode"] for r in rows} == {"E06000035"}
    top = rows[0]
    assert (top["bodyLabel"], top["kind"], top["papers"]) == (COMMITTEE, "committee", "5")
    assert {"Corporate Parenting Board", "SEND Improvement Board"} <= {r["bodyLabel"] for r in rows}


def test_people_and_posts(store):
    rows = run(store, "people-and-posts")
    harman = [r for r in rows if r["name"] == "James Harman"]
    assert [(r["first"], r["last"], r["papers"]) for r in harman] == [("2023-03-02", "2023-10-05", "2")]
    assert ("Josie Iles", "Portfolio Holder for Children's Services") in {(r["name"], r["postLabel"]) for r in rows}
    assert len({r["name"] for r in rows}) == 11
