"""Question analysis: the expected answer type, content and salient words, dates and periods.

Rules, not a model: committee questions are short and formulaic ("How many…", "Who is the…",
"What did the Committee agree…", "How has … changed"), and rules say why they chose a type.
Entity linking against the graph's labels happens in :mod:`kg.qa.linking`.
"""

from __future__ import annotations

import re
from datetime import date

from kg.qa.acronyms import spelled_out
from kg.qa.as_written import as_papers_write
from kg.qa.actors import actor_of
from kg.qa.dates import find_spans, wants_latest
from kg.qa.guesses import CHECK_TAG, without_guess
from kg.qa.periods import beside, shifted
from kg.qa.records import AnswerType, Analysis, DateSpan
from kg.qa.synonyms import rewrite_phrases
from kg.qa.wording import (HEAD_END, SAYS_WHETHER, asking_part, asking_sentence, main_clause, plain_wording,
                           question_proper, split_sentences)

STOP = frozenset(
    """a an the of in on at to for from by with about as is are was were be been being has have had
    do does did what which who whom whose when where why how many much that this these those it its
    and or not no any all there their they them we our you your i me my he she his her than then
    into over under between since during per up down out off again further once only own same so
    very can will would should could may might must shall just also itself themselves himself herself
    ourselves yourself among amongst ours him hers theirs mine she'd he'd we'd we've they've i'd i've we're
    they're""".split()
)
# Words that frame a question but say nothing about its subject.
FRAMING = frozenset(
    """say said tell told give given show shown report reported according number total figure
    amount rate percentage proportion share level value count change changed changes
    decide decided agree agreed resolve resolved happen happened current currently latest recent
    most now time date year years month authored wrote write written writes sent send sends receive
    received attend attended take took taken make made give gave held hold holds get got
    roughly approximately around nearly almost about extra additional body bodies organisation organisations
    organization organizations went go goes
    come came coming item according big large terms couple kind kinds sort sorts type types apart besides aside actually ring phone
    call email moment mention mentions mentioned named topic topics
    altogether exact exactly precise precisely normal normally usual usually proper properly ordinary ordinarily
    simply merely purely anyone anybody someone somebody everyone anything something really truly claim claims
    claimed like else behind problem problems stuck lately please kindly grateful appreciate anywhere somewhere
    magnitude extent rationale justification justify justified determination stated ultimately eventually
    son sons daughter daughters grandson granddaughter grandchild grandchildren neighbour neighbours
    friend friends husband wife mum dad constituent constituents read heard wondering wonder even though although
    deem deemed regarded classed shift shifted shifting evolve evolved evolving otherwise""".split()
)

# "What funding request did the Portfolio Holder back?" asks for the request, not a sum
_NOT_A_SUM = r"(?!\s+(?:requests?|bids?|applications?|proposals?|decisions?|streams?|sources?|arrangements?|conditions?|rules?))"
# "What recommendation concerning funding did the Committee agree?" asks for the recommendation
_NOT_A_DECISION = r"(?!(?:recommendations?|decisions?|resolutions?|requests?|proposals?|motions?|actions?|steps?|letters?)\b)"

