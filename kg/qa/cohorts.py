"""Restrictions a figure question puts on what is counted, which the answer's sentence must state.

"How many of the children referred to the Youth Offending Team were girls?" asks for a part of
a group the papers count; a sentence giving the whole group ("70 children were referred") does
not answer it. Likewise a question asking how a figure compares with a named comparator
("statistical neighbours", "the South East", "England") is not answered by the figure alone.
"""

from __future__ import annotations

import re
from typing import Callable

# "how many of the pupils eligible for SEND transport are post-16 students?"
_PART_OF = re.compile(
    r"\bhow many of (?:the|these|those|them|its|our|their)\b[^?;]*?\b(?:were|was|are|is|came|come)\s+"
    r"(?!(?:there|then|now|still|also|in total|altogether)\b)(?P<part>[^?,;()]+)", re.I)
# "Of the UASC in placement, how many are under 16?"
_OF_THOSE = re.compile(
    r"^\s*(?:of|among(?:st)?)\s+(?:the|these|those)\b[^?]*?,\s*how many\s+(?:\w+\s+)?(?:are|were|is|was)\s+"
    r"(?P<part>[^?,;()]+)", re.I)
# "the number of referrals that concerned disabled children", "the share … who were aged 16-17"
_WHICH_WERE = re.compile(
    r"\b(?:number|share|proportion|percentage|how many)\b[^?;]*?\b(?:that|which|who)\s+"
    r"(?:concerned|involved|related to|were|was)\s+(?P<part>[^?,;()]+)", re.I)
# a part named by what happened to them or where they are, not who they are
_PREDICATE_OPENS = re.compile(r"(?!aged\b)[a-z]+(?:ed|ing)\b|(?:held|paid|made|done|seen|given|taken|known|kept|left|sent|built|"
                              r"brought|found|met|won|run|put|set|cut|shut|about|around|on|for|from|with|within|to|by|"
                              r"of|into|through|without|after|before|between|able|likely|due|expected|going)\b", re.I)
_WHOLE_THEN_PART = re.compile(r"\band (?:how many|what (?:share|proportion|percentage)) of (?:them|those|these)\b", re.I)
_ADJECTIVAL = re.compile(r"[a-z]+(?:ed|ing)\s+(?:children|people|staff|young|adults|pupils|[a-z]+s)\b", re.I)  # "disabled children"
# an age limit: "aged under five", "under-fives", "over 16", "post-16"
_AGE_LIMIT = re.compile(r"\b(?:aged\s+)?(?P<side>under|over|below|above)[- ](?:the age of\s+)?"
                        r"(?P<age>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                        r"fourteen|fifteen|sixteen|seventeen|eighteen)s?\b|\bunder-?fives\b|\bpost-16\b", re.I)
_AGE_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
              "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
              "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18"}
_SIDE = {"under": r"under|below|younger than", "below": r"under|below|younger than",
         "over": r"over|above|older than", "above": r"over|above|older than"}
# words of a part that do not restrict it ("were … in 2022-23", "are … currently")
_NOT_RESTRICTING = frozenset("""the a an of in on at for by to and or with from as who which that currently now then
still also there total altogether each every any all medway council council's year years month months aged age""".split())
_DATE_WORD = re.compile(r"^(?:\d{4}(?:[/-]\d{2,4})?|january|february|march|april|may|june|july|august|september|"
                        r"october|november|december|\d{1,2}(?:st|nd|rd|th)?)$", re.I)

_BAND = re.compile(r"\b(\d{1,3})\s*(?:-|\u2013|to)\s*(\d{1,3})\b")
_AGED_BAND = re.compile(r"\baged\s+(\d{1,2})\s*(?:-|\u2013|to)\s*(\d{1,2})\b|\b(\d{1,2})\s*(?:-|\u2013|to)\s*(\d{1,2})[- ]year[- ]olds?\b",
                        re.I)
