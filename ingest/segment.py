"""The segmenter: a reader's blocks in, numbered paragraphs of retrievable size out.

The document's text is its blocks joined by a blank line; every paragraph is a contiguous
slice of that text (``text[start:end] == paragraph.text``), so a citation can always be
highlighted in the source.

Three passes, each linear in the size of the document:

1. **Units.** Walk the blocks with a heading stack. A numbered block ("4.6 The...") starts a
   unit; bullets, tables, clauses ("a) to note"), an enumeration after a colon ("1.", "2.")
   and text broken mid-sentence by a page join the unit before them. A short numbered title
   ("3.6 Next Steps") also takes the unnumbered paragraphs under it. A top-level numbered
   title ("4. Workforce") is a heading, not a paragraph.
2. **Merge.** Runs of very short unnumbered units under one heading and on consecutive pages
   are joined up to ``target_chars``; a numbered unit always starts afresh.
3. **Split.** A unit longer than ``max_chars`` is cut at block boundaries, then at sentence
   ends, then at spaces. Each part keeps its lead's number; a part that opens on a clause is
   numbered after it, e.g. "4.6(b)", so a citation names the clause it shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ingest import numbering
from kg.records import Block, BlockKind, Paragraph, ParsedFile

# Below this a unit is "very short" and worth merging with its neighbours.
_SHORT_CHARS = 200
# A heading longer than this is a reader's misdetection; cap it so every path stays small.
_MAX_HEADING_CHARS = 200
_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Segmentation:
    """A segmented document: its extracted text and paragraphs that slice it exactly."""

    text: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class _Span:
    """Where a block's visible text sits in the document, and what labels it."""

    start: int
    end: int
    number: numbering.Label | None
    clause: numbering.Label | None
    body: int  # offset of the text after any bullet marker
    bare: numbering.Label | None = None  # "10 Climate change": a heading only before "10.1"


@dataclass(frozen=True)
class _Heading:
    """An entry of the heading stack; ``origin`` is "reader", "numbered" or "inline"."""

    level: int
    label: str
    origin: str


@dataclass
class _Unit:
    """A paragraph under construction: a lead block and whatever attaches to it."""

    kind: BlockKind
    number: str | None
    numbered_section: bool
    section: int
    heading_path: tuple[str, ...]
    blocks: list[int] = field(default_factory=list)
    title_lead: bool = False
    has_items: bool = False
    enumeration_next: int = 0
    start: int = 0


@dataclass(frozen=True)
class _Piece:
    """A slice that a long unit may be cut before: a block, a sentence or a run of words."""

    start: int
    end: int
    page: int | None
    clause: str | None


def segment(
    parsed: ParsedFile, document_id: str, *, target_chars: int = 900, max_chars: int = 1800
) -> Segmentation:
    """Segment a reader's output into paragraphs whose offsets slice the document text.

    ``target_chars`` bounds merges of short paragraphs; ``max_chars`` bounds every paragraph
    (a single unbreakable run is cut at ``max_chars``). Raises ValueError only for bounds < 1.
    """
    if max_chars < 1 or target_chars < 1:
        raise ValueError("target_chars and max_chars must be positive")
    target_chars = min(target_chars, max_chars)
    blocks = parsed.blocks
    text = _SEPARATOR.join(block.text for block in blocks)
    spans = _locate(text, blocks)
    units = _build_units(text, blocks, spans)
    groups = _merge_short(units, blocks, spans, target_chars)
    paragraphs: list[Paragraph] = []
    for group in groups:
        for start, end, number, page in _emit(text, group, blocks, spans, max_chars):
            ordinal = len(paragraphs) + 1
            lead = group[0]
            paragraphs.append(
                Paragraph(
                    id=f"{document_id}-p{ordinal:04d}",
                    document_id=document_id,
                    ordinal=ordinal,
                    text=text[start:end],
                    kind=lead.kind,
                    number=number,
                    heading_path=lead.heading_path,
                    page=page,
                    start=start,
                    end=end,
                )
            )
    return Segmentation(text=text, paragraphs=tuple(paragraphs))


