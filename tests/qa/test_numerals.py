"""Numbers said in words, as a dictated question gives them, in the papers' digits."""

from __future__ import annotations

import pytest

from kg.qa.numerals import digits_for_words


@pytest.mark.parametrize("spoken, written", [
    ("the october twenty twenty-three update", "the october 2023 update"),
    ("in january two thousand and nineteen", "in january 2019"),
    ("the twenty nineteen twenty sufficiency report", "the 2019/20 sufficiency report"),
    ("in twenty twenty-one twenty-two", "in 2021/22"),
    ("nineteen ninety-nine", "1999"),
    ("sixteen point nine percent", "16.9%"),
    ("one hundred and forty one referrals", "141 referrals"),
    ("seventy two vacancies", "72 vacancies"),
    ("twenty five children", "25 children"),
    ("a hundred children", "100 children"),
    ("four million pounds", "£4 million"),
    ("seven point two million pounds", "£7.2 million"),
    ("nine per cent of staff", "9% of staff"),
])
def test_spoken_numbers_are_written_in_digits(spoken, written):
    assert digits_for_words(spoken) == written


@pytest.mark.parametrize("text", [
    "one of the partners", "twelve months", "the two reports", "five six seven", "twenty",
    "Medway Council, Kent Police and NHS Kent and Medway",
])
def test_words_that_are_not_a_spoken_number_stay(text):
    assert digits_for_words(text) == text
