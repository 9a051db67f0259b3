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

from kg.qa.records import Analysis, AnswerType, DateSpan
from kg.qa.dates import find_spans
from kg.qa.sentences import Sentence, figures, sentences_of, trim

MAX_ANSWER = 380
ITEM_COVERAGE = 0.2  # an item this little about the question is answered for by its lead-in
MAX_LIST = 395  # a lead-in and its items
# A post named as the one who did something: the answer to "which officer…" when no name is given.
_POST = re.compile(
    r"\b(?:(?:Assistant|Deputy|Corporate|Strategic|Service|Operational)\s+)?"
    r"(?:Head of [A-Z][\w'\u2019&,-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w'\u2019&-]*){0,5}|"
    r"Director(?: of [A-Z][\w'\u2019&-]*(?:\s+(?:and\s+)?[A-Z][\w'\u2019&-]*){0,4})?|Chief Executive|"
    r"Portfolio Holder(?: for [A-Z][\w'\u2019&-]*(?:\s+(?:and\s+)?[A-Z][\w'\u2019&-]*){0,4})?|"
    r"Lead Member|Principal Social Worker|Monitoring Officer|Chief (?:Finance )?Officer|Chief (?:Nurse|Constable|Medical Officer|"
    r"Social Worker|Inspector)|Chair(?:man)?|Leader of the Council)")
_WHO_HOLDS = re.compile(r"\s*who (?:is|was) (?:the|our|their|its) (?:[\w'\u2019-]+ ){0,3}?(?:councillor|portfolio holder|"
                        r"lead member|cabinet member|leader|chair|mayor|director|head)\b", re.I)
_ASKS_FOR_ROLE = re.compile(
    r"\bwhich (?:senior |lead |named |responsible )?(?:officer|director|head|manager|post|role|officers)\b|"
    r"\bwho (?:introduced|presented|answered|responded|replied|explained|reported|gave|spoke|said|led|told|stated|noted|"
    r"confirmed|advised|informed|clarified|suggested|commented|highlighted|acknowledged|assured)\b|"
    r"\bwho (?:will|would|is to|is going to|was to|(?:is|was|were) (?:proposed|expected|due|set|planned|intended) to) "
    r"(?:chair|lead|head|run|oversee)\b|"
    r"\bwho (?:was|were|is|are) (?:the \w+ )?asked to (?:\w+ ){0,4}?(?:delegate|refer|report)\w*|"
    r"\bwho (?:was|were|is|are|will be) (?:to be )?(?:given|granted|delegated|assigned|tasked|responsible)\b|"
    r"\bwho\b.{0,40}\b(?:be|been) (?:delegated|given authority|granted authority)\b|"
    r"\b(?:delegat\w*|referr?\w*)\b.{0,80}\bto\?|"
    # "who was the committee asked to give the job of … to", "who was to be handed the job": a post will do
    r"\b(?:who|whom)\b.{0,60}\b(?:give|given|hand|handed|pass|passed|entrust\w*|assign\w*|delegat\w*|refer\w*)\b", re.I)
_ASKS_REQUEST = re.compile(r"\b(?:(?:was|were|is|are|been|being) (?:[\w'-]+ ){0,4}?(?:asked|invited|requested)|recommend\w*|"
                           r"propos\w*)\b", re.I)
_REQUEST = re.compile(r"\b(?:(?:is|are|was|were|being) (?:being )?(?:asked|invited|requested) to|recommend(?:s|ed|ation)?|"
                      r"propos(?:e|es|ed|al))\b", re.I)
# "What did the committee decide / resolve / adopt …?": what a body itself decided
_ASKS_RESOLVED = re.compile(r"\b(?:did|has|have|had)\s+(?:the\s+)?[\w'\u2019 -]{0,60}?\b(?:decide|resolve|adopt|agree)\b|"
                            r"\b(?:what|which) (?:formal )?(?:resolution|decision)s? did\b", re.I)
_RECORDED = re.compile(r"\b(?:Committee|Cabinet|Council|Board|Panel|Forum|[Mm]embers)\s+(?:\w+\s+)?(?:noted|agreed|resolved|"
                       r"decided|approved|endorsed|accepted|rejected|deferred)\b|\bRESOLVED\b|"
                       r"\bit was (?:\w+\s+){0,3}?(?:agreed|resolved|decided)\b")
