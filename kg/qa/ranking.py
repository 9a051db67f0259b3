"""Sentence ranking: every sentence of the passages read, scored for how well it answers.

A sentence's score mixes its own and its paragraph's coverage of the question's words, the
passage's retrieval score and fact boost, how well it fits the answer type and the dates asked,
and discounts for what the question rules out or names otherwise; the order is then refined per
answer type (the newest date for "last", a named decider, a future tense for "will …?").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.knowledge import Snapshot
from kg.qa import calibration
from kg.qa.acronyms import abbreviations, expansions
from kg.qa.actors import actor_decided
from kg.qa.cohorts import band_text, bands as asked_bands
from kg.qa.composer import Context, Scored, asked_count, coverage
from kg.qa.datefit import date_fit
from kg.qa.dates import find_spans, wants_latest
from kg.qa.extend import speaker_holds
from kg.qa.gaps import GRADER, GapReader
from kg.qa.names import contrasts, fold, named_kinds, opposite_kind, other_number, other_post, run_of
from kg.qa.records import Analysis, AnswerType, DateSpan
from kg.qa.sentences import sentences_of
from kg.qa.synonyms import FoldingTokenizer
from kg.qa.typefit import type_fit
from kg.qa.wording import asked_clause

READ = 8  # of which this many are read sentence by sentence
FACT_READ = 0.25  # … and those a graph fact boosts this much
EXCLUDED = 0.6  # score of a sentence about what the question rules out
UNROLED = 0.7  # score of a sentence that names nobody in the role a who-question asks about
CONTRASTED = 0.7  # score of a sentence naming another of the kind asked about, and not it
UNDECIDED = 0.6  # rank of a sentence whose paragraph does not show the question's decider deciding
UNKNOWN = 0.8  # rank of a sentence from a paper that never names something the question names
UNSTATED = 0.8  # rank of a yes/no sentence per name of the claim it does not state
UNRATED = 0.8  # rank of a sentence that does not name what the question asks the grade for
UNBANDED = 0.8  # rank of a sentence that does not state the band the question names ("aged 10-15")
UNTENSED = 0.8  # rank of a sentence that says nothing of the future, for "will …?"
OLDER = 0.9  # rank of a sentence dated before another candidate's, for "when did … last …"
UNNAMED = 0.9  # rank of a sentence whose paragraph lacks a name the question gives
SPOKEN = 0.8  # answer-kind fit of a first-person sentence of a member's report, for a who-question
PRESENTER = 0.9  # rank of a "Report from:" line, for who wrote a paper (its "Author:" line answers)


class SentenceRanker:
    """Scores the sentences of a question's passages against one generation's papers."""

    def __init__(self, tokenize: FoldingTokenizer, reader: GapReader) -> None:
        self._tokenize = tokenize
        self.reader = reader  # what evidence lacks; also a paper's text and the people's names
        self.document = reader.document
        self.names = reader.names

    def _stems(self, text: str) -> set[str]:
        return set(self._tokenize(text))

    def rank(self, snap: Snapshot, a: Analysis, contexts: list[Context], weights: dict[str, float]) -> list[Scored]:
        """The sentences of the passages read, best answer first."""
        names = self.names
        qnums = {n.lower() for n in re.findall(r"\d[\d,.]*%?", a.question)}
        by_meeting = a.answer_type == AnswerType.DECISION or bool(_BY_MEETING.search(a.question))
        excluded = {x for t in a.excluded for x in self._tokenize(t)}
        named = named_kinds(a.question)
        bands = asked_bands(a.question)
        reader = self.reader
        rated_for = reader.rated_for(a)
        clause = asked_clause(a.question)
        wanted = asked_count(a.question) if a.answer_type == AnswerType.LIST else None
        out: list[Scored] = []
        undecided: set[str] = set()  # paragraphs that do not show the question's decider deciding
        unknown: set[str] = set()  # paragraphs of papers that never name something the question names
        # Paragraphs a graph fact rests on are read even when retrieval ranks many above them.
        for c in contexts[:READ] + [c for c in contexts[READ:] if c.boost >= FACT_READ][:4]:
            if a.actor and not actor_decided(a.actor, c.text, snap.catalog.document(c.document_id).meta.body):
                undecided.add(c.paragraph_id)
            document = self.document(c.document_id)
            defined = document.defined
            held = snap.catalog.document(c.document_id).meta.meeting_date
            council = snap.catalog.document(c.document_id).meta.council or ""
            ctx_text = f"{c.text} {c.around} {expansions(c.text, defined)}"
            ctx_stems = self._stems(ctx_text)
            ctx_cov = coverage(ctx_stems, weights)
            # The meeting's date says when a paper was read, not what period it reports: it
            # counts only for questions that date the meeting or paper itself.
            p_spans = find_spans(f"{c.text} {c.dated}")
            # A paragraph stating no date at all speaks as at its paper's meeting.
            m_spans = find_spans(c.around) if by_meeting or not p_spans else []
            folded = fold(f"{ctx_text} {abbreviations(c.text, defined)}")
            missing = tuple(w for w in a.salient if fold(w) not in folded)
            if any(fold(w) not in document.folded for w in missing):
                unknown.add(c.paragraph_id)  # a name the question gives that the whole paper lacks
            sentences = sentences_of(c.paragraph_id, c.text)
            for s in sentences:
                # A list's lead-in ("What Ofsted said still needs to improve:") answers a list question
                # with the items after it; otherwise it says nothing by itself.
                if len(s.text) < 5 or (s.text.endswith(":") and a.answer_type != AnswerType.LIST):
                    continue
                own_text = s.text
                if (c.heading and (s.numbers or s.has_date or s.has_person)
                        and len(re.findall(r"[A-Za-z]{3,}", s.text)) < 3 and fold(s.text) not in fold(c.heading)):
                    # A bare value ("23/02/2023") is labelled by its heading ("Date of authorisation").
                    own_text = f"{s.text} {c.heading}"
                cov = coverage(self._stems(f"{own_text} {expansions(s.text, defined)}"), weights)
                tf = type_fit(a, s, qnums, names)
                if (a.answer_type == AnswerType.PERSON and tf < SPOKEN and c.paragraph_id in document.speakers
                        and a.role and speaker_holds(a.role, s.text)
                        and all(fold(w) in fold(f"{s.text} {council} {document.speakers[c.paragraph_id][1]}") for w in a.salient)
                        and self._stems(_role_object(a)) <= self._stems(
                            f"{s.text} {council} {document.speakers[c.paragraph_id][1]}")):  # (the board it chairs)
                    tf = SPOKEN  # "I am proud to chair our Board", in a member's report: the member holds the role
                    # (and what the member's line says of them: "… and lead member for Children's Services")
                if wanted and s.text.endswith(":"):
                    # "What are the four areas…": a lead-in fits when four items follow it.
                    tf = 1.0 if len(sentences) - s.index - 1 == wanted else 0.5
                # "currently" and "now" speak as at the meeting: its date is the sentence's date.
                if _AS_AT_MEETING.search(s.text) and not s.has_date and a.dates:
                    # ("with currently 181 young people": as at the meeting, whatever else its paragraph dates)
                    df_ = date_fit(a, s, find_spans(c.around))
                else:
                    df_ = date_fit(a, s, p_spans + (m_spans or (find_spans(c.around) if wants_latest(s.text) else [])))
                # (A question about a meeting or paper is dated by its meeting, not by what it mentions.)
                # (Not for a period after the paper's meeting: it cannot report what had not happened.)
                # (but "currently", "this year" speak as at the meeting, not of the period the paper looks back on)
                if df_ == 0.0 and not p_spans and not _BY_MEETING.search(a.question) and not _AS_AT_MEETING.search(s.text) and any(
                        d.overlaps(x.start, x.end) for d in a.dates if held is None or d.start <= held
                        for x in document.spans) and (by_meeting or not _scene_elsewhere(a, document.scenes.get(c.paragraph_id, ()))):
                    df_ = 0.5  # an undated paragraph of a paper about the period asked ("the July 2023 inspection")
                    # (unless its section's lead dates it to another: the grades of "the ILACS … in July 2023")
                # A name rarely repeats its subject ("Author: A, Post" under the report's heading),
                # so for who-questions the paragraph and its headings carry the subject.
                own, near = (0.15, 0.35) if a.answer_type == AnswerType.PERSON else (0.35, 0.15)
                score = (own * cov + near * ctx_cov + 0.15 * c.retrieval + 0.1 * c.boost
                         + 0.2 * tf + 0.1 * df_) / 1.05
                if excluded and excluded & self._stems(s.text):
                    score *= EXCLUDED  # "besides noting the report": the noting is not the answer
                if a.role and not re.search(rf"\b{a.role}", c.text if c.headed else own_text, re.I):
                    score *= UNROLED  # a name, but not in the role asked about
                if named and contrasts(named, s.text, f"{a.question} {council}") or other_number(a.question, s.text) \
                        or opposite_kind(clause, s.text, c.text) or other_post(a.question, s.text):
                    score *= CONTRASTED  # "Anchor House" is not the "Eden House" asked about, "Cohort 8" not "Cohort 7"
                if rated_for and not rated_for <= self._stems(" ".join(x.text for x in sentences[:s.index + 1]
                                                                       if x is s or x.text.endswith(":"))):
                    score *= UNRATED  # the overall grade is not the one "for care leavers"
                if bands and not any(b in band_text(s.text) for b in bands):
                    score *= UNBANDED  # "aged 10-15" is not answered by a sentence about ages 0-25
                own_folded = fold(own_text)
                unstated = tuple(w for w in a.salient if fold(w) not in own_folded)
                out.append(Scored(s, c, score, cov, ctx_cov, tf, df_, missing, unstated))
        # A sentence of the wrong kind (no name for "who") is discounted by calibration anyway:
        # it should not be chosen over a near-equal one of the right kind. Not so for figures:
        # when the sentence most about the subject states none, the papers likely do not give
        # it, and a figure from a sentence about something else would be a wrong answer.
        if a.answer_type == AnswerType.DATE and _ASKS_LAST.search(a.question):
            # "When did Ofsted last inspect…": of the dates given, the most recent answers.
            newest = [max((d.end for d in find_spans(x.sentence.text)), default=None) for x in out]
            top = max((d for d in newest if d is not None), default=None)
            out = [replace(x, score=x.score * OLDER) if d is not None and d < top else x for x, d in zip(out, newest)]
        if a.answer_type in (AnswerType.FIGURE, AnswerType.TREND):
            out.sort(key=lambda x: -x.score * (calibration.WEAK_TYPE if 0.1 < x.type_fit <= 0.5 else 1.0))
        else:
            # … nor over one whose paragraph names what the question proper names.
            # A yes/no claim is the sentence's own: it must state the names the question gives.
            asked = set(a.focus)
            # "Did Ofsted rate help and protection good?": the grade's paragraph need not name the grader
            grader = GRADER.search(a.question) if a.answer_type == AnswerType.RATING else None
            grading = set((grader.group(1) or grader.group(2)).split()) if grader else set()
            # "Will the Direction stay?" is answered by what will happen, not by what has.
            ahead = a.answer_type == AnswerType.YESNO and bool(
                re.search(r"(?:^|[,;:]\s*)will\b|\b(?:expected|going|due|set) to\b", asked_clause(a.question), re.I))
            # "What did the committee do with the sufficiency strategy?": not with another item
            off_topic = {x.context.paragraph_id for x in out if a.answer_type == AnswerType.DECISION
                         and reader.topic_unmet(a, x, reader.document(x.context.document_id).defined)}
            # "Who wrote the addendum report?": its author, not the director it is from
            authorship = a.answer_type == AnswerType.PERSON and bool(_WROTE.search(a.question))
            out.sort(key=lambda x: -x.score * calibration.type_factor(x.type_fit)
                     * (PRESENTER if authorship and _PRESENTED_BY.match(x.sentence.text) else 1.0)
                     * (UNTENSED if ahead and not _FUTURE.search(x.sentence.text) else 1.0)
                     * (UNDECIDED if x.context.paragraph_id in off_topic else 1.0)
                     * (UNDECIDED if x.context.paragraph_id in undecided else 1.0)
                     * (UNKNOWN if x.context.paragraph_id in unknown else 1.0)
                     # (a form's field rarely repeats the form's subject)
                     * (UNSTATED if a.answer_type == AnswerType.YESNO else UNNAMED) ** (0 if x.context.headed else len(
                {run_of(a.question, w) for w in (x.unstated if a.answer_type == AnswerType.YESNO else x.missing_salient)
                 if (not asked or w.lower() in asked) and w not in grading})))
        return out


def _scene_elsewhere(a: Analysis, scene: tuple[DateSpan, ...]) -> bool:
    """The paragraph's scene is dated, and to none of the periods the question asks about."""
    return bool(scene) and not any(d.overlaps(x.start, x.end) for d in a.dates for x in scene)


