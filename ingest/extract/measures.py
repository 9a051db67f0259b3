"""Naming what a figure measures, from the words around it in its sentence.

The rules, tried in order, each common in council prose:

* an alternative or target in brackets repeats the last measure: "by 2.7% (or 900 social
  workers)", "increased by 21% (to 7,900)", "(£4,000pw, £4,150pw)";
* a part or continuation of the last figure: "4 of these", "a further 19 ...";
* a change: "vacancies increased by 21%" is the "increase in vacancies";
* "N% of X" and "the proportion / percentage / number of X ... N%" name X;
* the noun phrase the number counts, with its modifiers: "141 referrals for family group
  conferences", "16 young people who require care placed in unregulated provision";
* a number followed by a verb borrows the last measure's noun: "97 were held";
* the second half of a comparison measures what the first did;
* else the subject of the clause the number completes: "The turnover rate ... is 16.9%".

Counts of a document's own structure ("4 key themes", "five priorities") are not measures.
"""

from __future__ import annotations

import re
from typing import Protocol


class Figure(Protocol):
    """The parts of a number in a sentence these rules need."""

    start: int
    end: int
    lead: int
    unit: str


STOP = frozenset(
    """out as at which that where when compared than from since between during by until while whilst
    but because due this these those and or is are was were has have had be been being will would
    could should can may might it they we there here also currently now still only up further""".split()
)
VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|remains?|remained|stood|stands|increased|decreased|rose|fell|grew|"
    r"declined|reduced|dropped|varies|varied|represents?|reached|totall?ed|amounts?|amounted|comprises?|"
    r"saw|shows?|showed|received|placed|secured|means|gives|went|increases|decreases|reduces|declines|grows|rises|"
    r"falls|decline|increase|reduce|grow|rise|fall|will|would|be|being|identifies|shows)\b"
)
_LEAD = re.compile(r"^(?:the|a|an|this|that|these|our|their|its|total|number|numbers|proportion|percentage|rate)\s+(?:of\s+)?", re.I)
COMPARE = re.compile(r"\b(?:compared (?:to|with)|up from|down from|from|than|against|versus|vs\.?|to)\s*$", re.I)
_PREPS = frozenset("of in to for with from on under by into within across".split())
_DETS = frozenset("the a an their our its his her other both".split())
_AUX_WORDS = frozenset(
    "are is was were have has had will would did do does be been being not now currently still yet also actively already successfully".split()
)
_PERIOD_WORDS = frozenset("last past previous next calendar financial academic total".split())
_IRREGULAR = frozenset("left held made taken given seen met remain remains eligible due pending available issue joined".split())
_CHANGE = re.compile(
    r"\b(?P<verb>increased|decreased|rose|risen|fell|fallen|reduced|grew|grown|dropped|declined)\b(?:\s+[\w'’-]+){0,8}?\s+by\s*$", re.I
)
_SHARE_OF = re.compile(r"\b(?:the\s+)?(?:proportion|percentage|share|number)\s+of\s+(?P<np>[^,;:()]+)", re.I)
_STRUCTURE = frozenset(
    "theme themes priority priorities area areas domain domains step steps section sections strand strands outcome "
    "outcomes principle principles pillar pillars objective objectives recommendation recommendations option options "
    "appendix appendices stage stages phase phases".split()
)
_VAGUE = frozenset("there this it they we these those such further now from up of a an the which that who total number with year or and c".split())
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATES = re.compile(
    rf"\b(?:[Bb]etween|[Ff]rom|[Ss]ince|[Aa]s of|[Aa]s at|[Dd]uring|[Ii]n|[Aa]t|[Bb]y)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"{_MONTHS}(?:\s+\d{{4}})?(?:\s+(?:and|to)\s+(?:\d{{1,2}}\s+)?{_MONTHS}(?:\s+\d{{4}})?)?"
)