_ASKS_FOR_REPORTS = re.compile(r"\b(?:reports?|updates?|briefings?)\b(?=.*\b(?:future|further|come back|return|later|"
                               r"next|subsequent|follow-up)\b)|\b(?:future|further|later|follow-up)\b(?=.*\b(?:reports?|"
                               r"updates?|briefings?)\b)|\bwhat (?:[\w-]+ )?follow[- ]?ups?\b", re.I)
_REPORT_REQUESTED = re.compile(r"\b(?:a|an|the|further|progress)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:report|update|briefing)s?\b"
                               r".{0,160}?\b(?:be|is|was|were)\s+(?:\w+\s+)?(?:presented|brought|submitted|provided|"
                               r"considered|received|circulated|shared)\b", re.I)
# A rate per unit, as questions ask for it and as papers write it ("£4,000pw", "a weekly cost of").
_PER = {unit: (re.compile(rf"\bper {unit}\b|\b{unit}ly\b|\ban? {unit}\b", re.I),
               re.compile(rf"\bper {unit}\b|\b{unit}ly\b|\ban? {unit}\b|/\s?{unit}\b|\d\s?p/?{unit[0]}\b", re.I))
        for unit in ("hour", "week", "month")}
# "the average caseload per worker", "how many … does each adviser have": a ratio, not a count
_ASKS_RATIO = re.compile(r"\b(?:on average|average|mean|median)\b|\b(?:each|every|per(?!\s+(?:the|a|an|its|their|our|his|her)\b))\s+(?!hour|week|month|year|annum|day)"
                         r"(?:[a-z'\u2019-]+\s+){0,2}?(?:worker|officer|adviser|advisor|carer|school|teacher|child|pupil|"
                         r"member|team|home|place|bed|head|resident|household)s?\b", re.I)
_RATIO = re.compile(r"\b(?:per|each|every|average|averag\w*|mean|median|ratio|caseloads?|one in|1 in|out of)\b|"
                    r"\d\s*:\s*\d|\d\s*/\s*\d|\d(?:\.\d+)?\s*(?:%|per cent)", re.I)
_LISTED = re.compile(r"\b(?:what|which|who)(?: [\w-]+)? (?:are|were) (?:the|its|their|our) (?:\d+ |two |three |four |five |six |seven |eight |"
                     r"nine |ten )?(?:[\w'\u2019-]+ ){0,2}?([a-z]+(?:-[a-z]+)*s)\b|"
                     r"\b(?:what|which) (?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:[\w'\u2019-]+ ){0,2}?([a-z]+(?:-[a-z]+)*s)\b|"
                     r"^\s*(?:list|name) (?:the |all )?(?:\d+ |two |three |four |five |six |seven |eight |nine |ten )?"
                     r"(?:[\w'\u2019-]+ ){0,2}?([a-z]+s)\b|"
                     # a query typed as keywords: "4 key themes of the strategy", "key risks listed in…"
                     r"^(?!\s*(?:what|which|who|how|when|where|why|is|are|was|were|did|does|do|has|have|in|on|at|for|"
                     r"from|after|following|according|during|since|under|within|by)\b)\s*(?:the\s+)?"
                     r"(?:\d+ |two |three |four |five |six |seven |eight |nine |ten )?(?:[\w'\u2019-]+ ){0,4}?([a-z]+s)\b", re.I)
# A lead-in whose items follow it as a table or list.
FOLLOWING = re.compile(r"\b(?:the following|as follows|set out below|listed below|in the table below)\b", re.I)
# "There are 4 key themes of the strategy, listed below": the items follow under their own headings.
ENUMERATES_BELOW = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w'\u2019-]+\s+){0,2}?"
                              r"([a-z]+s)\b.{0,60}?(?:listed below|set out below|below|as follows|following)", re.I)


_ENUMERATION = re.compile(r"\b(?:includ(?:e|es|ed|ing)|such as|namely|are|were)\b[^.]*,[^.]*,[^.]*\band\b")


def asked_count(question: str) -> int | None:
    """How many items a list question asks for: 4 in "What are the four areas…"."""
    noun = listed_noun(question)
    m = noun and re.search(rf"\b(\d+|{_WORD_NUMBERS})\s+(?:[\w'\u2019-]+\s+){{0,2}}{re.escape(noun)}", question, re.I)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else next((int(k) for k, v in _AS_WORD.items() if v == word), None)


