"""Dates and periods as council papers write them: "31 August 2020", "November 2020", "2021/22".

Used on both sides: to read what period a question asks about, and to see whether a sentence
speaks of that period. Financial years ("2021/22", "2021-22") run April to March.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from kg.qa.records import DateSpan

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+((?:19|20)\d\d)\b", re.I)
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+((?:19|20)\d\d)\b", re.I)
FINANCIAL_YEAR = re.compile(r"\b((?:19|20)\d\d)\s*[/-]\s*(\d\d)\b(?!\s*[/-]?\d)")
YEAR = re.compile(r"(?<![\d£.,/-])((?:19|20)\d\d)(?![\d%])")
ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# "summer 2020", "the autumn of 2022": the meteorological seasons, as papers use them loosely.
SEASON_YEAR = re.compile(r"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d\d)\b", re.I)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
SEASONS = frozenset(_SEASONS)
UK_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")  # 23/02/2023: day first, as UK papers write
LATEST = re.compile(r"\b(latest|current(?:ly)?|most recent|now|at present|presently|today)\b", re.I)


# "apr 22", "oct 2023", "2 march 23": a month and year typed short. Two digits after a shortened
# month are its year (UK notes write the day first); after a full month, only when a day precedes.
_SHORT_DATE = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\.?\s+"
    r"['\u2019]?(\d\d|(?:19|20)\d\d)\b(?![/:.-]?\d)", re.I)


def dates_in_full(text: str) -> str:
    """``text`` with months typed short written in full ("apr 22 to mar 23": "April 2022 to
    March 2023"; "oct 2023": "October 2023"); other text unchanged."""
    def full(m: re.Match) -> str:
        day, name, year = m[1], m[2], m[3]
        shortened = len(name) <= 4 and name.lower() not in ("may", "june", "july")
        if len(year) == 2 and not (shortened or day):
            return m[0]  # "March 23" may be a day
        month = calendar.month_name[_month(name)]
        return f"{day + ' ' if day else ''}{month} {year if len(year) == 4 else '20' + year}"
    return _SHORT_DATE.sub(full, text)


def _month(name: str) -> int:
    return MONTHS[name.lower()[:4] if name.lower()[:4] in MONTHS else name.lower()[:3]]


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def find_spans(text: str) -> list[DateSpan]:
    """Every date or period written in ``text``, most specific first, without overlaps."""
    spans: list[DateSpan] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    for m in ISO.finditer(text):
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        spans.append(DateSpan(m[0], d, d))
        taken.append(m.span())
    for m in UK_NUMERIC.finditer(text):
        try:
            d = date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            continue
        spans.append(DateSpan(m[0], d, d))
        taken.append(m.span())
    for m in DAY_MONTH_YEAR.finditer(text):
        if not free(m):
            continue
        try:
            d = date(int(m[3]), _month(m[2]), int(m[1]))
        except (ValueError, KeyError):
            continue
        spans.append(DateSpan(m[0], d, d))
        taken.append(m.span())
    for m in MONTH_YEAR.finditer(text):
        if not free(m):
            continue
        try:
            y, mo = int(m[2]), _month(m[1])
        except KeyError:
            continue
        spans.append(DateSpan(m[0], date(y, mo, 1), _end_of_month(y, mo)))
        taken.append(m.span())
    for m in SEASON_YEAR.finditer(text):
        if not free(m):
            continue
        y, (first, last) = int(m[2]), _SEASONS[m[1].lower()]
        start = date(y - 1 if first > last else y, first, 1)  # winter 2023: December 2022 to February 2023
        spans.append(DateSpan(m[0], start, _end_of_month(y, last)))
        taken.append(m.span())
    for m in FINANCIAL_YEAR.finditer(text):
        if not free(m):
            continue
        y = int(m[1])
        if (y + 1) % 100 != int(m[2]):
            continue
        spans.append(DateSpan(m[0], date(y, 4, 1), date(y + 1, 3, 31)))
        taken.append(m.span())
    for m in YEAR.finditer(text):
        if not free(m):
            continue
        y = int(m[1])
        spans.append(DateSpan(m[0], date(y, 1, 1), date(y, 12, 31)))
        taken.append(m.span())
    return spans


def years_in(text: str) -> set[int]:
    """Calendar years written in ``text``, financial years counting both of theirs."""
    out = set()
    for span in find_spans(text):
        out.update(range(span.start.year, span.end.year + 1))
    return out


def wants_latest(text: str) -> bool:
    """True when the question asks for the current or most recent value."""
    return bool(LATEST.search(text))
