"""Answer composition from scored sentences.

Every sentence of the candidate paragraphs is scored on what the question needs: its words
(weighted by rarity in the corpus), the paragraph's retrieval score and fact boost, the answer
type (``typefit``) and the period asked about (``datefit``). This module holds the scored records
and turns the best sentence into the answer: a table cell, a list with its lead-in, a resolution
with its options, a second clause for a two-part question; trend questions get two or more values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.qa.counting import AS_WORD, WORD_NUMBERS
from kg.qa.records import Analysis, AnswerType
from kg.qa.typefit import ASKS_FOR_REPORTS, REPORT_REQUESTED, listed_noun
from kg.qa.sentences import Sentence, figures, sentences_of, trim

MAX_ANSWER = 380
ITEM_COVERAGE = 0.2  # an item this little about the question is answered for by its lead-in
MAX_LIST = 395  # a lead-in and its items
# "There are 4 key themes of the strategy, listed below": the items follow under their own headings.
ENUMERATES_BELOW = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w'\u2019-]+\s+){0,2}?"
                              r"([a-z]+s)\b.{0,60}?(?:listed below|set out below|below|as follows|following)", re.I)
_ENUMERATION = re.compile(r"\b(?:includ(?:e|es|ed|ing)|such as|namely|are|were)\b[^.]*,[^.]*,[^.]*\band\b")


def asked_count(question: str) -> int | None:
    """How many items a list question asks for: 4 in "What are the four areas…"."""
    noun = listed_noun(question)
    m = noun and re.search(rf"\b(\d+|{WORD_NUMBERS})\s+(?:[\w'\u2019-]+\s+){{0,2}}{re.escape(noun)}", question, re.I)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else next((int(k) for k, v in AS_WORD.items() if v == word), None)


@dataclass(frozen=True)
class Context:
    """A candidate paragraph with its retrieval evidence and the words around it."""

    paragraph_id: str
    text: str
    around: str  # heading path, document title, body and council: what the paragraph is about
    retrieval: float  # normalised fused score, 0..1
    boost: float  # from facts derived from this paragraph, 0..1
    rank: int
    dated: str = ""  # heading path and title only: the dates they state (not the meeting's)
    heading: str = ""  # the paragraph's own heading: the label of a bare value under it
    document_id: str = ""
    headed: bool = False  # a short value under a heading the question names in full (a form's field)


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
    unstated: tuple[str, ...] = ()  # salient words the sentence itself does not state


def coverage(stems: set[str], weights: dict[str, float]) -> float:
    """Weighted share of the question's stems present in ``stems``."""
    total = sum(weights.values())
    return sum(w for s, w in weights.items() if s in stems) / total if total else 0.0


def lead_in(best: Scored) -> Sentence | None:
    """The lead-in ending in a colon that the best sentence is an item of, in its paragraph."""
    before = [s for s in sentences_of(best.context.paragraph_id, best.context.text) if s.index < best.sentence.index]
    return next((s for s in reversed(before) if s.text.endswith(":")), None)


