"""The segmenter: a reader's blocks in, numbered paragraphs of retrievable size out.

The document's text is its blocks joined by a blank line; every paragraph is a contiguous
slice of it (``text[start:end] == paragraph.text``), so a citation can be highlighted.
Three passes, each linear in the size of the document:

1. **Units.** Walk the blocks with a heading stack. A numbered block ("4.6 The...") starts a
   unit; bullets, tables, clauses ("a) to note"), an enumeration after a colon ("1.", "2.")
   and text broken mid-sentence by a page join the unit before them. A short numbered title
   ("3.6 Next Steps") also takes the unnumbered paragraphs under it. A top-level numbered
   title ("4. Workforce", "10 Climate change" before "10.1") is a heading, not a paragraph,
   and so is a short unmarked title line straight before a numbered paragraph.
2. **Merge.** Runs of very short unnumbered units under one heading and on consecutive pages
   are joined up to ``target_chars``; a numbered unit always starts afresh.
3. **Split.** A unit longer than ``max_chars`` is cut at block boundaries, then at sentence
   ends, then at spaces. Each part keeps its lead's number; a part that opens on a clause is
   numbered after it, e.g. "4.6(b)", so a citation names the clause it shows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from ingest import numbering
from kg.records import Block, BlockKind, Paragraph, ParsedFile

_SHORT_CHARS = 200  # below this a unit is "very short", worth merging with its neighbours
_MAX_HEADING_CHARS = 200  # longer is a reader's misdetection; capped so paths stay small
_SEPARATOR = "\n\n"
_DATE_LINE = re.compile(r"\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}\s*$")


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
    body: int  # offset of the text after any bullet marker
    kind: BlockKind
    page: int | None
    level: int = 0
    number: numbering.Label | None = None
    clause: numbering.Label | None = None
    bare: numbering.Label | None = None  # "10 Climate change": a heading only before "10.1"

    def tail(self, text: str) -> str:
        """The block's last few characters: all that endings are judged on, cheap when huge."""
        return text[max(self.start, self.end - 8) : self.end]


@dataclass(frozen=True)
class _Heading:
    """An entry of the heading stack; ``origin`` is "reader", "numbered" or "inline"."""

    level: int
    label: str
    origin: str
    depth: int = 0  # components of its number, 0 when unnumbered


@dataclass
class _Unit:
    """A paragraph under construction: a lead block and whatever attaches to it."""

    kind: BlockKind
    number: str | None
    numbered_section: bool
    section: int
    heading_path: tuple[str, ...]
    spans: list[_Span] = field(default_factory=list)
    title_lead: bool = False
    has_items: bool = False
    enumeration_next: int = 0

    @property
    def start(self) -> int:
        """Where the unit's text starts; a numbered "- 4.6 The..." starts at its number."""
        first = self.spans[0]
        return first.body if self.numbered_section else first.start

    @property
    def end(self) -> int:
        """Where the unit's text ends."""
        return self.spans[-1].end


@dataclass(frozen=True)
class _Piece:
    """A slice that a long unit may be cut before: a block, a sentence or a run of words."""

    start: int
    end: int
    page: int | None
    clause: str | None


_Part = tuple[int, int, str | None, int | None]  # start, end, number, page


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
    text = _SEPARATOR.join(block.text for block in parsed.blocks)
    units = _build_units(text, _locate(text, parsed.blocks))
    paragraphs: list[Paragraph] = []
    for group in _merge_short(units, target_chars):
        lead = group[0]
        for start, end, number, page in _emit(text, group, max_chars):
            ordinal = len(paragraphs) + 1
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
        span = None
        if lead < length:
            start, end = offset + lead, offset + len(block.text.rstrip())
            body = min(numbering.bullet_end(text, start), end)
            span = _Span(start, end, body, block.kind, block.page, block.level)
            if block.kind is BlockKind.HEADING:
                span = replace(span, number=numbering.section_number(text, body, allow_bare=True))
            elif block.kind is not BlockKind.TABLE:
                number = numbering.section_number(text, body)
                clause = None if number else numbering.clause_label(text, body)
                bare = None if number else numbering.section_number(text, body, allow_bare=True)
                span = replace(span, number=number, clause=clause, bare=bare)
        spans.append(span)
        offset += length + len(_SEPARATOR)
    return spans


