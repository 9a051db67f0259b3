"""Entity linking: which posts, people, bodies, measures and documents a question names.

The graph's labels are read once per committed generation (template ``labels``) into a small
index of stemmed label words. A label links when most of its distinctive words occur in the
question; its score is the share of its word weight covered, so "Head of Children's Services
Commissioning" links to that post and not to every "Head of …".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from kg.lexical import Tokenizer
from kg.qa import templates
from kg.qa.records import DateSpan, LinkedEntity

MIN_SCORE = 0.75


@dataclass(frozen=True)
class LabelEntry:
    """One labelled node and its label's stems."""

    iri: str
    label: str
    kind: str
    stems: frozenset[str]


class LabelIndex:
    """The labels of one generation's graph, searchable by the words of a question."""

    def __init__(self, entries: list[LabelEntry], tokenizer: Tokenizer) -> None:
        self.entries = entries
        self._tokenize = tokenizer
        df = Counter(s for e in entries for s in e.stems)
        n = max(1, len(entries))
        self._weight = {s: math.log(1 + n / c) for s, c in df.items()}

    @classmethod
    def load(cls, graph, tokenizer: Tokenizer | None = None) -> "LabelIndex":
        """Read every label the ``labels`` template returns."""
        tok = tokenizer or Tokenizer()
        entries = []
        seen = set()
        for row in graph.query(templates.render("labels")):
            node, label, kind = row[0].value, row[1].value, row[2].value
            if (node, label) in seen:
                continue
            seen.add((node, label))
            stems = frozenset(tok(_plain(label)))
            if stems:
                entries.append(LabelEntry(node, label, kind, stems))
        return cls(entries, tok)

    def link(self, question: str, kinds: tuple[str, ...] | None = None, limit: int = 8) -> list[LinkedEntity]:
        """Nodes whose labels the question mentions, best first."""
        words = set(self._tokenize(_plain(question)))
        best: dict[str, LinkedEntity] = {}
        for e in self.entries:
            if kinds and e.kind not in kinds:
                continue
            total = sum(self._weight[s] for s in e.stems)
            covered = sum(self._weight[s] for s in e.stems if s in words)
            score = covered / total if total else 0.0
            if score >= MIN_SCORE and (e.iri not in best or best[e.iri].score < score):
                # Longer labels fully matched are more specific: prefer them on ties.
                best[e.iri] = LinkedEntity(e.iri, e.label, e.kind, round(score + 0.01 * len(e.stems), 4))
        return sorted(best.values(), key=lambda x: -x.score)[:limit]


def _plain(text: str) -> str:
    """Curly apostrophes and possessives folded, so "Children’s" matches "Children's"."""
    return re.sub(r"['\u2019]s\b", "", text.replace("\u2019", "'"))


# Words every kind of paper has in its title: they say what sort of paper, not which one.
_GENERIC_TITLE = frozenset("report update minut agenda item paper meet committe supplementari includ".split())
_SUBTITLE = re.compile(r"\s+(?:including|incl\.?|covering)\s+|\s*[:\u2013\u2014(]\s*|\s+-\s+", re.I)
# How users name a paper's kind, and the manifest's document type it means.
_TYPE_WORDS = (("update", "report"), ("report", "report"), ("minutes", "minutes"), ("agenda", "agenda"),
               ("briefing", "report"))
DATED_MIN_SHARE = 0.3  # a title this far named links when the question also gives the paper's month


class DocumentTitles:
    """The papers' titles and meeting dates, so "the October 2023 Children's Services update"
    finds "Children's Services Update including ILACS findings…" of 5 October 2023: users name a
    paper by a few words of its title and when it was discussed, rarely by the whole title."""

    def __init__(self, documents: list[tuple], tokenizer: Tokenizer) -> None:
        """``documents``: (id, title, meeting date) or (id, title, meeting date, document type)."""
        self._tokenize = tokenizer
        self._docs = []
        self._typed: list[tuple[str, str, date, str]] = []  # (id, title, date, type) of dated, typed papers
        by_stem: dict[str, list[int]] = {}
        for doc_id, title, when, *kind in documents:
            if when is not None and kind and kind[0]:
                self._typed.append((doc_id, title, when, kind[0].lower()))
            stems = frozenset(tokenizer(_plain(title))) - _GENERIC_TITLE
            # "Children's Services Update including ILACS findings…": the words before the
            # subtitle name the paper on their own when at least two of them are distinctive.
            main = frozenset(tokenizer(_plain(_SUBTITLE.split(title, 1)[0])))
            main = main if len(main - _GENERIC_TITLE) >= 2 and main != stems else frozenset()
            if stems:
                for s in stems:
                    by_stem.setdefault(s, []).append(len(self._docs))
                self._docs.append((doc_id, title, when, stems, main))
        n = max(1, len(self._docs))
        self._weight = {s: math.log(1 + n / len(ix)) for s, ix in by_stem.items()}
        self._by_stem = by_stem

    def named(self, question: str, dates: tuple[DateSpan, ...], iri_of) -> list[LinkedEntity]:
        """Papers the question names: most of the title, or part of it and the paper's month."""
        words = set(self._tokenize(_plain(question)))
        candidates = {i for s in words for i in self._by_stem.get(s, ())}
        found = []
        for i in candidates:
            doc_id, title, when, stems, main = self._docs[i]
            total = sum(self._weight[s] for s in stems)
            share = sum(self._weight[s] for s in stems if s in words) / total
            if main and main <= words:
                share = max(share, MIN_SCORE)
            dated = when is not None and any(d.overlaps(when.replace(day=1), _month_end(when)) for d in dates)
            if share >= MIN_SCORE or (dated and share >= DATED_MIN_SHARE):
                score = max(share, 0.8) if dated else share
                found.append(LinkedEntity(iri_of(doc_id), title, "document", round(score, 4)))
        if not found and dates:
            found = self._by_type_and_month(question, dates, iri_of)
        return sorted(found, key=lambda e: -e.score)

    def _by_type_and_month(self, question: str, dates: tuple[DateSpan, ...], iri_of) -> list[LinkedEntity]:
        """"The October 2023 update": the one report of that month, when the question names the
        paper by its kind and month only."""
        kinds = {kind for word, kind in _TYPE_WORDS if re.search(rf"\b{word}\b", question, re.I)}
        if not kinds:
            return []
        hits = [(doc_id, title) for doc_id, title, when, kind in self._typed
                if any(k in kind for k in kinds)
                and any(d.overlaps(when.replace(day=1), _month_end(when)) for d in dates)]
        return [LinkedEntity(iri_of(hits[0][0]), hits[0][1], "document", 0.8)] if len(hits) == 1 else []


def _month_end(day: date) -> date:
    following = day.replace(day=28) + timedelta(days=4)
    return following - timedelta(days=following.day)
