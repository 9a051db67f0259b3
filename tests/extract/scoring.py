"""Scoring extracted facts against gold annotations: the matching rules, per fact type.

Each rule pairs gold and extracted facts one-to-one within a document (greedy, in gold order)
and counts true positives; unmatched extractions are false positives, unmatched gold facts
false negatives. Gold facts marked ``optional`` (borderline: a count of teams, a target) are
left out of recall, and an extraction that matches one is left out of precision (an optional
metric matches on value and unit alone).

Matching rules (documented here because the scores mean nothing without them):

* **people with post**: the same person (name folded, honorifics stripped, as
  ``kg.resolve.person_key``) and the same post (``kg.resolve.post_key`` of the title without a
  trailing parenthetical, so "Director of People (Statutory DCAS)" is "Director of People").
* **bodies**: the same ``kg.resolve.body_key`` (national bodies by canonical name); kind ignored.
* **decisions**: the same clause label (both None, or equal) and clause texts whose content
  words overlap with a Dice coefficient >= 0.6.
* **recommendations**: texts with content-word Dice >= 0.6.
* **actions** (report-backs): the gold subject's content words all occur in the extracted one.
* **metrics**: equal value (exact decimal) and unit; the measure names the same thing — at
  least half the gold measure's content words occur in the extracted measure, and at least a
  third of the extracted measure's words are gold words (so a whole clause is not a name); and
  the reference period agrees: gold end null -> no period extracted; gold end "unclear" ->
  anything; otherwise the extracted period's end equals the gold end and, when the gold gives a
  start, the extracted start is within 3 days of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Callable, Sequence

from kg.facts import DocumentFacts
from kg.resolve import body_key, fold, person_key, post_key

_STOPWORDS = frozenset(
    "a an the of in on for to and or with by from at as is are was were be been that which who this these "
    "their our its it any all per into up".split()
)


def content_words(text: str) -> set[str]:
    """Folded words minus stopwords, with plural endings stripped ("vacancies" -> "vacancy")."""
    out = set()
    for w in fold(text).split():
        if w in _STOPWORDS:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def dice(a: str, b: str) -> float:
    """Dice coefficient of two texts' content words."""
    wa, wb = content_words(a), content_words(b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


@dataclass(frozen=True)
class Score:
    """Counts for one fact type over all documents."""

    kind: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self) -> str:
        """One printable row."""
        return f"{self.kind:<18} P={self.precision:.3f} R={self.recall:.3f}  (tp={self.tp} fp={self.fp} fn={self.fn})"


@dataclass(frozen=True)
class Miss:
    """A gold fact not found, or an extracted fact not in the gold: for the printed report."""

    kind: str
    document: str
    what: str


def align(gold: Sequence[dict], found: Sequence[Any], same: Callable[[dict, Any], bool]) -> tuple[int, int, int, list, list]:
    """Greedy one-to-one matching: (tp, fp, fn, unmatched gold, unmatched found)."""
    used: set[int] = set()
    tp = fn = 0
    missed = []
    optional_hits: set[int] = set()
    for g in gold:
        j = next((j for j, f in enumerate(found) if j not in used and same(g, f)), None)
        if j is None:
            if not g.get("optional"):
                fn += 1
                missed.append(g)
            continue
        used.add(j)
        if g.get("optional"):
            optional_hits.add(j)
        else:
            tp += 1
    extra = [f for j, f in enumerate(found) if j not in used]
    return tp, len(extra), fn, missed, extra


def _post(title: str, council: str | None) -> str:
    return post_key(re.sub(r"\s*\([^)]*\)\s*$", "", title), council)


def _period_ok(g: dict, o) -> bool:
    end = g.get("end")
    if end == "unclear":
        return True
    if end is None:
        return o.period is None
    if o.period is None or o.period.end != date.fromisoformat(end):
        return False
    if g.get("start"):
        start = date.fromisoformat(g["start"])
        return o.period.start is not None and abs(o.period.start - start) <= timedelta(days=3)
    return True


def measure_ok(gold: str, found: str) -> bool:
    """The metric measure rule (see module docstring)."""
    g, f = content_words(gold), content_words(found)
    if not g or not f:
        return False
    common = len(g & f)
    return common / len(g) >= 0.5 and common / len(f) >= 1 / 3


def metric_ok(g: dict, o) -> bool:
    """Value, unit, measure and period all agree (value and unit alone for an optional figure)."""
    if g.get("optional"):
        return Decimal(g["value"]) == o.value and g["unit"] == o.unit
    return (
        Decimal(g["value"]) == o.value and g["unit"] == o.unit
        and measure_ok(g["measure"], o.measure) and _period_ok(g, o)
    )


def score_document(gold: dict, facts: DocumentFacts, council: str | None) -> dict[str, tuple[int, int, int, list, list]]:
    """Per type alignments of one document."""
    people = [(h.person, h.post) for h in facts.holdings]
    people = list({(fold(p), _post(t, council)): (p, t) for p, t in people}.values())
    bodies = list({body_key(b.name, council): b for b in facts.bodies}.values())
    return {
        "people-with-post": align(
            gold["people"], people,
            lambda g, f: person_key(g["person"], council) == person_key(f[0], council)
            and _post(g["post"], council) == _post(f[1], council),
        ),
        "bodies": align(gold["bodies"], bodies, lambda g, b: body_key(g["name"], council) == body_key(b.name, council)),
        "decisions": align(
            gold["decisions"], list(facts.decisions),
            lambda g, d: (g.get("label") or None) == (d.label or None) and dice(g["text"], d.text) >= 0.6,
        ),
        "recommendations": align(gold["recommendations"], list(facts.recommendations), lambda g, r: dice(g["text"], r.text) >= 0.6),
        "actions": align(gold["actions"], list(facts.actions), lambda g, a: content_words(g["subject"]) <= content_words(a.subject)),
        "metrics": align(gold["metrics"], list(facts.observations), metric_ok),
    }


def describe(kind: str, item) -> str:
    """A one-line description of a gold dict or an extracted fact, for the printed report."""
    if isinstance(item, dict):
        return "; ".join(f"{k}={v}" for k, v in item.items() if k not in {"optional"})
    if kind == "metrics":
        p = item.period
        return f"{item.value} {item.unit} | {item.measure} | {p.start if p else None}..{p.end if p else None}"
    if kind == "people-with-post":
        return f"{item[0]} | {item[1]}"
    if kind == "bodies":
        return f"{item.name} ({item.kind})"
    if kind == "actions":
        return item.subject
    return f"{getattr(item, 'label', None)}) {item.text[:90]}"
