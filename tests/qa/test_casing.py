"""Restoring the capitals of a question typed in lower case."""

from __future__ import annotations

from kg.qa.casing import Recaser, typed_in_lower_case, written_form

PAPERS = [
    "Our first Emergency Fostering Provision (Hazel House) launched in 2022. Children at Hazel House are safe.",
    "The Lead Member chairs the board, and the lead officer is the Assistant Director. Funding from the DfE rose.",
    "Lead officers attended. The Lead Member spoke to the DfE about care.",
    "Care leavers are supported; care is provided for children in care.",
]


def _recaser() -> tuple[Recaser, list[str]]:
    asked: list[str] = []

    def paragraphs_with(words: str) -> list[str]:
        asked.append(words)
        return [p for p in PAPERS if words.lower() in p.lower()]

    return Recaser(paragraphs_with), asked


def test_only_a_question_without_capitals_is_recased():
    assert typed_in_lower_case("whats the cost at hazel house")
    assert not typed_in_lower_case("In the 2020 report, where were comments sent?")
    assert not typed_in_lower_case("What is the cost at Hazel House?")
    recase, asked = _recaser()
    assert recase("what is the cost at hazel House?") == "what is the cost at hazel House?" and not asked


def test_names_take_the_papers_capitals_and_common_words_keep_theirs():
    recase, _ = _recaser()
    assert recase("whats the cost at hazel house") == "whats the cost at Hazel House"
    # "lead" alone is mostly lower case, but "Lead Member" is a name; "care" stays a word
    assert recase("what did the lead member say about care and the dfe") == \
        "what did the Lead Member say about care and the DfE"


def test_a_capital_at_a_sentence_start_is_no_evidence():
    texts = ["Care is provided. Care leavers are helped.", "Good care matters; care is a duty."]
    assert written_form("care", texts) is None
    assert written_form("care", ["Care. Care."]) is None  # seen only where any word is capitalised
    assert written_form("hazel", ["in Hazel House", "at Hazel House", "some hazel trees"]) is None  # 2 of 3 is not enough
    assert written_form("hazel", ["in Hazel House", "at Hazel House", "to Hazel House", "and Hazel"]) == "Hazel"
    # an acronym that is also a word the papers write ("SEND", "send") stays the word
    assert written_form("send", ["the SEND service", "for SEND pupils", "a SEND plan", "to send comments"]) is None
    assert written_form("uasc", ["the UASC team", "for UASC pupils"]) == "UASC"
