"""People and their posts: report front sheets, contact lines, inline appositions, speakers.

Patterns, each common across UK councils' papers (and parliamentary transcripts):

* label lines: "Report from: Name, Post", "Author(s): Name, Post, Name, Post and Name, Post",
  "Lead officer contact: Name, Post, email", "Portfolio Holder: Councillor X, Portfolio Holder
  for Y"; the label may also be the paragraph's heading;
* "Name - Post" on a line of its own; "contact Name, Post on ..." in contact sentences;
* appositions: "Name, (the) Post" and "(our|the) Post, Name" where the post has a head noun;
* transcript turns: "The Chair (Hon. Name (Riding, Party)):" and "Name AM:";
* mentions by post alone: "the Head of X said/added/introduced".
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ingest.extract.names import POST_HEADS, clean_post, looks_like_person, looks_like_post
from ingest.extract.spans import Sentence, document_lines, evidence_at, lines, sentences, span_evidence
from kg.facts import Evidence, PersonMention, PostHolding, PostMention
from kg.records import Document, Paragraph
from kg.resolve import fold, person_name, post_key

LABELS = {
    "report from": "report_from", "report of": "report_from", "report by": "report_from",
    "author": "author", "authors": "author", "report author": "author", "report authors": "author",
    "lead officer contact": "lead_officer", "lead officer": "lead_officer",
    "contact officer": "contact", "officer contact": "contact", "contact": "contact",
    "portfolio holder": "portfolio_holder", "lead member": "portfolio_holder",
    "cabinet member": "portfolio_holder", "presented by": "author",
}
_LABEL_LINE = re.compile(
    r"^\s*(?P<label>" + "|".join(sorted(map(re.escape, LABELS), key=len, reverse=True)) + r")"
    r"(?:\s*[:.\-–]+\s*|\s+(?=[A-Z]))(?P<value>.*)$",
    re.I,
)
_DASH_LINE = re.compile(r"^\s*(?P<name>[A-Z][\w'’. -]+?)\s+[-–]\s+(?P<post>[A-Z].+)$")
_CONTACT = re.compile(r"\bcontact\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,4}),\s+(?P<post>[A-Z][^,\n]+?)\s+(?:on|at|by|via|tel|telephone|email)\b", re.I)
_ADDRESS = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b(?:Centre|Center|Road|Street|Parade|Avenue|Lane|Square|House|Hall|Building|Floor)\b"
)
_POST_TOKEN = r"(?:[A-Z][\w'’-]*|of|for|and|the|&|in)"
_POST_PHRASE = rf"[A-Z][\w'’-]*(?:\s+{_POST_TOKEN}){{0,9}}"
_NAME_PHRASE = r"(?:(?:Cllr|Councillor|Mrs?|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"
_APPOSITION = re.compile(rf"(?P<name>{_NAME_PHRASE}),\s+(?:the\s+)?(?P<post>{_POST_PHRASE})")
_REVERSE = re.compile(rf"\b(?:our|the|its)\s+(?P<post>{_POST_PHRASE}),\s+(?P<name>{_NAME_PHRASE})(?=[,.;)]|\s+and\b|$)")
_SPEAKER = re.compile(r"^(?:The\s+)?(?P<post>[A-Z][\w .'-]{1,60}?)\s+\((?P<name>[^():]+?)(?:\s*\([^()]*\))?\):")
_SPEAKER_NAME = re.compile(r"^(?P<name>(?:Hon\.|Right Hon\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)?\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}):\s")
_SAID = re.compile(
    r"\b[Tt]he\s+(?P<post>(?:Assistant |Deputy |Interim |Acting )?(?:Head|Director|Chief Executive|Portfolio Holder|"
    r"Leader|Chair(?:man|person)?|Cabinet Member|Lead Member|Monitoring Officer|Service Manager|Principal Social Worker)"
    r"(?:\s+(?:of|for)\s+[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|&|,\s*(?=[A-Z])))*)?)"
    r"(?=\s+(?:said|stated|added|introduced|responded|explained|confirmed|reported|advised|informed|replied|"
    r"acknowledged|noted|gave|presented|undertook|agreed|supported|highlighted|clarified)\b)"
)


def holdings(doc: Document) -> list[PostHolding]:
    """Every (person, post) pair the document states, deduplicated by resolution key.

    Front-sheet labels come first so that their fuller post titles win over appositions.
    """
    labelled: list[PostHolding] = []
    other: list[PostHolding] = []
    label_lines: set[int] = set()
    all_lines = list(document_lines(doc))
    for i, line in enumerate(all_lines):
        found = list(_label_holdings(all_lines, i))
        if found:
            label_lines.add(line.start)
            labelled.extend(found)
        else:
            other.extend(_dash_holding(line))
    for p in doc.paragraphs:
        for s in sentences(p):
            if not any(s.start <= at < s.end for at in label_lines):
                other.extend(_inline_holdings(s))
    other.extend(_attendee_holdings(doc))
    return _dedupe(labelled + _not_shorter(other, labelled, doc.meta.council), doc.meta.council)


def speakers(doc: Document) -> tuple[list[PostHolding], list[PersonMention]]:
    """Transcript turns: "The Chair (Name):" gives a post holding, "Name AM:" a person."""
    posts: list[PostHolding] = []
    people: list[PersonMention] = []
    for p in doc.paragraphs:
        for line in lines(p):
            m = _SPEAKER.match(line.text)
            if m and looks_like_post(m.group("post")):
                name = person_name(m.group("name").split(",")[0])
                if looks_like_person(name):
                    posts.append(PostHolding(name, clean_post(m.group("post")), "speaker", _ev(line, m)))
                continue
            m = _SPEAKER_NAME.match(line.text)
            if m and looks_like_person(m.group("name")):
                people.append(PersonMention(person_name(m.group("name")), "speaker", _ev(line, m)))
    return _dedupe(posts, doc.meta.council), _dedupe_people(people)


def post_mentions(doc: Document, known: Iterable[PostHolding]) -> list[PostMention]:
    """Mentions by post alone, linked to the holder when this document names one."""
    council = doc.meta.council
    holders = {post_key(h.post, council): h.person for h in known}
    out: list[PostMention] = []
    for p in doc.paragraphs:
        for m in _SAID.finditer(p.text):
            post = clean_post(m.group("post"))
            out.append(PostMention(post, holders.get(post_key(post, council)), evidence_at(p, m.start("post"), m.end("post"))))
    return out


def _label_holdings(all_lines: list[Sentence], i: int) -> Iterator[PostHolding]:
    """Pairs on a label line, or under a label that stands alone, plus continuation lines."""
    line = all_lines[i]
    m = _LABEL_LINE.match(line.text)
    if m and m.group("value").strip(" -–.:"):
        role = LABELS[fold(m.group("label"))]
        yield from filter(_valid, _pairs(line, m.start("value"), role))
    elif fold(line.text) in LABELS:
        role = LABELS[fold(line.text)]
    else:
        return
    # Names often continue on the following lines ("Author: A, Post" then "B, Post").
    for follow in all_lines[i + 1 : i + 4]:
        if _LABEL_LINE.match(follow.text) or not looks_like_person(_head_name(follow.text)):
            break
        yield from filter(_valid, _pairs(follow, 0, role))


def _head_name(text: str) -> str:
    return re.split(r",|\s[-–]\s", text, maxsplit=1)[0].strip()


def _pairs(line: Sentence, offset: int, role: str) -> Iterator[PostHolding]:
    """Split "A, Post, B, Post and C, Post" (or "A - Post") into (person, post) pairs."""
    value = re.split(r"[\w.+-]+@[\w.-]+|\b(?:Tel|Tele|Telephone|Email|Phone)\b|\s\d{5}", line.text[offset:])[0]
    # "Name - Post" at the start of the value or of any ";"-separated entry
    value = ",".join(re.sub(r"^\s*(\S+(?:\s+\S+){1,4})\s+[-–]\s+", r"\1, ", part) for part in value.split(";"))
    chunks: list[str] = []
    for chunk in value.split(","):
        parts = re.split(r"\s+and\s+", chunk)
        merged = [parts[0]]
        for part in parts[1:]:
            if looks_like_person(part.strip()):
                merged.append(part)
            else:
                merged[-1] += " and " + part
        for piece in merged:
            chunks.extend(_split_tail_name(piece.strip()))
    person: str | None = None
    post_parts: list[str] = []
    address = False
    for chunk in [c for c in chunks if c]:
        if _ADDRESS.search(chunk):
            address = True  # an office address follows the post: nothing after it is the post
        elif looks_like_person(chunk) and not POST_HEADS.search(chunk):
            if person and post_parts:
                yield _holding(person, post_parts, role, line)
            person, post_parts, address = chunk, [], False
        elif person and not address:
            post_parts.append(chunk)
    if person and post_parts:
        yield _holding(person, post_parts, role, line)


def _valid(h: PostHolding) -> bool:
    """A pair read off a label line is kept only when its post names a post (not an address)."""
    return looks_like_post(h.post)


def _split_tail_name(chunk: str) -> list[str]:
    """"Resources and Youth Justice Rachael Horner" (a lost line break) -> post, name."""
    tokens = chunk.split()
    if looks_like_person(chunk) or len(tokens) < 4:
        return [chunk]
    for n in (3, 2):
        tail = " ".join(tokens[-n:])
        if looks_like_person(tail) and not looks_like_person(" ".join(tokens[-n - 1 :])):
            return [" ".join(tokens[:-n]), tail]
    return [chunk]


def _holding(person: str, parts: list[str], role: str, line: Sentence) -> PostHolding:
    post = clean_post(", ".join(parts))
    begin = line.text.find(person)
    end = line.text.find(parts[-1], max(begin, 0)) + len(parts[-1])
    ev = span_evidence(line, begin, end) if 0 <= begin < end else line.evidence()
    return PostHolding(person_name(person), post, role, ev)


def _dash_holding(line: Sentence) -> Iterator[PostHolding]:
    m = _DASH_LINE.match(line.text)
    if m and looks_like_person(m.group("name")) and looks_like_post(m.group("post")):
        yield PostHolding(person_name(m.group("name")), clean_post(m.group("post")), "stated", _ev(line, m))


def _not_shorter(items: list[PostHolding], better: list[PostHolding], council: str | None) -> list[PostHolding]:
    """Drop an apposition that only repeats a front-sheet pair with a truncated title."""
    best = {(fold(h.person)): post_key(h.post, council) for h in better}
    out = []
    for h in items:
        known = best.get(fold(h.person))
        if known is None or not known.startswith(post_key(h.post, council)):
            out.append(h)
    return out


def _inline_holdings(s: Sentence) -> Iterator[PostHolding]:
    for m in _CONTACT.finditer(s.text):
        if looks_like_person(m.group("name")) and looks_like_post(m.group("post")):
            yield PostHolding(person_name(m.group("name")), clean_post(m.group("post")), "contact", _ev(s, m))
    for pattern in (_APPOSITION, _REVERSE):
        for m in pattern.finditer(s.text):
            name = _trim_name(m.group("name"))
            post = _trim_post(m.group("post"))
            if name and post and looks_like_post(post) and not looks_like_person(post):
                yield PostHolding(person_name(name), clean_post(post), "stated", _ev(s, m))


def _trim_name(name: str) -> str | None:
    """The longest tail of a capitalised run that is a plausible name ("Ms Jo Smith")."""
    tokens = name.split()
    for i in range(len(tokens) - 1):
        candidate = " ".join(tokens[i:])
        if looks_like_person(candidate):
            return candidate
    return None


def _trim_post(post: str) -> str | None:
    """Cut a post where a name or the next clause starts ("Minister for Education, and ...")."""
    post = re.split(r"\s+and\s+(?=[A-Z][a-z]+\s+[A-Z])", post)[0]
    post = re.sub(r"\s+(?:and|of|for|the|in|&)$", "", post.strip())
    return post if POST_HEADS.search(post) else None


def _attendee_holdings(doc: Document) -> Iterator[PostHolding]:
    if not doc.meeting:
        return
    for a in doc.meeting.attendees:
        if a.role and looks_like_post(a.role) and fold(a.role) not in {"committee member", "member"}:
            yield PostHolding(person_name(a.name), a.role, "attendee", None)


def _ev(s: Sentence, m: re.Match[str]) -> Evidence:
    return span_evidence(s, m.start(), m.start() + len(m.group().rstrip(":")))


def _dedupe(items: list[PostHolding], council: str | None) -> list[PostHolding]:
    """One holding per person, post and role: the author of a report may also be its lead
    officer contact, and each says something different about the paper."""
    seen: set[tuple[str, str, str]] = set()
    out: list[PostHolding] = []
    for h in items:
        key = (fold(h.person), post_key(h.post, council), h.role)
        if h.post and key not in seen:
            seen.add(key)
            out.append(h)
    return out


def _dedupe_people(items: list[PersonMention]) -> list[PersonMention]:
    seen: set[str] = set()
    out = []
    for m in items:
        if fold(m.person) not in seen:
            seen.add(fold(m.person))
            out.append(m)
    return out
