"""Question analysis: the expected answer type, content and salient words, dates and periods.

Rules, not a model: committee questions are short and formulaic ("How many…", "Who is the…",
"What did the Committee agree…", "How has … changed"), and rules say why they chose a type.
Entity linking against the graph's labels happens in :mod:`kg.qa.linking`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from kg.qa.acronyms import spelled_out
from kg.qa.dates import find_spans, wants_latest
from kg.qa.guesses import CHECK_TAG, without_guess
from kg.qa.numerals import UNITS
from kg.qa.records import AnswerType, Analysis, DateSpan
from kg.qa.synonyms import rewrite_phrases

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
    friend friends husband wife mum dad constituent constituents read heard wondering wonder even though although""".split()
)
# Number words, read as the digits the papers print ("twelve months" → "12 months").
_NUMBER_WORDS = {w: str(i) for w, i in {**UNITS, "twenty": 20}.items()}

# "What funding request did the Portfolio Holder back?" asks for the request, not a sum
_NOT_A_SUM = r"(?!\s+(?:requests?|bids?|applications?|proposals?|decisions?|streams?|sources?|arrangements?|conditions?|rules?))"

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
        r"\bwhat (?:overall )?(?:rating|grade|grading|judgement|judgment|score)\b|"
        r"\bhow (?:was|were|is|are|did) .{0,80}\b(?:rated|graded|judged)\b|\bhow did \w+ (?:rate|grade|judge)\b", re.I)),
    (AnswerType.TREND, re.compile(
        r"\b(how (?:has|have|did|does) .{0,80}\b(?:chang|move|moved|trend|compare|shift|evolv|develop|grow|grew|"
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
        r"(?:budget|cost|spend|overspend|underspend|deficit|surplus|amount|figure|rate|percentage|number|establishment|"
        r"value|worth|sum)\b|"
        r"what (?:[\w'\u2019-]+ ){0,3}(?:funding|grant|budget|allocation|savings?|income|overspend|deficit)\b" + _NOT_A_SUM + ")|"
        r"^\s*(?:the\s+)?(?:number|total|count|amount|cost|percentage|proportion|share|rate) of\b|"
        r"\bwhat (?:are|is|were|was|do|does|did) (?:[\w'\u2019-]+ ){0,3}(?:paying|pay|spending|spend|charging|charge)\b|"
        r"\bper (?:hour|week|month|year|annum|child|place|head)\b|\b(?:hourly|weekly|monthly|annual|yearly) (?:[\w-]+ )?(?:rate|cost|fee|pay|allowance|payment|salary|charge)s?\b|"
        r"\bwhat (?:[\w'\u2019-]+ ){0,3}(?:funding|grant|allocation|price|cap|fee|charge|allowance|salary|"
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
                                  r"(when|what (?:exact |precise |specific )?dates?|which dates?|(?:what|which) (?:year|month|day)|how long|within what|over what period|"
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
        r"\bwhat did (?:the )?[\w' -]{0,60}?(?:committee|cabinet|council|board|panel|forum|members?)"
        r"(?: actually| finally| eventually| formally| then)? do\b|"
        # "…, what did it formally do with it?": what became of the paper is a decision
        r"\bwhat did (?:it|they) (?:actually |finally |eventually |formally |then )?do with\b|"
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
                       r"allowance|grants?|bursary|bursaries|spent|amount|sum|value|worth)\b", re.I)),
)

# "Did Cabinet approve …", "What did the Planning Committee decide …": the body (or person) the
# question says made the decision, so that a recommendation *to* Cabinet is not taken for one *by* it.
DECISION_VERBS = (r"approv(?:e|ed|es|ing)|agree(?:d|s|ing)?|decid(?:e|ed|es|ing)|resolv(?:e|ed|es|ing)|"
                  r"accept(?:ed|s|ing)?|reject(?:ed|s|ing)?|adopt(?:ed|s|ing)?|endors(?:e|ed|es|ing)|"
                  r"refus(?:e|ed|es|ing)|defer(?:red|s|ring)?|ratif(?:y|ied|ies|ying)|authori[sz](?:e|ed|es|ing)|"
                  r"recommend(?:ed|s|ing)?|vot(?:e|ed|es|ing)")
_STATED = (r"say|said|conclud(?:e|ed)|comment(?:ed)?|respond(?:ed)?|consider(?:ed)?|indicat(?:e|ed)|stat(?:e|ed)|"
           r"confirm(?:ed)?|announc(?:e|ed)|explain(?:ed)?|advis(?:e|ed)")
