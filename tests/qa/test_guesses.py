"""A question offering a guess to confirm or correct asks for the true value."""

from __future__ import annotations

from kg.qa.analysis import analyse
from kg.qa.guesses import without_guess
from kg.qa.records import AnswerType


def test_a_guessed_figure_is_taken_out_and_the_figure_asked():
    a = analyse("The High Needs Budget deficit for 2021/22 was around £15 million, wasn't it?")
    assert a.answer_type == AnswerType.FIGURE and "15" not in a.question and "2021/22" in a.question
    a = analyse("Were the project teams costing about £45 an hour, against the capped rate?")
    assert a.answer_type == AnswerType.FIGURE and "45" not in a.question
    a = analyse("Is the turnover rate still around 22%, as it was at the 2019 inspection, or has it changed?")
    assert a.answer_type == AnswerType.FIGURE and "22" not in a.question
    a = analyse("The establishment went from 186 posts in 2019 to roughly 250 posts in 2023 - is that right?")
    assert a.answer_type == AnswerType.FIGURE and "250" not in a.question


def test_a_guessed_name_or_date_is_taken_out_and_the_name_or_date_asked():
    a = analyse("Was Andrew Williams the lead officer named on the 2020 report, or was it someone else?")
    assert a.answer_type == AnswerType.PERSON and "Williams" not in a.question and "Williams" not in a.salient
    a = analyse("Was the report brought to committee by the Director of Children's Services, or by someone else?")
    assert a.answer_type == AnswerType.PERSON and "Director" not in a.question
    a = analyse("The Ofsted ILACS report on Medway was published in August 2023, is that right?")
    assert a.answer_type == AnswerType.DATE and not a.dates
    a = analyse("When did the adoption agency go live - was it early 2021?")
    assert a.answer_type == AnswerType.DATE and not a.dates


def test_a_question_offering_no_guess_is_left_alone():
    for q in ("Did the committee approve the strategy at its March 2023 meeting, or what did it do with it?",
              "Was the overspend in 2020/21 reported to Cabinet?",
              "How many children were in care in August 2020?"):
        assert without_guess(q, yes_no=True)[1] is None, q
    assert analyse("Did the committee approve the strategy at its March 2023 meeting, or what did it do with it?"
                   ).answer_type == AnswerType.DECISION
    # a plain yes/no claim about a figure, with no hedge, stays a claim to check
    assert without_guess("Was the deficit £20.5m in 2021/22?", yes_no=True) == ("Was the deficit £20.5m in 2021/22?", None)


def test_what_was_decided_after_a_dated_claim_is_not_a_figure():
    q = "Did the committee approve the strategy on 2 March 2023, or what did it actually resolve?"
    assert without_guess(q, yes_no=True)[1] is None
    assert analyse("Was the overspend £4 million in 2020/21, or what was it?").answer_type == AnswerType.FIGURE
