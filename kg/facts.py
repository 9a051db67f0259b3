"""Typed, frozen records of the facts extractors find in a document.

Every fact carries an ``Evidence``: the paragraph it was read from and the character offsets of
the exact source text in the document's extracted text, so a fact can always be cited and
highlighted. Names are kept as written; ``kg.resolve`` turns them into keys for IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Evidence:
    """Where a fact was stated: a paragraph and a slice ``[start, end)`` of the document text."""

    paragraph_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Period:
    """A reference date or period; an instant when ``start == end``.

    ``label`` is the phrase as written ("as of 31 August 2020", "2021/22"); ``start``/``end``
    may be None when the phrase is open-ended ("since April 2022" has no written end).
    """

    label: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class PostHolding:
    """A person named together with a post they hold, as the document attests on its date.

    ``role`` says in what capacity the document names them: ``report_from``, ``author``,
    ``lead_officer``, ``contact``, ``portfolio_holder``, ``speaker``, ``attendee`` or ``stated``.
    """

    person: str
    post: str
    role: str
    evidence: Evidence | None


@dataclass(frozen=True)
class PersonMention:
    """A person named without a post (a speaker in a transcript, an attendee without role)."""

    person: str
    role: str
    evidence: Evidence | None


@dataclass(frozen=True)
class PostMention:
    """A post named without a person ("the Head of Children's Commissioning said").

    ``holder`` is the person the same document says holds the post, when it says so.
    """

    post: str
    holder: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Membership:
    """A person's membership of a body with a role ("Committee Member", "Chair").

    ``party`` and ``ward`` are what the attendance record adds about the person: the political
    party (group) they belong to and the ward they represent, as written.
    """

    person: str
    body: str
    role: str | None
    attendance: str | None = None
    party: str | None = None
    ward: str | None = None


@dataclass(frozen=True)
class BodyMention:
    """A body the document names: committee, board, council, cabinet or external organisation."""

    name: str
    kind: str  # committee | board | cabinet | council | partnership | external
    parent: str | None
    evidence: Evidence | None


@dataclass(frozen=True)
class AgendaEntry:
    """An item on the meeting's agenda."""

    number: str | None
    title: str
    restricted: bool = False


@dataclass(frozen=True)
class MeetingFact:
    """The meeting a document belongs to: deciding body, date and what the papers add."""

    body: str
    date: date
    time: str | None = None
    venue: str | None = None
    agenda: tuple[AgendaEntry, ...] = ()
    item_title: str | None = None  # the agenda item this document is about, when it says
    cancelled: bool = False  # the source records the meeting as cancelled


@dataclass(frozen=True)
class Decision:
    """One clause of what a body decided ("b) that a report on workforce be presented").

    ``verb`` is the kind of decision: agreed, resolved, noted, recommended, decided.
    """

    label: str | None
    text: str
    verb: str
    body: str | None
    evidence: Evidence
    made_on: date | None = None  # an earlier meeting's decision, reported: "At the 2 March 2023 meeting it was agreed"


@dataclass(frozen=True)
class Recommendation:
    """What a report asks a body to do ("The Committee is asked to note ...").

    ``answered_by`` is the index, in the same document's decisions, of the decision that
    answered it, when the document records both (minutes that quote the report's ask).
    """

    label: str | None
    text: str
    addressee: str | None
    evidence: Evidence
    answered_by: int | None = None


@dataclass(frozen=True)
class Action:
    """A follow-up a body asked for (a report back); open until a later paper closes it."""

    text: str
    subject: str
    requested_by: str | None
    decision_label: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Observation:
    """One figure worth charting: value, unit, measure, reference period, area and source.

    ``value`` is exact (Decimal); ``unit`` is one of ``count``, ``percent``, ``GBP``,
    ``GBP per hour``, ``GBP per week``, ``rate per 10,000``, ``FTE``; ``qualifier`` keeps
    "approximately", "over" and the like so a chart can show them.
    """

    value: Decimal
    unit: str
    measure: str
    period: Period | None
    area: str | None
    qualifier: str | None
    evidence: Evidence  # the source sentence
    value_start: int = 0
    value_end: int = 0


@dataclass(frozen=True)
class Topic:
    """A service area named by a heading or a minutes lead-in, with the paragraphs under it."""

    label: str
    paragraph_ids: tuple[str, ...]


@dataclass(frozen=True)
class DocumentFacts:
    """Everything extracted from one document, ready to be mapped to triples."""

    document_id: str
    council: str | None
    meeting: MeetingFact | None = None
    holdings: tuple[PostHolding, ...] = ()
    people: tuple[PersonMention, ...] = ()
    post_mentions: tuple[PostMention, ...] = ()
    memberships: tuple[Membership, ...] = ()
    bodies: tuple[BodyMention, ...] = ()
    decisions: tuple[Decision, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    actions: tuple[Action, ...] = ()
    observations: tuple[Observation, ...] = ()
    topics: tuple[Topic, ...] = field(default=())