def _build_units(text: str, spans: list[_Span | None]) -> list[_Unit]:
    """Pass 1: group blocks into units, tracking the heading path in force."""
    units: list[_Unit] = []
    stack: tuple[_Heading, ...] = ()
    following = _following(spans)
    section = 0
    current: _Unit | None = None
    # Headings with nothing under them yet: one closed before any text ("LEAD OFFICER" then
    # "James Harman - Head of…" then "1 Summary") holds content of its own, kept as a paragraph.
    empty: list[tuple[_Heading, _Span, tuple[str, ...]]] = []
    for span, after in zip(spans, following):
        if span is None:
            continue
        number = span.number
        origin = _heading_origin(text, span, after, current)
        if origin == "enumeration" and current is not None and number is not None:
            current.spans.append(span)
            current.has_items = True
            current.enumeration_next = int(number.value) + 1
            continue
        if origin is not None:
            path_before = tuple(entry.label for entry in stack)
            stack = _push_heading(stack, text, span, origin)
            empty = _keep_closed_headings(units, empty, stack, section)
            empty.append((stack[-1], span, path_before))
            section += 1
            current = None
            continue
        empty = []
        path = tuple(entry.label for entry in stack)
        if current is not None and _attaches(text, span, current):
            current.spans.append(span)
            is_item = span.kind is not BlockKind.PARAGRAPH or span.clause is not None
            current.has_items = current.has_items or is_item
            continue
        if number:
            title = numbering.is_title_like(text[number.end : span.end])
            current = _Unit(BlockKind.PARAGRAPH, number.value, True, section, path, [span], title)
        elif span.clause:
            current = _Unit(BlockKind.PARAGRAPH, span.clause.value, False, section, path, [span])
            current.has_items = True
        else:
            current = _Unit(span.kind, None, False, section, path, [span])
            current.has_items = span.kind is not BlockKind.PARAGRAPH
        units.append(current)
    _keep_closed_headings(units, empty, (), section)
    return units


def _keep_closed_headings(
    units: list[_Unit], empty: list[tuple[_Heading, _Span, tuple[str, ...]]],
    stack: tuple[_Heading, ...], section: int,
) -> list[tuple[_Heading, _Span, tuple[str, ...]]]:
    """Emit the empty headings the stack no longer holds as paragraphs (a run of them shares
    one section, so the merge pass joins them); return those still open."""
    still_open = []
    for heading, span, path in empty:
        if any(entry is heading for entry in stack):
            still_open.append((heading, span, path))
            continue
        if not any(ch.islower() for ch in heading.label):
            continue  # a cover line in capitals ("OVERVIEW AND SCRUTINY COMMITTEE", "2 MARCH 2023")
        previous = units[-1] if units else None
        joined = previous is not None and previous.section < 0
        units.append(_Unit(BlockKind.PARAGRAPH, None, False, previous.section if joined else -1 - section, path, [span]))
    return still_open


def _heading_origin(
    text: str, span: _Span, after: _Span | None, current: _Unit | None
) -> str | None:
    """"reader", "numbered" or "inline" for a heading, "enumeration" for a "1." listed after
    a colon, None for body text."""
    if span.kind is BlockKind.HEADING:
        return "reader"
    if current and span.number and _continues_enumeration(current, text, span.number, after):
        return "enumeration"
    if (span.number or span.bare) and _is_numbered_title(text, span, after):
        return "numbered"
    if _is_inline_title(text, span, after):
        return "inline"
    return None


def _attaches(text: str, span: _Span, unit: _Unit) -> bool:
    """True when the block belongs to the unit before it rather than starting its own."""
    if span.number:
        return False
    last = unit.spans[-1].tail(text)
    if span.clause:
        # A clause joins a numbered lead, a lead announcing a list, or a list already going.
        return unit.number is not None or unit.has_items or numbering.introduces_list(last)
    if span.kind is not BlockKind.PARAGRAPH or unit.title_lead:
        return True  # bullets and tables stay with the paragraph that introduces them
    # Text a page or column break cut mid-sentence: open end, lower-case start.
    return numbering.ends_open(last) and text[span.body : span.body + 1].islower()


def _push_heading(
    stack: tuple[_Heading, ...], text: str, span: _Span, origin: str
) -> tuple[_Heading, ...]:
    """The heading stack after a heading: entries at its level or deeper are closed."""
    number = span.number or span.bare
    label = " ".join(text[span.body : span.end].split())
    if len(label) > _MAX_HEADING_CHARS:
        label = label[: _MAX_HEADING_CHARS - 1].rstrip() + "…"
    level = _heading_level(stack, span, origin, label)
    kept = tuple(entry for entry in stack if entry.level < level)
    return (*kept, _Heading(level, label, origin, number.depth if number else 0))


def _heading_level(stack: tuple[_Heading, ...], span: _Span, origin: str, label: str) -> int:
    """A heading's level: a reader's numbered heading sits depth − 1 below its given level (so
    mismatched styles still nest 3.2 under 3); a numbered title from body text lines up with
    open numbered headings, else sits below the outermost title; an inline title goes one
    below the last non-inline heading, so such titles replace each other."""
    number = span.number or span.bare
    if origin == "reader" and stack and _DATE_LINE.match(label):
        return stack[-1].level + 1  # a cover's "2 MARCH 2023" dates the title above it; it does not replace it
    if origin == "inline":
        return next((entry.level for entry in reversed(stack) if entry.origin != "inline"), 0) + 1
    if number is None:
        return max(span.level, 1)
    if origin == "reader":
        given = max(span.level, 1) + number.depth - 1
        # A numbered section of a report sits under the report's title in capitals, even when
        # the reader gives both one level ("ATTENDANCE OF THE PORTFOLIO HOLDER…", then "1. Budget").
        outer = [entry.level for entry in stack if entry.origin == "reader" and not entry.depth
                 and entry.level <= given and not any(ch.islower() for ch in entry.label)]
        return max(given, min(outer) + number.depth) if outer else given
    numbered = [entry for entry in stack if entry.depth]
    if numbered:
        return max(1, numbered[0].level - numbered[0].depth + number.depth)
    titles = [entry.level for entry in stack if entry.origin == "reader"]
    return min(titles, default=0) + number.depth


