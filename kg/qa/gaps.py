"""What a question names that the evidence of an answer does not: the gaps calibration discounts.

A gap is a salient word or qualifier the paragraph lacks, a word no paper holds, a decider not
shown deciding, a topic, measure, grade's domain or payee the answer's sentence does not name,
another kind or member of a series, a whole's figure for a part, or a who-question answered by a
sentence that names no one. ``GapReader`` reads them for one answer against one generation's
papers; ``kg.qa.calibration`` turns them into a confidence.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from kg.knowledge import Snapshot
from kg.qa.acronyms import abbreviations, expansions
from kg.qa.actors import ASKS_WHAT_DONE, actor_decided
from kg.qa.tense import future_only, past_only
from kg.qa.wording import asked_clause, asking_sentence
from kg.qa.calibration import Gaps
from kg.qa.cohorts import age_band_unstated, cohort_swapped, comparator_unstated, counts_complement, repeats_premise, subgroup_unstated
from kg.qa.composer import Context, Scored, lead_in
from kg.qa.extend import speaker_holds
from kg.qa.names import (body_run, fold, headline_topic, opposite_kind, other_kind, other_number, other_post, part_of_whole,
                         qualifiers, run_of, states_role)
from kg.qa.records import Analysis, AnswerType, DateSpan
from kg.qa.typefit import other_measure




class DocumentText(NamedTuple):
    """A document's whole text (folded) and what is read from it once per generation."""

    folded: str
    defined: dict[str, str]
    spans: tuple[DateSpan, ...]
    speakers: dict[str, tuple[str, str]]  # paragraph → the member's line that its "I" is
    scenes: dict[str, tuple[DateSpan, ...]]  # undated paragraph → the dates of its section's lead

_OUTCOME = re.compile(r"\b(?:result|results|outcome|outcomes|findings?|found|find|concluded?|conclusions?|judgement|verdict|"
                      r"say|said|show|showed|came out|come out)\b", re.I)
# "pay its foster carers", "paying agency staff": who is paid
_PAYEE = re.compile(r"\b(?:pay|pays|paying|paid)\s+(?:to\s+)?(?:(?:its|their|our|the|each|an?|[a-z][\w-]*['\u2019]s)\s+)?"
                    r"(?!(?:per|for|a|an|each|every|its|their|our|the)\b)"
                    r"((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?:s|ff|staff))\b", re.I)
def _names_none(whole: str, sentence: str) -> bool:
    """"Which provider held the contract?": a sentence that names no organisation the question
    does not already name does not say which. (The question may set a scene first: "Costs are
    below many neighbours; which authority has the highest?")"""
    question = whole if _WHICH_ORGANISATION.match(whole) else asked_clause(whole)
    if not _WHICH_ORGANISATION.match(question):
        return False
    asked = {w.lower() for w in re.findall(r"[\w'\u2019&-]+", whole)}  # (in any case: "emergency fostering provision")
    if _WHICH_MINISTER.match(question):
        # a minister is a person: named by a name ("Claire Coutinho"), not by an inspectorate beside
        return not any(all(w.lower() not in asked for w in m.group(0).split())
                       for m in re.finditer(r"\b[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+)+", sentence))
    kind = _WHICH_ORGANISATION.match(question).group(0).split()[-1].rstrip("s").lower()
    if re.search(rf"\ban? {kind}\b(?![,:]?\s+(?-i:[A-Z]))", sentence, re.I):
        return True  # "with an architect in place": one is, but who is not said
    # (a council or authority is named by a place, not by a short acronym: "CPI", "NTS", "SE")
    place = kind in ("council", "authority", "local authority")
    return not any(w.lower() not in asked and w.lower() not in _CALENDAR and w.lower() not in _GENERIC
                   and not (place and (w.isupper() and len(w) <= 4 or w.lower().rstrip("'\u2019s") in asked))
                   for w in re.findall(r"(?<!^)(?<![.:;] )\b[A-Z][\w'\u2019&-]+", sentence))


_WHICH_MINISTER = re.compile(r"^\s*which (?:[\w-]+ ){0,2}?ministers?\b", re.I)
_CALENDAR = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# capitalised, but no one's name; nor these, which name the council's own bodies, not a provider
_GENERIC = frozenset("council councils committee cabinet government".split())


