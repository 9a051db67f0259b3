"""Bodies, the meeting and topics: who the organisations are, when and where the meeting was.

* **Bodies**: capitalised names ending in a body noun ("Corporate Parenting Board",
  "Children and Young People Overview and Scrutiny Committee", "Kent County Council") and
  national bodies by name or acronym (Ofsted, DfE, LGA). Committees, boards and the cabinet
  of the document's council are its sub-organisations.
* **Meeting**: body and date from the manifest or reader; time, venue, agenda items and whether
  it was cancelled from the reader's ``MeetingInfo``, else a front sheet ("Date:", "Time:", "Venue:").
* **Topics**: service areas from section headings and minutes lead-ins ("Fostering – in
  response to ..."), skipping the standard report sections every paper has.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from ingest.extract.names import POST_HEADS
from ingest.extract.spans import document_lines, evidence_at
from kg.facts import AgendaEntry, BodyMention, MeetingFact, Topic
from kg.records import Document
from kg.resolve import NATIONAL_BODIES, body_key, fold, national_body

_HEADS = r"(?:Committee|Sub-Committee|Board|Cabinet|Council|Partnership|Panel|Forum|Agency|Association|Authority|Trust|Commission|Ministry|Department|Court|Police|Group)"
_NAME = re.compile(
    rf"\b(?P<name>(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|of|for|on|the|&)[ \t]+)*){{0,9}}{_HEADS})\b(?![ \t]+[A-Z][a-z])"
)
_ACRONYMS = re.compile(r"\b(?:Ofsted|OFSTED|DfE|DFE|LGA|CQC|ONS|DHSC|MHCLG|Home Office|Social Work England|NHS England|Central Government|Youth Justice Board|Ministry of Justice)\b")
_GENERIC = {"committee", "board", "council", "partnership", "panel", "forum", "agency", "authority",
            "association", "trust", "commission", "department", "court", "police", "group", "the council",
            "the committee", "the board", "local authority", "the local authority", "sub committee", "ministry"}
_KINDS = (("sub committee", "committee"), ("committee", "committee"), ("panel", "committee"), ("board", "board"),
          ("cabinet", "cabinet"), ("council", "council"), ("partnership", "partnership"))
STANDARD_SECTIONS = frozenset(
    (
        "summary", "recommendations", "recommendation", "background", "budget and policy framework",
        "advice and analysis", "risk management", "financial implications", "legal implications",
        "financial and legal implications", "consultation", "lead officer contact", "appendices",
        "background papers", "options", "introduction", "purpose", "conclusion", "next steps",
        "implications for looked after children", "climate change implications", "agenda item", "items",
        "supporting documents", "diversity impact assessment", "key findings", "further work", "action plan",
        "authorisation", "date of authorisation", "challenges",
    )
)
_LEAD_IN = re.compile(r"^(?P<topic>[A-Z][\w'’ ()/-]{2,60}?)\s+[–-]\s+(?:in response|it was|members|the|officers|a question)", re.I)


def bodies(doc: Document) -> list[BodyMention]:
    """Each body named in the document once, with its kind and parent organisation."""
    council = doc.meta.council
    found: "OrderedDict[str, BodyMention]" = OrderedDict()

    def add(name: str, ev) -> None:
        name = national_body(name) or name.strip()
        folded = fold(name)
        if folded in _GENERIC or len(folded) < 3 or folded.startswith(("the ", "a ")):
            return
        key = body_key(name, council)
        if key not in found:
            kind = "external" if national_body(name) else _kind(folded, council)
            parent = council if kind in {"committee", "board", "cabinet"} and council else None
            found[key] = BodyMention(name, kind, parent, ev)

    if council:
        add(council, None)
    if doc.meta.body:
        add(doc.meta.body, None)
    for p in doc.paragraphs:
        for m in _NAME.finditer(p.text):
            for name in _split_names(m.group("name")):
                begin = p.text.find(name, m.start("name"))
                add(name, evidence_at(p, begin, begin + len(name)))
        for m in _ACRONYMS.finditer(p.text):
            add(m.group(), evidence_at(p, m.start(), m.end()))
    return list(found.values())


def _split_names(run: str) -> list[str]:
    """"Chair of the Corporate Parenting Board" -> the board; "QAPIB and the Improvement Board" -> two."""
    two = re.fullmatch(r"(.+?) and ((?:[A-Z][\w'’-]+ )+(?:County|City|Borough|District) Council)", run)
    if two:  # "London Borough of Bexley and Kent County Council": two councils
        return [two.group(1), two.group(2)]
    parts = re.split(r"\s+(?:and\s+)?the\s+|\s+(?:of|for)\s+the\s+", run)
    names = []
    for part in parts:
        part = re.sub(r"^(?:The|A|An|Our|This|That|Both|All|Each|Every|As)\s+", "", part.strip())
        if re.search(_HEADS + r"$", part) and not POST_HEADS.search(part.rsplit(" ", 1)[0] if " " in part else ""):
            names.append(part)
    return names


def _kind(folded: str, council: str | None) -> str:
    if council and folded == fold(council):
        return "council"
    for suffix, kind in _KINDS:
        if folded.endswith(suffix):
            return "external" if kind == "council" else kind
    return "external"


def meeting(doc: Document) -> MeetingFact | None:
    """The meeting the document belongs to, when its body and date are known."""
    info = doc.meeting
    body = doc.meta.body or (info.body if info else None)
    when = doc.meta.meeting_date or (info.date if info else None)
    if not body or not when:
        return None
    time = info.time if info and info.time else _front(doc, "Time")
    venue = info.venue if info and info.venue else _front(doc, "Venue")
    venue = venue.strip(" |") if venue else None  # table cells leave their borders
    agenda = tuple(AgendaEntry(a.number, a.title, a.restricted) for a in info.agenda_items) if info else ()
    title = doc.meta.title or ""
    item = re.sub(r"\s*\((?:minutes of )?agenda item\)\s*$", "", title, flags=re.I) if "agenda item" in title.lower() else None
    return MeetingFact(body, when, time, venue, agenda, item, cancelled=bool(info and info.cancelled))


def _front(doc: Document, label: str) -> str | None:
    """A front-sheet field such as "Time: 6.30pm" within the first lines of the document."""
    for i, line in enumerate(document_lines(doc)):
        if i > 40:
            break
        m = re.match(rf"^{label}\s*:\s*(.+)$", line.text)
        if m:
            return m.group(1).strip()
    return None


def topics(doc: Document) -> list[Topic]:
    """Service areas: section headings and minutes lead-ins, each with its paragraphs."""
    found: "OrderedDict[str, list[str]]" = OrderedDict()
    titles = {fold(doc.meta.title or "")}
    for p in doc.paragraphs:
        labels = [_heading_topic(h) for h in p.heading_path[1:] or p.heading_path]
        m = _LEAD_IN.match(p.text)
        if m:
            labels.append(m.group("topic").strip())
        for label in labels:
            if label and fold(label) not in STANDARD_SECTIONS and fold(label) not in titles:
                found.setdefault(label, []).append(p.id)
    return [Topic(label, tuple(ids)) for label, ids in found.items()]


def _heading_topic(heading: str) -> str | None:
    """"4. Workforce" -> "Workforce"; "5.2 Theme 1 – Supporting Families" -> "Supporting Families"."""
    text = re.sub(r"^\d+(?:\.\d+)*\.?\s*", "", heading).strip()
    text = re.sub(r"^Theme\s+\d+\s*[–-]\s*", "", text)
    text = re.sub(r"\s*\((?:Priority|Theme)\s*\d+\)\.?$", "", text).strip(" .")
    if not text or len(text) > 60 or text.isupper() or not text[0].isupper():
        return None
    return text