_ACTOR = re.compile(
    r"\b(?i:did|has|have|had|will|was|were)\s+(?:(?i:the)\s+((?:[\w'\u2019&-]+\s+){0,4}?[\w'\u2019&-]+)|"
    r"((?:[A-Z][\w'\u2019&-]*\s+){0,4}?[A-Z][\w'\u2019&-]*))\s+"
    r"(?:(?:formally|actually|ever|already|finally|then|also)\s+)?(?:" + DECISION_VERBS + "|" + _STATED + r")\b")

WORD = re.compile(r"[A-Za-z](?:[A-Za-z'\u2019]|-(?=[A-Za-z])|&(?=[A-Za-z]))*|\d[\d,./-]*%?")  # "B&Bs" is one word


def analyse(question: str) -> Analysis:
    """Read a question into an :class:`Analysis` (entities are linked later, against the graph)."""
    q = _digits(_plain_sentences(_WH_IS.sub(_wh_in_full, _FILLER.sub("", _letter_stripped(question)))))
    # "The deficit was around £15 million, wasn't it?" asks what it was
    q, guessed = without_guess(q, yes_no=bool(_YES_NO_OPENING.match(q) or CHECK_TAG.search(q)))
    # "When the strategy came before scrutiny, what did the committee resolve?": the clause
    # that asks says what kind of answer is wanted; the one before it sets the scene.
    clause = _main_clause(q)
    # "Is the adviser named anywhere, and if so who is it?": the question after "if so" is the one typed
    so = _IF_SO.search(q)
    typed = q[so.end():] if so is not None and len(q) - so.end() >= 6 else None
    # "Is the profile shifting? What share came in aged 10-15?": the last question is the one to answer.
    asks = [x for x in re.split(r"(?<=\?)\s+(?=[A-Z])", q) if x.strip().endswith("?")]  # (not "I heard it was a record.")
    clause = clause or (asks[-1] if len(asks) > 1 else None)
    # "My child may live outside the area. Do staff still visit?": the sentence that asks is typed.
    clause = clause or ((parts := _sentences(q)) and len(parts) > 1 and _asking(parts)) or None
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
    spans = [_shifted(q, span) for span in find_spans(q)]
    # "What rating did Ofsted give it in 2021, before it was rated good in June 2022?": the
    # trailing clause's date sets the scene; the question's own date is the one asked
    if (scene := _SCENE_AFTER.search(q)) is not None and any(q.find(s.label) < scene.start() for s in spans):
        spans = [s for s in spans if q.find(s.label) < scene.start()]
    if (lead := _AFTERMATH.match(q)) is not None:
        # "Following the July 2023 inspection, who was proposed to chair…": what is asked came after
        spans = [DateSpan(s.label, s.start, date(s.start.year + AFTERMATH_YEARS, 12, 31))
                 if 0 <= q.find(s.label) < lead.end() else s for s in spans]
    if answer_type == AnswerType.DATE:
        # "In what year, according to the Sufficiency Report 2020, was the guidance issued?": the
        # source's date does not date what is asked.
        sources = [m.span() for m in _SOURCE.finditer(q)]
        spans = [_beside(q, s) for s in spans if not any(a <= q.find(s.label) < b for a, b in sources)]
    years = tuple(sorted({y for s in spans for y in range(s.start.year, s.end.year + 1)}))
    words = WORD.findall(q)
    # "Did the assessment find that X?": X is what is asked; the paper named is where to look.
    says = _SAYS_WHETHER.match(q)
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
        salient=tuple(_salient(WORD.findall(proper))) if proper != q else tuple(_salient(words)),
        years=years,
        dates=tuple(spans),
        latest=wants_latest(q),
        unit_hint=unit if answer_type in (AnswerType.FIGURE, AnswerType.TREND) else None,
        actor=_actor(q),
        predicate=_predicate(rewrite_phrases(q)),
        acronyms=spelled_out(q),
        excluded=_excluded(q),
        role=_role(q) if answer_type == AnswerType.PERSON else None,
        focus=focus,
    )


_ASKING = re.compile(r"^\s*(?:(?:in|on|at|by|for|from|to|during|since|after|before|under|within|according to)\s+)?(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do|has|have|had|"
                     r"can|could|will|would|should|shall|may|might|tell|give|explain|describe|summari[sz]e)\b", re.I)