def _locate(text: str, blocks: tuple[Block, ...]) -> list[_Span | None]:
    """Each block's trimmed span and labels; None for blocks with no visible text."""
    spans: list[_Span | None] = []
    offset = 0
    for block in blocks:
        length = len(block.text)
        lead = length - len(block.text.lstrip())
        if lead == length:
            spans.append(None)
        else:
            start = offset + lead
            end = offset + len(block.text.rstrip())
            body = numbering.bullet_end(text, start)
            heading = block.kind is BlockKind.HEADING
            number = None
            if block.kind is not BlockKind.TABLE:
                number = numbering.section_number(text, body, allow_bare=heading)
            clause = bare = None
            if number is None and block.kind not in (BlockKind.HEADING, BlockKind.TABLE):
                clause = numbering.clause_label(text, body)
                bare = numbering.section_number(text, body, allow_bare=True)
            spans.append(_Span(start, end, number, clause, body, bare))
        offset += length + len(_SEPARATOR)
    return spans


def _build_units(text: str, blocks: tuple[Block, ...], spans: list[_Span | None]) -> list[_Unit]:
    """Pass 1: group blocks into units, tracking the heading path in force."""
    units: list[_Unit] = []
    stack: tuple[_Heading, ...] = ()
    following = _following(spans)
    section = 0
    current: _Unit | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            current.start = _unit_start(current, spans)
            units.append(current)
        current = None

    for index, block in enumerate(blocks):
        span = spans[index]
        if span is None:
            continue
        number = span.number
        if block.kind is BlockKind.HEADING:
            close()
            stack = _push_heading(stack, text, span, block.level, "reader")
            section += 1
            continue
        after = following[index]
        if current is not None and number and _continues_enumeration(current, text, spans, number, after):
            current.blocks.append(index)
            current.has_items = True
            current.enumeration_next = int(number.value) + 1
            continue
        if (number or span.bare) and _is_numbered_title(text, span, after):
            close()
            stack = _push_heading(stack, text, span, 1, "numbered")
            section += 1
            continue
        if _is_inline_title(text, block, span, after):
            close()
            stack = _push_heading(stack, text, span, 1, "inline")
            section += 1
            continue
        path = tuple(entry.label for entry in stack)
        if number:
            close()
            title = numbering.is_title_like(text[number.end : span.end])
            current = _Unit(BlockKind.PARAGRAPH, number.value, True, section, path, [index], title)
            continue
        if span.clause and current is not None and _takes_clause(current, text, spans):
            current.blocks.append(index)
            current.has_items = True
            continue
        if span.clause:
            close()
            current = _Unit(BlockKind.PARAGRAPH, span.clause.value, False, section, path, [index])
            current.has_items = True
            continue
        if block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE):
            if current is None:
                current = _Unit(block.kind, None, False, section, path, [])
            current.blocks.append(index)
            current.has_items = True
            continue
        if current is not None and (current.title_lead or _is_continuation(text, spans, current, span)):
            current.blocks.append(index)
            continue
        close()
        current = _Unit(block.kind, None, False, section, path, [index])
    close()
    return units


def _push_heading(
    stack: tuple[_Heading, ...], text: str, span: _Span, level: int, origin: str
) -> tuple[_Heading, ...]:
    """The heading stack after a heading; numbered headings nest by their number's depth.

    A numbered heading's level counts from the last reader heading above the numbered ones
    (a report title, say), so "3. Options" under a title sits one level below it and a
    reader's own levels and number depths never fight. An inline title sits one level below
    the last heading that is not itself inline, so consecutive inline titles replace each other.
    """
    label = " ".join(text[span.body : span.end].split())
    if len(label) > _MAX_HEADING_CHARS:
        label = label[: _MAX_HEADING_CHARS - 1].rstrip() + "…"
    number = span.number or span.bare
    if origin == "inline":
        level = next((entry.level for entry in reversed(stack) if entry.origin != "inline"), 0) + 1
    elif number is not None:
        anchor = 0
        for entry in stack:
            if entry.origin != "reader":
                break
            anchor = entry.level
        level, origin = anchor + number.depth, "numbered"
    else:
        level = max(level, 1)
    kept = tuple(entry for entry in stack if entry.level < level)
    return (*kept, _Heading(level, label, origin))


