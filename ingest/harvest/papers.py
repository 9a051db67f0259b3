"""Naming and describing a downloaded paper before it is ingested."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from ingest.harvest.moderngov import AgendaEntry, LinkedDocument
from kg.vocab import slug

_SUFFIX_BY_TYPE = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/html": ".html",
    "text/plain": ".txt",
}
_PAGE_SUFFIXES = frozenset({".aspx", ".asp", ".ashx", ".php", ".cgi"})


def paper_file_name(doc: LinkedDocument, content_type: str | None, served_name: str | None, digest: str) -> str:
    """A file name for a paper: attachment id, a slug of its title, and a suffix for its type.

    The bytes decide the format when it is read; the suffix only helps a person and breaks the
    reader's text-or-HTML tie.
    """
    stem = f"{doc.attachment_id or digest[:12]}-{slug(doc.title)[:60]}"
    return stem + _suffix(content_type, served_name, doc.url)


def _suffix(content_type: str | None, served_name: str | None, url: str) -> str:
    if content_type in _SUFFIX_BY_TYPE:
        return _SUFFIX_BY_TYPE[content_type]
    for name in (served_name or "", urlsplit(url).path):
        suffix = PurePosixPath(name).suffix.lower()
        if suffix and suffix not in _PAGE_SUFFIXES and len(suffix) <= 6:
            return suffix
    return ""


def document_type(doc: LinkedDocument, item: AgendaEntry) -> str:
    """The kind of paper in the council's own words: minutes, agenda or report."""
    title = f"{doc.title} {item.title}".lower()
    if "minute" in doc.title.lower():
        return "minutes"
    if "agenda" in doc.title.lower() or "reports pack" in title:
        return "agenda"
    return "report"


def council_from_site(base_url: str) -> str | None:
    """A guess at the council's name from its site's address: democracy.medway.gov.uk → Medway Council."""
    host = urlsplit(base_url).hostname or ""
    generic = {"www", "democracy", "moderngov", "modgov", "committees", "meetings", "councillors",
               "democratic", "mgov", "cmis", "services", "council", "gov", "uk", "org", "com"}
    for label in host.split("."):
        if label and label not in generic and not label.isdigit():
            words = label.replace("-", " ").split()
            return " ".join(w.capitalize() for w in words) + " Council"
    return None
