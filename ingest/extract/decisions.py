"""Decisions per clause, recommendations in reports, and report-backs kept as open actions.

Minutes across councils record decisions in a few shapes, all handled here:

* "The Committee agreed:" / "RESOLVED:" / "Decision:" followed by clauses "a) ...", "(A) ...",
  "1. ...": one decision per clause, labelled;
* "The Committee noted the report." / "RESOLVED that ..." on one line: one unlabelled decision;
* "it was (suggested and) agreed that ..." inside the discussion: one unlabelled decision.

A clause asking for something to come back ("that a report on workforce be presented to the
Committee", "that the action plans be shared with the Committee") is also an open ``Action``.
Reports ask rather than decide: "The Committee is asked to ..." is a ``Recommendation``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from ingest.extract.periods import parse_day
from ingest.extract.spans import Sentence, document_lines, sentences, span_evidence
from kg.facts import Action, Decision, Recommendation
from kg.records import Document
from kg.resolve import fold

_BODY = r"(?:Committee|Sub-Committee|Cabinet|Board|Council|Panel|Forum|Executive|Meeting|Members)"
_VERBS = r"agreed|resolved|decided|noted|recommended|approved|endorsed|considered and noted|RESOLVED|AGREED|NOTED"
_INTRO = re.compile(
    rf"^(?:(?:The|That the)\s+)?(?P<body>(?:[A-Z][\w'’-]*\s+){{0,8}}?{_BODY})\s+(?P<verb>{_VERBS})\b\s*(?P<rest>.*)$"
)
_BARE = re.compile(r"^(?P<verb>RESOLVED|Resolved|AGREED|NOTED|DECISION|Decision|DECISIONS|Decisions)\b\s*(?P<rest>.*)$")
_CLAUSE = re.compile(r"^\(?(?P<label>[a-z]|[A-Z]|[ivx]{1,4}|\d{1,2})[.)]\s+(?P<text>\S.*)$")
_IN_DISCUSSION = re.compile(r"\b[Ii]t was (?:\w+ and )?(?:agreed|resolved) that (?P<text>[^.]+)")
# "At the 2 March 2023 meeting it was agreed": a decision of an earlier meeting, reported.
_EARLIER = re.compile(r"\b[Aa]t (?:the|its) (?P<date>\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}) meeting\b")
_REPORT_ASKS = re.compile(r"^This (?:report|paper) asks (?P<addr>(?:the\s+)?(?:[A-Z][\w'’-]*\s+|and\s+){0,9}?" + _BODY + r"s?)\s+to\s+(?P<text>.+)$")
_REPORT_BACK = re.compile(
    r"^(?:that\s+)?(?:an?\s+(?:further\s+|update\s+|progress\s+)?(?:report|update|briefing(?: note)?|paper|presentation)"
    r"(?:\s+(?:on|about|regarding|into)\s+(?P<subject>.+?))?\s+be\s+(?:presented|brought|submitted|provided|circulated|"
    r"considered|made available|given|added|arranged|scheduled|prepared|produced)|(?:the\s+)?(?P<shared>.+?)\s+be\s+(?:shared|circulated)\s+with"
    r"|(?:the\s+)?.+?\s+report\s+back\b(?:\s+to\s+the\s+\w+)?(?:\s+on\s+(?P<back>.+?))?(?:[.,;]|$)"
    r"|(?:the\s+\w+\s+)?receives?\s+an?\s+(?P<update>[\w -]+?\s+update))",
    re.I,
)
# "to request that ...", "to ask that ...": the request itself is what follows.
_REQUEST = re.compile(r"^(?:to\s+)?(?:request|ask|agree)\s+that\s+", re.I)
_ASKED = re.compile(
    r"^(?P<addr>(?:The\s+)?(?:[A-Z][\w'’-]*\s+|and\s+){0,9}?" + _BODY + r"s?)\s+(?:is|are)\s+"
    r"(?:asked|recommended|requested|invited|requested)\s+to\s+(?P<text>.+)$"
)
_RECOMMENDED = re.compile(r"^It is recommended that\s+(?P<text>.+)$")


def decisions(doc: Document) -> tuple[list[Decision], list[Action]]:
    """Decisions (one per clause) and the report-backs among them."""
    decided: list[Decision] = []
    lines = list(document_lines(doc))
    used: set[int] = set()
    for i, line in enumerate(lines):
        m = _INTRO.match(line.text) or _BARE.match(line.text)
        if not m or i in used:
            continue
        body = _deciding_body(m.groupdict().get("body"), doc)
        verb = _verb(m.group("verb"))
        rest = re.sub(r"^(?:that|to)?\s*[:–-]?\s*", "", m.group("rest")).strip()
        clauses = list(_clauses(lines, i + 1, used))
        if clauses:
            for label, clause in clauses:
                decided.append(Decision(label, _tidy(clause.text), _clause_verb(clause.text, verb), body, clause.evidence()))
        elif len(rest.split()) >= 2:
            decided.append(Decision(None, _tidy(rest), _clause_verb(rest, verb), body, line.evidence()))
    decided.extend(d for d in _in_discussion(doc) if not any(_repeats(d.text, f.text) for f in decided))
    actions = [a for d in decided if (a := _action(d)) is not None]
    return decided, _dedupe_actions(actions)


def recommendations(doc: Document, decided: list[Decision] | None = None) -> list[Recommendation]:
    """What a report asks of the body it goes to, one per sentence, labelled by section number.

    When ``decided`` (the same document's decisions) holds the answer, it is linked.
    """
    out: list[Recommendation] = []
    for p in doc.paragraphs:
        for s in sentences(p):
            text = re.sub(r"^\d+(?:\.\d+)+\.?\s+", "", s.text)
            m = _ASKED.match(text) or _REPORT_ASKS.match(text)
            if m:
                out.append(Recommendation(p.number, _tidy(m.group("text")), m.group("addr").strip(), s.evidence()))
            elif (m := _RECOMMENDED.match(text)) is not None:
                out.append(Recommendation(p.number, _tidy(m.group("text")), None, s.evidence()))
    return [replace(r, answered_by=_answer(r, decided or [])) for r in out]


def _words(text: str) -> set[str]:
    # Function words, and the verbs of bringing a paper back, which minutes vary at will.
    stop = {"the", "a", "an", "of", "to", "and", "that", "be", "for", "on", "in", "at", "is", "as", "report", "committee",
            "brought", "presented", "submitted", "provided", "considered", "given"}
    return {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in fold(text).split() if w not in stop}


def _repeats(text: str, formal: str) -> bool:
    """A request agreed in the discussion that the formal decision list repeats."""
    words = _words(text)
    return bool(words) and len(words & _words(formal)) >= 0.75 * len(words)


def _answer(r: Recommendation, decided: list[Decision]) -> int | None:
    """The decision that answers a recommendation: most of its words are the recommendation's."""
    asked = _words(r.text) | {"noted", "note"}
    best, index = 0.0, None
    for i, d in enumerate(decided):
        words = _words(d.text)
        share = len(words & asked) / len(words) if words else 0.0
        if share >= 0.5 and share > best:
            best, index = share, i
    return index


def _clauses(lines: list[Sentence], start: int, used: set[int]) -> Iterator[tuple[str, Sentence]]:
    """The lettered or numbered clauses that follow an intro line."""
    for j in range(start, min(start + 40, len(lines))):
        m = _CLAUSE.match(lines[j].text)
        if not m:
            return
        used.add(j)
        line = lines[j]
        yield m.group("label"), Sentence(line.paragraph, line.start + m.start("text"), line.end, m.group("text"))


def _in_discussion(doc: Document) -> Iterator[Decision]:
    """Agreements recorded in the discussion, in the mandative "that X be done" of resolutions.

    "it was agreed that this meeting would be themed" reports an arrangement, not a decision.
    """
    for p in doc.paragraphs:
        for s in sentences(p):
            for m in _IN_DISCUSSION.finditer(s.text):
                text = m.group("text").strip()
                if re.search(r"\b(?:would|will)\b", text):
                    continue
                earlier = _EARLIER.search(s.text[: m.start()])
                made_on = parse_day(earlier.group("date")) if earlier else None
                yield Decision(
                    None, _tidy(text), _clause_verb(text, "agreed"), doc.meta.body,
                    span_evidence(s, m.start(), m.end()), made_on=made_on,
                )


def _action(d: Decision) -> Action | None:
    text = _REQUEST.sub("", d.text)
    m = _REPORT_BACK.match(text)
    if not m:
        return None
    subject = (m.group("subject") or m.group("shared") or m.group("back") or m.group("update") or "").strip()
    if not subject:  # "a report be brought to Committee on the offer for adolescents"
        later = re.search(r"\b(?:on|about|regarding|into)\s+(.+?)\.?$", text[m.end():])
        subject = later.group(1) if later else text
    subject = re.sub(r"^(?:the|a|an)\s+", "", subject.strip(), flags=re.I)
    return Action(d.text, _tidy(subject), d.body, d.label, d.evidence)


def _dedupe_actions(actions: list[Action]) -> list[Action]:
    """A report-back asked for in the discussion and again in the decision is one action."""
    seen: dict[str, Action] = {}
    for a in actions:
        key = fold(a.subject)
        if key not in seen or (a.decision_label and not seen[key].decision_label):
            seen[key] = a
    return list(seen.values())


def _deciding_body(named: str | None, doc: Document) -> str | None:
    """"The Committee" in minutes is the meeting's body; a named body is itself."""
    if not named or fold(named) in {"committee", "the committee", "sub committee", "panel", "board", "meeting", "members"}:
        return doc.meta.body
    return named.strip()


def _verb(raw: str) -> str:
    word = fold(raw).split()[-1] if raw else "decided"
    return {"decision": "decided", "decisions": "decided"}.get(word, word)


def _clause_verb(text: str, default: str) -> str:
    low = text.lower().lstrip("( ")
    if re.match(r"(?:to\s+)?(?:note|noted)\b", low):
        return "noted"
    if re.match(r"(?:to\s+)?recommend", low):
        return "recommended"
    if re.match(r"(?:to\s+)?(?:approve|approved)\b", low):
        return "approved"
    return default


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ;,")
