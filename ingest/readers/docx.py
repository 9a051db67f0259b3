"""DOCX reader (python-docx): body paragraphs and tables in document order.

* ``Heading N`` styles → HEADING level N; the ``Title`` style → the file's title and a level-1
  HEADING; list styles (``List …``) or Word numbering (``w:numPr``) → LIST_ITEM;
  other non-empty paragraphs → PARAGRAPH.
* Tables → TABLE blocks, one row a line; a merged cell is read once, not once per grid column.
* Word has no fixed pages, so ``page`` is None. Page headers and footers are separate parts of
  the package and are not read. The title falls back to the document properties.

The ZIP's declared unpacked size is checked first so a decompression bomb is refused.
"""

from __future__ import annotations

import io
import re
import zipfile

from ingest.readers._blocks import ReaderSettings, clean, library_errors, table_text
from ingest.readers.sniff import DOCX
from kg.errors import ReaderError
from kg.records import Block, BlockKind, ParsedFile

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def read_docx(data: bytes, name: str, settings: ReaderSettings) -> ParsedFile:
    """Read a Word document into blocks (no page numbers)."""
    _check_unpacked_size(data, name, settings)
    import docx  # deferred: only Word files need python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    with library_errors(name, "Word document"):
        document = docx.Document(io.BytesIO(data))
        blocks: list[Block] = []
        title = ""
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                text = _table(item)
                if text:
                    blocks.append(Block(BlockKind.TABLE, text))
            elif isinstance(item, Paragraph):
                block = _paragraph(item)
                if block is None:
                    continue
                if block.level == 1 and _style_name(item).lower() == "title" and not title:
                    title = block.text
                blocks.append(block)
        title = title or clean(document.core_properties.title)
    return ParsedFile(DOCX, tuple(blocks), title=title or None)


def _check_unpacked_size(data: bytes, name: str, settings: ReaderSettings) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReaderError(f"{name}: damaged Word document ({exc})") from exc
    if unpacked > settings.max_unpacked_bytes:
        raise ReaderError(
            f"{name}: unpacks to {unpacked} bytes, over the limit of {settings.max_unpacked_bytes}"
        )


def _style_name(paragraph) -> str:  # noqa: ANN001 - python-docx Paragraph
    style = paragraph.style
    return (style.name or "") if style is not None else ""


def _paragraph(paragraph) -> Block | None:  # noqa: ANN001 - python-docx Paragraph
    text = clean(paragraph.text)
    if not text:
        return None
    style = _style_name(paragraph)
    match = _HEADING_STYLE.match(style)
    if match:
        return Block(BlockKind.HEADING, text, level=int(match.group(1)))
    if style.lower() == "title":
        return Block(BlockKind.HEADING, text, level=1)
    if "list" in style.lower() or _numbered(paragraph):
        return Block(BlockKind.LIST_ITEM, text)
    return Block(BlockKind.PARAGRAPH, text)


def _numbered(paragraph) -> bool:  # noqa: ANN001 - python-docx Paragraph
    """Whether Word numbering (bullets or numbers) is applied directly to the paragraph."""
    properties = paragraph._p.pPr  # python-docx exposes numbering only through the XML
    return properties is not None and properties.numPr is not None


def _table(table) -> str:  # noqa: ANN001 - python-docx Table
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # python-docx repeats a horizontally merged cell for each grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text)
        rows.append(cells)
    return table_text(rows)
