"""Graph facts for a question: the SPARQL templates its type and linked entities call for.

Each fact keeps the paragraph it was derived from, so facts and passages reinforce each other:
a fact's paragraph is boosted in retrieval, and a fact becomes the answer only when its
paragraph also supports the question (checked by the composer).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote

from kg.qa import templates
from kg.qa.records import Analysis, AnswerType, Fact, LinkedEntity, SeriesPoint
from kg.vocab import IriMinter

FAR_PAST = date(1900, 1, 1)
FAR_FUTURE = date(2999, 12, 31)


@dataclass
class FactFindings:
    """What the graph said: facts, the queries run, paragraphs to boost and a chartable series."""

    facts: list[Fact] = field(default_factory=list)
    sparql: list[str] = field(default_factory=list)
    boost: dict[str, float] = field(default_factory=dict)
    series: list[SeriesPoint] = field(default_factory=list)


_MONTHS = frozenset("january february march april may june july august september october november december".split())


def _v(term) -> str | None:
    return None if term is None else term.value


def _date(term) -> date | None:
    try:
        return None if term is None else date.fromisoformat(term.value[:10])
    except ValueError:
        return None


class FactFinder:
    """Runs the templates of one question against a snapshot's graph."""

    def __init__(self, graph, minter: IriMinter) -> None:
        self.graph = graph
        self.minter = minter
        self._prefix = minter.paragraph("")

    def _pid(self, term) -> str | None:
        value = _v(term)
        if value and value.startswith(self._prefix):
            return unquote(value[len(self._prefix):])
        return None

    def _run(self, found: FactFindings, name: str, **params):
        query = templates.render(name, **params)
        found.sparql.append(query)
        return list(self.graph.query(query))

    def find(self, a: Analysis) -> FactFindings:
        """Facts for the analysis, by answer type and linked entities."""
        found = FactFindings()
        posts = [e for e in a.entities if e.kind == "post"]
        docs = [e for e in a.entities if e.kind == "document"]
        measures = [e for e in a.entities if e.kind == "measure"]
        if a.answer_type == AnswerType.PERSON:
            if posts:
                self._post_holders(found, a, posts)
            if docs:
                self._authors(found, docs)
        elif a.answer_type in (AnswerType.FIGURE, AnswerType.TREND) and measures:
            self._measures(found, a, measures)
        elif a.answer_type == AnswerType.DECISION:
            self._decisions(found, a)
        elif a.answer_type in (AnswerType.DATE, AnswerType.PLACE) and a.dates:
            self._meetings(found, a)
        return found

    def _post_holders(self, found: FactFindings, a: Analysis, posts: list[LinkedEntity]) -> None:
        on = max((d.end for d in a.dates), default=FAR_FUTURE)
        top = posts[0].score
        chosen = tuple(p.iri for p in posts if p.score >= top - 1e-6)
        for row in self._run(found, "post_holder", posts=templates.IriList(chosen), on=on):
            post, name, when = _v(row[1]), _v(row[3]), _date(row[5])
            pid = self._pid(row[6])
            found.facts.append(Fact("post_holder", f"{name}, {post}", pid, subject=post, value=name,
                                    when=when, extra=(("capacity", _v(row[4]) or ""),)))
            if pid:
                found.boost[pid] = max(found.boost.get(pid, 0.0), 1.0)

    def _authors(self, found: FactFindings, docs: list[LinkedEntity]) -> None:
        chosen = tuple(d.iri for d in docs[:2])
        for row in self._run(found, "report_authors", documents=templates.IriList(chosen)):
            title, name, capacity, post = _v(row[1]), _v(row[2]), _v(row[3]), _v(row[4])
            pid = self._pid(row[5])
            role = {"author": "author", "report_from": "report from", "lead_officer": "lead officer"}[capacity]
            found.facts.append(Fact("author", f"{name}, {post} ({role} of {title})", pid,
                                    subject=title, value=name, extra=(("capacity", capacity),)))
            if pid:
                found.boost[pid] = max(found.boost.get(pid, 0.0), 0.8)

    def _measures(self, found: FactFindings, a: Analysis, measures: list[LinkedEntity]) -> None:
        chosen = tuple(m.iri for m in measures[:4])
        name = "measure_series" if a.answer_type == AnswerType.TREND else "measure_value"
        for row in self._run(found, name, measures=templates.IriList(chosen)):
            if name == "measure_series":
                label, value, unit, plabel, start, end, para = row[0], row[1], row[2], row[3], row[4], row[5], row[6]
            else:
                label, value, unit, plabel, start, end, para = row[1], row[2], row[3], row[4], row[5], row[6], row[8]
            pid = self._pid(para)
            when = _date(end) or _date(start)
            found.facts.append(Fact("observation", f"{_v(label)}: {_v(value)} {_v(unit) or ''}".strip()
                                    + (f" ({_v(plabel)})" if plabel is not None else ""), pid,
                                    subject=_v(label), value=_v(value), unit=_v(unit), when=when))
            found.series.append(SeriesPoint(_v(value), _v(unit), when.isoformat() if when else None,
                                            _v(plabel) or "", pid))
            if pid:
                found.boost[pid] = max(found.boost.get(pid, 0.0), 0.5)

    def _decisions(self, found: FactFindings, a: Analysis) -> None:
        lo = min((d.start for d in a.dates), default=FAR_PAST)
        hi = max((d.end for d in a.dates), default=FAR_FUTURE)
        # Words of the subject, matched on their first five letters ("reports" meets "report");
        # the dates are already matched by the query.
        terms = {t[:5] for t in a.terms if len(t) > 3 and not t[0].isdigit() and t not in _MONTHS}
        for row in self._run(found, "decisions", **{"from": lo, "to": hi}):
            text = _v(row[1]) or ""
            overlap = sum(1 for t in terms if t in text.lower())
            if not overlap:
                continue
            dated = bool(a.dates) and row[5] is not None
            pid = self._pid(row[6])
            found.facts.append(Fact("decision", text, pid, subject=_v(row[4]), value=_v(row[2]),
                                    when=_date(row[5]), extra=(("clause", _v(row[3]) or ""),)))
            if pid:
                share = overlap / max(1, len(terms))
                # A decision of the meeting the question dates is read whatever retrieval thinks.
                found.boost[pid] = max(found.boost.get(pid, 0.0), (0.3 + 0.5 * share) if dated else 0.6 * share)

    def _meetings(self, found: FactFindings, a: Analysis) -> None:
        lo = min(d.start for d in a.dates)
        hi = max(d.end for d in a.dates)
        for row in self._run(found, "meeting_details", **{"from": lo, "to": hi}):
            body, when, time, venue = _v(row[1]), _date(row[2]), _v(row[3]), _v(row[4])
            bits = [b for b in (f"at {time}" if time else None, f"at {venue}" if venue else None) if b]
            doc = _v(row[5])
            fact = Fact("meeting", f"{body or 'Meeting'} on {when}" + (" " + ", ".join(bits) if bits else ""),
                        None, subject=body, when=when,
                        extra=tuple((k, v) for k, v in (("time", time), ("venue", venue), ("document", doc)) if v))
            if fact not in found.facts:
                found.facts.append(fact)