_WHICH_ORGANISATION = re.compile(r"^\s*(?:which|what|who was the|who is the|name the) (?:(?!of\b)[\w-]+ ){0,2}?(?:provider|company|firm|organisation|"
                                 r"organization|agency|charity|contractor|supplier|operator|architect|practice|consultant|"
                                 r"consultancy|partner)s?\b|"
                                 # "which Minister indicated…", "which council has 38.5% agency staff": one must be named
                                 r"^\s*which (?:[\w-]+ ){0,2}?(?:minister|council|local authority|authority|department)s?\b", re.I)


def _other_council(question: str, near: str, council: str) -> int:
    """1 when the question names a council other than the paper's own that the paragraph does not
    name ("what's Kent County Council's deficit?" answered from Medway's paper), else 0."""
    own = set(fold(council).split())
    for m in _COUNCIL_NAMED.finditer(question):
        name = fold(m.group(1))
        if not set(name.split()) - {"council", "county", "borough", "district", "city", "the"} <= own and name not in near:
            return 1
    return 0


def _with_antecedent(best: Scored) -> str:
    """The answer's sentence, with the one before it when it opens by pointing back ("That has
    been brought down to 451 children": the children in care of the sentence before)."""
    text = best.sentence.text
    if not _POINTS_BACK.match(text):
        return text
    before = best.context.text[: max(0, best.context.text.find(text))]
    return re.split(r"(?<=[.!?])\s+", before.strip())[-1] + " " + text


_REPORT_ON = re.compile(r"\b(?:report|paper|update|briefing) (?:on|about|into) (?:the )?((?:[\w'\u2019-]+ ){0,4}?[\w'\u2019-]+)"
                        r"(?= (?:be|is|was|were|will|would|scheduled|due|to be|come|came|presented|brought|made|published|released|issued|"
                        r"circulated|shared)\b|\s*\?|$)", re.I)
_DECIDED_ABOUT = re.compile(r"\b(?:decide[ds]?|agree[ds]?|resolve[ds]?|do|did)\s+(?:about|on|with|regarding|concerning)\s+(?:the\s+)?"
                            r"((?:[\w'\u2019-]+ ){0,5}?(?:report|paper|update|briefing|item|group|proposal|motion|project|"
                            r"(strateg(?:y|ies)|plan|polic(?:y|ies)|programme|review))s?)\b", re.I)
# "On what date is the engagement event for providers scheduled?": the thing dated
_DATED_THING = re.compile(r"\b(?:when|(?:on |by )?(?:what|which) (?:date|day)) (?:is|was|were|are|will|did|does|has|had) "
                          r"(?:[\w'\u2019-]+ ){0,5}?((?:(?!(?:the|a|an|its|their|for|to|of)\b)[\w'\u2019-]+ ){0,2}?"
                          r"(?:event|session|workshop|conference|consultation|launch|deadline|visit))\b"
                          # (not the verb: "when did Medway launch Hazel House")
                          r"(?!\s+(?:(?-i:[A-Z])|the\b|its\b|their\b|our\b|an?\b))", re.I)
# "When is the home expected to open?": what is dated is the opening (or a start, close, launch)
# "When is the workforce report due to come back?": what is dated is a paper
_DATED_PAPER = re.compile(r"\b(?:when|(?:on |by |at )?(?:what|which) (?:[\w-]+ )?(?:date|day|month|meeting)) (?:is|are|was|were|will) "
                          r"(?:the |a |an |that |this )?(?:[\w'\u2019-]+ ){0,4}?(?:report|update|paper|briefing)s?\b", re.I)
_PAPER_WORD = re.compile(r"\b(?:report|update|paper|briefing|item)s?\b", re.I)
_DATED_ACT = re.compile(r"\b(?:when|(?:on |by |in )?(?:what|which) (?:date|day|month|year)) (?:is|are|was|were|will|did|does|do) "
                        r"[^?]{3,80}? (?:(?:expected|due|planned|scheduled|going|set|hoped) )?to (open|reopen|close|start|begin|launch)\b",
                        re.I)
_OPENING = "open opens opened opening reopen launch launched start started begin began live"  # (one act, many words)
# "On what date did the Minister formally lift the Direction?", "when will Eden House start
# taking children?": an act a date is asked of, which the sentence giving the date must state
_DATED_DEED = re.compile(r"\b(?:when|(?:on |by |in )?(?:what|which) (?:date|day|month|year)) (?:did|will|does|do) "
                         r"(?:the |a |an |its |their )?(?:[\w'\u2019-]+ ){1,5}?(?:formally |officially |actually |finally )?"
                         r"(lift|rescind|revoke|withdraw|open|reopen|start|begin|launch|close|publish|register|appoint)\b", re.I)