def _following(spans: list[_Span | None]) -> list[_Span | None]:
    """For each block, the next block with visible text: one backward pass, no rescans."""
    result: list[_Span | None] = [None] * len(spans)
    for index in range(len(spans) - 2, -1, -1):
        result[index] = spans[index + 1] or result[index + 1]
    return result


def _is_inline_title(text: str, span: _Span, after: _Span | None) -> bool:
    """True for an unmarked sub-heading: a short title line straight before "5.5 The..."."""
    if span.kind is not BlockKind.PARAGRAPH or span.number or span.clause or span.bare:
        return False
    if after is None or after.number is None or after.number.depth < 2:
        return False
    line = text[span.body : span.end]
    if not numbering.is_title_like(line) or sum(char.isalpha() for char in line[:40]) < 4:
        return False
    return not line.lower().startswith("page ")  # running heads also precede paragraphs


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
    unit: _Unit, text: str, number: numbering.Label, after: _Span | None
) -> bool:
    """True for "1.", "2."... items listed after a colon, which are not section numbers."""
    if number.depth != 1:
        return False
    value = int(number.value)
    if unit.enumeration_next:
        # One missing item is tolerated: extraction drops lines, as a lost "3." shows.
        return unit.enumeration_next <= value <= unit.enumeration_next + 1
    if value != 1 or not numbering.introduces_list(unit.spans[-1].tail(text)):
        return False
    # "1. Recommendations" followed by "1.1" is a section heading even after a colon.
    return after is None or after.number is None or not after.number.value.startswith("1.")


def _merge_short(units: list[_Unit], target: int) -> list[list[_Unit]]:
    """Pass 2: join very short unnumbered units under one heading and page run."""
    groups: list[list[_Unit]] = []
    for unit in units:
        if groups and _can_join(groups[-1], unit, target):
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def _can_join(group: list[_Unit], unit: _Unit, target: int) -> bool:
    if unit.number is not None or unit.section != group[0].section:
        return False
    if min(group[-1].end - group[0].start, unit.end - unit.start) >= _SHORT_CHARS:
        return False
    if unit.end - group[0].start > target:
        return False
    before, after = group[-1].spans[-1].page, unit.spans[0].page
    return before is None or after is None or 0 <= after - before <= 1


def _emit(text: str, group: list[_Unit], max_chars: int) -> list[_Part]:
    """Pass 3: a group's paragraphs as (start, end, number, page), split when too long."""
    lead = group[0]
    start, end = lead.start, group[-1].end
    if end - start <= max_chars:
        return [(start, end, lead.number, lead.spans[0].page)]
    pieces = [piece for unit in group for piece in _pieces(text, unit, max_chars)]
    # Balanced parts: aim at an equal share so the last part is not a scrap.
    soft = (end - start) / math.ceil((end - start) / max_chars)
    parts: list[_Part] = []
    part: list[_Piece] = []
    for piece in pieces:
        if part and (piece.end - part[0].start > max_chars or part[-1].end - part[0].start >= soft):
            parts.append(_part(part, lead, not parts))
            part = []
        part.append(piece)
    if part:
        parts.append(_part(part, lead, not parts))
    return parts


def _part(part: list[_Piece], lead: _Unit, first: bool) -> _Part:
    head = part[0]
    number = lead.number
    if not first and head.clause is not None:
        # A part that opens on a clause is cited by it: "4.6(b)" under a numbered lead.
        number = f"{lead.number}({head.clause})" if lead.numbered_section else head.clause
    return head.start, part[-1].end, number, head.page


def _pieces(text: str, unit: _Unit, max_chars: int) -> list[_Piece]:
    """The unit cut at block boundaries, and long blocks at sentences or rows, then spaces."""
    pieces: list[_Piece] = []
    for position, span in enumerate(unit.spans):
        start = unit.start if position == 0 else span.start
        clause = span.clause.value if span.clause else None
        if span.end - start <= max_chars:
            pieces.append(_Piece(start, span.end, span.page, clause))
            continue
        if span.kind is BlockKind.TABLE:
            cuts = numbering.line_breaks(text, start, span.end)
        else:
            cuts = numbering.sentence_ends(text, start, span.end)
        for cut_start, cut_end in numbering.bounded_slices(text, start, span.end, cuts, max_chars):
            pieces.append(_Piece(cut_start, cut_end, span.page, clause))
            clause = None
    return pieces