_TYPE_RULES: tuple[tuple[AnswerType, re.Pattern], ...] = (
    # "Before the October 2022 increase, when had allowances last gone up?": asks when, not how
    (AnswerType.DATE, re.compile(r"(?:^|[.?!,:;]\s*)when\s+(?:did|does|do|was|were|is|are|had|has|have|will)\b", re.I)),
    # "Who were members asked to refer their comments to?" is answered by a body ("to Cabinet");
    # "what did the committee ask the portfolio holder to do?" by a recommendation.
    (AnswerType.DECISION, re.compile(
        r"\b(?:asked|ask|asks) (?:(?:the |its |their )?[\w'\u2019-]+ )?to (?:[\w'\u2019-]+ ){0,3}?(?:refer|pass|send|forward|submit)\w*\b.*\bto\b|"
        r"\bwhat did the [\w' -]{0,40}?(?:committee|cabinet|council|board|panel|members?)\s+(?:ask|request|urge|invite|call on)\b",
        re.I)),
    (AnswerType.RATING, re.compile(
        r"^\s*(?:did|was|were|is|are|has|have)\b.*\b(?:judge|judged|rate|rated|grade|graded)\b.*"
        r"\b(?:good|outstanding|inadequate|requires improvement)\b|"
        r"\bwhat (?:(?:ofsted|cqc|inspection|inspectors?['\u2019]?|overall|final|latest|current) )?(?:overall )?"
        r"(?:rating|grade|grading|judgement|judgment|score)\b|"
        r"\bhow (?:was|were|is|are|did) .{0,80}\b(?:rated|graded|judged)\b|\bhow did \w+ (?:rate|grade|judge)\b", re.I)),
    (AnswerType.TREND, re.compile(
        r"\b(how (?:has|have|did|does) .{0,120}\b(?:chang|move|moved|trend|compare|shift|evolv|develop|grow|grew|"
        r"rise|rose|fall|fell|increas|decreas)|trend|over time|"
        r"(?:rise|risen|fall|fallen|increase|decrease|grow|grown|drop|dropp)(?:e?d)? (?:from|between|since)|"
        r"(?:gone|go|went|going) (?:up|down)|compared (?:to|with)|\bversus\b|\bvs\.? |"
        r"\b(?:risen|gone up|increased|grown|rise|go up|increase|grow) or (?:fallen|gone down|decreased|dropped|fall|"
        r"go down|decrease|drop)\b|\bfrom what (?:level|figure|number|rate)\b|"
        r"\bmore or (?:fewer|less)\b|\b(?:better|worse) or (?:better|worse)\b|"
        r"\b(?:higher|lower|more|fewer|less|better|worse) (?:[\w'\u2019,-]+ ){0,10}?than "
        r"(?:before|in \d{4}|a (?:few|couple of) years ago|\d+ years ago|last year|previously|it was|the year before)\b|"
        r"what (?:has |have )?happened to the (?:number|share|rate|proportion|percentage|level|use|cost)\b|"
        r"^\s*how (?:the|a|an) [\w'\u2019 ,-]{1,80}? (?:has |have |had |did |does |do )?(?:chang|increas|decreas|rise|rose|fall|fell|"
        r"grow|grew|move|moved|shift)\w*|"
        r"\b(?:improved|worsened|deteriorated|got (?:better|worse))\s+(?:since|over|from)\b)", re.I)),
    (AnswerType.FIGURE, re.compile(
        r"\b(how (?:many|much|big|large)|by how much|out of how many|by what (?:percentage|proportion|amount|margin|factor))\b|"
        r"\bwhat\s*%|"  # "what % of staff are agency"
        r"^\s*(what (?:is|was|were|are) the (?:number|rate|total|cost|amount|percentage|"
        r"proportion|share|level|value|budget|deficit|figure|turnover|overall establishment)|"
        r"what (?:[\w-]+ ){0,2}?(?:percentage|proportion|share|rate|number|amount)\b(?! of (?:the )?(?:meeting|report))|"
        r"what (?:is|was|are|were) (?:the |an? )?(?:[\w'\u2019-]+ )?(?:average|mean|median|typical)\b|"
        r"what (?:is|was|are|were) (?:the |[\w'\u2019]+ ){0,6}(?:total |net |gross |forecast |annual )*"
        r"(?:budget|cost|spend|overspend|underspend|deficit|surplus|amount|figure|rate|percentage|number|establishment|headcount|"
        r"value|worth|sum|expenditure|outturn|outlay)\b|"
        r"what " + _NOT_A_DECISION + r"(?:[\w'\u2019-]+ ){0,3}(?:funding|grant|budget|allocation|savings?|income|overspend|deficit)\b"
        + _NOT_A_SUM + ")|"
        r"^\s*(?:the\s+)?(?:number|total|count|amount|cost|percentage|proportion|share|rate) of\b|"
        r"\bwhat (?:are|is|were|was|do|does|did) (?:[\w'\u2019-]+ ){0,3}(?:paying|pay|spending|spend|charging|charge)\b|"
        r"\bper (?:hour|week|month|year|annum|child|place|head)\b|\b(?:hourly|weekly|monthly|annual|yearly) (?:[\w-]+ )?(?:rate|cost|fee|pay|allowance|payment|salary|charge)s?\b|"
        r"\bwhat " + _NOT_A_DECISION + r"(?:[\w'\u2019-]+ ){0,3}(?:funding|grant|allocation|price|cap|fee|charge|allowance|salary|"
        r"payment|rate|cost|budget)\b(?! of (?:the )?(?:meeting|report))" + _NOT_A_SUM, re.I)),
    # "What did the building extensions cost?"
    (AnswerType.FIGURE, re.compile(r"\bwhat (?:did|does|do|will|would|should)\b[^?]{0,120}\bcost\s*\??\s*$", re.I)),
    (AnswerType.PERSON, re.compile(
        r"^\s*(?:in|on|by|from|with|for|under) (whose)\b|"  # "In whose name was the report presented?"
        r"(?:^|[.?!,:;]\s*)(who|whom|whose)\b(?! (?:are|were) (?:the|its|their) "
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten) [\w-]+s\b)|\b(?:what is|what was|what's) (?:the )?name of\b|"
        r"\b(?:what is|what was|what's) (?:the|that|this|his|her|their) [\w'\u2019 -]{0,40}?['\u2019]s? names?\b|^\s*(?:the\s+)?names? of\b|"
        r"\bname (?:the |our |their )?(?:[\w'\u2019-]+ ){0,3}?(?:officer|person|councillor|director|chair|adviser|advisor|head|manager|"
        r"leader|member|holder)\b|\bwho (?:should|do|can) (?:i|we) (?:contact|ask)\b|"
        r"\bwhich (?:(?!(?:did|do|does|was|were|is|are|has|have|had|will|would|could|can)\b)[\w'\u2019-]+\s){0,3}?(?:officer|councillor|person|member|director|head|manager|chair(?:man|woman)?|"
        r"portfolio holder|lead member|cabinet member|leader|mayor|chief executive|officers|councillors|partner|adviser|"
        r"advisor)\b|^\s*which\b.{0,60}\b(?:was|were|is|are) (?:one of )?the (?:authors?|presenters?|speakers?)\b", re.I)),
    (AnswerType.DATE, re.compile(r"(?:^|[.?!,:;]\s*)(?:(?:on|by|from|until|till|since|in|at|for) )?"
                                  r"(when|what (?:exact |precise |specific )?dates?|which (?:meeting |exact |start |end )?dates?|(?:what|which) (?:year|month|day)|how long|within what|over what period|"
                                  r"what (?:period|timescale|timeframe|time ?frame)|"
                                  r"in what year|at what time|what time|"
                                  r"what (?:is|was|are|were) the (?:exact |precise |specific )?dates?)\b|"
                                  r"\b(?:give|state|tell me|what is|what was|what's) the (?:exact )?date\b", re.I)),
    # ("where did Medway rank among its neighbours?" asks a position, not a place)
    (AnswerType.PLACE, re.compile(r"^\s*where\b(?!.*\b(?:rank|ranks|ranked|stand|stands|stood|sit|sits|sat|come|comes|came|"
                                  r"place|placed|position|positioned|lie|lies|compare|compares|compared)\b)|"
                                  r"^\s*(?:at |in )?(?:what|which) (?:venue|location|building|address)\b", re.I)),
    (AnswerType.DECISION, re.compile(
        r"\b(decid|decision|agreed?\b|resolv|resolution|recommend|asked to|delegat|approv)|\bask(?:ed)? (?:to|for|that)\b|"
        r"\bsign(?:ed|s)? up (?:to|for)\b|"
        r"\bwhat did (?:the )?[\w' -]{0,60}?(?:committee|cabinet|council|councillors|board|panel|forum|members?)"
        r"(?: actually| finally| eventually| formally| then)? do\b|"
        # "…, what did it formally do with it?": what became of the paper is a decision
        r"\bwhat did (?:it|they) (?:actually |finally |eventually |formally |then )?do with\b|"
        # "what was the outcome when the Committee considered the strategy?", "what position did it adopt?"
        r"\bwhat (?:was|were) the (?:outcome|upshot|result)s? (?:when|after)\b[^?]*\b(?:committee|cabinet|council|board|panel|"
        r"members?)\b|\bwhat (?:position|stance|line) did (?:the )?[\w' -]{0,80}?(?:committee|cabinet|council|board|panel|"
        r"members?) (?:adopt|take)\b|"
        r"\bwhat (?:formal |further |other )?actions? did (?:the )?[\w' -]{0,60}?(?:committee|cabinet|council|board|panel|members?) take\b",
        re.I)),
    (AnswerType.YESNO, re.compile(r"^\s*(is|are|was|were|did|does|do|has|have|had|can|will)\b", re.I)),
    (AnswerType.LIST, re.compile(r"^\s*(list|name|which|what (?:are|were) the|what (?:kinds?|types?|sorts?) of)\b|"
                                  # "who are the three partners?": a counted list of organisations or people
                                  r"\bwho (?:are|were) (?:the|its|their) (?:\d+|two|three|four|five|six|seven|eight|nine|ten) "
                                  r"[\w-]+s\b|"
                                  r"^\s*what (?:[\w-]+ )?[a-z]+s (?:did|do|does|have|has|were|are|make up|comprise)\b|"
                                  # "what key risks to delivering the duty were listed…"
                                  r"^\s*what (?:[a-z-]+ ){0,2}?(?!(?:was|is|does|has)\b)[a-z]+s (?:to|of|for|in|from) .{0,80}?"
                                  r"\b(?:were|are) (?:listed|set out|identified|named|given|included)\b|"
                                  # "What reasons social workers was giving…": a plural of what lists are made of
                                  r"^\s*what (?:main |key |other |further )?(?:reasons|factors|risks|themes|priorities|issues|"
                                  r"concerns|challenges|pressures|barriers|strengths|weaknesses|areas|steps|changes)\b(?!\s+(?:is|was)\b)|"
                                  # "What national rules on agency work are councils expected to follow?"
                                  r"^\s*what (?:[a-z-]+ ){0,2}?(?!(?:was|is|does|has|news|status|process|progress|focus|basis)\b)"
                                  r"[a-z]+s (?:on|about|for|to|of|in) (?:[\w'\u2019-]+ ){1,8}?(?:are|were|will|must|should)\s+"
                                  r"(?:the\s+)?[\w'\u2019-]+\s+(?:expected|required|asked|due|going|planning|set|told)\b", re.I)),
)

