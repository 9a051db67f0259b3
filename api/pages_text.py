"""Text for the pages: escaped first, then marked up, so no document text is ever trusted as HTML.

Every function here returns :class:`markupsafe.Markup` built from escaped pieces; highlights are
inserted between escaped segments, never by editing escaped text.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from markupsafe import Markup, escape

STOPWORDS = frozenset(
    "a about above after again all am an and any are as at be been before being below between both but by "
    "can could did do does doing down during each few for from further had has have having he her here "
    "hers him his how i if in into is it its itself last latest many me more most much my no nor not now "
    "of off on once only or other our ours out over own same she should so some such than that the their "
    "them then there these they this those through to too under until up very was we were what when where "
    "which while who whom why will with would you your".split()
)
_WORD = re.compile(r"[\w'’%£.-]+", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(“\"'])")


def query_terms(query: str) -> list[str]:
    """The words of a query worth highlighting: no stopwords, nothing shorter than 2 letters."""
    seen: list[str] = []
    for word in _WORD.findall(query.lower()):
        word = word.strip(".'’-")
        if len(word) >= 2 and word not in STOPWORDS and word not in seen:
            seen.append(word)
    return seen


def mark_terms(text: str, terms: Sequence[str]) -> Markup:
    """``text`` escaped, with whole-word (prefix) matches of ``terms`` wrapped in ``<mark>``."""
    if not terms:
        return Markup(escape(text))
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\w*",
        re.IGNORECASE,
    )
    return _wrap(text, ((m.start(), m.end()) for m in pattern.finditer(text)))


def mark_span(text: str, start: int, end: int) -> Markup:
    """``text`` escaped, with ``text[start:end]`` wrapped in ``<mark>``."""
    if not 0 <= start < end <= len(text):
        return Markup(escape(text))
    return _wrap(text, [(start, end)])


def _wrap(text: str, spans: Iterable[tuple[int, int]]) -> Markup:
    parts: list[str] = []
    last = 0
    for start, end in spans:
        if start < last:
            continue
        parts.append(escape(text[last:start]))
        parts.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        last = end
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    spans, start = [], 0
    for m in _SENTENCE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def supporting_span(text: str, answer: str | None, question: str = "") -> tuple[int, int] | None:
    """The sentence of ``text`` that best supports ``answer`` (else the question), by shared words."""
    target = set(query_terms(answer or "")) or set(query_terms(question))
    if not target:
        return None
    best, best_score = None, 0.0
    for start, end in sentences(text):
        words = set(query_terms(text[start:end]))
        score = len(words & target) / (1 + 0.02 * len(words))
        if score > best_score:
            best, best_score = (start, end), score
    return best


def paragraph_html(text: str, marked: Markup | None = None) -> Markup:
    """A paragraph's text (or its already marked, escaped form) with its line breaks kept."""
    body = marked if marked is not None else Markup(escape(text))
    lines = [line for line in re.split(r"\n\s*\n|\n", str(body)) if line.strip()]
    return Markup("<br>").join(Markup(line) for line in lines)


def table_rows(text: str) -> list[list[str]]:
    """A flattened table (one row a line, cells split by `` | ``) as rows of cells."""
    return [[cell.strip() for cell in line.split(" | ")] for line in text.splitlines() if line.strip()]


def link_spans(text: str, spans: Iterable[tuple[int, int, str | None]]) -> Markup:
    """``text`` escaped, each ``(start, end, href)`` span made a link (or left as text without href)."""
    parts: list[str] = []
    last = 0
    for start, end, href in sorted(spans):
        if start < last:
            continue
        parts.append(escape(text[last:start]))
        piece = escape(text[start:end])
        parts.append(Markup('<a class="entity" href="{}">{}</a>').format(href, piece) if href else piece)
        last = end
    parts.append(escape(text[last:]))
    return Markup("").join(parts)
