"""Whether a sentence states the period a question asks about, and whether a date it states
belongs to the event asked about rather than to a point of reference or another event."""

from __future__ import annotations

import re

from kg.qa.dates import find_spans
from kg.qa.records import Analysis, AnswerType, DateSpan
from kg.qa.sentences import Sentence


def date_fit(a: Analysis, s: Sentence, paragraph_spans: list[DateSpan]) -> float:
    """1 when the sentence states the period asked about, 0.7 when its paragraph does, 0.4 when
    only a coarser period covers it ("2021" for "March 2021"), 0 when nothing near does."""
    asked = [d for d in a.dates]
    if not asked:
        return 0.5
    if a.answer_type == AnswerType.FIGURE and len(asked) > 1:
        # "How many … in August 2022, a year before the August 2023 count?": the figure asked is
        # of the date its event has; the others are points of reference
        asked = [d for d in asked if _dates_the_event(a.question, d.label)] or asked
    mine = find_spans(s.text)

    def fit(q: DateSpan, spans: list[DateSpan]) -> tuple[bool, bool]:
        width = (q.end - q.start).days + 1
        over = [x for x in spans if x.overlaps(q.start, q.end)]
        return any((x.end - x.start).days + 1 <= 2 * width + 31 for x in over), bool(over)

    best = 0.0
    for q in asked:
        width = (q.end - q.start).days
        # The sentence lists years like the one asked ("2020/21, 2021/22…" for "2019/20") but
        # not it: its paragraph's other dates do not make up for that. (Days and months are
        # left alone: "74 per 10,000, compared to 72 at 31 March" speaks of another day too.)
        # A year the question asks about (not one naming a paper: "the 2020 report") is not
        # answered by a sentence dated in another year or a month of one ("In June 2022, …").
        names_paper = re.search(rf"{re.escape(q.label)}\s+(?:[\w'\u2019-]+\s+){{0,2}}{_PAPER}", a.question, re.I)
        alike = [x for x in mine if (x.end - x.start).days <= width + 40 if not names_paper
                 or abs((x.end - x.start).days - width) <= 40] if width >= 300 else []
        if alike and not any(x.overlaps(q.start, q.end) for x in alike):
            continue
        # A month asked about ("in March 2023") is not answered by a sentence that dates its event
        # to another month of another year ("In March 2022, … attended by over 100").
        months = [x for x in mine if (x.end - x.start).days <= 31 and re.search(r"\d{4}", x.label)] if (
            width <= 31 and a.answer_type != AnswerType.DECISION and _dates_the_event(a.question, q.label)) else []
        # (a decision is dated by its meeting: "resolved on 14 November 2024 … to the 23 January 2025 meeting")
        if months and not any(x.overlaps(q.start, q.end) for x in months) and all(
                abs(x.start.year - q.start.year) >= 1 for x in months):
            continue
        if a.answer_type == AnswerType.FIGURE and _baseline_only(q, s.text, mine):
            continue  # "26 since April 2022, better than in 2021-22" gives no figure for 2021-22
        if a.answer_type == AnswerType.FIGURE and not names_paper and _measured_elsewhen(q, s, a.question):
            continue  # "in October 2022 … to 84 posts as at the end of June 2023": 84 is June's
        exact_s, any_s = fit(q, mine)
        exact_p, any_p = fit(q, paragraph_spans)
        best = max(best, 1.0 if exact_s else 0.7 if exact_p else 0.4 if (any_s or any_p) else 0.0)
    return best


def _dates_the_event(question: str, label: str) -> bool:
    """Whether the date ``label`` is when the thing asked about happened: in the asking sentence,
    not a period's start or end ("since May 2019"), not a paper's or meeting's date ("the October
    2023 report") and not a scene set before the question ("… launched in November 2022. How many…")."""
    asking = re.split(r"(?<=[.!?])\s+", question.strip())[-1]
    at = asking.lower().find(label.lower())
    if at < 0:
        return False
    before, after = asking[:at].lower(), asking[at + len(label):]
    return not re.search(r"\b(?:since|from|after|before|until|till|to|between|and|by)\s+(?:the\s+)?$", before) and not re.search(
        r"\b(?:compared (?:with|to)|than|against|versus|vs)\b[^,?]{0,50}$", before) and not re.search(
        rf"\b(?:{_PAPER_WORDS}|meeting)\s+(?:(?:of|dated|on)\s+)?$", before) and not re.match(
        rf"\s+(?:[\w'\u2019-]+\s+)?(?:{_PAPER_WORDS}|{_PART_WORDS}|meeting|committee|cabinet|council)\b", after, re.I) and not re.match(
        r"\s*(?:to|-|\u2013|until|and)\s", after)  # (nor a range's start: "April 2022 to March 2023")


_PART_WORDS = r"section|chapter|appendix|annex|table|theme|document|pack|figures?|data|count|return"
# "… better than in 2021-22", "compared with 2019", "up from 2020": a period a figure is set against
_BASELINE = re.compile(r"\b(?:than|compared (?:to|with)|against|(?:up|down|rising|falling|risen|fallen|rose|fell) from)"
                       r"\s+(?:(?:in|at|on|the|during|for|of|that|those|levels?)\s+){0,3}$", re.I)
_PAPER_WORDS = r"report|strategy|update|paper|plan|review|assessment|briefing|minutes|agenda"
_PAPER = rf"(?:{_PAPER_WORDS})\b"


def _baseline_only(q: DateSpan, text: str, spans: list[DateSpan]) -> bool:
    """True when the sentence names the asked period only as the baseline of a comparison and
    dates its own figure otherwise ("since April 2022 … 26, better than in 2021-22")."""
    over = [x for x in spans if x.overlaps(q.start, q.end)]
    if not over or len(over) == len(spans):
        return False
    for x in over:
        at = text.find(x.label)
        if at < 0 or not _BASELINE.search(text[max(0, at - 40):at]):
            return False
    return True


_AS_AT = re.compile(r"^[^.;()]{0,30}?\bas (?:at|of) (?:the )?(?:end of |start of )?", re.I)


def _measured_elsewhen(q: DateSpan, s: Sentence, question: str) -> bool:
    """Whether every figure the sentence gives (and the question does not) is measured "as at" a
    date, none of them the one asked."""
    asked = question.lower()
    dated = []
    for n in (n for n in s.numbers if n.lower() not in asked):
        at = s.text.find(n)
        m = _AS_AT.match(s.text[at + len(n):]) if at >= 0 else None
        spans = find_spans(s.text[at + len(n) + m.end():][:40]) if m else []
        if not spans:
            return False
        dated.append(spans[0])
    return bool(dated) and not any(x.overlaps(q.start, q.end) for x in dated)
