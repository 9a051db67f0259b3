"""Papers named by part of their title and the month they were discussed."""

from __future__ import annotations

from datetime import date

from kg.lexical import Tokenizer
from kg.qa.analysis import analyse
from kg.qa.linking import DocumentTitles

DOCS = [
    ("update", "Children's Services Update including ILACS findings, Workforce and Sufficiency", date(2023, 10, 5)),
    ("strategy", "Childrens Social Care Sufficiency Strategy 2023-2025", date(2023, 3, 2)),
    ("report2020", "Sufficiency Report 2020", date(2021, 1, 7)),
    ("minutes", "Minutes", date(2023, 10, 5)),
]


def named(question: str) -> list[str]:
    titles = DocumentTitles(DOCS, Tokenizer())
    return [e.iri for e in titles.named(question, analyse(question).dates, lambda i: f"doc:{i}")]


def test_a_few_title_words_and_the_month_name_the_paper():
    assert named("Who should I contact about the October 2023 Children's Services update report?")[0] == "doc:update"


def test_the_main_title_before_its_subtitle_names_the_paper():
    assert named("Who is the lead officer for the Children's Services Update report?")[0] == "doc:update"


def test_the_whole_title_names_the_paper_without_a_date():
    assert named("Who wrote the Sufficiency Report 2020?")[0] == "doc:report2020"


def test_a_shared_word_and_a_wrong_month_name_nothing():
    assert named("What did the children's services team say in May 2022?") == []
    assert "doc:minutes" not in named("What do the minutes of October 2023 say?")


def test_a_paper_named_by_its_kind_and_month_alone_is_the_one_of_that_kind_then():
    typed = [("update", DOCS[0][1], date(2023, 10, 5), "report"), ("minutes", "Meeting Theme", date(2023, 10, 5), "minutes"),
             ("agenda", "Supplementary agenda No.1", date(2023, 3, 2), "agenda"),
             ("report-a", "Report A", date(2021, 1, 7), "report"), ("report-b", "Report B", date(2021, 1, 7), "report")]
    titles = DocumentTitles(typed, Tokenizer())

    def iris(question):
        return [e.iri for e in titles.named(question, analyse(question).dates, lambda i: f"doc:{i}")]

    assert iris("Whose name is on the October 2023 update about the Ofsted result?") == ["doc:update"]
    assert iris("What do the October 2023 minutes record about asylum seekers?") == ["doc:minutes"]
    assert iris("Who wrote the January 2021 report?") == []  # two reports that month: neither is named
    assert iris("What did the update say about Ofsted?") == []  # no month: no paper
