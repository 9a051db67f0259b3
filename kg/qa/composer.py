"""Sentence selection and answer composition.

Every sentence of the candidate paragraphs is scored on what the question needs: its words
(weighted by rarity in the corpus), the paragraph's retrieval score and fact boost, the answer
type (a figure for "how many", a name for "who", a date for "when", a clause for "what did the
Committee agree") and the period asked about. The best sentence is the answer unless a graph
fact answers the question's type directly; trend questions get two or more values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.qa.records import Analysis, AnswerType
from kg.qa.sentences import Sentence, figures, trim

MAX_ANSWER = 380


@dataclass(frozen=True)
class Context:
    """A candidate paragraph with its retrieval evidence and the words around it."""

    paragraph_id: str
    text: str
    around: str  # heading path, document title, body and council: what the paragraph is about
    retrieval: float  # normalised fused score, 0..1
    boost: float  # from facts derived from this paragraph, 0..1
    rank: int


@dataclass(frozen=True)
class Scored:
    """A sentence with its score and the features calibration reads."""

    sentence: Sentence
    context: Context
    score: float
    coverage: float  # weighted share of question words in the sentence
    context_coverage: float  # … in the sentence, its paragraph and what surrounds it
    type_fit: float
    date_fit: float
    missing_salient: tuple[str, ...]


def coverage(stems: set[str], weights: dict[str, float]) -> float:
    """Weighted share of the question's stems present in ``stems``."""
    total = sum(weights.values())
    return sum(w for s, w in weights.items() if s in stems) / total if total else 0.0


def type_fit(a: Analysis, s: Sentence, question_numbers: set[str]) -> float:
    """How well a sentence can carry the expected kind of answer (0..1)."""
    new_numbers = [n for n in s.numbers if n.lower() not in question_numbers]
    t = a.answer_type
    if t == AnswerType.FIGURE:
        if not new_numbers:
            return 0.0
        text = s.text.lower()
        unit = {"percent": "%" in text or "per cent" in text, "GBP": "£" in text,
                "rate": "per 10,000" in text, "count": True}.get(a.unit_hint or "count", True)
        return 1.0 if unit else 0.6
    if t == AnswerType.TREND:
        if len(new_numbers) >= 2:
            return 1.0 if s.has_comparison else 0.8
        return 0.4 if new_numbers else 0.0
    if t == AnswerType.PERSON:
        return 1.0 if s.has_person else 0.1
    if t == AnswerType.DATE:
        if re.search(r"\b(time|start)\b", a.question, re.I):
            return 1.0 if s.has_time else 0.1
        return 1.0 if s.has_date else 0.1
    if t == AnswerType.PLACE:
        return 1.0 if re.search(r"\b(venue|centre|hall|room|road|street|house)\b", s.text, re.I) else 0.3
    if t == AnswerType.DECISION:
        return 1.0 if s.has_decision else 0.3
    return 0.6


def date_fit(a: Analysis, s: Sentence, paragraph_years: set[int]) -> float:
    """1 when the sentence speaks of the period asked about, 0 when nothing near it does."""
    if not a.years:
        return 0.5
    asked = set(a.years)
    if asked & s.years:
        return 1.0
    if asked & paragraph_years:
        return 0.6
    return 0.0


def compose(a: Analysis, best: Scored, ranked: list[Scored]) -> tuple[str, list[str]]:
    """The answer text and the paragraph ids it rests on, first the main one."""
    text = best.sentence.text
    used = [best.context.paragraph_id]
    if a.answer_type == AnswerType.TREND and len(set(best.sentence.numbers)) < 2:
        extra = next(
            (r for r in ranked[1:6] if r.sentence.numbers and r.coverage >= 0.5 * best.coverage
             and set(r.sentence.numbers) - set(best.sentence.numbers) and r.sentence.text != text),
            None,
        )
        if extra is not None:
            text = f"{text} {extra.sentence.text}"
            if extra.context.paragraph_id not in used:
                used.append(extra.context.paragraph_id)
    must = tuple(figures(best.sentence.text)[:1])
    return trim(text, MAX_ANSWER, must), used