# the two cohorts of a children's service most often swapped: those in care, and those who have left it
_LEAVERS = re.compile(r"\bcare[- ]leavers?\b|\bleaving care\b|\bcare[- ]experienced\b|\bleft care\b", re.I)
_IN_CARE = re.compile(r"\bchild(?:ren)? (?:in|in our|looked after|in the council's) care\b|\blooked[- ]after child|\bCiC\b|\bLAC\b", re.I)
_CHILDREN = re.compile(r"\bchild(?:ren)?\b", re.I)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?%?")
_YEARLIKE = re.compile(r"^(?:19|20)\d\d$")
_SPELT = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10"}

# "how does that compare with our statistical neighbours?"
_COMPARES = re.compile(r"\b(?:compar\w*|versus|vs\.?|relative to|benchmark\w*|against)\b", re.I)
_EARLIER = re.compile(r"\b(?:the )?(?:previous|prior|preceding|last) year\b|\byear before\b|\bearlier years?\b|"
                      r"\bsame (?:point|time|period|date|month|quarter) (?:in|last|the previous|a year)\b", re.I)
_COMPARED = re.compile(r"\b(?:up|down|increased?|decreased?|rose|fell|risen|fallen|rising|falling|reduced|grown|grew)\s+"
                       r"(?:\w+\s+){0,2}?from\b|\bcompared (?:with|to)\b|\bprevious\b|\blast year\b|\bthan (?:in |at |for )?"
                       r"(?:the )?(?:previous|last|prior|\d)|\bin (?:19|20)\d\d\b[^.]*\bin (?:19|20)\d\d\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no|none|n't|without|fail(?:ed|s)? to)\b|n't\b", re.I)
_COUNTS_NOT = re.compile(r"(?<![\w.,£])\d[\d,]*\s+(?:[\w'\u2019-]+\s+){0,4}?(?:did not|didn't|do not|don't|have not|haven't|"
                         r"has not|hasn't|had not|were not|weren't|was not|wasn't|are not|aren't|never)\s+(?:been\s+)?([a-z]+)",
                         re.I)
_COMPARATORS = (
    (re.compile(r"\bstatistical neighbours?\b", re.I), re.compile(r"\bstatistical neighbour|\bcomparator", re.I)),
    (re.compile(r"\b(?:south[- ]east|the region|regional(?:ly)?)\b", re.I),
     re.compile(r"\bsouth[- ]east\b|\bSE\b|\bregion", re.I)),
    (re.compile(r"\b(?:england|national(?:ly)?|the country)\b", re.I), re.compile(r"\bnational|\bengland\b", re.I)),
)


def subgroup_unstated(question: str, sentence: str, stems: Callable[[str], set[str]], paragraph: str = "") -> bool:
    """The question counts a part of a group ("… were girls", "aged under five") that the
    sentence does not name (nor its paragraph, when the question asks the whole first: "how many
    were trained, and how many of those were council staff?")."""
    if paragraph and _WHOLE_THEN_PART.search(question):
        sentence = paragraph
    for rx in (_PART_OF, _OF_THOSE, _WHICH_WERE):
        m = rx.search(question)
        if m is None:
            continue
        part = re.sub(r"^(?:(?:actually|still|really|currently|now|then|also|ever|being|been|all|just|only)\s+)+", "",
                      m.group("part"), flags=re.I)
        part = re.split(r",|\s+and\s+how\b", part)[0]
        if _PREDICATE_OPENS.match(part) and not _ADJECTIVAL.match(part):
            continue  # "… were held", "… are about data": what happened to them, not a part of them
        words = [_AGE_WORDS.get(w.lower(), w) for w in re.findall(r"[\w'\u2019-]+", part)
                 if w.lower() not in _NOT_RESTRICTING and not _DATE_WORD.match(w)]
        if words and not stems(" ".join(words)) <= stems(sentence):
            return True
    for m in _AGE_LIMIT.finditer(question):
        if re.search(r"\bper\s+[\d,]+\s*(?:children\s+)?$", question[:m.start()], re.I):
            continue  # "a rate per 10,000 under-18s": the population a rate is of, not a part counted
        if m.group("side") is None:  # "under-fives", "post-16"
            limit = m.group(0).lower()
            said = r"under[- ]?(?:fives?|5s?)\b|\b0-4\b" if "five" in limit else r"post-16|16\+|over 16|aged 16|16-1[789]"
        else:
            age = _AGE_WORDS.get(m.group("age").lower(), m.group("age"))
            words = [k for k, v in _AGE_WORDS.items() if v == age]
            said = rf"\b(?:{_SIDE[m.group('side').lower()]})\s+(?:the age of\s+)?(?:{'|'.join([age, *words])})\b"
            if m.group("side").lower() in ("over", "above"):
                said += rf"|\b{age}\+"  # "16+"
            elif age.isdigit():
                said += rf"|\b0\s*-\s*{int(age) - 1}\b"  # "under 18": "0-17 year olds"
        if not re.search(said, sentence, re.I):
            return True
    return False