_UNIT_HINTS = (
    ("percent", re.compile(r"\b(?:percentage|per ?cent|proportion|share|turnover rate)\b|%", re.I)),  # ("what % of…")
    ("rate", re.compile(r"\bper 10,?000\b|\brate per\b", re.I)),
    # "How many children has the funding paid for" counts children: a count wins over money words.
    ("count", re.compile(r"\bhow many\b|\bnumber of\b", re.I)),
    ("GBP", re.compile(r"\b(cost|costing|invest|investing|invested|investment|budget|spend|spending|overspend|overspent|underspend|savings?|funding|deficit|£|pounds?|price|paid|pay|paying|fees?|money|salary|salaries|wages?|"
                       r"allowance|grants?|bursary|bursaries|spent|amount|sum|value|worth|expenditure|outlay|outturn)\b", re.I)),
)


WORD = re.compile(r"[A-Za-z](?:[A-Za-z'\u2019]|-(?=[A-Za-z])|&(?=[A-Za-z]))*|\d[\d,./-]*%?")  # "B&Bs" is one word


def analyse(question: str) -> Analysis:
    """Read a question into an :class:`Analysis` (entities are linked later, against the graph)."""
    q = as_papers_write(plain_wording(question))
    # "The deficit was around £15 million, wasn't it?" asks what it was
    q, guessed = without_guess(q, yes_no=bool(_YES_NO_OPENING.match(q) or CHECK_TAG.search(q)))
    # "When the strategy came before scrutiny, what did the committee resolve?": the clause
    # that asks says what kind of answer is wanted; the one before it sets the scene.
    clause = main_clause(q)
    # "Is the adviser named anywhere, and if so who is it?": the question after "if so" is the one typed
    so = _IF_SO.search(q)
    typed = q[so.end():] if so is not None and len(q) - so.end() >= 6 else None
    # "Is the profile shifting? What share came in aged 10-15?": the last question is the one to answer.
    asks = [x for x in re.split(r"(?<=\?)\s+(?=[A-Z])", q) if x.strip().endswith("?")]  # (not "I heard it was a record.")
    clause = clause or (asks[-1] if len(asks) > 1 else None)
    # "My child may live outside the area. Do staff still visit?": the sentence that asks is typed.
    clause = clause or ((parts := split_sentences(q)) and len(parts) > 1 and asking_part(parts)) or None
    # ("A friend who fostered says …. What share are placed in-house?": the sentence that asks
    # is typed before the scene is)
    answer_type = next((t for part in (typed or clause, asking_sentence(q), q) if part
                        for t, rx in _TYPE_RULES if rx.search(part)), None) or _keyword_type(asking_sentence(q))
    if guessed is not None:
        # ("Has the share risen - say from about 20% to 30%?": a guessed change asks for the trend)
        answer_type = AnswerType.TREND if guessed == AnswerType.FIGURE and answer_type == AnswerType.TREND else guessed
    if answer_type == AnswerType.TREND:
        # "How much do agency teams cost compared with the capped rate?": two figures side by
        # side, not a series, unless the comparison is with another time.
        rest = _COMPARED_THING.sub(" ", q)
        if rest != q and not _RULE[AnswerType.TREND].search(rest) and _RULE[AnswerType.FIGURE].search(rest):
            answer_type = AnswerType.FIGURE
    spans = [shifted(q, span) for span in find_spans(q)]
    # "What rating did Ofsted give it in 2021, before it was rated good in June 2022?": the
    # trailing clause's date sets the scene; the question's own date is the one asked
    if (scene := _SCENE_AFTER.search(q)) is not None and any(q.find(s.label) < scene.start() for s in spans):
        spans = [s for s in spans if q.find(s.label) < scene.start()]
    elif clause and any(s.label in clause for s in spans) and (answer_type == AnswerType.RATING or re.search(
            r"(?:[;.?!]|\s[-\u2013\u2014])\s*$", q[:q.rfind(clause)] if clause in q else "")):
        # "Parklands was rated good in June 2022 - what rating did it get in 2021?", "The service
        # received 141 referrals in 2022-23; how many in 2021-22?": the asking clause's date is asked
        spans = [s for s in spans if s.label in clause]
    if (lead := _AFTERMATH.match(q)) is not None:
        # "Following the July 2023 inspection, who was proposed to chair…": what is asked came after
        spans = [DateSpan(s.label, s.start, date(s.start.year + AFTERMATH_YEARS, 12, 31))
                 if 0 <= q.find(s.label) < lead.end() else s for s in spans]
    if answer_type == AnswerType.DATE:
        # "In what year, according to the Sufficiency Report 2020, was the guidance issued?": the
        # source's date does not date what is asked.
        sources = [m.span() for m in _SOURCE.finditer(q)]
        spans = [beside(q, s) for s in spans if not any(a <= q.find(s.label) < b for a, b in sources)]
    years = tuple(sorted({y for s in spans for y in range(s.start.year, s.end.year + 1)}))
    words = WORD.findall(q)
    # "Did the assessment find that X?": X is what is asked; the paper named is where to look.
    says = SAYS_WHETHER.match(q)
    # "brothers and sisters" is weighed as the "siblings" the papers write
    # "(the officer who buys care places)": an aside explains; its words are not asked for
    terms = _terms(WORD.findall(rewrite_phrases(_PLACE_IN_PAPER.sub(" ", _PERIOD_EDGE.sub(
        " ", _ASIDE.sub(" ", q[says.end():] if says else q))))))
    # "The October update says X. What does Y cost?": the last sentence is the question proper.
    proper = question_proper(q)
    focus = _terms(WORD.findall(rewrite_phrases(_PLACE_IN_PAPER.sub(" ", _PERIOD_EDGE.sub(" ", clause or proper))))
                   ) if (clause or proper) != q else ()
    unit = next((name for name, rx in _UNIT_HINTS if rx.search(q)), None)
    return Analysis(
        question=q,
        answer_type=answer_type,
        terms=terms,
        # Names in a preamble place the question ("In the Lead Member's March 2023 report, …");
        # the answer's paragraph need not repeat them.
        # (a grade names what is graded in "the inspection that rated it Good"; it is asked in "was it rated Good?")
        salient=tuple(_salient(WORD.findall(proper) if proper != q else words,
                               grades=answer_type in (AnswerType.YESNO, AnswerType.RATING))),
        years=years,
        dates=tuple(spans),
        latest=wants_latest(q),
        unit_hint=unit if answer_type in (AnswerType.FIGURE, AnswerType.TREND) else None,
        actor=actor_of(q),
        predicate=_predicate(rewrite_phrases(q)),
        acronyms=spelled_out(q),
        excluded=_excluded(q),
        role=_role(q) if answer_type == AnswerType.PERSON else None,
        focus=focus,
    )