def _other_event(question: str, text: str, label: str) -> bool:
    """Whether the date ``label`` is what another event than the question's happened on ("published
    on 11 September" for "when did the inspection take place?")."""
    at = text.find(label)
    m = _EVENT_BEFORE.search(text, max(0, at - 40), at) if at > 0 else None
    if m is None:
        return False
    asked = question.lower()
    return not any(re.search(rf"\b{w}", asked) for w in _EVENT_WORDS.get(m.group(1).lower(), (m.group(1).lower()[:5],)))


# what happens to a paper, beside what the paper is about
_EVENT_BEFORE = re.compile(r"\b(published|issued|circulated|updated|despatched|dispatched)\s+"
                           r"(?:(?:on|in|at|from|by|the|of)\s+){0,3}$", re.I)
# (a report "came out"; an inspection "carried out" is not its publishing)
_EVENT_WORDS = {"published": ("publish", r"(?:come|came|comes|coming|went|go|goes|gone|be) out\b", "issue", "release"),
                "issued": ("publish", "issue", "release")}


def listed_noun(question: str) -> str | None:
    """What a list question asks for: "themes" in "What are the four themes of the strategy?"."""
    m = _LISTED.search(question)
    return next(g for g in m.groups() if g).lower() if m else None


# "What time did the meeting start?": a clock time; "when does the programme start?" is a date.
# (not "supervised family time", "time to decide", "a time of change")
ASKS_CLOCK_TIME = re.compile(r"\b(?:what|which|start(?:ing)?|finish(?:ing)?|end(?:ing)?|the|a|its) time\b"
                             r"(?!\s+(?:frame|scale|period|limit|to|of (?:year|change)))|\btime (?:of|did|does|will|was|is)\b|"
                             r"\bmeeting\b.*\bstart|\bstart\w*\b.*\bmeeting\b", re.I)
_ASKS_DAY = re.compile(r"\b(?:exact|precise|specific) (?:date|day)\b|\bon what (?:date|day)\b", re.I)
_ASKS_DURATION = re.compile(r"\b(?:how long|within what|over what period|for what period|"
                            r"what (?:period|timescale|timeframe|time ?frame))\b", re.I)
_DURATION = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)"
                       r"(?:\s|-)(?:calendar |working |school )?(?:years?|months?|weeks?|days?|hours?|minutes?)\b", re.I)
# "When will … happen?" may be answered "in a year", "within six months", "next spring".
_ASKS_FUTURE = re.compile(r"\b(?:will|due|scheduled|planned|expected|next)\b", re.I)
_RELATIVE_TIME = re.compile(r"\b(?:in|within|after)\s+(?:a|an|one|two|three|four|five|six|nine|twelve|eighteen|\d+)\s+"
                            r"(?:years?|months?|weeks?)(?:['\u2019]s time)?\b|\bnext (?:year|month|spring|summer|autumn|winter)\b|"
                            r"\blater (?:this|in the) year\b", re.I)
# An inspection grade: the words of Ofsted's and CQC's scales, as the papers capitalise them.
_GRADE = re.compile(r"\b(?:Outstanding|Good|Requires [Ii]mprovement(?: to be [Gg]ood)?|Inadequate)\b|"
                    r"\b(?:requires improvement|inadequate|outstanding)\b|"
                    r"\b(?:rated|judged|graded|assessed|found to be)(?: as| to be)? good\b")


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


_ASKS_PERCENT = re.compile(r"\b(?:percentage|per ?cent)\b|%|\b(?:what|which) (?:share|proportion|fraction)\b", re.I)
# a share as papers write it without a per cent sign: "1 in 5", "out of 63", "half", "a third"
_SHARE = re.compile(r"\b\d+ in (?:\d+|every)\b|\bout of\b|\b(?:half|third|quarter|majority|minority)\b|\bper 1[0,]*\b", re.I)


