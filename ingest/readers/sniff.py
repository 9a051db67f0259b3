"""Decide a file's media type from its content; the file name only breaks ties.

Names lie (a PDF saved as ``.txt``, minutes HTML saved as ``.doc``), so the bytes decide:
magic numbers for PDF and DOCX, the root element for XML, markup for HTML, and otherwise text
that decodes cleanly. Binary that is none of these is refused rather than read as mojibake.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from kg.errors import ReaderError, UnsupportedFormat

PLAIN = "text/plain"
PDF = "application/pdf"
HTML = "text/html"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MODERNGOV = "application/vnd.moderngov+xml"

# Root elements of ModernGov web-service responses (lower-cased, namespace dropped): the bare
# REST-style roots seen in real responses and the SOAP ``…Result`` / ``…Response`` wrappers.
MODERNGOV_ROOTS = frozenset(
    {
        "meeting", "getmeeting", "getmeetingresult", "getmeetingresponse",
        "getmeetings", "getmeetingsresult", "getmeetingsresponse",
        "committees", "getcommittees", "getcommitteesresult", "getcommitteesresponse",
    }
)

_HEAD = 4096  # bytes inspected; every marker we look for sits near the start
_XML_PROLOGUE = re.compile(
    r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*<([A-Za-z_][\w.:-]*)",
    re.DOTALL | re.IGNORECASE,
)
_STRONG_HTML = re.compile(r"<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_WEAK_HTML = re.compile(
    r"<(?:p|div|table|tr|td|h[1-6]|ul|ol|li|span|br|b|i|a|em|strong|title|meta)[\s/>]", re.IGNORECASE
)
_SOAP_MODERNGOV = re.compile(r"<(?:[\w.-]+:)?Get(?:Meetings?|Committees)(?:Response|Result)\b")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def sniff(data: bytes, name: str) -> str:
    """Return the media type of ``data``, judged by content; ``name`` only breaks ties.

    Raises ReaderError for an empty file and UnsupportedFormat for content no reader takes.
    """
    if not data or data.isspace():
        raise ReaderError(f"{name}: file is empty")
    head = data[:_HEAD]
    # The PDF header may legally sit anywhere in the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data, name)
    if head.startswith(_OLE_MAGIC):
        raise UnsupportedFormat(f"{name}: legacy Word/Office binary files are not supported")
    text = decode_text(head, name, partial=len(data) > _HEAD)
    return _sniff_text(text, name)


def _sniff_zip(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReaderError(f"{name}: damaged ZIP container ({exc})") from exc
    if "word/document.xml" in names:
        return DOCX
    raise UnsupportedFormat(f"{name}: a ZIP archive that is not a Word (.docx) document")


def _sniff_text(text: str, name: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    suffix = PurePath(name).suffix.lower()
    if stripped.startswith("<"):
        match = _XML_PROLOGUE.match(stripped)
        root = match.group(1).split(":")[-1].lower() if match else ""
        if root in MODERNGOV_ROOTS or (root == "envelope" and _SOAP_MODERNGOV.search(stripped)):
            return MODERNGOV
        if root == "html" or _STRONG_HTML.search(stripped) or _WEAK_HTML.match(stripped):
            return HTML
        if stripped.startswith("<?xml") or root:
            if suffix in {".html", ".htm", ".xhtml"} and _WEAK_HTML.search(stripped):
                return HTML
            raise UnsupportedFormat(f"{name}: XML with root element <{root}> is not a known format")
    if _STRONG_HTML.search(text):
        return HTML
    # Tie-break: markup-bearing text is HTML only when the name says so; plain-text papers
    # (the Medway scrapes) carry stray <p> fragments inside tables.
    if suffix in {".html", ".htm"} and _WEAK_HTML.search(text):
        return HTML
    return PLAIN


def decode_text(data: bytes, name: str, *, partial: bool = False) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252.

    ``partial`` tolerates a multi-byte character cut at the end of a sample.
    Raises UnsupportedFormat when the bytes look binary (NULs or many control characters).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16", errors="strict" if not partial else "ignore")
        except UnicodeDecodeError as exc:
            raise UnsupportedFormat(f"{name}: malformed UTF-16 text") from exc
    if _looks_binary(data):
        raise UnsupportedFormat(f"{name}: binary content in no supported format")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8-sig")
    # cp1252 leaves five bytes undefined; Latin-1 maps them so decoding never fails here.
    return data.decode("cp1252", errors="strict") if _cp1252_ok(data) else data.decode("latin-1")


def _cp1252_ok(data: bytes) -> bool:
    return not any(byte in data for byte in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def _looks_binary(data: bytes) -> bool:
    sample = data[:_HEAD]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > max(2, len(sample) // 100)
