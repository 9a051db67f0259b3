"""Typed, frozen records of question answering: the analysis, facts, citations and the answer."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


class AnswerType(str, enum.Enum):
    """What kind of answer a question expects."""

    FIGURE = "figure"
    PERSON = "person"
    DATE = "date"
    PLACE = "place"
    DECISION = "decision"
    TREND = "trend"
    LIST = "list"
    YESNO = "yesno"
    RATING = "rating"  # an inspection grade or judgement: "Good", "Requires Improvement"
    TEXT = "text"


@dataclass(frozen=True)
class DateSpan:
    """A date or period named in a question; ``start == end`` for a day."""

    label: str
    start: date
    end: date

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """True when [start, end] meets this span (open ends meet everything)."""
        return (start is None or start <= self.end) and (end is None or end >= self.start)


@dataclass(frozen=True)
class LinkedEntity:
    """A graph node whose label the question mentions."""

    iri: str
    label: str
    kind: str  # post | person | body | measure | document
    score: float


@dataclass(frozen=True)
class Analysis:
    """What the question asks for, in terms the retrieval and the graph understand."""

    question: str
    answer_type: AnswerType
    terms: tuple[str, ...]  # content words, lower-cased, as written
    salient: tuple[str, ...]  # words an answer must account for: names, places, qualifiers
    years: tuple[int, ...]
    dates: tuple[DateSpan, ...]
    latest: bool = False
    entities: tuple[LinkedEntity, ...] = ()
    unit_hint: str | None = None  # percent | GBP | rate | count
    actor: str | None = None  # who the question says decided: "Cabinet" in "Did Cabinet approve …?"
    predicate: str | None = None  # what happened to what is counted: "adopted" in "how many children were adopted"
    focus: tuple[str, ...] = ()  # the terms of the question proper when a preamble comes first
    role: str | None = None  # the post a who-question asks the holder of: "chair" in "Who chairs the Board?"
    excluded: tuple[str, ...] = ()  # what "besides noting…" / "apart from a workforce report" rules out as the answer
    acronyms: tuple[str, ...] = ()  # acronyms of phrases the question spells out: "NQSW" for "newly qualified social workers"


@dataclass(frozen=True)
class Citation:
    """A paragraph an answer rests on, in the contract's shape."""

    id: str
    document_id: str
    title: str | None
    file: str
    paragraph: str | None
    page: int | None
    text: str

    def to_json(self) -> dict:
        """The contract's citation object."""
        return {
            "id": self.id, "document_id": self.document_id, "title": self.title, "file": self.file,
            "paragraph": self.paragraph, "page": self.page, "text": self.text,
        }


@dataclass(frozen=True)
class Fact:
    """A graph fact used by an answer: its kind, a readable statement and where it was read."""

    kind: str  # post_holder | author | decision | observation | meeting
    text: str
    paragraph_id: str | None
    subject: str | None = None
    value: str | None = None
    unit: str | None = None
    when: date | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict:
        """A readable JSON object."""
        out = {"kind": self.kind, "text": self.text, "paragraph_id": self.paragraph_id}
        if self.subject:
            out["subject"] = self.subject
        if self.value is not None:
            out["value"] = self.value
        if self.unit:
            out["unit"] = self.unit
        if self.when:
            out["date"] = self.when.isoformat()
        out.update(dict(self.extra))
        return out


@dataclass(frozen=True)
class SeriesPoint:
    """One point of a trend: value, its unit and date, and the paragraph it came from."""

    value: str
    unit: str | None
    when: str | None
    label: str
    paragraph_id: str | None

    def to_json(self) -> dict:
        """A chartable point."""
        return {"value": self.value, "unit": self.unit, "date": self.when, "label": self.label,
                "paragraph_id": self.paragraph_id}


@dataclass(frozen=True)
class Answer:
    """The outcome of one question, ready for JSON, HTML or the terminal."""

    question: str
    answer: str | None
    answered: bool
    confidence: float
    facts: tuple[Fact, ...] = ()
    citations: tuple[Citation, ...] = ()
    sparql: tuple[str, ...] = ()
    answer_type: AnswerType = AnswerType.TEXT
    series: tuple[SeriesPoint, ...] = field(default=())

    def to_json(self) -> dict:
        """The ask contract: {question, answer, answered, confidence, facts, citations, sparql}."""
        out = {
            "question": self.question,
            "answer": self.answer if self.answered else None,
            "answered": self.answered,
            "confidence": round(self.confidence, 3),
            "facts": [f.to_json() for f in self.facts],
            "citations": [c.to_json() for c in self.citations],
            "sparql": list(self.sparql),
            "answer_type": self.answer_type.value,
        }
        if self.series:
            out["series"] = [p.to_json() for p in self.series]
        return out
