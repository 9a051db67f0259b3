"""Passages a question reads: retrieval's paragraphs and those the question points at otherwise.

Hybrid retrieval ranks paragraphs on their own text; a question also points at paragraphs by the
graph facts it finds, by a paper it names by title, by the count and noun of a list it asks for
("the four themes"), and by a form field it names in full ("the date of authorisation").
"""

from __future__ import annotations

import re
from typing import Callable
from urllib.parse import unquote

import numpy as np

from kg.errors import NotFound
from kg.knowledge import Snapshot
from kg.qa.composer import Context, asked_count
from kg.qa.counting import AS_WORD
from kg.qa.graph_facts import FactFindings
from kg.qa.records import Analysis, AnswerType
from kg.qa.synonyms import FoldingTokenizer
from kg.qa.typefit import listed_noun

PASSAGES = 12  # paragraphs retrieved per question
HEADED = 0.75  # retrieval score given to a short value under a heading the question names in full
HEADED_BOOST = 0.5
NAMED_PAPER = 0.9  # a title linked this well is the paper the question names …
NAMED_PAPER_BOOST = 0.2  # … and its paragraphs are boosted this much
HEADED_DOCUMENTS = 3  # … looked for in this many leading papers
HEADED_LENGTH = 200  # … when the value is this short (a form's field, not a section)
CASE_SAMPLE = 40  # paragraphs read for the written form of a word typed in lower case
ENUMERATING = 1.0  # retrieval score given to a paragraph announcing as many items as a list question asks for
ENUMERATIONS = 3  # … and how many such paragraphs are read
DOC_TEXT_CACHE = 64  # documents whose folded text is kept for salient-word checks


class PassageFinder:
    """Gathers and orders the passages of one question (one instance serves a process)."""

    def __init__(self, tokenize: FoldingTokenizer, document_prefix: str) -> None:
        self._tokenize = tokenize
        self._prefix = document_prefix  # the IRI of a document, less its id

    def _stems(self, text: str) -> set[str]:
        return set(self._tokenize(text))

    def contexts(self, snap: Snapshot, a: Analysis, found: FactFindings,
                 headings: dict[str, list]) -> list[Context]:
        """The passages a question reads: retrieved, those graph facts rest on, those of a paper the
        question names, those announcing a list it asks for, and form fields it names in full."""
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
        for p, score in self._from_linked_documents(snap, a):
            if p.id not in have:
                paragraphs.append((p, score))
                have.add(p.id)
        announcing = {p.id: p for p in enumerating(snap, a, self._tokenize.variants)}
        # (retrieved already, perhaps low: it is read as if retrieved first)
        paragraphs = [(p, max(score, ENUMERATING) if p.id in announcing else score) for p, score in paragraphs]
        paragraphs += [(p, ENUMERATING) for pid, p in announcing.items() if pid not in have]
        have |= set(announcing)
        headed = set()
        for p in self._by_heading(snap, a, headings, [p for p, _ in paragraphs]):
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

    def _from_linked_documents(self, snap: Snapshot, a: Analysis):
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
        prefix = self._prefix
        return unquote(iri[len(prefix):]) if iri.startswith(prefix) else None

    def _by_heading(self, snap: Snapshot, a: Analysis, headings: dict[str, list], found: list) -> list:
        """Paragraphs of the leading papers whose own heading the question names in full ("On what
        date was it authorised?" → the value under "Date of authorisation"): a bare value under a
        form's label has too few words of its own for retrieval to find it."""
        wanted = set(self._tokenize(a.question))  # framing words too: "date" names the field
        documents = list(dict.fromkeys(p.document_id for p in found))[:HEADED_DOCUMENTS]
        out = []
        for doc_id in documents:
            if doc_id not in headings:
                if len(headings) >= DOC_TEXT_CACHE:
                    headings.pop(next(iter(headings)))
                headings[doc_id] = [(sp.paragraph, frozenset(self._tokenize(sp.paragraph.heading_path[-1])))
                                          for sp in snap.catalog.paragraphs_of(doc_id) if sp.paragraph.heading_path]
            # (one word will do for a form's field: "Authorisation" for "who authorised…")
            out.extend(p for p, stems in headings[doc_id]
                       if len(p.text) < HEADED_LENGTH and (len(stems) >= 2 and stems <= wanted or (
                           _FIELD.match(p.heading_path[-1])
                           and set(self._tokenize(_NUMBERING.sub("", p.heading_path[-1]))) <= wanted)))
        return out[:2]


def enumerating(snap: Snapshot, a: Analysis, variants: Callable[[str], tuple[str, ...]]) -> list:
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


def paragraphs_with(snap: Snapshot, words: str) -> list[str]:
    """Texts of the paragraphs that best match ``words`` (for their written form)."""
    lexical = snap.search.generation.lexical
    scores = lexical.scores(words)
    top = np.argsort(-scores)[:CASE_SAMPLE]
    rows = lexical.rows[top[scores[top] > 0]]
    return [p.paragraph.text for p in snap.catalog.paragraphs_by_rows([int(r) for r in rows]).values()]


_NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")  # "8 " of "8 Authorisation"
# a form's one-word field heading ("8 Authorisation", "Author", "Contact")
_FIELD = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:authori[sz]ation|authori[sz]ed by|author|authors|contact|signed|sign-off|"
                    r"approved by|approval)\s*:?\s*$", re.I)
