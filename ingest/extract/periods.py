"""Reference dates and periods in a sentence: "as of 31 August 2020", "2021/22", "since April 2022".

Each expression becomes a ``Period`` with start and end dates; relative ones ("currently", "in
the last 12 months") are resolved against the document's date, which is only a fallback for
what the sentence itself leaves unsaid and never replaces a date the sentence states.
UK conventions: "2021/22" and "2021-22" are financial years (1 April to 31 March).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.facts import Period

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_DAY}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{4}}|(?<![\d/£.,-])(?:19|20)\d{{2}}(?:\s?[/-]\s?(?:\d{{4}}|\d{{2}}))?(?![\d%,.]\d|\d|\s?%)|\d{{2}}/\d{{2}}(?=\b))"
_RANGE = re.compile(
    rf"\b(?:(?:between|from|during the period|over the period|for the period)\s+(?:the\s+)?)(?P<a>{_DAY}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}(?:\s+\d{{4}})?|(?:19|20)\d{{2}})"
    rf"\s+(?:and|to|until|-|–)\s+(?P<b>{_DATE})",
    re.I,
)
_SINGLE = re.compile(
    rf"(?P<prep>\b(?:as of|as at|at the end of|at|on|in|since|until|by|for|from|prior to|before|during|end of)\s+(?:the\s+)?)?(?P<d>{_DATE})",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?P<rel>currently|at present|to date|so far|since the (?:launch|start|introduction|beginning|creation) of|(?:in|over|during|for) the (?:last|past|previous) (?:(?P<n>\d+|twelve|two|three) )?(?P<unit>months?|years?|calendar year)|this year|now)\b",
    re.I,
)
_WORDS = {"twelve": 12, "two": 2, "three": 3}


@dataclass(frozen=True)
class Found:
    """A period expression and where it sits in the sentence."""

    start: int
    end: int
    period: Period
    relative: bool = False


def find_periods(sentence: str, doc_date: date | None) -> list[Found]:
    """Every period expression in a sentence, left to right, without overlaps."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _RANGE.finditer(sentence):
        b = _parse(m.group("b"))
        a = _parse(m.group("a"), default_year=b[0].year if b else None)
        if a and b:
            found.append(Found(m.start(), m.end(), Period(m.group().strip(), a[0], b[1])))
            taken.append((m.start(), m.end()))
    for m in _SINGLE.finditer(sentence):
        if not free(m.start("d"), m.end("d")):
            continue
        span = _parse(m.group("d"))
        if not span:
            continue
        prep = (m.group("prep") or "").strip().lower()
        start, end = span
        if prep.startswith("since") or prep == "from":
            end = doc_date
        elif prep in {"prior to", "before"}:
            start, end = None, start - timedelta(days=1)
        elif prep.startswith("until") or prep == "by":
            start = None if prep.startswith("until") else start
        found.append(Found(m.start(), m.end(), Period(m.group().strip(), start, end)))
        taken.append((m.start(), m.end()))
    if doc_date:
        for m in _RELATIVE.finditer(sentence):
            if free(m.start(), m.end()):
                found.append(Found(m.start(), m.end(), _relative(m, doc_date), relative=True))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _relative(m: re.Match[str], doc_date: date) -> Period:
    rel = m.group("rel").lower()
    if m.group("unit"):
        unit = m.group("unit").lower()
        if unit == "calendar year":
            y = doc_date.year - 1
            return Period(m.group(), date(y, 1, 1), date(y, 12, 31))
        n = m.group("n") or "1"
        n = int(_WORDS.get(n.lower(), n)) if not n.isdigit() else int(n)
        months = n if unit.startswith("month") else 12 * n
        return Period(m.group(), _months_before(doc_date, months), doc_date)
    if rel.startswith("since"):
        return Period(m.group(), None, doc_date)
    if rel == "this year":
        return Period(m.group(), date(doc_date.year, 1, 1), doc_date)
    return Period(m.group(), doc_date, doc_date)


def parse_day(text: str) -> date | None:
    """"2 March 2023" -> the date, else None."""
    span = _parse(text)
    return span[0] if span and span[0] == span[1] else None


def _months_before(d: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day if it is shorter)."""
    total = d.year * 12 + d.month - 1 - months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _parse(text: str, default_year: int | None = None) -> tuple[date, date] | None:
    """The first and last day a date expression covers."""
    text = text.strip()
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})(?:\s+(\d{{4}}))?", text, re.I)
    if m:
        year = int(m.group(3)) if m.group(3) else default_year
        if not year:
            return None
        try:
            d = date(year, MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
        return d, d
    m = re.fullmatch(rf"({_MONTH})(?:\s+(\d{{4}}))?", text, re.I)
    if m:
        year = int(m.group(2)) if m.group(2) else default_year
        if not year:
            return None
        month = MONTHS[m.group(1).lower()]
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    m = re.fullmatch(r"((?:19|20)\d{2})\s?[/-]\s?(\d{2}|\d{4})", text)
    if m:
        first, second = int(m.group(1)), int(m.group(2))
        second = second if second > 100 else (first // 100) * 100 + second
        if second == first + 1:  # a financial year
            return date(first, 4, 1), date(second, 3, 31)
        if second > first:
            return date(first, 1, 1), date(second, 12, 31)
        return None
    m = re.fullmatch(r"(\d{2})/(\d{2})", text)
    if m and int(m.group(2)) == int(m.group(1)) + 1:
        first = 2000 + int(m.group(1))
        return date(first, 4, 1), date(first + 1, 3, 31)
    if re.fullmatch(r"(?:19|20)\d{2}", text):
        y = int(text)
        return date(y, 1, 1), date(y, 12, 31)
    return None
