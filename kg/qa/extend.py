"""Answers that go on past their sentence: the items a lead-in announces below it ("4 key themes,
listed below"), a table's rows after "the following", a co-author's line after "Author:", and
who "I" is in a member's report (its "Portfolio Holder:" line)."""

from __future__ import annotations

import re
from typing import Callable

from kg.catalog import Catalog
from kg.qa.composer import ENUMERATES_BELOW, MAX_ANSWER, MAX_LIST, Scored
from kg.qa.counting import singular
from kg.qa.typefit import FOLLOWING, listed_noun
from kg.qa.dates import find_spans
from kg.qa.records import DateSpan
from kg.qa.synonyms import same_word
from kg.qa.sentences import sentences_of, trim

_COUNTS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_AUTHOR_LINE = re.compile(r"authors?\s*:", re.I)
# a member's report opens with who gives it; an officer's report ("Report from:") starts another
_MEMBER_LINE = re.compile(r"^\s*(?:portfolio holder|lead member|cabinet member)\s*:\s*\S", re.I)
_OFFICER_LINE = re.compile(r"^\s*report from\s*:", re.I)
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I\u2019m|I've|I\u2019ve|my|me)\b")


def speaker_holds(role: str, text: str) -> bool:
    """Whether the "I" of a member's report holds ``role`` in ``text``: "I chair the Board", "I am
    proud to chair", "as Lead Member I" (not "Alongside the Chief Nurse, I chair…", for the nurse)."""
    return bool(re.search(rf"\b(?:I|I['\u2019]m|my)\b(?:\s+[\w'\u2019-]+){{0,3}}?\s+(?:the\s+|a\s+|an\s+|our\s+)?{role}|"
                          rf"\bas (?:the |your |our )?(?:[\w'\u2019-]+ )?{role}\w*\b[^.]*\bI\b", text, re.I))
# "what risks did…", "what key risks to delivering the duty were listed…"
_WHAT_PLURAL = re.compile(r"^\s*(?:what|which) (?:[a-z-]+ ){0,2}?([a-z]+s) (?:did|do|does|are|were|have|has|to|of|in|for|from|"
                          r"listed|set)\b", re.I)


def items_below(catalog: Catalog, question: str, best: Scored, text: str, used: list[str]) -> tuple[str, list[str]]:
    """"There are 4 key themes of the strategy, listed below": the answer names them, from
    the headings of the sections that follow ("Theme 1 – Supporting Families", …)."""
    m = ENUMERATES_BELOW.search(best.sentence.text)
    noun = listed_noun(question)
    if m is None or noun is None or not (singular(noun) in m.group(1).lower() or same_word(noun, m.group(1))):
        return text, used
    count = m.group(0).split()[0].lower()
    wanted = int(count) if count.isdigit() else _COUNTS.get(count, 0)
    if not 1 < wanted <= 12:
        return text, used
    items: list[tuple[str, str]] = []
    seen = False
    for sp in catalog.paragraphs_of(best.context.document_id):
        p = sp.paragraph
        if p.id == best.context.paragraph_id:
            seen = True
            continue
        heading = p.heading_path[-1] if p.heading_path else ""
        if not seen or not heading or heading == best.context.heading:
            continue
        if any(h == heading for h, _ in items):
            continue
        items.append((heading, p.id))
        if len(items) == wanted:
            break
    if len(items) < wanted:
        return text, used
    names = "; ".join(re.sub(r"^\s*\d+(?:\.\d+)*\.?\s+", "", h) for h, _ in items)
    return f"{text} {names}.", used + [pid for _, pid in items if pid not in used]


def table_below(catalog: Catalog, question: str, best: Scored, text: str, used: list[str]) -> tuple[str, list[str]]:
    """"The following represent the key risks…" followed by a table (a risk register, a list
    of projects): the answer names the table's rows by their first cell."""
    found = listed_noun(question) or _WHAT_PLURAL.search(question)
    noun = found if isinstance(found, str) or found is None else found.group(1).lower()
    lead = best.sentence.text
    # (a lead-in ending with a colon already brought the items after it)
    if noun is None or not FOLLOWING.search(lead) or lead.endswith(":") or singular(noun) not in lead.lower():
        return text, used
    paragraphs = [sp.paragraph for sp in catalog.paragraphs_of(best.context.document_id)]
    at = next((i for i, p in enumerate(paragraphs) if p.id == best.context.paragraph_id), None)
    if at is None:
        return text, used
    own = best.context.text
    blocks = [(paragraphs[at].id, own[own.find(lead) + len(lead):] if lead in own else own)]
    blocks += [(p.id, p.text) for p in paragraphs[at + 1:at + 3]]
    for pid, block in blocks:
        rows = [line.split(" | ") for line in block.splitlines() if line.count(" | ") >= 1]
        cells = [r[0].strip() for r in rows[1:] if 0 < len(r[0].strip()) <= 60]
        if len(cells) >= 2:
            return trim(f"{text} {'; '.join(cells[:12])}.", MAX_LIST), used + ([pid] if pid not in used else [])
    return text, used