_HEAD_END = re.compile(r"\s(?:on|of|for|in|at|to|from|by|about|under|during|since|with|listed|set|given|made)\s", re.I)
_KEYWORD_TYPES = (
    (AnswerType.PERSON, re.compile(r"\b(?:name|names|who|officer|author|authors|contact|chair|chairman|adviser|advisor|"
                                   r"director|presenter)\b", re.I)),
    (AnswerType.DATE, re.compile(r"\b(?:date|dates|when|deadline)\b", re.I)),
    (AnswerType.DECISION, re.compile(r"\b(?:decision|decisions|recommendation|recommendations|resolution|resolved|"
                                     r"agreed|decided|recommended|verdict|outcome)\b", re.I)),
    (AnswerType.FIGURE, re.compile(r"\b(?:cost|costs|rate|rates|price|budget|spend|funding|amount|number|numbers|total|count|"
                                   r"percentage|proportion|share|figure|deficit|overspend|salary|fee|fees|allowance|caseloads?|headcount)\b", re.I)),
    (AnswerType.LIST, re.compile(r"\b(?:themes|risks|areas|reasons|priorities|services|recommendations|actions|"
                                 r"strengths|weaknesses|options|types|kinds)\b", re.I)),
)


# "Could you remind me…", "I'd be interested to know…", "I wonder whether you could list…",
# "Give me…": a request around the question; "…, I wonder?" after it.
_WH_IS = re.compile(r"\b(what|who|where|when|how|which)(?:['\u2019]s|(?<!which)s)\b(\s+\w+)?", re.I)  # "whats" typed fast
# "Dear Sir/Madam, … Many thanks, J.": a letter's greeting and sign-off around the question
_GREETING = re.compile(r"^\s*(?:dear\s+(?:sir\s*(?:/|or)\s*madam|sir|madam|all|colleagues?|(?:the\s+)?council|"
                       r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})\b\s*[,:!]?|"
                       r"(?:hello|hi|hey|greetings|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|all|team))?\s*[,:!])\s*",
                       re.I)
_SIGN_OFF = re.compile(r"(?<=[?.!])\s*(?:(?:many|huge|great)\s+thanks|thanks?(?:\s+you)?(?:\s+(?:very much|so much|in advance))?|"
                       r"(?:kind|best|warm)\s+regards|regards|best wishes|cheers|yours (?:faithfully|sincerely))"
                       r"\s*[,.!]?(?:\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})?\s*[.!]?\s*$", re.I)
# "ok so what was …", "Right, who chairs …": words that open speech, not the question
_FILLER = re.compile(r"^\s*(?:(?:ok(?:ay)?|um+|erm|er|uh|hi|hello|hey|anyway|alright|and|also|so(?!\s+(?:far|many|much|that)\b))"
                     r"\b[\s,:;]*|(?:right|well|now)\s*,\s*|back\s+(?=(?:in|at|on|around|during)\s))+", re.I)


def _letter_stripped(question: str) -> str:
    """The question inside a letter: "Dear Sir/Madam, how many …? Many thanks, J." → "how many …?"."""
    inner = _SIGN_OFF.sub("", _GREETING.sub("", question.strip(), count=1)).strip()
    return inner if len(inner) >= 8 else question.strip()


def _wh_in_full(m: re.Match) -> str:
    """"What's the salary?" asks what is; "What's happened to…" what has."""
    after = (m[2] or "").strip().lower()
    has = after.endswith("ed") or after in ("been", "gone", "done", "got", "made", "taken", "seen", "left", "become")
    return f"{m[1]} {'has' if has else 'is'}{m[2] or ''}"
_REQUEST = re.compile(
    r"^\s*(?:(?:i\s+)?wonder (?:whether|if) you (?:could|can|would|might)\s+|(?:could|can|would|will) you (?:(?:please|kindly)\s+)*|"
    r"(?:please|kindly)\s+)?(remind me(?: of)?|tell me|let me know|give me|show me|find me)\s+(?:please\s+)?|"
    r"^\s*(?:(?:i\s+)?wonder (?:whether|if) you (?:could|can|would|might)|(?:could|can|would|will) you(?: please| kindly)*|please)\s+"
    r"(?:list|confirm|name|say)\s+|"
    r"^\s*i(?:'d|\u2019d| would) (?:be interested to know|like to know|like to ask|like to check|"
    r"be (?:very |most |so )?grateful (?:to (?:know|learn|hear)|if you (?:could|would) (?:tell me|let me know|say|confirm))|"
    r"(?:really |very much )?appreciate (?:knowing|it if you (?:could|would) (?:tell me|let me know|say|confirm)))\s+|"
    r"^\s*i (?:want|need) to know\s+|^\s*(?:do|does) (?:you|we|they|anyone|anybody) (?:happen to )?know\s+|"
    r"^\s*(?:any|got any|have you (?:got )?any) ideas?(?: (?:of|on|about))?\s+(?=(?:how|what|who|when|where|which|why|whether|if)\b)|"
    r"^\s*i wonder\s+(?=whether|if)", re.I)
