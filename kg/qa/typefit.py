"""How well a sentence can carry the kind of answer a question expects: a figure of the asked
unit for "how many", a name or post for "who", a date for "when", what a body itself decided for
"what did the committee resolve", the items of a list."""

from __future__ import annotations

import re

from kg.qa.counting import (AS_WORD, ASKS_CHANGE, PERIOD_UNIT, UNIT_NOUNS, WORD_NUMBERS, counted_noun, counts_as, counts_other,
                             is_change, singular)
from kg.qa.dates import find_spans
from kg.qa.records import Analysis, AnswerType
from kg.qa.sentences import Sentence

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
ASKS_FOR_REPORTS = re.compile(r"\b(?:reports?|updates?|briefings?)\b(?=.*\b(?:future|further|come back|return|later|"
                               r"next|subsequent|follow-up)\b)|\b(?:future|further|later|follow-up)\b(?=.*\b(?:reports?|"
                               r"updates?|briefings?)\b)|\bwhat (?:[\w-]+ )?follow[- ]?ups?\b", re.I)
REPORT_REQUESTED = re.compile(r"\b(?:a|an|the|further|progress)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:report|update|briefing)s?\b"
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
_ASKS_TOTAL = re.compile(r"\b(?:total|overall|altogether|in all|annual|yearly)\b", re.I)
_RATE_AFTER = re.compile(r"\s*(?:per|a|an|each)\s+(?:hour|week|month|day|child|place|head|night)\b|\s*p/?[hwd]\b|"
                         r"\s*/\s?(?:hour|hr|week|wk|day)\b")
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
_ASKS_PERCENT = re.compile(r"\b(?:percentage|per ?cent)\b|%|\b(?:what|which) (?:share|proportion|fraction)\b", re.I)
# a share as papers write it without a per cent sign: "1 in 5", "out of 63", "half", "a third"
_SAYS_PERCENT = re.compile(r"\b(?:percentage|per ?cent)\b|%", re.I)
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
        if not unit and _SAYS_PERCENT.search(a.question) and not _SHARE.search(re.sub(r"\bper 10,?000\b", "", text)):
            return 0.1  # "what percentage reduction" is not answered by a rate per 10,000
        if re.search(r"\brates?\b", a.question, re.I) and not re.search(
                r"%|per cent|£|\bper\b|\ban? (?:hour|week|day|month|year)\b|\b\d+ in \d|\bout of\b", text):
            return 0.3  # "what was the attendance rate" is not answered by "2 new provisions"
        per = next((u for u, (asks, _) in _PER.items() if asks.search(a.question)), None)
        if per and not _PER[per][1].search(text):
            return 0.1  # "what do we pay per hour" answered by a total
        if per is None and _ASKS_TOTAL.search(a.question) and all(
                " per " in n or _RATE_AFTER.match(text[text.find(n.lower()) + len(n):]) for n in new_numbers):
            return 0.3  # "what was the total expenditure" is not answered by an hourly rate
        if per is None and _ASKS_RATIO.search(a.question) and not _RATIO.search(text):
            return 0.1  # "how many children does each worker have" answered by how many workers joined
        if not ASKS_CHANGE.search(a.question) and all(is_change(n, text) for n in new_numbers):
            return 0.1  # "what is the total budget" answered by what was added to it
        if re.search(r"\bout of how many\b", a.question, re.I) and re.search(
                r"\bout of (?:an? |the )?(?:possible |total of |maximum of )?\d", text):
            return 1.0  # "how many … and out of how many?": "26 … out of a possible 63"
        counted = counted_noun(a.question)
        if counted and re.search(rf"(?:\d[\d,.]*%?|{WORD_NUMBERS})\s+(?:[\w'\u2019-]+\s+){{0,3}}{re.escape(counted)}"
                                 r"(?!['\u2019]s)", text):
            return 1.0  # (but "26 children's adoption plans" counts plans)
        if counted and re.search(rf"\b{re.escape(counted)}\b[^.;]{{0,12}}\b(?:and|of (?:which|these|them)|,)\s+"
                                 rf"(?:\d[\d,]*|{WORD_NUMBERS})\s+(?:were|was|are|had|have)\b", text):
            return 1.0  # "… referrals for family group conferences and 97 were held"
        if (counted and a.unit_hint == "count" and counts_other(counted, text)
                and not re.search(r"\bout of how many\b", a.question, re.I)):
            return 0.3  # "94 schools … did not issue any exclusions" counts schools, not exclusions
        if counted and all(n.isalpha() for n in new_numbers):
            return 0.3  # "four years ago" does not count the children asked about
        if counted and a.unit_hint == "count" and counted not in UNIT_NOUNS and all(
                re.search(rf"(?<![\w.,]){re.escape(n)}\s+(?:[a-z]+\s+)?{PERIOD_UNIT}", text) for n in new_numbers):
            return 0.3  # nor does "over each of the last 3 years"
        if counted and singular(counted) not in text and not any(
                counts_as(singular(counted), w, ("young",) if "young people" in text else ()) for w in re.findall(r"[a-z]+", text)):
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
        count = re.search(rf"\b(\d+|{WORD_NUMBERS})\s+(?:[\w'\u2019-]+\s+){{0,2}}{re.escape(noun)}", a.question, re.I)
        said = count and "|".join({count.group(1).lower(), AS_WORD.get(count.group(1), count.group(1).lower())})
        if said and re.search(rf"\b(?:{said})\s+(?:[\w'\u2019-]+\s+){{0,2}}[a-z]+s\b", text):
            return 1.0  # "the three safeguarding partners" for "which three organisations"
        if not re.search(rf"\b{re.escape(stem)}", text):
            return 0.5 if count else 0.6  # "the four themes": a sentence not about themes is weak
        if FOLLOWING.search(s.text) and not s.text.endswith(":"):
            return 0.9  # "The following represent the key risks…": a table of them follows
        if s.text.endswith(":"):
            return 0.5 if count else 0.9  # "The themes are:", the items follow (but "which three…" wants them counted)
        numbers = said or rf"\d+|{WORD_NUMBERS}"
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
        if _ASKS_ADDRESS.search(a.question) and not _ADDRESS.search(s.text):
            return 0.1  # "what's the address?": a place named is not its address
        if (where := _WHERE_IS.match(a.question)) and not _located(s.text, where.group(1)):
            return 0.1  # "where is Eden House?": a sentence naming it says nothing of where it is
        return 1.0 if re.search(r"\b(venue|centre|hall|room|road|street|house)\b", s.text, re.I) else 0.3
    if t == AnswerType.DECISION:
        if not s.has_decision:
            return 0.3
        if ASKS_FOR_REPORTS.search(a.question):
            # "Which further reports did members ask for?": clauses asking for a report to come.
            return 1.0 if REPORT_REQUESTED.search(s.text) else 0.5
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
_AFTER = re.compile(r"\b(?:next|after|following|later than|subsequent to)\b", re.I)


_ASKS_AVERAGE = re.compile(r"\b(?:on average|average|mean|median)\b", re.I)
_AVERAGE = re.compile(r"\b(?:on average|averag\w*|mean|median|typical(?:ly)?|ratio)\b|"
                      r"\bper (?!(?:hour|week|month|annum|year|day)\b)[a-z]+", re.I)
_ASKS_SAVING = re.compile(r"\bsavings?\b", re.I)
_SAVING = re.compile(r"\bsav(?:e|ed|es|ing|ings)\b|\breduc\w*|\bcuts?\b|\bless\b|\blower\b|\bavoid\w*", re.I)
_ASKS_TARGET = re.compile(r"\bwhat (?:is |was |are |were |has |have )?(?:the |its |their |our |[\w'\u2019-]+ )?(?:[\w-]+ )?targets?\b|"
                          r"\btargets? (?:for|of|set)\b", re.I)
_TARGET = re.compile(r"\b(?:targets?|targeted|aims?|aiming|ambitions?|goals?|trajectory|aspires?|aspiration|intends?|"
                     r"expected to|plans? to|seeks? to)\b", re.I)


# "what's the address?" (a noun: not "how will they address the shortage")
_ASKS_ADDRESS = re.compile(r"\b(?:the|its|their|an|postal|full|street) address\b(?!\s+(?:the|this|these|those|its|their|our|a|an)\b)", re.I)
_ADDRESS = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b(?:Road|Street|Lane|Avenue|Way|Close|Drive|Hill|Place|Square|"
                      r"Gardens|Terrace|Crescent|Parade|Row|Walk)\b")


# "Where (exactly) is Eden House?": the place asked about, which the answer must locate
_WHERE_IS = re.compile(r"^\s*where (?:exactly |precisely |abouts )?(?:is|are|was|were|will) (.+?)(?: (?:be |going to be )?"
                       r"(?:based|located|built|sited|situated))?\s*\??\s*$", re.I)
_LOCATION = re.compile(r"\b(?:in|at|on|near|beside|off|opposite|located|based|situated|sited)\s+(?:the\s+)?"
                       r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                       r"Spring|Summer|Autumn|Winter)\b)"
                       r"([A-Z][\w'\u2019-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'\u2019-]*)*)")


def _located(sentence: str, asked: str) -> bool:
    """Whether the sentence places something somewhere other than the name asked about ("at
    Eden House" names the home; "in Chatham", "at 12 Station Road" say where it is)."""
    named = {w.lower() for w in re.findall(r"[\w'\u2019-]+", asked)}
    proper = {w.lower() for w in re.findall(r"\b[A-Z][\w'\u2019-]+", asked)}  # ("Eden House" in "where is Eden House")
    # (a phrase that holds the name asked names it: "at Parklands and Eden House")
    return bool(_ADDRESS.search(sentence)) or any(
        not {w.lower() for w in m.group(1).split()} <= named and not proper & {w.lower() for w in m.group(1).split()}
        for m in _LOCATION.finditer(sentence))


def other_measure(question: str, sentence: str) -> bool:
    """Whether the sentence gives another thing than the one asked: one case's figure for "the
    average weekly cost", the level reached for "what target has Medway set", a place but no
    address for "what's the address"."""
    return bool(_ASKS_AVERAGE.search(question) and not _AVERAGE.search(sentence)
                or _ASKS_SAVING.search(question) and not _SAVING.search(sentence)
                or _ASKS_TARGET.search(question) and not _TARGET.search(sentence)
                or _ASKS_ADDRESS.search(question) and not _ADDRESS.search(sentence))