def name_measure(text: str, hit: Figure, prev: Figure | None, previous: str | None) -> str | None:
    """The measure a figure in ``text`` is of, or None when the sentence does not say."""
    after, before = text[hit.end :], text[: hit.lead]
    if previous and re.search(r"\(\s*(?:or|to)\s*$", before):
        return _base(previous) if re.search(r"\(\s*to\s*$", before) else previous
    out_of = re.match(r"(?:\s+[A-Za-z][\w'’-]*){0,3}?\s+out of\s+[\d,]+", after)
    following = following_phrase(after)
    if out_of:  # "94 schools out of 104 did not issue ...", "49 out of 104 schools issued ..."
        noun = after[: out_of.end()].rsplit(" out of", 1)[0]
        following = f"{following_phrase(noun)} {following_phrase(after[out_of.end() :])}".strip()
    bracketed = text.rfind("(", 0, hit.lead) > text.rfind(")", 0, hit.lead)
    if previous and prev and prev.unit[:3] == hit.unit[:3] and bracketed and not following:
        return previous  # a bracketed list of the same kind of figure: "(£4,000pw, £4,150pw)"
    verb_first = _verb_first(after)
    part_of = prev is not None and re.match(r"\s*of (?:these|them|whom|which)\b", after)
    if previous and (part_of or re.search(r"\bfurther\s*(?:c\.?\s?)?$", before)):
        return tidy(f"{_head(previous)} {following}") if verb_first and following else previous
    if re.match(r"(?:rise|increase|fall|decrease|reduction|growth|drop|decline|uplift)\b", following):
        return tidy(following)
    change = _CHANGE.search(before)
    if change and hit.unit in {"percent", "count"}:
        what = subject(before[: change.start()])
        if what and not vague(what):
            word = "increase" if change.group("verb").lower()[:2] in {"in", "ro", "ri", "gr"} else "decrease"
            return tidy(f"{word} in {what}")
    if hit.unit.startswith("rate"):
        base = re.sub(r"(?:\s+rate)+$", "", previous or subject(text[: hit.start]) or "")
        return tidy(f"{base} rate") if base and not vague(base) else None
    if hit.unit == "percent" and following.startswith("of "):
        return tidy(following[3:])
    share = [m for m in _SHARE_OF.finditer(before)]
    if share and not following:
        np = re.sub(r"\b(?:who|that|which)\s+(?:are|is|were|was)\s+", "", share[-1].group("np"))
        return tidy(re.split(r"\s+(?:is|are|was|were|has|have|had|will|increases?|decreases?|reduces?|remains?)\b", np)[0])
    if verb_first and following and previous:
        return tidy(f"{_head(_base(previous))} {following}")  # "97 were held": the noun is the last measure's
    if previous and re.match(r"(?:into|in|to|for|from|on|with)\b", following):
        return tidy(f"{re.split(r' (?:into|in|to|for|from|on|with) ', previous)[0]} {following}")  # "243 children into mainstream and 177 into resourced provision"
    if hit.unit in {"count", "FTE"} and following and not following.startswith("of ") and not verb_first:
        if not (previous and set(following.lower().split()) <= set(previous.lower().split())):
            return tidy(following)
    spend = re.search(r"\b(?P<verb>overspend|underspend)\s+by\s*$", before)
    if spend and hit.unit == "GBP":  # "the placements budget was forecast to overspend by £2.7 million"
        what = subject(before[: spend.start()])
        return tidy(f"{spend.group('verb')} of {what}" if what and not vague(what) else spend.group("verb"))
    between = text[prev.end : hit.lead] if prev else ""
    if prev and previous and prev.unit == hit.unit and (COMPARE.search(between) or re.fullmatch(r"[\s,(]*(?:or|and|to|from|,)?[\s(]*", between)):
        return previous  # the second half of a comparison measures the same thing
    if previous and following and set(following.lower().split()) <= set(previous.lower().split()):
        return previous  # "from 186 social work posts ... to 270 posts"
    found = subject(before)
    if found and not vague(found):
        return found
    if following and not following.startswith("of ") and not vague(following):
        return tidy(following)
    return None


