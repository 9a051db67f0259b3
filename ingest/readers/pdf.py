"""PDF reader (pdfplumber): page-numbered blocks with running headers and footers removed.

* Running headers and footers are lines in the top or bottom band of the page whose text,
  with digits masked ("Page 3 of 12" ~ "Page # of #"), recurs on at least half of the pages;
  lone page numbers in those bands go too.
* Tables found by pdfplumber's table finder become TABLE blocks placed where they stand on
  the page; their characters are filtered out of the running text so nothing is read twice.
* Paragraphs are rebuilt from lines: a new block starts at a vertical gap wider than the usual
  line spacing, a first-line indent, a change of font size, a bullet or a section number.
* Headings: lines set larger than the body text (levels by size, largest first), or bold and
  short, or a standalone numbered/capitalised line that reads like a heading.
* A paragraph cut by a page break is joined to its start and keeps the first page's number.

Encrypted, truncated or damaged files, and files over ``max_pdf_pages``, raise ReaderError.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from ingest.readers import classify
from ingest.readers._blocks import ReaderSettings, clean, library_errors, table_text
from ingest.readers.sniff import PDF
from kg.errors import ReaderError
from kg.records import Block, BlockKind, ParsedFile

_BAND = 0.12  # top and bottom share of the page where running headers and footers live
_PAGE_NUMBER = re.compile(r"^(page\s*)?#(\s*(of|/)\s*#)?$", re.IGNORECASE)
_TERMINAL = tuple(".!?:;")


@dataclass
class _Line:
    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool


@dataclass
class _Draft:
    """A block being assembled from lines on one page."""

    kind: BlockKind
    page: int
    lines: list[_Line] = field(default_factory=list)
    text: str = ""
    level: int = 0


def read_pdf(data: bytes, name: str, settings: ReaderSettings) -> ParsedFile:
    """Read a PDF into page-numbered blocks; ReaderError when it cannot be read."""
    if b"%%EOF" not in data[-65536:]:
        # pdfminer recovers what it can from a cut-off file, which would silently drop pages.
        raise ReaderError(f"{name}: PDF is truncated (no end-of-file marker)")
    import pdfplumber  # deferred: pdfminer is slow to import and only PDFs need it

    with library_errors(name, "PDF"):
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except Exception as exc:
            if _encrypted(exc):
                raise ReaderError(f"{name}: PDF is encrypted and needs a password") from exc
            raise
        with pdf:
            if len(pdf.pages) > settings.max_pdf_pages:
                raise ReaderError(
                    f"{name}: {len(pdf.pages)} pages is over the limit of {settings.max_pdf_pages}"
                )
            pages = [_page_items(page, number) for number, page in enumerate(pdf.pages, 1)]
            metadata_title = clean(str((pdf.metadata or {}).get("Title") or ""))
    return _assemble(pages, name, metadata_title)


def _encrypted(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if "Password" in type(seen).__name__ or "Encrypt" in type(seen).__name__:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _page_items(page: Any, number: int) -> tuple[float, list[_Line], list[tuple[float, str]]]:
    """Lines outside tables and (top, text) of each table on one page."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    body = page.filter(outside_tables) if boxes else page
    lines = []
    for raw in body.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in raw["chars"] if c["text"].strip()]
        text = clean(raw["text"])
        if not text or not chars:
            continue
        lines.append(
            _Line(
                text=text, page=number, top=raw["top"], bottom=raw["bottom"],
                x0=raw["x0"], x1=raw["x1"],
                size=round(median(c["size"] for c in chars), 1),
                bold=all(_is_bold(c["fontname"]) for c in chars),
            )
        )
    lines.sort(key=lambda line: (round(line.top), line.x0))
    table_items = [(t.bbox[1], table_text(t.extract())) for t in tables]
    return float(page.height), lines, [(top, text) for top, text in table_items if text]


def _is_bold(fontname: str) -> bool:
    return any(mark in fontname for mark in ("Bold", "Black", "Heavy", "Semibold"))


def _assemble(
    pages: list[tuple[float, list[_Line], list[tuple[float, str]]]], name: str, meta_title: str
) -> ParsedFile:
    running = _running_lines(pages)
    kept = [[ln for ln in lines if not _is_running(ln, height, running)] for height, lines, _ in pages]
    all_lines = [ln for lines in kept for ln in lines]
    if not all_lines and not any(tables for _, _, tables in pages):
        raise ReaderError(f"{name}: PDF has no extractable text (scanned images need OCR)")
    body_size = _body_size(all_lines)
    heading_sizes = sorted({ln.size for ln in all_lines if ln.size >= body_size * 1.15}, reverse=True)
    gap = _usual_gap(kept)
    blocks: list[Block] = []
    warnings = []
    for number, ((_, _, tables), lines) in enumerate(zip(pages, kept, strict=True), 1):
        if not lines and not tables:
            warnings.append(f"page {number} has no extractable text")
        drafts = _drafts(lines, body_size, gap)
        items: list[tuple[float, Block]] = [
            (d.lines[0].top, _finish(d, body_size, heading_sizes)) for d in drafts
        ]
        items += [(top, Block(BlockKind.TABLE, text, number)) for top, text in tables]
        for _, block in sorted(items, key=lambda item: item[0]):
            _append(blocks, block)
    title = meta_title if _useful_title(meta_title) else _first_heading(blocks)
    return ParsedFile(PDF, tuple(blocks), title=title, warnings=tuple(warnings))


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _in_band(line: _Line, height: float) -> bool:
    return line.bottom <= height * _BAND or line.top >= height * (1 - _BAND)


