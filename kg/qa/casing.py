"""A question typed all in lower case ("whats the weekly cost at hazel house"), given the
capitals the papers write its words with, so that names are read as names."""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable

from kg.qa.analysis import STOP

MIN_SEEN = 2  # a word seen fewer times than this keeps the case it was typed in
SHARE = 0.75  # a written form this dominant, away from a sentence's start, is the word's own
CACHE = 4096  # words whose written form is remembered

_WORD = re.compile(r"[a-z][a-z'\u2019&-]*[a-z]")
_OPENERS = ".!?:;\u2022\u2013\u2014-"  # what may precede a capital that starts a sentence or item


def typed_in_lower_case(question: str) -> bool:
    """Whether a question has no capital at all ("did ofsted rate…"); one that opens with a
    capital and names nothing ("In the 2020 report, where…") is typed with care."""
    letters = [c for c in question if c.isalpha()]
    return bool(letters) and not any(c.isupper() for c in letters)


def written_form(word: str, texts: Iterable[str]) -> str | None:
    """The form ``texts`` write ``word`` in mid-sentence ("Hazel", "UASC", "DfE"), when one form
    that is not all lower case dominates; else None."""
    rx = re.compile(rf"(?<![\w'\u2019&-]){re.escape(word)}(?![\w&]|-\w)", re.I)
    forms: Counter[str] = Counter()
    for text in texts:
        for m in rx.finditer(text):
            before = text[:m.start()].rstrip()
            if not before or before[-1] in _OPENERS:
                continue  # a capital there says nothing about the word
            forms[m.group(0)] += 1
    total = sum(forms.values())
    if total < MIN_SEEN:
        return None
    form, count = forms.most_common(1)[0]
    if form.isupper() and forms[form.lower()]:
        return None  # "send" and "SEND": a word the papers also write plainly is not taken for the acronym
    return form if form != form.lower() and count / total >= SHARE else None


class Recaser:
    """Restores the capitals of a lower-case question from the paragraphs that contain its words.

    ``paragraphs_with(word)`` returns (a sample of) the texts of paragraphs containing ``word``."""

    def __init__(self, paragraphs_with: Callable[[str], list[str]]) -> None:
        self._paragraphs_with = paragraphs_with
        self._forms: dict[str, str | None] = {}

    def __call__(self, question: str) -> str:
        if not typed_in_lower_case(question):
            return question
        words = [m for m in _WORD.finditer(question) if m.group(0) not in STOP]
        out, at, i = [], 0, 0
        while i < len(words):
            w = words[i]
            # "lead member": the papers write "Lead Member", though "lead" alone is lower case
            pair = words[i + 1] if i + 1 < len(words) and question[w.end():words[i + 1].start()] == " " else None
            form = pair and self._form(f"{w.group(0)} {pair.group(0)}")
            end = pair.end() if form else w.end()
            form = form or self._form(w.group(0))
            if form:
                out.append(question[at:w.start()] + form)
                at = end
            i += 2 if end != w.end() else 1
        return "".join(out) + question[at:]

    def _form(self, words: str) -> str | None:
        if words not in self._forms:
            if len(self._forms) >= CACHE:
                self._forms.pop(next(iter(self._forms)))
            self._forms[words] = written_form(words, self._paragraphs_with(words))
        return self._forms[words]