def type_fit(a: Analysis, s: Sentence, question_numbers: set[str], names: frozenset[str] = frozenset()) -> float:
    """How well a sentence can carry the expected kind of answer (0..1)."""
    new_numbers = [n for n in s.numbers if n.lower() not in question_numbers]
    t = a.answer_type
    text = s.text.lower()
    if t == AnswerType.FIGURE:
        if not new_numbers:
            return 0.0
        if a.unit_hint == "count" and all(n.endswith("%") or "£" in n or "per" in n for n in new_numbers):
            return 0.3  # "how many" answered by a share or a sum of money
        unit = {"percent": "%" in text or "per cent" in text, "GBP": "£" in text or "pounds" in text,
                "rate": "per 10,000" in text, "count": True}.get(a.unit_hint or "count", True)
        if not unit and a.unit_hint == "GBP":
            return 0.1  # "what was the budget" answered by a count of children
        if not unit and a.unit_hint == "percent" and _ASKS_PERCENT.search(a.question) and not _SHARE.search(text):
            return 0.1  # "what percentage were agency staff" answered by a count of posts
        if re.search(r"\brates?\b", a.question, re.I) and not re.search(
                r"%|per cent|£|\bper\b|\ban? (?:hour|week|day|month|year)\b|\b\d+ in \d|\bout of\b", text):
            return 0.3  # "what was the attendance rate" is not answered by "2 new provisions"
        per = next((u for u, (asks, _) in _PER.items() if asks.search(a.question)), None)
        if per and not _PER[per][1].search(text):
            return 0.1  # "what do we pay per hour" answered by a total
        if per is None and _ASKS_RATIO.search(a.question) and not _RATIO.search(text):
            return 0.1  # "how many children does each worker have" answered by how many workers joined
        if not _ASKS_CHANGE.search(a.question) and all(_is_change(n, text) for n in new_numbers):
            return 0.1  # "what is the total budget" answered by what was added to it
        if re.search(r"\bout of how many\b", a.question, re.I) and re.search(
                r"\bout of (?:an? |the )?(?:possible |total of |maximum of )?\d", text):
            return 1.0  # "how many … and out of how many?": "26 … out of a possible 63"
        counted = _counted(a.question)
        if counted and re.search(rf"(?:\d[\d,.]*%?|{_WORD_NUMBERS})\s+(?:[\w'\u2019-]+\s+){{0,3}}{re.escape(counted)}"
                                 r"(?!['\u2019]s)", text):
            return 1.0  # (but "26 children's adoption plans" counts plans)
        if counted and re.search(rf"\b{re.escape(counted)}\b[^.;]{{0,12}}\b(?:and|of (?:which|these|them)|,)\s+"
                                 rf"(?:\d[\d,]*|{_WORD_NUMBERS})\s+(?:were|was|are|had|have)\b", text):
            return 1.0  # "… referrals for family group conferences and 97 were held"
        if (counted and a.unit_hint == "count" and _counts_other(counted, text)
                and not re.search(r"\bout of how many\b", a.question, re.I)):
            return 0.3  # "94 schools … did not issue any exclusions" counts schools, not exclusions
        if counted and all(n.isalpha() for n in new_numbers):
            return 0.3  # "four years ago" does not count the children asked about
        if counted and a.unit_hint == "count" and counted not in _UNITS and all(
                re.search(rf"(?<![\w.,]){re.escape(n)}\s+(?:[a-z]+\s+)?{_PERIOD_UNIT}", text) for n in new_numbers):
            return 0.3  # nor does "over each of the last 3 years"
        if counted and singular(counted) not in text and not (
                singular(counted) == "child" and any(re.search(rf"\b{w}\b", text) for w in _CHILDREN)):
            return 0.5
        return 0.8 if unit else 0.5
    if t == AnswerType.TREND:
        shares = [n for n in new_numbers if n.endswith("%")]
        if a.unit_hint == "percent" and (shares or "per cent" in text):
            # "By what percentage have caseloads risen?": one change in per cent is the answer.
            return 1.0 if s.has_comparison or len(shares) >= 2 else 0.8
        if len(new_numbers) >= 2:
            return 1.0 if s.has_comparison else 0.8
        return 0.5 if new_numbers else 0.0
    if t == AnswerType.PERSON:
        asked = a.question.lower().replace("\u2019", "'")
        plain = text.replace("\u2019", "'")
        if s.has_person or any(n not in asked and re.search(rf"\b{re.escape(n)}\b", plain) for n in names):
            return 1.0
        # "Which officer introduced…" is answered by a post ("The Head of Commissioning introduced…");
        # "who is the Head of…" asks for the holder's name, so a post does not answer it.
        posts = [m.group(0).lower() for m in _POST.finditer(s.text)]
        if not any(p not in asked for p in posts):
            return 0.1
        # "Who chairs…" asks for a name; "which officer…", "who was given authority…" a post will do.
        # ("Who is the councillor in charge of …, who gave the report?" asks for the holder's name.)
        if _WHO_HOLDS.match(a.question):
            return 0.1
        if _ASKS_FOR_ROLE.search(a.question):
            return 0.8
        # "Who co-chairs the board with me?": a post the question does not name ("the Chief
        # Nurse") is a weak answer; "the Chairman" for "who chairs" only repeats the question.
        return 0.5 if any(not any(w[:5] in asked for w in p.split() if len(w) > 3) for p in posts) else 0.1
    if t == AnswerType.RATING:
        if not _GRADE.search(s.text, 1):
            return 0.1  # a capital "Good" opening a sentence is no grade
        # The overall grade does not answer a question about one judgement area, nor the reverse.
        return 1.0 if ("overall" in text) == ("overall" in a.question.lower()) else 0.5
    if t == AnswerType.DATE:
        if _ASKS_DURATION.search(a.question):  # "how long ago", "within what period": "four years", "16 weeks"
            return 1.0 if _DURATION.search(s.text) else 0.3
        if ASKS_CLOCK_TIME.search(a.question):
            return 1.0 if s.has_time else 0.1
        asked = {d.label.lower() for d in a.dates}
        fresh = [d for d in find_spans(s.text) if d.label.lower() not in asked]
        if a.dates and _AFTER.search(a.question):
            # "the next meeting after the October 2023 meeting": a date before it does not answer
            # (the event's own date, as written: the question asks about the years after it; a date
            # inside the event's year that ends with it, "by December 2023" after "the 2023 ILACS", is after)
            events = [y for x in a.dates for y in find_spans(x.label) or [x]]
            fresh = [d for d in fresh if all(d.start > y.start and d.end >= y.end for y in events)]
        # "… took place in July 2023, published on 11th September 2023": the day is another event's
        fresh = [d for d in fresh if not _other_event(a.question, s.text, d.label)]
        if any(d.start == d.end for d in fresh):
            return 1.0  # a day: what "when" asks for
        if _ASKS_DAY.search(a.question) and not any((d.end - d.start).days < 32 for d in fresh):
            return 0.1  # "on what exact date": "in spring 2023" does not give it
        if any((d.end - d.start).days < 32 for d in fresh):
            return 0.8  # a month
        if not fresh and _ASKS_FUTURE.search(a.question) and _RELATIVE_TIME.search(s.text):
            return 0.6  # "when will Ofsted return?": "in a year", "within six months"
        return 0.6 if fresh else (0.3 if s.has_date else 0.1)
    if t == AnswerType.LIST and (noun := listed_noun(a.question)):
        # "What are the four themes of the strategy?": a sentence that counts or names them.
        stem = singular(noun)
        if stem in _QUANTITIES and not new_numbers:
            return 0.1  # "what are the top-up amounts for each band": amounts are figures
        count = re.search(rf"\b(\d+|{_WORD_NUMBERS})\s+(?:[\w'\u2019-]+\s+){{0,2}}{re.escape(noun)}", a.question, re.I)
        said = count and "|".join({count.group(1).lower(), _AS_WORD.get(count.group(1), count.group(1).lower())})
        if said and re.search(rf"\b(?:{said})\s+(?:[\w'\u2019-]+\s+){{0,2}}[a-z]+s\b", text):
            return 1.0  # "the three safeguarding partners" for "which three organisations"
        if not re.search(rf"\b{re.escape(stem)}", text):
            return 0.5 if count else 0.6  # "the four themes": a sentence not about themes is weak
        if FOLLOWING.search(s.text) and not s.text.endswith(":"):
            return 0.9  # "The following represent the key risks…": a table of them follows
        if s.text.endswith(":"):
            return 0.5 if count else 0.9  # "The themes are:", the items follow (but "which three…" wants them counted)
        numbers = said or rf"\d+|{_WORD_NUMBERS}"
        if re.search(rf"(?:{numbers})\s+(?:[\w'\u2019-]+\s+){{0,2}}{re.escape(stem)}", text):
            # "There are 4 key themes" (as many as asked, when the question counts them); when it
            # does not, "with two sub-groups reporting" counts them, "the two sub-groups are X and Y" names them
            named = re.search(rf"{re.escape(stem)}\w*\s+(?:are|were|include\w*|comprise\w*|being|namely)\s[^.]*(?:,|\band\b)", text)
            return 1.0 if count or named else 0.8
        return 0.5 if count else 0.8  # "which three partners": a sentence that does not count them is weak
    if t == AnswerType.YESNO and re.search(r"\bany\b", a.question, re.I):
        # "Are any … in hotels?" is answered by how many: "none are", "no children", "16 young people".
        return 1.0 if re.search(r"\b(?:no|none|nil|nobody|all|every)\b", text) or new_numbers else 0.6
    if t == AnswerType.LIST and s.text.endswith(":"):
        return 1.0  # a list's lead-in ("What Ofsted said still needs to improve:"): the items follow
    if t == AnswerType.PLACE:
        return 1.0 if re.search(r"\b(venue|centre|hall|room|road|street|house)\b", s.text, re.I) else 0.3
    if t == AnswerType.DECISION:
        if not s.has_decision:
            return 0.3
        if _ASKS_FOR_REPORTS.search(a.question):
            # "Which further reports did members ask for?": clauses asking for a report to come.
            return 1.0 if _REPORT_REQUESTED.search(s.text) else 0.5
        # "What did the Committee decide" is answered by what it recorded ("The Committee
        # noted…"), better than by what a report asked of it or recommended.
        if not _ASKS_REQUEST.search(a.question) and _REQUEST.search(s.text) and not _RECORDED.search(s.text):
            # ("What did the committee decide in January 2021?": what it was asked to do is not it)
            return 0.1 if _ASKS_RESOLVED.search(a.question) else 0.7
        if _ASKS_RESOLVED.search(a.question) and not _RECORDED.search(s.text) and re.search(
                r"\b(?:was|were|been|is|are)\s+(?:\w+\s+)?(?:agreed|approved|decided)\b", s.text) and not re.search(
                r"\b(?:agreed|approved|decided|resolved)\s+(?:by|that)\b", s.text):
            return 0.5  # "this funding was only agreed to the end of March": agreed, but by no one named
        return 1.0
    return 0.6