# "the turnover rate", "the attendance percentage": the word that names the measure
_MEASURE = re.compile(r"\b([a-z][a-z-]+) (?:rate|ratio|percentage|level)s?\b")
_NOT_A_MEASURE = frozenset("""the a an its their our this that what which current latest overall average national local
total weekly annual monthly hourly daily new old same higher lower high low exact precise actual usual typical
growth change increase decrease highest lowest higher lower greater greatest key main significant""".split())
# "what grade … for the experiences of care leavers?", "rated for leadership in 2023"
_RATED_FOR = re.compile(r"\b(?:grades?|graded|ratings?|rated|judgements?|judgments?|judged)\b.*?\bfor\s+(?:the\s+|its\s+)?"
                        r"((?:[\w'\u2019-]+\s+){0,6}?[\w'\u2019-]+?)\s*(?:\?|$|,|\b(?:in|at|by|from|on|under)\s+(?:the\s+)?(?:\d|[A-Z]))")
_OWN = re.compile(r"\bown\b", re.I)
_ASKS_FIGURES = re.compile(r"\b(?:percentages?|figures?|numbers?|rates?|amounts?|totals?|counts?|costs?)\b", re.I)
# "Kent County Council's deficit": a council the question names, whose figure is asked
_COUNCIL_NAMED = re.compile(r"\b((?:(?!(?:What|Which|Who|When|How|Did|Does|Do|Has|Have|Had|Is|Was|Were|Are|The|A|An|And|"
                            r"Or|Of|In|At|By|For|To|From|Under)\b)[A-Z][\w'\u2019-]+\s+){1,3}?(?:County\s+|Borough\s+|District\s+|City\s+)?Council)\b")
_NATIONAL = re.compile(r"\bnational(?:\s+[\w'-]+)?\s+(?:average|rate|figure|level|mean|median|picture|comparison|benchmark|"
                       r"data|statistics|trend|turnover)s?\b|\bnationally\b|\b(?:in|across) England\b|\bEngland average\b", re.I)
_POINTS_BACK = re.compile(r"^(?:(?:at|by|in|on|since|from|as of)\s+[^,]{0,30}?,?\s+)?(?:this|that|these|those|it|they)\b", re.I)
# "To support the delivery of this plan, …": a paragraph about the thing the one before it names
_BACK_REFERENCE = re.compile(r"\b(?:this|these|that|the said)\s+(?:[a-z-]+\s+)?(?:plan|programme|strategy|scheme|project|"
                             r"policy|funding|grant|report|review|service|proposal|approach|work|contract|budget)s?\b", re.I)
GRADER = re.compile(r"\b(?i:did|does|has|have)\s+(?:the\s+)?(?:\d{4}\s+)?([A-Z][\w'-]*?(?:\s+[A-Z][\w'-]*?){0,3})(?:['\u2019]s)?"
                     r"(?:\s+(?:[A-Z][a-z]+\s+)?\d{4})?\s+"
                     r"(?:(?:inspection|visit|review)\s+)?(?:give|gave|award|rate|grade|judge|find)\b|"
                     r"\bby\s+([A-Z][\w'-]*)\b")
# Words a question is more often phrased with than about: participles and connectives
# ("reached", "tracing", "shifted", "versus"). Absent from every paper, they weigh less than an
# absent noun ("library", "potholes"), which usually means the papers do not cover the subject.
PHRASING = re.compile(r"(?:ed|ing)$|^(?:versus|whereas|vs)$")


