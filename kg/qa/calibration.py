"""Confidence: how far the evidence supports the answer, and when to say the papers do not.

The answer sentence's score is discounted for each thing the question names that its evidence
does not mention: a salient word (a name, place or body: "Kent", "Housing", "Planning"), a
distinctive word of the question found nowhere near the answer ("library", "potholes"), a year
asked about that the paragraph never states, an answer of the wrong kind (no figure for
"how many"), or a decision by another body than the one the question says decided ("did Cabinet
approve" answered by a committee's recommendation to Cabinet). The discounts are multiplicative,
so one clear mismatch is enough to abstain, and the threshold was set on the development set so that no unanswerable question is answered
while answerable ones keep their answers (see ``council-kg eval``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.qa.wording import asked_clause
from kg.qa.composer import Scored
from kg.qa.polarity import reverses
from kg.qa.records import Analysis, AnswerType

THRESHOLD = 0.33
MISSING_SALIENT = 0.3  # per salient word absent from the paragraph and its whole document
MISSING_QUALIFIER = 0.3  # per "in Kent" / "for the High Needs Block" qualifier absent from the paragraph
NEARBY_SALIENT = 0.8  # per salient word the paragraph lacks but its document states
ABSENT_WORD = 0.45  # per question word that no paragraph of the papers contains
ABSENT_PHRASING = 0.6  # … when it is a participle, adverb or connective ("tracing", "shifted")
MISSING_RARE = 0.85  # per distinctive question word absent from the evidence
WRONG_YEAR = 0.35
COARSE_DATE = 0.6  # only a wider period ("2021") covers the one asked about ("March 2021")
WRONG_TYPE = 0.4
WEAK_TYPE = 0.75
NO_DECISION = 0.3  # the type fit of a sentence that records no decision …
UNDECIDED_TEXT = 0.6  # … further discounted when a decision is asked for
YESNO_OWN, YESNO_PARAGRAPH = 0.6, 0.8  # a claim the sentence and its paragraph state this much of is supported
UNSUPPORTED_CLAIM = 0.5  # a yes/no question whose words the sentence does not repeat
ACTOR_UNCONFIRMED = 0.3  # "did Cabinet approve": the evidence is a decision by someone else
PREDICATE_MISSING = 0.4  # "how many were adopted": the paragraph counts something, but not that
FUTURE_ONLY = 0.4
OTHER_KIND = 0.5  # the sentence is about another kind of the thing asked ("residential" for "agency placement")
ROLE_MISSING = 0.5  # "who is the independent chair": the sentence names someone, but not as chair
NOBODY_NAMED = 0.3  # "which provider …?", "who was the Vice Chairman?": the sentence names no one


_POLARITY = re.compile(r"\b(?:no|none|not|never|nil|nobody|neither|nor)\b|n't\b", re.I)


@dataclass(frozen=True)
class Gaps:
    """What the question names that the evidence of an answer does not."""

    salient_absent: int = 0  # from the paragraph and its document
    qualifier_absent: int = 0  # restrictive qualifier phrases missing from the paragraph
    salient_nearby: int = 0  # missing from the paragraph, stated elsewhere in its document
    absent_words: int = 0  # in no paragraph at all
    absent_phrasing: int = 0  # participles, adverbs, connectives in no paragraph
    rare_missing: int = 0
    actor_unconfirmed: bool = False  # the question's decider is not shown deciding
    predicate_missing: bool = False  # what happened to what is counted is not in the paragraph
    future_only: bool = False  # a question about what happened, a sentence about what will
    role_missing: bool = False  # "who chairs…" answered by a name the sentence gives no such role
    nobody_named: bool = False  # "which provider…" answered by a sentence that names none
    other_kind: bool = False  # "a residential placement" for "an agency placement"
    claim_end_unstated: bool = False  # a yes/no claim's last word ("… successful?") is not in the sentence


def confidence(a: Analysis, best: Scored, gaps: Gaps) -> float:
    """A 0..1 confidence for answering with ``best``."""
    value = best.score
    value *= MISSING_SALIENT ** gaps.salient_absent
    value *= MISSING_QUALIFIER ** gaps.qualifier_absent
    value *= NEARBY_SALIENT ** gaps.salient_nearby
    value *= ABSENT_WORD ** gaps.absent_words
    value *= ABSENT_PHRASING ** gaps.absent_phrasing
    value *= MISSING_RARE ** gaps.rare_missing
    value *= date_factor(a, best.date_fit)
    value *= type_factor(best.type_fit)
    if a.answer_type == AnswerType.DECISION and best.type_fit <= NO_DECISION:
        value *= UNDECIDED_TEXT  # "what did the committee resolve": a sentence that records no decision
    if gaps.actor_unconfirmed:
        value *= ACTOR_UNCONFIRMED
    if gaps.predicate_missing:
        value *= PREDICATE_MISSING
    if gaps.future_only:
        value *= FUTURE_ONLY
    if gaps.role_missing:
        value *= ROLE_MISSING
    if gaps.nobody_named:
        value *= NOBODY_NAMED
    if gaps.other_kind:
        value *= OTHER_KIND
    # A yes/no claim must be the sentence's own, or the paragraph's with the sentence stating
    # its polarity ("none are resident in hotels", "there are no children sentenced").
    # (or states most of it, and what it ends on, its paragraph all but all: "after the 2023 findings"
    # is the paragraph's scene; "was the bid successful?" is not supported by "a bid was submitted")
    if a.answer_type == AnswerType.YESNO and best.coverage < 0.8 and not (
            max(best.coverage, best.context_coverage) >= 0.6 and best.coverage >= 0.35
            and (_POLARITY.search(best.sentence.text) or reverses(asked_clause(a.question), best.sentence.text))) and not (
            best.coverage >= YESNO_OWN and best.context_coverage >= YESNO_PARAGRAPH and not gaps.claim_end_unstated):
        value *= UNSUPPORTED_CLAIM
    return max(0.0, min(1.0, value))


def date_factor(a: Analysis, fit: float) -> float:
    """The discount for evidence that does not state the period asked about (none or a coarser one)."""
    if not a.dates:
        return 1.0
    return WRONG_YEAR if fit == 0.0 else COARSE_DATE if fit <= 0.4 else 1.0


def type_factor(fit: float) -> float:
    """The discount for an answer of the wrong kind (``fit`` ≤ 0.1) or a weak one (≤ 0.5)."""
    return WRONG_TYPE if fit <= 0.1 else WEAK_TYPE if fit <= 0.5 else 1.0


def answered(value: float) -> bool:
    """Whether a confidence is enough to answer."""
    return value >= THRESHOLD
