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
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterator

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
    r"figure|chapter|schedule|grade|band|group|room|floor|unit|line|covid|version|v|out of|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\s*|[A-Za-z\d/-]|\d\s|\d\s?[-–]\s?)$",
    re.I,
)
_NOT_AFTER = re.compile(
    r"^(?:\s?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|miles?|km|am|pm|year olds?|"
    r"st|nd|rd|th)\b|\.\d|\s?(?:to|and|-|–)\s\d+(?:st|nd|rd|th)?\s(?:January|February|March|April|May|June|July|August|September|October|November|December)|[-–/+(]\s?\d|[-–]?(?:year|month|week|day|hour)\b|\+|[A-Za-z]|/|\s?(?:and|to|-|–)\s\d+\s?(?:years?|weeks?|months?|days?))",
    re.I,
)
_LEGAL = re.compile(r"\b(?:[Ss]ection|S)\s?\d+[A-Z]?\s?\(|\bAct\b.*\b(?:section|S\d)|\bS\d+\(\d\)")
_STOP = frozenset(
    """out as at which that where when compared than from since between during by until while whilst
    but because due this these those and or is are was were has have had be been being will would
    could should can may might it they we there here also currently now still only""".split()
)
# Allowed inside an "N% of ..." phrase, which names its population at length.
_SOFT = frozenset("with for per on against including under over up down across within a an the its their our who".split())
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|remains?|remained|stood|stands|increased|decreased|rose|fell|grew|"
    r"declined|reduced|dropped|varies|varied|represents?|reached|totall?ed|amounts?|amounted|comprises?|"
    r"saw|shows?|showed|received|placed|secured|means|gives|went|increases|decreases|reduces|declines|grows|rises|"
    r"falls|decline|increase|reduce|grow|rise|fall|will|would|be|being|identifies|shows)\b"
)
_LEAD = re.compile(r"^(?:the|a|an|this|that|these|our|their|its|total|number|numbers|proportion|percentage|rate)\s+(?:of\s+)?", re.I)
_AUX = re.compile(r"^\s*(?:(?:have|has|had|were|was|are|is)\s+)?(?:(?:been|now|currently|already|successfully)\s+)*(?P<v>[a-z]+ed|left|held|joined|remain|remaining|receiving|attending|trained|placed)\b")
_COMPARE = re.compile(r"\b(?:compared (?:to|with)|up from|down from|from|than|against|versus|vs\.?|to)\s*$", re.I)


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
        for s in sentences(p):
            out.extend(_sentence_observations(s, doc_date, doc.meta.council, seen))
    return out


def _fuller(measure: str, seen: list[str]) -> str:
    """"451 children" after "468 children in care" in one paragraph measures the same thing."""
    words = measure.lower().split()
    for earlier in seen:
        if len(earlier.split()) > len(words) and earlier.lower().split()[: len(words)] == words:
            return earlier
    return measure


def _sentence_observations(
    s: Sentence, doc_date: date | None, council: str | None, seen: list[str]
) -> Iterator[Observation]:
    text = s.text
    if _LEGAL.search(text) or " | " in text or s.paragraph.kind.value == "table":
        return  # legal references, and tables whose cells this sentence model cannot read
    periods = find_periods(text, doc_date)
    hits = [h for h in _hits(text) if not any(f.start <= h.start < f.end for f in periods if not f.relative)]
    attached = _attach_periods(text, hits, periods)
    previous: str | None = None
    for i, hit in enumerate(hits):
        measure = _measure(text, hit, hits[i - 1] if i else None, previous)
        if not measure:
            continue
        if not hit.unit.startswith("rate"):
            measure = _fuller(measure, seen)
            seen.append(measure)
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
            if j not in used and hit.end <= f.start < limit and not _COMPARE.search(text[hit.end : f.start].strip() + " "):
                if not re.search(r"\b(?:compared|up from|down from|than)\b", text[hit.end : f.start]):
                    out[i] = f.period
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


def _measure(text: str, hit: _Hit, prev: _Hit | None, previous: str | None) -> str | None:
    """Name what the number measures: the phrase it counts, else its clause's subject."""
    after = text[hit.end :]
    out_of = re.match(r"\s+out of\s+[\d,]+", after)
    following = _following_phrase(after[out_of.end() :] if out_of else after, long=hit.unit == "percent")
    further = re.search(r"\bfurther\s*(?:c\.?\s?)?$", text[: hit.lead])
    if previous and (re.match(r"\s*of (?:these|them|whom|which)\b", after) or further):
        return previous  # "4 of these", "a further 19": a part or continuation of the last figure
    if re.match(r"(?:rise|increase|fall|decrease|reduction|growth|drop|decline|uplift)\b", following):
        return _tidy(following)
    if hit.unit.startswith("rate"):
        base = previous or _subject(text[: hit.start]) or ""
        return _tidy(f"{base} rate") if base and base != "there" else None
    if hit.unit == "percent" and following.startswith("of "):
        return _tidy(following[3:])
    if hit.unit in {"count", "FTE"} and following and not following.startswith("of "):
        return _tidy(following)
    between = text[prev.end : hit.start] if prev else ""
    if prev and previous and prev.unit == hit.unit and (_COMPARE.search(between) or re.fullmatch(r"[\s,(]*(?:or|and|to|from|,)?[\s(]*", between)):
        return previous  # the second half of a comparison measures the same thing
    subject = _subject(text[: hit.lead])
    if subject and not _vague(subject):
        return subject
    if following and not following.startswith("of ") and not _vague(following):
        return _tidy(following)
    return None