class GapReader:
    """Reads the gaps of answers to one question against one generation's papers."""

    def __init__(self, snap: Snapshot, tokenize: Callable[[str], list[str]],
                 document: Callable[[str], DocumentText], names: frozenset[str]) -> None:
        self.snap = snap
        self.tokenize = tokenize
        self.document = document  # document id → its text, cached by the caller
        self.names = names  # people's names of two words or more, lower case

    def gaps(self, a: Analysis, best: Scored, rare: set[str], absent: set[str]) -> Gaps:
        """What the question names that the best answer's evidence does not."""
        near = fold(best.context.text + " " + best.context.around)
        doc_id = best.context.document_id
        whole, defined = self.document(doc_id)[:2]
        near = f"{near} {fold(expansions(best.context.text, defined))} {fold(abbreviations(f'{best.context.text} {best.context.around}', defined))}"
        if best.context.headed:
            near = f"{near} {whole}"  # a form's field is about the form: its subject is the paper's
        elif _BACK_REFERENCE.search(best.context.text):
            near = f"{near} {fold(self.previous_text(best.context))}"  # "this plan": the one just named
        # (a place in a preamble, "Our church helps asylum seekers in Chatham.", does not restrict)
        phrases = [[fold(w) for w in phrase] for phrase in qualifiers(asking_sentence(a.question))]
        qualifying = {w for phrase in phrases for w in phrase}
        missing = [w for w in a.salient if fold(w) not in near]
        if a.answer_type == AnswerType.RATING:
            # A grade belongs to what the paragraph is about: "Parklands" stated elsewhere in the
            # paper does not make a paragraph on the service's rating the home's. (The paper's
            # own council and body go without saying.)
            meta = self.snap.catalog.document(best.context.document_id).meta
            grader = GRADER.search(a.question)  # "did Ofsted give": the inspectorate is not what is graded
            own = fold(" ".join(x for x in (meta.council, meta.body, grader and (grader.group(1) or grader.group(2))) if x))
            whole = " ".join(fold(w) for w in a.salient if fold(w) in near or fold(w) in own)
        # A qualifier ("for the High Needs Block") counts once, whatever its length.
        # "… at the time of the Portfolio Holder's March 2023 report": a paper named, so the paper says it.
        papers = [[fold(w) for w in phrase] for phrase in qualifiers(a.question, papers=True)]
        unmet = sum(1 for phrase in phrases if any(w not in near for w in phrase)
                    and not (phrase in papers and all(w in whole for w in phrase)))
        stems = self._stems(best.context.text + " " + best.context.around + " " + expansions(best.context.text, defined))
        first_stem = {t: self.tokenize(t)[0] for t in a.terms if self.tokenize(t)}
        absent_terms = [t for t, stem in first_stem.items() if stem in absent and stem not in stems]
        doc_meta = self.snap.catalog.document(doc_id).meta
        body, held = doc_meta.body, doc_meta.meeting_date
        # A body named in full ("the Planning Committee") is in the paper only if its name is:
        # "planning" and "committee" apart do not name it.
        unnamed = {w for w in missing if (run := body_run(a.question, w)) and fold(run) not in whole}
        # ("Old Vic assessment unit: did Cabinet approve the plan?": a headline's topic must be the paragraph's)
        unnamed |= {w for w in missing if w in headline_topic(a.question).split() and not w.isupper()}  # (an acronym may be spelt out)
        return Gaps(
            # (the paper's own council is no other actor: "how many plans had Medway agreed")
            actor_unconfirmed=bool(a.actor) and not (a.answer_type not in (AnswerType.DECISION, AnswerType.YESNO)
                                                     and set(fold(a.actor).split()) <= set(
                fold(self.snap.catalog.document(doc_id).meta.council or "").split()))
            and not actor_decided(
                a.actor, best.context.text, body, acting=bool(ASKS_WHAT_DONE.search(a.question))),
            predicate_missing=(bool(a.predicate) and not self._stems(a.predicate) <= self._stems(_with_antecedent(best)))
            or self._payee_missing(a, best),
            # "What was the result of the 2024 review?" cannot be answered by a paper of 2023.
            future_only=future_only(a.question, best.sentence.text) or past_only(a.question, best.sentence.text) or (
                bool(_OUTCOME.search(a.question)) and bool(a.dates) and held is not None
                and all(d.start > held for d in a.dates)),
            # ("who was the Vice Chairman": a sentence naming the post and no one in it does not say)
            role_missing=not states_role(a, best),
            # ("which provider held the contract?", "who was the Vice Chairman?": no one is named)
            nobody_named=_names_none(a.question, best.sentence.text) or self._names_no_one(a, best),
            other_kind=other_kind(asked_clause(a.question), best.sentence.text)
            or other_number(a.question, best.sentence.text) or opposite_kind(asked_clause(a.question), best.sentence.text, best.context.text)
            or other_post(a.question, best.sentence.text) or other_measure(asked_clause(a.question), best.sentence.text),
            salient_absent=sum(1 for w in missing if (fold(w) not in whole or w in unnamed) and fold(w) not in qualifying),
            # "the national average turnover rate": a figure of the council's own does not answer
            qualifier_absent=unmet + bool(_NATIONAL.search(asked_clause(a.question))
                                         and not _NATIONAL.search(best.context.text))
            # ("what % of Medway's own social workers": a national figure is not the council's)
            + bool(_OWN.search(a.question) and _NATIONAL.search(best.sentence.text)
                   and not _NATIONAL.search(asked_clause(a.question)))
            + self.topic_unmet(a, best, defined) + self._domain_unmet(a, best) + self._measure_unmet(a, best)
            + _other_council(asked_clause(a.question), near, doc_meta.council or "")
            # ("how many of the children referred were girls?": the sentence counts all of them)
            + (a.answer_type in (AnswerType.FIGURE, AnswerType.TREND) and (subgroup_unstated(
                asking_sentence(a.question), f"{best.sentence.text} {expansions(best.sentence.text, defined)}", self._stems,
                best.context.text)
                or age_band_unstated(asking_sentence(a.question), best.sentence.text)
                or cohort_swapped(asking_sentence(a.question), best.sentence.text)
                or counts_complement(asked_clause(a.question), best.sentence.text, self._stems)))
            # ("66% …, higher than the previous two years; what were those years' figures?": only the 66%)
            + ((a.answer_type in (AnswerType.FIGURE, AnswerType.TREND) or a.answer_type == AnswerType.LIST and bool(
                _ASKS_FIGURES.search(asked_clause(a.question)))) and repeats_premise(a.question, best.sentence.text))
            # ("how does that compare with our statistical neighbours?": the paragraph names none)
            + comparator_unstated(asking_sentence(a.question), best.context.text, best.sentence.text)
            # ("how many … at Abbey Court School": 156 "at Abbey Court School and Bradfield's Academy" is both's)
            + (a.answer_type == AnswerType.FIGURE and part_of_whole(
                asked_clause(a.question), best.sentence.text, f"{doc_meta.council or ''} {body or ''}")),
            # a name of several words ("Safety Valve", "Lead Member") is one thing the paragraph lacks
            salient_nearby=len({run_of(a.question, w) for w in missing
                                if fold(w) in whole and w not in unnamed and fold(w) not in qualifying}),
            absent_words=len({first_stem[t] for t in absent_terms if not PHRASING.search(t)}),
            absent_phrasing=len({first_stem[t] for t in absent_terms if PHRASING.search(t)}),
            rare_missing=sum(1 for r in rare if r not in stems),
            claim_end_unstated=bool(a.terms) and not self._stems(a.terms[-1]) <= self._stems(best.sentence.text),
        )

    def _payee_missing(self, a: Analysis, best: Scored) -> bool:
        """"How much do we pay our foster carers?": a sum paid to someone else (a placement's
        weekly cost) does not answer; the paragraph must name who is paid."""
        m = _PAYEE.search(a.question)
        if a.answer_type != AnswerType.FIGURE or m is None:
            return False
        payee = self._stems(m.group(1))
        return bool(payee) and not payee <= self._stems(f"{best.context.text} {best.context.around}")

    def previous_text(self, c: Context) -> str:
        """The text of the paragraph before ``c`` in its document ("" for the first)."""
        ids = [p.paragraph.id for p in self.snap.catalog.paragraphs_of(c.document_id)]
        at = ids.index(c.paragraph_id) if c.paragraph_id in ids else 0
        return self.snap.catalog.paragraph(ids[at - 1]).paragraph.text if at > 0 else ""

    def topic_unmet(self, a: Analysis, best: Scored, defined: dict[str, str]) -> bool:
        """"When is the report on the offer for adolescents due?": a paper's own topic words must
        be near the answer; a meeting notice's date elsewhere in the pack does not answer. So for
        "what did the committee decide about the Portfolio Holder's annual report?"."""
        act = _DATED_ACT.search(a.question) if a.answer_type == AnswerType.DATE else None
        said = self._stems(f"{best.sentence.text} {best.context.heading}")
        if a.answer_type == AnswerType.DATE and _DATED_PAPER.search(a.question) and not _PAPER_WORD.search(best.sentence.text):
            return True  # "when is the workforce report due back?": a date the sentence gives no paper
        if act and not self._stems(act.group(1) if act.group(1).lower() == "close" else _OPENING) & said:
            return True  # "when is Eden House expected to open?": not when its registration is due
        deed = _DATED_DEED.search(a.question) if a.answer_type == AnswerType.DATE else None
        if deed and not self._stems(_OPENING if deed.group(1).lower() in _OPENING.split() else deed.group(1)) & said:
            return True
        event = _DATED_THING.search(a.question) if a.answer_type == AnswerType.DATE else None
        m = ((_REPORT_ON.search(a.question) or event) if a.answer_type == AnswerType.DATE
             else _DECIDED_ABOUT.search(a.question) if a.answer_type == AnswerType.DECISION else None)
        if m is None:
            return False
        # (a year in the name is no topic: "the 2023-2025 strategy" is not any paragraph of 2023)
        wanted = {w for w in self._stems(m.group(1)) - self._stems("report service services plan update") if not w[0].isdigit()}
        # An event's date is the sentence's that names what it is of: "the plan shared with Ofsted
        # by mid December", beside "Ofsted will return for a focused visit", is not the visit's.
        # (The event's word itself may be put another way: "launch" as "is now live".)
        if not wanted:
            return False  # ("the 2023-2025 plan": nothing but its years names it)
        named = wanted - self._stems(m.group(1).split()[-1]) if m is event else set()
        if named:
            wanted = named
        found = wanted & self._stems(f"{best.sentence.text} {best.context.heading} {expansions(best.sentence.text, defined)}"
                                     if named else f"{best.context.text} {best.context.around}")
        if found != wanted and _BACK_REFERENCE.search(best.context.text):
            found |= wanted & self._stems(self.previous_text(best.context))  # "this plan": the one just named
        if a.answer_type == AnswerType.DECISION:
            # (a decision may name its paper in short; a plan or strategy, by any word of its name)
            return not found if m.group(2) else len(found) * 2 < len(wanted)
        return bool(wanted) and found != wanted

    def _names_no_one(self, a: Analysis, best: Scored) -> bool:
        """"Who was the Vice Chairman?": a sentence naming the post and no one in it does not say
        (a name the papers give a person, a "Name, Post" line or the "I" of a member's report does)."""
        if not a.role or a.answer_type != AnswerType.PERSON or best.sentence.has_person or best.context.headed:
            return False
        lowered = best.sentence.text.lower()
        if any(name in lowered for name in self.names) or re.search(
                rf"\b{a.role}\w*\s+(?:\w+\s+)?by\s+(?:the\s+)?[A-Z]", best.sentence.text, re.I):
            return False  # (or the post it is held by: "chaired internally by the Director of People")
        speakers = self.document(best.context.document_id).speakers
        return not (best.context.paragraph_id in speakers and speaker_holds(a.role, best.sentence.text))

    def _measure_unmet(self, a: Analysis, best: Scored) -> bool:
        """"What is the turnover rate …?": a figure is the turnover rate only if its sentence says
        so; a rise in agency staff in the same paragraph is another measure."""
        # (the measure asked, not one it is compared with: "… compared with the capped agency rate")
        asked = re.split(r"\b(?:compared|than|versus|vs|against|as)\b", asked_clause(a.question))[0]
        m = _MEASURE.search(asked) if a.answer_type == AnswerType.FIGURE else None
        if m is None or m.group(1).lower() in _NOT_A_MEASURE:
            return False
        lead = lead_in(best)
        return not self._stems(m.group(1)) <= self._stems(f"{best.sentence.text} {lead.text if lead else ''}")

    def _domain_unmet(self, a: Analysis, best: Scored) -> bool:
        """"What grade did the 2019 inspection give for care leavers?": a grade is for what its
        sentence (or the lead-in it is an item of) names; the service's overall grade is not it."""
        lead = lead_in(best)
        return not self.rated_for(a) <= self._stems(f"{best.sentence.text} {lead.text if lead else ''}")

    def rated_for(self, a: Analysis) -> set[str]:
        """The stems of what a grade is asked for ("care leavers"), empty when none is named."""
        m = _RATED_FOR.search(asked_clause(a.question)) if a.answer_type == AnswerType.RATING else None
        return self._stems(m.group(1)) - self._stems("overall service services council area areas") if m else set()

    def _stems(self, text: str) -> set[str]:
        return set(self.tokenize(text))