def is_structure(measure: str) -> bool:
    """"key themes", "priorities": a count of the paper's own parts, not of the world."""
    words = re.split(r"\s(?:of|in|for|to)\s", measure.lower())[0].split()
    return bool(words) and words[-1] in _STRUCTURE and len(words) <= 3


def vague(phrase: str) -> bool:
    """A pronoun, a filler or a stray comparison ("compared to") is not a measure's name."""
    words = phrase.lower().split()
    if not words or words[0] in {"compared", "to", "from", "than", "at", "by"}:
        return True
    return all(w in _VAGUE for w in words) or not any(re.fullmatch(r"[a-z][a-z'’-]{2,}", w) for w in words)


def _base(measure: str) -> str:
    """"increase in vacancies" -> "vacancies": what a change is a change of."""
    return re.sub(r"^(?:increase|decrease|rise|fall|reduction|growth)\s+in\s+", "", measure)


def _head(measure: str) -> str:
    """The noun phrase a measure starts with: "NQSWs recruited" -> "NQSWs"."""
    words = measure.split()
    for i, w in enumerate(words):
        if i and _verbish(w):
            return " ".join(words[:i])
    return measure


def _verbish(word: str) -> bool:
    low = word.lower()
    return low.endswith(("ed", "ing")) or low in _IRREGULAR


def _verb_first(after: str) -> bool:
    """"97 were held", "31 remain working": the counted noun is left out."""
    m = re.match(r"\s*([a-z]+)", after)
    return bool(m) and (m.group(1) in _AUX_WORDS - {"now", "currently", "still", "yet", "also"} or m.group(1) in _IRREGULAR)


def following_phrase(after: str) -> str:
    """The noun phrase right after a number, with its modifiers, up to the next clause.

    "referrals for family group conferences and 97 ..." -> "referrals for family group
    conferences"; "young people who require care placed in unregulated provision, 4 ..." ->
    "young people require care placed in unregulated provision"; "are eligible for SEND
    transport" -> "eligible for SEND transport".
    """
    tokens = re.findall(r"[A-Za-z][\w'’-]*|\d[\d,.]*(?:-\d+)?|[^\w\s]", after)[:24]
    phrase: list[str] = []
    i, relative = 0, False
    while i < len(tokens) and len(phrase) < 12:
        t, low = tokens[i], tokens[i].lower()
        if not re.match(r"[A-Za-z]", t) or re.fullmatch(_MONTHS, t):
            break
        if low in _PREPS and (phrase or low in {"of", "into", "in", "to", "for", "from", "on"}):
            j = i + 1
            while j < len(tokens) and tokens[j].lower() in _DETS:
                j += 1
            if j < len(tokens) and _content(tokens[j]):
                phrase.extend(tokens[i:j])
                i = j
                continue
            break
        if low in {"who", "that", "which"} and phrase and not relative:
            relative, i = True, i + 1
            continue
        if low in _AUX_WORDS or (low in {"have", "has"} and phrase):
            j = i
            while j < len(tokens) and tokens[j].lower() in _AUX_WORDS:
                j += 1
            owns = [w for w in tokens[i:j] if w.lower() in {"have", "has"}]
            if owns and phrase and j + 1 < len(tokens) and tokens[j].lower() in {"a", "an"} and _content(tokens[j + 1]):
                phrase.append("with")  # "13 children currently have a Placement Order"
                i = j
                continue
            if j < len(tokens) and re.match(r"[a-z]", tokens[j]) and _verbish(tokens[j]) and tokens[j].lower() not in STOP:
                phrase.extend(w for w in tokens[i:j] if w.lower() == "not")
                i = j
                continue
            break
        if " ".join(tokens[i : i + 3]).lower() == "year on year" or low in _PERIOD_WORDS:
            break
        capitalised_run = t[0].isupper() and phrase and phrase[-1][0].isupper()
        if (low in STOP and not capitalised_run) or low in {"with", "per", "against", "including", "over", "down"}:
            break
        phrase.append(t)
        i += 1
    while phrase and phrase[-1].lower() in _PREPS | _DETS | {"not"}:
        phrase.pop()
    return " ".join(phrase)


