"""What a figure counts: the noun "how many" asks about, whether a sentence's figures count
that noun or another, and whether a figure is an amount of change rather than a level."""

from __future__ import annotations

import re

_COUNT_STOP = frozenset("""did do does were was are is have has had will would could can in at on for from of to by
with since during between across under over than per may might must should could would can shall""".split())


def singular(noun: str) -> str:
    """A plural's stem for a containment test ("places" → "place", "children" → "child")."""
    for plural, singular in (("children", "child"), ("people", "person"), ("women", "woman"), ("men", "man")):
        if noun.endswith(plural):
            return noun[: -len(plural)] + singular
    if noun.endswith("sses"):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def counted_noun(question: str) -> str | None:
    """The noun "how many" counts (or "what is the average" measures), as written: the last word
    of the phrase after "how many",
    up to the verb or preposition that ends it ("how many new places did…" → "places",
    "how many children were adopted…" → "children")."""
    m = re.search(r"\bhow many\s+(.*)", question.lower()) or re.search(
        r"\bwhat (?:is|was|are|were) (?:the |an? )?(?:average|mean|median|typical)\s+(.*)", question.lower())
    if m is None:
        return None
    # "Of the 44 actions in the strategy, how many relate to data?" counts actions.
    whole = re.search(r"\bof the \d[\d,]* ([a-z][\w'\u2019-]*)\b[^?]*,\s*how many\s+(?!of\b)[a-z]+(?:ed)?\s+(?:to|on|with|in|about)\b",
                      question.lower())
    if whole:
        return whole.group(1)
    # "Of the 16 young people …, how many were boys?" counts boys: a part named after the verb
    part = re.match(r"(?:of (?:them|these|those)\s+)?(?:were|are|was|is)\s+([a-z][\w'\u2019-]*s)\s*(?:\?|$)", m.group(1))
    if part:
        return _COUNTED_AS.get(part.group(1), part.group(1))
    if re.search(r"\b(?:vacant|unfilled|empty)\b", m.group(1)):
        return "vacancies"  # "how many posts were vacant" counts vacancies, not posts
    phrase = []
    for word in re.findall(r"[a-z][\w'\u2019-]*", m.group(1))[:6]:
        if word in _COUNT_STOP or (phrase and word.endswith("ed")):  # "how many people attended"
            break
        phrase.append(word)
    # The first plural ends the noun phrase: "how many pupils qualify…" counts pupils.
    plural = next((w for w in phrase if w in _PLURALS or (w.endswith("s") and not w.endswith(("ss", "'s", "us")))), None)
    counted = plural or (phrase[-1] if phrase else None)
    return _COUNTED_AS.get(counted, counted)  # "how many kids" counts children


# A question about an amount of change ("how much was added", "by how much did it rise")
ASKS_CHANGE = re.compile(r"\b(?:increas|decreas|rise|rose|risen|fall|fell|drop|add|extra|additional|more|further|"
                          r"growth|grow|grew|uplift|by how much|cut|reduc|sav|chang|differen|gap|shortfall|less|fewer)", re.I)
_CHANGE_BEFORE = re.compile(r"\b(?:a further|an? additional|additional|an extra|extra|another|increase of|rise of|"
                            r"up by|down by|reduction of|cut of|growth of|uplift of)\s*$")
_CHANGE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:added|more|extra|increase|uplift|rise|growth|reduction|cut)\b")


def is_change(number: str, text: str) -> bool:
    """True when every mention of a figure in the sentence is an amount of change ("c£10million
    added", "a further 5"), not a level."""
    spots = [m.start() for m in re.finditer(re.escape(number.lower()), text)]
    return bool(spots) and all(
        _CHANGE_BEFORE.search(text[max(0, at - 25):at]) or _CHANGE_AFTER.search(text[at + len(number):at + len(number) + 25])
        for at in spots)


def counts_other(counted: str, text: str) -> bool:
    """True when a figure of the sentence directly counts another plural noun than the one asked
    ("94 schools") and none counts the asked one."""
    stem = singular(counted)
    def plural(word: str) -> bool:
        return word not in UNIT_NOUNS and (word in _PLURALS or (word.endswith("s") and not word.endswith(("ss", "'s", "us"))))

    other = False
    for m in re.finditer(rf"(?<![\w.,£])(?:\d[\d,]*|{WORD_NUMBERS})\s+([a-z][\w'\u2019-]*)(?:\s+([a-z][\w'\u2019-]*))?"
                         rf"(?:\s+([a-z][\w'\u2019-]*))?", text):
        words = []
        for w in (w for w in m.groups() if w):  # "100,654 registered social workers": past the adjectives
            if w in _NOT_COUNTED:
                break
            words.append(w)
        if not words:
            continue
        if any((w.startswith(stem[:5]) or counts_as(stem, w, words)) and not w.endswith(("'s", "\u2019s"))
               for w in words):
            return False  # ("1703 pupils" counts children)
        noun = next((w for w in words if plural(w)), None)
        other = other or noun is not None
    return other


def counts_as(stem: str, word: str, phrase: list[str] | tuple[str, ...] = ()) -> bool:
    """Whether ``word`` counts what ``stem`` asks about though it is another noun: pupils and
    young people are children; children are people ("how many young people … 73 children")."""
    if stem == "child":
        return word in CHILDREN or (word == "people" and "young" in phrase)
    return stem == "person" and (word in CHILDREN or word in ("children", "adults", "residents", "individuals"))


PERIOD_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?)\b"
UNIT_NOUNS = frozenset("days weeks months years hours minutes times per cent percent pounds points".split())
_PLURALS = frozenset("children people staff women men police personnel".split())
_COUNTED_AS = {"kids": "children", "kid": "child", "youngsters": "children", "youngster": "child"}
CHILDREN = frozenset("pupils learners students boys girls babies infants teenagers adolescents".split())
# words after a figure that end the noun phrase it counts ("50 in total were", "3 of these")
_NOT_COUNTED = frozenset("of in on at to for from by per and or but with than as is are was were has have had be "
                         "been will would could can may the a an this that these those".split())
AS_WORD = {str(i): w for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
WORD_NUMBERS = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
