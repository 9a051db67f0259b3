"""Names a question gives, and whether evidence states them: runs of capitalised words
("Planning Committee", "Eden House"), the qualifiers that restrict what is asked ("in Kent",
"for the High Needs Block"), the role a who-question asks about, and names of the same kind
that contrast with the one asked ("Anchor House" for "Eden House").
"""

from __future__ import annotations

import re

from kg.qa.composer import Scored
from kg.qa.records import Analysis

_QUALIFIER = re.compile(r"\b(?:in|for|at|of)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\b)((?:[A-Z][\w'\u2019-]*\s*)+)")  # a month is a date


def run_of(question: str, word: str) -> str:
    """The run of capitalised words in the question that ``word`` belongs to; a quoted title
    ("'A Place to Call Home'") is one run, small words and all."""
    for m in _QUOTED.finditer(question):
        if word in m.group(1).split():
            return m.group(1)
    for m in _CAPITAL_RUN.finditer(question):
        if word in m.group(0).split():
            return m.group(0)
    return word


def states_role(a: Analysis, best: Scored) -> bool:
    """Whether the answer's sentence (or the heading it is a value of) states the role asked."""
    if not a.role:
        return True
    # (a form's field states it on the line before the value: "Director / James Williams")
    own = best.context.text if best.context.headed else best.sentence.text
    return bool(re.search(rf"\b{a.role}", f"{own} {best.context.heading}", re.I))


def named_kinds(question: str) -> list[tuple[str, str]]:
    """Names of two words or more in the question, as (name, its last word): ("Eden House", "House")."""
    out = []
    for m in _CAPITAL_RUN.finditer(question):
        words = m.group(0).split()
        if len(words) >= 2 and (m.start() > 0 or _HEADLINE.match(question, m.end())):
            out.append((m.group(0), words[-1]))  # ("Eden House: when does it open?" names it first)
    return out


_DETERMINERS = frozenset("the this that these those a an its their our his her each every any".split())


def contrasts(named: list[tuple[str, str]], text: str, asked: str | None = None) -> bool:
    """Whether ``text`` names another of the same kind and not the one asked: "Anchor House"
    for a question about "Eden House", "Licensing Committee" for "Planning Committee"."""
    text = text.replace("\u2019", "'")
    for name, kind in named:
        name = name.replace("\u2019", "'")
        if name.lower() in text.lower():
            continue
        others = re.findall(rf"\b([A-Z][\w'-]*)\s+{re.escape(kind)}\b", text)
        # ("The RAA launched…" names the same RAA: an article or pronoun is no other name)
        if any(o.lower() not in name.lower().split() and o.lower() not in _DETERMINERS for o in others):
            return True
        # ("Partnership Improvement Board" is another "Children's Improvement Board"; "Medway
        # Children's Services", with a word the question gives, is not another)
        words = name.split()
        if len(words) >= 3 and asked is not None:
            others = re.findall(rf"\b([A-Z][\w'-]*)\s+{re.escape(' '.join(words[-2:]))}\b", text)
            if any(o.lower().replace("'", "") not in asked.lower().replace("'", "").replace("\u2019", "") for o in others):
                return True
    return False


def other_kind(question: str, text: str) -> bool:
    """Whether ``text`` speaks of another kind of the thing asked: "a residential placement" for
    "an independent fostering agency placement". The kind is two or more words before the noun;
    generic ones ("new", "our") do not count."""
    lowered = text.lower().replace("\u2019", "'")
    for m in _KINDED.finditer(question.lower().replace("\u2019", "'")):
        wanted = set()
        for w in reversed(m.group(1).split()):  # the words just before the noun, back to a generic one
            if w in _GENERIC_KIND or w.endswith("'s"):
                break
            wanted.add(w)
        # (one word before the noun is as often a verb's object: "finding homes"; and the phrase must
        # open as a noun phrase does, "an independent fostering agency placement", not "when discussing")
        if len(wanted) < 2 or any(w in lowered for w in wanted):
            continue
        head = m.group(2).rstrip("s")
        others = [set(x.group(1).split()) - _GENERIC_KIND for x in
                  re.finditer(rf"\b((?:[a-z][\w-]*\s+){{1,2}}){re.escape(head)}s?\b", lowered)]
        if any(o for o in others):
            return True
    return False