_QUANTITIES = frozenset("amount figure rate cost fee sum value price number total budget allocation payment salary".split())
_COUNT_STOP = frozenset("""did do does were was are is have has had will would could can in at on for from of to by
with since during between across under over than per may might must should could would can shall""".split())


def singular(noun: str) -> str:
    """A plural's stem for a containment test ("places" → "place", "children" → "child")."""
    for plural, singular in (("children", "child"), ("people", "person"), ("women", "woman"), ("men", "man")):
        if noun.endswith(plural):
            return noun[: -len(plural)] + singular
    if noun.endswith("sses"):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _counted(question: str) -> str | None:
    """The noun "how many" counts (or "what is the average" measures), as written: the last word
    of the phrase after "how many",
    up to the verb or preposition that ends it ("how many new places did…" → "places",
    "how many children were adopted…" → "children")."""
    m = re.search(r"\bhow many\s+(.*)", question.lower()) or re.search(
        r"\bwhat (?:is|was|are|were) (?:the |an? )?(?:average|mean|median|typical)\s+(.*)", question.lower())
    if m is None:
        return None
    # "Of the 44 actions in the strategy, how many relate to data?" counts actions.
    whole = re.search(r"\bof the \d[\d,]* ([a-z][\w'\u2019-]*)\b[^?]*,\s*how many\s+(?!of\b)[a-z]+(?:ed)?\s+(?:to|on|with|in|about)\b",
                      question.lower())
    if whole:
        return whole.group(1)
    # "Of the 16 young people …, how many were boys?" counts boys: a part named after the verb
    part = re.match(r"(?:of (?:them|these|those)\s+)?(?:were|are|was|is)\s+([a-z][\w'\u2019-]*s)\s*(?:\?|$)", m.group(1))
    if part:
        return _COUNTED_AS.get(part.group(1), part.group(1))
    if re.search(r"\b(?:vacant|unfilled|empty)\b", m.group(1)):
        return "vacancies"  # "how many posts were vacant" counts vacancies, not posts
    phrase = []
    for word in re.findall(r"[a-z][\w'\u2019-]*", m.group(1))[:6]:
        if word in _COUNT_STOP or (phrase and word.endswith("ed")):  # "how many people attended"
            break
        phrase.append(word)
    # The first plural ends the noun phrase: "how many pupils qualify…" counts pupils.
    plural = next((w for w in phrase if w in _PLURALS or (w.endswith("s") and not w.endswith(("ss", "'s", "us")))), None)
    counted = plural or (phrase[-1] if phrase else None)
    return _COUNTED_AS.get(counted, counted)  # "how many kids" counts children


