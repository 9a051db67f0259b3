"""Mending a question typed in a hurry: shorthand, short dates and spelling slips."""

from __future__ import annotations

from kg.lexical import LexicalIndex
from kg.qa.dates import dates_in_full
from kg.qa.spelling import English, Speller, edits

PAPERS = [
    "Between 1 April 2022 and 31 March 2023 the FGC service received 141 referrals, Ofsted noted.",
    "The High Needs Block deficit was reported to the Schools Forum; the deficit grew, as Ofsted saw.",
    "Ofsted visited in September 2022. Ofsted rated the service good. Ofsted wrote to us.",
    "Fostering households rose; fostering is a priority and the budget for fostering rose.",
    "The budget was set. Happened before: the contract happened to end; it happens.",
]


def _speller() -> Speller:
    index = LexicalIndex.build(list(range(len(PAPERS))), PAPERS)
    return Speller(index.frequency, English())


def test_the_index_counts_paragraphs_holding_a_word_as_it_stems_it():
    index = LexicalIndex.build(list(range(len(PAPERS))), PAPERS)
    assert index.frequency("fostering") == 1 and index.frequency("Ofsted") == 3
    assert index.frequency("deficits") == 1  # stemmed as the papers' "deficit"
    assert index.frequency("potholes") == 0 and index.frequency("the") == 0  # absent; a stop word


def test_a_slip_one_edit_from_a_word_of_the_papers_is_mended():
    spell = _speller()
    assert spell("how many FGC referrals were recieved") == "how many FGC referrals were received"
    assert spell("what was the high needs block defecit") == "what was the high needs block deficit"
    assert spell("after the review of in-house fostring") == "after the review of in-house fostering"
    assert spell("how much from its own buget") == "how much from its own budget"
    # a word of the papers that no dictionary holds is a target too, once the papers use it often
    # (in three paragraphs here)
    assert spell("when did ofstead visit") == "when did ofsted visit"


def test_a_dropped_letter_is_likelier_than_a_changed_one():
    assert edits("happend")["happened"] == 0 and edits("happend")["happens"] == 1
    assert _speller()("what happend with the contract") == "what happened with the contract"


def test_real_words_names_and_acronyms_are_left_alone():
    spell = _speller()
    # a real word the papers lack is how the answerer knows they do not cover the subject
    assert spell("is there anything on potholes or parking fines") == "is there anything on potholes or parking fines"
    assert spell("Who is Councillor Budgen?") == "Who is Councillor Budgen?"  # a name mid-sentence
    assert spell("what did the FGCX say") == "what did the FGCX say"
    assert spell("no change for a word the papers hold: deficit") == "no change for a word the papers hold: deficit"


def test_shorthand_is_written_out():
    spell = _speller()
    assert spell("what did cttee agree at the mtg") == "what did committee agree at the meeting"
    assert spell("no. of young ppl in the last yr, approx") == "number of young people in the last year, approximately"
    assert spell("what r the 4 key themes") == "what are the 4 key themes"
    assert spell("how many cllrs are there") == "how many councillors are there"
    assert spell("there is no. 5 on the list") == "there is no. 5 on the list"  # not "number of"


def test_months_and_years_typed_short_are_written_in_full():
    assert dates_in_full("referrals apr 22 to mar 23") == "referrals April 2022 to March 2023"
    assert dates_in_full("the oct 23 meeting") == "the October 2023 meeting"
    assert dates_in_full("at the 2 march 23 mtg") == "at the 2 March 2023 mtg"
    assert dates_in_full("in sept 2021") == "in September 2021"
    # a full month and two digits may be a day; a 2021/22 year is not a month's
    assert dates_in_full("on March 23 we met") == "on March 23 we met"
    assert dates_in_full("in 2021/22 and may 22 numbers") == "in 2021/22 and may 22 numbers"


def test_a_possessive_typed_without_its_apostrophe_takes_it():
    papers = ["Children's Services grew.", "The Children's Improvement Board met.", "Children's homes opened.",
              "Councils met.", "The councils agreed."]
    index = LexicalIndex.build(list(range(len(papers))), papers)
    spell = Speller(index.frequency, English())
    assert spell("who chairs the childrens improvement board") == "who chairs the children's improvement board"
    assert spell("how many councils met") == "how many councils met"  # a plural stays a plural


def test_british_spellings_are_english_words():
    from kg.qa.spelling import american

    english = English()
    assert all(english(w) for w in ("organisations", "behaviour", "centre", "programmes", "recognised"))
    assert american("organisations") == ["organizations"] and not english("childrens")
    papers = ["Partner organisations met.", "Organisations agreed.", "The organisations signed.", "Organizing began."]
    index = LexicalIndex.build(list(range(len(papers))), papers)
    assert Speller(index.frequency, english)("which organisations make up the board") == \
        "which organisations make up the board"
