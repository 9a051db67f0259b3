"""Yes or no: the verdict a yes/no question gets from the sentence that answers it.

A member who asks "Was Parklands rated good in 2022?" wants "Yes." first, then the sentence.
The verdict is read from the evidence, never guessed:

- a grade asked about ("rated good", "judged outstanding") against the grades the sentence
  gives: the same grade is yes, another is no, and "every part … good" is no when any part
  has another grade;
- "are there any…" against how many: "none", "no children" is no, a count above zero is yes;
- otherwise, a claim the sentence negates near the question's own words ("has not yet been
  approved") or reverses ("will it stay in place?" — "will be rescinded") is no, a claim it
  states without negation is yes.

When the question is itself negative ("Has the plan not been signed off?"), offers a choice
("… relaunched, or only proposed?") or the evidence gives no clear signal, there is no verdict and the answer is the sentence alone.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

_GRADE = re.compile(r"\b(outstanding|good|requires improvement|inadequate)\b", re.I)
# a grade given: "Help and protection: Requires Improvement", "was rated Good", "graded as 'Good'"
_GRADING = re.compile(r"(?::\s*\**\s*|\b(?:rated|graded|judged|found to be|assessed as)\s+(?:as\s+)?['\u2018\"]?)"
                      r"(outstanding|good|requires improvement|inadequate)\b", re.I)
_NEGATION = re.compile(r"\b(?:no|none|not|never|nil|nobody|neither|nor|without)\b|n't\b", re.I)
_NONE = re.compile(r"\b(?:none|no|nil|nobody|not any|zero)\b", re.I)
_EVERY = re.compile(r"\b(?:every|all|each)\b", re.I)
_ASKS = re.compile(r"^\s*(?:is|are|was|were|did|does|do|has|have|had|can|will)\b", re.I)
_NUMBER = re.compile(r"(?<![\w.])(?:[1-9]\d*|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\b(?:but|although|though|while|whereas|however)\b", re.I)
_WINDOW = 6
_COMMON = frozenset("that this with will have been from were what which when they their there would could should "
                    "after before about into also only over".split())
_DECIDED = re.compile(r"\b(?:approv|adopt|endors|agree|resolv|decid|not(?:ed|e)\b|defer|reject|refus|accept|ratif)\w*", re.I)
# "… relaunched, or is that only proposed?", "… gone up or down": a choice, not a yes/no claim
_CHOICE = re.compile(r",\s*or\b|\bor (?:is|are|was|were|has|have|had|did|does|do|will|would|only|just|not|down|up|less|fewer|"
                     r"more|worse|better)\b", re.I)
_OPPOSITES = (re.compile(r"\b(?:stays?|stayed|remains?|remained|continues?|continued|kept|keeps?|retained|retains?)"
                         r"(?: (?:in place|in force|open|running))?\b", re.I),
              re.compile(r"\b(?:rescind(?:ed|s)?|lift(?:ed|s)?|revoke[ds]?|withdrawn|removed|scrapped|ended|closed|"
                         r"decommissioned|abolished)\b", re.I))  # words between a negation and the claim's word it negates

Stems = Callable[[str], Iterable[str]]


def verdict(question: str, evidence: str, stems: Stems) -> str | None:
    """"Yes", "No" or None (no clear verdict) for a yes/no ``question`` answered by ``evidence``;
    ``stems`` maps text to the comparable stems of its words (the index's tokenizer)."""
    if not _ASKS.search(question) or _NEGATION.search(question) or _CHOICE.search(question):
        return None
    asked = [g.lower() for g in _GRADE.findall(question)]
    if asked and re.search(r"\b(?:rat|judg|grad|assess|found)", question, re.I):
        return _graded(question, asked[0], [g.lower() for g in _GRADE.findall(evidence)])
    if re.search(r"\bany\b", question, re.I):
        if _NONE.search(evidence):
            return "No"
        return "Yes" if _NUMBER.search(evidence) else None
    if _other_decision(question, evidence):
        return None  # "Did the committee approve it?" — "The Committee noted it": neither yes nor no
    return "No" if _negates(question, evidence, stems) or reverses(question, evidence) else "Yes"


def _other_decision(question: str, evidence: str) -> bool:
    """True when the question asks whether something was decided one way (approved, adopted)
    and the evidence records another decision (noted, deferred) but not the one asked."""
    asked = {m.lower()[:5] for m in _DECIDED.findall(question)}
    found = {m.lower()[:5] for m in _DECIDED.findall(evidence)}
    return bool(asked) and bool(found) and not asked & found


def reverses(question: str, evidence: str) -> bool:
    """True when the evidence says the opposite of the question's claim about whether something
    stays ("will the Direction stay in place?" — "the Direction will be rescinded")."""
    asked = _content(question)
    # only the clauses about the question's subject ("the Direction will be rescinded", not
    # "but the service will continue to be inspected")
    about = [c for c in _CLAUSE.split(evidence) if asked & _content(c)]
    return any(a.search(question) and any(b.search(c) and not a.search(c) for c in about)
               and not any(a.search(c) and not b.search(c) for c in about)
               for a, b in (_OPPOSITES, _OPPOSITES[::-1]))


def _content(text: str) -> set[str]:
    """The longer words of a text, lower-cased, without the stay/go verbs themselves."""
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())
            if not _OPPOSITES[0].fullmatch(w) and not _OPPOSITES[1].fullmatch(w)} - _COMMON


def other_grade(question: str, sentences: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """For "Did Ofsted grade every area good?", the first of ``sentences`` ((text, paragraph id)
    of the answer's paper) that gives another grade than the one asked, or None."""
    asked = [g.lower() for g in _GRADE.findall(question)]
    if not asked or not _EVERY.search(question) or not _ASKS.search(question) or _NEGATION.search(question):
        return None
    return next((x for x in sentences if (found := _GRADING.findall(x[0])) and found[-1].lower() != asked[0]), None)


def _graded(question: str, asked: str, found: list[str]) -> str | None:
    if not found:
        return None
    if _EVERY.search(question):
        return "Yes" if all(g == asked for g in found) else "No"
    return "Yes" if found[0] == asked else "No"


def _negates(question: str, evidence: str, stems: Stems) -> bool:
    """True when a negation in the evidence stands just before one of the question's words, in
    the same clause ("not yet back to normal, hearings are progressing" negates only the first)."""
    claim = set(stems(question))
    for clause in _CLAUSE.split(evidence):
        words = re.findall(r"[\w'\u2019]+", clause)
        for i, word in enumerate(words):
            if _NEGATION.fullmatch(word) or word.lower().endswith("n't"):
                if claim & set(stems(" ".join(words[i + 1:i + 1 + _WINDOW]))):
                    return True
    return False
