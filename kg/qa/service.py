"""The question answerer: analysis, facts, passages, sentence selection, composition, confidence.

One :class:`QuestionAnswerer` serves a process; it reads the knowledge base's current snapshot
per question and keeps per-generation lookups (graph labels, word frequencies) that it rebuilds
when a writer commits a new generation.
"""

from __future__ import annotations

import math
import re
import threading

import numpy as np
from dataclasses import dataclass, field, replace
from typing import Callable
from urllib.parse import unquote

from kg.errors import NotFound
from kg.knowledge import KnowledgeBase, Snapshot
from kg.qa import calibration
from kg.qa.acronyms import abbreviations, definitions, expansions
from kg.qa.casing import Recaser
from kg.qa.actors import actor_decided
from kg.qa.analysis import analyse
from kg.qa.wording import asked_clause
from kg.qa.composer import asked_count, Context, Scored, compose, coverage
from kg.qa.datefit import date_fit
from kg.qa.counting import AS_WORD
from kg.qa.typefit import ASKS_CLOCK_TIME, listed_noun, type_fit
from kg.qa.extend import author_before, speaker_holds, items_below, rare_word_after, scenes, speaker_named, speakers, table_below
from kg.qa.gaps import GRADER, PHRASING, DocumentText, GapReader
from kg.qa.graph_facts import FactFinder, FactFindings
from kg.qa.linking import DocumentTitles, LabelIndex
from kg.qa.phrasing import Phraser
from kg.qa.records import Analysis, Answer, AnswerType, Citation, DateSpan
from kg.qa.sentences import sentences_of
from kg.qa.spelling import English, Speller
from kg.qa.subtitles import with_full_names
from kg.qa.names import contrasts, fold, named_kinds, opposite_kind, other_number, other_post, run_of
from kg.qa.polarity import verdict
from kg.qa.synonyms import FoldingTokenizer
from kg.qa.dates import SEASONS, find_spans, wants_latest

PASSAGES = 12  # paragraphs retrieved per question
READ = 8  # of which this many are read sentence by sentence
HEADED = 0.75  # retrieval score given to a short value under a heading the question names in full
HEADED_BOOST = 0.5
NAMED_PAPER = 0.9  # a title linked this well is the paper the question names …
NAMED_PAPER_BOOST = 0.2  # … and its paragraphs are boosted this much
HEADED_DOCUMENTS = 3  # … looked for in this many leading papers
HEADED_LENGTH = 200  # … when the value is this short (a form's field, not a section)
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
CITATIONS = 5
RARE_SHARE = 0.03  # a word in fewer than this share of paragraphs is distinctive
CASE_SAMPLE = 40  # paragraphs read for the written form of a word typed in lower case
ENUMERATING = 1.0  # retrieval score given to a paragraph announcing as many items as a list question asks for
ENUMERATIONS = 3  # … and how many such paragraphs are read
DOC_TEXT_CACHE = 64  # documents whose folded text is kept for salient-word checks


@dataclass
class _GenerationState:
    """Lookups valid for one committed generation."""

    generation: str | None
    labels: LabelIndex | None
    titles: DocumentTitles | None = None
    df: dict[str, int] = field(default_factory=dict)
    names: frozenset[str] = frozenset()
    doc_text: dict[str, DocumentText] = field(default_factory=dict)
    headings: dict[str, list] = field(default_factory=dict)  # per document: (paragraph, its heading's stems)
    recase: Callable[[str], str] = str  # a lower-case question with the papers' capitals
    spell: Callable[[str], str] = str  # a question's shorthand written out, its slips mended
    titled: frozenset[str] = frozenset()  # stems of the papers' titles and bodies ("supplementary agenda")