_CHECKING = re.compile(r"^\s*(?:(?:is|isn['\u2019]t|was|wasn['\u2019]t) it (?:not )?(?:true|right|correct|the case|so)|"
                       r"am i (?:right|correct)(?: in (?:thinking|saying|understanding))?|"
                       r"would i be (?:right|correct) (?:in|to) (?:think|thinking|say|saying)|"
                       r"(?:can|could) you confirm|is it (?:fair|accurate) to say)\s+(?:that\s+)?", re.I)
_NEGATED_TAG = re.compile(r",\s*(?:is|was|are|were|did|does|do|has|have|had|wo|ca)n['\u2019]t\s+(?:it|they|there|he|she|we|you|that|i)"
                          r"\s*\?\s*$", re.I)
_NEGATED_AUX = re.compile(r"^(\s*(?:is|was|are|were|did|does|do|has|have|had|wo|ca|could|should|would))n['\u2019]t\b", re.I)
_TAG = re.compile(r",?\s+i wonder\s*\??\s*$", re.I)
_SCENE_AFTER = re.compile(r",\s*(?:before|after|since|following|until|when)\s+(?:it|they|he|she|this|that|the)\b[^?]*\?\s*$", re.I)
_YES_NO_OPENING = re.compile(r"\s*(?:is|are|was|were|did|does|do|has|have|had|can|will)\b", re.I)
_IF_SO = re.compile(r",?\s*(?:and\s+)?if so,?\s+(?=(?:what|who|whom|which|when|where|how)\b)", re.I)
_WH = re.compile(r"(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)


def _plain_sentences(text: str) -> str:
    """:func:`plain_question` over each sentence ("My neighbour asked me. Would you kindly tell me
    how many …?" asks "How many …?" in its second)."""
    parts = _sentences(text)
    return " ".join(plain_question(p) for p in parts) if len(parts) > 1 else plain_question(text)


def plain_question(request: str) -> str:
    """A question put as a request, as the question it asks: "Could you remind me how many …"
    → "How many …?"; "Give me the three partners of the MSCP" → "What are the three partners
    of the MSCP?"; "I'd be interested to know whether X rose" → "Is it so that X rose?"."""
    text = _TAG.sub("?", request)
    # "Isn't it true that X?", "Am I right that X?", "X, wasn't it?": a check of a claim is a yes/no question
    if (m := _CHECKING.match(text)) is not None and len(text) - m.end() >= 8:
        return "Is it so that " + text[m.end():].rstrip(" .?!") + "?"
    if (m := _NEGATED_TAG.search(text)) is not None and m.start() >= 8:
        return "Is it so that " + text[:m.start()].rstrip(" ,") + "?"
    # "Wasn't the report written by X?" asks what "Was the report written by X?" asks
    text = _NEGATED_AUX.sub(lambda m: {"wo": "will", "ca": "can"}.get(m.group(1).strip().lower(), m.group(1)), text, count=1)
    m = _REQUEST.match(text)
    if m is None or len(text) - m.end() < 8:
        return text
    rest = text[m.end():].rstrip(" .?!") + "?"
    if re.match(r"(?:whether|if)\b", rest, re.I):
        return "Is it so that " + rest.split(None, 1)[1]
    if _WH.match(rest):
        # "what the average caseload was in 2023" asks "what was the average caseload in 2023"
        m = re.match(r"(what|which|who|where|when)\s+((?:the|a|an|its|their)\s+.+?)\s+(is|was|are|were)\b(.*)", rest, re.I)
        rest = f"{m[1]} {m[3]} {m[2]}{m[4]}" if m else rest
        return rest[0].upper() + rest[1:]
    rest = re.sub(r"^(?:the|a|an)\s+", "", rest, flags=re.I)
    cuts = [m.start() for m in (_HEAD_END.search(rest), re.search(r"\s(?:that|which|who|whose)\s", rest)) if m]
    head = rest[: min(cuts, default=len(rest))].rstrip(" .?!").split()
    plural = bool(head) and head[-1].lower().endswith("s") and not head[-1].lower().endswith("ss")
    return f"What {'are' if plural else 'is'} the {rest}"


def _keyword_type(question: str) -> AnswerType:
    """A query typed as keywords ("Hazel House annual running cost", "lead officer on the
    strategy") is typed by its head, the words before the first preposition, else by all its
    words."""
    if re.match(r"\s*any\b", question, re.I):
        return AnswerType.YESNO  # "Any of the 16 young people placed in hotels?"
    if _ASKING.match(question):
        return AnswerType.TEXT
    cut = _HEAD_END.search(question)
    for part in ((question[:cut.start()],) if cut else ()) + (question,):
        found = next((t for t, rx in _KEYWORD_TYPES if rx.search(part)), None)
        if found is not None:
            return found
    return AnswerType.TEXT


# "a year after the July 2023 inspection"; not "in the 12 months before…", which is a period
# ending at the date and already overlaps it.
_RELATIVE = re.compile(r"(?<!the )\b(a|an|1|2|3|4|5|6|7|8|9|10|11|12)\s+(year|month)s?\s+(after|later than|on from)\s+"
                       r"(?:the\s+)?$", re.I)


def _shifted(question: str, span: DateSpan) -> DateSpan:
    """"a year after the July 2023 inspection" asks about July 2024, not July 2023."""
    at = question.find(span.label)
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


# "Does the Portfolio Holder's report say any children are…": the paper is where to look, not the subject.
_SAYS_WHETHER = re.compile(r"^(?:does|did|do) (?:the |a |an )?(?:[\w'\u2019-]+ ){0,5}?(?:report|paper|minutes|update|strategy|"
                           r"plan|briefing|assessment|review|inspection|audit|survey|papers|reports)s? "
                           r"(?:say|state|show|mention|note|record|confirm|find|conclude|identify)s? "
                           r"(?:that |whether |if )?(?=\S)", re.I)
_ACCORDING_TO = re.compile(r",?\s+(?:according to|as (?:set out|reported|stated|described) in|per) (?:the |a |an )?"
                           r"[^,?]{3,80}?(?:report|paper|minutes|update|strategy|plan|briefing|assessment)s?\s*\??\s*$", re.I)
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
BESIDE_YEARS = 10  # how far before or after a dated event a question asks ("when had allowances last gone up before…")
_AFTER = re.compile(r"\b(?:after|following|since)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_BEFORE = re.compile(r"\b(?:before|prior to|ahead of)\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def _beside(question: str, span: DateSpan) -> DateSpan:
    """"When was the fifth visit after the 2019 inspection?" asks about the years after 2019, not
    2019; "before the October 2022 increase", about the years up to it."""
    head = question[:max(0, question.find(span.label))]
    if _AFTER.search(head):
        return DateSpan(span.label, span.start, date(span.end.year + BESIDE_YEARS, 12, 31))
    if _BEFORE.search(head):
        return DateSpan(span.label, date(span.start.year - BESIDE_YEARS, 1, 1), span.end)
    return span
_SOURCE = re.compile(r"\baccording to\b[^,?]*", re.I)
_LEAD_IN = re.compile(r"^(?:In|At|For|From|After|Following|According to|Looking at|Turning to)\b[^,?]{5,140},\s+(?=\S)")


def asked_clause(question: str) -> str:
    """What a question asks, without scene-setting before or after it ("Now that Ofsted has
    rated the service Good, will the Direction stay?" → "will the Direction stay?")."""
    proper = question_proper(question)
    return _main_clause(proper) or proper


def asking_sentence(question: str) -> str:
    """The sentence of a question that asks ("Our church helps asylum seekers in Chatham. Did
    the committee …?" asks in its second)."""
    return _asking(_sentences(question))


def _sentences(question: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", question) if x.strip()] or [question]


def _asking(parts: list[str]) -> str:
    """The sentence that asks: the last one ending in a question mark ("How many …? I heard
    it was the most ever." asks in the first), else the last."""
    return next((x for x in reversed(parts) if x.rstrip().endswith("?")), parts[-1])


def question_proper(question: str) -> str:
    """The question without its scene-setting: a leading sentence ("The October update says X.")
    or a leading phrase ending in a comma ("In the Lead Member's March 2023 report, …")."""
    parts = _sentences(question)
    proper = _asking(parts) if len(parts) > 1 else question
    m = _LEAD_IN.match(proper) or _SAYS_WHETHER.match(proper)
    proper = proper[m.end():] if m and len(proper) - m.end() > 15 else proper
    source = _ACCORDING_TO.search(proper)
    if source and source.start() > 15:
        return proper[: source.start()] + "?"
    # "Will the Direction stay in place now that Ofsted has rated the service Good?": the
    # trailing clause sets the scene; what is asked comes before it.
    scene = _TRAILING_SCENE.search(proper)
    return proper[: scene.start()] + "?" if scene and scene.start() > 15 else proper


_RULE = {t: rx for t, rx in reversed(_TYPE_RULES)}  # (the first rule of each type)
_COMPARED_THING = re.compile(r"\bcompared (?:to|with) (?!(?:the )?(?:last|previous|prior|same|year|before|earlier|\d{4})\b)", re.I)
_TRAILING_SCENE = re.compile(r",?\s+\b(?:now that|given that|in (?:the )?light of|in view of)\b|,\s+(?:following|after)\b", re.I)


# A question that opens with a subordinate clause or a scene ("When …,", "Besides noting …,",
# "Meetings are capped at three hours - how much …") asks in the clause after the break.
_OPENS_ASKING = re.compile(r"^\s*(?:(?:in|on|at|by|for|from|to|during|since|after|before|under|within|according to)\s+)?(?:what|which|who|whom|whose|how|is|are|was|were|did|does|do|has|have|had|can|"
                           r"could|will|would|should|list|name)\b", re.I)
_ASKING_CLAUSE = re.compile(r"(?:[,;:]|\s[-\u2013\u2014])\s+(?:but\s+)?(?=(?:what|which|who|whom|whose|when|where|how|is|are|"
                            r"was|were|did|does|do|has|have|had|will|would|can|could|should)\b)", re.I)


def _main_clause(question: str) -> str | None:
    """The asking clause of a question that does not open with it, or None. (A bracket is an
    aside: "(…, which I understand handles adoption)" opens no clause.)"""
    last = re.sub(r"\s*\([^()]*\)", "", _asking(_sentences(question)))
    if _OPENS_ASKING.match(last) or re.match(r"\s*when\s*,", last, re.I):
        return None  # ("When, according to the update, will it open?" asks when)
    breaks = list(_ASKING_CLAUSE.finditer(last))
    if not breaks:
        return None
    clause = last[breaks[-1].end():]
    return clause if len(clause) > 12 else None


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


_ROLE = re.compile(r"\b(?:who (?:is|was|are|were|will be)|(?:what|what's) (?:is |was )?the names? of) "
                   r"(?:the |its |their |[A-Z][\w'\u2019]* )?(?:[\w'\u2019-]+ ){0,2}?"
                   r"(vice[- ]chair(?:man|woman|person)?|chair|chairman|chairwoman|chairperson|leader|mayor|adviser|advisor|clerk|"
                   r"chief executive|director|spokesperson)\b|\bwho (?:actually |currently |now |really )?(chair|lead|head)(?:s|ed)\b|"
                   # "which legal officer signed off…": the answer must be the lawyer
                   r"\bwhich (legal|finance|financial|monitoring|press|communications|safeguarding|designated) officer\b|"
                   r"\bwhich (director|chair|chairman|leader|adviser|advisor|clerk)\b|"
                   # "which councillor chaired / moved / seconded …": the answer must say who did
                   r"\b(?:which|what) (?:councillor|member|officer|person) (chair|clerk|mov|second)(?:ed|s)?\b", re.I)


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
    word = words[0]
    if word in _LIGHT_VERBS:
        return None  # "how many orders were made": making says nothing of what happened to them
    return word if word.endswith("ed") or word in _IRREGULAR_PARTICIPLES else None


def actor_decided(actor: str, text: str, body: str | None, acting: bool = False) -> bool:
    """Whether evidence shows ``actor`` deciding: the paper is the actor's own (its minutes or
    report), or the text says the actor decided ("Cabinet approved", "agreed by Council") rather
    than naming it as the recipient of a recommendation ("to recommend to Cabinet"). When ``acting``
    ("what did the council do about pay?"), any act of the actor's will do ("the Council provided")."""
    words = [re.sub(r"['\u2019]s$", "", w) for w in re.findall(r"[a-z][\w'\u2019&-]*", actor.lower())
             if w not in _GENERIC_ACTOR]  # "the children's scrutiny committee": the Children and … Committee
    if not words:
        return True
    name = r"(?:['\u2019]s)?\s+".join(re.escape(w) for w in words) + r"(?:['\u2019]s)?"  # "Children’s Services"
    verbs = f"(?:{DECISION_VERBS}|{_STATED}{'|[a-z]+ed' if acting else ''})"  # "what did the council do": any act
    # "… approved by Cabinet": a decision the text gives to another body is not the actor's,
    # even in the actor's own paper.
    others = [m.group(1) for m in _DECIDED_BY.finditer(text)]
    if others and not any(re.search(rf"\b{name}\b", o.lower()) for o in others):
        return False
    if body and set(words) <= set(re.findall(r"[a-z][\w'\u2019&-]*", body.lower())):
        return True
    return bool(re.search(rf"\b{name}\b(?:\s+[\w'\u2019-]+){{0,3}}?\s+{verbs}\b|"
                          rf"\b{verbs}\s+(?:\w+\s+)?by\s+(?:the\s+)?{name}\b", text.lower()))


ASKS_WHAT_DONE = re.compile(r"\bwhat did (?:the )?[\w'\u2019 -]{1,60}? (?:actually |really |then |also )?do\b", re.I)
_DECIDED_BY = re.compile(r"\b(?:approved|agreed|adopted|endorsed|ratified|decided|rejected|refused)\s+by\s+(?:the\s+)?"
                         r"((?:[A-Z][\w'\u2019&-]*\s*){1,5})")
_GENERIC_ACTOR = frozenset({"full", "the", "council's", "meeting", "councillors", "members"})  # (members are the body)


_PAST_QUESTION = re.compile(r"\b(?:did|was|were|had)\b", re.I)
_FUTURE_QUESTION = re.compile(r"\b(?:will|shall|going to|plans?|planned|expected|due|(?:was|were)\b[^?]{0,80}?\bto be)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are) (?:expected|due|planned|going|scheduled) to|plans? to|intends? to|"
                     r"(?:is|are) proposing to|proposes to)\b",
                     re.I)
_PAST_FINITE = re.compile(r"\b(?:was|were|had)\b", re.I)
_PAST_FORM = re.compile(r"\b(?:was|were|had|has been|have been|(?-i:[a-z]\w{2,}ed))\b", re.I)


def future_only(question: str, sentence: str) -> bool:
    """Whether a question about what happened ("What did Ofsted find…") meets a sentence that
    only says what will happen ("Ofsted will return…"): the papers predate the outcome."""
    if not _PAST_QUESTION.search(question) or _FUTURE_QUESTION.search(question):
        return False
    future = _FUTURE.search(sentence)
    if future is None or _PAST_FINITE.search(sentence):  # "You will be aware that the deficit was…"
        return False
    return not _PAST_FORM.search(sentence, 0, future.start())


def past_only(question: str, sentence: str) -> bool:
    """Whether a question about what is to come ("When is the new strategy due to be published?")
    meets a sentence that speaks of nothing to come ("In June 2022 the home was rated good")."""
    return bool(_ASKS_AHEAD.search(question)) and not _AHEAD.search(sentence)


_ASKS_AHEAD = re.compile(r"^\s*when\s+(?:is|are)\b[^?]{0,80}?\b(?:due|expected|planned|scheduled|going|set|intended)\s+to\b|"
                         r"^\s*when\s+will\b", re.I)
_AHEAD = re.compile(r"\b(?:will|shall|due|expected|planned|planning|plans?|scheduled|intends?|intended|aims?|aiming|hopes?|"
                    r"anticipated|proposed|future|next|forthcoming|upcoming|later|going to|to be)\b", re.I)


def _digits(question: str) -> str:
    """Number words from three up as digits ("twelve months" → "12 months"); "one" and "two"
    stay, since "one of the…" and "the two reports" are rarely counts to match. An age band is
    written as the papers write it ("aged 10 to 15" → "aged 10-15")."""
    question = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(0).lower()], question)
    for rx, written in _AS_THE_PAPERS_SAY:
        question = rx.sub(written, question)
    return re.sub(r"\b(aged?|ages)\s+(\d+)\s+to\s+(\d+)\b", r"\1 \2-\3", question, flags=re.I)


# Phrases members use for what papers name otherwise (a council's cabinet member for a service, or
# the councillor in charge of it, is its portfolio holder; a child "without parents" is
# unaccompanied), read as the papers write them.
_AS_THE_PAPERS_SAY = ((re.compile(r"\bcabinet member\b", re.I), "portfolio holder"),
                      (re.compile(r"\b(?:councillor|member) (?:who )?(?:is |was |will be )?in charge of\b", re.I), "portfolio holder for"),
                      (re.compile(r"\b(?:(?:who )?(?:arrive|arrives|arrived|arriving|come|comes|came|coming) )?(?:without "
                                  r"(?:their |any )?(?:parents|family|families|an adult)|alone|on their own)\b", re.I),
                       "unaccompanied"),
                      # "did the number stay steady?": papers say a number "remained stable"
                      (re.compile(r"\b(?:stay|stays|stayed|remain|remains|remained|hold|held|kept|keep)\s+(?:steady|level|flat|"
                                  r"the same|unchanged|constant)\b", re.I), "remained stable"),
                      # shorthand of committee business that papers write in full
                      (re.compile(r"\bcttees?\b|\bcttee\b", re.I), "committee"),
                      (re.compile(r"\bmtgs?\b", re.I), "meeting"),
                      (re.compile(r"\brecs\b", re.I), "recommendations"),
                      (re.compile(r"\bgovt\b", re.I), "government"),
                      (re.compile(r"\bapprox\.?(?=\s)", re.I), "approximately"),
                      (re.compile(r"\bYP\b"), "young people"),
                      (re.compile(r"\bLAs\b"), "local authorities"),
                      (re.compile(r"\bLA\b"), "local authority"),
                      (re.compile(r"\bSWs\b"), "social workers"),
                      (re.compile(r"\bSW\b"), "social worker"),
                      (re.compile(r"\bPH\b"), "Portfolio Holder"),
                      (re.compile(r"\bAD\b"), "Assistant Director"),
                      (re.compile(r"\bDCS\b"), "Director of Children's Services"),
                      (re.compile(r"\bO&S\b"), "Overview and Scrutiny"),
                      (re.compile(r"\b(?:CiC|CIC|CLA|LAC)\b"), "children in care"),
                      (re.compile(r"\bCP\b"), "child protection"),
                      # "Oct 23", "1 Apr 22": a month with a two-digit year
                      (re.compile(r"\b((?:\d{1,2}(?:st|nd|rd|th)? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?) "
                                  r"([0-3]\d)\b(?![\d/]|[:.]\d)", re.I), r"\1 20\2"))
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(w for w, n in _NUMBER_WORDS.items() if int(n) >= 3) + r")\b", re.I)


