"""Tense: whether a sentence only plans what a question asks as done, or only reports as done
what a question asks about the future."""

from __future__ import annotations

import re

_PAST_QUESTION = re.compile(r"\b(?:did|was|were|had)\b", re.I)
_FUTURE_QUESTION = re.compile(r"\b(?:will|shall|going to|plans?|planned|expected|due|(?:was|were)\b[^?]{0,80}?\bto be)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are) (?:expected|due|planned|going|scheduled) to|plans? to|intends? to|"
                     r"(?:is|are) (?:also |now |currently )?(?:planned|scheduled|proposed) (?:for|in)\b|"
                     r"(?:to|in order to) prepare for|preparing for|"
                     r"(?:is|are) proposing to|proposes to)\b",
                     re.I)
_AS_PLANNED = re.compile(r"\b(?:as|when|than) (?:originally |first |initially )?(?:planned|expected|scheduled|intended|"
                         r"promised|anticipated)\b", re.I)
_CONCESSION = re.compile(r"^\s*(?:despite|although|though|while|whilst|having)\b[^,]{3,120},\s*", re.I)
_PAST_FINITE = re.compile(r"\b(?:was|were|had)\b", re.I)
_PAST_FORM = re.compile(r"\b(?:was|were|had|has been|have been|(?-i:[a-z]\w{2,}ed))\b", re.I)


def future_only(question: str, sentence: str) -> bool:
    """Whether a question about what happened ("What did Ofsted find…") meets a sentence that
    only says what will happen ("Ofsted will return…"): the papers predate the outcome."""
    # ("did it open by September as planned?" asks what happened: the plan is only the yardstick)
    if not _PAST_QUESTION.search(question) or _FUTURE_QUESTION.search(_AS_PLANNED.sub(" ", question)):
        return False
    # ("Despite being released from monitoring in 2021, we are preparing for…": the concession is background)
    sentence = _CONCESSION.sub("", sentence, count=1)
    future = _FUTURE.search(sentence)
    if future is None or _PAST_FINITE.search(sentence):  # "You will be aware that the deficit was…"
        return False
    return not _PAST_FORM.search(sentence, 0, future.start())


def past_only(question: str, sentence: str) -> bool:
    """Whether a question about what is to come ("When is the new strategy due to be published?")
    meets a sentence that speaks of nothing to come ("In June 2022 the home was rated good")."""
    return bool(_ASKS_AHEAD.search(question)) and not _AHEAD.search(sentence)


_ASKS_AHEAD = re.compile(r"^\s*when\s+(?:is|are)\b[^?]{0,80}?\b(?:due|expected|planned|scheduled|going|set|intended)\s+to\b|"
                         r"^\s*when\s+will\b", re.I)
_AHEAD = re.compile(r"\b(?:will|shall|due|expected|planned|planning|plans?|scheduled|intends?|intended|aims?|aiming|hopes?|"
                    r"anticipated|proposed|future|next|forthcoming|upcoming|later|going to|to be)\b", re.I)