def other_number(question: str, text: str) -> bool:
    """Whether ``text`` names another of a numbered series than the one asked: "Cohort 8" for
    "Cohort 7", "Phase 1" for "Phase 2" (years are dates, not members of a series)."""
    lowered = text.lower()
    for m in _NUMBERED.finditer(question.lower()):
        noun, number = m.group(1), m.group(2)
        named = {x.group(2) for x in _NUMBERED.finditer(lowered) if x.group(1) == noun}
        if named and number not in named:
            return True
    return False


def opposite_kind(question: str, text: str, paragraph: str = "") -> bool:
    """Whether ``text`` speaks of the opposite kind to the one asked: "permanent social work staff"
    for "agency social workers", "external" placements for "in-house" ones. A sentence that names
    neither ("the cost of these teams") is of its paragraph's kind."""
    asked, said, around = _kind_words(question), _kind_words(text), _kind_words(paragraph)
    for pair in _OPPOSED:
        for one, other in (pair, pair[::-1]):
            if not asked & one or asked & other:
                continue
            kinds = said if said & (one | other) else around
            if kinds & other and not kinds & one:
                return True
    return False


def part_of_whole(question: str, text: str, own: str = "") -> bool:
    """Whether ``text`` gives the figure for a larger whole that a name the question asks about is
    only part of: "over 400 children placed by other local authorities, primarily London Boroughs
    and Kent" for London boroughs; "at Abbey Court School and Bradfield's Academy … 156 places" for
    Abbey Court. (Names of the paper's own council or body, in ``own``, go without saying.)"""
    asked = question.lower()
    for m in _CAPITAL_RUN.finditer(question):
        name = m.group(0)
        if m.start() == 0 or name.lower() in own.lower() or len(name) < 3 or _AMONG.search(question[max(0, m.start() - 40):m.start()]):
            continue  # (a question that itself says "other councils, mainly London boroughs" asks for the whole)
        at = re.search(rf"\b{re.escape(name)}\b", text, re.I)
        if at is None:
            continue
        if _AMONG.search(text[max(0, at.start() - 40):at.start()]):
            return True  # "… primarily London Boroughs"
        after = _OTHER_CONJUNCT.match(text, at.end())
        before = _CONJUNCT_BEFORE.search(text[:at.start()])
        other = (after and after.group(1)) or (before and before.group(1))
        if other and other.split()[0].lower() not in asked and other.lower() not in own.lower():
            return True  # "Abbey Court School and Bradfield's Academy"
    return False


_AMONG = re.compile(r"\b(?:primarily|mainly|mostly|largely|including|such as|particularly|notably|predominantly|"
                    r"chiefly|especially)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}?$", re.I)
_OTHER_CONJUNCT = re.compile(r"(?:\s+[A-Z][\w'\u2019-]*)*\s+and\s+(?:the\s+)?([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)")
_CONJUNCT_BEFORE = re.compile(r"\b([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)\s+and\s+(?:the\s+)?$")


def other_post(question: str, text: str) -> bool:
    """Whether ``text`` names the same kind of post for another field and not the one asked: the
    "Director of Public Health" for "Medway's Director of People"."""
    for m in _POST_OF.finditer(question):
        title, field = m.group(1).lower(), set(fold(m.group(2)).split())
        fields = [set(fold(x.group(2)).split()) for x in _POST_OF.finditer(text) if x.group(1).lower() == title]
        # ("Head of Children's Services Commissioning" is the "Head of Children's Commissioning")
        if fields and not any(field <= f or f <= field for f in fields):
            return True
    return False


