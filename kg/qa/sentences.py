"""Sentences inside retrieved paragraphs, and what each one offers an answer.

A paragraph of committee papers often holds several facts ("16.9%, compared to 22.5% in
2019"; "Report from: …  Author: …"), so the answer is chosen at sentence level. Splitting
keeps abbreviations (Mr, Cllr, c£7million), decimals and clause labels ("b) that a report…")
whole; a labelled clause is prefixed by its lead-in ("The Committee agreed:") so it still says
who decided what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.qa.dates import find_spans

_ABBREV = r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bCllr\.)(?<!\bNo\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bSt\.)(?<!\bHon\.)"
_SPLIT = re.compile(_ABBREV + r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“‘(£•-])")
_LABEL = re.compile(r"^\s*(?:\(?[a-z]{1,2}\)|\(?[ivx]{1,4}\)|\(?[A-Z]\)|[-•·]\s)")
_LEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?|\d+\.)\s+(?=\S)")
NUMBER = re.compile(
    r"(?<![\w./-])(?:c)?£?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per cent|million|m\b|bn\b|k\b|fte\b|pw\b))?"
    r"(?:\s?per\s(?:10,000|hour|week))?",
    re.I,
)
_PERSON = re.compile(
    r"\b(?:Councillors?|Cllr|Dr|Mr|Mrs|Ms|Miss|Revd)\.?\s+(?:Mrs\s+|Mr\s+)?[A-Z][a-z]+|"
    r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z'\u2019]+){1,2}\s*(?:\((?:Chair|Vice|Opposition|Portfolio)|"
    r"[-\u2013]\s+(?:Head|Director|Chief|Assistant|Portfolio|Leader|Democratic|Programme|Partnership|HR|Lead|"
    r"Deputy|Principal|Service|Senior|Manager|Officer|Councillor|Cabinet|Corporate|Strategic|Interim)\b)|"
    r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z'\u2019]+){1,2}\s*,\s*(?:Head|Director|Chief|Assistant|Portfolio|"
    r"Leader|Democratic|Programme|Partnership|HR|Lead|Deputy|Principal|Service|Manager|Officer)"
)
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b", re.I)
_DECISION = re.compile(r"\b(agreed|noted|resolved|decided|recommend(?:ed)?|approved|asked to|delegate[ds]?)\b", re.I)
_COMPARE = re.compile(r"\b(compared (?:to|with)|up from|down from|from .{1,40} to|increased|decreased|"
                      r"rose|fell|risen|fallen|reduced|has fallen|than)\b", re.I)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph, with its position for citation and the signals it carries."""

    text: str
    paragraph_id: str
    index: int
    numbers: tuple[str, ...]
    years: frozenset[int]
    has_person: bool
    has_date: bool
    has_time: bool
    has_decision: bool
    has_comparison: bool


def split(text: str) -> list[str]:
    """Sentences and list items of a paragraph, clause labels prefixed by their lead-in."""
    out: list[str] = []
    lead_in = None
    header = None  # a table's first row, repeated before each later row so a row stays readable
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-•·]|\(?[a-z]\)|\d+\.)\s)|\n(?=[^\n]*\s\|\s)", text):
        block = re.sub(r"\s+", " ", block).strip()
        if not block:
            continue
        if " | " in block:
            if header is None:
                header = block
                out.append(block)
            else:
                out.append(f"{header} — {block}")
            continue
        header = None
        if block.endswith(":") and len(block) < 160:
            lead_in = block
            out.append(block)
            continue
        pieces = [p.strip() for p in _SPLIT.split(block) if p.strip()]
        for piece in pieces:
            if lead_in and _LABEL.match(piece):
                piece = f"{lead_in} {piece}"
            out.append(piece)
    return out


def strip_number(text: str) -> str:
    """A sentence without the section number it may start with ("4.6 The turnover…")."""
    return _LEADING_NUMBER.sub("", text, count=1)