def _following(spans: list[_Span | None]) -> list[_Span | None]:
    """For each block, the next block with visible text: one backward pass, no rescans."""
    result: list[_Span | None] = [None] * len(spans)
    nearest: _Span | None = None
    for index in range(len(spans) - 1, -1, -1):
        result[index] = nearest
        if spans[index] is not None:
            nearest = spans[index]
    return result


def _is_inline_title(text: str, block: Block, span: _Span, after: _Span | None) -> bool:
    """True for an unmarked sub-heading: a short title line straight before "5.5 The...".

    Running heads ("Page 4") are excluded; they too can precede a numbered paragraph.
    """
    if block.kind is not BlockKind.PARAGRAPH or span.number or span.clause or span.bare:
        return False
    if after is None or after.number is None or after.number.depth < 2:
        return False
    line = text[span.body : span.end]
    if not numbering.is_title_like(line) or sum(char.isalpha() for char in line[:40]) < 4:
        return False
    return not line.lower().startswith("page ")


def _is_numbered_title(text: str, span: _Span, after: _Span | None) -> bool:
    """True for a top-level numbered title ("4. Workforce", "2. Budget and policy framework.")."""
    label = span.number or span.bare
    if label is None or label.depth != 1:
        return False
    rest = text[label.end : span.end].strip()
    child = after is not None and after.number is not None
    child = child and after.number.value.startswith(label.value + ".")
    if span.number is not None and numbering.is_title_like(rest):
        return True
    # A bare "10 Climate change", a long title or one with a full stop needs a child
    # paragraph after it, so a count ("12 Members") or "2. Agreed." stays text.
    if not child:
        return False
    if rest.endswith("."):
        return numbering.is_title_like(rest[:-1], max_words=8)
    return numbering.is_title_like(rest, max_words=24, max_chars=200)


def _continues_enumeration(
    unit: _Unit, text: str, spans: list[_Span | None], number: numbering.Label, after: _Span | None
) -> bool:
    """True for "1.", "2."... items listed after a colon, which are not section numbers."""
    if number.depth != 1:
        return False
    value = int(number.value)
    if unit.enumeration_next:
        # One missing item is tolerated: extraction drops lines, as a lost "3." shows.
        return unit.enumeration_next <= value <= unit.enumeration_next + 1
    if value != 1 or not numbering.introduces_list(_block_text(text, spans, unit.blocks[-1])):
        return False
    # "1. Recommendations" followed by "1.1" is a section heading even after a colon.
    return after is None or after.number is None or not after.number.value.startswith("1.")


def _takes_clause(unit: _Unit, text: str, spans: list[_Span | None]) -> bool:
    """A clause joins a numbered lead, a lead announcing a list, or a list already going."""
    last = _block_text(text, spans, unit.blocks[-1])
    return unit.number is not None or unit.has_items or numbering.introduces_list(last)


def _is_continuation(text: str, spans: list[_Span | None], unit: _Unit, span: _Span) -> bool:
    """True for text a page or column break cut mid-sentence: open end, lower-case start."""
    if not unit.blocks:
        return False
    return numbering.ends_open(_block_text(text, spans, unit.blocks[-1])) and text[span.body].islower()


def _block_text(text: str, spans: list[_Span | None], index: int) -> str:
    span = spans[index]
    assert span is not None
    # Only the tail matters to the callers; a bounded slice keeps huge blocks cheap.
    return text[max(span.start, span.end - 8) : span.end]


