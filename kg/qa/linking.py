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

from kg.lexical import Tokenizer
from kg.qa import templates
from kg.qa.records import LinkedEntity

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