def _running_lines(pages: list[tuple[float, list[_Line], list[tuple[float, str]]]]) -> set[str]:
    counts: Counter[str] = Counter()
    for height, lines, _ in pages:
        counts.update({_mask(ln.text) for ln in lines if _in_band(ln, height)})
    threshold = max(2, (len(pages) + 1) // 2)
    return {text for text, count in counts.items() if count >= threshold}


def _is_running(line: _Line, height: float, running: set[str]) -> bool:
    if not _in_band(line, height):
        return False
    masked = _mask(line.text)
    return masked in running or _PAGE_NUMBER.match(masked) is not None


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _usual_gap(pages: list[list[_Line]]) -> float:
    gaps = [
        b.top - a.bottom
        for lines in pages
        for a, b in zip(lines, lines[1:])
        if 0 <= b.top - a.bottom < 3 * a.size and a.size == b.size
    ]
    return median(gaps) if gaps else 2.0


def _drafts(lines: list[_Line], body_size: float, gap: float) -> list[_Draft]:
    drafts: list[_Draft] = []
    for line in lines:
        current = drafts[-1] if drafts else None
        stripped = classify.strip_bullet(line.text)
        if current is None or _starts_block(current, line, body_size, gap):
            kind = BlockKind.LIST_ITEM if stripped is not None or classify.has_enumerator(line.text) else BlockKind.PARAGRAPH
            drafts.append(_Draft(kind, line.page, [line]))
        else:
            current.lines.append(line)
    return drafts


def _starts_block(current: _Draft, line: _Line, body_size: float, gap: float) -> bool:
    previous = current.lines[-1]
    if abs(line.size - previous.size) > 0.5 or line.bold != previous.bold and line.size > body_size:
        return True
    if line.top - previous.bottom > max(1.8 * gap, 0.5 * line.size):
        return True
    if classify.strip_bullet(line.text) is not None or classify.has_enumerator(line.text):
        return True
    if classify.section_of(line.text) and previous.text.endswith(_TERMINAL):
        return True
    left = min(ln.x0 for ln in current.lines)
    # A first-line indent starts a paragraph; a hanging indent (list continuation) does not.
    return line.x0 > left + line.size and previous.text.endswith(_TERMINAL) and current.kind is BlockKind.PARAGRAPH


def _finish(draft: _Draft, body_size: float, heading_sizes: list[float]) -> Block:
    text = _join(draft.lines)
    first = draft.lines[0]
    if draft.kind is BlockKind.LIST_ITEM:
        stripped = classify.strip_bullet(text)
        return Block(BlockKind.LIST_ITEM, stripped if stripped is not None else text, draft.page)
    section = classify.section_of(text)
    if first.size in heading_sizes and len(text) <= 200:
        level = heading_sizes.index(first.size) + 1
        return Block(BlockKind.HEADING, text, draft.page, section.depth if section else level)
    wording_level = classify.heading_level(text)
    single = len(draft.lines) == 1
    if wording_level and single and (first.bold or section or classify.is_all_caps(text)):
        level = section.depth if section else len(heading_sizes) + (1 if first.bold else wording_level)
        return Block(BlockKind.HEADING, text, draft.page, level)
    return Block(BlockKind.PARAGRAPH, text, draft.page)


def _join(lines: list[_Line]) -> str:
    text = ""
    for line in lines:
        if not text:
            text = line.text
        elif text.endswith("-") and line.text[:1].islower():
            text += line.text  # keep the hyphen: "well-known" is likelier than "some-thing"
        else:
            text += " " + line.text
    return clean(text)


def _append(blocks: list[Block], block: Block) -> None:
    """Append, joining a paragraph continued over a page break to its first part."""
    previous = blocks[-1] if blocks else None
    if (
        previous is not None
        and previous.kind is BlockKind.PARAGRAPH
        and block.kind is BlockKind.PARAGRAPH
        and previous.page != block.page
        and not previous.text.endswith(_TERMINAL)
        and block.text[:1].islower()
    ):
        blocks[-1] = Block(BlockKind.PARAGRAPH, f"{previous.text} {block.text}", previous.page)
    else:
        blocks.append(block)


def _useful_title(title: str) -> bool:
    lowered = title.lower()
    return bool(title) and not lowered.endswith((".doc", ".docx", ".pdf")) and lowered not in {"untitled", "(anonymous)", "anonymous"}


def _first_heading(blocks: list[Block]) -> str | None:
    return next((b.text for b in blocks if b.kind is BlockKind.HEADING), None)
