"""The question answerer: analysis, facts, passages, sentence selection, composition, confidence.

One :class:`QuestionAnswerer` serves a process; it reads the knowledge base's current snapshot
per question and keeps per-generation lookups (graph labels, word frequencies) that it rebuilds
when a writer commits a new generation.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, field
from typing import Callable

from kg.errors import NotFound
from kg.knowledge import KnowledgeBase, Snapshot
from kg.qa import calibration
from kg.qa.acronyms import definitions
from kg.qa.analysis import analyse
from kg.qa.casing import Recaser
from kg.qa.composer import Context, compose
from kg.qa.dates import SEASONS, find_spans
from kg.qa.direct import fact_answer, meeting_answer
from kg.qa.extend import author_before, items_below, rare_word_after, scenes, speaker_named, speakers, table_below
from kg.qa.gaps import PHRASING, DocumentText, GapReader
from kg.qa.graph_facts import FactFinder, FactFindings
from kg.qa.linking import DocumentTitles, LabelIndex
from kg.qa.names import fold
from kg.qa.passages import DOC_TEXT_CACHE, PassageFinder, paragraphs_with
from kg.qa.phrasing import Phraser
from kg.qa.polarity import other_grade, verdict
from kg.qa.ranking import SentenceRanker
from kg.qa.records import Analysis, Answer, AnswerType, Citation
from kg.qa.sentences import sentences_of
from kg.qa.spelling import English, Speller
from kg.qa.subtitles import with_full_names
from kg.qa.synonyms import FoldingTokenizer
from kg.qa.wording import asked_clause


CITATIONS = 5
RARE_SHARE = 0.03  # a word in fewer than this share of paragraphs is distinctive


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
        self._passages = PassageFinder(self._tokenize, knowledge.minter.document(""))

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
                                               recase=Recaser(lambda words: paragraphs_with(snap, words)), titled=titled,
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
        a = analyse(state.recase(state.spell(with_full_names(question, lambda words: paragraphs_with(snap, words)))))
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
        contexts = self._passages.contexts(snap, a, found, state.headings)
        if not contexts:
            return Answer(question, None, False, 0.0, tuple(found.facts[:10]), (), tuple(found.sparql),
                          a.answer_type)
        weights, rare, absent = self._weights(snap, state, a)
        reader = self._reader(snap, state)
        ranked = SentenceRanker(self._tokenize, reader).rank(snap, a, contexts, weights)
        if not ranked:
            return Answer(question, None, False, 0.0, tuple(found.facts[:10]), (), tuple(found.sparql), a.answer_type)
        direct = fact_answer(a, found) or meeting_answer(snap, a, found, self.knowledge.minter.document(""))
        if direct is not None and (unheld := absent & self._stems(asked_clause(a.question))):
            # a word no paper holds ("who clerked…") is not answered by a fact any more than by a
            # passage (in what is asked: "our draft attributes…" before it is the reader's scene)
            direct = (*direct[:2], direct[2] * calibration.ABSENT_PHRASING ** len(unheld), direct[3])
        best = ranked[0]
        conf = calibration.confidence(a, best, reader.gaps(a, best, rare, absent))
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
            # "Did Ofsted grade every area good?": one graded otherwise in the same paper says no
            # (lazily: the paper is read only when the question asks about every area)
            if said == "Yes" and (other := other_grade(asked_clause(a.question), (
                    (x.text, sp.paragraph.id) for sp in snap.catalog.paragraphs_of(best.context.document_id)
                    for x in sentences_of(sp.paragraph.id, sp.paragraph.text)
                    # (not an earlier inspection's: "in July 2019, when it was found inadequate")
                    if not a.dates or not x.has_date or any(d.overlaps(y.start, y.end) for d in a.dates
                                                            for y in find_spans(x.text))))):
                text, used = f"No. {other[0]}", [other[1]] + [p for p in used if p != other[1]]
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
_CONTRACTION = re.compile(r"^(?:i|we|you|they)['\u2019](?:m|ve|re|d|ll)$|^(?:what|that|it|there|who|where|how)['\u2019]s$")
