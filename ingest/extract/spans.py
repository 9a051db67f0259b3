"""Sentences, lines and evidence spans with offsets into the document text.

Extractors work on paragraphs, but every fact must point at the exact characters it came
from; these helpers keep offsets absolute (document text) while the regexes run on slices.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

from kg.facts import Evidence
from kg.records import Document, Paragraph

# A sentence ends at . ! ? followed by space and a capital/quote/bullet, unless the dot ends
# an abbreviation common in council papers ("Dr.", "No.", "c.", "e.g.").
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9\"“‘(£•-])|\n\s*\n")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|No|Nos|c|e\.g|i\.e|etc|Cllr|Hon|Rt|St|approx|para|vs)\.)$", re.I)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph; ``start``/``end`` are offsets into the document text."""

    paragraph: Paragraph
    start: int
    end: int
    text: str

    def evidence(self) -> Evidence:
        """This sentence as the evidence of a fact."""
        return Evidence(self.paragraph.id, self.start, self.end, self.text)


def sentences(paragraph: Paragraph) -> Iterator[Sentence]:
    """The sentences of a paragraph, stripped, with absolute offsets."""
    text = paragraph.text
    begin = 0
    for match in _BOUNDARY.finditer(text):
        if _ABBREVIATIONS.search(text[begin : match.start() + 1]) and "\n" not in match.group():
            continue
        yield from _emit(paragraph, begin, match.start() if "\n" in match.group() else match.end())
        begin = match.end()
    yield from _emit(paragraph, begin, len(text))


def lines(paragraph: Paragraph) -> Iterator[Sentence]:
    """The non-empty lines of a paragraph (label lines such as "Author: ..." live on one)."""
    offset = 0
    for raw in paragraph.text.split("\n"):
        yield from _emit(paragraph, offset, offset + len(raw))
        offset += len(raw) + 1


def _emit(paragraph: Paragraph, begin: int, end: int) -> Iterator[Sentence]:
    chunk = paragraph.text[begin:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    start = paragraph.start + begin + lead
    yield Sentence(paragraph, start, start + len(stripped), stripped)


def evidence_at(paragraph: Paragraph, begin: int, end: int) -> Evidence:
    """Evidence for the slice ``[begin, end)`` of a paragraph's own text."""
    return Evidence(paragraph.id, paragraph.start + begin, paragraph.start + end, paragraph.text[begin:end])


def document_lines(doc: Document) -> Iterator[Sentence]:
    """Every non-empty line of the document text, headings included.

    Readers make short lines (a name under "LEAD OFFICER") into headings, which belong to no
    paragraph; such a line is attributed to the paragraph that follows it, the one a reader
    sees under that heading. Offsets stay those of the line itself.
    """
    if not doc.paragraphs:
        return
    starts = [p.start for p in doc.paragraphs]
    offset = 0
    for raw in doc.text.split("\n"):
        stripped = raw.strip()
        if stripped:
            begin = offset + len(raw) - len(raw.lstrip())
            index = bisect.bisect_right(starts, begin) - 1
            if index < 0 or begin >= doc.paragraphs[index].end:
                index = min(index + 1, len(doc.paragraphs) - 1)
            yield Sentence(doc.paragraphs[index], begin, begin + len(stripped), stripped)
        offset += len(raw) + 1


def span_evidence(s: Sentence, begin: int, end: int) -> Evidence:
    """Evidence for ``[begin, end)`` relative to a sentence or line."""
    return Evidence(s.paragraph.id, s.start + begin, s.start + end, s.text[begin:end])