_REFERENCE_BEFORE = re.compile(
    r"\b(?:table|figure|fig\.|chart|graph|appendix|annex|section|paragraph|para\.?|item|page|p\.|"
    r"recommendation|option|priority|phase|stage|tier|level|step|part|theme|objective|outcome|goal|ambition|"
    r"principle|strand|workstream|aim|action|cohort)\s*$", re.IGNORECASE)


_COUNT_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b"
    r"(?=\s+(?:are|were|was|is|have|had|of (?:them|these|those|which))\b|"
    r"\s+(?:[a-z-]+\s+){0,2}(?:children|people|years?|months?|weeks?|days?|hours?|minutes?|posts?|places?|homes?|schools?|"
    r"staff|workers?|carers?|families|reports?|actions?|members?|councillors?|times?|cases?|students?|pupils?))",
    re.IGNORECASE)


def figures(text: str) -> tuple[str, ...]:
    """The numbers a sentence states, years and section numbers left out."""
    found = []
    for m in NUMBER.finditer(text):
        token = m.group(0).strip()
        bare = token.replace(",", "")
        if re.fullmatch(r"(?:19|20)\d\d", bare):
            continue  # a year, not a figure
        if m.start() == 0 and re.fullmatch(r"\d+(?:\.\d+)+", token):
            continue  # the section number "4.6"
        if re.fullmatch(r"\d{1,2}", token) and _MONTH_AFTER.match(text, m.end()):
            continue  # the day of a date, "18 April 2023"
        if _REFERENCE_BEFORE.search(text, 0, m.start()):
            continue  # a reference, "Table 1", "Appendix 2", "paragraph 4.6"
        found.append(token)
    # "the regulations allowed for four children", "four years ago": counts written as words
    found.extend(m.group(0) for m in _COUNT_WORD.finditer(text))
    return tuple(found)


def sentences_of(paragraph_id: str, text: str) -> list[Sentence]:
    """The sentences of one paragraph, with their signals."""
    out = []
    for i, raw in enumerate(split(text)):
        body = strip_number(raw)
        spans = find_spans(body)
        out.append(
            Sentence(
                text=body,
                paragraph_id=paragraph_id,
                index=i,
                numbers=figures(body),
                years=frozenset(y for s in spans for y in range(s.start.year, s.end.year + 1)),
                has_person=bool(_PERSON.search(body)),
                has_date=bool(spans),
                has_time=bool(_TIME.search(body)),
                has_decision=bool(_DECISION.search(body)),
                has_comparison=bool(_COMPARE.search(body)),
            )
        )
    return out


def trim(text: str, limit: int, must: tuple[str, ...] = ()) -> str:
    """Cut a long sentence to the clauses around the first of ``must`` it contains."""
    if len(text) <= limit:
        return text
    clauses = re.split(r"(?<=[,;:])\s+", text)
    anchor = 0
    for i, c in enumerate(clauses):
        if any(m and m.lower() in c.lower() for m in must):
            anchor = i
            break
    lo, hi = anchor, anchor + 1
    picked = clauses[lo]
    if len(picked) < limit // 2 and hi < len(clauses) and len(picked) + len(clauses[hi]) + 1 > limit:
        # "As part of the work programme, <a clause too long to fit>": a lead-in is no answer alone
        picked = f"{picked} {clauses[hi]}"
        hi += 1
    while True:
        grown = False
        if hi < len(clauses) and len(picked) + len(clauses[hi]) + 1 <= limit:
            picked = f"{picked} {clauses[hi]}"
            hi += 1
            grown = True
        if lo > 0 and len(picked) + len(clauses[lo - 1]) + 1 <= limit:
            lo -= 1
            picked = f"{clauses[lo]} {picked}"
            grown = True
        if not grown:
            break
    if len(picked) > limit:
        picked = picked[: limit - 1].rsplit(" ", 1)[0] + "…"
    return picked