_ASKING = re.compile(r"^\s*(?:(?:in|on|at|by|for|from|to|during|since|after|before|under|within|according to)\s+)?(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do|has|have|had|"
                     r"can|could|will|would|should|shall|may|might|tell|give|explain|describe|summari[sz]e)\b", re.I)
_KEYWORD_TYPES = (
    (AnswerType.PERSON, re.compile(r"\b(?:name|names|who|officer|author|authors|contact|chair|chairman|adviser|advisor|"
                                   r"director|presenter)\b", re.I)),
    (AnswerType.DATE, re.compile(r"\b(?:date|dates|when|deadline)\b", re.I)),
    (AnswerType.DECISION, re.compile(r"\b(?:decision|decisions|recommendation|recommendations|resolution|resolved|"
                                     r"agreed|decided|recommended|verdict|outcome)\b", re.I)),
    (AnswerType.FIGURE, re.compile(r"\b(?:cost|costs|rate|rates|price|budget|spend|funding|amount|number|numbers|total|count|"
                                   r"value|saving|savings|expenditure|income|"
                                   r"percentage|proportion|share|figure|deficit|overspend|salary|fee|fees|allowance|caseloads?|headcount)\b", re.I)),
    (AnswerType.LIST, re.compile(r"\b(?:themes|risks|areas|reasons|priorities|services|recommendations|actions|"
                                 r"strengths|weaknesses|options|types|kinds)\b", re.I)),
)