class QuestionAnswerer:
    """Answers questions over a knowledge base, with citations and calibrated abstention."""

    def __init__(self, knowledge: KnowledgeBase, phraser: Phraser | None = None) -> None:
        self.knowledge = knowledge
        # Optional and off by default: only when the settings name an LLM endpoint (llm_url).
        self.phraser = phraser if phraser is not None else Phraser.from_settings(knowledge.settings)
        self._tokenize = FoldingTokenizer()
        self._lock = threading.Lock()
        self._state = _GenerationState(None, None)
        self._english = English()  # the dictionary that tells a slip from a word the papers lack

    def _state_for(self, snap: Snapshot) -> _GenerationState:
        with self._lock:
            if self._state.generation != snap.generation:
                labels = LabelIndex.load(snap.graph, self._tokenize) if snap.graph is not None else None
                # Names of two words or more: short labels would match any sentence.
                names = frozenset(e.label.lower() for e in labels.entries
                                  if e.kind == "person" and len(e.label.split()) >= 2) if labels else frozenset()
                titles = DocumentTitles(
                    [(d.id, d.meta.title, d.meta.meeting_date, d.meta.document_type)
                     for d in snap.catalog.documents() if d.meta.title],
                    self._tokenize) if snap.catalog is not None else None
                titled = frozenset(self._tokenize(" ".join(f"{d.meta.title or ''} {d.meta.body or ''}"
                                                            for d in snap.catalog.documents()))) if snap.catalog else frozenset()
                self._state = _GenerationState(snap.generation, labels, titles, names=names,
                                               recase=Recaser(lambda words: _paragraphs_with(snap, words)), titled=titled,
                                               spell=Speller(snap.search.generation.lexical.frequency, self._english))
            return self._state

    def ask(self, question: str) -> Answer:
        """Answer one question from the latest committed papers."""
        snap = self.knowledge.current()
        if snap.search is None or snap.catalog is None:
            return Answer(question, None, False, 0.0, answer_type=analyse(question).answer_type)
        state = self._state_for(snap)
        # "whats the cost at hazel house": Hazel House is a name; "the buget": the budget
        # ("the 'A place called home' strategy": the Sufficiency Strategy its papers subtitle so)
        a = analyse(state.recase(state.spell(with_full_names(question, lambda words: _paragraphs_with(snap, words)))))
        if state.labels is not None:
            kinds = {AnswerType.PERSON: ("post", "document", "person"),
                     AnswerType.FIGURE: ("measure", "document"),
                     AnswerType.TREND: ("measure", "document")}.get(a.answer_type, ("document",))
            linked = {e.iri: e for e in state.labels.link(question, kinds)}
            if state.titles is not None:
                for e in state.titles.named(question, a.dates, self.knowledge.minter.document):
                    if e.iri not in linked or linked[e.iri].score < e.score:
                        linked[e.iri] = e
            entities = sorted(linked.values(), key=lambda e: -e.score)
            a = Analysis(**{**a.__dict__, "entities": tuple(entities)})
        found = FactFinder(snap.graph, self.knowledge.minter).find(a) if snap.graph is not None else FactFindings()
        contexts = self._contexts(snap, a, found, state)
        if not contexts:
            return Answer(question, None, False, 0.0, tuple(found.facts[:10]), (), tuple(found.sparql),
                          a.answer_type)
        weights, rare, absent = self._weights(snap, state, a)
        ranked = self._rank(snap, state, a, contexts, weights)
        if not ranked:
            return Answer(question, None, False, 0.0, tuple(found.facts[:10]), (), tuple(found.sparql), a.answer_type)
        direct = self._direct(a, found, contexts) or self._meeting_answer(snap, a, found)
        if direct is not None and (unheld := absent & self._stems(asked_clause(a.question))):
            # a word no paper holds ("who clerked…") is not answered by a fact any more than by a
            # passage (in what is asked: "our draft attributes…" before it is the reader's scene)
            direct = (*direct[:2], direct[2] * calibration.ABSENT_PHRASING ** len(unheld), direct[3])
        best = ranked[0]
        conf = calibration.confidence(a, best, self._reader(snap, state).gaps(a, best, rare, absent))
        text, used = compose(a, best, ranked)
        if a.answer_type == AnswerType.LIST:
            text, used = items_below(snap.catalog, a.question, best, text, used)
            text, used = table_below(snap.catalog, a.question, best, text, used)
        elif a.answer_type == AnswerType.PERSON and _AUTHORSHIP.search(a.question):
            text, used = author_before(snap.catalog, best, text, used)
        elif a.answer_type == AnswerType.PERSON:
            speaker = self._document(snap, state, best.context.document_id).speakers.get(best.context.paragraph_id)
            text, used = speaker_named(speaker, best, text, used)
        if a.answer_type == AnswerType.YESNO:
            text = rare_word_after(best, ranked, rare, self._stems, text)
        if a.answer_type not in (AnswerType.FIGURE, AnswerType.TREND, AnswerType.DATE, AnswerType.LIST) and not (
                a.answer_type == AnswerType.PERSON and _AUTHORSHIP.search(a.question)) and (
                said := verdict(asked_clause(a.question), text, self._tokenize)):
            text = f"{said}. {text}"  # "Was Parklands rated good?" — "Yes. In June 2022, …"
        facts = found.facts
        if direct is not None:
            d_text, d_pid, d_conf, d_facts = direct
            if d_conf >= conf:
                text, conf, facts = d_text, d_conf, d_facts + [f for f in found.facts if f not in d_facts]
                used = [d_pid] + [p for p in used if p != d_pid] if d_pid else used
        citations = self._citations(snap, used, contexts)
        ok = calibration.answered(conf)
        answer = Answer(
            question=question, answer=text if ok else None, answered=ok, confidence=conf,
            facts=tuple(facts[:10]), citations=tuple(citations), sparql=tuple(found.sparql),
            answer_type=a.answer_type,
            series=tuple(found.series) if a.answer_type == AnswerType.TREND else (),
        )
        return self.phraser.phrase(answer) if self.phraser is not None else answer

    # -- passages ------------------------------------------------------------------------

    def _contexts(self, snap: Snapshot, a: Analysis, found: FactFindings, state: _GenerationState) -> list[Context]:
        scored = snap.search.scored_rows(" ".join((a.question, *a.acronyms)), PASSAGES)
        rows = {r: s for r, s in scored}
        stored = snap.catalog.paragraphs_by_rows(list(rows))
        top = max((s for s in rows.values()), default=1.0) or 1.0
        paragraphs = [(stored[r].paragraph, rows[r] / top) for r, _ in scored if r in stored]
        have = {p.id for p, _ in paragraphs}
        for pid, _ in sorted(found.boost.items(), key=lambda x: -x[1])[:5]:
            if pid not in have:
                try:
                    paragraphs.append((snap.catalog.paragraph(pid).paragraph, 0.0))
                    have.add(pid)
                except NotFound:  # a fact may cite a paragraph of a newer commit
                    continue
        for p, score in self._from_linked_documents(snap, a, state):
            if p.id not in have:
                paragraphs.append((p, score))
                have.add(p.id)
        announcing = {p.id: p for p in _enumerating(snap, a, self._tokenize.variants)}
        # (retrieved already, perhaps low: it is read as if retrieved first)
        paragraphs = [(p, max(score, ENUMERATING) if p.id in announcing else score) for p, score in paragraphs]
        paragraphs += [(p, ENUMERATING) for pid, p in announcing.items() if pid not in have]
        have |= set(announcing)
        headed = set()
        for p in self._by_heading(snap, a, state, [p for p, _ in paragraphs]):
            headed.add(p.id)
            if p.id not in have:
                paragraphs.append((p, HEADED))
                have.add(p.id)
        # "the 2020 report on having enough care places": the paper the question names by its title
        named = {self._document_id(e.iri) for e in a.entities if e.kind == "document" and e.score >= NAMED_PAPER}
        docs = {}
        out = []
        for rank, (p, score) in enumerate(paragraphs):
            if p.document_id not in docs:
                docs[p.document_id] = snap.catalog.document(p.document_id)
            entry = docs[p.document_id]
            meta = entry.meta
            around = " ".join(x for x in (" ".join(p.heading_path), meta.title, meta.body, meta.council,
                                          meta.meeting_date.strftime("%d %B %Y") if meta.meeting_date else None) if x)
            # The field the question names in full is as good as a fact's paragraph.
            boost = max(found.boost.get(p.id, 0.0), HEADED_BOOST if p.id in headed else 0.0,
                        NAMED_PAPER_BOOST if p.document_id in named else 0.0)
            dated = " ".join(x for x in (" ".join(p.heading_path), meta.title) if x)
            heading = p.heading_path[-1] if p.heading_path else ""
            out.append(Context(p.id, p.text, around, score, boost, rank, dated, heading, p.document_id, p.id in headed))
        # Fact-boosted paragraphs are read even when retrieval ranked them low.
        out.sort(key=lambda c: -(c.retrieval + c.boost))
        return out

    def _from_linked_documents(self, snap: Snapshot, a: Analysis, state: _GenerationState):
        """The best paragraphs of a document the question names by title ("the Sufficiency Report
        2020"): retrieval scores paragraphs on their own text, which rarely repeats the title."""
        docs = [e for e in a.entities if e.kind == "document" and e.score >= 0.6][:1]
        if not docs:
            return []
        doc_id = self._document_id(docs[0].iri)
        if doc_id is None:
            return []
        title = self._stems(docs[0].label)
        wanted = {s for t in a.terms for s in self._tokenize(t)} - title
        if not wanted:
            return []
        scored = []
        for sp in snap.catalog.paragraphs_of(doc_id):
            stems = self._stems(sp.paragraph.text + " " + " ".join(sp.paragraph.heading_path))
            share = len(wanted & stems) / len(wanted)
            if share > 0:
                scored.append((share, sp.paragraph))
        scored.sort(key=lambda x: -x[0])
        return [(p, 0.5 * share) for share, p in scored[:2]]

    def _document_id(self, iri: str) -> str | None:
        prefix = self.knowledge.minter.document("")
        return unquote(iri[len(prefix):]) if iri.startswith(prefix) else None

    def _by_heading(self, snap: Snapshot, a: Analysis, state: _GenerationState, found: list) -> list:
        """Paragraphs of the leading papers whose own heading the question names in full ("On what
        date was it authorised?" → the value under "Date of authorisation"): a bare value under a
        form's label has too few words of its own for retrieval to find it."""
        wanted = set(self._tokenize(a.question))  # framing words too: "date" names the field
        documents = list(dict.fromkeys(p.document_id for p in found))[:HEADED_DOCUMENTS]
        out = []
        for doc_id in documents:
            if doc_id not in state.headings:
                if len(state.headings) >= DOC_TEXT_CACHE:
                    state.headings.pop(next(iter(state.headings)))
                state.headings[doc_id] = [(sp.paragraph, frozenset(self._tokenize(sp.paragraph.heading_path[-1])))
                                          for sp in snap.catalog.paragraphs_of(doc_id) if sp.paragraph.heading_path]
            # (one word will do for a form's field: "Authorisation" for "who authorised…")
            out.extend(p for p, stems in state.headings[doc_id]
                       if len(p.text) < HEADED_LENGTH and (len(stems) >= 2 and stems <= wanted or (
                           _FIELD.match(p.heading_path[-1])
                           and set(self._tokenize(_NUMBERING.sub("", p.heading_path[-1]))) <= wanted)))
        return out[:2]

    def _weights(self, snap: Snapshot, state: _GenerationState, a: Analysis):
        """IDF of the question's stems; the distinctive ones; those no paragraph contains."""
        lexical = snap.search.generation.lexical
        n = max(1, len(lexical.rows))
        weights: dict[str, float] = {}
        rare: set[str] = set()
        absent: set[str] = set()
        salient = {s for w in a.salient for s in self._tokenize(w)}
        focus = set(a.focus or a.terms)
        for term in a.terms:
            stems = self._tokenize(term)
            if not stems:
                continue
            stem = stems[0]
            if term not in state.df:
                # Score the word as written: the index stems it once, as it did the paragraphs.
                # A word the papers only write another way ("kids": "children") counts as that.
                state.df[term] = int((lexical.scores(term) > 0).sum()) or max(
                    int((lexical.scores(v) > 0).sum()) for v in self._tokenize.variants(term))
            df = state.df[term]
            # A participle or connective in no paper ("serving", "versus") is phrasing: calibration
            # counts it as absent, and it does not lower every sentence's coverage as well.
            weights[stem] = 0.0 if df == 0 and PHRASING.search(term) else math.log(1 + n / (df + 0.5))
            if stem[0].isdigit() or stem in salient or term not in focus or term in SEASONS:
                continue  # a preamble ("The October update says … .") sets the scene; the question follows
            if df == 0 and _CONTRACTION.match(term):
                continue
            if df == 0 and stem not in state.titled:  # (a word of a paper's title is no stranger)
                absent.add(stem)
            elif df / n < RARE_SHARE:
                rare.add(stem)
        return weights, rare, absent

    def _reader(self, snap: Snapshot, state: _GenerationState) -> GapReader:
        """What the answers' evidence lacks, read against this generation's papers."""
        return GapReader(snap, self._tokenize, lambda doc_id: self._document(snap, state, doc_id), state.names)

    def _document(self, snap: Snapshot, state: _GenerationState, doc_id: str) -> DocumentText:
        """A document's whole text (folded), the acronyms it defines and the dates it states,
        cached per generation."""
        if doc_id not in state.doc_text:
            if len(state.doc_text) >= DOC_TEXT_CACHE:  # bounded: a large corpus must not fill memory
                state.doc_text.pop(next(iter(state.doc_text)))
            text = " ".join(p.paragraph.text for p in snap.catalog.paragraphs_of(doc_id))
            state.doc_text[doc_id] = DocumentText(fold(text), definitions(text), tuple(find_spans(text)),
                                                   speakers(snap.catalog, doc_id), scenes(snap.catalog, doc_id))
        return state.doc_text[doc_id]

    def _stems(self, text: str) -> set[str]:
        return set(self._tokenize(text))

    def _rank(self, snap: Snapshot, state: _GenerationState, a: Analysis, contexts: list[Context],
              weights: dict[str, float]) -> list[Scored]:
        names = state.names
        qnums = {n.lower() for n in re.findall(r"\d[\d,.]*%?", a.question)}
        by_meeting = a.answer_type == AnswerType.DECISION or bool(_BY_MEETING.search(a.question))
        excluded = {x for t in a.excluded for x in self._tokenize(t)}
        named = named_kinds(a.question)
        bands = _bands(a.question)
        reader = self._reader(snap, state)
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
            document = self._document(snap, state, c.document_id)
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
                if bands and not any(b in _band_text(s.text) for b in bands):
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

    # -- facts as answers ----------------------------------------------------------------

    def _direct(self, a: Analysis, found: FactFindings, contexts: list[Context]):
        """(text, paragraph id, confidence, facts) when a graph fact answers the question itself."""
        if a.answer_type != AnswerType.PERSON:
            return None
        posts = [e for e in a.entities if e.kind == "post"]
        holders = [f for f in found.facts if f.kind == "post_holder"]
        q = a.question.lower()
        if re.search(r"\b(wrote|written|author)", q):
            wanted = "author"
        elif re.search(r"\blead officer|\bcontact\b", q):
            wanted = "lead_officer"
        elif re.search(r"\bfrom\b|\b(?:presented|submitted|introduced|brought)\b", q):
            wanted = "report_from"  # the front sheet's "Report from:" presents the report
        else:
            wanted = None
        authors = [f for f in found.facts if f.kind == "author" and dict(f.extra).get("capacity") == wanted]
        if wanted is None and (post := _POST_WORD.search(q)) and re.search(r"\b(?:name|names|signed|behind)\b", q):
            # "Which director's name is on the October update?": whoever the paper names in that post.
            authors = [f for f in found.facts if f.kind == "author" and post.group(0) in f.text.lower()]
        # "the Head of Commissioning who introduced…": only a presenter or author in that post answers
        if a.role:  # "which legal officer signed…": only someone in that role answers
            authors = [f for f in authors if re.search(rf"\b{a.role}", f.text, re.I)]
        named_posts = [fold(e.label) for e in posts if e.label and fold(e.label) in fold(a.question)]
        if named_posts:
            authors = [f for f in authors if any(p in fold(f.text) for p in named_posts)]
        docs = [e for e in a.entities if e.kind == "document"]
        if authors and docs and docs[0].score >= 0.75:
            names = list(dict.fromkeys(f.text.split(" (")[0] for f in authors))
            text = "; ".join(names) + "."
            return text, authors[0].paragraph_id, 0.85, authors
        if holders and posts and wanted is None:
            newest = holders[0]
            label = fold(newest.subject or "")
            if any(fold(w) not in label for w in a.salient):
                return None
            # The post must be named as such: "work programme to which officer" does not name the
            # "Programme Officer".
            if fold(re.split(r"\s*[(,]", newest.subject or "")[0]) not in fold(a.question):
                return None
            when = f" (as at {newest.when.strftime('%d %B %Y').lstrip('0')})" if newest.when else ""
            # (a holder as at another date than the one asked is less sure: posts change hands)
            elsewhen = bool(a.dates) and newest.when is not None and not any(
                d.start <= newest.when <= d.end for d in a.dates)
            conf = 0.8 * min(1.0, posts[0].score) * (calibration.WRONG_YEAR if elsewhen else 1.0)
            return f"{newest.value}, {newest.subject}{when}.", newest.paragraph_id, conf, [newest]
        return None

    def _meeting_answer(self, snap: Snapshot, a: Analysis, found: FactFindings):
        """Time or venue of a meeting the question dates, cited to the paragraph that states it."""
        wants = "time" if ASKS_CLOCK_TIME.search(a.question) and a.answer_type == AnswerType.DATE \
            else "venue" if a.answer_type == AnswerType.PLACE else None
        if wants is None:
            return None
        prefix = self.knowledge.minter.document("")
        fallback = None
        for fact in (f for f in found.facts if f.kind == "meeting"):
            extra = dict(fact.extra)
            value, doc = extra.get(wants), extra.get("document", "")
            if not value or not doc.startswith(prefix):
                continue
            # The meeting may have several papers: cite the one that states the time or venue.
            pid = next((sp.paragraph.id for sp in snap.catalog.paragraphs_of(unquote(doc[len(prefix):]))
                        if value.split(",")[0] in sp.paragraph.text), None)
            when = fact.when.strftime("%d %B %Y").lstrip("0") if fact.when else ""
            verb = "started at" if wants == "time" else "was held at"
            answer = (f"The meeting of the {fact.subject} on {when} {verb} {value}.", pid, 0.85, [fact])
            if pid is not None:
                return answer
            fallback = fallback or answer
        return fallback

    # -- citations -----------------------------------------------------------------------

    def _citations(self, snap: Snapshot, used: list[str], contexts: list[Context]) -> list[Citation]:
        order = list(dict.fromkeys([p for p in used if p] + [c.paragraph_id for c in contexts]))[:CITATIONS]
        out = []
        docs = {}
        for pid in order:
            try:
                p = snap.catalog.paragraph(pid).paragraph
            except NotFound:  # removed since the snapshot was taken
                continue
            if p.document_id not in docs:
                docs[p.document_id] = snap.catalog.document(p.document_id)
            d = docs[p.document_id]
            out.append(Citation(p.id, p.document_id, d.meta.title, d.file_name, p.number, p.page, p.text))
        return out