def _role_object(a: Analysis) -> str:
    """What a who-question's role is of, without its dates: "Corporate Parenting Board" in "Who
    chairs Medway's Corporate Parenting Board?"."""
    at = re.search(rf"\b{a.role}\w*\b", a.question, re.I) if a.role else None
    rest = a.question[at.end():] if at else ""
    for span in find_spans(rest):
        rest = rest.replace(span.label, " ")
    return rest


_WROTE = re.compile(r"\b(?:wrote|written|write|writer|authored|author|authors|drafted|drafter)\b", re.I)
_PRESENTED_BY = re.compile(r"\s*report from\s*:", re.I)
_AS_AT_MEETING = re.compile(r"\b(?:currently|at present|presently|now|to date|so far|this (?:year|month|quarter|term)|"
                            r"(?:in|over|during) the (?:last|past) (?:12 months|twelve months|year))\b", re.I)
_ASKS_LAST = re.compile(r"\b(?:last|latest|most recent(?:ly)?)\b(?!\s+(?:year|month|week|time|meeting|night)s?\b)", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|expected to|going to|is to be|are to be|plans? to|planned|intends? to|proposed)\b", re.I)
_BY_MEETING = re.compile(r"\b(meeting|met|minutes|report|update|briefing|agenda|papers?|presented|introduced|tabled|chaired|"
                         r"discussed|discussion|debated|debate)\b|\bas (?:reported|set out|stated|described) (?:in|at|to)\b|"
                         # what an officer or member said is dated by the meeting they said it at
                         r"\b(?:described|said|explained|told|stated)\s+by\s+(?:the\s+|an?\s+)?(?!Ofsted|inspectors?)[A-Za-z]|"
                         r"\b(?:described|said|explained|stated|reported)\s+to\s+(?:the\s+)?(?:councillors|members|committee)\b|"
                         r"\b(?:officers?|members?|councillors?|director|chair|portfolio holder|lead member)\s+"
                         r"(?:described|said|explained|told|stated)\b|"
                         r"\baccording to (?:the )?(?:officers?|members?|councillors?|director|chair)\b", re.I)
