"""Restrictions on what a figure question counts: parts of a group, ages, cohorts, comparators."""

from kg.qa.cohorts import (age_band_unstated, cohort_swapped, comparator_unstated, counts_complement, repeats_premise,
                           subgroup_unstated)
from kg.qa.synonyms import FoldingTokenizer


def _stems():
    tokenize = FoldingTokenizer()
    return lambda text: set(tokenize(text))


def test_a_part_of_a_group_must_be_named_by_the_sentence():
    stems = _stems()
    whole = "In 2022-23 that number increased to 70 children referred to the Youth Offending Team."
    assert subgroup_unstated("How many of the children referred to the Youth Offending Team in 2022-23 were girls?",
                             whole, stems)
    assert subgroup_unstated("Number of 2022-23 referrals that concerned disabled children?",
                             "The service received 141 referrals and 97 were held relating to 178 children.", stems)
    assert subgroup_unstated("Of the UASC in placement, how many are under 16?", "with 19 in placement currently", stems)
    assert subgroup_unstated("How many of the children supported since launch were under five?",
                             "has enabled over 30 children to receive support", stems)
    # the part named, in the paper's words: answered
    assert not subgroup_unstated("How many of the 16 young people in unregulated provision were under 16?",
                                 "4 of these children are under the age of 16 years", stems)
    assert not subgroup_unstated("How many of them were over sixteen?", "12 young people are over 16 years of age", stems)
    assert not subgroup_unstated("How many children were referred in 2022-23?", whole, stems)
    # a date or "currently" does not restrict who is counted
    assert not subgroup_unstated("How many of the children were referred in 2022-23?", whole, stems)


def test_an_age_band_must_be_stated():
    assert age_band_unstated("Share of children coming into care who were aged 16-17?",
                             "12 young people are over 16 years of age")
    assert not age_band_unstated("How many children aged 10 to 15 came into care?",
                                 "children coming into care when aged 10\u201315 years old")
    assert not age_band_unstated("How many children came into care in 2022-23?", "120 children came into care")


def test_care_leavers_are_not_children_in_care():
    assert cohort_swapped("Number of care leavers Medway was supporting at 31 August 2020?",
                          "there were 468 children in care (age 0-25)")
    assert cohort_swapped("Percentage of children in care in education or employment (not care leavers)?",
                          "an Aspirations officer in the Leaving Care service: now 57% of our young people are in ETE")
    assert not cohort_swapped("How many care leavers are in education?", "57% of care leavers are in education")
    assert not cohort_swapped("How many children are in care?", "there were 468 children in care (age 0-25)")


def test_a_count_of_those_that_did_not_is_no_count_of_those_that_did():
    stems = _stems()
    assert counts_complement("How many schools issued permanent exclusions?",
                             "94 schools out of 104 did not issue any permanent exclusions.", stems)
    assert not counts_complement("How many schools did not issue permanent exclusions?",
                                 "94 schools out of 104 did not issue any permanent exclusions.", stems)
    assert not counts_complement("How many schools issued suspensions?", "49 out of 104 schools issued suspensions.", stems)


def test_a_figure_the_question_gives_is_not_its_answer():
    assert repeats_premise("66% are placed within 20 miles, higher than the previous two years; what were those figures?",
                           "more children placed within 20 miles of their home (66%), higher than the previous 2 years.")
    assert not repeats_premise("Around 1,703 pupils are eligible; how many are transported?",
                               "Currently 1703 pupils are eligible for SEND transport, with 1464 transported each day.")
    assert not repeats_premise("How many pupils are eligible?", "Currently 1703 pupils are eligible.")


def test_a_comparison_needs_its_comparator():
    sentence = "We now have 59% of children with their plan matched (as at July 2020) up from 20% in May 2019."
    assert comparator_unstated("59% had their plan matched; how does that compare with our statistical neighbours?",
                               sentence, sentence)
    assert not comparator_unstated("How does that compare with May 2019?", sentence, sentence)
    eligible = "Currently 1703 pupils are eligible for SEND transport."
    assert comparator_unstated("How does that compare with the number eligible the previous year?", eligible, eligible)
    national = "Medway's rate of 16.9% compares with a national rate of 17.1%."
    assert not comparator_unstated("How does the turnover rate compare with England?", national, national)
    assert not comparator_unstated("What is the turnover rate?", eligible, eligible)


def test_a_count_of_items_asked_for_is_no_repeated_premise():
    assert not repeats_premise("What are the four themes of the strategy?", "There are 4 key themes of the strategy.")
    assert not repeats_premise("Which three safeguarding partners make up the MSCP?",
                               "Medway Council, Kent Police and NHS Kent and Medway are the three safeguarding partners.")
    assert not repeats_premise("What are the 4 themes of the strategy?", "There are 4 key themes of the strategy.")
