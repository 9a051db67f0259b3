"""The period a question asks about, moved by its wording: "a year after the inspection",
"before the 2019 report", "since …" widen or shift the dates the question states."""

from __future__ import annotations

import calendar
import re
from datetime import date

from kg.qa.records import DateSpan

# "a year after the July 2023 inspection"; not "in the 12 months before…", which is a period
# ending at the date and already overlaps it.
_RELATIVE = re.compile(r"(?<!the )\b(a|an|1|2|3|4|5|6|7|8|9|10|11|12)\s+(year|month)s?\s+(after|later than|on from)\s+"
                       r"(?:the\s+)?$", re.I)


# "over the two years to 2023", "in the 12 months to August 2023": a period ending at the date
_UP_TO = re.compile(r"\bthe\s+(?:last\s+|past\s+|previous\s+)?(a|one|two|three|four|five|six|nine|twelve|\d{1,2})\s+"
                    r"(year|month)s?\s+(?:to|up to|ending|ended|until)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12}


def shifted(question: str, span: DateSpan) -> DateSpan:
    """"a year after the July 2023 inspection" asks about July 2024, not July 2023; "the two
    years to 2023" about 2021 to 2023."""
    at = question.find(span.label)
    if at >= 0 and (up := _UP_TO.search(question, 0, at)) is not None:
        count = _COUNTS.get(up.group(1).lower()) or int(up.group(1))
        months = count * (12 if up.group(2).lower() == "year" else 1)
        return DateSpan(f"{up.group(0)}{span.label}", _add_months(span.start, -months), span.end)
    m = _RELATIVE.search(question, 0, at) if at >= 0 else None
    if m is None:
        return span
    count = 1 if m.group(1).lower() in ("a", "an") else int(m.group(1))
    months = count * (12 if m.group(2).lower() == "year" else 1)
    return DateSpan(f"{m.group(0)}{span.label}", _add_months(span.start, months), _add_months(span.end, months, end=True))


def _add_months(day: date, months: int, end: bool = False) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, last if end and day.day == calendar.monthrange(day.year, day.month)[1] else min(day.day, last))


BESIDE_YEARS = 10  # how far before or after a dated event a question asks ("when had allowances last gone up before…")
_AFTER = re.compile(r"\b(?:after|following|since)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_BEFORE = re.compile(r"\b(?:before|prior to|ahead of)\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def beside(question: str, span: DateSpan) -> DateSpan:
    """"When was the fifth visit after the 2019 inspection?" asks about the years after 2019, not
    2019; "before the October 2022 increase", about the years up to it."""
    head = question[:max(0, question.find(span.label))]
    if _AFTER.search(head):
        return DateSpan(span.label, span.start, date(span.end.year + BESIDE_YEARS, 12, 31))
    if _BEFORE.search(head):
        return DateSpan(span.label, date(span.start.year - BESIDE_YEARS, 1, 1), span.end)
    return span