_COMMENTS_MADE = re.compile(r"\b(?:comments?|representations?|observations?) did (?:the\s+)?([A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){0,4})\s+make\b|"
                            # "What decision did Cabinet take on the strategy?"
                            r"\b(?i:decisions?|resolutions?|actions?) (?i:did) (?:(?i:the)\s+)?([A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){0,4})\s+"
                            r"(?i:take|make|reach|come to|arrive at|pass)\b")
_NOT_ACTOR = frozenset("asked to been being not also then able expected due going about set first and or later subsequently "
                       "eventually jointly unanimously in at on during".split())  # "the committee in October 2023": the committee


_DID_DO = re.compile(r"\b(?i:what did) (?:(?i:the)\s+)?((?:[\w'\u2019-]+\s+){0,5}?(?:[Cc]ommittee|[Cc]abinet|[Cc]ouncil|[Bb]oard|"
                     r"[Pp]anel|[Ff]orum|[Mm]embers|[Cc]ouncillors))\s+(?:(?:actually|finally|eventually|formally|then)\s+)?do\b")


def _actor(question: str) -> str | None:
    m = _ACTOR.search(question) or _COMMENTS_MADE.search(question) or _DID_DO.search(question)
    if m is None:
        return None
    words = (m.group(1) or (m.group(2) if m.re is not _DID_DO else None) or "").split()
    # "was the committee asked to adopt": the committee, not "committee asked to"
    kept = []
    for w in words:
        if w.lower() in _NOT_ACTOR:
            break
        kept.append(w)
    if kept and _PAPER_NOUN.match(kept[-1]):
        return None  # "did the Portfolio Holder's March 2023 report say": a paper is where to look, not a decider
    return " ".join(kept) or None


_PAPER_NOUN = re.compile(r"(?:report|paper|minutes|update|strategy|plan|briefing|assessment|review|audit|survey|"
                         r"agenda|appendix|letter)s?$", re.I)
_MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())


def _salient(words: list[str]) -> list[str]:
    """Capitalised words after the first: names, places and bodies the answer must be about."""
    out = []
    # ("Children's Improvement Board - who is the chair?": a headline's first word is a name's too)
    named_first = len(words) > 1 and words[1][:1].isupper() and words[0].lower() not in STOP and not _ASKING.match(words[0])
    for i, w in enumerate(words):
        if (i == 0 and not named_first) or not w[0].isupper() or w.lower() in STOP or w.lower() in _MONTH_NAMES:
            continue  # a month is a date, which date fit weighs
        word = w.strip("'\u2019")  # "under 'Grow Your Own'": the quotes are not the name's
        out.append(word[:-2] if word.endswith(("'s", "\u2019s")) else word)
    return out
