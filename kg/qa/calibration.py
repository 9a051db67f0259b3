"""Confidence: how far the evidence supports the answer, and when to say the papers do not.

The answer sentence's score is discounted for each thing the question names that its evidence
does not mention: a salient word (a name, place or body: "Kent", "Housing", "Planning"), a
distinctive word of the question found nowhere near the answer ("library", "potholes"), a year
asked about that the paragraph never states, or an answer of the wrong kind (no figure for
"how many"). The discounts are multiplicative so one clear mismatch is enough to abstain, and
the threshold was set on the development set so that no unanswerable question is answered
while answerable ones keep their answers (see ``council-kg eval``).
"""

from __future__ import annotations

from kg.qa.composer import Scored
from kg.qa.records import Analysis

THRESHOLD = 0.33
MISSING_SALIENT = 0.45  # per salient word absent from the evidence
MISSING_RARE = 0.55  # per distinctive question word absent from the evidence
WRONG_YEAR = 0.35
WRONG_TYPE = 0.5


def confidence(a: Analysis, best: Scored, rare_missing: int) -> float:
    """A 0..1 confidence for answering with ``best``."""
    value = best.score
    value *= MISSING_SALIENT ** len(best.missing_salient)
    value *= MISSING_RARE ** rare_missing
    if a.years and best.date_fit == 0.0:
        value *= WRONG_YEAR
    if best.type_fit <= 0.1:
        value *= WRONG_TYPE
    return max(0.0, min(1.0, value))


def answered(value: float) -> bool:
    """Whether a confidence is enough to answer."""
    return value >= THRESHOLD