def _vague(phrase: str) -> bool:
    """A pronoun or filler is not a measure's name."""
    words = phrase.lower().split()
    return not words or all(w in _VAGUE for w in words)


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATES = re.compile(
    rf"\b(?:[Bb]etween|[Ff]rom|[Ss]ince|[Aa]s of|[Aa]s at|[Dd]uring|[Ii]n|[Aa]t|[Bb]y)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"{_MONTHS}(?:\s+\d{{4}})?(?:\s+(?:and|to)\s+(?:\d{{1,2}}\s+)?{_MONTHS}(?:\s+\d{{4}})?)?"
)
_VAGUE = frozenset("there this it they we these those such further now from up of a an the which that who total number with year or and c".split())


def _following_phrase(after: str, long: bool = False) -> str:
    """The noun phrase right after a number: "social work vacancies as at ..." -> "social work vacancies"."""
    words = re.findall(r"[A-Za-z][\w'’-]*|\d[\d,.]*|[,;:()\[\].]", after)[:12]
    phrase: list[str] = []
    for k, w in enumerate(words):
        low = w.lower()
        if not re.match(r"[A-Za-z]", w):
            break
        if low in {"of", "in", "to"} and phrase and k + 1 < len(words) and re.match(r"[a-z]", words[k + 1]) and words[k + 1].lower() not in _STOP:
            phrase.append(low)
            continue
        if low == "of" and not phrase:
            phrase.append(low)
            continue
        in_of = long and phrase[:1] == ["of"]
        if (low in _STOP and not (in_of and low in {"now", "currently"})) or (low in _SOFT and not in_of) or len(phrase) >= (10 if in_of else 7):
            break
        phrase.append(w)
    while phrase and phrase[-1].lower() in {"of", "in", "to"}:
        phrase.pop()
    text = " ".join(phrase)
    tail = after[after.find(phrase[-1]) + len(phrase[-1]) :] if phrase else ""
    verb = _AUX.match(tail)
    if text and verb and verb.group("v").lower() not in _STOP:
        text += " " + verb.group("v")
    return text


def _money_unit(unit: str, measure: str) -> str:
    """"a weekly cost of £2,107" is money per week, though no "pw" follows the figure."""
    if unit == "GBP":
        for word, per in (("weekly", "GBP per week"), ("hourly", "GBP per hour"), ("annual", "GBP per year")):
            if word in measure.lower():
                return per
    return unit


def _subject(before: str) -> str | None:
    """The subject of the clause a number completes, read backwards from the number."""
    before = re.sub(r"\([^()]*\)|[^\x00-\x7f’£%]", " ", before)
    before = _DATES.sub(" ", before)
    of = re.search(r"((?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+of\s*$", before)
    if of:  # "a weekly cost of £2,107", "additional revenue funding of £14,282,110"
        group = of.group(1)
        verbs = list(_VERB.finditer(group))
        group = group[verbs[-1].end() :] if verbs else group
        words = re.split(r"\b(?:a|an|the|at|of|in|with|its|their|our|and|to|from|by|for)\s+", group)[-1].strip()
        if words and not _VERB.search(words) and words.lower() not in {"total", "number", "rate"}:
            return _tidy(words)
    clause = re.split(r"[;:(]|,\s|\band\s+(?=the\b)|\bthat\b|\bwhich\b|\bwhere\b|\bwhilst\b|\bwhile\b", before)
    for part in reversed(clause):
        part = re.sub(r"^\s*(?:and|but|so|however|although|despite|with|in \d{4}\S*|as of [^,]*|since [^,]*)\s+", "", part.strip(), flags=re.I)
        if _vague(part) or re.match(r"^(?:has|have|had|is|are|was|were)\b", part.strip()):
            continue
        head = _VERB.split(part)[0] if _VERB.search(part) else ""
        head = re.sub(r"\b(?:in|during|at|by|since|as of|as at|for)\s+(?:\d|[A-Z][a-z]+ \d).*$", "", head).strip()
        head = re.sub(r"[^\w'’ -]", " ", head)
        words = [w for w in head.split() if not re.fullmatch(r"\d[\d,.]*", w)]
        if words and len(words) <= 14 and not _vague(" ".join(words)):
            return _tidy(" ".join(words[-10:]))
        if words and _VERB.search(part) and head.strip():  # "This has resulted in more children placed ...": the object
            tail = re.sub(r"^\W*(?:\w+ed|been|being|in|to|of|by)\s+", "", part[_VERB.search(part).end():].strip())
            tail_words = [w for w in re.sub(r"[^\w'’ -]", " ", tail).split()][-10:]
            if tail_words and not _vague(" ".join(tail_words)):
                return _tidy(" ".join(tail_words))
        if not head and part and not _VERB.search(part) and len(part.split()) <= 16:
            return _tidy(re.sub(r"[^\w'’ -]", " ", part)) or None
    return None


def _tidy(phrase: str) -> str:
    phrase = re.sub(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:19|20)\d{2}\b", " ", phrase)
    phrase = " ".join(phrase.split()).strip(" ,.;:-")
    for _ in range(3):
        phrase = _LEAD.sub("", phrase)
    return phrase


def _area(text: str, council: str | None) -> str | None:
    """Where a figure applies: national and regional figures are said so; else the council."""
    low = text.lower()
    if re.search(r"\bnational(?:ly)?\b|\bin england\b|\bacross england\b|\bengland\b", low):
        return "England"
    if re.search(r"\bsouth east\b|\bregional(?:ly)?\b", low):
        return "region"
    return council