_SCENE_AFTER = re.compile(r",\s*(?:before|after|since|following|until|when)\s+(?:it|they|he|she|this|that|the)\b[^?]*\?\s*$", re.I)
_YES_NO_OPENING = re.compile(r"\s*(?:is|are|was|were|did|does|do|has|have|had|can|will)\b", re.I)
_IF_SO = re.compile(r",?\s*(?:and\s+)?if so,?\s+(?=(?:what|who|whom|which|when|where|how)\b)", re.I)


def _keyword_type(question: str) -> AnswerType:
    """A query typed as keywords ("Hazel House annual running cost", "lead officer on the
    strategy") is typed by its head, the words before the first preposition, else by all its
    words."""
    if re.match(r"\s*any\b", question, re.I):
        return AnswerType.YESNO  # "Any of the 16 young people placed in hotels?"
    if _ASKING.match(question):
        return AnswerType.TEXT
    cut = HEAD_END.search(question)
    for part in ((question[:cut.start()],) if cut else ()) + (question,):
        # the head of a noun phrase is its last word: "Family Contact Service launch date" asks a date
        head = (re.findall(r"[\w'\u2019-]+", part) or [""])[-1]
        found = next((t for t, rx in _KEYWORD_TYPES if rx.fullmatch(head)), None) or next(
            (t for t, rx in _KEYWORD_TYPES if rx.search(part)), None)
        if found is not None:
            return found
    return AnswerType.TEXT