_AUTHORSHIP = re.compile(r"\b(?:wrote|written|authored|authors?|sent|submitted)\b", re.I)
_POST_WORD = re.compile(r"\b(?:director|officer|head|manager|councillor|member|leader|chief)\b")
_BAND = re.compile(r"\b(\d{1,3})\s*(?:-|\u2013|to)\s*(\d{1,3})\b")


def _enumerating(snap: Snapshot, a: Analysis, variants: Callable[[str], tuple[str, ...]]) -> list:
    """"What are the four themes of the plan for finding homes?": the paragraphs that announce
    four themes ("There are 4 key themes of the strategy, listed below"), however the question
    names the plan; retrieval on the whole question may miss a paraphrase of its subject."""
    count = asked_count(a.question) if a.answer_type == AnswerType.LIST else None
    noun = listed_noun(a.question) if count else None
    if not count or not noun:
        return []
    nouns = [w for w in variants(noun) if w.endswith("s")] or [noun]  # ("pillars" for the papers' "themes")
    lexical = snap.search.generation.lexical
    scores = lexical.scores(f"{count} {AS_WORD.get(str(count), '')} {' '.join(nouns)}")
    top = np.argsort(-scores)[:CASE_SAMPLE]
    rows = lexical.rows[top[scores[top] > 0]]
    said = rf"(?:{count}|{AS_WORD.get(str(count), count)})"
    announces = re.compile(rf"\b{said}\s+(?:[\w'\u2019-]+\s+){{0,2}}(?:{'|'.join(map(re.escape, nouns))})\b", re.I)
    found = [p.paragraph for p in snap.catalog.paragraphs_by_rows([int(r) for r in rows]).values()
             if announces.search(p.paragraph.text)]
    return found[:ENUMERATIONS]