def band_text(text: str) -> str:
    """``text`` with ranges of small numbers written alike: "10 to 15", "10\u201315" → "10-15"."""
    return _BAND.sub(lambda m: f"{m.group(1)}-{m.group(2)}", text)


def bands(question: str) -> set[str]:
    """Ranges of small numbers a question names ("aged 10-15", "10 to 15 year olds"), as "10-15"."""
    return {f"{m.group(1)}-{m.group(2)}" for m in _BAND.finditer(question)}


def age_band_unstated(question: str, sentence: str) -> bool:
    """The question counts an age band ("aged 16-17") the sentence does not state."""
    asked = {f"{m.group(1) or m.group(3)}-{m.group(2) or m.group(4)}" for m in _AGED_BAND.finditer(question)}
    return bool(asked) and not any(b in band_text(sentence) for b in asked)


def cohort_swapped(question: str, sentence: str) -> bool:
    """Care leavers asked about, children answered (or children in care asked, care leavers answered)."""
    if _LEAVERS.search(question) and not _LEAVERS.search(sentence) and _CHILDREN.search(sentence):
        return not _IN_CARE.search(question)
    if _IN_CARE.search(question) and not _LEAVERS.search(question.split("(not")[0]) and _LEAVERS.search(sentence):
        return True
    return False


def counts_complement(question: str, sentence: str, stems: Callable[[str], set[str]]) -> bool:
    """"How many schools issued exclusions?" answered by "94 schools did not issue any": the
    sentence counts those that did not do what the question counts."""
    if _NEGATED.search(question):
        return False
    asked = stems(question)
    return any(stems(m.group(1)) & asked for m in _COUNTS_NOT.finditer(sentence))


def repeats_premise(question: str, sentence: str) -> bool:
    """Every figure of the sentence is one the question already gives ("141 referrals in
    2022-23; how many in 2021-22?" answered by the sentence with 141): it tells nothing new."""
    def numbers(text: str) -> set[str]:
        found = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}
        found |= {v for w, v in _SPELT.items() if re.search(rf"\b{w}\b", text, re.I)}
        return {n for n in found if not _YEARLIKE.match(n)}
    # (a small count the question gives is of what it asks for: "the four themes" — "4 key themes")
    counts = {v for w, v in _SPELT.items() if re.search(rf"\b{w}\b", question, re.I)}
    counts |= {m.group(1) for m in re.finditer(r"(?<![\w.,£])(\d{1,2})\s+[a-z]", question) if int(m.group(1)) <= 12}
    said = numbers(sentence) - counts
    return bool(said) and said <= numbers(question)


def comparator_unstated(question: str, paragraph: str, sentence: str) -> bool:
    """The question asks how a figure compares with a comparator the paragraph never names, or
    with an earlier time the sentence does not compare it with."""
    compares = _COMPARES.search(question)
    if compares is None:
        return False
    asked = question[compares.start():]
    if _EARLIER.search(asked) and not _COMPARED.search(sentence):
        return True  # "how does that compare with the previous year?": "1703 pupils are eligible"
    # (the comparator is what is compared with, not a word further on: "compared with the capped
    # rate under the South East Memorandum" compares with a rate)
    window = re.match(r"\S+(?:\s+(?:with|to|against|among|between))?((?:\s+(?!under\b|of\b|in\b)[\w'\u2019-]+){0,6})", asked)
    near = window.group(1) if window else ""
    return any(asks.search(near) and not says.search(paragraph) for asks, says in _COMPARATORS)
