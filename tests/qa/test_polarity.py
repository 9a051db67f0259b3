"""The yes/no verdict read from the sentence that answers a yes/no question."""

from __future__ import annotations

from kg.qa.polarity import verdict
from kg.qa.synonyms import FoldingTokenizer

STEMS = FoldingTokenizer()


def test_a_grade_asked_about_against_the_grade_given():
    yes = "In May 2024 the adult day centre was rated good by the CQC after a visit."
    assert verdict("Was the day centre rated good in 2024?", yes, STEMS) == "Yes"
    assert verdict("Was the day centre rated outstanding in 2024?", yes, STEMS) == "No"
    mixed = "Leadership: Good. Safety: Requires Improvement."
    assert verdict("Did inspectors judge every area good?", mixed, STEMS) == "No"
    assert verdict("Did the inspection find anything to be rated good?", "No grades were given.", STEMS) is None


def test_any_is_answered_by_how_many():
    assert verdict("Are any pupils educated out of county?", "None are placed out of county.", STEMS) == "No"
    assert verdict("Are any pupils educated out of county?", "12 pupils attend schools in Kent.", STEMS) == "Yes"
    assert verdict("Are any pupils educated out of county?", "Pupils attend local schools.", STEMS) is None
    assert verdict("Are any pupils in hotels or B&Bs?", "None are resident in hotels or B&Bs.", STEMS) == "No"


def test_a_claim_negated_near_its_own_words_is_no():
    assert verdict("Has the plan been approved by the Secretary of State?",
                   "The plan has not yet been approved by the Secretary of State.", STEMS) == "No"
    assert verdict("Has the plan been approved by the Secretary of State?",
                   "The plan was approved by the Secretary of State in March.", STEMS) == "Yes"
    # A claim the evidence reverses: whether something stays or goes.
    assert verdict("Will the parking restrictions stay in place?",
                   "The Cabinet agreed that the restrictions will be lifted in May.", STEMS) == "No"
    assert verdict("Will the restrictions be lifted?",
                   "The restrictions will be lifted, but patrols will continue.", STEMS) == "Yes"
    # A negation about something else does not turn the claim.
    assert verdict("Are court hearings progressing?",
                   "Although timeliness is not yet back to normal levels, court hearings are progressing.",
                   STEMS) == "Yes"


def test_no_verdict_for_negative_or_choice_questions_and_other_kinds():
    evidence = "The Council is proposing to relaunch the Board."
    assert verdict("Has the Board been relaunched, or is that only proposed?", evidence, STEMS) is None
    assert verdict("Hasn't the Board been relaunched?", evidence, STEMS) is None
    assert verdict("Has turnover gone up or down?", "Turnover fell to 12%.", STEMS) is None
    assert verdict("Who chairs the Board?", evidence, STEMS) is None
    # another decision than the one asked about is neither yes nor no
    assert verdict("Did the committee approve the strategy?", "The Committee noted the strategy.", STEMS) is None
    assert verdict("Did the committee approve the strategy?", "The Committee approved the strategy.", STEMS) == "Yes"


def test_every_area_graded_is_answered_by_the_one_graded_otherwise():
    from kg.qa.polarity import other_grade

    lines = [("The overall judgement for Medway was rated Good.", "p1"),
             ("Since the inadequate rating, there has been investment.", "p2"),
             ("The experiences of children who need help and protection: **Requires Improvement**", "p3"),
             ("The experiences and progress of care leavers: Good", "p4")]
    assert other_grade("Did Ofsted grade every area as good?", lines) == lines[2]
    assert other_grade("Were all areas judged good?", lines[:2] + lines[3:]) is None  # ("inadequate rating" grades nothing)
    assert other_grade("Was the service rated good overall?", lines) is None  # (not every area)
