"""Typed, frozen records passed between the steps of ingest and the knowledge layer."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


class BlockKind(str, enum.Enum):
    """What a block of extracted text is on the page."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True)
class Block:
    """A unit of text as a reader found it: a heading, paragraph, list item or table.

    Tables are flattened to one row a line, cells separated by `` | ``.
    ``level`` is the heading level (1 = top) for headings, 0 otherwise.
    """

    kind: BlockKind
    text: str
    page: int | None = None
    level: int = 0


@dataclass(frozen=True)
class AgendaItem:
    """An item on a meeting's agenda."""

    number: str | None
    title: str
    restricted: bool = False


@dataclass(frozen=True)
class Attendee:
    """A person recorded at a meeting, with the role the papers give them.

    ``party`` and ``ward`` are the political party (group) and electoral ward the record gives
    a councillor, as written (ModernGov's ``politicalparty``, e.g. "LAB", and ``ward``).
    """

    name: str
    role: str | None = None
    attendance: str | None = None
    party: str | None = None
    ward: str | None = None


@dataclass(frozen=True)
class MeetingInfo:
    """What a source says about the meeting a document belongs to."""

    body: str | None = None
    date: date | None = None
    time: str | None = None
    venue: str | None = None
    agenda_items: tuple[AgendaItem, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    cancelled: bool = False


@dataclass(frozen=True)
class ParsedFile:
    """A reader's output: blocks in reading order and whatever metadata the format carries."""

    media_type: str
    blocks: tuple[Block, ...]
    title: str | None = None
    meeting: MeetingInfo | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata of a document: from the manifest when given, else inferred."""

    council: str | None = None
    body: str | None = None
    meeting_date: date | None = None
    document_type: str | None = None
    title: str | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A retrievable paragraph with where it stands in its document.

    ``start``/``end`` are character offsets into the document's extracted text.
    """

    id: str
    document_id: str
    ordinal: int
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    number: str | None = None
    heading_path: tuple[str, ...] = ()
    page: int | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Document:
    """A segmented document ready to be stored."""

    id: str
    content_hash: str
    file_name: str
    media_type: str
    meta: DocumentMeta
    text: str
    paragraphs: tuple[Paragraph, ...]
    meeting: MeetingInfo | None = None
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class SearchHit:
    """A paragraph found by search, best first, with the fused score."""

    paragraph_id: str
    document_id: str
    text: str
    title: str | None
    file: str
    paragraph: str | None
    page: int | None
    score: float