def _paragraphs_with(snap: Snapshot, words: str) -> list[str]:
    """Texts of the paragraphs that best match ``words`` (for their written form)."""
    lexical = snap.search.generation.lexical
    scores = lexical.scores(words)
    top = np.argsort(-scores)[:CASE_SAMPLE]
    rows = lexical.rows[top[scores[top] > 0]]
    return [p.paragraph.text for p in snap.catalog.paragraphs_by_rows([int(r) for r in rows]).values()]


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


def _band_text(text: str) -> str:
    return _BAND.sub(lambda m: f"{m.group(1)}-{m.group(2)}", text)


def _bands(question: str) -> set[str]:
    """Ranges of small numbers a question names ("aged 10-15", "10 to 15 year olds"), as "10-15"."""
    return {f"{m.group(1)}-{m.group(2)}" for m in _BAND.finditer(question)}


_WROTE = re.compile(r"\b(?:wrote|written|write|writer|authored|author|authors|drafted|drafter)\b", re.I)
_PRESENTED_BY = re.compile(r"\s*report from\s*:", re.I)
_AS_AT_MEETING = re.compile(r"\b(?:currently|at present|presently|now|to date|so far|this (?:year|month|quarter|term)|"
                            r"(?:in|over|during) the (?:last|past) (?:12 months|twelve months|year))\b", re.I)