def compose(a: Analysis, best: Scored, ranked: list[Scored]) -> tuple[str, list[str]]:
    """The answer text and the paragraph ids it rests on, first the main one."""
    parts = [best.sentence]
    used = [best.context.paragraph_id]
    if a.answer_type == AnswerType.TREND:
        for extra in _trend_extras(a, best, ranked):
            parts.append(extra.sentence)
            if extra.context.paragraph_id not in used:
                used.append(extra.context.paragraph_id)
    elif a.answer_type == AnswerType.DECISION and _NOTING.search(best.sentence.text) and best.sentence.text != (
            clauses := _resolution(best, ranked)):
        # "The Committee agreed: a) to note the report" is rarely all it decided: the resolution's
        # other clauses follow.
        return trim(clauses, MAX_ANSWER), used
    elif a.answer_type == AnswerType.DECISION and (wanted := _items_asked(a.question)) > 1:
        if ASKS_FOR_REPORTS.search(a.question) and REPORT_REQUESTED.search(best.sentence.text):
            # "Which further reports did the committee ask for?": each report asked for in the
            # minutes, once, wherever it is recorded (in the discussion or the resolution).
            return trim(" ".join(_reports_asked(best, ranked, wanted)), MAX_ANSWER), used
        # "Which two reports did the Committee ask for?": the other clauses of the same resolution.
        more = [r for r in ranked if r.context is best.context and r.sentence.has_decision
                and r.sentence.index != best.sentence.index]
        parts.extend(r.sentence for r in more[: wanted - 1])  # the best of them, in the paper's order
        parts.sort(key=lambda x: x.index)
    elif a.answer_type == AnswerType.LIST and best.sentence.text.endswith(":"):
        # A lead-in answers with the items that follow it in its paragraph.
        items = sorted((r.sentence for r in ranked if r.context is best.context
                        and r.sentence.index > best.sentence.index), key=lambda x: x.index)
        listed = " ".join(f"{x.text.rstrip('.;')};" for x in items).rstrip(";") + "."
        text = f"{best.sentence.text} {listed}"
        # The items are the answer: when all of them do not fit beside the lead-in, they go alone.
        return trim(text if len(text) <= MAX_LIST else listed, MAX_LIST), used
    elif (a.answer_type == AnswerType.TEXT and best.coverage < ITEM_COVERAGE <= best.context_coverage
          and (lead := lead_in(best)) is not None):
        # "What did Ofsted say still needs to improve?" matches the lead-in ("What Ofsted have said
        # still need to improve:"), not its first item: the items together answer.
        items = sorted((r.sentence for r in ranked if r.context is best.context and r.sentence.index > lead.index),
                       key=lambda x: x.index)
        return trim(" ".join(f"{x.text.rstrip('.;')};" for x in items).rstrip(";") + ".", MAX_LIST), used
    elif a.answer_type == AnswerType.LIST and not _ENUMERATION.search(best.sentence.text):
        # "Exit interviews are offered…" is followed by what they found: "… include pay, career…".
        follow = [r.sentence for r in ranked if r.context is best.context
                  and r.sentence.index == best.sentence.index + 1 and _ENUMERATION.search(r.sentence.text)]
        parts.extend(follow[:1])
    elif a.answer_type == AnswerType.PERSON and re.match(r"authors?\b", best.sentence.text, re.I):
        # "Author: A, Post" is often followed by co-authors on lines of their own.
        follow = [r.sentence for r in ranked if r.context is best.context
                  and r.sentence.index == best.sentence.index + 1 and r.sentence.has_person]
        parts.extend(follow[:1])
    if a.answer_type == AnswerType.DATE and _TWO_DATES.search(a.question):
        # "When did the Council increase the allowance, and when had it last been increased before?"
        other = [r.sentence for r in ranked if r.context is best.context and r.sentence.index != best.sentence.index
                 and r.type_fit >= 0.8]
        parts = sorted(parts + other[:1], key=lambda x: x.index)
    if a.answer_type == AnswerType.DATE and _DATE_AND_TIME.search(a.question) and len(parts) == 1:
        # "What date and time was the meeting?": a form gives "Date: 2 March 2023" and "Time: 6.30pm" apart.
        lacks_time = not best.sentence.has_time
        other = [r.sentence for r in ranked if r.context is best.context and r.sentence.index != best.sentence.index
                 and (r.sentence.has_time if lacks_time else r.sentence.has_date)]
        parts = sorted(parts + other[:1], key=lambda x: x.index)
    if a.answer_type == AnswerType.YESNO and re.search(r"\bany\b", a.question, re.I) and not _NONE.search(best.sentence.text):
        # "Did Ofsted find any child at risk?": the sentence after the visit's says "they found no child…".
        # (or a few sentences on, when that one names what the question asks about and the best does not:
        # "16 young people … in unregulated provision. … none are resident in hotels or B&Bs.")
        named = [w for w in a.salient if w.lower() not in best.sentence.text.lower()]
        follow = [r.sentence for r in ranked if r.context is best.context and _NONE.search(r.sentence.text) and (
            r.sentence.index == best.sentence.index + 1 or (
                best.sentence.index < r.sentence.index <= best.sentence.index + 4
                and any(w.lower() in r.sentence.text.lower() for w in named)))]
        follow = sorted(follow, key=lambda x: x.index)[:1]
        if follow and follow[0].index > best.sentence.index + 1:
            # the one that names what is asked speaks first: it decides the answer (with the clause
            # it continues: "All … are placed in Supported Accommodation; none are resident in hotels")
            lead = [r.sentence for r in ranked if r.context is best.context and r.sentence.index == follow[0].index - 1
                    and follow[0].text[:1].islower()]
            parts = lead[:1] + follow + parts
        else:
            parts += follow
    if a.answer_type == AnswerType.YESNO and len(parts) == 1:
        # "There are no children sentenced to custody. However, seven have been remanded…": the
        # qualification that follows belongs to the answer.
        follow = [r.sentence for r in ranked if r.context is best.context
                  and r.sentence.index == best.sentence.index + 1 and _QUALIFIES.match(r.sentence.text)]
        parts.extend(follow[:1])
    if len(parts) == 1 and (cell := _table_cell(a.question, best.sentence.text)):
        return cell, used
    if len(parts) == 1 and a.answer_type not in (AnswerType.LIST, AnswerType.TREND):
        # "What was the deficit in 2021/22, and by when does the plan aim to remove it?": the
        # sentence of the paragraph that answers the second question joins the first.
        parts = parts + _second_answer(a.question, best, ranked)
    text = " ".join(p.text for p in parts)
    if len(text) > MAX_ANSWER and a.answer_type == AnswerType.TREND and len(parts) > 1:
        # Each value of a trend keeps its own clause: trimming the whole would drop the later ones.
        share = MAX_ANSWER // len(parts) - 1
        kept = (trim(p.text, share, tuple(figures(p.text)[:1])) for p in parts)
        return " ".join(k[:1].upper() + k[1:] for k in kept), used
    must = tuple(figures(parts[0].text)[:1])  # (the sentence that leads the answer)
    return trim(text, MAX_ANSWER, must), used


