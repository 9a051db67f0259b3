"""Small pieces every reader shares: whitespace, table rows, settings and error wrapping."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from kg.errors import CouncilKGError, ReaderError

# Non-breaking and zero-width spaces are common in Word-made papers; they must not split or
# glue words differently from ordinary spaces.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


@dataclass(frozen=True)
class ReaderSettings:
    """Limits that keep one hostile or enormous file from exhausting the machine."""

    max_pdf_pages: int = 2000
    max_bytes: int = 200 * 1024 * 1024
    max_unpacked_bytes: int = 500 * 1024 * 1024


def clean(text: str | None) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    if not text:
        return ""
    return _SPACES.sub(" ", text).strip()


def table_text(rows: Iterable[Iterable[str | None]]) -> str:
    """Flatten table rows to the Block convention: one row a line, cells joined by `` | ``.

    Rows whose cells are all empty are dropped; they carry nothing a reader could cite.
    """
    lines = []
    for row in rows:
        cells = [clean(cell) for cell in row]
        if any(cells):
            lines.append(" | ".join(cells).strip())
    return "\n".join(lines)


@contextmanager
def library_errors(name: str, what: str) -> Iterator[None]:
    """Turn any exception a parsing library raises into a ReaderError naming the file.

    Our own errors pass through unchanged. Catching ``Exception`` is deliberate: pdfminer,
    python-docx and lxml raise many unrelated types for damaged input, and none may escape.
    """
    try:
        yield
    except CouncilKGError:
        raise
    except MemoryError as exc:
        raise ReaderError(f"{name}: {what} is too large to read") from exc
    except Exception as exc:  # noqa: BLE001 - see docstring
        detail = clean(str(exc)) or type(exc).__name__
        raise ReaderError(f"{name}: {what} could not be read ({detail[:200]})") from exc