_ASKS_LAST = re.compile(r"\b(?:last|latest|most recent(?:ly)?)\b(?!\s+(?:year|month|week|time|meeting|night)s?\b)", re.I)
_NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")  # "8 " of "8 Authorisation"
# a form's one-word field heading ("8 Authorisation", "Author", "Contact")
_FIELD = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:authori[sz]ation|authori[sz]ed by|author|authors|contact|signed|sign-off|"
                    r"approved by|approval)\s*:?\s*$", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|expected to|going to|is to be|are to be|plans? to|planned|intends? to|proposed)\b", re.I)
_BY_MEETING = re.compile(r"\b(meeting|met|minutes|report|update|briefing|agenda|papers?|presented|introduced|tabled|chaired|"
                         r"discussed|discussion|debated|debate)\b|\bas (?:reported|set out|stated|described) (?:in|at|to)\b|"
                         # what an officer or member said is dated by the meeting they said it at
                         r"\b(?:described|said|explained|told|stated)\s+by\s+(?:the\s+|an?\s+)?(?!Ofsted|inspectors?)[A-Za-z]|"
                         r"\b(?:described|said|explained|stated|reported)\s+to\s+(?:the\s+)?(?:councillors|members|committee)\b|"
                         r"\b(?:officers?|members?|councillors?|director|chair|portfolio holder|lead member)\s+"
                         r"(?:described|said|explained|told|stated)\b|"
                         r"\baccording to (?:the )?(?:officers?|members?|councillors?|director|chair)\b", re.I)
_CONTRACTION = re.compile(r"^(?:i|we|you|they)['\u2019](?:m|ve|re|d|ll)$|^(?:what|that|it|there|who|where|how)['\u2019]s$")