_SECOND_ASK = re.compile(r",?\s+and\s+(?=(?:when|who|whom|which|what|how|where|by when|by what|in what|is|are|was|were|"
                         r"did|does|has|have)\b)", re.I)
_CONTENT = re.compile(r"[A-Za-z][a-z'\u2019-]{3,}")


def _second_answer(question: str, best: Scored, ranked: list[Scored]) -> list[Sentence]:
    """The sentence of the best one's paragraph that shares most words with a second question
    joined by "and", when it shares two that the best sentence lacks."""
    cut = list(_SECOND_ASK.finditer(question))
    if not cut:
        return []
    second = question[cut[-1].end():]
    have = {w.lower() for w in _CONTENT.findall(best.sentence.text)}
    wanted = {w.lower() for w in _CONTENT.findall(second)} - _SECOND_STOP - have
    # (what the second question asks for must be there: a date for "when", a figure for "how many")
    kind = re.match(r"(?:by )?when\b|how (many|much)\b|who\b", second, re.I)
    asked = (kind.group(1) or kind.group(0).split()[-1]).lower() if kind else None
    fits = {"when": lambda x: x.has_date, "many": lambda x: bool(x.numbers), "much": lambda x: bool(x.numbers),
            "who": lambda x: x.has_person}.get(asked, lambda x: True)
    scored = [(len(wanted & {w.lower() for w in _CONTENT.findall(r.sentence.text)}), r.sentence) for r in ranked
              if r.context is best.context and r.sentence.index != best.sentence.index and fits(r.sentence)]
    top = max(scored, key=lambda x: (x[0], -abs(x[1].index - best.sentence.index)), default=(0, None))
    return [top[1]] if top[0] >= 2 else []


_SECOND_STOP = frozenset("what when which where does have were that this those these with from many much into "
                         "there their they them also other others".split())
