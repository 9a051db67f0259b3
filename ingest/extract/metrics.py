"""Metrics: every figure worth charting becomes an observation with value, unit, measure, period.

Per sentence: find numbers with their unit (%, £, per 10,000, fte, count); drop what is not a
measurement (dates, years, section and page numbers, ages, durations, phone numbers, legal
references, list enumerations); name the measure from the noun phrase the number counts
("72 social work vacancies") or the clause subject it qualifies ("The turnover rate of
permanent social work staff is ... 16.9%"); and attach the period stated nearest to it.
Comparisons ("16.9%, compared to 22.5% in 2019", "from 27% in 2021 to 34%") give two
observations of one measure with their own periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Iterator

from ingest.extract.measures import COMPARE, is_structure, name_measure, vague
from ingest.extract.periods import Found, find_periods
from ingest.extract.spans import Sentence, sentences
from kg.facts import Observation, Period
from kg.records import Document

_NUMBER = re.compile(
    r"(?P<q>\b(?:approximately|approx\.?|around|about|over|well over|more than|almost|nearly|just over|"
    r"just under|fewer than|less than|up to|at least|c\.?)\s?)?(?P<cur>£)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<mult>\s?(?:million|m|bn|billion|k)\b)?(?P<pct>\s?%|\s?per ?cent\b)?"
    r"(?P<rate>\s?per\s(?:10,000|100,000|1,000|100)\b)?"
    r"(?P<per>\s?(?:pw|per week|a week|per hour|an hour|per annum|per year|per day|per month)\b)?(?P<fte>\s?fte\b)?",
    re.I,
)
_NOT_BEFORE = re.compile(
    r"(?:\b(?:theme|priority|cohort|appendix|section|part|item|items|page|pages|phase|tier|level|stage|year|"
    r"no\.|article|regulation|paragraph|para|ks|step|s|aged|age|ages|under|post|wave|round|option|table|"
    r"figure|chapter|schedule|grade|band|group|room|floor|unit|line|covid|version|v|out of|period|element|tranche|type|category|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\s*|[A-Za-z\d/-]|\d\s|\d\s?[-–]\s?)$",
    re.I,
)
_NOT_AFTER = re.compile(
    r"^(?:\s?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|miles?|km|am|pm|year olds?|"
    r"st|nd|rd|th)\b|\.\d|\s?(?:to|and|-|–)\s\d+(?:st|nd|rd|th)?\s(?:January|February|March|April|May|June|July|August|September|October|November|December)|[-–/+(]\s?\d|[-–]?(?:year|month|week|day|hour)\b|\+|[A-Za-z]|/|\s?(?:and|to|-|–)\s\d+\s?(?:years?|weeks?|months?|days?))",
    re.I,
)
# A sentence that continues the last one's figures ("This includes 140 staff ...") keeps its period.
_ANAPHORA = re.compile(r"^(?:This|These|Of these|Of which|Of whom|Including|This includes|Within this)\b")
_LEGAL = re.compile(r"\b(?:[Ss]ection|S)\s?\d+[A-Z]?\s?\(|\bAct\b.*\b(?:section|S\d)|\bS\d+\(\d\)")


@dataclass(frozen=True)
class _Hit:
    """A number in a sentence, with its unit and qualifier parsed."""

    start: int
    end: int
    lead: int  # where the qualifier, if any, begins
    value: Decimal
    unit: str
    qualifier: str | None


def observations(doc: Document) -> list[Observation]:
    """Every observation in the document, in reading order."""
    doc_date = doc.meta.meeting_date
    out: list[Observation] = []
    for p in doc.paragraphs:
        seen: list[str] = []
        carried: list[Found] = []
        for s in sentences(p):
            periods = find_periods(s.text, doc_date)
            if not periods and _ANAPHORA.match(s.text):
                periods = [Found(len(s.text), len(s.text), f.period, f.relative) for f in carried]
            out.extend(_sentence_observations(s, periods, doc.meta.council, seen))
            carried = periods or carried
    return out


def _fuller(measure: str, seen: list[str]) -> str:
    """"451 children" after "468 children in care" in one paragraph measures the same thing."""
    words = measure.lower().split()
    for earlier in seen:
        if len(earlier.split()) > len(words) and earlier.lower().split()[: len(words)] == words:
            return earlier
    return measure


def _sentence_observations(
    s: Sentence, periods: list[Found], council: str | None, seen: list[str]
) -> Iterator[Observation]:
    text = s.text
    if _LEGAL.search(text) or " | " in text or s.paragraph.kind.value == "table":
        return  # legal references, and tables whose cells this sentence model cannot read
    hits = [h for h in _hits(text) if not any(f.start <= h.start < f.end for f in periods if not f.relative)]
    attached = _attach_periods(text, hits, periods)
    previous: str | None = seen[-1] if seen else None  # "A further 11 ..." continues the last sentence
    for i, hit in enumerate(hits):
        measure = name_measure(text, hit, hits[i - 1] if i else None, previous)
        if not measure or vague(measure) or (hit.unit == "count" and is_structure(measure)):
            continue
        if not hit.unit.startswith("rate"):
            measure = _fuller(measure, seen)
            seen.append(measure)
        if not hit.unit.startswith("rate"):  # a rate names its base; the base stays the last measure
            previous = measure
        yield Observation(
            value=hit.value, unit=_money_unit(hit.unit, measure), measure=measure, period=attached[i], area=_area(text, council),
            qualifier=hit.qualifier, evidence=s.evidence(),
            value_start=s.start + hit.start, value_end=s.start + hit.end,
        )


def _hits(text: str) -> Iterator[_Hit]:
    for m in _NUMBER.finditer(text):
        start = m.start("cur") if m.group("cur") else m.start("num")
        before, after = text[:start], text[m.end():]
        if _NOT_BEFORE.search(before) and not (m.group("q") and m.group("cur")):
            continue
        if re.search(r"\d{1,2}\.$", before) or re.match(r"\.\d{1,2}\.\d{2}", text[start:]):
            continue  # "11.09.23" is a date
        if not before.strip() and (
            re.match(r"^\d+(?:\.\d+)+\.?\s|^\d+\.\s", text[start:])
            or (re.match(r"^\d+\s+[A-Z]", text[start:]) and not text.rstrip().endswith("."))
        ):
            continue  # "4.6 The turnover...", "1. Safely reduce", "9 Work programme": numbering
        if not (m.group("pct") or m.group("cur") or m.group("rate") or m.group("per") or m.group("fte") or m.group("mult")):
            if _NOT_AFTER.match(after) or re.fullmatch(r"(?:19|20)\d{2}", m.group("num")) or m.group("num").startswith("0"):
                continue
        value = _decimal(m.group("num"), m.group("mult"))
        if value is None:
            continue
        qualifier = (m.group("q") or "").strip().rstrip(".") or None
        if qualifier and qualifier.lower() == "c":
            qualifier = "approximately"
        yield _Hit(start, m.end(), m.start(), value, _unit(m), qualifier)


def _decimal(num: str, mult: str | None) -> Decimal | None:
    try:
        value = Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None
    scale = {"m": 10**6, "million": 10**6, "bn": 10**9, "billion": 10**9, "k": 10**3}
    return value * scale[mult.strip().lower()] if mult else value


def _unit(m: re.Match[str]) -> str:
    if m.group("pct"):
        return "percent"
    if m.group("rate"):
        return "rate per " + m.group("rate").split("per")[-1].strip()
    if m.group("cur"):
        per = (m.group("per") or "").strip().lower()
        if per in {"pw", "per week", "a week"}:
            return "GBP per week"
        if per in {"per hour", "an hour"}:
            return "GBP per hour"
        return "GBP per year" if per in {"per annum", "per year"} else "GBP"
    if m.group("fte"):
        return "FTE"
    return "count"


def _attach_periods(text: str, hits: list[_Hit], periods: list[Found]) -> list[Period | None]:
    """The period each number refers to: its own, else one left free in the sentence."""
    out: list[Period | None] = [None] * len(hits)
    used: set[int] = set()
    for i, hit in enumerate(hits):  # a period right after the number, before any comparison
        limit = hits[i + 1].start if i + 1 < len(hits) else len(text)
        for j, f in enumerate(periods):
            if j not in used and hit.end <= f.start < limit and not COMPARE.search(text[hit.end : f.start].strip() + " "):
                if not re.search(r"\b(?:compared|up from|down from|than|and|but)\b|;", text[hit.end : f.start]):
                    out[i] = f.period
                    if not f.relative:  # "currently" can qualify every figure of the sentence
                        used.add(j)
                    break
    free = [f for j, f in enumerate(periods) if j not in used]
    for i, hit in enumerate(hits):
        if out[i] is not None:
            continue
        before = [f for f in free if f.end <= hit.start and not f.relative]
        after = [f for f in free if f.start >= hit.end and not f.relative]
        relative = [f for f in free if f.relative]
        pick = (before[-1] if before else None) or (after[0] if after else None) or (relative[0] if relative else None)
        out[i] = pick.period if pick else None
    return out


def _money_unit(unit: str, measure: str) -> str:
    """"a weekly cost of £2,107" is money per week, though no "pw" follows the figure."""
    if unit == "GBP":
        for word, per in (("weekly", "GBP per week"), ("hourly", "GBP per hour"), ("annual", "GBP per year")):
            if word in measure.lower():
                return per
    return unit


def _area(text: str, council: str | None) -> str | None:
    """Where a figure applies: national and regional figures are said so; else the council."""
    low = text.lower()
    if re.search(r"\bnational(?:ly)?\b|\bin england\b|\bacross england\b|\bengland\b", low):
        return "England"
    if re.search(r"\bsouth east\b|\bregional(?:ly)?\b", low):
        return "region"
    return council