def _unit_start(unit: _Unit, spans: list[_Span | None]) -> int:
    first = spans[unit.blocks[0]]
    assert first is not None
    # A numbered list item reads "- 4.6 The..."; the paragraph starts at its number.
    return first.body if unit.numbered_section else first.start


def _unit_end(unit: _Unit, spans: list[_Span | None]) -> int:
    last = spans[unit.blocks[-1]]
    assert last is not None
    return last.end


def _merge_short(
    units: list[_Unit], blocks: tuple[Block, ...], spans: list[_Span | None], target: int
) -> list[list[_Unit]]:
    """Pass 2: join very short unnumbered units under one heading and page run."""
    groups: list[list[_Unit]] = []
    for unit in units:
        if groups and _can_join(groups[-1], unit, blocks, spans, target):
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def _can_join(
    group: list[_Unit], unit: _Unit, blocks: tuple[Block, ...], spans: list[_Span | None], target: int
) -> bool:
    if unit.number is not None or unit.section != group[0].section:
        return False
    group_length = _unit_end(group[-1], spans) - group[0].start
    unit_length = _unit_end(unit, spans) - unit.start
    if min(group_length, unit_length) >= _SHORT_CHARS:
        return False
    if _unit_end(unit, spans) - group[0].start > target:
        return False
    before = blocks[group[-1].blocks[-1]].page
    after = blocks[unit.blocks[0]].page
    return before is None or after is None or 0 <= after - before <= 1


def _emit(
    text: str, group: list[_Unit], blocks: tuple[Block, ...], spans: list[_Span | None], max_chars: int
) -> list[tuple[int, int, str | None, int | None]]:
    """Pass 3: a group's paragraphs as (start, end, number, page), split when too long."""
    lead = group[0]
    start, end = lead.start, _unit_end(group[-1], spans)
    page = blocks[lead.blocks[0]].page
    if end - start <= max_chars:
        return [(start, end, lead.number, page)]
    pieces = [
        piece for unit in group for piece in _pieces(text, unit, blocks, spans, max_chars)
    ]
    parts: list[tuple[int, int, str | None, int | None]] = []
    count = math.ceil((end - start) / max_chars)
    soft = (end - start) / count
    part: list[_Piece] = []
    for piece in pieces:
        if part and (piece.end - part[0].start > max_chars or part[-1].end - part[0].start >= soft):
            parts.append(_part(part, lead, not parts))
            part = []
        part.append(piece)
    if part:
        parts.append(_part(part, lead, not parts))
    return parts


def _part(part: list[_Piece], lead: _Unit, first: bool) -> tuple[int, int, str | None, int | None]:
    head = part[0]
    number = lead.number
    if not first and head.clause is not None:
        # A part that opens on a clause is cited by it: "4.6(b)" under a numbered lead.
        number = f"{lead.number}({head.clause})" if lead.numbered_section else head.clause
    return head.start, part[-1].end, number, head.page


def _pieces(
    text: str, unit: _Unit, blocks: tuple[Block, ...], spans: list[_Span | None], max_chars: int
) -> list[_Piece]:
    """The unit cut at block boundaries, and long blocks at sentences or rows, then spaces."""
    pieces: list[_Piece] = []
    for position, index in enumerate(unit.blocks):
        span = spans[index]
        assert span is not None
        start = unit.start if position == 0 else span.start
        page = blocks[index].page
        clause = span.clause.value if span.clause else None
        if span.end - start <= max_chars:
            pieces.append(_Piece(start, span.end, page, clause))
            continue
        if blocks[index].kind is BlockKind.TABLE:
            cuts = numbering.line_breaks(text, start, span.end)
        else:
            cuts = numbering.sentence_ends(text, start, span.end)
        for cut_start, cut_end in numbering.bounded_slices(text, start, span.end, cuts, max_chars):
            pieces.append(_Piece(cut_start, cut_end, page, clause))
            clause = None
    return pieces