# A question about an amount of change ("how much was added", "by how much did it rise")
_ASKS_CHANGE = re.compile(r"\b(?:increas|decreas|rise|rose|risen|fall|fell|drop|add|extra|additional|more|further|"
                          r"growth|grow|grew|uplift|by how much|cut|reduc|sav|chang|differen|gap|shortfall|less|fewer)", re.I)
_CHANGE_BEFORE = re.compile(r"\b(?:a further|an? additional|additional|an extra|extra|another|increase of|rise of|"
                            r"up by|down by|reduction of|cut of|growth of|uplift of)\s*$")
_CHANGE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:added|more|extra|increase|uplift|rise|growth|reduction|cut)\b")


def _is_change(number: str, text: str) -> bool:
    """True when every mention of a figure in the sentence is an amount of change ("c£10million
    added", "a further 5"), not a level."""
    spots = [m.start() for m in re.finditer(re.escape(number.lower()), text)]
    return bool(spots) and all(
        _CHANGE_BEFORE.search(text[max(0, at - 25):at]) or _CHANGE_AFTER.search(text[at + len(number):at + len(number) + 25])
        for at in spots)


def _counts_other(counted: str, text: str) -> bool:
    """True when a figure of the sentence directly counts another plural noun than the one asked
    ("94 schools") and none counts the asked one."""
    stem = singular(counted)
    def plural(word: str) -> bool:
        return word not in _UNITS and (word in _PLURALS or (word.endswith("s") and not word.endswith(("ss", "'s", "us"))))

    other = False
    for m in re.finditer(rf"(?<![\w.,£])(?:\d[\d,]*|{_WORD_NUMBERS})\s+([a-z][\w'\u2019-]*)(?:\s+([a-z][\w'\u2019-]*))?"
                         rf"(?:\s+([a-z][\w'\u2019-]*))?", text):
        words = []
        for w in (w for w in m.groups() if w):  # "100,654 registered social workers": past the adjectives
            if w in _NOT_COUNTED:
                break
            words.append(w)
        if not words:
            continue
        if any((w.startswith(stem[:5]) or (stem == "child" and w in _CHILDREN)) and not w.endswith(("'s", "\u2019s"))
               for w in words):
            return False  # ("1703 pupils" counts children)
        noun = next((w for w in words if plural(w)), None)
        other = other or noun is not None
    return other


_PERIOD_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?)\b"
_UNITS = frozenset("days weeks months years hours minutes times per cent percent pounds points".split())
_PLURALS = frozenset("children people staff women men police personnel".split())
_COUNTED_AS = {"kids": "children", "kid": "child", "youngsters": "children", "youngster": "child"}
_CHILDREN = frozenset("pupils learners students boys girls babies infants teenagers adolescents".split())
# words after a figure that end the noun phrase it counts ("50 in total were", "3 of these")
_NOT_COUNTED = frozenset("of in on at to for from by per and or but with than as is are was were has have had be "
                         "been will would could can may the a an this that these those".split())


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
_AFTER = re.compile(r"\b(?:next|after|following|later than|subsequent to)\b", re.I)
_QUALIFIES = re.compile(r"(?:however|but|although|that said|nevertheless|nonetheless)\b", re.I)
_AS_WORD = {str(i): w for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_WORD_NUMBERS = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
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


def _items_asked(question: str) -> int:
    """How many decisions a question asks for: "which two reports" 2, "which reports" 3, else 1."""
    m = re.search(r"\bwhich (two|three|four|2|3|4)\b", question, re.I)
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