def _content(word: str) -> bool:
    low = word.lower()
    return bool(re.match(r"[A-Za-z]", word)) and low not in STOP and low not in _PREPS and low not in _DETS and not re.fullmatch(_MONTHS, word)


def subject(before: str) -> str | None:
    """The subject of the clause a number completes, read backwards from the number."""
    before = re.sub(r"\([^()]*\)|[^\x00-\x7f’£%]", " ", before)
    before = _DATES.sub(" ", before)
    of = re.search(r"((?:[\w'’-]+\s+){0,7}?[\w'’-]+)\s+of\s*$", before)
    if of:  # "a weekly cost of £2,107", "the capped rate under the Memorandum of Cooperation of £38.00"
        group = re.split(r"[,;:]|\b(?:compared (?:to|with)|than|against|versus|and|leading to|resulting in)\b", of.group(1))[-1]
        verbs = list(VERB.finditer(group))
        group = group[verbs[-1].end() :] if verbs else group
        words = re.sub(r"^\s*(?:(?:a|an|the|at|of|in|with|its|their|our|and|to|from|by|for|is|are)\s+)+", "", group + " ").strip()
        if words and not VERB.search(words) and words.lower() not in {"total", "number", "rate"} and len(words.split()) <= 8:
            return tidy(words)
    clause = re.split(r"[;:(]|,\s|\band\s+(?=the\b)|\bthat\b|\bwhich\b|\bwhere\b|\bwhilst\b|\bwhile\b", before)
    for part in reversed(clause):
        part = re.sub(r"^\s*(?:and|but|so|however|although|despite|with|in \d{4}\S*|as of [^,]*|since [^,]*)\s+", "", part.strip(), flags=re.I)
        if vague(part) or re.match(r"^(?:has|have|had|is|are|was|were)\b", part.strip()):
            continue
        head = VERB.split(part)[0] if VERB.search(part) else ""
        head = re.sub(r"\b(?:in|during|at|by|since|as of|as at|for)\s+(?:\d{4}|\d\d/\d\d|[A-Z][a-z]+ \d).*$", "", head).strip()
        head = re.sub(r"[^\w'’ -]", " ", head)
        words = [w for w in head.split() if not re.fullmatch(r"\d[\d,.]*", w)]
        if words and len(words) <= 14 and not vague(" ".join(words)):
            return tidy(" ".join(words[-10:]))
        if words and VERB.search(part) and head.strip():  # "This has resulted in more children placed ...": the object
            tail = re.sub(r"^\W*(?:\w+ed|been|being|in|to|of|by)\s+", "", part[VERB.search(part).end():].strip())
            tail_words = [w for w in re.sub(r"[^\w'’ -]", " ", tail).split()][-10:]
            if tail_words and not vague(" ".join(tail_words)):
                return tidy(" ".join(tail_words))
        if not head and part and not VERB.search(part) and len(part.split()) <= 16:
            return tidy(re.sub(r"[^\w'’ -]", " ", part)) or None
    return None


def tidy(phrase: str) -> str:
    """A measure label without dates, years, leading articles or "number of"."""
    phrase = re.sub(rf"\b{_MONTHS}\b|\b(?:19|20)\d{{2}}\b", " ", phrase)
    phrase = " ".join(phrase.split()).strip(" ,.;:-")
    for _ in range(3):
        phrase = _LEAD.sub("", phrase)
    return phrase