_DATE_AND_TIME = re.compile(r"\b(?:date|day)\b.{0,20}\band\b.{0,12}\btime\b|\btime\b.{0,20}\band\b.{0,12}\b(?:date|day)\b", re.I)
_TWO_DATES = re.compile(r"\bwhen\b.*\band (?:when|since when|on what date|in what year)\b", re.I)
_QUALIFIES = re.compile(r"(?:however|but|although|that said|nevertheless|nonetheless)\b", re.I)
_NUMBERED = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _table_cell(question: str, text: str) -> str | None:
    """"What risk rating is given to recruitment?" over a table row ("Risk | … | Risk rating —
    Recruitment & retention | … | BII"): the row's label and the cell under the column named."""
    if " \u2014 " not in text or " | " not in text:
        return None
    header, row = (x.split(" | ") for x in text.split(" \u2014 ", 1))
    if len(header) != len(row) or len(header) < 3:
        return None
    asked = set(re.findall(r"[a-z0-9]+", question.lower()))
    named = [(len(h), i) for i, h in enumerate(header) if i and h.strip()
             and set(re.findall(r"[a-z0-9]+", h.lower())) <= asked]
    if not named:
        return None
    i = max(named)[1]
    return f"{row[0].strip()} \u2014 {header[i].strip()}: {row[i].strip()}"


_NONE = re.compile(r"\b(?:no|none|nil|nobody|not any)\b", re.I)
_NOTING = re.compile(r":\s*\(?[a-z]\)\s*(?:to )?not(?:e|ed)\b", re.I)


def _resolution(best: Scored, ranked: list[Scored]) -> str:
    """The labelled clauses of the resolution ``best`` opens, in the paper's order."""
    lead = best.sentence.text.split(":", 1)[0]
    clauses = sorted((r.sentence for r in ranked if r.context is best.context and r.sentence.text.startswith(lead + ":")),
                     key=lambda x: x.index)
    rest = [c.text.split(":", 1)[1].strip() for c in clauses if c.index != best.sentence.index]
    return " ".join([best.sentence.text] + rest) if rest else best.sentence.text


_REPORT_TOPIC = re.compile(r"\b(?:on|about|into|regarding|concerning)\s+(?:the\s+)?((?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+)")


def _reports_asked(best: Scored, ranked: list[Scored], wanted: int) -> list[str]:
    """The sentences of the best one's paper that ask for a report, one per report topic."""
    topics: list[set[str]] = []
    out = []
    for r in [best] + [r for r in ranked if r.context.document_id == best.context.document_id]:
        if not REPORT_REQUESTED.search(r.sentence.text) or r.sentence.text in out:
            continue
        m = _REPORT_TOPIC.search(r.sentence.text[REPORT_REQUESTED.search(r.sentence.text).start():])
        topic = set(re.findall(r"[a-z]{4,}", m.group(1).lower())) if m else set()
        if topic and any(topic & seen for seen in topics):
            continue  # the same report, recorded twice
        topics.append(topic)
        out.append(r.sentence.text)
        if len(out) == wanted:
            break
    return out


def _items_asked(question: str) -> int:
    """How many decisions a question asks for: "which two reports" 2, "which reports" 3, else 1."""
    m = re.search(r"\b(?:which|what) (two|three|four|2|3|4)\b", question, re.I)
    if m:
        return _NUMBERED[m.group(1).lower()]
    plural = re.search(r"\bwhich (?:[\w-]+ )?(?:reports|subjects|items|actions|recommendations|topics|updates)\b", question, re.I)
    return 3 if plural else 1


def _trend_extras(a: Analysis, best: Scored, ranked: list[Scored]) -> list[Scored]:
    """Sentences that add the values a trend answer still lacks: another period or a second figure."""
    have_text = best.sentence.text.lower()
    missing = [d for d in a.dates if d.label.lower() not in have_text
               and not (d.start.year == d.end.year and d.start.year in best.sentence.years
                        and d.start.month == 1 and d.end.month == 12)]
    extras: list[Scored] = []
    for span in missing:
        pick = next((r for r in ranked[1:12] if r.sentence.numbers and r not in extras
                     and r.sentence.text != best.sentence.text
                     and (span.label.lower() in r.sentence.text.lower()
                          or (span.start.year in r.sentence.years and span.start.month == 1 and span.end.month == 12))
                     and r.coverage >= 0.4 * best.coverage), None)
        if pick is not None:
            extras.append(pick)
    if not extras and len(set(best.sentence.numbers)) < 2:
        pick = next((r for r in ranked[1:6] if r.sentence.numbers and r.coverage >= 0.5 * best.coverage
                     and set(r.sentence.numbers) - set(best.sentence.numbers)
                     and r.sentence.text != best.sentence.text), None)
        if pick is not None:
            extras.append(pick)
    return extras[:2]