_ASIDE = re.compile(r"\s*\([^()\d]{3,}\)")  # (an aside with a figure or age in it qualifies: kept)
# "at the end of August 2020": the date says when; "end" is not a word the answer must repeat
# "as stated in paragraph 10.3 of the report": where to look, not words the answer repeats
_PLACE_IN_PAPER = re.compile(r"\b(?:(?:as )?(?:stated |set out |given )?(?:in|at|of|under) )?(?:paragraphs?|paras?\.?|sections?|appendix|"
                             r"appendices|annex|table|page)\s+(?:\d+(?:\.\d+)*|[A-Z]\b)", re.I)
_PERIOD_EDGE = re.compile(r"\b(?:at\s+)?the\s+(?:very\s+)?(?:end|start|beginning|middle|close)\s+of\s+(?=(?:the\s+|this\s+|last\s+)?"
                          r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter|financial|"
                          r"academic|school|calendar|year|quarter|month)\w*)", re.I)
_AFTERMATH = re.compile(r"^\s*(?:following|after|in the wake of|in the light of)\b[^,?]{3,120},", re.I)
AFTERMATH_YEARS = 3  # how far after a scene-setting event an answer is looked for


_SOURCE = re.compile(r"\baccording to\b[^,?]*", re.I)


_RULE = {t: rx for t, rx in reversed(_TYPE_RULES)}  # (the first rule of each type)
_COMPARED_THING = re.compile(r"\bcompared (?:to|with) (?!(?:the )?(?:last|previous|prior|same|year|before|earlier|\d{4})\b)", re.I)


