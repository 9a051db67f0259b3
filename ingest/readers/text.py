"""Plain-text reader: blank-line groups of lines become headings, paragraphs, list items, tables.

Scraped and exported papers keep their structure only as conventions, so each line is judged:

* a line group is a run of non-blank lines; a group of ordinary lines is one paragraph, its
  lines joined (hard-wrapped text is common);
* bullets ("-", "•", "*", "–", "·") and enumerators ("a)", "(ii)") start a LIST_ITEM, one
  block per item even when several share a group; an unmarked line after an item continues it;
  an indented bullet is always a list item;
* a bulleted line that opens with a section number ("- 1.2. The guidance…") is a numbered
  paragraph whose bullet is an artefact of the scrape, so the bullet is dropped;
* section-numbered lines are headings when short and title-like ("4. Background"), list items
  when they run in sequence with siblings ("1. …", "2. …"), paragraphs otherwise;
* tab-separated lines, ``<p>…</p>`` cell fragments and ``| a | b |`` rows are TABLE rows;
  adjacent table groups with the same column count are one table;
* a group that starts in lower case (or follows a dangling "of the") continues the previous
  paragraph: page breaks in the source split sentences across groups.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ingest.readers import classify
from ingest.readers._blocks import ReaderSettings, clean, table_text
from ingest.readers.sniff import PLAIN, decode_text
from kg.records import Block, BlockKind, ParsedFile

_TAG = re.compile(r"<[^>]{0,200}>")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
_DANGLING = frozenset(
    "a an the of and or to in for with by from on at as that which is are be was were".split()
)
_TERMINAL = tuple(".!?:;)\"”’")


@dataclass
class _Item:
    """One candidate block inside a line group, before it is classified."""

    marker: str  # "bullet", "indented", "enum", "section" or "plain"
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return clean(" ".join(self.lines))


def read_text(data: bytes, name: str, settings: ReaderSettings) -> ParsedFile:
    """Read a plain-text paper into blocks (no page numbers: plain text has none)."""
    text = decode_text(data, name)
    return ParsedFile(media_type=PLAIN, blocks=tuple(text_blocks(text)))


def text_blocks(text: str) -> list[Block]:
    """Classify the lines of ``text`` into blocks in reading order."""
    blocks: list[Block] = []
    for group in _groups(text):
        group_blocks = _group_blocks(group)
        if not group_blocks:
            continue
        first, rest = group_blocks[0], group_blocks[1:]
        previous = blocks[-1] if blocks else None
        if previous is not None and _continues(previous, first, group[0]):
            blocks[-1] = Block(previous.kind, f"{previous.text} {first.text}", previous.page)
        elif previous is not None and _same_table(previous, first):
            blocks[-1] = Block(BlockKind.TABLE, f"{previous.text}\n{first.text}", previous.page)
        else:
            blocks.append(first)
        blocks.extend(rest)
    return blocks


def _groups(text: str) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if clean(raw):
            groups[-1].append(raw.rstrip(" \u00a0"))  # trailing tabs are empty cells
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _group_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    items: list[_Item] = []
    table_rows: list[list[str]] = []
    for raw in lines:
        cells = _table_cells(raw)
        if cells is not None:
            blocks.extend(_classify_items(items))
            items = []
            if not all(_SEPARATOR_CELL.match(c) or not c for c in cells):
                table_rows.append(cells)
            continue
        if table_rows:
            blocks.append(Block(BlockKind.TABLE, table_text(table_rows)))
            table_rows = []
        _add_line(items, raw)
    blocks.extend(_classify_items(items))
    if table_rows:
        blocks.append(Block(BlockKind.TABLE, table_text(table_rows)))
    return [b for b in blocks if b.text]


def _table_cells(raw: str) -> list[str] | None:
    line = raw.strip(" \u00a0").lstrip("\t")  # a leading tab is indentation, not a cell
    if "\t" in line:
        return [clean(html.unescape(_TAG.sub(" ", cell))) for cell in raw.split("\t")]
    if line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        return [clean(cell) for cell in line[1:-1].split("|")]
    return None


def _add_line(items: list[_Item], raw: str) -> None:
    indented = raw[:1] in (" ", "\t", "\u00a0")
    line = clean(raw)
    unbulleted = classify.strip_bullet(line)
    if unbulleted is not None:
        # A top-level "- 1.2. Text" is a numbered paragraph dressed as a bullet by the scrape.
        if not indented and classify.section_of(unbulleted):
            items.append(_Item("section", [unbulleted]))
        else:
            items.append(_Item("indented" if indented else "bullet", [unbulleted]))
    elif classify.has_enumerator(line):
        items.append(_Item("enum", [line]))
    elif classify.section_of(line):
        items.append(_Item("section", [line]))
    elif items:
        items[-1].lines.append(line)  # an unmarked line continues the item above
    else:
        items.append(_Item("plain", [line]))


def _classify_items(items: list[_Item]) -> list[Block]:
    blocks = []
    for index, item in enumerate(items):
        text = item.text
        if item.marker in ("bullet", "indented", "enum"):
            blocks.append(Block(BlockKind.LIST_ITEM, text))
        elif item.marker == "section":
            blocks.append(_section_block(items, index))
        elif len(items) == 1 and len(item.lines) == 1 and classify.heading_level(text):
            blocks.append(Block(BlockKind.HEADING, text, level=classify.heading_level(text)))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, text))
    return blocks


def _section_block(items: list[_Item], index: int) -> Block:
    item = items[index]
    text = item.text
    section = classify.section_of(text)
    assert section is not None  # items are marked "section" only when one was found
    if section.depth == 1 and _has_sibling(items, index, int(section.number)):
        return Block(BlockKind.LIST_ITEM, text)
    level = classify.heading_level(text) if len(item.lines) == 1 else 0
    if level:
        return Block(BlockKind.HEADING, text, level=level)
    return Block(BlockKind.PARAGRAPH, text)


def _has_sibling(items: list[_Item], index: int, number: int) -> bool:
    """Whether a neighbouring item is the previous or next single-level number: a numbered list."""
    for neighbour, expected in ((index - 1, number - 1), (index + 1, number + 1)):
        if 0 <= neighbour < len(items) and items[neighbour].marker == "section":
            other = classify.section_of(items[neighbour].text)
            if other is not None and other.depth == 1 and other.number == str(expected):
                return True
    return False


def _continues(previous: Block, current: Block, first_raw: str) -> bool:
    """Whether ``current`` is the rest of ``previous``, cut by a page break in the source."""
    if previous.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        return False
    if current.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        return False
    line = clean(first_raw)
    stripped = classify.strip_bullet(line)
    body = stripped if stripped is not None else line
    if classify.has_enumerator(body) or classify.section_of(body):
        return False
    if previous.text.endswith(_TERMINAL):
        return False
    last_word = previous.text.rsplit(" ", 1)[-1].lower()
    return body[:1].islower() or last_word in _DANGLING


def _same_table(previous: Block, current: Block) -> bool:
    if previous.kind is not BlockKind.TABLE or current.kind is not BlockKind.TABLE:
        return False
    width = previous.text.split("\n", 1)[0].count(" | ")
    return width == current.text.split("\n", 1)[0].count(" | ")
