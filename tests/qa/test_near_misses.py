"""Questions that change one detail of what the papers say: another member of a numbered series,
another year's grade, another event's date, what a committee was asked for what it resolved; and
the same question asked as the papers have it, which must still be answered."""

from __future__ import annotations

from kg.qa.names import other_number
from kg.qa.subtitles import with_full_names


def test_another_member_of_a_numbered_series_is_told_apart():
    asked = "How many students joined Cohort 7 of the Step Up programme?"
    assert other_number(asked, "4 students were appointed to the programme (Cohort 8).")
    assert not other_number(asked, "Cohort 7 took 4 students, as Cohort 8 will.")
    assert not other_number(asked, "4 students joined the programme.")  # no number given: no contrast
    # a year is a date, not a member of a series; "Year 6" is a school year
    assert not other_number("What happened in year 2023?", "In year 2022 the budget rose.")
    assert other_number("How many Year 6 pupils were absent?", "Year 11 pupils missed 12% of sessions.")


def test_a_quoted_subtitle_is_read_as_the_name_the_papers_print_before_it():
    papers = ["This report asks the Committee to consider Medway\u2019s Sufficiency Strategy 2023-2025 "
              "\u2013 \u2018A place called home\u2019."]
    asked = "What did the committee do with the 'A place called home' care strategy?"
    assert with_full_names(asked, lambda words: papers) == (
        "What did the committee do with the Sufficiency Strategy 2023-2025 care strategy?")
    # named already, or named in the question's own words before it in brackets: left as asked
    for asked in ("What did the committee do with the 'A place called home' Sufficiency Strategy 2023-2025?",
                  "What did Theme 2 ('A place called home') promise?"):
        assert with_full_names(asked, lambda words: papers) == asked
    # a phrase the papers quote without a name before it, or one word, is left as asked
    assert with_full_names("What is 'early help'?", lambda words: ["Our \u2018early help\u2019 offer"]) == "What is 'early help'?"
    assert with_full_names("Who won 'Outstanding'?", lambda words: papers) == "Who won 'Outstanding'?"


def test_a_grade_is_for_what_its_sentence_names_and_its_sections_year(medway):
    # the 2023 grade for care leavers is not the 2019 one; the 2019 overall grade is not care leavers'
    assert not medway.ask("What grade did the July 2019 ILACS give for the experiences and progress of care leavers?").answered
    out = medway.ask("What grade did the 2023 ILACS give for the experiences and progress of care leavers?")
    assert out.answered and "care leavers" in out.answer and "Good" in out.answer


def test_an_events_date_is_the_sentences_that_names_it(medway):
    # "shared with Ofsted by mid December 2023" is the plan's date, not the focused visit's
    assert not medway.ask("On what date is Ofsted's focused visit to Medway, following the 2023 ILACS, scheduled?").answered
    out = medway.ask("When will Ofsted return for a focused visit?")
    assert out.answered and "in a year" in out.answer


def test_what_a_committee_resolved_is_not_what_it_was_asked_to_do(medway):
    assert not medway.ask("What did the committee resolve on the Sufficiency Report 2020 at its 7 January 2021 meeting?").answered
    out = medway.ask("What did the committee resolve on the Children's Sufficiency Strategy 2023-2025 at its 2 March 2023 meeting?")
    assert out.answered and "noted" in out.answer


def test_another_cohort_does_not_answer(medway):
    assert not medway.ask("How many students did Medway appoint to Cohort 7 of the Step Up to Social Work programme?").answered
    out = medway.ask("How many students did Medway appoint to Cohort 8 of the Step Up to Social Work programme?")
    assert out.answered and "4 students" in out.answer


def test_a_caseworkers_framing_and_a_follow_up(medway):
    out = medway.ask("A constituent read that some children in care are in unregulated placements. "
                     "Are any of them living in hotels or B&Bs?")
    assert out.answered and "none are resident in hotels" in out.answer
    out = medway.ask("After the worries raised about support for teenagers, what follow-up did the committee ask for "
                     "in October 2023?")
    assert out.answered and "adolescents" in out.answer
    out = medway.ask("What did the scrutiny committee actually do with the 'A place called home' care strategy when "
                     "it looked at it in March 2023?")
    assert out.answered and "noted" in out.answer