_EXCLUDING = re.compile(r"\b(?:besides|apart from|aside from|other than|except(?: for)?|as well as|in addition to)\s+"
                        r"([^,?]{3,80})", re.I)


def _excluded(question: str) -> tuple[str, ...]:
    """The head word of what a question rules out: "noting" in "Besides noting the update, what
    else…", "workforce" in "Apart from a workforce report, which other report…"."""
    m = _EXCLUDING.search(question)
    if m is None:
        return ()
    terms = [t for t in _terms(WORD.findall(m.group(1))) if not t[0].isdigit()]
    return tuple(terms[:1])


_ROLE = re.compile(r"\b(?:who (?:is|was|are|were|will be)|(?:which|what) (?:councillor|member|officer|person) (?:is|was|were)|"
                   r"(?:what|what's) (?:is |was )?the names? of) "
                   r"(?:the |its |their |[A-Z][\w'\u2019]* )?(?:[\w'\u2019-]+ ){0,2}?"
                   r"(vice[- ]chair(?:man|woman|person)?|chair|chairman|chairwoman|chairperson|leader|mayor|adviser|advisor|clerk|"
                   r"chief executive|director|spokesperson|chief nurse)\b|\bwho (?:actually |currently |now |really )?(chair|lead|head)(?:s|ed)\b|"
                   # "which legal officer signed off…": the answer must be the lawyer
                   r"\bwhich (legal|finance|financial|monitoring|press|communications|safeguarding|designated) officer\b|"
                   r"\bwhich (director|chair|chairman|leader|adviser|advisor|clerk)\b|"
                   # a keyword query: "Improvement Board independent chair name?"
                   r"\b(vice[- ]chair|chair|chairman|chairwoman|leader|adviser|advisor|clerk)['\u2019]?s?\s+names?\s*\??\s*$|"
                   # "which councillor chaired / moved / seconded …": the answer must say who did
                   r"\b(?:which|what) (?:councillor|member|officer|person) (chair|clerk|mov|second)(?:ed|s)?\b|"
                   # "what was that adviser's name?"
                   r"\b(?:what is|what was|what's) (?:the|that|this|their|our|its) (?:[\w'\u2019-]+ ){0,2}?"
                   r"(vice[- ]chair(?:man|woman|person)?|chair|chairman|chairwoman|chairperson|leader|mayor|adviser|advisor|"
                   r"clerk|director|spokesperson)['\u2019]s names?\b", re.I)


def _role(question: str) -> str | None:
    """The post a who-question names by its role word, which its answer must state: "chair"
    in "Who is the independent chair of the Board?" and in "Who chaired the meeting?"."""
    m = _ROLE.search(question)
    if m is None:
        return None
    word = next(g for g in m.groups() if g).lower()
    if word.startswith("vice"):
        return r"vice[- ]chair"  # (the vice-chair, not the chair)
    return {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "vice-chair": "chair",
            "advisor": "advis", "adviser": "advis", "lead": "lead", "head": "head"}.get(word, word)


