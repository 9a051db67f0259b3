"""Find the graph's people, posts, bodies and measures named in a piece of text (an answer),
so the page can link each mention to its node."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.pages.rows import plain

MIN_LABEL = 4
MAX_MENTIONS = 12


@dataclass(frozen=True)
class Mention:
    """A span of the text that names a node."""

    start: int
    end: int
    iri: str


def label_index(graph) -> dict[str, str]:
    """Lower-cased label → node IRI (measures only when their label has two words or more)."""
    index: dict[str, str] = {}
    for row in plain(graph, "mention_labels"):
        label = row.get("label", "").strip()
        is_measure = row.get("type", "").endswith("#Measure")
        if len(label) < MIN_LABEL or (is_measure and len(label.split()) < 2):
            continue
        index.setdefault(label.lower(), row["node"])
    return index


def mentions(text: str, index: dict[str, str]) -> list[Mention]:
    """Non-overlapping mentions in ``text``, longest labels first, in text order."""
    taken: list[Mention] = []
    lowered = text.lower()
    for label in sorted(index, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(label) + r"(?!\w)", lowered):
            if not any(m.start() < t.end and t.start < m.end() for t in taken):
                taken.append(Mention(m.start(), m.end(), index[label]))
        if len(taken) >= MAX_MENTIONS:
            break
    return sorted(taken, key=lambda t: t.start)


def example_questions(graph, limit: int = 6) -> list[str]:
    """Questions the ingested papers can answer, made from the posts, bodies and measures they name."""
    asked: list[str] = []
    per_kind: dict[str, int] = {}
    for row in plain(graph, "question_seeds"):
        kind, label = row.get("kind"), row.get("label", "").strip()
        if not label or per_kind.get(kind, 0) >= 2:
            continue
        if kind == "post":
            question = f"Who is the {label}?"
        elif kind == "body":
            question = f"What did the {label} decide?"
        elif kind == "measure" and len(label.split()) >= 2 and int(row.get("n", "0")) >= 2 and label[0].isalpha():
            question = f"What is the latest figure for {label}?"
        else:
            continue
        per_kind[kind] = per_kind.get(kind, 0) + 1
        asked.append(question)
    return asked[:limit]