def author_before(catalog: Catalog, best: Scored, text: str, used: list[str]) -> tuple[str, list[str]]:
    """A co-author's line on its own ("Chris Hudson-Wallis, Programme Officer") follows the
    paragraph that ends "Author: Stephanie Davis, …": the answer names both."""
    if _AUTHOR_LINE.match(best.sentence.text) or not best.sentence.has_person:
        return text, used
    previous = None
    for sp in catalog.paragraphs_of(best.context.document_id):
        if sp.paragraph.id == best.context.paragraph_id:
            break
        previous = sp.paragraph
    last = sentences_of(previous.id, previous.text)[-1].text if previous is not None and previous.text else ""
    if not _AUTHOR_LINE.match(last):
        return text, used
    return trim(f"{last} {text}", MAX_ANSWER), [previous.id] + used


def rare_word_after(best: Scored, ranked: list[Scored], rare: set[str], stems: Callable[[str], set[str]],
                    text: str) -> str:
    """"Do staff still visit children placed out of the area in person?" — "… a robust process of
    oversight. … a high level of face-to-face visits.": when a distinctive word of the question is
    missing from the answer and a sentence shortly after it in the same paragraph states it, that
    sentence joins the answer."""
    lacking = rare - stems(text)
    if not lacking:
        return text
    later = sorted((r.sentence for r in ranked if r.context is best.context
                    and best.sentence.index < r.sentence.index <= best.sentence.index + 3
                    and lacking & stems(r.sentence.text)), key=lambda s: s.index)
    room = MAX_ANSWER - len(later[0].text) - 1 if later else 0
    if room < 80:
        return text
    return f"{trim(text, room)} {later[0].text}"  # (the first sentence cut to its clauses to make room)


def speakers(catalog: Catalog, document_id: str) -> dict[str, tuple[str, str]]:
    """For each paragraph of a document that a member's report speaks in, (the id and text of its
    "Portfolio Holder: Councillor …" line): who its "I" is."""
    out: dict[str, tuple[str, str]] = {}
    member: tuple[str, str] | None = None
    for sp in catalog.paragraphs_of(document_id):
        text = sp.paragraph.text
        if _MEMBER_LINE.match(text):
            member = (sp.paragraph.id, " ".join(re.sub(r"^\s*[^:]+:\s*", "", text).split()))
        elif _OFFICER_LINE.match(text):
            member = None
        elif member is not None:
            out[sp.paragraph.id] = member
    return out


SCENE_BACK = 4  # paragraphs of its section looked back for the dates of an undated paragraph's scene


def scenes(catalog: Catalog, document_id: str) -> dict[str, tuple[DateSpan, ...]]:
    """For each paragraph stating no date, the dates its section states in the paragraphs before
    it (at most ``SCENE_BACK``): "3.1 The ILACS took place from 17 to 28 July 2023" sets the scene
    of "3.3 The four areas were graded as follows:". All of them, not the nearest alone: "since the
    inspection in 2019" in the paragraph before does not move the scene to 2019."""
    out: dict[str, tuple[DateSpan, ...]] = {}
    before: list[tuple[tuple[str, ...], tuple[DateSpan, ...]]] = []
    for sp in catalog.paragraphs_of(document_id):
        p = sp.paragraph
        section = p.heading_path[:2]
        spans = tuple(find_spans(p.text))
        if not spans:
            scene = tuple(x for s, found in before[-SCENE_BACK:] if s == section for x in found)
            if scene:
                out[p.id] = scene
        before.append((section, spans))
    return out


def speaker_named(speaker: tuple[str, str] | None, best: Scored, text: str, used: list[str]) -> tuple[str, list[str]]:
    """"Who chairs the Corporate Parenting Board?" — "I am proud to chair our Corporate Parenting
    Board", in the Lead Member's report: the answer names the member who says it."""
    if speaker is None or not FIRST_PERSON.search(best.sentence.text) or best.sentence.has_person:
        return text, used
    line_id, line = speaker
    return trim(f"{line}: {text}", MAX_ANSWER), used + [line_id]