_POST_OF = re.compile(r"\b((?:Assistant |Deputy |Interim |Corporate )?(?:Director|Head|Manager|Lead|Chief Officer)) of "
                      r"((?:the )?[A-Z][\w'\u2019-]*(?:\s+(?:and|&|for)?\s*[A-Z][\w'\u2019-]*)*)")


def _kind_words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower()))


# kinds that papers on staff and placements set against each other
_OPPOSED = (
    (frozenset({"agency", "locum", "locums", "interim", "temporary"}), frozenset({"permanent", "permanently", "substantive"})),
    (frozenset({"in-house", "internal", "internally"}), frozenset({"external", "externally", "independent", "commercial", "private"})),
)
_NUMBERED = re.compile(r"\b(cohort|phase|wave|round|tranche|stage|cycle|version|tier|step|option|year|week|month)\s+"
                       r"(\d{1,2}|[ivx]{1,4})\b(?!\s*(?:/|-|\u2013)\s*\d)")
_KINDS = r"placements?|homes?|provisions?|schools?|carers?|teams?|accommodation|units?|beds?|grants?"
_KINDED = re.compile(rf"\b(?:a|an|the|of|for|in|on|at|our|its|their|this|that|per|each|every)\s+"
                     rf"((?:[a-z][\w'-]*\s+){{1,3}}?)({_KINDS})\b")
_GENERIC_KIND = frozenset("a an the of our their its his her this that these those new existing current local council "
                          "councils in on at for to from and or with each every all any some more other such "
                          "many much few several per one two three four five six seven eight nine ten care how what which is are was "
                          "were did does do has have had own same other whole total overall main key".split())


def body_run(question: str, word: str) -> str | None:
    """The name of a body that ``word`` is part of ("Planning Committee"), or None."""
    run = run_of(question, word)
    return run if run != word and _BODY_NOUN.search(run) else None


_BODY_NOUN = re.compile(r"\s(?:Committee|Board|Council|Panel|Forum|Partnership|Cabinet|Trust|Authority|Commission|"
                        r"Sub-Committee|Subcommittee)$")
_QUOTED = re.compile(r"(?<!\w)['\u2018\"\u201c]([A-Z][^'\u2019\"\u201d?]{2,80}?)['\u2019\"\u201d](?!\w)")
_HEADLINE = re.compile(r"\s*(?::|\s-|\u2013|\u2014)")
_HEADLINE_TOPIC = re.compile(r"^\s*([^?:\u2013\u2014]{3,80}?)\s*(?::|\s-\s|\u2013|\u2014)\s*\S")


def headline_topic(question: str) -> str:
    """The topic a headline-style question puts first ("Old Vic assessment unit: did Cabinet
    approve the plan?" → "Old Vic assessment unit"), or ""; the answer must be about it."""
    m = _HEADLINE_TOPIC.match(question)
    if m is None or re.match(r"\s*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do|has|have|"
                             r"had|can|could|will|would|should|in|on|at|for|from|by|according|after|before|since)\b",
                             m.group(1), re.I):
        return ""
    return m.group(1)
_CAPITAL_RUN = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")


def qualifiers(question: str, papers: bool = False) -> list[list[str]]:
    """Capitalised phrases that restrict what is asked: "in Kent", "for the High Needs Block";
    with ``papers``, only those that name a paper ("of the Portfolio Holder's March report")."""
    return [m.group(1).split() for m in _QUALIFIER.finditer(question)
            if not papers or _PAPER_AFTER.match(question, m.end())]


_PAPER_AFTER = re.compile(r"\s*(?:(?:19|20)\d\d\s+)?(?:annual\s+)?(?:report|paper|update|minutes|agenda|briefing|assessment)\b", re.I)


def fold(text: str) -> str:
    """Lower case, curly apostrophes straightened, possessives dropped: for containment tests."""
    text = text.lower().replace("\u2019", "'")
    return re.sub(r"'s\b|(?<=s)'(?!\w)", "", text)  # "children's", "services'"
