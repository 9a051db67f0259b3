"""A question typed in a hurry ("how many FGC referrals were recieved", "who was lead officer
on the sufficency report", "what did cttee agree at the mtg"), put into the words the papers
use before it is analysed.

Two steps, both conservative:

* texting shorthand (cllr, cttee, mtg, ppl, yr, approx, "no. of", "apr 22") is written out, and
  numbers said in words ("twenty twenty-three", "sixteen point nine percent") are put in digits;
* a word that no paragraph holds and that is not an English word is a slip when one edit
  (a letter dropped, added, changed or two swapped) turns it into a word the papers use.
  A real word the papers lack ("potholes", "parking") is left alone: that the papers never
  mention it is what tells the answerer they do not cover the subject. So is a capitalised
  word inside a sentence (a name the papers may not hold) and an acronym.
"""

from __future__ import annotations

import re
from typing import Callable

from kg.qa.dates import dates_in_full
from kg.qa.numerals import digits_for_words

MIN_LENGTH = 4  # shorter slips are too ambiguous to mend
CACHE = 4096  # words whose mending is remembered
CORPUS_WORD = 3  # paragraphs that must use a word no dictionary holds for a slip to be mended to it

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"(?<![\w'\u2019&.-])[A-Za-z]+(?:['\u2019][a-z]+)?(?![\w&]|[-'\u2019.]\w)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*$")

# Shorthand of texts and notes, written out. Not topic words: those the papers define.
_SHORTHAND: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), full) for pattern, full in (
        (r"\bcllrs\b", "councillors"), (r"\bcllr\b", "councillor"),
        (r"\bcttees?\b", "committee"), (r"\bmtgs\b", "meetings"), (r"\bmtg\b", "meeting"),
        (r"\bppl\b", "people"), (r"\byrs\b", "years"), (r"\byr\b", "year"),
        (r"\bapprox\b\.?", "approximately"), (r"\bgovt\b", "government"), (r"\bdept\b", "department"),
        (r"\bno\.(?=\s+of\b)", "number"), (r"\bnos\.?(?=\s+of\b)", "numbers"),
        (r"\binfo\b", "information"), (r"\bexecs\b", "executives"), (r"\bexec\b", "executive"), (r"\bthru\b", "through"), (r"\bw/o\b", "without"),
        (r"\b(what|who|how|where|when|why) r\b", r"\1 are"), (r"\b(what|who|how|can|could|did) u\b", r"\1 you"),
    ))


def edits(word: str) -> dict[str, int]:
    """Every string one edit away from ``word`` (lower case letters), with the edit's rank: 0 for
    a letter the typist dropped, added or swapped, 1 for one they changed (rarer, and likelier to
    land on another real word: "happend" is "happened" before it is "happens")."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + c + b[1:]: 1 for a, b in splits if b for c in _LETTERS}
    out.update({a + b[1:]: 0 for a, b in splits if b})
    out.update({a + b[1] + b[0] + b[2:]: 0 for a, b in splits if len(b) > 1})
    out.update({a + c + b: 0 for a, b in splits for c in _LETTERS})
    out.pop(word, None)
    return out


class Speller:
    """Mends a question's shorthand and slips against the papers' words.

    ``frequency(word)`` is how many paragraphs hold the word; ``is_english(word)`` whether a
    dictionary knows it (a real word is never "corrected")."""

    def __init__(self, frequency: Callable[[str], int], is_english: Callable[[str], bool]) -> None:
        self._frequency = frequency
        self._is_english = is_english
        self._mended: dict[str, str | None] = {}

    def __call__(self, question: str) -> str:
        question = dates_in_full(digits_for_words(question))  # "twenty twenty-three", "apr 22 to mar 23"
        for pattern, full in _SHORTHAND:
            question = pattern.sub(full, question)
        out, at = [], 0
        for m in _WORD.finditer(question):
            word = m.group(0)
            if len(word) < MIN_LENGTH or word.isupper() or (
                    word[0].isupper() and not _SENTENCE_START.search(question[:m.start()])):
                continue
            fixed = self._mend(word.lower())
            if fixed is not None:
                out.append(question[at:m.start()] + (fixed.capitalize() if word[0].isupper() else fixed))
                at = m.end()
        return "".join(out) + question[at:]

    def _mend(self, word: str) -> str | None:
        if word not in self._mended:
            if len(self._mended) >= CACHE:
                self._mended.pop(next(iter(self._mended)))
            self._mended[word] = self._best(word)
        return self._mended[word]

    def _best(self, word: str) -> str | None:
        """The papers' word one edit from ``word``, when ``word`` is a slip; else None."""
        if "'" in word or "\u2019" in word or self._is_english(word):
            return None
        if word.endswith("s") and self._frequency(possessive := f"{word[:-1]}'s") >= CORPUS_WORD:
            return possessive  # "childrens services", "medways plan": the apostrophe left out
        if self._frequency(word):
            return None
        scored = []
        for c, rank in edits(word).items():
            f = self._frequency(c)
            # a dictionary word the papers use, or a word of theirs no dictionary holds ("Ofsted")
            # used often enough not to be a slip of theirs
            if f >= CORPUS_WORD or (f and self._is_english(c)):
                scored.append((-rank, f, c))
        return max(scored)[2] if scored else None


class English:
    """Whether a word is English, by pyspellchecker's dictionary (loaded on first use), in its
    American spelling or the British one papers use ("organisations", "behaviour", "centre")."""

    def __init__(self) -> None:
        self._words = None

    def __call__(self, word: str) -> bool:
        if self._words is None:
            from spellchecker import SpellChecker

            self._words = SpellChecker(language="en", distance=1)
        return word in self._words or any(us in self._words for us in american(word))


# British endings and their American forms
_BRITISH = tuple((re.compile(p), us) for p, us in (
    (r"is(e|ed|es|ing|er|ers|ation|ations)$", r"iz\1"), (r"ys(e|ed|es|ing)$", r"yz\1"),
    (r"our(s|ed|ing|able|ite|ites|hood)?$", r"or\1"), (r"tre(s)?$", r"ter\1"), (r"ogue(s)?$", r"og\1"),
    (r"ence(s)?$", r"ense\1"), (r"ll(ed|ing|er|ers)$", r"l\1"), (r"amme(s)?$", r"am\1"),
))


def american(word: str) -> list[str]:
    """The American spellings a British word may have ("organisations" → "organizations")."""
    return [rx.sub(us, word) for rx, us in _BRITISH if rx.search(word)]
