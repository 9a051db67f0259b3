"""A question that offers a guess to confirm or correct ("The deficit was around £15 million,
wasn't it?", "When did the agency go live - was it early 2021?", "Was it Andrew Willetts, or
someone else?") asks for the true figure, date or name. The guess is taken out, so that the
papers' own value is not held against it, and the question is typed by what was guessed.
"""

from __future__ import annotations

import re

from kg.qa.dates import find_spans
from kg.qa.records import AnswerType

_HEDGE = r"(?:about|around|roughly|approximately|approx\.?|some|something like|say|circa|c\.|nearly|almost|just over|just under)"
_AMOUNT = r"(?:£\s?)?\d[\d,.]*(?:\s*(?:%|per ?cent\b|m\b|million\b|bn\b|billion\b|k\b|thousand\b))?"
# "around £15 million", "say from about 20% to 30%"
_HEDGED_FIGURE = re.compile(rf"(?:\bsay\s+)?(?:\bfrom\s+)?\b{_HEDGE}\s+{_AMOUNT}(?:\s+to\s+(?:{_HEDGE}\s+)?{_AMOUNT})?", re.I)
# a figure that is not a year: "£45", "22%", "72 posts"
_AMOUNT_GIVEN = re.compile(r"£\s?\d|\d[\d,.]*\s*(?:%|per ?cent\b|m\b|million\b|bn\b|billion\b)|"
                           r"(?<![\d/-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\d/-])", re.I)
# "…, was it early 2021?", "- is it 2022?": a wh-question's guess at its answer
_GUESS_TAIL = re.compile(r"\s*[,;:\u2013\u2014-]\s*(?:or\s+)?(?:was it|is it|were they|are they|perhaps|maybe)\b[^?]{1,60}\?\s*$",
                         re.I)
# "…, or what was it?", "…, or has it changed?", "…, or someone else?"
_ASKS_TRUE = re.compile(r",?\s*(?:[\u2013\u2014-]\s*)?or\s+(?:what|how much|how many|when)\s+(?:was|is|were|are)\s+"
                        r"(?:it|they|that|the (?:figure|number|amount|total|rate|cost|date))\b[^?]{0,30}\?\s*$|"
                        r",?\s*(?:[\u2013\u2014-]\s*)?or\s+(?:has|have|had|did)\s+(?:it|they)\s+(?:changed|moved|shifted)\b[^?]{0,30}\?\s*$",
                        re.I)
_SOMEONE_ELSE = re.compile(r",?\s*(?:[\u2013\u2014-]\s*)?or\s+(?:was it\s+|is it\s+|by\s+|did\s+)?(?:someone|somebody|anyone|"
                           r"another (?:person|officer|councillor|member)|a different (?:person|officer))"
                           r"(?:\s+else)?\b[^?]{0,30}\?\s*$|,?\s*(?:[\u2013\u2014-]\s*)?or\s+was\s+(?:he|she|it)\s+just\b[^?]{0,80}\?\s*$",
                           re.I)
_NAME = r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3}"
# the name offered: "Was Andrew Willetts the lead officer…", "…brought by the Director of X"
_GUESSED_NAME = re.compile(rf"^(\s*(?i:was|is|were)\s+)(?:it\s+)?{_NAME}\s+(?=the\b|a\b|an\b|who\b)|"
                           rf"\bby\s+(?:the\s+)?{_NAME}(?:\s+(?:of|for)\s+{_NAME})?(?=\s*$|[,?])")
# an event's date offered for checking: "published in August 2023, is that right?", "rated good back in 2021, wasn't it?"
_EVENT = re.compile(r"\b(?:published|launched|live|opened|started|began|begun|held|took place|inspected|rated|visited|"
                    r"approved|agreed|set up|introduced|joined|released)\b", re.I)
CHECK_TAG = re.compile(r",?\s*(?:[\u2013\u2014-]\s*)?is (?:that|this|it) (?:right|correct|true|so)\s*\?\s*$", re.I)
_CHECK = re.compile(r"^\s*is it so that\b|,?\s*(?:is that (?:right|correct|true)|(?:was|is|were|did|had)n['\u2019]t (?:it|they|he|she))"
                    r"\s*\?\s*$", re.I)


def without_guess(question: str, yes_no: bool) -> tuple[str, AnswerType | None]:
    """``question`` with the guess it offers taken out, and the kind of answer the guess was of;
    (``question``, None) when it offers none. ``yes_no`` says whether it is put as a yes/no check."""
    if (m := _GUESS_TAIL.search(question)) is not None and re.match(r"\s*(?:when|what|which|who|how)\b", question, re.I):
        return question[:m.start()].rstrip(" ,;:-") + "?", None  # the wh-question types itself
    if (m := _SOMEONE_ELSE.search(question)) is not None:
        rest = question[:m.start()].rstrip(" ,;:-")
        return _GUESSED_NAME.sub(lambda n: n.group(1) or "", rest, count=1).rstrip(" ,") + "?", AnswerType.PERSON
    if (m := _ASKS_TRUE.search(question)) is not None:
        rest = question[:m.start()].rstrip(" ,;:-")
        undated = rest
        for span in find_spans(rest):
            undated = undated.replace(span.label, " ")  # (the 2 of "2 March 2023" is no amount)
        if _HEDGED_FIGURE.search(rest) or _AMOUNT_GIVEN.search(undated):
            return _HEDGED_FIGURE.sub("", rest).rstrip(" ,") + "?", AnswerType.FIGURE
    if not yes_no:
        return question, None
    if _HEDGED_FIGURE.search(question):
        return _HEDGED_FIGURE.sub("", question).replace(" ,", ",").rstrip(" ,?") + "?", AnswerType.FIGURE
    if _CHECK.search(question) and (event := _EVENT.search(question)) is not None:
        spans = [s for s in find_spans(question) if question.find(s.label) > event.start()]
        if spans:
            at = question.find(spans[0].label)
            head = re.sub(r"\s+(?:back\s+)?(?:in|on|during|by)\s*$", "", question[:at])
            return head + question[at + len(spans[0].label):], AnswerType.DATE
    return question, None