def _terms(words: list[str]) -> tuple[str, ...]:
    # ("couldn't", "didn't": a negated auxiliary is phrasing, not a subject)
    return tuple(w.lower().strip("'\u2019").rstrip(",.") for w in words
                 if w.lower() not in STOP and w.lower() not in FRAMING and len(w) > 1
                 and not re.search(r"n['\u2019]t$", w, re.I))


_PREDICATE = re.compile(
    r"\bhow many\b[^?]*?\b(?:were|was|are|is|have|has|had)\s+(?:been\s+|not\s+|ever\s+)?((?:[a-z]+\s+){0,2}[a-z]+)\b", re.I)
_SUBJECT_TO = re.compile(r"\bhow many\b[^?]*?\b(?:were|was|are|is|have been|has been)\s+(?:subject to|on|under)\s+"
                         r"(?:an?\s+|the\s+)?((?:[a-z][\w-]*\s+){0,2}(?:plans?|orders?|schemes?|programmes?|lists?|registers?))\b",
                         re.I)
_IN_CARE = re.compile(r"\bhow many\b[^?]*?\b(?:were|was|are|is|have been|has been)\s+in\s+(?:[\w'\u2019]+\s+)?care\b", re.I)
_HEDGES = frozenset("actually really currently presently previously recently usually typically normally "
                     "generally routinely only originally initially finally eventually already".split())
_COPULAR = frozenset("deemed regarded classed considered".split())
_LIGHT_VERBS = frozenset("made done put set given taken got had looked".split())  # ("looked after": cared for)
_IRREGULAR_PARTICIPLES = frozenset(
    "left made taken given seen held paid sent built sold won lost found brought taught kept put set run done".split())


def _predicate(question: str) -> str | None:
    """The participle that says what happened to what "how many" counts ("how many children were
    adopted", "how many staff have left"): an answer counting something else does not answer."""
    if (on := _SUBJECT_TO.search(question)) is not None:
        return on.group(1)  # "how many children were subject to a child protection plan"
    if _IN_CARE.search(question):
        return "care"  # "how many children were in the council's care": a count of others does not answer
    m = _PREDICATE.search(question)
    if m is None:
        return None
    # "were adopted", "were electively home educated": the first participle of the next few words
    words = m.group(1).lower().split()
    if words[0].endswith("ly") and words[0] not in _HEDGES:
        # "were electively home educated": a manner adverb belongs to what happened to them
        words = [w for w in words[1:] if w.endswith("ed") or w in _IRREGULAR_PARTICIPLES][:1] or words
    if words[0] in _COPULAR and len(words) > 1:
        words = words[1:]  # "how many pupils were deemed eligible": what they were is "eligible"
    word = words[0]
    if word in _LIGHT_VERBS:
        return None  # "how many orders were made": making says nothing of what happened to them
    return word if word.endswith("ed") or word in _IRREGULAR_PARTICIPLES else None


_MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())
_GRADES = frozenset("good outstanding inadequate".split())  # an inspection's grade, capitalised, names nothing


def _salient(words: list[str], grades: bool = True) -> list[str]:
    """Capitalised words after the first: names, places and bodies the answer must be about."""
    out = []
    # ("Children's Improvement Board - who is the chair?": a headline's first word is a name's too)
    named_first = len(words) > 1 and words[1][:1].isupper() and words[0].lower() not in STOP and not _ASKING.match(words[0])
    for i, w in enumerate(words):
        if (i == 0 and not named_first) or not w[0].isupper() or w.lower() in STOP or w.lower() in _MONTH_NAMES or (
                not grades and w.lower() in _GRADES):
            continue  # a month is a date, which date fit weighs
        word = w.strip("'\u2019")  # "under 'Grow Your Own'": the quotes are not the name's
        out.append(word[:-2] if word.endswith(("'s", "\u2019s")) else word)
    return out
