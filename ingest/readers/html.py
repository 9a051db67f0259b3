"""HTML reader (lxml): ModernGov agenda-item and minutes pages, and minutes HTML inside XML.

Parsing never fetches or executes anything: script, style, template and embedded objects are
removed with navigation, page headers and footers (``nav``/``header``/``footer`` elements and
ARIA navigation/banner/contentinfo roles). Then, in document order:

* ``h1``–``h6`` → HEADING with that level (shifted by ``level_offset`` for embedded HTML);
* ``p``, ``pre``, ``blockquote``, ``dt``/``dd``, ``caption`` and loose text in containers
  → PARAGRAPH; ``li`` → LIST_ITEM (nested lists give their own items);
* ``table`` → TABLE, one row a line, cells joined by `` | `` (nested tables flattened).

The title comes from ``<title>``, else the first ``h1``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ingest.readers._blocks import ReaderSettings, clean, library_errors, table_text
from ingest.readers.sniff import HTML
from kg.records import Block, BlockKind, ParsedFile

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
         "nav", "header", "footer", "form", "button", "select", "head")
_DROP_ROLES = ("navigation", "banner", "contentinfo", "search")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_PARAGRAPHS = frozenset({"p", "pre", "blockquote", "dt", "dd", "caption", "figcaption", "address"})
_BLOCKS = frozenset(
    {"div", "section", "article", "main", "aside", "body", "html", "ul", "ol", "dl", "center",
     "table", "tr", "td", "th", "li", "fieldset", "details", "summary", "hr", "figure"}
    | _PARAGRAPHS | set(_HEADINGS)
)


def read_html(data: bytes, name: str, settings: ReaderSettings) -> ParsedFile:
    """Read an HTML page into blocks; the title from ``<title>`` or the first ``h1``."""
    with library_errors(name, "HTML"):
        root = _parse(data)
        title = clean(root.findtext(".//title"))
        blocks = html_blocks(root)
    if not title:
        title = next((b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1), "")
    return ParsedFile(HTML, tuple(blocks), title=title or None)


def fragment_blocks(markup: str, level_offset: int = 0) -> list[Block]:
    """Blocks of an HTML fragment (e.g. minutes embedded in ModernGov XML).

    ``level_offset`` pushes the fragment's own headings below the headings around it.
    """
    if not clean(markup):
        return []
    return html_blocks(_parse(markup), level_offset)


def _parse(markup: bytes | str):  # noqa: ANN202 - lxml's element type is not public
    import lxml.html  # deferred: only HTML and ModernGov files need it

    encoding = None
    if isinstance(markup, str):
        markup, encoding = markup.encode("utf-8"), "utf-8"
    else:
        try:
            markup.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            pass  # not UTF-8: let lxml honour a <meta charset> declaration
    parser = lxml.html.HTMLParser(
        encoding=encoding, remove_comments=True, remove_pis=True, no_network=True, huge_tree=False
    )
    return lxml.html.document_fromstring(markup, parser=parser)


def html_blocks(root, level_offset: int = 0) -> list[Block]:  # noqa: ANN001 - lxml element
    """Blocks of a parsed HTML tree in document order, after removing non-content elements."""
    for element in list(root.iter(*_DROP)):
        _remove(element)
    for element in list(root.iter()):
        if isinstance(element.tag, str) and element.get("role") in _DROP_ROLES:
            _remove(element)
    body = root.find(".//body")
    walker = _Walker(level_offset)
    walker.walk(body if body is not None else root)
    walker.flush()
    return walker.blocks


def _remove(element) -> None:  # noqa: ANN001 - lxml element
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _text(element) -> str:  # noqa: ANN001 - lxml element
    """Visible text of an element, with <br> as a space."""
    return clean(" ".join(_pieces(element)))


def _pieces(element) -> Iterator[str]:  # noqa: ANN001 - lxml element
    if element.text and isinstance(element.tag, str):
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            yield from _pieces(child)
        if child.tail:
            yield child.tail


class _Walker:
    """Collects blocks; loose inline text between block elements becomes a paragraph."""

    def __init__(self, level_offset: int) -> None:
        self.blocks: list[Block] = []
        self._inline: list[str] = []
        self._offset = level_offset

    def flush(self) -> None:
        text = clean(" ".join(self._inline))
        self._inline = []
        if text:
            self.blocks.append(Block(BlockKind.PARAGRAPH, text))

    def emit(self, kind: BlockKind, text: str, level: int = 0) -> None:
        self.flush()
        if text:
            self.blocks.append(Block(kind, text, level=level))

    def walk(self, element) -> None:  # noqa: ANN001 - lxml element
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _HEADINGS:
            self.emit(BlockKind.HEADING, _text(element), _HEADINGS[tag] + self._offset)
        elif tag == "table":
            self.emit(BlockKind.TABLE, _table(element))
        elif tag == "li":
            self._list_item(element)
        elif tag in _PARAGRAPHS and not _has_blocks(element):
            self.emit(BlockKind.PARAGRAPH, _text(element))
        elif tag in _BLOCKS or _has_blocks(element):
            self.flush()
            if element.text:
                self._inline.append(element.text)
            for child in element:
                if isinstance(child.tag, str):
                    self.walk(child)
                if child.tail:
                    self._inline.append(child.tail)
            self.flush()
        else:
            self._inline.append(_text(element))  # inline markup: part of the running text

    def _list_item(self, element) -> None:  # noqa: ANN001 - lxml element
        nested = [child for child in element if child.tag in ("ul", "ol")]
        for child in nested:
            element.remove(child)  # read the item's own text first, then its sub-items
        self.emit(BlockKind.LIST_ITEM, _text(element))
        for child in nested:
            self.walk(child)


def _has_blocks(element) -> bool:  # noqa: ANN001 - lxml element
    return any(isinstance(e.tag, str) and e.tag in _BLOCKS for e in element.iterdescendants())


def _table(element) -> str:  # noqa: ANN001 - lxml element
    rows = []
    for row in element.iter("tr"):
        # Rows of nested tables are read inside their cell, not again as rows of this table.
        if next(row.iterancestors("table")) is not element:
            continue
        rows.append([_text(cell) for cell in row if cell.tag in ("td", "th")])
    return table_text(rows)
