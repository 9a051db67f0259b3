"""Acronyms defined by a paper or common to councils' papers stand for their words."""

from __future__ import annotations

from kg.qa.acronyms import definitions, expansions, spelled_out


def test_a_paper_defines_its_acronyms_in_brackets():
    text = ("the regional adoption agency (RAA), Education, Health and Care Plans (EHCPs) and the "
            "Youth Offending Team (YOT); a figure (54) and a word (Note) define nothing")
    found = definitions(text)
    assert found["RAA"] == "regional adoption agency"
    assert found["EHCP"].startswith("Education Health") and found["YOT"] == "Youth Offending Team"
    assert "NOTE" not in found and not any(k.isdigit() for k in found)


def test_a_sentence_with_acronyms_also_says_their_words():
    said = expansions("The RAA launched in 2020; 39 NQSWs were recruited; our DFE Advisor", {"RAA": "regional adoption agency"})
    assert "regional adoption agency" in said and "newly qualified social worker" in said
    assert "Department for Education" in said
    assert expansions("The Committee noted the report.", {}) == ""


def test_a_question_spelling_out_a_known_acronym_searches_for_it_too():
    assert spelled_out("How many newly qualified social workers were recruited?") == ("NQSW",)
    assert spelled_out("How many children in care are there?") == ("CiC",)
    assert spelled_out("What did the Committee agree?") == ()


def test_a_name_written_in_full_answers_for_its_acronym():
    from kg.qa.acronyms import abbreviations

    text = "As a result of work with the Local Government Association, the Committee adopts a hybrid model."
    assert "LGA" in abbreviations(text, {}).split()
    assert "YOT" in abbreviations("The youth offending team grew.", {"YOT": "Youth Offending Team"}).split()
    assert abbreviations("The Committee adopts a hybrid model.", {}) == ""


def test_another_kind_of_the_thing_asked_is_told_apart():
    from kg.qa.names import other_kind

    asked = "What is the average weekly cost of an independent fostering agency placement?"
    assert other_kind(asked, "An example of a residential placement at a weekly cost of £2,107.")
    assert not other_kind(asked, "An independent fostering agency placement costs £900 a week.")
    # one word before the noun is too often a verb's object, and generic words do not make a kind
    assert not other_kind("What is the plan for finding homes for children?", "Two residential homes will open.")
    assert not other_kind("How many children are with the council's own foster carers?", "62% are with in-house carers.")
